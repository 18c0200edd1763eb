"""The schema comes only from the migrations, and they agree with the models."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import command

from app.db import alembic_config, make_engine, migrate
from app.models import SQLModel


def _tables(url: str) -> set[str]:
    engine = make_engine(url)
    try:
        return set(sa.inspect(engine).get_table_names())
    finally:
        engine.dispose()


def test_models_and_migrations_agree(fresh_url: str) -> None:
    migrate(fresh_url)
    command.check(alembic_config(fresh_url))  # raises if autogenerate would change anything


def test_upgrade_downgrade_upgrade(fresh_url: str) -> None:
    model_tables = set(SQLModel.metadata.tables)
    migrate(fresh_url)
    assert model_tables <= _tables(fresh_url)
    command.downgrade(alembic_config(fresh_url), "base")
    assert _tables(fresh_url) <= {"alembic_version"}
    migrate(fresh_url)
    assert model_tables <= _tables(fresh_url)
    command.check(alembic_config(fresh_url))
