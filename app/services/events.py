"""Events and relations for stored claims: found through indexes, decided by app.linking.

The unit of work is one source: `source_added` (called by the import, in the document's
transaction) finds each new claim's candidate neighbours through the linking index
(claim_slot: governorate or region x first day, one range scan per claim), asks
app.linking which pairs are one incident and how they relate, stores the relations and
regroups the events they touch. `source_removed` undoes a source (re-extraction, a new
version). Events are the connected components of the same-event links, which do not
depend on the order sources arrive in; `rebuild` recomputes everything from the claims.

Never commits: the import (or the route) owns the transaction.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from app.linking import ClaimRecord, Link, link_pair, link_within_source
from app.linking.facts import onset
from app.linking.match import firm_conflict
from app.linking.records import INCIDENT_MAX_DAYS, ActorRef, Claimant, Figure, PlaceRef
from app.linking.relate import relate_within_event
from app.linking.summary import Edge, summarize
from app.models import Actor, Claim, ClaimActor, ClaimPlace, Place, Source
from app.models.event import ClaimRelation, ClaimSlot, Event, EventClaim
from app.services import framing

ONSET_WINDOW = 60  # days two onsets of one siege may differ (app.linking.relate)
_LOCK = 13_013  # PostgreSQL advisory lock: linking one source at a time keeps it order-free
_SPACE = re.compile(r"\s+")


# --- loading claim records -----------------------------------------------------------


class _Places:
    """The gazetteer's parent chains (small: loaded once, again when it changes)."""

    def __init__(self, rows: list[Any]) -> None:
        self.rows = {r.id: r for r in rows}
        self._refs: dict[int, PlaceRef] = {}
        self._below: dict[int, list[int]] = {}

    def below(self, place_id: int) -> list[int]:
        """The place and every place inside it (the gazetteer is small)."""
        if not self._below:
            children: dict[int, list[int]] = defaultdict(list)
            for r in self.rows.values():
                if r.parent_id is not None:
                    children[r.parent_id].append(r.id)
            for pid in self.rows:
                out, todo = [], [pid]
                while todo:
                    cur = todo.pop()
                    if cur not in out:
                        out.append(cur)
                        todo += children.get(cur, [])
                self._below[pid] = sorted(out)
        return self._below.get(place_id, [place_id])

    def compatible(self, p: PlaceRef) -> list[int]:
        """Specific places a claim at `p` may share an event with: itself, the specific
        places it lies in, and every place inside it."""
        up = [i for i in p.chain if self.rows[i].kind not in ("country", "governorate", "region")]
        return sorted(set(up) | set(self.below(p.id)))

    def ref(self, place_id: int) -> PlaceRef:
        if place_id not in self._refs:
            chain, cur = [], place_id
            while cur is not None and cur not in chain:
                chain.append(cur)
                cur = self.rows[cur].parent_id
            gov = next((i for i in chain if self.rows[i].kind == "governorate"), None)
            r = self.rows[place_id]
            ref = PlaceRef(r.id, r.name, r.kind, tuple(chain), gov)
            self._refs[place_id] = PlaceRef(
                r.id, r.name, r.kind, tuple(chain), gov, tuple(sorted(self.areas(ref)))
            )
        return self._refs[place_id]

    def areas(self, p: PlaceRef) -> set[int]:
        """Where a place is indexed: its governorate and any region it lies in, else its
        outermost place below the country. A place and any place inside it share one."""
        found = {i for i in p.chain if self.rows[i].kind in ("governorate", "region")}
        if found:
            return found
        below = [i for i in p.chain if self.rows[i].kind != "country"]
        return {below[-1] if below else p.id}


_GAZETTEER: dict[tuple[Any, ...], _Places] = {}


def gazetteer(session: Session) -> _Places:
    """The gazetteer for `session`'s database, cached while its size and last id stay."""
    count, last = session.execute(sa.select(sa.func.count(), sa.func.max(Place.id))).one()
    key = (str(session.get_bind().engine.url), count, last)
    if key not in _GAZETTEER:
        rows = session.execute(
            sa.select(Place.id, Place.name, Place.kind, Place.parent_id, Place.governorate)
        ).all()
        _GAZETTEER.clear()
        _GAZETTEER[key] = _Places(list(rows))
    return _GAZETTEER[key]


