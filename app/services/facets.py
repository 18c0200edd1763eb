"""Counts of matching claims per actor, place, governorate, month, event type, claimant or
outlet: the same filters as /claims, for charts."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from pydantic import BaseModel, Field
from sqlmodel import Session

from app.models import Actor, Claim, Place, Source
from app.models.links import ClaimActor, ClaimPlace
from app.params import ClaimFilters, FacetBy
from app.services import claim_query, figures
from app.services.figures import FigureSum


class FacetValue(BaseModel):
    value: str | None = Field(description="The actor/place name, month (YYYY-MM), type...")
    id: int | None = Field(None, description="Actor or place id, for actor/place/claimant.")
    count: int = Field(description="Matching claims with this value.")
    figures: list[FigureSum] | None = Field(
        None, description="With `sum=`: the figures of these claims, summed (see `sum`)."
    )


class Facets(BaseModel):
    by: str
    total: int = Field(description="All matching claims (a claim may count under several values).")
    data: list[FacetValue]


def _month(session: Session) -> sa.ColumnElement[str]:
    if session.get_bind().dialect.name == "postgresql":
        return sa.func.to_char(Claim.event_date_start, "YYYY-MM")
    return sa.func.strftime("%Y-%m", Claim.event_date_start)


def facets(
    session: Session, filters: ClaimFilters, by: FacetBy, top: int, sums: Sequence[str] = ()
) -> Facets:
    matching = claim_query.filtered(session, filters).with_only_columns(Claim.id).subquery()
    ids = sa.select(matching.c.id)
    n = sa.func.count(sa.distinct(Claim.id)).label("n")
    value: Any
    key: Any = None
    stmt: sa.Select[Any]
    if by == "actor":
        value, key = Actor.name, Actor.id
        stmt = (
            sa.select(key, value, n)
            .select_from(Claim)
            .join(ClaimActor, ClaimActor.claim_id == Claim.id)
            .join(Actor, Actor.id == ClaimActor.actor_id)
        )
    elif by == "claimant":
        value, key = Actor.name, Actor.id
        stmt = (
            sa.select(key, value, n).select_from(Claim).join(Actor, Actor.id == Claim.claimant_id)
        )
    elif by in ("place", "governorate"):
        value = Place.name if by == "place" else Place.governorate
        key = Place.id if by == "place" else None
        cols = [key, value] if key is not None else [value]
        stmt = (
            sa.select(*cols, n)
            .select_from(Claim)
            .join(ClaimPlace, ClaimPlace.claim_id == Claim.id)
            .join(Place, Place.id == ClaimPlace.place_id)
        )
    elif by == "outlet":
        value = Source.outlet
        stmt = sa.select(value, n).select_from(Claim).join(Source, Source.id == Claim.source_id)
    elif by == "month":
        value = _month(session)
        stmt = sa.select(value, n).select_from(Claim).where(Claim.event_date_start.is_not(None))
    else:
        value = Claim.event_type
        stmt = sa.select(value, n).select_from(Claim)
    bucket = key if key is not None else value
    pairs = stmt.with_only_columns(bucket.label("bucket"), Claim.id.label("claim_id")).where(
        Claim.id.in_(ids), value.is_not(None)
    )
    group = [key, value] if key is not None else [value]
    order = [value] if by == "month" else [sa.desc("n"), *group]  # months read as a timeline
    stmt = (
        stmt.where(
            Claim.id.in_(ids), value.is_not(None)
        )  # country-level places have no governorate
        .group_by(*group)
        .order_by(*order)
        .limit(top)
    )
    rows = session.execute(stmt).all()
    total = session.execute(sa.select(sa.func.count()).select_from(matching)).scalar_one()
    summed = {kind: figures.bucket_sums(session, pairs, kind) for kind in sums}
    data = [
        FacetValue(
            id=row[0] if key is not None else None,
            value=row[-2],
            count=row[-1],
            figures=[s[row[0]] for s in summed.values() if row[0] in s] if sums else None,
        )
        for row in rows
    ]
    return Facets(by=by, total=total, data=data)
