"""The schema comes only from the migrations, and they agree with the models."""

from __future__ import annotations

import json
from functools import partial

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


def _claim_triggers(engine: sa.Engine) -> set[str]:
    """The triggers on `claim` (SQLite's full-text ones; none on PostgreSQL)."""
    if engine.dialect.name != "sqlite":
        return set()
    with engine.connect() as conn:
        sql = "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'claim'"
        return set(conn.execute(sa.text(sql)).scalars())


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


def test_figures_revision_fills_the_figures_of_stored_claims(fresh_url: str) -> None:
    """0007 gives the claims stored before it their figure rows, one per quantity, and
    goes down alone."""
    from tests.commands import claimdb_here

    claimdb_here(fresh_url, "seed")
    engine = make_engine(fresh_url)

    def figures() -> list[tuple]:
        with engine.connect() as conn:
            return [
                tuple(r)
                for r in conn.execute(
                    sa.text(
                        "SELECT claim_id, kind, value, value_min, value_max, subset "
                        "FROM claim_figure ORDER BY claim_id, id"
                    )
                )
            ]

    try:
        written = figures()
        with engine.connect() as conn:
            quantities = conn.execute(sa.text("SELECT quantities FROM claim")).scalars().all()
        expected = sum(len(json.loads(q) if isinstance(q, str) else q) for q in quantities)
        assert len(written) == expected > 0
        command.downgrade(alembic_config(fresh_url), "0006")
        assert "claim_figure" not in _tables(fresh_url)
        migrate(fresh_url)
        assert figures() == written
    finally:
        engine.dispose()


def test_search_revision_indexes_stored_claims_and_goes_back_to_0002s_index(
    fresh_url: str,
) -> None:
    from tests.commands import claimdb_here

    claimdb_here(fresh_url, "seed")
    engine = make_engine(fresh_url)
    count = "SELECT count(*) FROM {}"
    try:
        with engine.connect() as conn:
            claims = conn.execute(sa.text(count.format("claim"))).scalar_one()
        command.downgrade(alembic_config(fresh_url), "0007")
        with engine.connect() as conn:  # 0002's index is back, whole
            if engine.dialect.name == "sqlite":
                old = "SELECT count(*) FROM claim_fts WHERE claim_fts MATCH 'aleppo'"
            else:
                old = "SELECT count(*) FROM claim WHERE search_vector @@ 'aleppo'::tsquery"
            assert conn.execute(sa.text(old)).scalar_one() > 0
        migrate(fresh_url)
        with engine.connect() as conn:
            assert conn.execute(sa.text(count.format("claim_fts"))).scalar_one() == claims > 0
    finally:
        engine.dispose()


def test_curation_revision_goes_down_alone_and_keeps_the_search_triggers(fresh_url: str) -> None:
    """Revision 0009 (curation) only adds tables and columns: going down to 0008 removes
    exactly them, and on SQLite the full-text triggers on `claim` survive both ways."""
    migrate(fresh_url)
    engine = make_engine(fresh_url)

    def claim_columns() -> set[str]:
        return {c["name"] for c in sa.inspect(engine).get_columns("claim")}

    triggers = partial(_claim_triggers, engine)
    try:
        command.downgrade(alembic_config(fresh_url), "0009")
        before, fts = _tables(fresh_url), triggers()
        assert {"review_status", "corrections"} <= claim_columns()
        command.downgrade(alembic_config(fresh_url), "0008")
        assert before - _tables(fresh_url) == {"api_key", "revision"}
        assert not {"review_status", "reviewed_by", "reviewed_at", "corrections"} & claim_columns()
        assert "deleted_at" not in {c["name"] for c in sa.inspect(engine).get_columns("source")}
        assert triggers() == fts
        migrate(fresh_url)
        assert triggers() == fts
        command.check(alembic_config(fresh_url))
    finally:
        engine.dispose()


