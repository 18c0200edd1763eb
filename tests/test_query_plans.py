"""Every standard /claims filter is answered from an index, never a full scan of claims.

Checked with EXPLAIN, for the page query and the count query, on a database holding
20,000 synthetic claims: on SQLite the plan must not SCAN claim; on PostgreSQL, with
sequential scans disabled (so the test asks "is there an index path?" rather than "is it
cheaper at this size?"), no node may Seq Scan claim. On both, the count query (which must
find every match) evaluates the filter through an index other than claim's primary key;
the page query may instead walk the primary key in order and stop at the page's end,
which is what the planner picks for common values.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy import Engine
from sqlmodel import Session

from app.db import make_engine, migrate
from app.importer import prepare
from app.params import ClaimFilters
from app.services import claim_query
from app.synth import generate

STANDARD = {
    "actor alias": {"actor": ["Daesh"]},
    "actor role": {"actor": ["Daesh"], "actor_role": "agent"},
    "place with sub-places": {"place": ["Aleppo"]},
    "governorate": {"governorate": ["Homs"]},
    "event dates": {"date_from": "2016-11-26", "date_to": "2016-11-27"},
    "dates within": {"date_from": "2016-11", "date_to": "2016-11", "date_mode": "within"},
    "published dates": {"date_from": "2016-02", "date_to": "2016-02", "date_field": "published"},
    "bbox": {"bbox": "38.1,34.4,38.4,34.7"},
    "near": {"near": "36.2,37.16", "radius_km": 20},
    "full text": {"q": "besieged Palmyra"},
    "claimant": {"claimant": ["Reuters"]},
    "source": {"source": [3]},
    "outlet": {"outlet": ["reuters"]},
    "event type": {"event_type": ["siege"]},
    "actor + dates, newest first": {"actor": ["ISIL"], "date_from": "2016", "sort": "-event_date"},
    "place + dates": {"place": ["Aleppo"], "date_from": "2016-11", "date_to": "2016-12"},
    "event": {"event": [1]},
    "contradicted": {"contradicted": True},
    "corroborated by": {"corroborated_by_min": 2},
    "killed at least": {"killed_min": 250},
    "killed between": {"killed_min": 10, "killed_max": 20},
    "has a figure": {"figure": ["injured"]},
}


@pytest.fixture(scope="module")
def big(backend: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    from tests.conftest import create_database, drop_database

    url = create_database(backend, tmp_path_factory.mktemp("plans"))
    migrate(url)
    engine = make_engine(url)
    prepare(engine)
    generate(engine, 20_000)
    yield engine
    engine.dispose()
    drop_database(url)


def _plan(session: Session, stmt: sa.Select[Any]) -> Any:
    conn = session.connection()
    dialect = conn.dialect.name
    prefix = "EXPLAIN QUERY PLAN " if dialect == "sqlite" else "EXPLAIN (FORMAT JSON) "

    def explain(_conn, _cursor, statement, parameters, _context, _many):  # noqa: ANN001
        return prefix + statement, parameters

    sa.event.listen(conn, "before_cursor_execute", explain, retval=True)
    try:
        rows = conn.execute(stmt).all()
    finally:
        sa.event.remove(conn, "before_cursor_execute", explain)
    return [tuple(r)[-1] for r in rows] if dialect == "sqlite" else rows[0][0][0]["Plan"]


def _pg_nodes(node: dict[str, Any]) -> Iterator[dict[str, Any]]:
    yield node
    for child in node.get("Plans", []):
        yield from _pg_nodes(child)


@pytest.mark.slow
@pytest.mark.parametrize("name", list(STANDARD))
def test_filter_uses_an_index(big: Engine, name: str) -> None:
    filters = ClaimFilters(**STANDARD[name])
    with Session(big) as session:
        stmt = claim_query.filtered(session, filters)
        ordering = claim_query.ordering(filters.sort)
        page = stmt.order_by(
            *[k.expr.desc() if k.descending else k.expr for k in ordering.keys]
        ).limit(51)
        count = sa.select(sa.func.count()).select_from(stmt.order_by(None).subquery())
        if big.dialect.name == "sqlite":
            for query in (page, count):
                plan = _plan(session, query)
                assert not [step for step in plan if re.match(r"SCAN claim\b(?!_fts)", step)], plan
                assert [s for s in plan if re.search(r"USING .*INDEX (?!pk_)|VIRTUAL TABLE", s)], (
                    plan
                )
        else:
            session.execute(sa.text("SET LOCAL enable_seqscan = off"))
            for query in (page, count):
                nodes = list(_pg_nodes(_plan(session, query)))
                assert not [
                    n
                    for n in nodes
                    if n["Node Type"] == "Seq Scan" and n.get("Relation Name") == "claim"
                ], nodes
                if query is count:
                    assert [n for n in nodes if n.get("Index Name", "pk_claim") != "pk_claim"], (
                        nodes
                    )
