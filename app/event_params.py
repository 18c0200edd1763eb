"""Query parameters of /events (app.params has the other lists and the date range)."""

from __future__ import annotations

from typing import Literal, Self

from pydantic import Field, model_validator

from app.models.base import EventType
from app.models.page import ListParams
from app.params import MAX_REPEAT, DateRange, FigureFilters, Name


class EventFilters(DateRange, ListParams, FigureFilters):
    """Filters of /events: as for claims, an event matches when one of its claims does."""

    place: list[Name] | None = Field(
        None,
        max_length=MAX_REPEAT,
        description="Place id, name or alias; includes every place inside it. Repeatable.",
        examples=[["Idlib"]],
    )
    governorate: list[Name] | None = Field(
        None,
        max_length=MAX_REPEAT,
        description="Governorate id, name or alias; repeatable.",
        examples=[["Idlib"]],
    )
    actor: list[Name] | None = Field(
        None,
        max_length=MAX_REPEAT,
        description="Actor id, name or alias named by one of the event's claims (any role, "
        "claimant included); with its units and affiliates. Repeatable.",
        examples=[["Syrian Arab Army"]],
    )
    event_type: list[EventType] | None = Field(
        None, max_length=MAX_REPEAT, description="Event type; repeatable.", examples=[["airstrike"]]
    )
    grade: list[Literal["single_source", "corroborated", "contested", "denied"]] | None = Field(
        None,
        max_length=4,
        description="single_source, corroborated, contested or denied (see the events tag); "
        "repeatable.",
        examples=[["contested"]],
    )
    min_sources: int | None = Field(
        None, ge=1, le=10000, description="At least this many sources.", examples=[2]
    )
    min_claimants: int | None = Field(
        None,
        ge=1,
        le=10000,
        description="At least this many independent claimants.",
        examples=[2],
    )
    sort: Literal["id", "date", "-date", "-sources"] = Field(
        "id",
        description="id, date (undated last), -date (newest first) or -sources (most "
        "sources first).",
    )

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        self.check_date_order()
        self.check_figure_ranges()
        return self
