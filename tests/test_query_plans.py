"""Every standard /claims filter is answered from an index, never a full scan of claims.

Checked with EXPLAIN, for the page query and the count query, on a database holding
20,000 synthetic claims: on SQLite the plan must not SCAN claim; on PostgreSQL, with
sequential scans disabled (so the test asks "is there an index path?" rather than "is it
cheaper at this size?"), no node may Seq Scan claim. On both, the count query (which must
find every match) evaluates the filter through an index other than claim's primary key;
the page query may instead walk the primary key in order and stop at the page's end,
which is what the planner picks for common values.

The count is the one a list runs (services/paging.py): bounded by default, whole with
`count=exact`; both are checked. The shapes of issue #15 must use the index made for
them (EXPECTED_INDEX), and every standard query finds the same claims as a plain query
on claim's own dates (the links' copies of the dates must never change an answer).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy import Engine
from sqlmodel import Session

from app.db import SERIAL, make_engine, migrate
from app.importer import prepare
from app.models import Claim, Source
from app.models.links import ClaimActor, ClaimPlace
from app.models.page import COUNT_BOUND
from app.params import ClaimFilters, ClaimListParams
from app.services import claim_query, claim_rows, claims, outlets, paging, resolve
from app.services.kept import Kept
from app.synth import generate

PALMYRA = "38.1,34.4,38.4,34.7"

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
    # the standard queries of issue #15
    "#15 actor + dates": {"actor": ["Daesh"], "date_from": "2016-01", "date_to": "2016-06"},
    "#15 place + dates": {"place": ["Aleppo"], "date_from": "2016-11", "date_to": "2016-12"},
    "#15 bbox + type": {"bbox": PALMYRA, "event_type": ["shelling"]},
    "#15 full text + governorate": {"q": "besieged", "governorate": ["Homs"]},
    "#15 type": {"event_type": ["siege"]},
    "#15 near + dates": {
        "near": "36.2,37.16",
        "radius_km": 20,
        "date_from": "2016-01",
        "date_to": "2016-06",
    },
    "#15 claimant + type": {"claimant": ["SOHR"], "event_type": ["casualties"]},
    "#15 actor + dates within": {
        "actor": ["Daesh"],
        "date_from": "2016-01",
        "date_to": "2016-06",
        "date_mode": "within",
    },
    "#15 actor + type": {"actor": ["Daesh"], "event_type": ["shelling"]},
    "#15 place + type": {"place": ["Aleppo"], "event_type": ["shelling"]},
    "#15 actor role + place + dates": {
        "actor": ["ISIL"],
        "actor_role": "agent",
        "place": ["Aleppo"],
        "date_from": "2015",
    },
}
# the index each shape of issue #15 is answered from, in the count's plan on both databases
EXPECTED_INDEX = {
    "#15 actor + dates": "ix_claim_actor_actor_dates",
    "#15 place + dates": "ix_claim_place_place_dates",
    "#15 near + dates": "ix_claim_place_place_dates",
    "#15 claimant + type": "ix_claim_claimant_type",
    "#15 type": "ix_claim_type_id",
    "#15 bbox + type": "ix_claim_place_place_type",
    "#15 actor + type": "ix_claim_actor_actor_type",
    "#15 place + type": "ix_claim_place_place_type",
}
# full text with a governorate is answered by the full-text index alone, which files each
# claim under its places' governorates (app.services.search, `areas`): no place link is read
IN_THE_TEXT_INDEX = ("#15 full text + governorate",)
# on PostgreSQL these pages walk pk_claim over the dated candidates in id order, never
# fetching every candidate to sort it (claim_query._linked): the one sort is of the
# candidates' ids, in the InitPlan that builds the array
ORDERED_CANDIDATES = ("#15 actor + dates", "#15 place + dates", "#15 near + dates")
# these pages are an index range in id order on both databases: nothing is sorted
INDEX_ORDER = {"claimant": "ix_claim_claimant_id", "#15 type": "ix_claim_type_id"}


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


def _plan(session: Session, stmt: Any, params: dict[str, Any] | None = None) -> Any:
    conn = session.connection()
    dialect = conn.dialect.name
    prefix = "EXPLAIN QUERY PLAN " if dialect == "sqlite" else "EXPLAIN (FORMAT JSON) "

    def explain(_conn, _cursor, statement, parameters, _context, _many):  # noqa: ANN001
        return prefix + statement, parameters

    sa.event.listen(conn, "before_cursor_execute", explain, retval=True)
    try:
        rows = conn.execute(stmt, params or {}).all()
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
        counts = [paging.count_statement(stmt, bound) for bound in (COUNT_BOUND, None)]
        expected = EXPECTED_INDEX.get(name)
        if big.dialect.name == "sqlite":
            for query in (page, *counts):
                plan = _plan(session, query)
                assert not [step for step in plan if re.match(r"SCAN claim\b(?!_fts)", step)], plan
                assert [s for s in plan if re.search(r"USING .*INDEX (?!pk_)|VIRTUAL TABLE", s)], (
                    plan
                )
                if expected and query is not page:
                    assert [s for s in plan if f"INDEX {expected}" in s], plan
                if name in IN_THE_TEXT_INDEX:
                    assert not [s for s in plan if "claim_place" in s], plan
                if name in INDEX_ORDER and query is page:
                    assert [s for s in plan if f"INDEX {INDEX_ORDER[name]}" in s], plan
                    assert not [s for s in plan if "TEMP B-TREE" in s], plan
        else:
            session.execute(sa.text("SET LOCAL enable_seqscan = off"))
            for query in (page, *counts):
                nodes = list(_pg_nodes(_plan(session, query)))
                assert not [
                    n
                    for n in nodes
                    if n["Node Type"] == "Seq Scan" and n.get("Relation Name") == "claim"
                ], nodes
                if query is not page:
                    assert [n for n in nodes if n.get("Index Name", "pk_claim") != "pk_claim"], (
                        nodes
                    )
                    if expected:
                        assert [n for n in nodes if n.get("Index Name") == expected], nodes
                    if name in IN_THE_TEXT_INDEX:
                        assert [n for n in nodes if n.get("Index Name") == "claim_fts_terms_idx"]
                        assert not [n for n in nodes if n.get("Relation Name") == "claim_place"]
                elif name in ORDERED_CANDIDATES:
                    sorts = [n for n in nodes if n["Node Type"] == "Sort"]
                    assert all(n.get("Parent Relationship") == "InitPlan" for n in sorts), nodes
                    assert [n for n in nodes if n.get("Index Name") == "pk_claim"], nodes
                if name in INDEX_ORDER and query is page:
                    assert [n for n in nodes if n.get("Index Name") == INDEX_ORDER[name]], nodes
                    assert not [n for n in nodes if n["Node Type"] == "Sort"], nodes


@pytest.mark.slow
def test_a_pages_rows_and_links_are_read_by_their_ids(big: Engine) -> None:
    """The two statements that read a page (claim_rows): its claims with their source,
    claimant and event, then their actor and place links, look each up by claim id; no
    table is scanned whole whatever the size of the database."""
    with Session(big) as session:
        ids = list(
            session.execute(sa.select(Claim.id).order_by(Claim.id.desc()).limit(50)).scalars()
        )
        statements = [(claim_rows.by_ids(ids), None), (claim_rows._LINKS, {"ids": ids})]
        if big.dialect.name == "sqlite":
            for stmt, params in statements:
                plan = _plan(session, stmt, params)
                assert not [step for step in plan if re.match(r"SCAN (?!CONSTANT)", step)], plan
        else:
            session.execute(sa.text("SET LOCAL enable_seqscan = off"))
            for stmt, params in statements:
                nodes = list(_pg_nodes(_plan(session, stmt, params)))
                assert not [n for n in nodes if n["Node Type"] == "Seq Scan"], nodes


def _on_claim_dates(f: ClaimFilters) -> list[Any]:
    """`f`'s event date range on claim's own columns, written plainly (no span bound)."""
    start, end = f.start_date, f.end_date
    first, last = Claim.event_date_start, Claim.event_date_end
    if f.date_mode == "within":
        return [c for c in (start and first >= start, end and last <= end) if c is not None]
    return [c for c in (start and last >= start, end and first <= end) if c is not None]


@pytest.mark.slow
@pytest.mark.parametrize(
    "name", [n for n, p in STANDARD.items() if "date_from" in p and "date_field" not in p]
)
def test_dates_on_the_links_find_the_same_claims(big: Engine, name: str) -> None:
    """The links' copies of the dates answer exactly as claim's own dates do."""
    params = STANDARD[name]
    filters = ClaimFilters(**params)
    undated = ClaimFilters(**{k: v for k, v in params.items() if not k.startswith("date_")})
    with Session(big) as session:
        found = claim_query.filtered(session, filters).with_only_columns(Claim.id)
        reference = (
            claim_query.filtered(session, undated)
            .where(*_on_claim_dates(filters))
            .with_only_columns(Claim.id)
        )
        ids = session.execute(found.order_by(Claim.id)).scalars().all()
        assert ids == session.execute(reference.order_by(Claim.id)).scalars().all()
    if name.startswith("#15"):
        assert ids, "a standard query should match some synthetic claims"


@pytest.mark.slow
@pytest.mark.parametrize(
    "name",
    [
        n
        for n, p in STANDARD.items()
        if "event_type" in p and not p.keys() <= {"event_type", "claimant"}
    ],
)
def test_types_on_the_links_find_the_same_claims(big: Engine, name: str) -> None:
    """The links' copies of the event type answer exactly as claim's own type does."""
    params = STANDARD[name]
    untyped = ClaimFilters(**{k: v for k, v in params.items() if k != "event_type"})
    with Session(big) as session:
        found = claim_query.filtered(session, ClaimFilters(**params)).with_only_columns(Claim.id)
        reference = (
            claim_query.filtered(session, untyped)
            .where(Claim.event_type.in_(params["event_type"]))
            .with_only_columns(Claim.id)
        )
        ids = session.execute(found.order_by(Claim.id)).scalars().all()
        assert ids == session.execute(reference.order_by(Claim.id)).scalars().all()
    assert ids, "a standard query should match some synthetic claims"


# full text with place filters: each place filter is an `IN` list or a probe from the text's
# matches, whichever is shorter; either way the answer is the claims matching both
TEXT_AND_PLACES = {
    "#15 full text + governorate": {"q": "besieged", "governorate": ["Homs"]},
    "full text + place + dates": {
        "q": "killed",
        "place": ["Aleppo"],
        "date_from": "2016-01",
        "date_to": "2016-06",
    },
    "full text prefix + bbox": {"q": "attack*", "bbox": PALMYRA},
    "full text OR + governorate + near": {
        "q": "shelling OR besieged",
        "governorate": ["Aleppo"],
        "near": "36.2,37.16",
        "radius_km": 20,
    },
    # the governorates in the full-text index (with dates, two governorates, a phrase, a
    # prefix, a type: on PostgreSQL a type keeps the governorate on the links)
    "full text + governorate + dates": {
        "q": "killed",
        "governorate": ["Aleppo"],
        "date_from": "2016",
        "date_to": "2016",
    },
    "full text + two governorates": {"q": "killed", "governorate": ["Hama", "Idlib"]},
    "phrase + governorate": {"q": '"were killed"', "governorate": ["Aleppo"]},
    "prefix + governorate": {"q": "chemic*", "governorate": ["Idlib"]},
    "full text + governorate + type": {
        "q": "killed",
        "governorate": ["Hama"],
        "event_type": ["shelling"],
    },
    "full text + governorate + actor": {
        "q": "killed",
        "governorate": ["Aleppo"],
        "actor": ["SOHR"],
    },
}


@pytest.mark.slow
@pytest.mark.parametrize("name", list(TEXT_AND_PLACES))
def test_full_text_with_places_finds_the_claims_matching_both(big: Engine, name: str) -> None:
    params = TEXT_AND_PLACES[name]
    places = {k: v for k, v in params.items() if k != "q"}
    with Session(big) as session:

        def ids(f: dict[str, Any]) -> list[int]:
            stmt = claim_query.filtered(session, ClaimFilters(**f)).with_only_columns(Claim.id)
            return session.execute(stmt.order_by(Claim.id)).scalars().all()

        found = ids(params)
        assert found == sorted(set(ids(places)) & set(ids({"q": params["q"]})))
    assert found, "a standard query should match some synthetic claims"


# a list in id order with an actor or place (and dates) merges each id's links in claim order
# (claim_query.Merge) when the links are many; at 20,000 claims few are, so the bound is
# lowered to take that way, and the pages compared with the list's `IN` way
MERGED = {
    name: STANDARD[name]
    for name in (
        "#15 actor + dates",
        "#15 actor + dates within",
        "#15 place + dates",
        "#15 near + dates",
        "#15 actor role + place + dates",
    )
} | {
    "actor + dates + type": {"actor": ["Daesh"], "date_from": "2015", "event_type": ["shelling"]},
    "place + dates + claimant": {"place": ["Aleppo"], "date_from": "2016", "claimant": ["SOHR"]},
    "actor alias": STANDARD["actor alias"],
    "governorate": STANDARD["governorate"],
    "#15 bbox + type": STANDARD["#15 bbox + type"],
    "place + actor": {"place": ["Aleppo"], "actor": ["SOHR"]},
    # one id is one arm, no UNION: a claim linked twice to the actor is still one claim
    "one actor": {
        "actor": ["Syrian Arab Army"],
        "include_affiliates": False,
        "date_from": "2016-01",
        "date_to": "2016-06",
    },
}


def _pages(session: Session, params: dict[str, Any], count: str, n: int = 3) -> list[Any]:
    pages, cursor = [], None
    for _ in range(n):
        query = ClaimListParams(**params, limit=20, count=count, cursor=cursor)
        page = claims.list_claims(session, query)
        pages.append(([c["id"] for c in page.data], page.count, page.count_exact, page.next))
        cursor = page.next
        if cursor is None:
            break
    return pages


@pytest.mark.slow
@pytest.mark.parametrize("name", list(MERGED))
def test_merged_links_walk_the_same_pages(
    big: Engine, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    params = MERGED[name]
    with Session(big) as session:
        expected = {c: _pages(session, params, c) for c in ("auto", "exact")}
        monkeypatch.setattr(claim_query, "MERGE_BOUND", 0)
        filters = ClaimFilters(**params)
        names = resolve.claim_names(session, filters)
        walk = claim_query.walked(session, filters, names=names)[1]
        assert (walk is not None) == (big.dialect.name == "sqlite")
        for count, pages in expected.items():
            assert _pages(session, params, count) == pages
        assert expected["auto"][0][0], "a standard query should match some synthetic claims"
        if walk is not None:
            plan = _plan(session, walk.make(None, COUNT_BOUND + 1), walk.values)
            link = "claim_actor_actor" if "actor" in params else "claim_place_place"
            # both indexes hold one id's links in claim order; with a type, its own is shorter
            index = "type" if "event_type" in params else "claim_dates"
            ranges = [s for s in plan if f"INDEX ix_{link}_{index}" in s]
            assert ranges, plan
            assert len(ranges) == 1 or "MERGE (UNION)" in plan, plan
            assert not [s for s in plan if "TEMP B-TREE" in s or re.match(r"SCAN claim\b", s)]


# full text alone and with other filters: few matches expected on PostgreSQL at this size
GATHERED = {
    "word": {"q": "besieged"},
    "common word": {"q": "killed"},
    "phrase + dates": {"q": '"barrel bomb"', "date_from": "2015", "date_to": "2016"},
    "word + type": {"q": "shelling OR besieged", "event_type": ["shelling"]},
    "word + governorate": STANDARD["#15 full text + governorate"],
}


@pytest.mark.slow
@pytest.mark.parametrize("name", list(GATHERED))
def test_gathered_matches_walk_the_same_pages(
    big: Engine, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PostgreSQL gathers the matches of `q` and checks them in id order when its planner
    expects few (claim_query.FEW_MATCHES), and lets the claims be walked in id order
    otherwise: the same pages by cursor and the same counts either way."""
    params = GATHERED[name]
    postgres = big.dialect.name == "postgresql"
    with Session(big) as session:

        def gathered() -> bool:
            stmt = claim_query.filtered(session, ClaimFilters(**params))
            return "= ANY (array(" in str(stmt.compile(dialect=big.dialect))

        assert gathered() == postgres
        expected = {c: _pages(session, params, c) for c in ("auto", "exact")}
        monkeypatch.setattr(claim_query, "FEW_MATCHES", -1)
        assert not gathered()
        for count, pages in expected.items():
            assert _pages(session, params, count) == pages
        assert expected["auto"][0][0], "a standard query should match some synthetic claims"