def _actor_chains(session: Session, ids: set[int]) -> dict[int, tuple[int, ...]]:
    parents: dict[int, int | None] = {}
    todo = set(ids)
    while todo:
        rows = session.execute(
            sa.select(Actor.id, Actor.parent_id).where(Actor.id.in_(list(todo)))
        ).all()
        for r in rows:
            parents[r.id] = r.parent_id
        todo = {r.parent_id for r in rows if r.parent_id and r.parent_id not in parents}
    chains = {}
    for i in ids:
        chain, cur = [], i
        while cur is not None and cur not in chain:
            chain.append(cur)
            cur = parents.get(cur)
        chains[i] = tuple(chain)
    return chains


def _voice(
    claim: Any, sha: str, outlet: str | None, actor: Any, chain: tuple[int, ...]
) -> Claimant:
    if claim.in_comments:
        return Claimant(f"comment:{sha}:{claim.char_start}", "a reader comment")
    if actor is not None:
        return Claimant(f"actor:{chain[-1]}", actor.name, actor.id, actor.kind, chain)
    rule = ((claim.derivation or {}).get("claimant") or {}).get("rule")
    if claim.claimant_text and rule not in ("outlet", None):
        said = _SPACE.sub(" ", claim.claimant_text.lower()).strip()
        return Claimant(f"text:{sha}:{said}", claim.claimant_text)
    return Claimant(f"outlet:{(outlet or sha).lower()}", outlet or "the source")


def load_records(
    session: Session, claim_ids: Iterable[int], places: _Places | None = None
) -> dict[int, ClaimRecord]:
    """Claim records for `claim_ids`, with four queries whatever their number."""
    ids = sorted(set(claim_ids))
    if not ids:
        return {}
    places = places or gazetteer(session)
    out: dict[int, ClaimRecord] = {}
    for chunk in (ids[i : i + 2000] for i in range(0, len(ids), 2000)):
        out.update(_load_chunk(session, chunk, places))
    return out


def _load_chunk(session: Session, ids: list[int], places: _Places) -> dict[int, ClaimRecord]:
    col = Claim.__table__.c
    rows = session.execute(
        sa.select(
            col.id, col.source_id, col.char_start, col.char_end, col.text, col.claimant_id,
            col.claimant_text, col.hedged, col.in_comments, col.event_type, col.event_date_start,
            col.event_date_end, col.event_date_precision, col.quantities, col.derivation,
            Source.content_sha256, Source.outlet, Source.published_on, Source.primary_place_id,
        )
        .join(Source, Source.id == col.source_id)
        .where(col.id.in_(ids))
    ).all()  # fmt: skip
    links: dict[int, list[Any]] = defaultdict(list)
    for link in session.execute(
        sa.select(ClaimActor.claim_id, ClaimActor.actor_id, ClaimActor.role, Actor.name, Actor.kind)
        .join(Actor, Actor.id == ClaimActor.actor_id)
        .where(ClaimActor.claim_id.in_(ids))
        .order_by(ClaimActor.claim_id, ClaimActor.id)
    ).all():
        links[link.claim_id].append(link)
    spots: dict[int, list[int]] = defaultdict(list)
    for claim_id, place_id in session.execute(
        sa.select(ClaimPlace.claim_id, ClaimPlace.place_id)
        .where(ClaimPlace.claim_id.in_(ids))
        .order_by(ClaimPlace.claim_id, ClaimPlace.id)
    ).all():
        spots[claim_id].append(place_id)
    actor_ids = {link.actor_id for ls in links.values() for link in ls}
    actor_ids |= {r.claimant_id for r in rows if r.claimant_id}
    chains = _actor_chains(session, actor_ids)
    claimants = {
        a.id: a for a in session.execute(
            sa.select(Actor.id, Actor.name, Actor.kind).where(
                Actor.id.in_([r.claimant_id for r in rows if r.claimant_id])
            )
        ).all()
    }  # fmt: skip
    out = {}
    for c in rows:
        sha, outlet, published, primary = (
            c.content_sha256,
            c.outlet,
            c.published_on,
            c.primary_place_id,
        )
        own = [places.ref(p) for p in dict.fromkeys(spots[c.id])]
        own = [p for p in own if p.kind != "country"]
        # "Khan Sheikhoun in Idlib province": the town is where it happened
        own = [p for p in own if p.specific] or own
        inherited = not own and primary is not None and places.rows[primary].kind != "country"
        refs = own or ([places.ref(primary)] if inherited else [])
        claimant = claimants.get(c.claimant_id) if c.claimant_id else None
        out[c.id] = ClaimRecord(
            id=c.id,
            key=f"{sha}:{c.char_start:07d}",
            source_id=c.source_id,
            source_key=sha,
            outlet=outlet,
            published=published,
            start=c.char_start,
            end=c.char_end,
            text=c.text,
            claimant=_voice(c, sha, outlet, claimant, chains.get(c.claimant_id or 0, ())),
            hedged=c.hedged,
            in_comments=c.in_comments,
            event_type=c.event_type,
            date_start=c.event_date_start,
            date_end=c.event_date_end,
            precision=c.event_date_precision,
            date_rule=((c.derivation or {}).get("event_date") or {}).get("rule"),
            places=tuple(refs),
            places_inherited=inherited,
            actors=tuple(
                ActorRef(link.actor_id, link.name, link.role, link.kind, chains[link.actor_id])
                for link in links[c.id]
            ),
            figures=tuple(
                Figure(
                    q["what"],
                    q.get("value"),
                    q.get("value_min"),
                    q.get("value_max"),
                    q.get("qualifier"),
                    bool(q.get("subset")),
                    q.get("surface") or "",
                    q.get("char_start"),
                    q.get("char_end"),
                )
                for q in c.quantities or ()
            ),  # fmt: skip
        )
    return out