def test_query_layout_revision_copies_the_dates_of_stored_claims(fresh_url: str) -> None:
    """0010 gives the links of claims stored before it their claim's event dates, and
    goes down alone (on SQLite, whatever triggers `claim` has survive both ways)."""
    from tests.commands import claimdb_here

    claimdb_here(fresh_url, "seed")
    engine = make_engine(fresh_url)
    sqlite = engine.dialect.name == "sqlite"
    triggers = partial(_claim_triggers, engine)
    # SQLite before 3.39 has no IS DISTINCT FROM; its IS NOT means the same
    distinct = "IS NOT" if sqlite else "IS DISTINCT FROM"
    differ = (
        "SELECT count(*) FROM {link} JOIN claim ON claim.id = {link}.claim_id WHERE "
        f"{{link}}.event_date_start {distinct} claim.event_date_start "
        f"OR {{link}}.event_date_end {distinct} claim.event_date_end"
    )

    try:
        fts = triggers()
        command.downgrade(alembic_config(fresh_url), "0009")
        assert "event_date_start" not in {
            c["name"] for c in sa.inspect(engine).get_columns("claim_place")
        }
        assert triggers() == fts
        migrate(fresh_url)
        assert triggers() == fts
        with engine.connect() as conn:
            for link in ("claim_actor", "claim_place"):
                assert conn.execute(sa.text(differ.format(link=link))).scalar_one() == 0
                dated = f"SELECT count(*) FROM {link} WHERE event_date_start IS NOT NULL"
                assert conn.execute(sa.text(dated)).scalar_one() > 0
        command.check(alembic_config(fresh_url))
    finally:
        engine.dispose()


def test_registry_tag_revision_draws_each_tag_on_every_write_and_goes_down_alone(
    fresh_url: str,
) -> None:
    """0018's triggers draw `actors` anew on any insert, update or delete of an actor or an
    actor's alias, `places` on a place's or a place alias's, and only that tag; going down
    to 0017 removes the table, its triggers and PostgreSQL's trigger functions."""
    from app.models.registry import TAGGED

    migrate(fresh_url)
    engine = make_engine(fresh_url)
    tag_of = {table: tag for tag, tables in TAGGED.items() for table in tables}
    writes = [
        ("actor", "INSERT INTO actor (id, name, kind, curated, slug) "
                  "VALUES (1, 'A', 'armed_group', false, 'a')"),
        ("actor", "UPDATE actor SET name = 'B' WHERE id = 1"),
        ("actor_alias", "INSERT INTO actor_alias (id, actor_id, alias, key) "
                        "VALUES (1, 1, 'B', 'b')"),
        ("actor_alias", "UPDATE actor_alias SET alias = 'C' WHERE id = 1"),
        ("place", "INSERT INTO place (id, name, kind, country_code, geo_precision, slug) "
                  "VALUES (1, 'P', 'town', 'SY', 'centroid', 'p')"),
        ("place", "UPDATE place SET name = 'Q' WHERE id = 1"),
        ("place_alias", "INSERT INTO place_alias (id, place_id, alias, key) "
                        "VALUES (1, 1, 'Q', 'q')"),
        ("place_alias", "UPDATE place_alias SET alias = 'R' WHERE id = 1"),
        ("actor_alias", "DELETE FROM actor_alias WHERE id = 1"),
        ("place_alias", "DELETE FROM place_alias WHERE id = 1"),
        ("actor", "DELETE FROM actor WHERE id = 1"),
        ("place", "DELETE FROM place WHERE id = 1"),
    ]  # fmt: skip
    tags = sa.text("SELECT actors, places FROM registry_tag")
    try:
        with engine.begin() as conn:
            for table, sql in writes:
                before = conn.execute(tags).one()._asdict()
                conn.execute(sa.text(sql))
                after = conn.execute(tags).one()._asdict()
                assert {k for k in before if before[k] != after[k]} == {tag_of[table]}, sql
        command.downgrade(alembic_config(fresh_url), "0017")
        assert "registry_tag" not in _tables(fresh_url)
        with engine.connect() as conn:
            if engine.dialect.name == "sqlite":
                left = "SELECT name FROM sqlite_master WHERE name LIKE 'registry_tag%'"
            else:
                left = (
                    "SELECT tgname FROM pg_trigger WHERE tgname LIKE 'registry_tag%' UNION ALL "
                    "SELECT proname FROM pg_proc WHERE proname LIKE 'registry_tag%'"
                )
            assert conn.execute(sa.text(left)).all() == []
        migrate(fresh_url)
        command.check(alembic_config(fresh_url))
    finally:
        engine.dispose()
