"""Issue 10, error class 4 (actors and roles), second pass: each cause fixed is pinned by a
sentence written on its pattern (docs/annotation.md §6), run through the whole extraction."""

from __future__ import annotations

from datetime import date

from app.extraction import extract
from app.extraction.types import ClaimDraft

REF = date(2016, 8, 12)


def only_claim(text: str) -> ClaimDraft:
    x = extract(text, published=REF, outlet="reuters")
    assert len(x.claims) == 1, [text[c.start : c.end] for c in x.claims]
    return x.claims[0]


def roles(text: str) -> dict[str, str]:
    return {a.actor.key: a.role for a in only_claim(text).actors if a.role != "claimant"}


# a denied deed has no agent and no target ----------------------------------------------


def test_a_negated_verb_makes_neither_agent_nor_target() -> None:
    assert roles("Coalition raids do not target the regime, the Pentagon said on Monday.") == {
        "us-led-coalition": "mentioned",
        "syrian-government": "mentioned",
    }


def test_a_subject_that_did_not_act_is_mentioned() -> None:
    got = roles("The Syrian government has not shelled the town of Maarat al-Numan.")
    assert got["syrian-government"] == "mentioned"


def test_the_same_verb_without_negation_still_gives_agent_and_target() -> None:
    got = roles("Coalition raids targeted the regime near Deir Ezzor on Monday.")
    assert got["us-led-coalition"] == "agent"
    assert got["syrian-government"] == "target"


# "by" phrases that are no doer --------------------------------------------------------


def test_losses_suffered_by_an_actor_make_it_the_target() -> None:
    got = roles("It was the heaviest loss suffered by Turkish troops in the Al-Bab battle.")
    assert got["turkish-armed-forces"] == "target"


def test_authorized_by_is_no_agent() -> None:
    got = roles("The raids in Syria were not approved by the UN Security Council.")
    assert got["un-security-council"] == "mentioned"


# a shared head: "regime and rebel fighters" ---------------------------------------------


def test_regime_and_rebel_fighters_are_the_army_and_the_killed() -> None:
    got = roles("At least 40 regime and rebel fighters were killed near Hama on Tuesday.")
    assert got == {"syrian-arab-army": "target"}


def test_government_and_opposition_forces_act_as_the_army() -> None:
    got = roles("Government and opposition forces have besieged each other's towns in Homs.")
    assert got.get("syrian-arab-army") == "agent"


# an indefinite coalition or army is not the one the bare word means -------------------


def test_an_indefinite_coalition_is_not_the_us_led_one() -> None:
    text = "Idlib is held by a coalition of Islamist groups that includes the Nusra Front."
    assert "us-led-coalition" not in roles(text)


def test_a_coalition_airstrike_is_still_the_us_led_coalition() -> None:
    assert roles("A coalition airstrike killed five people in Raqqa on Sunday.") == {
        "us-led-coalition": "agent"
    }


# participles without an object, parties to a battle, forces loyal to Assad ----------


def test_fighters_killed_in_a_battle_are_its_targets() -> None:
    got = roles("Dozens of Nusra Front fighters killed in the battle were buried on Monday.")
    assert got["al-nusra-front"] == "target"


def test_the_parties_of_a_battle_named_after_between_are_agents() -> None:
    text = "The road was cut by a battle for the hills between Ahrar al-Sham and IS."
    assert roles(text) == {"ahrar-al-sham": "agent", "islamic-state": "agent"}


def test_forces_loyal_to_assad_are_the_army() -> None:
    got = roles("Rebels accused the forces loyal to President Bashar al-Assad of using gas.")
    assert got["syrian-arab-army"] == "agent"


def test_regime_fighter_planes_are_the_air_force() -> None:
    got = roles("Regime fighter planes pounded the town of Khan Tuman on Saturday.")
    assert got == {"syrian-air-force": "agent"}


def test_forces_loyal_to_the_regime_are_the_subject_of_the_verb_after_it() -> None:
    got = roles("Troops loyal to the regime stormed the village of Tal Rifaat on Sunday.")
    assert got["syrian-arab-army"] == "agent"


# one mention for a led coalition, companions and quotes between subject and verb ------


def test_a_us_led_coalition_with_words_between_is_one_mention() -> None:
    got = roles("A raid by the US-led anti-jihadist coalition killed 4 people in Mayadin.")
    assert got == {"us-led-coalition": "agent"}


