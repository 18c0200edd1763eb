"""/actors: armed groups, states, people, media and monitors."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request, Response
from fastapi.responses import JSONResponse

from app.api.deps import AdminDep, EditorDep, Reader, SessionDep, WriteSessionDep
from app.api.headers import ActorIfMatch
from app.api.links import with_next_url
from app.api.patch import read_patch, request_body
from app.api.problems import problem_responses
from app.api.routes.claims import EXPORT_RESPONSES, claim_list
from app.api.writes import committed
from app.list_params import ActorFilters
from app.models import Actor, ActorDetail, ActorPublic, ClaimPublic, RevisionPublic
from app.models.entity_corrections import (
    ACTOR_MERGE_EXAMPLES,
    ACTOR_PATCH_EXAMPLES,
    ActorMerge,
    ActorPatch,
)
from app.models.event import ActorFraming
from app.models.page import Page, PageParams
from app.params import ClaimListParams
from app.services import actor_curation, actors, framing, revisions
from app.services.entities import require

router = APIRouter(
    prefix="/actors",
    tags=["actors"],
    dependencies=[Reader],
    responses=problem_responses(401, 414),
)

ActorId = Annotated[int, Path(ge=1, le=2**31 - 1, description="Actor id.", examples=[1])]


@router.get("", summary="List actors", responses=problem_responses(422))
def list_actors(
    request: Request, session: SessionDep, filters: Annotated[ActorFilters, Query()]
) -> Page[ActorPublic]:
    """Actors with their aliases (with the dates a name was in use), their parent unit or
    affiliation, and how many claims name them. `curated` actors come from the shipped
    registry; the others are names found in the text. An actor merged into another is
    not listed (`GET /actors/{id}` still answers, with where it went)."""
    return with_next_url(request, actors.list_actors(session, filters))


@router.get(
    "/{actor_id}",
    summary="Get one actor",
    responses={
        308: {"description": "Merged into another actor: `Location` names it."},
        **problem_responses(404, 422),
    },
)
def get_actor(session: SessionDep, actor_id: ActorId, response: Response) -> Any:
    """One actor with its aliases, its parent and its direct units or affiliates, and
    which fields a person corrected (`corrected_fields`; aliases an editor added carry
    `added_by`). The `ETag` header names this version, for `PATCH /actors/{id}`.

    An actor merged into another answers **308** with `Location: /actors/{its id}` and
    the old record (with `merged_into`) as the body; its history stays at
    `/actors/{id}/history`."""
    detail = actors.get_actor(session, actor_id)
    etag = actor_curation.etag(session, actor_id)
    if detail.merged_into is not None:
        return JSONResponse(
            detail.model_dump(mode="json"),
            status_code=308,
            headers={"Location": f"/actors/{detail.merged_into.id}", "ETag": etag},
        )
    response.headers["ETag"] = etag
    return detail


@router.patch(
    "/{actor_id}",
    summary="Correct an actor",
    openapi_extra={"requestBody": request_body(ActorPatch, ACTOR_PATCH_EXAMPLES)},
    responses=problem_responses(403, 404, 409, 412, 413, 415, 422, 428, 503),
)
async def patch_actor(
    request: Request,
    session: WriteSessionDep,
    who: EditorDep,
    actor_id: ActorId,
    response: Response,
    if_match: ActorIfMatch = None,
) -> ActorDetail:
    """Correct `name`, `kind`, `parent` (id, name or alias; `null` for none) and
    `aliases`, as a JSON merge patch with a `reason`. `aliases` replaces the whole list:
    send the ones to keep with the new ones (each `{"alias", "valid_from", "valid_to"}`);
    the canonical name always stays one of them. Needs an **editor** key and `If-Match`
    (428 without, 412 when stale).

    Validated like the registry: a kind from the list, a parent that exists and is not
    the actor or one of its units, aliases with letters in them and not already another
    actor's exact alias (422 naming it: merge the two instead). A merged actor is 409.

    Aliases added here are used by the next extraction (import, upload, `claimdb
    reextract`), and syncing the shipped registry never removes them or undoes a
    corrected field. Every change is in `GET /actors/{id}/history`."""
    patch = await read_patch(request, ActorPatch)

    def change() -> tuple[ActorDetail, str]:
        actor_curation.correct(session, actor_id, patch, who.name, if_match)
        return actors.get_actor(session, actor_id), actor_curation.etag(session, actor_id)

    detail, etag = await committed(session, change)
    response.headers["ETag"] = etag
    return detail


@router.post(
    "/{actor_id}/merge",
    summary="Merge an actor into another (an admin)",
    openapi_extra={"requestBody": request_body(ActorMerge, ACTOR_MERGE_EXAMPLES)},
    responses=problem_responses(403, 404, 409, 412, 413, 415, 422, 428, 503),
)
async def merge_actor(
    request: Request,
    session: WriteSessionDep,
    who: AdminDep,
    actor_id: ActorId,
    response: Response,
    if_match: ActorIfMatch = None,
) -> ActorDetail:
    """Merge this actor (a duplicate) into the actor named by `into` (id, name or alias):
    its claims (as claimant or in any role), mentions, framing counts, aliases and units
    move there, and corrections that named it name the other. It stays as a tombstone:
    `GET /actors/{id}` answers 308 to the actor that stays, with `merged_into`, and its
    history remains. Answers with the actor that stays.

    Needs an **admin** key, `If-Match` with this actor's ETag (428 without, 412 when
    stale) and a `reason`; one revision is recorded on each actor. The next extraction
    finds the merged names as the actor that stays."""
    body = await read_patch(request, ActorMerge)

    def change() -> tuple[ActorDetail, str]:
        into = actor_curation.merge(session, actor_id, body, who.name, if_match)
        return actors.get_actor(session, into.id), actor_curation.etag(session, into.id)

    detail, etag = await committed(session, change)
    response.headers["ETag"] = etag
    return detail


@router.get(
    "/{actor_id}/history",
    summary="Every change made to an actor",
    responses=problem_responses(404, 422),
)
def actor_history(
    session: SessionDep, actor_id: ActorId, page: Annotated[PageParams, Query()]
) -> Page[RevisionPublic]:
    """The actor's revisions (corrections, merges), oldest first."""
    require(session, Actor, actor_id)
    return revisions.history(session, "actor", actor_id, page)


@router.get(
    "/{actor_id}/claims",
    summary="Claims about this actor",
    response_model=Page[ClaimPublic],
    responses={**EXPORT_RESPONSES, **problem_responses(404)},
)
def actor_claims(
    request: Request,
    session: SessionDep,
    actor_id: ActorId,
    params: Annotated[ClaimListParams, Query()],
) -> Any:
    """Claims naming this actor (in any role, or as claimant), its units and affiliates included unless `include_affiliates=false`. Takes every /claims filter, paging and `format`."""
    require(session, Actor, actor_id)  # 404 before filtering
    return claim_list(request, session, params, actor_id=actor_id)


@router.get(
    "/{actor_id}/framing",
    summary="How outlets name this actor",
    responses=problem_responses(404, 422),
)
def actor_framing(session: SessionDep, actor_id: ActorId) -> ActorFraming:
    """Which outlets call this actor what: per outlet, the framing words their articles
    use next to the actor's name ("terrorists", "rebels", "regime", "militants",
    "liberated", "occupied"...), counted once per occurrence, with the number of articles
    and an example span. Units and affiliates are included. Reader comments are not
    counted."""
    return framing.actor_framing(session, actor_id)
