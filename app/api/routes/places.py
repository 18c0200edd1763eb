"""/places: the gazetteer, with coordinates and a parent chain to the country."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request, Response
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse

from app.api.deps import EditorDep, Reader, SessionDep, WriteSessionDep
from app.api.headers import PlaceIfMatch
from app.api.links import with_next_url
from app.api.patch import read_patch, request_body
from app.api.problems import problem_responses
from app.api.routes.claims import EXPORT_RESPONSES, claim_list
from app.api.writes import committed
from app.list_params import PlaceFilters
from app.models import ClaimPublic, Place, PlaceDetail, PlacePublic, RevisionPublic
from app.models.entity_corrections import (
    PLACE_CREATE_EXAMPLES,
    PLACE_PATCH_EXAMPLES,
    PlaceCreate,
    PlacePatch,
)
from app.models.page import Page, PageParams
from app.params import ClaimListParams
from app.services import place_curation, places, revisions
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


@router.post(
    "",
    summary="Add a missing place",
    status_code=201,
    openapi_extra={"requestBody": request_body(PlaceCreate, PLACE_CREATE_EXAMPLES)},
    responses={
        201: {"description": "Added; `Location` points at the new place."},
        **problem_responses(403, 404, 413, 415, 422, 503),
    },
)
async def create_place(request: Request, session: WriteSessionDep, who: EditorDep) -> JSONResponse:
    """Add a place the gazetteer lacks (a village, a neighbourhood, a checkpoint...):
    `name`, `kind`, `lat` and `lon` (WGS84, within range), `parent` (id, name or alias
    of the place it lies in; its chain must reach a governorate), optional `aliases`
    (other spellings) and `geo_precision`, and the `reason`. Needs an **editor** key.

    The next extraction (import, upload, `claimdb reextract`) finds the place by its
    name and spellings, and syncing the shipped gazetteer never touches it. A place of
    the same name under the same parent is a 422 naming it."""
    body = await read_patch(request, PlaceCreate)

    def change() -> tuple[PlaceDetail, str]:
        place = place_curation.create(session, body, who.name)
        return places.get_place(session, place.id), place_curation.etag(session, place.id)

    detail, etag = await committed(session, change)
    return JSONResponse(
        jsonable_encoder(detail),
        status_code=201,
        headers={"Location": f"/places/{detail.id}", "ETag": etag},
    )


@router.get("/{place_id}", summary="Get one place", responses=problem_responses(404, 422))
def get_place(session: SessionDep, place_id: PlaceId, response: Response) -> PlaceDetail:
    """One place with its whole parent chain (district, city, governorate, country), and
    which fields a person corrected (`corrected_fields`; `added_by` for a place an editor
    added). The `ETag` header names this version, for `PATCH /places/{id}`."""
    detail = places.get_place(session, place_id)
    response.headers["ETag"] = place_curation.etag(session, place_id)
    return detail


@router.patch(
    "/{place_id}",
    summary="Correct a place",
    openapi_extra={"requestBody": request_body(PlacePatch, PLACE_PATCH_EXAMPLES)},
    responses=problem_responses(403, 404, 412, 413, 415, 422, 428, 503),
)
async def patch_place(
    request: Request,
    session: WriteSessionDep,
    who: EditorDep,
    place_id: PlaceId,
    response: Response,
    if_match: PlaceIfMatch = None,
) -> PlaceDetail:
    """Correct `name`, `kind`, `lat`/`lon` (WGS84, within range), `geo_precision`,
    `parent` (id, name or alias; not the place itself or a place inside it, and inside a
    governorate) and `aliases` (the other spellings: the whole list, the name always
    among them), as a JSON merge patch with a `reason`. Needs an **editor** key and
    `If-Match` (428 without, 412 when stale). A new parent moves the place, and the
    places inside it, to the parent's governorate.

    Spellings added here are used by the next extraction; syncing the shipped gazetteer
    never undoes a corrected field or drops an editor's spelling. Every change is in
    `GET /places/{id}/history`."""
    patch = await read_patch(request, PlacePatch)

    def change() -> tuple[PlaceDetail, str]:
        place_curation.correct(session, place_id, patch, who.name, if_match)
        return places.get_place(session, place_id), place_curation.etag(session, place_id)

    detail, etag = await committed(session, change)
    response.headers["ETag"] = etag
    return detail


@router.get(
    "/{place_id}/history",
    summary="Every change made to a place",
    responses=problem_responses(404, 422),
)
def place_history(
    session: SessionDep, place_id: PlaceId, page: Annotated[PageParams, Query()]
) -> Page[RevisionPublic]:
    """The place's revisions (its addition, corrections), oldest first."""
    require(session, Place, place_id)
    return revisions.history(session, "place", place_id, page)


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
