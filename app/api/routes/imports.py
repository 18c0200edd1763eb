"""/imports: what each import run added, skipped and could not read."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request

from app.api.deps import Reader, SessionDep
from app.api.links import with_next_url
from app.api.problems import problem_responses
from app.list_params import ImportFilters
from app.models import ImportRunPublic
from app.models.page import Page
from app.services import import_runs

router = APIRouter(
    prefix="/imports",
    tags=["imports"],
    dependencies=[Reader],
    responses=problem_responses(401, 414),
)

RunId = Annotated[int, Path(ge=1, le=2**31 - 1, description="Import run id.", examples=[1])]


@router.get("", summary="List import runs", responses=problem_responses(422))
def list_imports(
    request: Request, session: SessionDep, filters: Annotated[ImportFilters, Query()]
) -> Page[ImportRunPublic]:
    """Import runs, newest first, with their counts (added, unchanged, superseded, failed) and
    the reason for every document that could not be imported. A run whose `finished_at` is
    null was interrupted or is still going; what it stored is whole documents only."""
    return with_next_url(request, import_runs.list_imports(session, filters))


@router.get("/{run_id}", summary="Get one import run", responses=problem_responses(404, 422))
def get_import(session: SessionDep, run_id: RunId) -> ImportRunPublic:
    """One import run with its counts and failures (file, line or row, and reason)."""
    return import_runs.get_import(session, run_id)
