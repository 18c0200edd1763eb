"""Writing what linking decided: relations, and one event per group of claims with its
summary, grade and members. Never commits."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from app.linking import ClaimRecord, Link
from app.linking.pairs import MAX_EVENT_COMPARED, relate_within_event
from app.linking.summary import Edge, EventSummary, summarize
from app.models.event import ClaimRelation, ClaimSlot, Event, EventClaim
from app.services import framing

BATCH = 5000  # rows per INSERT


@dataclass(frozen=True, slots=True)
class Compared:
    """The pairs stored events have compared already: for each claim, the stored event
    all of whose pairs were compared when it was written (at most MAX_EVENT_COMPARED
    members, none lost since), and the indirect relations stored for them, by pair (rows
    of claim_relation)."""

    event_of: dict[int, int]
    rows: dict[frozenset[int], Any]


def _indirect(
    members: list[ClaimRecord], inner: list[Edge], compared: Compared | None
) -> list[Link]:
    """relate_within_event over an event's members, without comparing again the pairs
    that were in one compared stored event: relate_within_event answers each pair from
    the two claims alone, and their link, which no new link changes (every new link has
    a new claim); the stored rows are those answers. An event a document joins thus costs
    its new pairs, not all of them."""
    if compared is None or len(members) > MAX_EVENT_COMPARED:
        return relate_within_event(members, inner)
    event_of = compared.event_of
    known = [event_of[r.id] for r in members if r.id in event_of]
    if len(known) == len(set(known)):  # no pair was compared before
        return relate_within_event(members, inner)
    linked = {frozenset((e.a, e.b)) for e in inner}
    ordered = sorted(members, key=lambda r: r.key)
    by_id = {r.id: r for r in members}
    out: list[Link] = []
    for n, a in enumerate(ordered):
        was = event_of.get(a.id)
        for b in ordered[n + 1 :]:
            pair = frozenset((a.id, b.id))
            if pair in linked:
                continue
            if was is None or was != event_of.get(b.id):
                out += relate_within_event([a, b], [])
                continue
            row = compared.rows.get(pair)
            if row is not None:
                out.append(
                    Link(
                        by_id[row.claim_a_id], by_id[row.claim_b_id], row.kind, row.reason,
                        tuple(row.agree), tuple(row.differ), row.detail or {},
                    )
                )  # fmt: skip
    return out


def insert_all(conn: sa.Connection, model: Any, rows: list[dict[str, Any]]) -> None:
    """Core executemany (the ORM's bulk insert costs more and tracks nothing here)."""
    for i in range(0, len(rows), BATCH):
        conn.execute(model.__table__.insert(), rows[i : i + BATCH])


def edge(link: Link) -> Edge:
    return Edge(link.a.id, link.b.id, link.kind, link.differ, link.detail)


def relation_row(link: Link, direct: bool = True) -> dict[str, Any]:
    return {
        "claim_a_id": link.a.id,
        "claim_b_id": link.b.id,
        "kind": link.kind,
        "direct": direct,
        "reason": link.reason,
        "agree": list(link.agree),
        "differ": list(link.differ),
        "detail": link.detail,
    }


def insert_relations(conn: sa.Connection, links: list[Link], direct: bool = True) -> None:
    insert_all(conn, ClaimRelation, [relation_row(x, direct) for x in links])


def clear(session: Session) -> None:
    """Remove every event, relation, index row and framing count."""
    for model in (EventClaim, ClaimRelation, ClaimSlot, Event):
        session.execute(sa.delete(model))
    framing.clear_all(session)


def eligible(r: ClaimRecord) -> bool:
    """Whether a claim with no neighbour is an event of its own: it reports an incident."""
    return not r.in_comments and (r.event_type != "other" or bool(r.counted))


def _fields(s: EventSummary) -> dict[str, Any]:
    return {
        "key": s.key, "event_type": s.event_type, "date_start": s.date_start,
        "date_end": s.date_end, "date_precision": s.date_precision, "place_id": s.place_id,
        "grade": s.grade, "grade_reason": s.grade_reason, "claim_count": s.claim_count,
        "source_count": s.source_count, "claimant_count": s.claimant_count,
        "figures": s.figures, "claimants": s.claimants, "actors": s.actors,
    }  # fmt: skip


def _member_rows(group: list[int], event_id: int, s: EventSummary) -> list[dict[str, Any]]:
    return [
        {
            "claim_id": i,
            "event_id": event_id,
            "corroborated_by": s.corroborated_by.get(i, 0),
            "contradicted": i in s.contradicted,
        }
        for i in group
    ]


_UPDATE_EVENT = Event.__table__.update().where(Event.__table__.c.id == sa.bindparam("event_id"))
_INSERT_EVENT = Event.__table__.insert().returning(
    Event.__table__.c.id, sort_by_parameter_order=True
)


def write_events(
    conn: sa.Connection,
    components: list[list[int]],
    records: dict[int, ClaimRecord],
    edges: list[Edge],
    previous: dict[int, int],
    old_events: set[int],
    kept: set[int] = frozenset(),  # type: ignore[assignment]
    compared: Compared | None = None,
) -> int:
    """Store one event per component that reports an incident, reusing the id of the old
    event most of its members were in, so an event keeps its id while it grows. The
    relations of members linked only through others are stored as indirect. `kept`:
    stored events left as they are (their members are in none of `components`);
    `compared`: the pairs the stored events compared already (see `_indirect`)."""
    by_node: dict[int, list[Edge]] = defaultdict(list)
    for e in edges:
        by_node[e.a].append(e)
    taken: set[int] = set()
    indirect_links: list[Link] = []
    members_rows: list[dict[str, Any]] = []
    updates: list[dict[str, Any]] = []
    inserts: list[tuple[dict[str, Any], list[int], EventSummary]] = []
    ordered = sorted(components, key=lambda g: min(records[i].key for i in g))
    for group in ordered:
        members = [records[i] for i in group]
        if len(group) == 1 and not eligible(members[0]):
            continue
        inside = set(group)
        inner = [e for i in group for e in by_node.get(i, ()) if e.b in inside]
        indirect = _indirect(members, inner, compared)
        indirect_links += indirect
        s = summarize(members, inner + [edge(x) for x in indirect])
        votes: dict[int, int] = defaultdict(int)
        for i in group:
            if i in previous and previous[i] not in taken:
                votes[previous[i]] += 1
        if votes:
            event_id = max(votes, key=lambda e: (votes[e], -e))
            taken.add(event_id)
            updates.append({"event_id": event_id, **_fields(s)})
            members_rows += _member_rows(group, event_id, s)
        else:
            inserts.append((_fields(s), group, s))
    if updates:
        conn.execute(_UPDATE_EVENT, updates)
    for start in range(0, len(inserts), 2000):
        chunk = inserts[start : start + 2000]
        ids = conn.execute(_INSERT_EVENT, [fields for fields, _, _ in chunk]).scalars().all()
        for event_id, (_, group, s) in zip(ids, chunk, strict=True):
            members_rows += _member_rows(group, event_id, s)
    stale = (old_events | set(previous.values())) - taken - kept
    if stale:
        conn.execute(Event.__table__.delete().where(Event.id.in_(list(stale))))
    insert_all(conn, EventClaim, members_rows)
    insert_relations(conn, indirect_links, direct=False)
    return len(updates) + len(inserts) + len(kept)
