"""Issue 10, error class 4 (actors and roles), seventh pass (errors of dev, fresh, fresh2 and
fresh3): each cause fixed is pinned by a sentence written on its pattern (docs/annotation.md
§6), run through the whole extraction."""

from __future__ import annotations

from tests.extraction.test_roles_issue10b import roles

# the army named by its loyalty or its leader --------------------------------------------


def test_forces_loyal_to_the_president_named_in_full_are_the_army() -> None:
    got = roles(
        "Some 450000 people are besieged by forces loyal to Syrian President Bashar al-Assad."
    )
    assert got == {"syrian-arab-army": "agent"}


def test_the_presidents_forces_are_the_army_and_act() -> None:
    got = roles("The Syrian opposition says President Bashar al-Assads forces staged the attack.")
    assert got["syrian-arab-army"] == "agent"


# the other party of the fight its victims were killed in ----------------------------------


def test_fighters_killed_in_clashes_with_a_group_were_killed_by_it() -> None:
    got = roles(
        "21 opposition fighters have been killed in clashes with the Daesh group on Monday."
    )
    assert got["islamic-state"] == "agent"


def test_a_bracketed_aside_does_not_hide_the_fight_against() -> None:
    got = roles(
        "The number of Al-Nusra Front fighters killed in battles (Saturday) against ISIL in "
        "the town of Markada has risen to 39."
    )
    assert got == {"al-nusra-front": "target", "islamic-state": "agent"}


def test_clashes_with_a_group_without_victims_still_make_it_the_target() -> None:
    got = roles("The Kurdish YPG militia clashed with Islamic State fighters near Kobani.")
    assert got["islamic-state"] == "target"


# "is known to", "is expected to": the deed after them is the subject's --------------------


def test_a_group_known_to_hire_fighters_is_the_agent() -> None:
    got = roles("The Islamic State is known to hire fighters across the region.")
    assert got["islamic-state"] == "agent"


def test_a_council_expected_to_hold_a_meeting_is_the_agent() -> None:
    got = roles("The Security Council is expected to hold a meeting on Wednesday.")
    assert got["un-security-council"] == "agent"


def test_a_group_believed_to_refer_to_something_does_nothing() -> None:
    got = roles("The Khorasan Group is believed to refer to a cell of Al-Qaeda veterans.")
    assert got["khorasan-group"] == "mentioned"


# words of deeds the lists missed -----------------------------------------------------------


def test_bombs_left_behind_by_a_group_are_its_deed() -> None:
    got = roles("A unit is removing dozens of roadside bombs left behind by Daesh near Palmyra.")
    assert got["islamic-state"] == "agent"


def test_the_present_begins_of_a_timeline_is_a_deed() -> None:
    assert roles("The regime begins to retake territory around Aleppo.") == {
        "syrian-government": "agent"
    }


def test_a_group_that_has_withdrawn_acted() -> None:
    got = roles("ISIL has withdrawn from much of the north of Syria.")
    assert got["islamic-state"] == "agent"


def test_a_group_losing_ground_is_the_target() -> None:
    got = roles("Daesh is losing ground to two separate offensives in Deir Ezzor.")
    assert got["islamic-state"] == "target"


def test_envoys_of_an_organisation_act_for_it() -> None:
    got = roles("Two U.N. envoys went to Damascus last week to negotiate the access accord.")
    assert got["un"] == "agent"


# a descriptor noun before a name ----------------------------------------------------------


def test_the_object_of_a_verb_named_with_a_descriptor_before_it_is_the_target() -> None:
    got = roles("The army killed 20 members of the jihadist group IS near Palmyra.")
    assert got["islamic-state"] == "target"


def test_a_confrontation_with_a_described_group_makes_it_the_target() -> None:
    got = roles("Kurdish forces are now in direct confrontation with the Takfiri group ISIL.")
    assert got["islamic-state"] == "target"


# speech is no deed, but a declared truce is ------------------------------------------------


def test_a_monitor_that_has_documented_killings_is_no_agent() -> None:
    got = roles('The Observatory "has documented the killing of 5812 civilians in air raids".')
    assert got.get("sohr") != "agent"  # the reporter: no actor of the content at all


def test_an_army_that_declared_the_ceasefire_over_is_its_agent() -> None:
    got = roles("State media said the Syrian Army had declared the ceasefire over on Monday.")
    assert got["syrian-arab-army"] == "agent"


# by phrases and objects of fire ----------------------------------------------------------


def test_an_attack_believed_to_be_by_jets_is_theirs() -> None:
    got = roles("A gas attack believed to be by Syrian government jets killed 58 people in Idlib.")
    assert got["syrian-air-force"] == "agent"


def test_what_missiles_are_fired_at_is_the_target() -> None:
    got = roles("The United States fired missiles at a Syrian army base on Friday.")
    assert got["syrian-arab-army"] == "target"


