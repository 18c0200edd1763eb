"""/places: the gazetteer, with coordinates and a parent chain to the country."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request

from app.api.deps import Reader, SessionDep
from app.api.links import with_next_url
from app.api.problems import problem_responses
from app.api.routes.claims import EXPORT_RESPONSES, claim_list
from app.list_params import PlaceFilters
from app.models import ClaimPublic, Place, PlaceDetail, PlacePublic
from app.models.page import Page
from app.params import ClaimListParams
from app.services import places
from app.services.entities import require

router = APIRouter(
    prefix="/places",
    tags=["places"],
    dependencies=[Reader],
    responses=problem_responses(401, 414),
)

PlaceId = Annotated[int, Path(ge=1, le=2**31 - 1, description="Place id.", examples=[1])]


@router.get("", summary="List places", responses=problem_responses(422))
def list_places(
    request: Request, session: SessionDep, filters: Annotated[PlaceFilters, Query()]
) -> Page[PlacePublic]:
    """Places with coordinates (WGS84), their governorate, alternate spellings and how many
    claims name them. `geo_precision` says whether the point is the place itself or only the
    centroid of a governorate or region."""
    return with_next_url(request, places.list_places(session, filters))


@router.get("/{place_id}", summary="Get one place", responses=problem_responses(404, 422))
def get_place(session: SessionDep, place_id: PlaceId) -> PlaceDetail:
    """One place with its whole parent chain (district, city, governorate, country)."""
    return places.get_place(session, place_id)


@router.get(
    "/{place_id}/claims",
    summary="Claims about this place",
    response_model=Page[ClaimPublic],
    responses={**EXPORT_RESPONSES, **problem_responses(404)},
)
def place_claims(
    request: Request,
    session: SessionDep,
    place_id: PlaceId,
    params: Annotated[ClaimListParams, Query()],
) -> Any:
    """Claims about this place or any place inside it. Takes every /claims filter, paging and `format`."""
    require(session, Place, place_id)  # 404 before filtering
    return claim_list(request, session, params, place_id=place_id)
