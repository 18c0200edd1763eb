"""Events and relations for stored claims: found through indexes, decided by app.linking.

The unit of work is one source: `source_added` (called by the import, in the document's
transaction) finds each new claim's candidate neighbours through the linking index
(claim_slot: governorate or region x first day, one range scan per claim), asks
app.linking which pairs are one incident and how they relate, stores the relations and
regroups the events they touch. `source_removed` undoes a source (re-extraction, a new
version). Events are clusters of the same-event links, which do not depend on the order
sources arrive in; `rebuild` recomputes everything from the claims.

Where the work is done: app.services.claim_records (claims as linking sees them),
linking_index (candidate search), event_groups (clusters), event_store (writing).
Never commits: the import (or the route) owns the transaction.
"""

from __future__ import annotations

from collections import defaultdict

import sqlalchemy as sa
from sqlmodel import Session

from app.linking import ClaimRecord, Link, link_pair, link_within_source
from app.models import Claim, Source
from app.models.event import ClaimRelation, ClaimSlot, EventClaim
from app.services import framing
from app.services.claim_records import gazetteer, load_records
from app.services.event_groups import clusters, regroup
from app.services.event_store import clear, edge, insert_all, insert_relations, write_events
from app.services.linking_index import MemoryIndex, candidates, slots
from app.services.listed import listed

_LOCK = 13_013  # PostgreSQL advisory lock: linking one source at a time keeps it order-free
# the versions a newer version replaces: their claims are linked to nothing
_SUPERSEDED = sa.select(Source.supersedes_id).where(Source.supersedes_id.is_not(None))


def _lock(session: Session) -> None:
    if session.get_bind().dialect.name == "postgresql":
        session.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": _LOCK})


# built once (building and keying a statement per document cost more than running it)
_REPLACES = sa.select(Source.supersedes_id).where(Source.id == sa.bindparam("source_id"))
_CLAIMS_OF = sa.select(Claim.id).where(Claim.source_id == sa.bindparam("source_id"), *listed())


def source_added(session: Session, source_id: int) -> dict[str, int]:
    """Link the claims of a newly stored source (and retire the version it supersedes)."""
    _lock(session)
    session.flush()  # what the import wrote is read back here, through Core
    conn = session.connection()  # Core statements from here: no ORM entities are involved
    old = conn.execute(_REPLACES, {"source_id": source_id}).scalar()
    if old is not None:
        _remove(session, old)
    framing.count_source(session, source_id)
    places = gazetteer(session)
    ids = conn.execute(_CLAIMS_OF, {"source_id": source_id}).scalars().all()
    new = load_records(session, ids, places)
    insert_all(conn, ClaimSlot, [row for r in new.values() for row in slots(r)])
    found = {
        rid: ids - set(new) for rid, ids in candidates(session, list(new.values()), places).items()
    }
    others = load_records(session, set().union(*found.values()) if found else set(), places)
    links = link_within_source(list(new.values()))
    for r in sorted(new.values(), key=lambda r: r.key):
        for cid in sorted(found[r.id]):
            link = link_pair(r, others[cid])
            if link is not None:
                links.append(link)
    insert_relations(conn, links)
    touched = set(new) | {x.a.id for x in links} | {x.b.id for x in links}
    regroup(session, touched, places, {**new, **others}, fresh=set(new))
    return {"claims": len(new), "relations": len(links)}


def source_removed(session: Session, source_id: int) -> None:
    """Take a source's claims out of events and relations (before they are replaced)."""
    _lock(session)
    _remove(session, source_id)


def _remove(session: Session, source_id: int) -> None:
    ids = sa.select(Claim.id).where(Claim.source_id == source_id).scalar_subquery()
    events = set(
        session.execute(
            sa.select(EventClaim.event_id).where(EventClaim.claim_id.in_(ids))
        ).scalars()
    )
    session.execute(sa.delete(ClaimRelation).where(ClaimRelation.claim_a_id.in_(ids)))
    session.execute(sa.delete(ClaimRelation).where(ClaimRelation.claim_b_id.in_(ids)))
    session.execute(sa.delete(ClaimSlot).where(ClaimSlot.claim_id.in_(ids)))
    session.execute(sa.delete(EventClaim).where(EventClaim.claim_id.in_(ids)))
    framing.clear_source(session, source_id)
    if events:
        rest = set(
            session.execute(
                sa.select(EventClaim.claim_id).where(EventClaim.event_id.in_(list(events)))
            ).scalars()
        )
        regroup(session, rest, None, {}, also_events=events)


def rebuild(session: Session) -> dict[str, int]:
    """Recompute events, relations, the index and framing from the claims, in memory.

    The same decisions as the incremental path (the same candidate windows, the same
    app.linking calls), only batched: the result must equal what imports built."""
    _lock(session)
    clear(session)
    places = gazetteer(session)
    current = (
        sa.select(Source.id)
        .where(Source.id.not_in(_SUPERSEDED), Source.deleted_at.is_(None))
        .order_by(Source.id)
    )
    for source_id in session.execute(current).scalars():
        framing.count_source(session, source_id)
    ids = (
        session.execute(sa.select(Claim.id).where(Claim.source_id.not_in(_SUPERSEDED), *listed()))
        .scalars()
        .all()
    )
    records = load_records(session, ids, places)
    slot_rows = [row for r in records.values() for row in slots(r)]
    index = MemoryIndex(slot_rows)
    by_source: dict[int, list[ClaimRecord]] = defaultdict(list)
    for r in records.values():
        by_source[r.source_id].append(r)
    links: list[Link] = []
    for group in by_source.values():
        links += link_within_source(group)
    # each pair once, where the first of its claims in key order that finds the other
    # found it: a pair is skipped when the claim before finds this one (its turn came
    # first), which the index answers, so no set of every pair compared is kept (at a
    # million claims, hundreds of millions of pairs: it outgrew 24 GB)
    for r in sorted(records.values(), key=lambda r: r.key):
        done: set[int] = set()
        for cid in index.candidates(r, places):
            other = records[cid]
            if cid in done or other.source_id == r.source_id:
                continue
            done.add(cid)
            if other.key < r.key and index.finds(other, r.id, places):
                continue
            link = link_pair(r, other) if r.key <= other.key else link_pair(other, r)
            if link is not None:
                links.append(link)
    conn = session.connection()
    insert_all(conn, ClaimSlot, slot_rows)
    insert_relations(conn, links)
    edges = [edge(x) for x in links]
    n = write_events(conn, clusters(set(records), edges, records), records, edges, {}, set())
    return {"claims": len(records), "relations": len(links), "events": n}
