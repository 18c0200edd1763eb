"""Figures, stop 44 (errors of fresh4 and fresh6, development data since stop 43): each
cause pinned by a sentence of its pattern. A figure is (kind, value_min, value_max)."""

from __future__ import annotations

import pytest

from app.extraction.quantities import find_quantities


def figures(text: str) -> list[tuple[str, int | None, int | None]]:
    return [(q.what, q.value_min, q.value_max) for q in find_quantities(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # "a million", "one million" are numbers
            "Syrias conflict has killed more than 230000 people and wounded at least a million.",
            [("killed", 230000, None), ("injured", 1000000, None)],
        ),
        (
            "The war has killed more than 220000 people wounded at least one million and left "
            "many displaced.",
            [("killed", 220000, None), ("injured", 1000000, None)],
        ),
        (  # a fate named by a noun before "of"
            "The bombing resulted in the martyrdom of 3 citizens and injuring 11 others.",
            [("killed", 3, 3), ("injured", 11, 11)],
        ),
        ("The elimination of 34 terrorists has been confirmed.", [("killed", 34, 34)]),
        (
            "Islamic State crushed the resistance crucifying two people and executing 23 others.",
            [("killed", 2, 2), ("killed", 23, 23)],
        ),
        ("One mortar shell hit the school.", []),  # "one" counts no one here
    ],
)
def test_figures(text: str, expected: list[tuple[str, int | None, int | None]]) -> None:
    assert figures(text) == expected
