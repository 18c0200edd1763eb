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
    migrate(fresh_url, "0006")
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


def test_curation_revision_goes_down_alone_and_keeps_the_search_triggers(fresh_url: str) -> None:
    """Revision 0008 (curation) only adds tables and columns: going down to 0006 removes
    exactly them, and on SQLite the full-text triggers on `claim` survive both ways."""
    migrate(fresh_url)
    engine = make_engine(fresh_url)

    def claim_columns() -> set[str]:
        return {c["name"] for c in sa.inspect(engine).get_columns("claim")}

    def triggers() -> set[str]:
        if engine.dialect.name != "sqlite":
            return set()
        with engine.connect() as conn:
            return set(
                conn.execute(sa.text("SELECT name FROM sqlite_master WHERE type = 'trigger'"))
                .scalars()
                .all()
            )

    try:
        before, fts = _tables(fresh_url), triggers()
        assert {"review_status", "corrections"} <= claim_columns()
        command.downgrade(alembic_config(fresh_url), "0006")
        assert before - _tables(fresh_url) == {"api_key", "revision"}
        assert not {"review_status", "reviewed_by", "reviewed_at", "corrections"} & claim_columns()
        assert "deleted_at" not in {c["name"] for c in sa.inspect(engine).get_columns("source")}
        assert triggers() == fts
        migrate(fresh_url)
        assert triggers() == fts
        command.check(alembic_config(fresh_url))
    finally:
        engine.dispose()
