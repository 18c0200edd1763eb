"""Scoring extraction against the FA-KES gold labels (pure: no database, no I/O).

Shared by ``bench/extraction_eval.py`` (extraction alone) and ``claimdb eval`` (the
same measure through a real import), so both report the same numbers.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

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
    """The dataset's ``M/D/YYYY``; None when empty or malformed."""
    try:
        month, day, year = (int(p) for p in value.strip().split("/"))
        return date(year, month, day)
    except ValueError:
        return None


def gold_governorate(label: str) -> set[str]:
    """Our governorate names that count as a match for a dataset location label."""
    return set(_GOLD_GOVERNORATES.get(label.strip().lower(), ()))


@dataclass(frozen=True, slots=True)
class Judged:
    """One document: gold labels next to what was extracted."""

    gold_date: date | None
    found_date: date | None
    gold_location: str
    found_governorate: str | None

    @property
    def date_ok(self) -> bool:
        return self.gold_date is not None and self.found_date == self.gold_date

    @property
    def governorate_ok(self) -> bool:
        return self.found_governorate in gold_governorate(self.gold_location)


def score(judged: Iterable[Judged]) -> dict[str, float | int]:
    """Accuracies over all documents: a missing extraction counts as a miss.

    ``date_found`` and ``date_precision`` separate "no date read" from "wrong date".
    """
    items = list(judged)
    n = len(items)
    found = sum(j.found_date is not None for j in items)
    right = sum(j.date_ok for j in items)
    return {
        "documents": n,
        "date_accuracy": round(right / n, 4) if n else 0.0,
        "date_found": round(found / n, 4) if n else 0.0,
        "date_precision": round(right / found, 4) if found else 0.0,
        "governorate_accuracy": round(sum(j.governorate_ok for j in items) / n, 4) if n else 0.0,
    }
