"""Events as groups of claims: the same-event links a claim reaches, and the clusters
they make. Events are a function of the stored links alone, so they do not depend on the
order sources arrived in. Never commits."""

from __future__ import annotations

from collections import defaultdict

import sqlalchemy as sa
from sqlmodel import Session

from app.linking import ClaimRecord
from app.linking.match import firm_conflict
from app.linking.summary import Edge
from app.models.event import ClaimRelation, EventClaim
from app.services.claim_records import Gazetteer, load_records
from app.services.event_store import write_events


def regroup(
    session: Session,
    touched: set[int],
    places: Gazetteer | None,
    known: dict[int, ClaimRecord],
    also_events: set[int] | None = None,
    fresh: set[int] = frozenset(),  # type: ignore[assignment]
) -> None:
    """Recompute the events of `touched` claims: their current events are merged or split
    along the stored same-event links, then those that changed are summarised again.
    `fresh`: the claims whose links are new in this unit of work; `also_events`: events
    that lost members or links (a source taken out)."""
    # the whole connected component of the touched claims (the events within it are a
    # function of all of it), and the events its claims were in
    session.flush()
    conn = session.connection()  # Core statements: no ORM entities are read or written
    nodes, edges = _closure(conn, set(touched))
    old_events = set(also_events or ())
    if nodes:
        old_events |= set(conn.execute(_EVENTS_OF, {"ids": sorted(nodes)}).scalars())
    if old_events:
        members = set(conn.execute(_MEMBERS_OF, {"ids": sorted(old_events)}).scalars())
        # an event lies within one component, so its members are mostly in it already:
        # only claims outside it (an event split or emptied) widen the closure
        if not members <= nodes:
            nodes |= members
            more, edges = _closure(conn, nodes)
            nodes |= more
    previous: dict[int, int] = (
        dict(conn.execute(_PREVIOUS, {"ids": sorted(nodes)}).all()) if nodes else {}
    )
    missing = nodes - set(known)
    records = {**known, **load_records(session, missing, places)} if missing else known
    groups = clusters(nodes, edges, records)
    kept = _unchanged(groups, previous, fresh, also_events or set())
    # only the groups that changed are written again: a kept event's members, their
    # links and so its summary, members' flags and indirect relations are as stored
    redo = [i for i in nodes if previous.get(i) not in kept]
    if redo:
        conn.execute(_UNGROUP, {"ids": redo})
        conn.execute(_UNRELATE, {"ids": redo})
    changed = [g for g in groups if previous.get(g[0]) not in kept]
    write_events(conn, changed, records, edges, previous, old_events, kept)


def _unchanged(
    groups: list[list[int]], previous: dict[int, int], fresh: set[int], dirty: set[int]
) -> set[int]:
    """The stored events that come back with the same members and links: every member of
    the group was in the event and nothing else was, none of them is `fresh` (a claim whose
    links are new: every new link has one), and the event is not `dirty` (it lost members
    or links). Such an event is left as it is stored."""
    size: dict[int, int] = defaultdict(int)
    for event_id in previous.values():
        size[event_id] += 1
    kept = set()
    for group in groups:
        event_id = previous.get(group[0])
        if (
            event_id is not None
            and event_id not in dirty
            and size[event_id] == len(group)
            and all(previous.get(i) == event_id and i not in fresh for i in group)
        ):
            kept.add(event_id)
    return kept


def _closure(conn: sa.Connection, nodes: set[int]) -> tuple[set[int], list[Edge]]:
    """`nodes` and every claim linked to them, directly or through others; their links."""
    seen = set(nodes)
    frontier = set(nodes)
    edges: dict[tuple[int, int], Edge] = {}
    while frontier:
        found = _edges(conn, frontier)
        for e in found:
            edges[(e.a, e.b)] = e
        frontier = {x for e in found for x in (e.a, e.b)} - seen
        seen |= frontier
    return seen, list(edges.values())


def clusters(
    nodes: set[int], edges: list[Edge], records: dict[int, ClaimRecord]
) -> list[list[int]]:
    """Events from the same-event links: strongest links first, and never two claims in
    one event that firmly disagree on when, where or what happened (two days, two towns,
    two kinds of event) unless they are linked themselves. A function of the links alone,
    so it does not depend on the order sources arrived in."""
    parent = {n: n for n in nodes}
    members = {n: [n] for n in nodes}
    linked = {frozenset((e.a, e.b)) for e in edges}
    conflicts: dict[frozenset[int], bool] = {}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def conflict(x: int, y: int) -> bool:
        pair = frozenset((x, y))
        if pair in linked:
            return False
        if pair not in conflicts:
            conflicts[pair] = firm_conflict(records[x], records[y])
        return conflicts[pair]

    def strength(e: Edge) -> tuple[float, str, str]:
        ka, kb = sorted((records[e.a].key, records[e.b].key))
        return (-float(e.detail.get("score", 0.0)), ka, kb)

    for e in sorted(edges, key=strength):
        ra, rb = find(e.a), find(e.b)
        if ra == rb:
            continue
        if any(conflict(x, y) for x in members[ra] for y in members[rb]):
            continue
        keep, gone = sorted((ra, rb), key=lambda r: records[r].key)
        parent[gone] = keep
        members[keep] += members.pop(gone)
    return [sorted(g) for g in members.values()]


# built once, with the id lists as expanding parameters (building and keying a statement
# for each document cost more than running it)
_IDS = sa.bindparam("ids", expanding=True)
_EVENTS_OF = sa.select(EventClaim.event_id).where(EventClaim.claim_id.in_(_IDS))
_MEMBERS_OF = sa.select(EventClaim.claim_id).where(EventClaim.event_id.in_(_IDS))
_PREVIOUS = sa.select(EventClaim.claim_id, EventClaim.event_id).where(EventClaim.claim_id.in_(_IDS))
_UNGROUP = EventClaim.__table__.delete().where(EventClaim.claim_id.in_(_IDS))
_UNRELATE = ClaimRelation.__table__.delete().where(
    ClaimRelation.claim_a_id.in_(_IDS), ClaimRelation.direct.is_(False)
)
_EDGES = (
    sa.select(ClaimRelation.claim_a_id, ClaimRelation.claim_b_id, ClaimRelation.kind,
              ClaimRelation.differ, ClaimRelation.detail)
    .where(sa.or_(ClaimRelation.claim_a_id.in_(_IDS), ClaimRelation.claim_b_id.in_(_IDS)))
    .where(ClaimRelation.direct)
)  # fmt: skip


def _edges(conn: sa.Connection, nodes: set[int]) -> list[Edge]:
    if not nodes:
        return []
    rows = conn.execute(_EDGES, {"ids": sorted(nodes)}).all()
    return [Edge(a, b, k, tuple(d or ()), det or {}) for a, b, k, d, det in rows]
