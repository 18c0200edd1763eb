"""The list envelope every collection answers with."""

from __future__ import annotations

from typing import Generic, TypeVar

from pydantic import BaseModel, Field

T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    data: list[T] = Field(description="This page's items, in a stable order.")
    count: int = Field(description="How many items match the filters, over all pages.")
    next: str | None = Field(
        description="Pass as `cursor=` to get the next page; null on the last page."
    )