# --- the linking index -----------------------------------------------------------------


# slot kinds: a claim at specific places is indexed under each of them; a broad claim
# (a governorate, a region, the article's place) under its areas; a claim dating a
# siege's onset under its areas, by the onset. A claim placed nowhere is not indexed: it
# is compared with the claims of its own article only (app.linking.match).
PLACE, BROAD, ONSET = 0, 1, 2


def _areas(record: ClaimRecord) -> list[int]:
    return sorted({a for p in record.places for a in p.areas})


def slots(record: ClaimRecord, places: _Places) -> list[dict[str, Any]]:
    """Index rows of a claim (see the slot kinds above)."""
    if record.in_comments or not record.places:
        return []
    rows = []
    w = record.window
    if w is not None:
        if record.broad:
            keys = [(BROAD, a) for a in _areas(record)]
        else:
            keys = [(PLACE, p.id) for p in record.places]
        rows += [
            {"claim_id": record.id, "kind": k, "area_id": a, "day_start": w[0], "day_end": w[1]}
            for k, a in keys
        ]
    o = onset(record)
    if o is not None and record.places:
        rows += [
            {"claim_id": record.id, "kind": ONSET, "area_id": a, "day_start": o.earliest,
             "day_end": o.latest}
            for a in _areas(record)
        ]  # fmt: skip
    return rows


# kind, areas, first day from, first day to, last day at least
Probe = tuple[int, list[int], date, date, date]


def _windows(record: ClaimRecord, places: _Places) -> list[Probe]:
    """Index ranges that hold every claim `record` could be linked with (app.linking.match
    decides on exactly these conditions, so a pair is found whichever arrives first)."""
    if record.in_comments or not record.places:
        return []
    out: list[Probe] = []
    w = record.window
    if w is not None:
        lo, hi, last = w[0] - timedelta(days=INCIDENT_MAX_DAYS), w[1], w[0]
        if record.broad:
            areas = _areas(record)
            inside = sorted({i for a in areas for i in places.below(a)})
            out += [(PLACE, inside, lo, hi, last), (BROAD, areas, lo, hi, last)]
        else:
            near = sorted({i for p in record.places for i in places.compatible(p)})
            out += [
                (PLACE, near, lo, hi, last),
                (BROAD, _areas(record), lo, hi, last),
            ]
    o = onset(record)
    if o is not None and record.places:
        reach = timedelta(days=ONSET_WINDOW)  # onsets further apart are not compared
        out.append((ONSET, _areas(record), o.earliest - reach, o.earliest + reach, date.min))
    return out


