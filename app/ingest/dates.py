"""Dates as people write them in metadata and queries: ISO day, month or year, or a
dataset's own format. Each format is parsed here, once."""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from datetime import date, datetime

from app.ingest.types import type_name

PRECISIONS = ("year", "month", "day")  # coarse to fine

_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
ISO_FORMS_TEXT = "YYYY-MM-DD, YYYY-MM or YYYY"


def parse_iso(text: str) -> tuple[date, str] | None:
    """The first day of YYYY, YYYY-MM or YYYY-MM-DD and its precision (year, month, day);
    None for any other form; ValueError for a day that does not exist (2016-02-30)."""
    match = _ISO.fullmatch(text.strip())
    if not match:
        return None
    year, month, day = match.groups()
    precision = "day" if day else "month" if month else "year"
    return date(int(year), int(month or 1), int(day or 1)), precision


def last_day(first: date, precision: str) -> date:
    """The last day of the year, month or day that starts at `first`."""
    if precision == "year":
        return date(first.year, 12, 31)
    if precision == "month":
        return first.replace(day=calendar.monthrange(first.year, first.month)[1])
    return first


def parse_formatted(text: str, formats: Sequence[tuple[str, str]]) -> date | None:
    """The day `text` names in the first of `formats` (strptime format, human form) that
    reads it; None when none does."""
    for fmt, _ in formats:
        try:
            return datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            continue
    return None


def parse_published(value: object, formats: Sequence[tuple[str, str]] = ()) -> tuple[date, str]:
    """(date, precision) of a `published` value, or ValueError with a reason for the user.

    `formats` are extra (strptime format, human form) pairs, tried after the ISO forms,
    all day-precise (a preset's "%m/%d/%Y", "M/D/YYYY"). TOML dates are accepted as they are.
    """
    if isinstance(value, datetime):
        return value.date(), "day"
    if isinstance(value, date):
        return value, "day"
    if not isinstance(value, str):
        raise ValueError(f"published must be a date written as text, not {type_name(value)}")
    try:
        iso = parse_iso(value)
    except ValueError as exc:
        raise ValueError(f"published {value!r} is not a real date: {exc}") from None
    if iso is not None:
        return iso
    day = parse_formatted(value, formats)
    if day is not None:
        return day, "day"
    forms = ", ".join([ISO_FORMS_TEXT, *(human for _, human in formats)])
    raise ValueError(f"published {value!r} is not a date in the form {forms}")


def resolve_precision(form_precision: str, given: object) -> str:
    """The precision to store: the one given if it is valid, else the one the date's form has.

    A given precision may be coarser than the form ("2016-02-21" known only to the month)
    but not finer: "2016-02" cannot be known to the day.
    """
    if given is None:
        return form_precision
    if given not in PRECISIONS:
        raise ValueError(
            f"published_precision {given!r} is not one of {', '.join(reversed(PRECISIONS))}"
        )
    if PRECISIONS.index(given) > PRECISIONS.index(form_precision):
        raise ValueError(
            f"published_precision {given!r} is finer than the date given, "
            f"which is precise to the {form_precision}"
        )
    return given
