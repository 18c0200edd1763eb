"""Query parameters of each list, one typed model per resource (FastAPI `Query()` models).

The SQL for each filter is written once, in that resource's service.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from app.services.paging import DEFAULT_LIMIT, MAX_LIMIT


class ListParams(BaseModel):
    model_config = ConfigDict(extra="forbid")

    limit: int = Field(
        DEFAULT_LIMIT,
        ge=1,
        le=MAX_LIMIT,
        description=f"Items per page (1-{MAX_LIMIT}).",
        examples=[DEFAULT_LIMIT],
    )
    cursor: str | None = Field(
        None,
        max_length=2048,
        description="Opaque token from the previous page's `next`; omit for the first page.",
    )


class SourceFilters(ListParams):
    outlet: str | None = Field(
        None, max_length=256, description="Exact outlet key.", examples=["reuters"]
    )


class ActorFilters(ListParams):
    pass


class PlaceFilters(ListParams):
    pass


class ClaimFilters(ListParams):
    pass


class ImportFilters(ListParams):
    pass
