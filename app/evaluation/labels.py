"""Scoring extraction against the FA-KES gold labels (pure: no database, no I/O).

Shared by ``bench/extraction_eval.py`` (extraction alone) and ``claimdb eval`` (the
same measure through a real import), so both report the same numbers.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from app.ingest.dates import parse_formatted
from app.ingest.presets import PRESETS

# The dataset's crowd labels, mapped to our governorate names. The dataset folds Rif
# Dimashq (Douma, Eastern Ghouta, Madaya) into "damascus"; it has no As-Suwayda label.
_GOLD_GOVERNORATES: dict[str, frozenset[str]] = {
    "aleppo": frozenset({"Aleppo"}),
    "damascus": frozenset({"Damascus", "Rif Dimashq"}),
    "idlib": frozenset({"Idlib"}),
    "deir ezzor": frozenset({"Deir ez-Zor"}),
    "raqqa": frozenset({"Raqqa"}),
    "homs": frozenset({"Homs"}),
    "hasakeh": frozenset({"Al-Hasakah"}),
    "hama": frozenset({"Hama"}),
    "daraa": frozenset({"Daraa"}),
    "lattakia": frozenset({"Latakia"}),
    "quneitra": frozenset({"Quneitra"}),
    "tartous": frozenset({"Tartus"}),
}


def parse_gold_date(value: str) -> date | None:
    """The dataset's ``M/D/YYYY`` (its preset's date format); None when empty or malformed."""
    return parse_formatted(value, PRESETS["fakes"].date_formats)


def gold_governorate(label: str) -> set[str]:
    """Our governorate names that count as a match for a dataset location label."""
    return set(_GOLD_GOVERNORATES.get(label.strip().lower(), ()))


@dataclass(frozen=True, slots=True)
class Judged:
    """One document: the dataset's labels next to what was extracted.

    The FA-KES ``date`` label is the crowd-labelled date of the incident, so it is
    compared with the article's main event date (:func:`main_event_date`), not with the
    publication date.
    """

    gold_date: date | None
    found_start: date | None
    found_end: date | None
    gold_location: str
    found_governorate: str | None

    @property
    def date_exact(self) -> bool:
        return self.gold_date is not None and self.found_start == self.found_end == self.gold_date

    @property
    def date_within_one_day(self) -> bool:
        return (
            self.gold_date is not None
            and self.found_start is not None
            and self.found_start == self.found_end
            and abs((self.found_start - self.gold_date).days) <= 1
        )

    @property
    def governorate_ok(self) -> bool:
        return self.found_governorate in gold_governorate(self.gold_location)


def main_event_date(
    claims: Iterable[tuple[int, bool, date | None, date | None]],
) -> tuple[date, date] | None:
    """The date of an article's main event: that of its first dated claim outside the
    reader comments. ``claims`` are (char_start, in_comments, date_start, date_end)."""
    for _, in_comments, start, end in sorted(claims, key=lambda c: c[0]):
        if not in_comments and start is not None and end is not None:
            return start, end
    return None


def _share(n: int, d: int) -> float:
    return round(n / d, 4) if d else 0.0


def score(judged: Iterable[Judged]) -> dict[str, float | int]:
    """Shares over all documents: a missing extraction counts as a miss."""
    items = list(judged)
    n = len(items)
    return {
        "documents": n,
        "governorate_accuracy": _share(sum(j.governorate_ok for j in items), n),
        "event_date_exact": _share(sum(j.date_exact for j in items), n),
        "event_date_within_one_day": _share(sum(j.date_within_one_day for j in items), n),
        "event_date_found": _share(sum(j.found_start is not None for j in items), n),
    }
