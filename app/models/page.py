"""Paging, at the bottom of the house: the parameters every list takes, and the envelope
every collection answers with. The keyset SQL behind them is services/paging.py."""

from __future__ import annotations

from typing import Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from app.models.base import Text
from app.models.resolved import RESOLVED_DESCRIPTION, ResolvedName

T = TypeVar("T")
DEFAULT_LIMIT = 50
MAX_LIMIT = 500


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


class Page(BaseModel, Generic[T]):
    data: list[T] = Field(description="This page's items, in a stable order.")
    count: int = Field(description="How many items match the filters, over all pages.")
    next: str | None = Field(
        description="Pass as `cursor=` to get the next page; null on the last page."
    )
    next_url: str | None = Field(
        None, description="This request with `cursor=next`: the next page's URL; null on the last."
    )
    resolved: dict[str, list[ResolvedName]] = Field(
        default_factory=dict, description=RESOLVED_DESCRIPTION
    )
