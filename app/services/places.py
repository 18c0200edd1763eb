"""Reading places."""

from __future__ import annotations

from collections import defaultdict

import sqlalchemy as sa
from sqlmodel import Session, select

from app.errors import NotFound
from app.extraction.normalize import normalize_key
from app.models import Place, PlaceAlias, PlaceDetail, PlacePublic, PlaceRef
from app.models.filters import PlaceFilters
from app.models.links import ClaimPlace
from app.models.page import Page
from app.services import resolve
from app.services.paging import Ordering, SortKey, like_prefix, paginate

BY_ID = Ordering("id", (SortKey(Place.id),))


def _filtered(session: Session, filters: PlaceFilters) -> sa.Select:
    stmt = select(Place)
    if filters.q:
        pattern = like_prefix(normalize_key(filters.q))
        stmt = stmt.where(
            Place.id.in_(
                sa.select(PlaceAlias.place_id).where(PlaceAlias.key.like(pattern, escape="\\"))
            )
        )
    if filters.kind:
        stmt = stmt.where(Place.kind.in_(filters.kind))
    if filters.governorate:
        stmt = stmt.where(
            Place.governorate.in_(resolve.governorates(session, [filters.governorate]))
        )
    if filters.bbox_values:
        min_lon, min_lat, max_lon, max_lat = filters.bbox_values
        stmt = stmt.where(Place.lat.between(min_lat, max_lat), Place.lon.between(min_lon, max_lon))
    return stmt


def _ref(place: Place) -> PlaceRef:
    return PlaceRef(id=place.id, name=place.name, kind=place.kind, governorate=place.governorate)


def _publics(session: Session, places: list[Place]) -> list[PlacePublic]:
    ids = [p.id for p in places]
    aliases: dict[int, list[str]] = defaultdict(list)
    for alias in session.exec(
        select(PlaceAlias).where(PlaceAlias.place_id.in_(ids)).order_by(PlaceAlias.id)
    ):
        aliases[alias.place_id].append(alias.alias)
    counts = dict(
        session.execute(
            sa.select(ClaimPlace.place_id, sa.func.count(sa.distinct(ClaimPlace.claim_id)))
            .where(ClaimPlace.place_id.in_(ids))
            .group_by(ClaimPlace.place_id)
        ).all()
    )
    parent_ids = {p.parent_id for p in places if p.parent_id}
    parents = {p.id: _ref(p) for p in session.exec(select(Place).where(Place.id.in_(parent_ids)))}
    return [
        PlacePublic.model_validate(
            p,
            update={
                "aliases": aliases[p.id],
                "claim_count": counts.get(p.id, 0),
                "parent": parents.get(p.parent_id),
            },
        )
        for p in places
    ]


def list_places(session: Session, filters: PlaceFilters) -> Page[PlacePublic]:
    page = paginate(
        session, _filtered(session, filters), BY_ID, limit=filters.limit, cursor=filters.cursor
    )
    return Page(data=_publics(session, page.rows), count=page.count, next=page.next)


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
