"""/events: claims grouped by incident, graded from their claimants, with figures side by side."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request

from app.api.deps import Reader, SessionDep
from app.api.links import with_next_url
from app.api.problems import problem_responses
from app.event_params import EventFilters
from app.models.event import EventDetail, EventPublic
from app.models.page import Page
from app.services import event_query

router = APIRouter(
    prefix="/events",
    tags=["events"],
    dependencies=[Reader],
    responses=problem_responses(401, 414),
)

EventId = Annotated[int, Path(ge=1, le=2**31 - 1, description="Event id.", examples=[1])]


@router.get("", summary="List and filter events", responses=problem_responses(422))
def list_events(
    request: Request, session: SessionDep, filters: Annotated[EventFilters, Query()]
) -> Page[EventPublic]:
    """Events: claims about one incident, within and across sources, with their date range,
    place, grade (and why), and how many sources and independent claimants report them.

    Filters combine: dates (`date_from`, `date_to`: the event's range overlaps), `place`
    (with everything inside it), `governorate` and `actor` (an event matches when one of
    its claims does), `event_type`, `grade`, `min_sources`, `min_claimants`. The
    contested ones: `grade=contested&grade=denied`; the well-sourced: `min_claimants=2`.
    """
    return with_next_url(request, event_query.list_events(session, filters))


@router.get("/{event_id}", summary="Get one event", responses=problem_responses(404, 422))
def get_event(session: SessionDep, event_id: EventId) -> EventDetail:
    """One event: its claims (with the exact spans and their sources), every relation
    between them with its reason and the fields that agree or differ, its grade and why,
    and each figure as a range across claimants with who said which (for example
    `killed`: SOHR 86, WHO at least 70), each with the span it was read from."""
    return event_query.get_event(session, event_id)