# one fixed statement, so SQLAlchemy compiles it once and the database plans it once
_PROBE_IN = sa.select(ClaimSlot.claim_id).where(
    ClaimSlot.kind == sa.bindparam("kind"),
    ClaimSlot.area_id.in_(sa.bindparam("areas", expanding=True)),
    ClaimSlot.day_start >= sa.bindparam("lo"),
    ClaimSlot.day_start <= sa.bindparam("hi"),
    ClaimSlot.day_end >= sa.bindparam("last"),
)


def _candidates(
    session: Session, records: list[ClaimRecord], places: _Places
) -> dict[int, set[int]]:
    """Each record's possible neighbours: a few index range scans per claim."""
    found: dict[int, set[int]] = {}
    for r in records:
        hits: set[int] = set()
        for kind, areas, lo, hi, last in _windows(r, places):
            params = {"kind": kind, "lo": lo, "hi": hi, "last": last}
            if areas:
                hits.update(session.execute(_PROBE_IN, {**params, "areas": areas}).scalars())
        found[r.id] = hits
    return found


# --- writing ---------------------------------------------------------------------------


def _lock(session: Session) -> None:
    if session.get_bind().dialect.name == "postgresql":
        session.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": _LOCK})


def _relation_row(link: Link, direct: bool = True) -> dict[str, Any]:
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


def eligible(r: ClaimRecord) -> bool:
    """Whether a claim with no neighbour is an event of its own: it reports an incident."""
    return not r.in_comments and (r.event_type != "other" or bool(r.counted))


def source_added(session: Session, source_id: int) -> dict[str, int]:
    """Link the claims of a newly stored source (and retire the version it supersedes)."""
    _lock(session)
    old = session.execute(sa.select(Source.supersedes_id).where(Source.id == source_id)).scalar()
    if old is not None:
        _remove(session, old)
    framing.count_source(session, source_id)
    places = gazetteer(session)
    ids = session.execute(sa.select(Claim.id).where(Claim.source_id == source_id)).scalars().all()
    new = load_records(session, ids, places)
    slot_rows = [row for r in new.values() for row in slots(r, places)]
    if slot_rows:
        session.execute(sa.insert(ClaimSlot), slot_rows)
    found = {
        rid: ids - set(new) for rid, ids in _candidates(session, list(new.values()), places).items()
    }
    others = load_records(session, set().union(*found.values()) if found else set(), places)
    links = link_within_source(list(new.values()))
    for r in sorted(new.values(), key=lambda r: r.key):
        for cid in sorted(found[r.id]):
            link = link_pair(r, others[cid])
            if link is not None:
                links.append(link)
    if links:
        session.execute(sa.insert(ClaimRelation), [_relation_row(x) for x in links])
    touched = set(new) | {x.a.id for x in links} | {x.b.id for x in links}
    regroup(session, touched, places, {**new, **others})
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


