"""Claimants, stop 47: a speaker named after "said" and followed by a title however long
("said Nadim Houry deputy director of ... at Human Rights Watch in a telephone
interview"); "the so-called" before the speaker's name; "According to SANA al-Nusra
militants ...", where the comma after the medium was stripped; and "General Staff" is no
person's name."""

from __future__ import annotations

from tests.extraction.test_claimants_round3 import claimant
from tests.extraction.test_error_classes import claim, run


def test_a_name_before_a_long_title_after_said_speaks() -> None:
    text = (
        '"We know large numbers of people have died in detention in Syria" said Nadim Houry '
        "deputy director of the Middle East and North Africa division at Human Rights Watch "
        "in a telephone interview."
    )
    assert claimant(text, "We know large numbers")[1] == "Nadim Houry"


def test_a_title_after_said_then_the_name_speaks() -> None:
    text = (
        "We are working urgently to gather additional information said White House spokesman "
        "Josh Earnest in a statement expressing deep concern over the reports."
    )
    assert claimant(text, "We are working")[0] == "josh-earnest"


def test_the_so_called_observatory_speaks() -> None:
    text = (
        '"At least 23 civilians were killed Wednesday by airstrikes carried out by the '
        'US-led coalition" said the so-called Syrian Observatory for Human Rights.'
    )
    assert claimant(text, "At least 23 civilians")[0] == "sohr"


def test_a_medium_right_before_another_name_speaks() -> None:
    text = (
        "According to SANA al-Nusra militants including elements holding foreign "
        "nationalities tried to infiltrate into the East Ghota."
    )
    assert claimant(text, "According to SANA")[0] == "sana"
    # a medium named twice in a row is one speaker, not a medium and what it said
    text = "Syrias official news agency SANA said Israel had struck a Syrian army position."
    assert claimant(text, "Israel had struck")[0] == "sana"


def test_the_general_staff_is_not_a_person() -> None:
    text = (
        "The Turkish General Staff said in a statement on Wednesday that at least 14 members "
        "of the terrorist group were killed."
    )
    # no person called "Staff" (the registry lacks the General Staff: the phrase stays text)
    assert claimant(text, "at least 14 members") == (None, "The Turkish General Staff")
    text = (
        "Lieutenant General Sergey Rudskoy Chief of the Main Operational Directorate of the "
        "General Staff said the Turkish side still sends weapons and gunmen to groups."
    )
    assert claimant(text, "the Turkish side")[0] == "sergei-rudskoy"


def test_the_name_after_a_medium_opens_what_it_said_and_stays_an_actor() -> None:
    text = (
        "According to SANA al-Nusra militants including elements holding foreign "
        "nationalities tried to infiltrate into the East Ghouta and to attack one of the "
        "military posts in rural Damascus."
    )
    c = claim(run(text), text, "al-Nusra militants")
    assert c.claimant is not None and c.claimant.key == "sana"
    assert c.claimant_text == "SANA"
    assert {(a.actor.key, a.role) for a in c.actors if a.actor} >= {("al-nusra-front", "agent")}


def test_a_place_after_with_is_no_part_of_the_medium_named_after_it() -> None:
    text = (
        "Moscow (Sputnik) The YPG members also have destroyed an armored personnel carrier of "
        "the Turkish army in Afrin located near the border with Turkey Firat news agency said "
        "Thursday."
    )
    assert claimant(text, "armored personnel carrier") == ("firat-news-agency", "Firat news agency")


def test_the_state_run_news_agency_is_syrian_state_media() -> None:
    text = (
        "A Syrian army unit killed dozens of al-Nusra Front terrorists during an ambush "
        "southwest of Adra in Damascus countryside state-run news agency reported."
    )
    assert claimant(text, "ambush")[0] == "syrian-state-media"


def test_military_sources_are_the_syrian_army_whoever_was_named_before() -> None:
    text = (
        "Over 100 terrorists have been killed in the Russian fighter jets air raids on ISIL "
        "positions in Homs province in the last 48 hours military sources said on Friday."
    )
    assert claimant(text, "Over 100 terrorists")[0] == "syrian-arab-army"
    # qualified, they are another army's
    text = "Turkish jets struck IS positions near al-Bab on Friday Turkish military sources said."
    assert claimant(text, "Turkish jets")[0] != "syrian-arab-army"


def test_syrian_officials_are_never_another_states_ministry() -> None:
    text = (
        "The Russian Foreign Ministry said the strike was deliberate. The Pentagon said that "
        "the airstrike was a mistake while a number of Syrian officials stated that the attack "
        "was intentional."
    )
    assert claimant(text, "Syrian officials")[0] == "syrian-government"


def test_said_by_telephone_is_still_said() -> None:
    text = (
        "Those who were executed are all al-Sheitaat Observatory director Rami Abdelrahman "
        "said by telephone from Britain."
    )
    assert claimant(text, "executed")[1] == "Observatory director Rami Abdelrahman"


def test_an_unnamed_person_from_somewhere_is_nobody_in_particular() -> None:
    text = (
        "Another opposition activist from Deir al-Zor said residents of al-Sheitaat towns had "
        "been given three days to leave."
    )
    assert claimant(text, "residents")[0] is None


def test_a_described_monitor_joined_to_activists_leads() -> None:
    text = (
        "The Islamic State group has executed 700 members of a tribe in eastern Syria a human "
        "rights monitoring group and activists said on Saturday. The Syrian Observatory for "
        "Human Rights said 100 of them were civilians."
    )
    assert claimant(text, "700 members")[0] == "sohr"
    # a list of names is no description: the first named leads, as before
    text = "The US Britain France and Russia have urged the rebels to cooperate with the UN."
    assert claimant(text, "urged")[0] == "united-states"


def test_a_name_after_an_office_speaks_and_a_surname_may_open_with_its_article() -> None:
    text = (
        "The UN said it would probe reports of a massacre in Khan al-Assal UN High "
        "Commissioner for Human Rights Navi Pillay said in a statement."
    )
    assert claimant(text, "massacre")[0] == "navi-pillay"
    text = (
        "Ibrahim al-Hajj a volunteer with the group said residents could not flee. "
        '"They want a road to leave Aleppo" says al-Hajj.'
    )
    assert claimant(text, "road to leave")[0] == "ibrahim-al-hajj"
