"""Paging, at the bottom of the house: the parameters every list takes, and the envelope
every collection answers with. The keyset SQL behind them is services/paging.py."""

from __future__ import annotations

from typing import Annotated, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from app.models.base import Text
from app.models.resolved import RESOLVED_DESCRIPTION, ResolvedName

T = TypeVar("T")
DEFAULT_LIMIT = 50
MAX_LIMIT = 500
# Beyond this many matches a list's default count stops counting and says "at least":
# counting a million matches costs a hundred times the page it comes with.
COUNT_BOUND = 1000

CountMode = Literal["auto", "exact"]
CountParam = Annotated[
    CountMode,
    Field(
        description=f"auto: `count` is exact up to {COUNT_BOUND:,} matches; beyond that it is "
        f"{COUNT_BOUND:,} with `count_exact: false` (more match), and pages after the first "
        "carry the first page's count in their cursor instead of counting again. exact: "
        "count every match on every page (slower on large results).",
        examples=["exact"],
    ),
]


class PageParams(BaseModel):
    model_config = ConfigDict(extra="forbid")

    limit: int = Field(
        DEFAULT_LIMIT,
        ge=1,
        le=MAX_LIMIT,
        description=f"Items per page (1-{MAX_LIMIT}).",
        examples=[DEFAULT_LIMIT],
    )
    cursor: Text | None = Field(
        None,
        max_length=2048,
        description="Opaque token from the previous page's `next`; omit for the first page.",
        examples=["WyJpZCIsWzUwXV0"],
    )


class ListParams(PageParams):
    """A list's paging with its count: every list but the facets' buckets (which count
    every match anyway)."""

    count: CountParam = "auto"


class Page(BaseModel, Generic[T]):
    data: list[T] = Field(description="This page's items, in a stable order.")
    count: int = Field(
        description="How many items match the filters, over all pages: exactly when "
        "`count_exact` is true, else a lower bound (at least this many; `count=exact` counts "
        "them all)."
    )
    count_exact: bool = Field(
        True, description="Whether `count` is exact; false: more than `count` match."
    )
    next: str | None = Field(
        description="Pass as `cursor=` to get the next page; null on the last page."
    )
    next_url: str | None = Field(
        None, description="This request with `cursor=next`: the next page's URL; null on the last."
    )
    resolved: dict[str, list[ResolvedName]] = Field(
        default_factory=dict, description=RESOLVED_DESCRIPTION
    )
