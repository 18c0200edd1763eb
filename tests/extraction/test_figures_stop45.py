"""Figures, stop 45 (errors of fresh7, development data since stop 45): each cause pinned
by a sentence of its pattern. A figure is (kind, value_min, value_max)."""

from __future__ import annotations

import pytest

from tests.extraction.test_figures_stop44 import figures


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a bare count before "says": no plural noun of things
            "Shells hit Aleppo on Friday killing 12 people and wounding 30 says the monitor.",
            [("killed", 12, 12), ("injured", 30, 30)],
        ),
        (  # the victims a clause lists with "include"
            "Activists say those killed in the raids include nine children and two women.",
            [("killed", 9, 9), ("killed", 2, 2)],
        ),
        ("The dead included three paramedics.", [("killed", 3, 3)]),
        ("The convoy includes 20 trucks and two ambulances.", []),
        (  # "the life of" one person, as "the lives of" many
            "A mortar shell hit Jaramana claiming the life of a woman and injuring four.",
            [("killed", 1, 1), ("injured", 4, 4)],
        ),
        (  # breathing difficulties are injuries (docs/annotation.md §8)
            "Shells with toxic gas caused cases of suffocation to more than 20 people.",
            [("injured", 20, None)],
        ),
        (  # a partitive of a force's own men: its attackers
            "The group said four of its fighters stormed the checkpoint near Qamishli.",
            [("fighters", 4, 4)],
        ),
        ("The army said two of the attackers fired at the station.", [("fighters", 2, 2)]),
        ("IS lost 13 of its fighters in the battle for the town.", [("killed", 13, 13)]),
    ],
)
def test_figures(text: str, expected: list[tuple[str, int | None, int | None]]) -> None:
    assert figures(text) == expected
