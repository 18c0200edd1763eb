"""Issue 10, error class 4 (actors and roles), fifth pass: each cause fixed is pinned by a
sentence written on its pattern (docs/annotation.md §6), run through the whole extraction."""

from __future__ import annotations

from tests.extraction.test_roles_issue10b import roles

# a holder that acts later in the claim is its agent --------------------------------------


def test_a_holder_named_again_as_the_subject_of_a_deed_is_the_agent() -> None:
    got = roles(
        "Two children died in Homs on Monday as rebels shelled regime-held streets and the "
        "regime has bombed rebel districts with barrel bombs."
    )
    assert got["syrian-government"] == "agent"


def test_a_holder_that_does_nothing_else_stays_mentioned() -> None:
    got = roles("Two children died on Monday as rebels shelled regime-held streets of Homs.")
    assert got["syrian-government"] == "mentioned"


# words between a subject and its verb that change nothing about who acts ---------------


def test_an_adverb_in_ly_does_not_hide_the_verb_after_it() -> None:
    got = roles("The coalition is currently carrying out strikes against IS positions near Raqqa.")
    assert got == {"us-led-coalition": "agent", "islamic-state": "target"}


def test_for_its_part_and_an_of_phrase_with_an_article_name_are_stepped_over() -> None:
    got = roles(
        "The regime of President Bashar al-Assad for its part has intensified its shelling "
        "of rebel districts of Douma."
    )
    assert got["syrian-government"] == "agent"


def test_an_adverb_before_a_participle_of_feeling_makes_no_target() -> None:
    got = roles(
        "The UN is deeply concerned about the fate of civilians trapped in Douma, the "
        "statement said on Monday."
    )
    assert got.get("un") != "target"


def test_a_long_name_of_the_islamic_state_names_no_iraq() -> None:
    got = roles(
        "Government forces are fighting the Islamic State of Iraq and Greater Syria near Palmyra."
    )
    assert got == {"syrian-arab-army": "agent", "islamic-state": "target"}


# forces and troops: what the words after them say they do decides ---------------------


def test_forces_named_as_the_holder_after_a_place_are_mentioned() -> None:
    got = roles(
        "IS attacked the town of Kobani on Monday while the airport is still under the "
        "control of government forces."
    )
    assert got == {"islamic-state": "agent", "syrian-arab-army": "mentioned"}


def test_forces_that_control_a_place_hold_it() -> None:
    got = roles("Government forces control most of the city of Deir Ezzor and its airport.")
    assert got == {"syrian-arab-army": "mentioned"}


def test_forces_that_control_a_place_after_taking_it_are_agents() -> None:
    got = roles("Government forces control most of Palmyra after capturing it from IS in March.")
    assert got == {"syrian-arab-army": "agent", "islamic-state": "target"}


def test_forces_with_no_verb_after_them_still_own_the_attack() -> None:
    got = roles("Two civilians were killed in the shelling by government forces of Douma.")
    assert got["syrian-arab-army"] == "agent"


def test_a_holder_besieging_in_the_same_clause_is_the_agent() -> None:
    got = roles("IS controls half of the town of Hajin besieging 3000 civilians there.")
    assert got == {"islamic-state": "agent"}
    got = roles("IS controls half of the town of Hajin but is losing ground fast.")
    assert got == {"islamic-state": "mentioned"}


# the head "organization" and a list of target nouns owned by one group -----------------


def test_a_group_named_with_organization_is_the_subject_of_the_verb_after_it() -> None:
    got = roles("Fighters from the Jaish al-Islam organization shelled the town of Douma.")
    assert got == {"jaish-al-islam": "agent"}


def test_listed_target_nouns_owned_by_a_group_make_it_the_object() -> None:
    got = roles("Syrian army units on Monday targeted hideouts and depots of ISIL near Palmyra.")
    assert got == {"syrian-arab-army": "agent", "islamic-state": "target"}


# arms named by their make or kind -------------------------------------------------------


def test_a_regime_mig_is_the_air_force_and_turkish_howitzers_the_turkish_army() -> None:
    got = roles("Rebels shot down a regime MiG warplane near Hama on Monday.")
    assert got["syrian-air-force"] == "target"
    got = roles("Turkish howitzers shelled IS positions near al-Bab on Monday.")
    assert got == {"turkish-armed-forces": "agent", "islamic-state": "target"}
