"""Events as groups of claims: the same-event links a claim reaches, and the clusters
they make. Events are a function of the stored links alone, so they do not depend on the
order sources arrived in. Never commits."""

from __future__ import annotations

from collections import defaultdict
from typing import Protocol

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
    session.flush()
    conn = session.connection()  # Core statements: no ORM entities are read or written
    dirty = set(also_events or ())
    old_events = dirty | _events_of(conn, touched)
    inside = set(touched) | _members_of(conn, old_events)
    nodes, edges, records, groups = around(_Tables(session, places, known), inside)
    previous = _previous(conn, nodes)
    old_events |= set(previous.values())
    kept = _unchanged(groups, previous, fresh, dirty)
    # only the groups that changed are written again: a kept event's members, their
    # links and so its summary, members' flags and indirect relations are as stored
    redo = [i for i in nodes if previous.get(i) not in kept]
    if redo:
        conn.execute(_UNGROUP, {"ids": redo})
        conn.execute(_UNRELATE, {"ids": redo})
    changed = [g for g in groups if previous.get(g[0]) not in kept]
    write_events(conn, changed, records, edges, previous, old_events, kept)


class Stored(Protocol):
    """What `around` reads of what is stored."""

    def links(self, ids: set[int]) -> list[Edge]:
        """Every same-event link of these claims."""
        ...

    def groups(self, ids: set[int]) -> dict[int, int | None]:
        """The stored groups of these claims, whole: each member with its event (None for
        a claim in no event, a group of its own)."""
        ...

    def records(self, ids: set[int]) -> dict[int, ClaimRecord]: ...


def around(
    stored: Stored, inside: set[int]
) -> tuple[set[int], list[Edge], dict[int, ClaimRecord], list[list[int]]]:
    """The clusters of `inside` (claims whose links changed, with the whole of their
    stored groups) and of the stored groups linked to them, as `clusters` over their
    whole connected component would make them (`_settled` says why), without reading the
    component: the stored groups linked to `inside` are its border; when the border comes
    back as stored, the groups beyond it cannot change either; when a border group
    changes, it joins `inside` and the next groups out become the border.
    Returns the claims clustered, their links among them, their records and the clusters."""
    links: dict[tuple[int, int], Edge] = {}
    loaded: set[int] = set()
    records: dict[int, ClaimRecord] = {}

    def load(ids: set[int]) -> None:
        for e in stored.links(ids - loaded):
            links[(e.a, e.b)] = e
        loaded.update(ids)

    while True:
        load(inside)
        ends = {x for e in links.values() if e.a in inside or e.b in inside for x in (e.a, e.b)}
        border_of = stored.groups(ends - inside)
        nodes = inside | set(border_of)
        load(set(border_of))
        records.update(stored.records(nodes - set(records)))
        edges = [e for e in links.values() if e.a in nodes and e.b in nodes]
        groups = clusters(nodes, edges, records)
        changed = _settled(groups, border_of)
        if not changed:
            return nodes, edges, records, groups
        inside = inside | changed


def _settled(groups: list[list[int]], border_of: dict[int, int | None]) -> set[int]:
    """The border claims whose stored group did not come back whole and alone: empty when
    the clustering around the touched claims is the one over their whole component.

    Why that holds: `clusters` takes the links strongest first, and a link is refused only
    when the two groups it joins at that moment firmly conflict; so how a final group
    formed depends on the links among its own members alone. The stored events beyond
    the border are the clusters of the links as stored, none of their links is new, and
    every link leaving the clustered claims ends in the border: when each border group
    comes back as stored, it formed as it did before, each link from it to an event
    beyond was refused as before, and the events beyond stay as they are. `border_of`
    maps a border claim to its stored event (None: a claim in no event, alone)."""
    group_of = {i: n for n, g in enumerate(groups) for i in g}
    stored: dict[int | tuple[int], list[int]] = defaultdict(list)
    for i, event_id in border_of.items():
        stored[event_id if event_id is not None else (i,)].append(i)
    changed: set[int] = set()
    for members in stored.values():
        found = {group_of[i] for i in members}
        if len(found) != 1 or len(groups[found.pop()]) != len(members):
            changed |= set(members)
    return changed


def _events_of(conn: sa.Connection, ids: set[int]) -> set[int]:
    return set(conn.execute(_EVENTS_OF, {"ids": sorted(ids)}).scalars()) if ids else set()


def _members_of(conn: sa.Connection, events: set[int]) -> set[int]:
    return set(conn.execute(_MEMBERS_OF, {"ids": sorted(events)}).scalars()) if events else set()


def _previous(conn: sa.Connection, ids: set[int]) -> dict[int, int]:
    return dict(conn.execute(_PREVIOUS, {"ids": sorted(ids)}).all()) if ids else {}


class _Tables:
    """`Stored` read from the tables, on the session's connection."""

    def __init__(
        self, session: Session, places: Gazetteer | None, known: dict[int, ClaimRecord]
    ) -> None:
        self.session, self.places, self.known = session, places, known
        self.conn = session.connection()

    def links(self, ids: set[int]) -> list[Edge]:
        return _edges(self.conn, ids)

    def groups(self, ids: set[int]) -> dict[int, int | None]:
        of = _previous(self.conn, ids)
        events = set(of.values())
        if events:
            of.update(self.conn.execute(_PREVIOUS_OF_EVENTS, {"ids": sorted(events)}).all())
        return {**dict.fromkeys(ids), **of}

    def records(self, ids: set[int]) -> dict[int, ClaimRecord]:
        found = {i: self.known[i] for i in ids if i in self.known}
        missing = ids - set(found)
        return {**found, **load_records(self.session, missing, self.places)} if missing else found


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
_PREVIOUS_OF_EVENTS = sa.select(EventClaim.claim_id, EventClaim.event_id).where(
    EventClaim.event_id.in_(_IDS)
)
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
