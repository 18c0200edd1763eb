"""Reading places."""

from __future__ import annotations

import sqlalchemy as sa
from sqlmodel import Session, select

from app.errors import NotFound
from app.extraction.registry import place_entry
from app.list_params import PlaceFilters
from app.models import Place, PlaceAlias, PlaceDetail, PlacePublic, PlaceRef
from app.models.links import ClaimPlace
from app.models.page import Page
from app.models.resolved import Resolved
from app.services import resolve
from app.services.entities import related, with_alias_prefix
from app.services.paging import Ordering, SortKey, paginate

BY_ID = Ordering("id", (SortKey(Place.id),))


def _filtered(session: Session, filters: PlaceFilters, resolved: Resolved) -> sa.Select:
    stmt = select(Place)
    if filters.q:
        stmt = stmt.where(Place.id.in_(with_alias_prefix(PlaceAlias, "place_id", filters.q)))
    if filters.kind:
        stmt = stmt.where(Place.kind.in_(filters.kind))
    if filters.governorate:
        names, resolved["governorate"] = resolve.governorates(session, [filters.governorate])
        stmt = stmt.where(Place.governorate.in_(names))
    if filters.bbox_values:
        min_lon, min_lat, max_lon, max_lat = filters.bbox_values
        stmt = stmt.where(Place.lat.between(min_lat, max_lat), Place.lon.between(min_lon, max_lon))
    return stmt


def _ref(place: Place) -> PlaceRef:
    return PlaceRef(id=place.id, name=place.name, kind=place.kind, governorate=place.governorate)


def _publics(session: Session, places: list[Place]) -> list[PlacePublic]:
    rel = related(session, places, alias_model=PlaceAlias, link_model=ClaimPlace, owner="place_id")
    return [
        PlacePublic.model_validate(
            p,
            update={
                "aliases": [x.alias for x in rel.aliases.get(p.id, [])],
                "claim_count": rel.claim_counts.get(p.id, 0),
                "parent": _ref(rel.parents[p.parent_id]) if p.parent_id else None,
                "corrected_fields": p.corrected_fields or [],
                "found_in_text": p.added_by is None and place_entry(p.slug) is None,
            },
        )
        for p in places
    ]


def list_places(session: Session, filters: PlaceFilters) -> Page[PlacePublic]:
    resolved: Resolved = {}
    stmt = _filtered(session, filters, resolved)
    page = paginate(
        session, stmt, BY_ID, limit=filters.limit, cursor=filters.cursor, count=filters.count
    )
    return Page(data=_publics(session, page.rows), **page.envelope(), resolved=resolved)


def ancestors(session: Session, place: Place) -> list[Place]:
    chain: list[Place] = []
    seen = {place.id}
    while place.parent_id and place.parent_id not in seen:
        parent = session.get(Place, place.parent_id)
        if parent is None:
            break
        chain.append(parent)
        seen.add(parent.id)
        place = parent
    return chain


def get_place(session: Session, place_id: int) -> PlaceDetail:
    place = session.get(Place, place_id)
    if place is None:
        raise NotFound("place", place_id)
    public = _publics(session, [place])[0]
    return PlaceDetail(
        **public.model_dump(), ancestors=[_ref(p) for p in ancestors(session, place)]
    )
