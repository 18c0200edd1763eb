"""/sources: the imported documents."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from app.api.deps import Reader, SessionDep
from app.api.problems import problem_responses
from app.models import SourceDetail, SourcePublic
from app.models.filters import SourceFilters
from app.models.page import Page
from app.services import sources

router = APIRouter(prefix="/sources", tags=["sources"], dependencies=[Reader])

SourceId = Annotated[int, Path(ge=1, le=2**31 - 1, description="Source id.", examples=[1])]


@router.get("", summary="List sources", responses=problem_responses(422))
def list_sources(
    session: SessionDep, filters: Annotated[SourceFilters, Query()]
) -> Page[SourcePublic]:
    """Imported documents, oldest import first, without their text (fetch one source for it).

    Each item says where its publication date came from (`published_origin`), how precise it
    is, and the primary place of its events.
    """
    return sources.list_sources(session, filters)


@router.get("/{source_id}", summary="Get one source", responses=problem_responses(404, 422))
def get_source(session: SessionDep, source_id: SourceId) -> SourceDetail:
    """One document with its full text, exactly as imported, and every mention found in it.

    Every `char_start`/`char_end` in claimdb is an offset into this `text`:
    `text[char_start:char_end]` is the mention's `surface`.
    """
    return sources.get_source(session, source_id)
