"""Publication dates as given in metadata: ISO day, month or year, or a preset's format."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime

from app.ingest.types import type_name

PRECISIONS = ("year", "month", "day")  # coarse to fine

_ISO_FORMS = (
    (re.compile(r"(\d{4})-(\d{2})-(\d{2})"), "day"),
    (re.compile(r"(\d{4})-(\d{2})"), "month"),
    (re.compile(r"(\d{4})"), "year"),
)
ISO_FORMS_TEXT = "YYYY-MM-DD, YYYY-MM or YYYY"


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
    text = value.strip()
    for pattern, precision in _ISO_FORMS:
        match = pattern.fullmatch(text)
        if match:
            parts = [int(p) for p in match.groups()] + [1, 1]
            try:
                return date(parts[0], parts[1], parts[2]), precision
            except ValueError as exc:
                raise ValueError(f"published {value!r} is not a real date: {exc}") from None
    for fmt, _ in formats:
        try:
            return datetime.strptime(text, fmt).date(), "day"
        except ValueError:
            continue
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