def _components(nodes: set[int], edges: list[Edge]) -> list[list[int]]:
    parent = {n: n for n in nodes}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for e in edges:
        ra, rb = find(e.a), find(e.b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[int, list[int]] = defaultdict(list)
    for n in nodes:
        groups[find(n)].append(n)
    return [sorted(g) for g in groups.values()]


def regroup(
    session: Session,
    touched: set[int],
    places: _Places | None,
    known: dict[int, ClaimRecord],
    also_events: set[int] | None = None,
) -> None:
    """Recompute the events of `touched` claims: their current events are merged or split
    along the stored same-event links, then summarised again."""
    # the whole connected component of the touched claims (the events within it are a
    # function of all of it), and the events its claims were in
    nodes, edges = _closure(session, set(touched))
    old_events = set(also_events or ())
    if nodes:
        old_events |= set(
            session.execute(
                sa.select(EventClaim.event_id).where(EventClaim.claim_id.in_(list(nodes)))
            ).scalars()
        )
    if old_events:
        nodes |= set(
            session.execute(
                sa.select(EventClaim.claim_id).where(EventClaim.event_id.in_(list(old_events)))
            ).scalars()
        )
        more, edges = _closure(session, nodes)
        nodes |= more
    previous: dict[int, int] = dict(
        session.execute(
            sa.select(EventClaim.claim_id, EventClaim.event_id).where(
                EventClaim.claim_id.in_(list(nodes))
            )
        ).all()
    ) if nodes else {}  # fmt: skip
    missing = nodes - set(known)
    records = {**known, **load_records(session, missing, places)} if missing else known
    by_node: dict[int, list[Edge]] = defaultdict(list)
    for e in edges:
        by_node[e.a].append(e)
    if nodes:
        session.execute(sa.delete(EventClaim).where(EventClaim.claim_id.in_(list(nodes))))
        session.execute(
            sa.delete(ClaimRelation).where(
                ClaimRelation.claim_a_id.in_(list(nodes)), ClaimRelation.direct.is_(False)
            )
        )
    groups = clusters(nodes, edges, records)
    write_events(session, groups, records, by_node, previous, old_events)


def _closure(session: Session, nodes: set[int]) -> tuple[set[int], list[Edge]]:
    """`nodes` and every claim linked to them, directly or through others; their links."""
    seen = set(nodes)
    frontier = set(nodes)
    edges: dict[tuple[int, int], Edge] = {}
    while frontier:
        found = _edges(session, frontier)
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


def _edges(session: Session, nodes: set[int]) -> list[Edge]:
    if not nodes:
        return []
    ids = list(nodes)
    rows = session.execute(
        sa.select(ClaimRelation.claim_a_id, ClaimRelation.claim_b_id, ClaimRelation.kind,
                  ClaimRelation.differ, ClaimRelation.detail)
        .where(sa.or_(ClaimRelation.claim_a_id.in_(ids), ClaimRelation.claim_b_id.in_(ids)))
        .where(ClaimRelation.direct)
    ).all()  # fmt: skip
    return [Edge(a, b, k, tuple(d or ()), det or {}) for a, b, k, d, det in rows]


def _member_rows(group: list[int], event_id: int, s: Any) -> list[dict[str, Any]]:
    return [
        {
            "claim_id": i,
            "event_id": event_id,
            "corroborated_by": s.corroborated_by.get(i, 0),
            "contradicted": i in s.contradicted,
        }
        for i in group
    ]


def write_events(
    session: Session,
    components: list[list[int]],
    records: dict[int, ClaimRecord],
    by_node: dict[int, list[Edge]],
    previous: dict[int, int],
    old_events: set[int],
) -> int:
    """Store one event per component that reports an incident, reusing the id of the old
    event most of its members were in, so an event keeps its id while it grows."""
    taken: set[int] = set()
    indirect_rows: list[dict[str, Any]] = []
    members_rows: list[dict[str, Any]] = []
    updates: list[dict[str, Any]] = []
    inserts: list[tuple[dict[str, Any], list[int], Any]] = []
    ordered = sorted(components, key=lambda g: min(records[i].key for i in g))
    for group in ordered:
        members = [records[i] for i in group]
        if len(group) == 1 and not eligible(members[0]):
            continue
        inside = set(group)
        edges = [e for i in group for e in by_node.get(i, ()) if e.b in inside]
        indirect = relate_within_event(members, edges)
        indirect_rows += [_relation_row(x, direct=False) for x in indirect]
        edges += [Edge(x.a.id, x.b.id, x.kind, x.differ, x.detail) for x in indirect]
        s = summarize(members, edges)
        fields = {
            "key": s.key, "event_type": s.event_type, "date_start": s.date_start,
            "date_end": s.date_end, "date_precision": s.date_precision, "place_id": s.place_id,
            "grade": s.grade, "grade_reason": s.grade_reason, "claim_count": s.claim_count,
            "source_count": s.source_count, "claimant_count": s.claimant_count,
            "figures": s.figures, "claimants": s.claimants, "actors": s.actors,
        }  # fmt: skip
        votes: dict[int, int] = defaultdict(int)
        for i in group:
            if i in previous and previous[i] not in taken:
                votes[previous[i]] += 1
        if votes:
            event_id = max(votes, key=lambda e: (votes[e], -e))
            taken.add(event_id)
            updates.append({"id": event_id, **fields})
            members_rows += _member_rows(group, event_id, s)
        else:
            inserts.append((fields, group, s))
    if updates:
        session.execute(sa.update(Event), updates)
    for start in range(0, len(inserts), 2000):
        chunk = inserts[start : start + 2000]
        ids = (
            session.execute(
                sa.insert(Event).returning(Event.id, sort_by_parameter_order=True),
                [fields for fields, _, _ in chunk],
            )
            .scalars()
            .all()
        )
        for event_id, (_, group, s) in zip(ids, chunk, strict=True):
            members_rows += _member_rows(group, event_id, s)
    stale = (old_events | set(previous.values())) - taken
    if stale:
        session.execute(sa.delete(Event).where(Event.id.in_(list(stale))))
    for i in range(0, len(members_rows), 5000):
        session.execute(sa.insert(EventClaim), members_rows[i : i + 5000])
    for i in range(0, len(indirect_rows), 5000):
        session.execute(sa.insert(ClaimRelation), indirect_rows[i : i + 5000])
    return len(updates) + len(inserts)


# --- rebuilding ------------------------------------------------------------------------


def current_sources(session: Session) -> list[int]:
    """Sources whose claims count: every version no newer version supersedes."""
    superseded = sa.select(Source.supersedes_id).where(Source.supersedes_id.is_not(None))
    return list(
        session.execute(
            sa.select(Source.id).where(Source.id.not_in(superseded)).order_by(Source.id)
        ).scalars()
    )


def clear(session: Session) -> None:
    for model in (EventClaim, ClaimRelation, ClaimSlot, Event):
        session.execute(sa.delete(model))
    framing.clear_all(session)


def rebuild(session: Session) -> dict[str, int]:
    """Recompute events, relations, the index and framing from the claims, in memory.

    The same decisions as the incremental path (the same candidate windows, the same
    app.linking calls), only batched: the result must equal what imports built."""
    _lock(session)
    clear(session)
    places = gazetteer(session)
    sources = current_sources(session)
    for source_id in sources:
        framing.count_source(session, source_id)
    superseded = sa.select(Source.supersedes_id).where(Source.supersedes_id.is_not(None))
    ids = (
        session.execute(sa.select(Claim.id).where(Claim.source_id.not_in(superseded)))
        .scalars()
        .all()
    )
    records = load_records(session, ids, places)
    slot_rows = [row for r in records.values() for row in slots(r, places)]
    index: dict[tuple[int, int], list[tuple[date, date, int]]] = defaultdict(list)
    for row in slot_rows:
        index[(row["kind"], row["area_id"])].append(
            (row["day_start"], row["day_end"], row["claim_id"])
        )
    for entries in index.values():
        entries.sort()
    by_source: dict[int, list[ClaimRecord]] = defaultdict(list)
    for r in records.values():
        by_source[r.source_id].append(r)
    links: list[Link] = []
    for group in by_source.values():
        links += link_within_source(group)
    seen: set[tuple[int, int]] = set()
    for r in sorted(records.values(), key=lambda r: r.key):
        for kind, areas, lo, hi, last in _windows(r, places):
            for key in [(kind, a) for a in areas]:
                entries = index.get(key, [])
                i = bisect.bisect_left(entries, (lo,))
                while i < len(entries) and entries[i][0] <= hi:
                    other = records[entries[i][2]]
                    ends = entries[i][1]
                    i += 1
                    if ends < last:
                        continue
                    if other.source_id == r.source_id:
                        continue
                    pair = (min(r.id, other.id), max(r.id, other.id))
                    if pair in seen:
                        continue
                    seen.add(pair)
                    link = link_pair(r, other) if r.key <= other.key else link_pair(other, r)
                    if link is not None:
                        links.append(link)
    if slot_rows:
        for i in range(0, len(slot_rows), 5000):
            session.execute(sa.insert(ClaimSlot), slot_rows[i : i + 5000])
    rows = [_relation_row(x) for x in links]
    for i in range(0, len(rows), 5000):
        session.execute(sa.insert(ClaimRelation), rows[i : i + 5000])
    edges = [Edge(x.a.id, x.b.id, x.kind, x.differ, x.detail) for x in links]
    by_node: dict[int, list[Edge]] = defaultdict(list)
    for e in edges:
        by_node[e.a].append(e)
    n = write_events(session, clusters(set(records), edges, records), records, by_node, {}, set())
    return {"claims": len(records), "relations": len(links), "events": n}
