"""Claimants, round 3: general causes of the class-2 errors of the development sets.

Each sentence is written on the pattern (FA-KES style: commas and apostrophes stripped) and
runs through the whole extraction, registry and gazetteer included.
"""

from __future__ import annotations

from datetime import date

from app.extraction import extract
from app.extraction.types import Extraction
from tests.extraction.test_error_classes import claim


def run(text: str) -> Extraction:
    return extract(text, published=date(2017, 4, 5), outlet="reuters")


def claimant(text: str, snippet: str) -> tuple[str | None, str | None]:
    c = claim(run(text), text, snippet)
    return (c.claimant.key if c.claimant else None), c.claimant_text


def test_a_verb_in_a_relative_clause_does_not_govern_the_sentence():
    text = (
        "Dozens of people choked or fainted in the town the Syrian Observatory for Human "
        "Rights said citing medical sources who described it as a sign of a gas attack."
    )
    assert claimant(text, "choked")[0] == "sohr"


def test_it_is_not_the_people_who_spoke_last_but_the_organisation():
    text = (
        "The Syrian Observatory for Human Rights said 58 people were killed in the town. "
        "The Observatory said medical sources in the town reported symptoms including "
        "fainting and vomiting. The victims were mostly civilians it said and included at "
        "least 11 children."
    )
    assert claimant(text, "mostly civilians") == ("sohr", "it")


def test_the_sources_are_not_the_agency_that_passes_them_on():
    text = (
        "A commander of the Nusra Front was killed in clashes with the army in Northern Homs "
        "FNA reports. Syrian jets bombed ISIL positions in Jubb al-Jarrah killing several "
        "militants the sources said."
    )
    assert claimant(text, "Jubb al-Jarrah") == (None, "the sources")


def test_reports_with_nobody_named_are_unattributed():
    text = (
        "According to breaking reports ISIS fighters fled the thermal power plant east of "
        "Aleppo. On Saturday reports emerged that Daesh had been trying to break the "
        "frontline near the Tabqa dam."
    )
    assert claim(run(text), text, "thermal power").claimant_why.rule == "passive"
    assert claim(run(text), text, "Tabqa dam").claimant_why.rule == "passive"


def test_according_to_media_reports_names_the_media():
    text = "Over 100 militants were killed in clashes in the Damascus suburbs according to media reports."
    assert claimant(text, "militants") == (None, "media reports")


def test_a_reporter_who_saw_speaks_past_a_long_place_phrase():
    text = (
        "An AFP correspondent in the village of Deir Sharqi where one of the hospitals was "
        "hit saw extensive damage and wards buried in rubble."
    )
    assert claimant(text, "extensive damage") == ("afp", "An AFP correspondent")


def test_a_verb_of_the_speech_reported_does_not_govern_the_sentence():
    text = (
        "Erdogan and Putin discussed the attack by phone Turkish officials said. They said "
        "the two leaders had also emphasised the importance of the ceasefire."
    )
    assert claimant(text, "two leaders") == ("turkey", "Turkish officials")


def test_a_states_presidential_sources_speak_for_the_state():
    text = (
        "Erdogan and Putin discussed the suspected attack by phone Turkish presidential "
        "sources said."
    )
    assert claimant(text, "suspected attack") == ("turkey", "Turkish presidential sources")


def test_the_first_descriptor_decides_who_a_description_is():
    text = (
        "The Tiger Forces captured every village of the plains today. According to a "
        "battlefield correspondent at the Kuweires Military Airport sappers are now clearing "
        "the mines left in the villages."
    )
    assert claimant(text, "sappers")[0] is None


def test_a_place_a_verb_ends_on_is_not_part_of_the_speaker():
    text = (
        "Turkish artillery hit rocket launchers which were preparing to attack Turkey "
        "security sources said on Monday."
    )
    assert claimant(text, "rocket launchers") == (None, "security sources")


def test_a_long_aside_after_the_speaker_is_stepped_over():
    text = (
        "On Tuesday US Secretary of State John Kerry speaking alongside his Russian "
        "counterpart Sergei Lavrov during a bleak meeting of the support group ministers in "
        "New York insisted the ceasefire was not dead."
    )
    assert claimant(text, "ceasefire")[0] == "john-kerry"


