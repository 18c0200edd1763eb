"""/actors: armed groups, states, people, media and monitors."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request

from app.api.deps import Reader, SessionDep
from app.api.links import with_next_url
from app.api.problems import problem_responses
from app.api.routes.claims import EXPORT_RESPONSES, claim_list
from app.list_params import ActorFilters
from app.models import Actor, ActorDetail, ActorPublic, ClaimPublic
from app.models.event import ActorFraming
from app.models.page import Page
from app.params import ClaimListParams
from app.services import actors, framing
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
    registry; the others are names found in the text."""
    return with_next_url(request, actors.list_actors(session, filters))


@router.get("/{actor_id}", summary="Get one actor", responses=problem_responses(404, 422))
def get_actor(session: SessionDep, actor_id: ActorId) -> ActorDetail:
    """One actor with its aliases, its parent and its direct units or affiliates."""
    return actors.get_actor(session, actor_id)


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
