"""Reading events and relations: lists with the claim filters, one event with every
claimant's figures side by side, and the relations of one claim grouped by kind."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import sqlalchemy as sa
from sqlalchemy.sql import ColumnElement
from sqlmodel import Session

from app.errors import NotFound
from app.event_params import EventFilters
from app.models import Actor, Claim, Place, Source
from app.models.claim import SourceRef
from app.models.event import (
    ClaimRelation,
    ClaimRelations,
    Event,
    EventClaim,
    EventDetail,
    EventMember,
    EventPublic,
    EventRef,
    RelatedClaim,
    RelationPublic,
)
from app.models.page import Page
from app.models.place import PlaceRef
from app.params import ClaimFilters, FigureFilters
from app.services import claim_query, resolve
from app.services.paging import Ordering, SortKey, paginate

FAR_FUTURE, FAR_PAST = claim_query.FAR_FUTURE, claim_query.FAR_PAST


def ordering(sort: str) -> Ordering:
    if sort in ("date", "-date"):
        desc = sort.startswith("-")
        expr = sa.func.coalesce(Event.date_start, FAR_PAST if desc else FAR_FUTURE)
        return Ordering(sort, (SortKey(expr, desc), SortKey(Event.id, desc)))
    if sort == "-sources":
        return Ordering(sort, (SortKey(Event.source_count, True), SortKey(Event.id)))
    return Ordering("id", (SortKey(Event.id),))


def _figures(f: EventFilters) -> dict[str, object]:
    return f.model_dump(include=set(FigureFilters.model_fields), exclude_none=True)


def _claim_filters(f: EventFilters) -> ClaimFilters:
    """An event is where and whom its claims say, with their figures: the claim filters,
    written once."""
    return ClaimFilters(place=f.place, governorate=f.governorate, actor=f.actor, **_figures(f))


def conditions(
    session: Session, f: EventFilters, names: resolve.Names | None = None
) -> list[ColumnElement[bool]]:
    conds: list[ColumnElement[bool]] = []
    if f.start_date:
        conds.append(Event.date_end >= f.start_date)
    if f.end_date:
        conds.append(Event.date_start <= f.end_date)
    if f.grade:
        conds.append(Event.grade.in_(f.grade))
    if f.min_sources:
        conds.append(Event.source_count >= f.min_sources)
    if f.min_claimants:
        conds.append(Event.claimant_count >= f.min_claimants)
    if f.event_type:
        conds.append(Event.event_type.in_(f.event_type))
    if f.place or f.governorate or f.actor or _figures(f):
        claims = sa.select(Claim.id).where(
            *claim_query.conditions(session, _claim_filters(f), names)
        )
        conds.append(
            Event.id.in_(sa.select(EventClaim.event_id).where(EventClaim.claim_id.in_(claims)))
        )
    return conds


def _place_refs(session: Session, ids: set[int]) -> dict[int, PlaceRef]:
    if not ids:
        return {}
    rows = session.execute(
        sa.select(Place.id, Place.name, Place.kind, Place.governorate).where(Place.id.in_(ids))
    ).all()
    return {
        r.id: PlaceRef(id=r.id, name=r.name, kind=r.kind, governorate=r.governorate) for r in rows
    }


def _public(e: Event, places: dict[int, PlaceRef]) -> dict[str, Any]:
    return {
        "id": e.id,
        "event_type": e.event_type,
        "date_start": e.date_start,
        "date_end": e.date_end,
        "date_precision": e.date_precision,
        "place": places.get(e.place_id) if e.place_id else None,
        "grade": e.grade,
        "grade_reason": e.grade_reason,
        "claim_count": e.claim_count,
        "source_count": e.source_count,
        "claimant_count": e.claimant_count,
    }


def list_events(session: Session, f: EventFilters) -> Page[EventPublic]:
    names = resolve.claim_names(session, _claim_filters(f))
    page = paginate(
        session,
        sa.select(Event).where(*conditions(session, f, names)),
        ordering(f.sort),
        limit=f.limit,
        cursor=f.cursor,
        count=f.count,
    )
    places = _place_refs(session, {e.place_id for e in page.rows if e.place_id})
    return Page(
        data=[EventPublic(**_public(e, places)) for e in page.rows],
        **page.envelope(),
        resolved=names.public,
    )


def _members(session: Session, claim_ids: list[int]) -> dict[int, EventMember]:
    if not claim_ids:
        return {}
    rows = session.execute(
        sa.select(Claim, Source.id, Source.title, Source.outlet, Source.url, Source.published_on, Actor.name)
        .join(Source, Source.id == Claim.source_id)
        .outerjoin(Actor, Actor.id == Claim.claimant_id)
        .where(Claim.id.in_(claim_ids))
    ).all()  # fmt: skip
    out = {}
    for c, sid, title, outlet, url, published, claimant in rows:
        out[c.id] = EventMember(
            id=c.id,
            text=c.text,
            char_start=c.char_start,
            char_end=c.char_end,
            claimant=claimant or (None if c.in_comments else c.claimant_text) or (
                "a reader comment" if c.in_comments else outlet or "the source"
            ),
            claimant_id=c.claimant_id,
            hedged=c.hedged,
            in_comments=c.in_comments,
            event_type=c.event_type,
            event_date_start=c.event_date_start,
            event_date_end=c.event_date_end,
            source=SourceRef(id=sid, title=title, outlet=outlet, url=url, published_on=published),
        )  # fmt: skip
    return out


def get_event(session: Session, event_id: int) -> EventDetail:
    e = session.get(Event, event_id)
    if e is None:
        raise NotFound("event", event_id)
    ids = list(
        session.execute(
            sa.select(EventClaim.claim_id).where(EventClaim.event_id == event_id)
        ).scalars()
    )
    members = _members(session, ids)
    relations = session.execute(
        sa.select(ClaimRelation)
        .where(ClaimRelation.claim_a_id.in_(ids))
        .order_by(ClaimRelation.claim_a_id, ClaimRelation.claim_b_id)
    ).scalars()
    ordered = sorted(members.values(), key=lambda m: (m.source.id, m.char_start))
    sources = {m.source.id: m.source for m in ordered}
    return EventDetail(
        **_public(e, _place_refs(session, {e.place_id} if e.place_id else set())),
        figures=e.figures,
        claimants=e.claimants,
        actors=e.actors,
        sources=list(sources.values()),
        claims=ordered,
        relations=[
            RelationPublic(
                kind=r.kind, claim_a_id=r.claim_a_id, claim_b_id=r.claim_b_id, reason=r.reason,
                agree=r.agree, differ=r.differ, detail=r.detail,
            )
            for r in relations
        ],
    )  # fmt: skip


def related(session: Session, claim_id: int) -> ClaimRelations:
    """The relations of one claim, grouped by kind, each with the other claim and why."""
    if session.get(Claim, claim_id) is None:
        raise NotFound("claim", claim_id)
    rows = list(
        session.execute(
            sa.select(ClaimRelation).where(
                sa.or_(ClaimRelation.claim_a_id == claim_id, ClaimRelation.claim_b_id == claim_id)
            )
        ).scalars()
    )
    others = {r.claim_b_id if r.claim_a_id == claim_id else r.claim_a_id for r in rows}
    members = _members(session, list(others))
    event_of = dict(
        session.execute(
            sa.select(EventClaim.claim_id, EventClaim.event_id).where(
                EventClaim.claim_id.in_(others | {claim_id})
            )
        ).all()
    )
    grouped: dict[str, list[RelatedClaim]] = defaultdict(list)
    for r in sorted(rows, key=lambda r: (r.kind, r.claim_a_id, r.claim_b_id)):
        other = r.claim_b_id if r.claim_a_id == claim_id else r.claim_a_id
        direction = None
        if r.kind == "updates":  # claim_b gives the later figure
            direction = "updated_by" if r.claim_a_id == claim_id else "updates"
        grouped[r.kind].append(
            RelatedClaim(
                claim=members[other], reason=r.reason, agree=r.agree, differ=r.differ,
                direction=direction, detail=r.detail, event_id=event_of.get(other),
            )
        )  # fmt: skip
    membership = (
        session.execute(
            sa.select(Event.id, Event.grade, Event.grade_reason).where(
                Event.id == event_of[claim_id]
            )
        ).first()
        if claim_id in event_of
        else None
    )
    return ClaimRelations(
        claim_id=claim_id,
        event=EventRef(
            id=membership.id, grade=membership.grade, grade_reason=membership.grade_reason
        )
        if membership
        else None,
        corroborates=grouped["corroborates"],
        contradicts=grouped["contradicts"],
        updates=grouped["updates"],
        repeats=grouped["repeats"],
        related=grouped["related"],
    )
