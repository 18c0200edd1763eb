"""Claims in their public shape, read in two statements whatever their number (issue #15).

The page's claims come with their source's outlet and date, their claimant and their
event joined (`joined`: one row per claim, every join on a unique key), then every actor
and place link of those claims in one statement (`links`). Rows are shaped straight into
ClaimPublic's fields, in its order, as plain values: a list sends them as JSON bytes with
no model built for a claim (building and validating fifty models cost more than the
page's SQL at a million claims); a single claim or an export validates them once.
tests/api/test_claim_shapes.py holds the shapes to what ClaimPublic makes of them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from app.models import Actor, Claim, ClaimPublic, Place, Source
from app.models.claim import Quantity
from app.models.event import Event, EventClaim
from app.models.links import ClaimActor, ClaimPlace
from app.services import figures
from app.services.curation import corrected_fields

_CLAIM = Claim.__table__.c
_SOURCE = Source.__table__.alias("claim_source")
_CLAIMANT = Actor.__table__.alias("claimant")
_EVENT_CLAIM = EventClaim.__table__
_EVENT = Event.__table__

# ClaimPublic's fields that are claim's own columns, in ClaimPublic's order
OWN = [n for n in ClaimPublic.model_fields if n in _CLAIM]
# what a row of `joined` holds: OWN, then what the shaping reads from other tables
COLUMNS = [
    *(_CLAIM[n] for n in OWN),
    _CLAIM.claimant_id,
    _CLAIM.corrections,
    _SOURCE.c.outlet.label("source_outlet"),
    _SOURCE.c.published_on.label("source_published_on"),
    _CLAIMANT.c.name.label("claimant_name"),
    _CLAIMANT.c.kind.label("claimant_kind"),
    _EVENT_CLAIM.c.event_id.label("claim_event_id"),
    _EVENT.c.grade.label("claim_event_grade"),
]
_ID, _QUANTITIES = OWN.index("id"), OWN.index("quantities")
# each field of ClaimPublic in order: its index in a row, or None (shaped: the others,
# and the stored quantities)
_SHAPED = {"quantities"}
_FIELDS = [
    (f, OWN.index(f) if f in OWN and f not in _SHAPED else None) for f in ClaimPublic.model_fields
]
_OTHER = slice(len(OWN), len(OWN) + 8)
# Quantity's fields and defaults (a stored quantity lacking a required one is an error)
_QUANTITY = [(n, f.is_required(), f.default) for n, f in Quantity.model_fields.items()]


_JOINED = (
    Claim.__table__.join(_SOURCE, _SOURCE.c.id == _CLAIM.source_id)
    .outerjoin(_CLAIMANT, _CLAIMANT.c.id == _CLAIM.claimant_id)
    .outerjoin(_EVENT_CLAIM, _EVENT_CLAIM.c.claim_id == _CLAIM.id)
    .outerjoin(_EVENT, _EVENT.c.id == _EVENT_CLAIM.c.event_id)
)


def joined(stmt: sa.Select[Any]) -> sa.Select[Any]:
    """`stmt` (a select of claims) reading COLUMNS: the joins are on unique keys (outer
    where there may be nothing), so they add no row and drop none."""
    return stmt.with_only_columns(*COLUMNS).select_from(_JOINED)


def by_ids(ids: Sequence[int]) -> sa.Select[Any]:
    return joined(sa.select(Claim).where(Claim.id.in_(ids)))


_ACTOR, _PLACE = Actor.__table__.c, Place.__table__.c
_CA, _CP = ClaimActor.__table__.c, ClaimPlace.__table__.c


def _links() -> sa.CompoundSelect:
    """Every actor and place link of the claims `ids` (a parameter), with the entity's
    fields, actors first, each in text order (char_start, then link id)."""
    ids = sa.bindparam("ids", expanding=True)
    null = sa.null()
    actors = (
        sa.select(
            sa.literal(0).label("link_kind"), _CA.claim_id, _ACTOR.id, _ACTOR.name, _ACTOR.kind,
            _CA.role, sa.cast(null, sa.String).label("governorate"),
            sa.cast(null, sa.Float).label("lat"), sa.cast(null, sa.Float).label("lon"),
            sa.cast(null, sa.String).label("geo_precision"), _CA.char_start, _CA.char_end,
            _CA.id.label("link_id"),
        )
        .join_from(ClaimActor.__table__, Actor.__table__, _ACTOR.id == _CA.actor_id)
        .where(_CA.claim_id.in_(ids))
    )  # fmt: skip
    places = (
        sa.select(
            sa.literal(1), _CP.claim_id, _PLACE.id, _PLACE.name, _PLACE.kind,
            sa.cast(null, sa.String), _PLACE.governorate, _PLACE.lat, _PLACE.lon,
            _PLACE.geo_precision, _CP.char_start, _CP.char_end, _CP.id,
        )
        .join_from(ClaimPlace.__table__, Place.__table__, _PLACE.id == _CP.place_id)
        .where(_CP.claim_id.in_(ids))
    )  # fmt: skip
    order = ("link_kind", "char_start", "link_id")
    return sa.union_all(actors, places).order_by(*map(sa.literal_column, order))


_LINKS = _links()  # built once: only the ids change
Links = tuple[dict[int, list[dict[str, Any]]], dict[int, list[dict[str, Any]]]]


def links(session: Session, ids: Sequence[int]) -> Links:
    """Each claim's actors and places (ClaimActorPublic's and ClaimPlacePublic's fields)."""
    actors: dict[int, list[dict[str, Any]]] = defaultdict(list)
    places: dict[int, list[dict[str, Any]]] = defaultdict(list)
    if not ids:
        return actors, places
    found = session.connection().execute(_LINKS, {"ids": list(ids)}).all()
    for kind, claim_id, i, name, k, role, gov, lat, lon, precision, start, end, _ in found:
        if kind == 0:
            actors[claim_id].append(
                {"id": i, "name": name, "kind": k, "role": role, "char_start": start,
                 "char_end": end}
            )  # fmt: skip
        else:
            places[claim_id].append(
                {"id": i, "name": name, "kind": k, "governorate": gov, "lat": lat, "lon": lon,
                 "geo_precision": precision, "char_start": start, "char_end": end}
            )  # fmt: skip
    return actors, places


def _quantity(stored: dict[str, Any]) -> dict[str, Any]:
    return {n: stored[n] if required else stored.get(n, d) for n, required, d in _QUANTITY}


def shapes(session: Session, rows: Sequence[Any]) -> list[dict[str, Any]]:
    """ClaimPublic's fields, in its order, of each row of `joined` (one more statement:
    the links)."""
    actors, places = links(session, [r[_ID] for r in rows])
    out = []
    for r in rows:
        claim_id = r[_ID]
        quantities = [_quantity(q) for q in r[_QUANTITIES] or ()]
        claimant_id, corrections, outlet, published, name, kind, event_id, grade = r[_OTHER]
        other = {
            "outlet": outlet,
            "published_on": published,
            "claimant": None if name is None else {"id": claimant_id, "name": name, "kind": kind},
            "quantities": quantities,
            "figures": figures.claim_figures(quantities),
            "actors": actors.get(claim_id, []),
            "places": places.get(claim_id, []),
            "event_id": event_id,
            "event_grade": grade,
            "corrected_fields": corrected_fields(corrections),
        }
        out.append({f: other[f] if i is None else r[i] for f, i in _FIELDS})
    return out