def test_other_groups_listed_after_the_subject_do_not_hide_its_verb() -> None:
    got = roles("Hezbollah and other allied militias have stormed the town of Zabadani.")
    assert got["hezbollah"] == "agent"


def test_a_quoted_name_is_still_the_subject_of_the_verb_after_the_quote() -> None:
    got = roles("The agency wrote that “Nusra Front fighters” had stormed the base of Wadi Deif.")
    assert got["al-nusra-front"] == "agent"


def test_fighters_affiliated_to_a_group_make_it_the_object() -> None:
    got = roles("Army units killed dozens of militants affiliated to Ahrar al-Sham near Hama.")
    assert got["ahrar-al-sham"] == "target"


def test_an_including_list_after_the_wounded_names_targets() -> None:
    got = roles("The wounded, including Hezbollah commanders, were taken to hospitals in Beirut.")
    assert got["hezbollah"] == "target"


def test_anti_government_protests_name_no_actor() -> None:
    text = "Thousands joined anti-government protests in Daraa on Friday, activists said."
    assert "syrian-government" not in roles(text)


# deeds owned like weapons, objects behind "for", subjects of "with ... -ing" and "to" --


def test_an_owned_deed_makes_its_owner_the_agent() -> None:
    got = roles("The YPG attempt to cut the Castello road failed on Tuesday.")
    assert got["ypg"] == "agent"


def test_hideouts_for_a_group_make_it_the_object() -> None:
    got = roles("Army units destroyed several hideouts for Jund al-Aqsa near Morek.")
    assert got["jund-al-aqsa"] == "target"


def test_with_x_doing_makes_x_the_agent() -> None:
    got = roles("Rebels shelled the town of Mhardeh, with the army returning fire at dawn.")
    assert got["syrian-arab-army"] == "agent"


def test_with_x_according_to_is_no_deed() -> None:
    got = roles("Moscow suspended the air safety deal with Turkey according to the ministry.")
    assert got.get("turkey", "mentioned") == "mentioned"


def test_the_subject_of_an_infinitive_of_action_is_the_agent() -> None:
    got = roles("The truce collapse allowed the Nusra Front to capture the hill of Tal Eis.")
    assert got["al-nusra-front"] == "agent"


def test_a_describing_participle_is_no_deed_and_is_stepped_over() -> None:
    described = roles("Liwa al-Haq is a Syrian opposition faction affiliated with the FSA.")
    assert described.get("syrian-opposition") == "mentioned"
    got = roles("Jaish al-Islam and other groups affiliated to it shelled the Wafideen camp.")
    assert got["jaish-al-islam"] == "agent"


# a verb after a modal, "was able to", a quote between the auxiliary and the verb -----


def test_the_subject_of_a_verb_after_a_modal_is_the_agent() -> None:
    got = roles("Hezbollah and its allies will regroup near Qusayr before the next offensive.")
    assert got["hezbollah"] == "agent"


def test_a_speech_verb_after_a_modal_gives_no_agent() -> None:
    got = roles("The Syrian government will deny any role in the Saraqeb attack.")
    assert got["syrian-government"] == "mentioned"


def test_was_able_to_makes_the_subject_the_agent() -> None:
    got = roles("The Nusra Front was able to overrun the air base of Abu al-Duhur.")
    assert got["al-nusra-front"] == "agent"


def test_a_quote_between_the_auxiliary_and_the_verb_is_stepped_over() -> None:
    got = roles('The YPG has "now encircled the town of Tal Abyad from three sides.')
    assert got["ypg"] == "agent"


# time words between subject and verb; fighters "from" a group ------------------------


def test_a_day_between_the_subject_and_its_verb_is_stepped_over() -> None:
    got = roles("The Nusra Front on Sunday morning overran the village of Khan Tuman.")
    assert got["al-nusra-front"] == "agent"


def test_once_again_between_the_subject_and_its_verb_is_stepped_over() -> None:
    got = roles("Hezbollah once again stormed the hills around the town of Zabadani.")
    assert got["hezbollah"] == "agent"


def test_fighters_from_a_group_make_it_the_object_or_the_doer() -> None:
    assert roles("Army units killed 30 fighters from Jund al-Aqsa near Morek.")["jund-al-aqsa"] == (
        "target"
    )
    got = roles("The base was seized by fighters from Ahrar al-Sham on Monday.")
    assert got["ahrar-al-sham"] == "agent"