def test_another_count_right_after_a_speaker_is_still_theirs():
    text = (
        "The Syrian Observatory for Human Rights said nine civilians were killed in the "
        "Qaterji neighbourhood of Aleppo. Another five civilians were killed in two other "
        "districts."
    )
    assert claimant(text, "Another five")[0] == "sohr"


def test_and_dismisses_after_the_subjects_deed_is_the_subjects_claim():
    text = (
        "Russia has not acknowledged any civilian deaths from its strikes in Syria and "
        "dismisses the observatorys reporting as biased."
    )
    assert claimant(text, "dismisses")[0] == "russia"
    assert claimant(text, "not acknowledged")[0] == "reuters"


def test_the_al_mayadeen_broadcaster_is_al_mayadeen_tv():
    text = "According to the Al Mayadeen broadcaster the clashes in the Damascus suburbs are still underway."
    assert claimant(text, "clashes")[0] == "al-mayadeen-tv"


def test_the_day_between_the_speaker_and_the_verb_is_not_the_speakers():
    text = (
        "The United Nations on Tuesday called for an urgent ceasefire in Aleppo where two "
        "million people lack clean water."
    )
    assert claimant(text, "urgent ceasefire") == ("un", "The United Nations")


def test_an_administration_named_by_its_place_is_a_named_speaker():
    text = (
        "The civil administration of Idlib on Thursday announced the full mobilisation of the "
        "emergency medical services after a wave of airstrikes."
    )
    assert claimant(text, "mobilisation")[0] == "civil-administration-of-idlib"


def test_a_regional_humanitarian_coordinator_is_one_speaker_phrase():
    text = (
        "The attacks on the aid convoy in Urum al-Kubra were inexcusable and showed a blatant "
        "disregard for the lives of aid workers Kevin Kennedy OCHAs regional humanitarian "
        "coordinator for Syria said."
    )
    assert claimant(text, "inexcusable")[0] == "kevin-kennedy"


def test_what_an_agency_expects_is_its_claim():
    text = (
        "WFP expects the situation to deteriorate further in the coming weeks when the food "
        "stock in Madaya is depleted."
    )
    assert claimant(text, "deteriorate")[0] == "wfp"


def test_it_is_not_the_agency_whose_reporter_saw():
    text = (
        "Air strikes hit two hospitals in Idlib province on Thursday the Syrian Observatory for "
        "Human Rights said. An AFP correspondent in the village saw extensive damage. It was "
        "the third time in a week that medical facilities in the province were hit. Russian "
        "aircraft carried out four raids at dawn on a hospital on the outskirts of the village "
        "it said."
    )
    assert claimant(text, "four raids")[0] == "sohr"


def test_the_object_of_a_denial_or_an_accusation_is_not_its_speaker():
    """ "said the Observatory" puts the speaker after the verb; "denied the reports" and
    "blamed the forces" put what they act on there (FA-KES dev 1962495675, 1924058036)."""
    text = (
        "The observatory said on Tuesday that at least 23 people had been killed in Russian "
        "airstrikes in Idlib. Russian Defense Ministry spokesman Major General Igor "
        "Konashenkov denied the reports. Syrias opposition blamed President Bashar Assads "
        "forces saying the attack cast doubt on the future of peace talks."
    )
    assert claimant(text, "denied the reports")[1] == (
        "Russian Defense Ministry spokesman Major General Igor Konashenkov"
    )
    assert claimant(text, "blamed")[1] == "Syrias opposition"


def test_an_inverted_speaker_may_be_followed_by_the_name_it_is_known_as():
    text = (
        "Fifteen volunteers were killed in the strike said the Civil Defence also known as "
        "the White Helmets who were among the first responders."
    )
    assert claimant(text, "Fifteen")[1] == "the Civil Defence"


def test_a_frontline_commander_is_a_speaker():
    text = "A major suicide attack on the Peshmerga lines was foiled said the frontline commander."
    assert claimant(text, "foiled")[1] == "the frontline commander"
