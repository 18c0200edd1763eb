"""Figures and hedges, stop 47 (errors of fresh9, development data since stop 47): each
cause pinned by a sentence of its pattern."""

from __future__ import annotations

import pytest

from app.extraction.claims import is_hedged
from app.extraction.quantities import find_quantities
from tests.extraction.test_error_classes import claim, run


def figures(text: str) -> list[tuple[str, int | None, int | None, bool]]:
    return [(q.what, q.value_min, q.value_max, q.subset) for q in find_quantities(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # whose staff they were is no clause of its own
            "Four staff of the Union of Syrian Medical Relief Organisations were killed when an "
            "airstrike hit a clinic.",
            [("killed", 4, 4, False)],
        ),
        (  # how badly one was hurt stands between the person and the fate
            "Four medics were killed and a nurse critically wounded when an airstrike hit a clinic.",
            [("killed", 4, 4, False), ("injured", 1, 1, False)],
        ),
        (  # "110 of them" right after a count is part of it
            "The observatory verified the deaths of 14456 people 110 of them under the age of 18.",
            [("killed", 14456, 14456, False), ("killed", 110, 110, True)],
        ),
        (  # ... but "3 of them" of people not counted is the count
            "Terrorists targeted tens of civilians with rocket shells killing 3 of them.",
            [("other", None, None, False), ("killed", 3, 3, False)],
        ),
        (  # a count after "and their" shares the fate of the one before
            "A coalition raid on Manbij killed two women and their seven children.",
            [("killed", 2, 2, False), ("killed", 7, 7, False)],
        ),
        (  # two fates each with its own count are not a pair
            "Shells landed in the market claiming two lives and injuring three people.",
            [("killed", 2, 2, False), ("injured", 3, 3, False)],
        ),
        (  # their ages count nobody and hide no fate
            "Eight students between 7 and 12 years old were killed and another 27 students "
            "were injured.",
            [("killed", 8, 8, False), ("injured", 27, 27, False)],
        ),
        (  # a time of day counts nobody
            # the time of day counts nobody; the bombers are fighters since version 104
            "Six suicide bombers attacked the base at around 330 am, killing two soldiers.",
            [("fighters", 6, 6, False), ("killed", 2, 2, False)],
        ),
    ],
)
def test_figures(text: str, expected: list) -> None:
    assert figures(text) == expected


def test_a_pages_time_stamp_is_no_part_of_the_claim() -> None:
    text = (
        "Syrian Army Kills Dozens of al-Nusra Members in Adra Ambush Middle East Syria "
        "Military 07-08-2013 0147 PM A Syrian army unit killed dozens of al-Nusra Front "
        "terrorists during an ambush southwest of Adra."
    )
    c = claim(run(text), text, "A Syrian army unit")
    assert text[c.start :].startswith("A Syrian army unit")
    assert [q.value_min for q in c.quantities] == [None]


@pytest.mark.parametrize(
    ("text", "hedged"),
    [
        ("More dead were feared to be buried under the rubble the group added.", True),
        ("The Israeli side is hit by what are usually deemed to be stray rounds.", True),
        (
            "The HNC called for an inquiry into their assertions that Russia used cluster bombs.",
            True,
        ),
        ("The figures could not be independently verified.", True),
        # what a speaker cannot tell hedges nothing it told
        (
            "The U.S. said it was horrified by the bombing adding that it could not confirm details.",
            False,
        ),
        (
            "The Observatory said it could not immediately determine who carried out the strikes.",
            False,
        ),
    ],
)
def test_hedges(text: str, hedged: bool) -> None:
    assert (is_hedged(text) is not None) == hedged
