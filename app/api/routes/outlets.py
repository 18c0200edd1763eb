"""/outlets: who published the sources, with curated country, owner and alignment."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request

from app.api.deps import Reader, SessionDep
from app.api.links import with_next_url
from app.api.problems import problem_responses
from app.list_params import OutletFilters
from app.models.outlet import OutletPublic
from app.models.page import Page
from app.services import outlets

router = APIRouter(
    prefix="/outlets",
    tags=["outlets"],
    dependencies=[Reader],
    responses=problem_responses(401, 414),
)

OutletKey = Annotated[
    str, Path(min_length=1, max_length=256, description="Outlet key.", examples=["sana"])
]


@router.get("", summary="List outlets", responses=problem_responses(422))
def list_outlets(
    request: Request, session: SessionDep, filters: Annotated[OutletFilters, Query()]
) -> Page[OutletPublic]:
    """Outlets by key: the curated ones (country, owner and alignment, each with the
    `source` it was read from) and every other outlet named by an imported source
    (`curated: false`, nothing more known), each with its number of sources. Any
    `outlet=` parameter takes an outlet's key, name or alias."""
    return with_next_url(request, outlets.list_outlets(session, filters))


@router.get("/{key}", summary="Get one outlet", responses=problem_responses(404, 422))
def get_outlet(session: SessionDep, key: OutletKey) -> OutletPublic:
    """One outlet by its key (`sana`, `reuters`...)."""
    return outlets.get_outlet(session, key)
