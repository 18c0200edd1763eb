"""Reading sources."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import defer
from sqlmodel import Session, select

from app.errors import NotFound
from app.list_params import SourceFilters
from app.models import (
    Actor,
    Claim,
    Mention,
    MentionPublic,
    Place,
    PlaceRef,
    Source,
    SourceDetail,
    SourcePublic,
)
from app.models.page import Page
from app.models.resolved import Resolved
from app.services import search
from app.services.listed import not_rejected
from app.services.outlets import resolve_outlets
from app.services.paging import Ordering, SortKey, paginate

BY_ID = Ordering("id", (SortKey(Source.id),))


def _without_text() -> sa.Select:
    """Sources without their full text, which a list never shows (its length comes from SQL)."""
    return select(Source).options(defer(Source.text))


def _filtered(session: Session, filters: SourceFilters, resolved: Resolved) -> sa.Select:
    stmt = _without_text().where(Source.deleted_at.is_(None))  # deleted: in no list
    if filters.outlet:
        outlets, resolved["outlet"] = resolve_outlets(session, [filters.outlet])
        stmt = stmt.where(sa.func.lower(Source.outlet).in_(outlets))
    start, end = filters.published_range
    if start:
        stmt = stmt.where(Source.published_on >= start)
    if end:
        stmt = stmt.where(Source.published_on <= end)
    if filters.q:
        stmt = stmt.where(
            Source.id.in_(sa.select(Claim.source_id).where(search.matches(session, filters.q)))
        )
    return stmt


def _publics(session: Session, sources: list[Source]) -> list[SourcePublic]:
    ids = [s.id for s in sources]
    lengths = dict(
        session.execute(
            sa.select(Source.id, sa.func.length(Source.text)).where(Source.id.in_(ids))
        ).all()
    )
    counts = dict(
        session.execute(
            sa.select(Claim.source_id, sa.func.count())
            .where(Claim.source_id.in_(ids), not_rejected())
            .group_by(Claim.source_id)
        ).all()
    )
    place_ids = {s.primary_place_id for s in sources if s.primary_place_id}
    places = {
        p.id: PlaceRef(id=p.id, name=p.name, kind=p.kind, governorate=p.governorate)
        for p in session.exec(select(Place).where(Place.id.in_(place_ids)))
    }
    return [
        SourcePublic.model_validate(
            s,
            update={
                "length": lengths[s.id],
                "claim_count": counts.get(s.id, 0),
                "primary_place": places.get(s.primary_place_id),
                "corrected_fields": s.corrected_fields or [],
            },
        )
        for s in sources
    ]


def list_sources(session: Session, filters: SourceFilters) -> Page[SourcePublic]:
    resolved: Resolved = {}
    stmt = _filtered(session, filters, resolved)
    page = paginate(
        session, stmt, BY_ID, limit=filters.limit, cursor=filters.cursor, count=filters.count
    )
    return Page(data=_publics(session, page.rows), **page.envelope(), resolved=resolved)


def list_by_ids(session: Session, ids: list[int]) -> list[SourcePublic]:
    rows = session.exec(_without_text().where(Source.id.in_(ids)).order_by(Source.id)).all()
    return _publics(session, list(rows))


def _mentions(session: Session, source_id: int) -> list[MentionPublic]:
    rows = session.execute(
        sa.select(Mention, Actor.name, Place.name)
        .outerjoin(Actor, Actor.id == Mention.actor_id)
        .outerjoin(Place, Place.id == Mention.place_id)
        .where(Mention.source_id == source_id)
        .order_by(Mention.char_start, Mention.id)
    ).all()
    return [
        MentionPublic(
            kind=m.kind,
            entity_id=m.actor_id or m.place_id,
            entity=actor_name or place_name,
            surface=m.surface,
            char_start=m.char_start,
            char_end=m.char_end,
            value=m.value,
        )
        for m, actor_name, place_name in rows
    ]


def get_source(session: Session, source_id: int) -> SourceDetail:
    source = session.get(Source, source_id)
    if source is None:
        raise NotFound("source", source_id)
    public = _publics(session, [source])[0]
    return SourceDetail(
        **public.model_dump(),
        text=source.text,
        extra=source.extra,
        mentions=_mentions(session, source_id),
    )
