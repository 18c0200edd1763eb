"""/claims: statements made in sources, with who made them; filters, facets and exports."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query
from fastapi.responses import StreamingResponse

from app.api.deps import Reader, SessionDep
from app.api.problems import problem_responses
from app.models import ClaimDetail, ClaimPublic
from app.models.event import ClaimRelations
from app.models.page import Page
from app.params import ClaimListParams, FacetParams
from app.services import claims, event_query, export, facets

router = APIRouter(
    prefix="/claims",
    tags=["claims"],
    dependencies=[Reader],
    responses=problem_responses(401, 414),
)

ClaimId = Annotated[int, Path(ge=1, le=2**31 - 1, description="Claim id.", examples=[1])]

EXPORT_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "A page of claims, or with `format=` every matching claim, streamed.",
        "content": {
            "text/csv": {"schema": {"type": "string"}},
            "application/geo+json": {"schema": {"type": "object"}},
            "application/x-ndjson": {"schema": {"type": "string"}},
        },
    },
    **problem_responses(422),
}

FILTER_HELP = """
**Filters** (all combinable; a repeatable one is OR within itself, AND with the others):
dates (`date_from`, `date_to`, `date_mode`, `date_field`, `max_date_precision`), places
(`place` with everything inside it, `governorate`, `bbox`, `near` + `radius_km`,
`include_imprecise`), actors (`actor` with its units and affiliates unless
`include_affiliates=false`, `actor_role`, `claimant`), and `source`, `outlet`,
`event_type`, `hedged`, `in_comments`, `q` (full text), and across sources `event`,
`contradicted`, `corroborated_by_min`. Names accept any alias or
spelling (Daesh = ISIL = ISIS); an unknown name is a 422 that suggests close names.
"""


def claim_list(session: SessionDep, params: ClaimListParams, **fixed: int) -> Any:
    """A page in the list envelope, or the whole export when `format` asks for one."""
    if params.format == "json":
        return claims.list_claims(session, params, **fixed)
    stream = export.export(session, params, params.format, **fixed)
    filename = f"claims.{params.format}"
    return StreamingResponse(
        stream,
        media_type=export.MEDIA_TYPES[params.format],
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


@router.get(
    "",
    summary="List, filter and export claims",
    response_model=Page[ClaimPublic],
    responses=EXPORT_RESPONSES,
    description=(
        "Claims with their claimant, the actors and places they name, their event date range "
        "and precision, and any quantities (killed, injured, displaced...).\n"
        + FILTER_HELP
        + "\n**Export**: `format=csv|geojson|jsonl` streams every matching claim."
    ),
)
def list_claims(session: SessionDep, params: Annotated[ClaimListParams, Query()]) -> Any:
    return claim_list(session, params)


@router.get(
    "/facets",
    summary="Count claims by actor, place, month...",
    responses=problem_responses(422),
    description="How many matching claims there are per value of `by`, most frequent first "
    "(months in date order), up to `limit` values. Takes every /claims filter.\n" + FILTER_HELP,
)
def claim_facets(session: SessionDep, params: Annotated[FacetParams, Query()]) -> facets.Facets:
    return facets.facets(session, params, params.by, params.limit, params.sum or ())


@router.get("/{claim_id}", summary="Get one claim", responses=problem_responses(404, 422))
def get_claim(session: SessionDep, claim_id: ClaimId) -> ClaimDetail:
    """One claim with its evidence: the exact span of the source it came from, with up to 200
    characters of context on each side, and the source's title, outlet and URL."""
    return claims.get_claim(session, claim_id)


@router.get(
    "/{claim_id}/related",
    summary="Claims related to this one",
    responses=problem_responses(404, 422),
)
def related_claims(session: SessionDep, claim_id: ClaimId) -> ClaimRelations:
    """The claims about the same event as this one, grouped by relation: `corroborates`,
    `contradicts`, `updates` (with `direction`: this claim `updates` the other or is
    `updated_by` it), `repeats` and `related`. Each names the other claim (its span and
    source), the reason in words, and the fields that agree and differ; `event` is the
    event the claim belongs to, with its grade."""
    return event_query.related(session, claim_id)