def test_the_group_attacks_come_from_is_their_agent() -> None:
    got = roles(
        "The province of Kilis has faced a spate of rocket attacks from DAESH in recent months."
    )
    assert got["islamic-state"] == "agent"


def test_fire_from_a_rights_group_is_criticism() -> None:
    got = roles("The U.S.-led coalition came under fire from Human Rights Watch over the raid.")
    assert got["human-rights-watch"] == "mentioned"


def test_a_bracketed_description_does_not_hide_the_verb_before_a_name() -> None:
    got = roles("An Israeli plane hit a car killing two men from (Lebanese Shia group) Hezbollah.")
    assert got["hezbollah"] == "target"


# a descriptor is not an actor ----------------------------------------------------------------


def test_a_bracketed_branch_of_describes_the_group_before_it() -> None:
    got = roles(
        "A woman was killed when al-Nusra Front (Qaeda branch in the Levant) terrorists fired "
        "two mortar shells on Ain al-Dananeer village."
    )
    assert got == {"al-nusra-front": "agent"}


def test_an_affiliated_adjective_describes_the_group_after_it() -> None:
    got = roles("A commander of the al-Qaeda-affiliated al-Nusra Front was killed near Homs.")
    assert "al-qaeda" not in got


# a noun of attack is no verb ---------------------------------------------------------------


def test_a_name_after_the_noun_attack_starts_its_own_clause() -> None:
    got = roles(
        "Following the 2013 Ghouta attack the Syrian government joined the Chemical Weapons "
        "Convention."
    )
    assert got["syrian-government"] == "agent"


def test_the_verb_strike_still_has_an_object() -> None:
    got = roles("Russian jets strike IS positions near Palmyra.")
    assert got["islamic-state"] == "target"


# quotes and adjectives before the object of an attack ---------------------------------------


def test_a_quoted_description_of_the_target_keeps_it_the_target() -> None:
    got = roles('The US carried out eight strikes against "seasoned Al-Qaeda veterans" in Aleppo.')
    assert got["al-qaeda"] == "target"


def test_warning_against_strikes_does_not_make_their_owner_a_target() -> None:
    got = roles("Moscow warns against new US missile strikes on Syria.")
    assert got.get("united-states", got.get("us-military")) == "agent"


def test_partners_named_with_an_adjective_do_not_hide_the_verb() -> None:
    got = roles(
        "The government and international partners continue fighting against the Islamic State."
    )
    assert got == {"syrian-government": "agent", "islamic-state": "target"}


def test_fighters_most_of_them_affiliated_to_a_group_make_it_the_target() -> None:
    got = roles(
        "An army unit targeted terrorists most of them affiliated to al-Nusra Front near Daraa."
    )
    assert got == {"syrian-arab-army": "agent", "al-nusra-front": "target"}


# a speaker of the claim's words is not what it is about ------------------------------------


def test_a_monitor_that_said_citing_sources_is_no_content_actor() -> None:
    got = roles(
        "The attack caused many people to choke the Syrian Observatory for Human Rights said "
        "citing medical sources who described it as a sign of a gas attack."
    )
    assert "sohr" not in got


def test_counted_soldiers_before_said_are_still_the_target() -> None:
    got = roles(
        "The blast killed a nurse and two soldiers said Observatory director Rami Abdel Rahman."
    )
    assert got["syrian-arab-army"] == "target"


def test_a_group_that_commented_is_a_speaker_not_an_agent() -> None:
    got = roles(
        '"Regime and Russian forces have violated human rights law" the Syrian Network for '
        "Human Rights commented."
    )
    assert "snhr" not in got or got["snhr"] != "agent"


def test_a_party_that_bears_responsibility_is_the_accused() -> None:
    got = roles("The regime of Assad bears primary responsibility for the attack, Mogherini said.")
    assert got["syrian-government"] == "agent"


# an unpunctuated list of parties to an attack ------------------------------------------------


def test_groups_listed_without_commas_that_were_involved_in_the_attack_are_its_agents() -> None:
    got = roles(
        "Nusra Front (Qaeda branch in the Levant) Jaish al-Fateh and a number of terrorist "
        "groups were involved in the attack on Aleppo on Sunday."
    )
    assert got == {"al-nusra-front": "agent", "jaish-al-fatah": "agent"}


def test_states_listed_without_commas_share_the_verb() -> None:
    got = roles("Russia Turkey and Iran agreed a deal on Idlib in May.")
    assert got == {"russia": "agent", "turkey": "agent", "iran": "agent"}


# a denied accusation keeps its accused -------------------------------------------------------


def test_planes_that_had_not_carried_out_strikes_are_still_the_accused() -> None:
    got = roles(
        "Moscow said on Tuesday that Russian planes had not carried out air strikes on Idlib."
    )
    assert got["russian-air-force"] == "agent"


def test_a_denied_shelling_still_has_no_agent() -> None:
    got = roles("The Syrian government has not shelled the town of Maarat al-Numan.")
    assert got["syrian-government"] == "mentioned"
