"""Claim fields, stop 50: a party that publishes its own statements is the outlet ("etilaf" is
the National Coalition); "independent monitors", "diplomats" are nobody in particular, and
"the Britain-based group" is the Syrian Observatory, never the armed group named before;
"claims the double suicide bomb attack" claims a deed; the "by" phrase after "killed in the
war" is the killer; "Syrian army takes villages" acts; "declared a four-day pause" grants it
(version 107)."""

from __future__ import annotations

from app.extraction.pipeline import outlet_actor
from tests.extraction.test_claimants_round3 import claimant
from tests.extraction.test_error_classes import claim, run
from tests.extraction.test_roles_issue10b import roles


def test_a_party_publishing_its_own_statements_is_the_outlet() -> None:
    found = outlet_actor("etilaf")
    assert found is not None and found.key == "syrian-national-coalition"
    assert outlet_actor("syria") is None  # a country is no publisher
    text = (
        "In a letter sent to the UN Secretary-General the Coalition underscored the desperate "
        "situation in Aleppo. Every hospital in Aleppo has gone out of service the letter said."
    )
    c = claim(run(text, outlet="etilaf"), text, "Every hospital")
    assert c.claimant is not None and c.claimant.key == "syrian-national-coalition"


def test_independent_monitors_and_diplomats_are_nobody_in_particular() -> None:
    text = (
        "According to independent monitors hundreds of thousands of civilians have been "
        "killed in the war."
    )
    assert claimant(text, "hundreds of thousands") == (None, "independent monitors")
    text = (
        "Last month the rebel group Hazzm joined the alliance after coming under pressure from "
        "Nusra Front. Recent army progress has reduced the chances of a truce between the "
        "government and disparate insurgent groups diplomats say."
    )
    assert claimant(text, "Recent army progress")[0] is None


def test_the_britain_based_group_is_the_observatory() -> None:
    text = (
        "The YPG regained control of the village two days after it was seized by the "
        "terrorists said the Britain-based group. The Kurds also lost three fighters in the "
        "clashes it added."
    )
    assert claimant(text, "regained control")[0] == "sohr"
    assert claimant(text, "lost three fighters")[0] == "sohr"
    # "the armed group" is still the group the article named
    text = (
        "The YPG regained control of the village on Monday. The group said three of its "
        "fighters were killed."
    )
    assert claimant(text, "three of its fighters")[0] == "ypg"


def test_who_claims_the_attack_carried_it_out() -> None:
    got = roles(
        "The Islamic State group claims the double suicide bomb attack that hit a police "
        "station in Damascus on Monday."
    )
    assert got == {"islamic-state": "agent"}
    # a clause claimed is speech, no deed
    got = roles("The Islamic State group claims that the army staged the bomb attack.")
    assert got.get("islamic-state") != "agent"


def test_killed_in_the_war_by_a_side_was_killed_by_it() -> None:
    got = roles(
        "Hundreds of thousands of civilians have been killed in the war mostly by the regime."
    )
    assert got == {"syrian-government": "agent"}
    assert roles("Five civilians were killed in Aleppo by the regime.") == {
        "syrian-government": "agent"
    }


def test_a_headline_in_the_present_takes_villages() -> None:
    assert roles("Syrian army takes villages in south of country.") == {"syrian-arab-army": "agent"}


def test_who_declares_a_pause_in_strikes_grants_it() -> None:
    got = roles("The Russian military declared a unilateral four-day pause in strikes.")
    assert got == {"russian-armed-forces": "agent"}
