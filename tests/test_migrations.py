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


def test_events_revision_comes_after_import_run_status_and_goes_down_alone(fresh_url: str) -> None:
    """Revision 0006 (events and relations) sits on main's 0005 (import run status):
    going down one step removes exactly the cross-source tables and keeps run status."""
    migrate(fresh_url)
    before = _tables(fresh_url)
    command.downgrade(alembic_config(fresh_url), "0005")
    cross_source = {"event", "event_claim", "claim_relation", "claim_slot", "framing"}
    assert before - _tables(fresh_url) == cross_source
    engine = make_engine(fresh_url)
    try:
        columns = {c["name"] for c in sa.inspect(engine).get_columns("import_run")}
        with engine.connect() as conn:
            current = conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()
    finally:
        engine.dispose()
    assert "status" in columns
    assert current == "0005"
    migrate(fresh_url)
    command.check(alembic_config(fresh_url))
