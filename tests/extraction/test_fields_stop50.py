"""Claim fields, stop 50: a party that publishes its own statements is the outlet ("etilaf" is
the National Coalition); "independent monitors", "diplomats" are nobody in particular, and
"the Britain-based group" is the Syrian Observatory, never the armed group named before;
"claims the double suicide bomb attack" claims a deed; the "by" phrase after "killed in the
war" is the killer; "Syrian army takes villages" acts; "declared a four-day pause" grants it
(version 107)."""

from __future__ import annotations

from app.extraction.pipeline import outlet_actor
from app.extraction.quantities import find_quantities
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


def test_an_owner_before_its_branch_named_with_the_is_only_a_description() -> None:
    got = roles("Al Qaedas Syrian arm the Nusra Front has clashed with the YPG.")
    assert "al-qaeda" not in got and got["al-nusra-front"] == "agent"


def test_a_sides_plural_sieges_are_its_deed() -> None:
    got = roles("Other opposition-held areas have surrendered after long army sieges.")
    assert got["syrian-arab-army"] == "agent"


def test_workers_from_a_body_killed_are_its_losses() -> None:
    got = roles("Regime bombing has killed three emergency workers from the White Helmets.")
    assert got == {"syrian-government": "agent", "white-helmets": "target"}


def test_a_branch_named_after_the_subject_is_stepped_over() -> None:
    got = roles(
        "Nusra Front Al-Qaidas Syria affiliate on Saturday drove US-backed rebels out of a "
        "northern military base."
    )
    assert got["al-nusra-front"] == "agent"
    # the owner's own branch did the deed, not the owner named before it
    got = roles("An alliance including Al-Qaedas Syrian affiliate attacked the airport.")
    assert got.get("al-qaeda") != "agent"


def test_killed_along_with_a_side_counts_it_among_the_dead() -> None:
    got = roles(
        "At least 29 fighters were killed along with six Al-Nusra Front terrorists a monitor said."
    )
    assert got == {"al-nusra-front": "target"}
    # fighting along with a side is no loss of it
    assert roles("Rebels were killed in clashes along with the Syrian army.") == {
        "syrian-arab-army": "mentioned"
    }


def test_what_is_fired_at_a_side_targets_it() -> None:
    got = roles("ISIL fired missiles containing toxic gas at Kurdish forces in Hasakeh.")
    assert got == {"islamic-state": "agent", "ypg": "target"}


def test_fighting_against_groups_including_one_fights_it() -> None:
    got = roles(
        "Government forces have been fighting against several rebel groups operating in the "
        "country including the Islamic State."
    )
    assert got == {"syrian-arab-army": "agent", "islamic-state": "target"}


def test_a_military_conflict_is_no_army() -> None:
    assert roles("The Syrian military conflict has claimed the lives of 210000 people.") == {}
    assert roles("The Syrian military shelled the town.") == {"syrian-arab-army": "agent"}


def test_the_registry_knows_harakat_hazzm_and_kurdish_troops() -> None:
    got = roles("The offensive came a month after al-Nusra expelled Hazm from Regiment 111.")
    assert got == {"al-nusra-front": "agent", "harakat-hazzm": "target"}
    got = roles("At least 30 militants were killed in clashes with Kurdish troops on Thursday.")
    assert got == {"ypg": "agent"}


def test_a_count_killed_along_with_another_shares_its_fate() -> None:
    text = "At least 29 fighters were killed along with six Al-Nusra Front terrorists."
    assert [(q.what, q.value) for q in find_quantities(text)] == [("killed", 29), ("killed", 6)]


def test_and_one_somewhere_else_is_one_more_of_the_same() -> None:
    text = "Five civilians were killed in the town of Saqba and one in the town of Harasta."
    assert [(q.what, q.value) for q in find_quantities(text)] == [("killed", 5), ("killed", 1)]
    # a ratio is no count
    assert [q.value for q in find_quantities("One of five children and one in ten survived.")] == [
        5
    ]
