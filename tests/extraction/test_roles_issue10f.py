"""Issue 10, error class 4 (actors and roles), sixth pass (fresh3's errors): each cause fixed
is pinned by a sentence written on its pattern (docs/annotation.md §6), run through the whole
extraction."""

from __future__ import annotations

from tests.extraction.test_roles_issue10b import roles

# the present tense of headlines and timeline entries is a deed --------------------------


def test_a_present_tense_verb_of_a_timeline_entry_makes_its_subject_the_agent() -> None:
    got = roles("Assad sacks the defence minister after the bombing in Damascus.")
    assert got["bashar-al-assad"] == "agent"


def test_a_present_tense_verb_after_an_adverb_makes_its_subject_the_agent() -> None:
    assert roles("Russia meanwhile boosts its air power at the Hmeimim base.")["russia"] == "agent"


def test_parties_that_agree_to_a_truce_in_the_present_are_its_agents() -> None:
    got = roles("Turkey and Russia agree to a ceasefire in Idlib province.")
    assert got["turkey"] == "agent" and got["russia"] == "agent"


def test_a_group_that_expands_in_a_region_is_the_agent() -> None:
    assert roles("Jaish al-Islam expands in eastern Ghouta.")["jaish-al-islam"] == "agent"


def test_an_unpunctuated_apposition_of_allies_does_not_hide_the_verb() -> None:
    got = roles("Russia its Iranian and Lebanese allies launch a new offensive on Aleppo.")
    assert got["russia"] == "agent"


# the subject of a verb of loss undergoes the event ---------------------------------------


def test_the_subject_of_suffered_is_the_target() -> None:
    got = roles("Jaish al-Fatah suffered heavy losses in the fighting near Idlib on Sunday.")
    assert got["jaish-al-fatah"] == "target"


def test_the_subject_of_has_sustained_is_the_target() -> None:
    got = roles("Hezbollah has sustained a heavy toll in the battle for Qusayr.")
    assert got["hezbollah"] == "target"


# an Israeli aircraft named in the singular is the Israeli military -----------------------


def test_a_single_israeli_drone_is_the_israeli_military_and_the_agent() -> None:
    got = roles("An Israeli drone struck a car near Quneitra killing two Hezbollah fighters.")
    assert got["israeli-military"] == "agent" and got["hezbollah"] == "target"


# what stands between a subject and its verb ----------------------------------------------


def test_forces_loyal_to_a_leader_named_with_al_are_the_subject_of_the_verb_after() -> None:
    got = roles(
        "Rebels said forces loyal to President Bashar al-Assad were accused of dropping "
        "barrel bombs on Daraya."
    )
    assert got["syrian-arab-army"] == "agent"


def test_a_partner_in_cooperation_with_does_not_hide_the_verb() -> None:
    got = roles(
        "The Syrian army in coordination with its allies attacked Jaish al-Islam positions "
        "near Douma."
    )
    assert got["syrian-arab-army"] == "agent" and got["jaish-al-islam"] == "target"


# objects of verbs that the verbs of harm missed ------------------------------------------


def test_the_side_forced_to_pull_back_is_the_target() -> None:
    got = roles("Heavy Nusra Front shelling forced the army to withdraw from Jisr al-Shughur.")
    assert got["syrian-arab-army"] == "target"


def test_a_party_forced_to_act_is_no_target() -> None:
    got = roles("The shelling of Aleppo forced the UN to act on Monday, killing no one.")
    assert got["un"] == "mentioned"


def test_the_holder_of_territory_taken_is_the_target() -> None:
    got = roles("Kurdish fighters have seized villages previously held by ISIS near Manbij.")
    assert got["islamic-state"] == "target"


def test_what_an_operation_is_to_tackle_is_its_target() -> None:
    got = roles("Turkey sent tanks into Jarablus to tackle both ISIS and the YPG.")
    assert got["islamic-state"] == "target" and got["ypg"] == "target"


def test_the_object_of_stormed_is_the_target() -> None:
    got = roles("Government troops stormed Jaish al-Islam headquarters in Douma on Friday.")
    assert got["syrian-arab-army"] == "agent" and got["jaish-al-islam"] == "target"


# sponsors and talkers do nothing the claim reports ---------------------------------------


def test_a_sponsor_named_with_its_title_ally_is_mentioned() -> None:
    got = roles("The push on Palmyra is led by Syrian troops and backed by ally Russia.")
    assert got["syrian-arab-army"] == "agent" and got["russia"] == "mentioned"


def test_the_helper_in_a_helped_by_phrase_is_mentioned() -> None:
    got = roles("Regime forces helped by Iran stormed the town of Khan Tuman on Friday.")
    assert got["iran"] == "mentioned"


def test_an_actor_whose_support_a_fighter_has_is_mentioned() -> None:
    got = roles("The YPG is advancing on Manbij with US support to cut the road to Raqqa.")
    assert got["ypg"] == "agent" and got["united-states"] == "mentioned"


def test_leaders_who_discussed_an_attack_are_mentioned() -> None:
    got = roles("Erdogan and Putin discussed the attack on Idlib by telephone on Thursday.")
    assert set(got.values()) == {"mentioned"}


def test_the_ally_one_fights_alongside_is_mentioned() -> None:
    got = roles("Iraqi militias are fighting alongside government forces near Aleppo.")
    assert got["syrian-arab-army"] == "mentioned"


def test_a_holder_that_took_the_place_since_routing_its_enemy_is_the_agent() -> None:
    got = roles("The SDF controls most of Raqqa province since routing IS fighters in October.")
    assert got["sdf"] == "agent" and got["islamic-state"] == "target"


def test_the_actor_at_whose_hands_people_died_is_the_agent() -> None:
    got = roles("Dozens of detainees died at the hands of the Assad regime in Saydnaya prison.")
    assert got["syrian-government"] == "agent"
