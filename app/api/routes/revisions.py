"""/revisions: the audit trail of every change people made."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from app.api.deps import Reader, SessionDep
from app.api.problems import problem_responses
from app.list_params import RevisionFilters
from app.models import RevisionPublic
from app.models.page import Page
from app.services import revisions

router = APIRouter(
    prefix="/revisions",
    tags=["revisions"],
    dependencies=[Reader],
    responses=problem_responses(401, 414),
)


@router.get("", summary="List changes made by people", responses=problem_responses(422))
def list_revisions(
    session: SessionDep, filters: Annotated[RevisionFilters, Query()]
) -> Page[RevisionPublic]:
    """Every correction, review, delete, restore, merge and addition, oldest first, of
    claims, sources, actors and places (`entity=actor&entity_id=12` for one actor): who
    made it (the name of their key, never the key), when, what it changed (`before` and
    `after` hold the fields that changed) and why. Nothing here is ever edited or
    removed."""
    return revisions.list_revisions(session, filters)
