"""Claimants, stop 46: a speaker whose acronym follows it in brackets and then an
auxiliary or a day ("(UNICEF) has said", "(SOHR) on Tuesday said"), as it is found when
the verb follows the bracket; and the Qatar Red Crescent is not the Syrian one."""

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


def test_the_qatar_red_crescent_speaks_for_itself() -> None:
    text = (
        "An attack on a clinic in Aleppo has left two patients dead and eight others injured "
        "the Qatar Red Crescent Society (QRCS) said."
    )
    assert claimant(text, "An attack on a clinic")[0] == "qatar-red-crescent"
    text = "The Red Crescent said 20 trucks entered Madaya on Monday."
    assert claimant(text, "20 trucks entered")[0] == "sarc"


def test_who_puts_or_updates_a_toll_claims_it() -> None:
    text = "Damascus-based Shaam News Network put the number at 60 in addition to six civilians."
    assert claimant(text, "put the number")[0] == "shaam-news-network"
    text = "The Observatory meanwhile updated to 18 its toll for the number of rebels killed."
    assert claimant(text, "updated to 18")[0] == "sohr"
    text = "The Observatory updated its toll to 18 rebels killed on Monday."
    assert claimant(text, "updated its toll")[0] == "sohr"


def test_listed_claims_only_a_count() -> None:
    text = "The Syrian Observatory for Human Rights listed 55 wounded including nine women."
    assert claimant(text, "listed 55")[0] == "sohr"
    text = "Officials in Homs listed the names of the dead on a board."
    assert claimant(text, "listed the names")[0] == "reuters"  # nobody named: the outlet
