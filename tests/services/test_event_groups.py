"""A regroup clusters the events around the claims a source touches, not their whole
connected component, and must give what clustering the whole component gives.

On synthetic data (app/synth.py), whose components grow with the data: articles linked
one by one give the events and relations a rebuild gives; and `around`, asked about the claims of one
source among stored groups that were clustered without it, gives the clusters of the
whole graph, also with the links' scores shuffled so that groups beyond the first border
change and the border has to move out.
"""

from __future__ import annotations

import dataclasses
import random
from collections import defaultdict
from pathlib import Path

import sqlalchemy as sa
from sqlmodel import Session

from app.db import make_engine, migrate, write_session
from app.importer import prepare
from app.linking import ClaimRecord
from app.linking.match import firm_conflict, firm_key
from app.linking.summary import Edge
from app.models import Claim
from app.models.event import ClaimRelation, EventClaim
from app.services import events
from app.services.claim_records import gazetteer, load_dated, load_records
from app.services.event_groups import _edges, around, clusters
from app.synth import generate


def _synthetic(url: str, claims: int) -> sa.Engine:
    migrate(url)
    engine = make_engine(url)
    prepare(engine)
    generate(engine, claims)
    with write_session(engine) as session:
        events.rebuild(session)
        session.commit()
    return engine


def _snapshot(engine: sa.Engine) -> tuple[set[frozenset[int]], set[tuple]]:
    """Events as sets of claims; relations, direct and indirect, with all they say."""
    with engine.connect() as conn:
        members: dict[int, set[int]] = {}
        for claim_id, event_id in conn.execute(sa.select(EventClaim.claim_id, EventClaim.event_id)):
            members.setdefault(event_id, set()).add(claim_id)
        rows = conn.execute(
            sa.select(
                ClaimRelation.claim_a_id, ClaimRelation.claim_b_id, ClaimRelation.kind,
                ClaimRelation.direct, ClaimRelation.reason, ClaimRelation.agree,
                ClaimRelation.differ, ClaimRelation.detail,
            )
        ).all()  # fmt: skip
    relations = {(*r[:5], tuple(r.agree), tuple(r.differ), repr(r.detail)) for r in rows}
    return {frozenset(m) for m in members.values()}, relations


def test_articles_linked_one_by_one_give_the_rebuilds_events(fresh_url: str) -> None:
    engine = _synthetic(fresh_url, 3000)
    for n in range(6):
        generate(engine, 20, seed=1000 + n)
        with engine.connect() as conn:
            source_id = conn.execute(sa.text("SELECT max(id) FROM source")).scalar_one()
        with write_session(engine) as session:
            assert events.source_added(session, source_id)["claims"] == 20
            session.commit()
    linked = _snapshot(engine)
    with write_session(engine) as session:
        events.rebuild(session)
        session.commit()
    assert linked == _snapshot(engine)
    assert any(len(m) > 2 for m in linked[0])
    assert any(not direct for _, _, _, direct, *_ in linked[1])
    engine.dispose()


@dataclasses.dataclass
class _Memory:
    """`Stored` over a graph in memory; counts how often the border was asked for."""

    edges: list[Edge]
    stored: list[list[int]]
    records_of: dict[int, ClaimRecord]
    asked: int = 0

    def links(self, ids: set[int], among: set[int] | None = None) -> list[Edge]:
        ends = set(self.records_of) if among is None else among
        return [
            e for e in self.edges if (e.a in ids and e.b in ends) or (e.b in ids and e.a in ends)
        ]

    def groups(self, ids: set[int]) -> dict[int, int | None]:
        self.asked += 1
        out: dict[int, int | None] = {}
        for n, group in enumerate(self.stored):
            if ids & set(group):
                out.update({i: (n if len(group) > 1 else None) for i in group})
        return out

    def dated(self, ids: set[int]) -> dict[int, ClaimRecord]:
        return {i: self.records_of[i] for i in ids}


def _stored_graph(tmp_path: Path) -> tuple[dict[int, ClaimRecord], list[Edge]]:
    engine = _synthetic(f"sqlite:///{tmp_path / 'synth.sqlite3'}", 3000)
    with Session(engine) as session:
        ids = set(session.execute(sa.select(Claim.id)).scalars())
        records = load_records(session, ids, gazetteer(session))
        edges = _edges(session.connection(), ids)
    engine.dispose()
    return records, edges


def _around_source(
    graph: list[Edge], new: set[int], records: dict[int, ClaimRecord]
) -> tuple[set[frozenset[int]], int]:
    """Stored groups clustered without `new`, then `around` the claims `new` touches:
    every group (clustered and beyond), and how often the border was asked for."""
    nodes = {i for e in graph for i in (e.a, e.b)}
    before = [e for e in graph if e.a not in new and e.b not in new]
    stored = clusters(nodes - new, before, records)
    memory = _Memory(graph, stored, records)
    touched = new | {x for e in memory.links(new) for x in (e.a, e.b)}
    inside = {i for g in stored if set(g) & touched for i in g} | new
    clustered, _, groups = around(memory, inside)
    beyond = [g for g in stored if not set(g) & clustered]
    return {frozenset(g) for g in groups + beyond}, memory.asked


