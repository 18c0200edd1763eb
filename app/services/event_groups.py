"""Events as groups of claims: the same-event links a claim reaches, and the clusters
they make. Events are a function of the stored links alone, so they do not depend on the
order sources arrived in. Never commits."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any, Protocol

import sqlalchemy as sa
from sqlmodel import Session

from app.linking import ClaimRecord
from app.linking.match import firm_conflict, firm_key
from app.linking.pairs import MAX_EVENT_COMPARED
from app.linking.summary import Edge
from app.models.event import ClaimRelation, EventClaim
from app.services.claim_records import Gazetteer, load_dated, load_records
from app.services.event_store import Compared, write_events


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
    nodes, edges, groups = around(_Tables(session), inside)
    previous = _previous(conn, nodes)
    old_events |= set(previous.values())
    kept = _unchanged(groups, previous, fresh, dirty)
    # only the groups that changed are written again: a kept event's members, their
    # links and so its summary, members' flags and indirect relations are as stored
    redo = [i for i in nodes if previous.get(i) not in kept]
    compared = _compared(conn, redo, previous, dirty)
    if redo:
        conn.execute(_UNGROUP, {"ids": redo})
        conn.execute(_UNRELATE, {"ids": redo})
    changed = [g for g in groups if previous.get(g[0]) not in kept]
    records = {i: known[i] for i in redo if i in known}
    records.update(load_records(session, set(redo) - set(records), places))
    write_events(conn, changed, records, edges, previous, old_events, kept, compared)


def _compared(
    conn: sa.Connection, redo: list[int], previous: dict[int, int], dirty: set[int]
) -> Compared:
    """The pairs the stored events of `redo` compared when they were written, with the
    indirect relations that came of it (read before they are deleted)."""
    size = Counter(previous.values())
    event_of = {
        i: previous[i]
        for i in redo
        if i in previous and previous[i] not in dirty and size[previous[i]] <= MAX_EVENT_COMPARED
    }
    rows = conn.execute(_INDIRECT, {"ids": sorted(event_of)}).all() if event_of else []
    return Compared(event_of, {frozenset((r.claim_a_id, r.claim_b_id)): r for r in rows})


class Stored(Protocol):
    """What `around` reads of what is stored."""

    def links(self, ids: set[int], among: set[int] | None = None) -> list[Edge]:
        """Every same-event link of these claims (to a claim in `among`, when given)."""
        ...

    def groups(self, ids: set[int]) -> dict[int, int | None]:
        """The stored groups of these claims, whole: each member with its event (None for
        a claim in no event, a group of its own)."""
        ...

    def dated(self, ids: set[int]) -> dict[int, ClaimRecord]:
        """What `clusters` reads of these claims: their keys and dates
        (`claim_records.load_dated`)."""
        ...


def around(stored: Stored, inside: set[int]) -> tuple[set[int], list[Edge], list[list[int]]]:
    """The clusters of `inside` (claims whose links changed, with the whole of their
    stored groups) and of the stored groups linked to them, as `clusters` over their
    whole connected component would make them (`_settled` says why), without reading the
    component: the stored groups linked to `inside` are its border; when the border comes
    back as stored, the groups beyond it cannot change either; when a border group
    changes, it joins `inside` and the next groups out become the border.
    Returns the claims clustered, their links among them and the clusters."""
    links: dict[tuple[int, int], Edge] = {}
    loaded: set[int] = set()  # the claims all of whose links are read
    dated: dict[int, ClaimRecord] = {}

    def load(ids: set[int], among: set[int] | None = None) -> None:
        for e in stored.links(ids - loaded, among):
            links[(e.a, e.b)] = e
        if among is None:
            loaded.update(ids)

    while True:
        load(inside)
        ends = {x for e in links.values() if e.a in inside or e.b in inside for x in (e.a, e.b)}
        border_of = stored.groups(ends - inside)
        nodes = inside | set(border_of)
        # the links among the border (those to `inside` are read): the border's links
        # beyond it are not needed unless the border moves out
        load(set(border_of), among=set(border_of))
        dated.update(stored.dated(nodes - set(dated)))
        edges = [e for e in links.values() if e.a in nodes and e.b in nodes]
        groups = clusters(nodes, edges, dated)
        changed = _settled(groups, border_of)
        if not changed:
            return nodes, edges, groups
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

    def __init__(self, session: Session) -> None:
        self.session = session
        self.conn = session.connection()

    def links(self, ids: set[int], among: set[int] | None = None) -> list[Edge]:
        return _edges(self.conn, ids, among)

    def groups(self, ids: set[int]) -> dict[int, int | None]:
        of = _previous(self.conn, ids)
        events = set(of.values())
        if events:
            of.update(self.conn.execute(_PREVIOUS_OF_EVENTS, {"ids": sorted(events)}).all())
        return {**dict.fromkeys(ids), **of}

    def dated(self, ids: set[int]) -> dict[int, ClaimRecord]:
        return load_dated(self.session, ids) if ids else {}


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
    # each group's members by what firm_conflict reads (their dates and front side): two
    # groups are compared key by key, not claim by claim (a group of hundreds has a few)
    by_key = {n: {firm_key(records[n]): [n]} for n in nodes}
    linked: dict[int, set[int]] = defaultdict(set)
    for e in edges:
        linked[e.a].add(e.b)
        linked[e.b].add(e.a)
    apart: dict[tuple[Any, Any], bool] = {}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def conflict(ra: int, rb: int) -> bool:
        for da, xs in by_key[ra].items():
            for db, ys in by_key[rb].items():
                if (da, db) not in apart:
                    apart[(da, db)] = firm_conflict(records[xs[0]], records[ys[0]])
                if apart[(da, db)] and any(y not in linked[x] for x in xs for y in ys):
                    return True
        return False

    def strength(e: Edge) -> tuple[float, str, str]:
        ka, kb = sorted((records[e.a].key, records[e.b].key))
        return (-float(e.detail.get("score", 0.0)), ka, kb)

    for e in sorted(edges, key=strength):
        ra, rb = find(e.a), find(e.b)
        if ra == rb or conflict(ra, rb):
            continue
        keep, gone = sorted((ra, rb), key=lambda r: records[r].key)
        parent[gone] = keep
        members[keep] += members.pop(gone)
        for d, xs in by_key.pop(gone).items():
            by_key[keep].setdefault(d, []).extend(xs)
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
_INDIRECT = sa.select(
    ClaimRelation.claim_a_id, ClaimRelation.claim_b_id, ClaimRelation.kind,
    ClaimRelation.reason, ClaimRelation.agree, ClaimRelation.differ, ClaimRelation.detail,
).where(ClaimRelation.claim_a_id.in_(_IDS), ClaimRelation.direct.is_(False))  # fmt: skip
_UNRELATE = ClaimRelation.__table__.delete().where(
    ClaimRelation.claim_a_id.in_(_IDS), ClaimRelation.direct.is_(False)
)
_AMONG = sa.bindparam("among", expanding=True)
# a link as clustering and summaries read it: its score, and what a contradiction differs
# on with its detail (whether it is a denial, and whose); decoding every link's detail
# cost more than reading the rows
_CONTRADICTS = ClaimRelation.kind == "contradicts"
_LINKS = sa.select(
    ClaimRelation.claim_a_id, ClaimRelation.claim_b_id, ClaimRelation.kind,
    sa.case((_CONTRADICTS, ClaimRelation.differ)), sa.case((_CONTRADICTS, ClaimRelation.detail)),
    ClaimRelation.detail["score"].as_float(),
).where(ClaimRelation.direct)  # fmt: skip
_EDGES = _LINKS.where(
    sa.or_(ClaimRelation.claim_a_id.in_(_IDS), ClaimRelation.claim_b_id.in_(_IDS))
)
_EDGES_AMONG = _LINKS.where(
    sa.or_(
        sa.and_(ClaimRelation.claim_a_id.in_(_IDS), ClaimRelation.claim_b_id.in_(_AMONG)),
        sa.and_(ClaimRelation.claim_b_id.in_(_IDS), ClaimRelation.claim_a_id.in_(_AMONG)),
    )
)


def _edges(conn: sa.Connection, nodes: set[int], among: set[int] | None = None) -> list[Edge]:
    """The same-event links of `nodes` (to a claim in `among`, when given), as `_LINKS`
    reads them: the detail of a link that is no contradiction holds only its score."""
    if not nodes or among == set():
        return []
    if among is None:
        rows = conn.execute(_EDGES, {"ids": sorted(nodes)}).all()
    else:
        rows = conn.execute(_EDGES_AMONG, {"ids": sorted(nodes), "among": sorted(among)}).all()
    return [
        Edge(a, b, k, tuple(d or ()), det if det is not None else _scored(score))
        for a, b, k, d, det, score in rows
    ]


def _scored(score: float | None) -> dict[str, float]:
    return {} if score is None else {"score": score}
