"""The date range a list is filtered by (`date_from`, `date_to`), for claims and events:
partial dates (YYYY, YYYY-MM, YYYY-MM-DD) checked once, and read as first and last day."""

from __future__ import annotations

import calendar
import re
from datetime import date

from pydantic import BaseModel, Field, field_validator

from app.errors import InvalidParameter

_PARTIAL_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def parse_partial_date(value: str, *, end: bool) -> date:
    """YYYY, YYYY-MM or YYYY-MM-DD as the first (or, with end=True, last) day it covers."""
    match = _PARTIAL_DATE.fullmatch(value.strip())
    if not match:
        raise ValueError("use YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(g) if g else None for g in match.groups())
    try:
        if month is None:
            return date(year, 12, 31) if end else date(year, 1, 1)
        if day is None:
            last = calendar.monthrange(year, month)[1]
            return date(year, month, last if end else 1)
        return date(year, month, day)
    except ValueError as exc:
        raise ValueError(f"{value} is not a real date ({exc})") from None


class DateRange(BaseModel):
    """Put first among a filter model's bases, so its fields come first in /docs."""

    date_from: str | None = Field(
        None,
        max_length=10,
        description="Events on or after this (YYYY, YYYY-MM or YYYY-MM-DD).",
        examples=["2016-11"],
    )
    date_to: str | None = Field(
        None,
        max_length=10,
        description="Events on or before this, inclusive (a month or year means its last day).",
        examples=["2016-12-15"],
    )

    @field_validator("date_from", "date_to")
    @classmethod
    def _partial_date(cls, value: str | None) -> str | None:
        if value is not None:
            parse_partial_date(value, end=False)
        return value

    def check_date_order(self) -> None:
        """For the model's own after-validator (the 422 names `date_to`)."""
        if self.start_date and self.end_date and self.start_date > self.end_date:
            raise InvalidParameter("date_to", "date_to: is before date_from.")

    @property
    def start_date(self) -> date | None:
        return parse_partial_date(self.date_from, end=False) if self.date_from else None

    @property
    def end_date(self) -> date | None:
        return parse_partial_date(self.date_to, end=True) if self.date_to else None
