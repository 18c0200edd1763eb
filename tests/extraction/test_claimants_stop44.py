"""Claimants, stop 44: causes of the claimant errors of fresh4 and fresh6 (development data
since stop 43). Each sentence is written on the pattern (FA-KES style: commas and
apostrophes stripped) and runs through the whole extraction."""

from __future__ import annotations

from tests.extraction.test_claimants_round3 import claimant


def test_a_rights_activist_is_not_the_rights_monitor_named_before() -> None:
    text = (
        "The Syrian Observatory for Human Rights said 30 fighters were killed. "
        "A Syrian human rights activist from Deir al-Zor who fled last year said rebels "
        "had retreated to tribal areas."
    )
    assert claimant(text, "rebels had retreated")[0] is None


def test_a_misspelt_rights_monitor_is_still_the_one_named_before() -> None:
    text = (
        "The Syrian Observatory for Human Rights said 30 fighters were killed. "
        "The toll is among the highest this year the Syrian Obervatory for Human Rights said."
    )
    assert claimant(text, "The toll is")[0] == "sohr"


def test_someone_living_in_an_area_held_by_a_group_is_not_the_group() -> None:
    text = (
        "One Syrian living in an area of Islamic State control near Raqqa said the number "
        "of its fighters in the streets had grown."
    )
    assert claimant(text, "One Syrian")[0] is None


def test_a_partitive_put_first_is_not_the_speaker() -> None:
    text = (
        "Of the Daesh executioners one resident of the town told the Associated Press "
        '"These are people who do not know God."'
    )
    assert claimant(text, "These are people")[0] is None


def test_the_reporter_told_is_not_the_speaker() -> None:
    text = (
        "In a phone call with SANA reporter local sources said that terrorist groups "
        "targeted al-Fouaa with mortar shells."
    )
    assert claimant(text, "terrorist groups")[0] is None
    text = "According to SANA reporter in Homs the shells were launched by terrorists."
    assert claimant(text, "the shells")[0] == "sana"


def test_a_name_cut_at_its_lower_case_words_is_made_whole() -> None:
    text = (
        "Militants continue attempts to break the truce in Aleppo the Russian center for "
        "reconciliation of the warring parties in Syria said in its bulletin."
    )
    key, said = claimant(text, "Militants continue")
    assert key == "russian-reconciliation-center"
    assert said is not None and said.startswith("Russian center")


def test_a_place_after_arms_is_no_part_of_a_speaker() -> None:
    text = (
        "The UN deputy spokesman condemned Russian strikes in Syria saying the attacks "
        "violated international law."
    )
    assert claimant(text, "The UN deputy")[0] != "russian-air-force"


def test_the_center_names_again_the_center_named_before() -> None:
    text = (
        "The Russian Center for Reconciliation said militants shelled Aleppo. "
        "In all 40 people were killed the center said."
    )
    assert claimant(text, "In all 40")[0] == "russian-reconciliation-center"


def test_he_continued_at_the_end_goes_on_with_the_speaker() -> None:
    text = (
        "Wird Furati told Asharq Al-Awsat that the operation began. Jabhat al-Nusra is "
        "involved in the battle but with few fighters he continued."
    )
    assert claimant(text, "Jabhat al-Nusra is")[0] == "wird-furati"
    text = "The army advanced on the town and he continued."
    assert claimant(text, "The army advanced")[0] != "syrian-arab-army"


def test_a_call_made_in_a_message_is_the_caller_s() -> None:
    text = (
        "The head of the tribe Sheikh Rafaa Aakla al-Raju called in a video message for "
        "other tribes to join the fight against Islamic State."
    )
    assert claimant(text, "The head")[0] == "rafaa-aakla-al-raju"
    text = "The army called in a rescue team on Monday after the blast in Homs."
    assert claimant(text, "The army")[0] != "syrian-arab-army"


def test_a_body_that_called_a_place_the_most_dangerous_is_its_claimant() -> None:
    text = "The World Health Organization has called Syria the worlds most dangerous place."
    assert claimant(text, "The World Health")[0] == "who"
