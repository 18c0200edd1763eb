"""Claimants, stop 46: a speaker whose acronym follows it in brackets and then an
auxiliary or a day ("(UNICEF) has said", "(SOHR) on Tuesday said"), as it is found when
the verb follows the bracket."""

from __future__ import annotations

from tests.extraction.test_claimants_round3 import claimant


def test_an_acronym_in_brackets_before_has_said_is_stepped_over() -> None:
    text = (
        "Airstrikes killed 25 children on Saturday in a densely populated town in eastern "
        "Syria the United Nations childrens agency (UNICEF) has said."
    )
    assert claimant(text, "Airstrikes killed")[0] == "unicef"


def test_an_acronym_in_brackets_before_the_day_is_stepped_over() -> None:
    text = (
        "Doctors Without Borders (MSF) on Saturday said that the only pediatric hospital in "
        "eastern Aleppo has come under attack for the second time."
    )
    assert claimant(text, "the only pediatric hospital")[0] == "msf"
