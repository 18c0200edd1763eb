"""/claims: statements made in sources, with who made them."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from app.api.deps import Reader, SessionDep
from app.api.problems import problem_responses
from app.models import ClaimDetail, ClaimPublic
from app.models.filters import ClaimFilters
from app.models.page import Page
from app.services import claims

router = APIRouter(prefix="/claims", tags=["claims"], dependencies=[Reader])

ClaimId = Annotated[int, Path(ge=1, le=2**31 - 1, description="Claim id.", examples=[1])]


@router.get("", summary="List claims", responses=problem_responses(422))
def list_claims(
    session: SessionDep, filters: Annotated[ClaimFilters, Query()]
) -> Page[ClaimPublic]:
    """Claims with their claimant, the actors and places they name, their event date range and
    any quantities (killed, injured, displaced...)."""
    return claims.list_claims(session, filters)


@router.get("/{claim_id}", summary="Get one claim", responses=problem_responses(404, 422))
def get_claim(session: SessionDep, claim_id: ClaimId) -> ClaimDetail:
    """One claim with its evidence: the exact span of the source it came from, with up to 200
    characters of context on each side, and the source's title, outlet and URL."""
    return claims.get_claim(session, claim_id)
