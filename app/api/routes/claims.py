"""/claims: statements made in sources, with who made them; filters, facets and exports."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import StreamingResponse
from sqlmodel import Session
from starlette.exceptions import HTTPException as StarletteHTTPException

from app.api.deps import EditorDep, Reader, SessionDep, WriteSessionDep, note_write, write_slot
from app.api.headers import ClaimIfMatch
from app.api.links import with_next_url
from app.api.patch import read_patch, request_body
from app.api.problems import problem_responses
from app.models import Claim, ClaimDetail, ClaimPublic, RevisionPublic
from app.models.corrections import CLAIM_PATCH_EXAMPLES, ClaimPatch
from app.models.event import ClaimRelations
from app.models.facet import Facets
from app.models.page import Page, PageParams
from app.params import ClaimListParams, FacetParams
from app.services import claims, curation, event_query, export, facets, revisions
from app.services.entities import require

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
`event_type`, `hedged`, `in_comments`, `q` (full text), across sources `event`,
`contradicted`, `corroborated_by_min`, and from reviewers `review_status` (claims a
reviewer rejected are left out unless `include_rejected=true`, and so are the claims of
deleted sources). Names accept any alias or
spelling listed for it (Daesh = ISIL = ISIS), up to case, accents and the article; the
answer's `resolved` says what each name meant (and the alternatives of a shared name).
A name that is none of these is a 422 that suggests close names ("Deash": Daesh).
"""


def claim_list(request: Request, session: SessionDep, params: ClaimListParams, **fixed: int) -> Any:
    """A page in the list envelope, or the whole export when `format` asks for one. The page
    is shaped as `response_model` says and goes out as JSON as is (issue #15), never
    validated (services/claim_rows.py)."""
    if params.format == "json":
        page = with_next_url(request, claims.list_claims(session, params, **fixed))
        return Response(page.model_dump_json(), media_type="application/json")
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
def list_claims(
    request: Request, session: SessionDep, params: Annotated[ClaimListParams, Query()]
) -> Any:
    return claim_list(request, session, params)


FACET_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "A page of buckets, or with `format=csv` every bucket.",
        "content": {"text/csv": {"schema": {"type": "string"}}},
    },
    **problem_responses(422),
}


@router.get(
    "/facets",
    summary="Count claims by actor, place, month...",
    response_model=Facets,
    responses=FACET_RESPONSES,
    description="How many matching claims there are per value of `by`, most frequent first "
    "(months in date order), `limit` buckets a page with `next` for the rest; the claims "
    "without a value (no claimant, no place, undated...) are the last bucket, `unknown`. "
    "Months count a claim in the month it is known to fall in: one dated only to a year "
    "counts under `YYYY-xx`, never in January; `zero_fill=true` lists empty months too. "
    "`format=csv` gives every bucket. Takes every /claims filter.\n" + FILTER_HELP,
)
def claim_facets(
    request: Request, session: SessionDep, params: Annotated[FacetParams, Query()]
) -> Any:
    if params.format == "csv":
        return StreamingResponse(
            facets.facets_csv(session, params),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="facets-{params.by}.csv"'},
        )
    return with_next_url(request, facets.facets(session, params))


@router.api_route("/facets", methods=["PATCH"], include_in_schema=False)
def facets_are_read_only() -> None:
    """Without it PATCH /claims/facets would reach PATCH /claims/{claim_id} and be a 422
    about the id; it is a 405 that names the methods /claims/facets has."""
    raise StarletteHTTPException(405)


@router.get("/{claim_id}", summary="Get one claim", responses=problem_responses(404, 422))
def get_claim(session: SessionDep, claim_id: ClaimId, response: Response) -> ClaimDetail:
    """One claim with its evidence: the exact span of the source it came from, with up to 200
    characters of context on each side, and the source's title, outlet and URL.

    The `ETag` header names this version of the claim: send it back as `If-Match` to
    PATCH it. `review_status` and `corrected_fields` say what reviewers did."""
    detail = claims.get_claim(session, claim_id)
    response.headers["ETag"] = revisions.etag(
        curation.state(session, curation.load(session, claim_id))
    )
    return detail


PATCH_HELP = """Correct or review one claim, as a JSON merge patch (RFC 7396) with a `reason`.

**Workflow**: `GET /claims/{id}` and note its `ETag`; check the claim against its source
(`evidence`); send the fields to change with `If-Match: <ETag>`:

- corrections: `claimant` (actor id, name or alias; `null` for none), `claimant_text`,
  `hedged`, `event_type`, `event_date_start` + `event_date_end` + `event_date_precision`
  (together), `char_start`/`char_end` (a span of the source text; `text` follows),
  `actors`, `places` and `quantities` (each list replaced whole). The claim becomes
  `corrected`, and the fields set are listed in `corrected_fields`: `claimdb reextract`
  and re-imports apply them again and never overwrite them.
- reviews: `{"review_status": "confirmed" | "rejected" | "unreviewed", "reason": ...}`.
  Rejected claims leave lists, facets, events and exports (`include_rejected=true`
  shows them).

Needs an **editor** (or admin) key. Answers the claim with its new `ETag`. **428**
without `If-Match`; **412** when the claim changed since that ETag (someone else
corrected it: GET it again); **422** names each invalid field, and nothing is written.
Every change is kept in `GET /claims/{id}/history`."""


@router.patch(
    "/{claim_id}",
    summary="Correct or review a claim",
    description=PATCH_HELP,
    openapi_extra={"requestBody": request_body(ClaimPatch, CLAIM_PATCH_EXAMPLES)},
    responses=problem_responses(403, 404, 412, 413, 415, 422, 428, 503),
)
async def patch_claim(
    request: Request,
    session: WriteSessionDep,
    who: EditorDep,
    claim_id: ClaimId,
    response: Response,
    if_match: ClaimIfMatch = None,
) -> ClaimDetail:
    patch = await read_patch(request, ClaimPatch)
    async with write_slot():
        detail, tag = await run_in_threadpool(
            _correct, session, claim_id, patch, who.name, if_match
        )
    response.headers["ETag"] = tag
    return detail


def _correct(
    session: Session, claim_id: int, patch: ClaimPatch, by: str, if_match: str | None
) -> tuple[ClaimDetail, str]:
    """One transaction: a failed check rolls back whatever was flushed."""
    try:
        claim = curation.correct(session, claim_id, patch, by, if_match)
        answer = claims.get_claim(session, claim_id), revisions.etag(curation.state(session, claim))
        session.commit()
    except Exception:
        session.rollback()
        raise
    note_write(None)
    return answer


@router.get(
    "/{claim_id}/history",
    summary="Every change made to a claim",
    responses=problem_responses(404, 422),
)
def claim_history(
    session: SessionDep, claim_id: ClaimId, page: Annotated[PageParams, Query()]
) -> Page[RevisionPublic]:
    """The claim's revisions, oldest first: who (the key's name), when, what changed
    (`before` and `after` hold the fields that changed) and why."""
    require(session, Claim, claim_id)
    return revisions.history(session, "claim", claim_id, page)


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