def _claim_by_claim(
    nodes: set[int], edges: list[Edge], records: dict[int, ClaimRecord]
) -> set[frozenset[int]]:
    """The rule of `clusters` as written: every pair of the two groups a link would join
    is asked firm_conflict, unless linked itself."""
    group = {n: frozenset([n]) for n in nodes}
    linked = {frozenset((e.a, e.b)) for e in edges}
    order = sorted(
        edges,
        key=lambda e: (-e.detail["score"], *sorted((records[e.a].key, records[e.b].key))),
    )
    for e in order:
        ga, gb = group[e.a], group[e.b]
        if ga == gb or any(
            frozenset((x, y)) not in linked and firm_conflict(records[x], records[y])
            for x in ga
            for y in gb
        ):
            continue
        for i in ga | gb:
            group[i] = ga | gb
    return set(group.values())


def test_around_a_source_gives_the_clusters_of_the_whole_graph(tmp_path: Path) -> None:
    records, real = _stored_graph(tmp_path)
    linked = {i for e in real for i in (e.a, e.b)}
    sources = sorted({records[i].source_id for i in linked})
    rng = random.Random(13)

    # clusters compares groups key by key (`firm_key`): the same as claim by claim, also
    # over links drawn at random between claims of any dates
    drawn = rng.sample(sorted(records), 600)
    noise = [
        Edge(a, b, "related", (), {"score": rng.uniform(3, 9)})
        for a, b in zip(drawn[::2], drawn[1::2], strict=True)
    ]
    for graph in (real, real + noise):
        nodes = {i for e in graph for i in (e.a, e.b)}
        got = {frozenset(g) for g in clusters(nodes, graph, records)}
        assert got == _claim_by_claim(nodes, graph, records)
    for shuffle in (False, True):
        graph = [
            dataclasses.replace(e, detail={"score": rng.uniform(3, 9)}) if shuffle else e
            for e in real
        ]
        whole = {frozenset(g) for g in clusters(linked, graph, records)}
        for source_id in rng.sample(sources, 40):
            new = {i for i in linked if records[i].source_id == source_id}
            assert _around_source(graph, new, records)[0] == whole

    # a change that travels two groups out: n (day 1) takes v from a (day 3), and m
    # (day 1) from c (day 2), which was linked to m itself; c, alone now, joins e and f
    # (day 2): the group of e and f, beyond the first border, changes
    days: dict[object, list[int]] = defaultdict(list)
    for r in sorted(records.values(), key=lambda r: r.key):
        day = r.precision == "day" and r.date_start == r.date_end
        if day and r.window and r.window[2] == "stated":
            days[r.date_start].append(r.id)
    d1, d2, d3 = [ids for ids in days.values() if len(ids) >= 2][:3]
    n, m, c, f, a = d1[0], d1[1], d2[0], d2[1], d3[0]
    v, e = [r.id for r in records.values() if r.precision not in ("day", None)][:2]
    assert firm_conflict(records[n], records[c]) and firm_conflict(records[m], records[f])
    scores = {(n, v): 10, (v, a): 8, (e, f): 7, (v, m): 6.5, (m, c): 6, (c, e): 5}
    graph = [Edge(x, y, "related", (), {"score": s}) for (x, y), s in scores.items()]
    whole = {frozenset(g) for g in clusters({n, v, a, m, c, e, f}, graph, records)}
    assert whole == {frozenset({n, v, m}), frozenset({a}), frozenset({c, e, f})}
    found, asked = _around_source(graph, {n}, records)
    assert found == whole and asked == 3  # the border moved out twice


def test_what_clustering_reads_is_read_as_in_full(session: Session) -> None:
    """The claims around a source are read as keys, words and dates only, their links as
    scores (contradictions with their detail): the seeds read that way give what the full
    records and rows give."""
    ids = set(session.execute(sa.select(Claim.id)).scalars())
    full = load_records(session, ids, gazetteer(session))
    dated = load_dated(session, ids)
    assert set(dated) == set(full)
    for i, r in full.items():
        assert (dated[i].key, firm_key(dated[i])) == (r.key, firm_key(r))
        assert dated[i].window == r.window
    assert {r.window[2] for r in full.values() if r.window} >= {"stated", "reported"}

    rows = {
        (r.claim_a_id, r.claim_b_id): r
        for r in session.execute(sa.select(ClaimRelation).where(ClaimRelation.direct)).scalars()
    }
    edges = _edges(session.connection(), ids)
    assert len(edges) == len(rows) and any(e.kind == "contradicts" for e in edges)
    for e in edges:
        row = rows[(e.a, e.b)]
        assert e.kind == row.kind
        assert e.detail.get("score") == row.detail.get("score")
        if e.kind == "contradicts":
            assert (e.differ, e.detail) == (tuple(row.differ), row.detail)