# pages PostgreSQL walks from a cut of the gathered ids (claim_query.Gather)
CUT = {
    "place": {"place": ["Aleppo"]},
    "place + dates": STANDARD["#15 place + dates"],
    "near + dates": {"near": "36.2,37.16", "radius_km": 20, "date_from": "2016", "date_to": "2016"},
    "bbox + type": STANDARD["#15 bbox + type"],
    "actor + dates": STANDARD["#15 actor + dates"],
    "actor role + dates": {"actor": ["ISIL"], "actor_role": "agent", "date_from": "2015"},
    "actor + type": STANDARD["#15 actor + type"],
}


def _uncut(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(claim_query, "CUT_BOUND", 10**9)


def _cut(monkeypatch: pytest.MonkeyPatch, margin: int) -> None:
    monkeypatch.setattr(claim_query, "CUT_BOUND", 0)
    monkeypatch.setattr(claim_query, "CUT_MARGIN", margin)


def _walk(session: Session, params: dict[str, Any]) -> paging.Walk | None:
    filters = ClaimFilters(**params)
    return claim_query.walked(session, filters, names=resolve.claim_names(session, filters))[1]


@pytest.fixture
def postgres_only(big: Engine) -> None:
    if big.dialect.name != "postgresql":
        pytest.skip("only PostgreSQL gathers and cuts ids")


@pytest.mark.slow
@pytest.mark.parametrize("name", list(CUT))
def test_cut_gathered_ids_walk_the_same_pages(
    big: Engine, name: str, monkeypatch: pytest.MonkeyPatch, postgres_only: None
) -> None:
    """A page walked from a cut of the gathered ids is the page of all of them, counts and
    cursors included. With a cut of one id per row walked, a claim linked twice (to two
    places in range, or as two of an actor's names) already uses it up: those pages are
    read again without it (paging.Walk)."""
    params = CUT[name]
    with Session(big) as session:
        _uncut(monkeypatch)
        assert _walk(session, params) is None
        expected = {c: _pages(session, params, c, 6) for c in ("auto", "exact")}
        for margin in (1, 4):
            _cut(monkeypatch, margin)
            walk = _walk(session, params)
            assert walk is not None and walk.cut
            for count, pages in expected.items():
                assert _pages(session, params, count, 6) == pages, (margin, count)
        assert expected["auto"][0][0], "a standard query should match some synthetic claims"


@pytest.mark.slow
@pytest.mark.parametrize("taken_out", ["rejected", "deleted source"])
def test_a_cut_used_up_by_claims_taken_out_is_read_again(
    big: Engine, taken_out: str, monkeypatch: pytest.MonkeyPatch, postgres_only: None
) -> None:
    """The first half of a place's claims rejected, or their sources deleted: the cut
    holds no listed claim, and the page, its count and its cursor are read again without
    it. A filter the links do not carry leaves the page uncut (it would often be short)."""
    params = {"place": ["Aleppo"]}
    with Session(big) as session:
        filters = ClaimFilters(**params)
        names = resolve.claim_names(session, filters)
        linked = sa.select(ClaimPlace.claim_id).where(ClaimPlace.place_id.in_(names.places))
        first = sa.select(linked.subquery().c.claim_id).distinct().order_by("claim_id")
        linked_claims = list(session.execute(first).scalars())
        out = linked_claims[: len(linked_claims) // 2]
        assert len(out) > COUNT_BOUND
        if taken_out == "rejected":
            session.execute(
                sa.update(Claim).where(Claim.id.in_(out)).values(review_status="rejected")
            )
        else:
            sources = sa.select(Claim.source_id).where(Claim.id.in_(out))
            session.execute(
                sa.update(Source).where(Source.id.in_(sources)).values(deleted_at=sa.func.now())
            )
        _uncut(monkeypatch)
        expected = {c: _pages(session, params, c) for c in ("auto", "exact")}
        assert expected["auto"][0][0] and expected["auto"][0][0][0] > out[0]
        _cut(monkeypatch, 1)
        for count, pages in expected.items():
            assert _pages(session, params, count) == pages, count
        assert _walk(session, {**params, "hedged": True}) is None
        session.rollback()


@pytest.mark.slow
def test_a_serial_statement_is_planned_without_workers(big: Engine, postgres_only: None) -> None:
    """SERIAL (app.db) holds for its own statement, not for the next one."""
    setting = sa.text("SELECT current_setting('max_parallel_workers_per_gather')")
    with big.connect() as conn:
        default = conn.execute(setting).scalar_one()
        assert conn.execute(setting.execution_options(**{SERIAL: True})).scalar_one() == "0"
        assert conn.execute(setting).scalar_one() == default != "0"


@pytest.mark.slow
def test_outlets_are_read_from_an_index(big: Engine) -> None:
    """`outlet=` and /outlets list the outlets the sources hold: from ix_source_outlet,
    never by reading every source's row (its text included)."""
    stmt = outlets.OUTLET_COUNTS
    with Session(big) as session:
        if big.dialect.name == "sqlite":
            plan = _plan(session, stmt)
            assert not [step for step in plan if re.match(r"SCAN source\b", step)], plan
            assert [s for s in plan if "INDEX ix_source_outlet" in s], plan
        else:
            session.execute(sa.text("SET LOCAL enable_seqscan = off"))
            nodes = list(_pg_nodes(_plan(session, stmt)))
            assert [n for n in nodes if n.get("Index Name") == "ix_source_outlet"], nodes


@pytest.mark.slow
def test_walks_of_one_shape_are_one_statement_and_find_each_their_own_claims(
    big: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Merged walks of as many ids with the same other conditions are one statement, built
    once and run with each walk's ids and dates (paging.Walk): each still finds its own
    pages, the ones the list's `IN` way finds; another filter value is another statement."""
    if big.dialect.name != "sqlite":
        pytest.skip("only SQLite merges link walks")
    with Session(big) as session:
        most = sa.select(ClaimActor.actor_id).group_by(ClaimActor.actor_id)
        top = session.execute(most.order_by(sa.func.count().desc()).limit(2)).scalars().all()
    one, other = ({"actor": [str(i)], "include_affiliates": False} for i in top)
    asked = [
        {**one, "date_from": "2016-01", "date_to": "2016-06"},
        {**other, "date_from": "2016-01", "date_to": "2016-06"},
        {**one, "date_from": "2015-03", "date_to": "2015-05"},
        {**one, "date_from": "2015-03", "date_to": "2015-05", "event_type": ["shelling"]},
        {**one, "date_from": "2015-03", "date_to": "2015-05", "event_type": ["casualties"]},
    ]
    monkeypatch.setattr(paging, "_WALKED", Kept(8))
    with Session(big) as session:
        monkeypatch.setattr(claim_query, "MERGE_BOUND", 10**9)  # never merged
        expected = [_pages(session, params, "auto") for params in asked]
        monkeypatch.setattr(claim_query, "MERGE_BOUND", 0)  # always merged
        walks = []
        for params in asked:
            filters = ClaimFilters(**params)
            names = resolve.claim_names(session, filters)
            walks.append(claim_query.walked(session, filters, names=names)[1])
        assert [_pages(session, params, "auto") for params in asked] == expected
    shapes = [w.shape for w in walks if w is not None]
    assert len(shapes) == len(asked)
    assert shapes[0] == shapes[1] == shapes[2] != shapes[3] != shapes[4]
    assert all(pages[0][0] for pages in expected), "each should match some synthetic claims"
    assert expected[0] != expected[1] and expected[0] != expected[2]
