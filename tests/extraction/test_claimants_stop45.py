"""Claimants, stop 45: causes of the claimant errors of fresh7 (development data since
stop 45). Each sentence is written on the pattern (FA-KES style: commas and apostrophes
stripped) and runs through the whole extraction."""

from __future__ import annotations

from tests.extraction.test_claimants_round3 import claimant


def test_a_speaker_named_by_one_word_and_a_role_is_that_person() -> None:
    text = 'The gunmen fled before the army arrived" said Samer a shop owner in the old city.'
    assert claimant(text, "The gunmen fled")[0] == "samer"
    text = "Rana a 34-year-old nurse at the hospital said the wounded arrived all night."
    assert claimant(text, "the wounded arrived")[0] == "rana"


def test_a_speaker_named_by_one_word_beside_a_verb_of_speech_is_that_person() -> None:
    text = '"We counted eleven bodies in the street" al-Hamwi said on Tuesday.'
    assert claimant(text, "We counted")[0] == "hamwi"


def test_a_capitalised_first_word_before_said_is_no_name() -> None:
    text = "Witnesses said the army shelled the market in Douma on Monday."
    assert claimant(text, "the army shelled")[0] is None
    text = "Douma was shelled on Monday. Residents said five people were killed there."
    assert claimant(text, "five people were killed")[0] is None


def test_a_weekday_or_a_quotes_first_word_is_no_person() -> None:
    from app.extraction.actors import find_actors

    for text in (
        "An AFP correspondent in Aleppo said Fridays bombing raids were the most intense.",
        'She added "Nobody has helped us since the siege began."',
        "Photos (2 Images) Another resident of Raqqa Abdullah Hamid said the towns fell.",
    ):
        assert [
            a.surface for a in find_actors(text) if not a.curated and " " not in a.surface
        ] == []


def test_a_name_after_said_that_goes_on_is_what_was_said() -> None:
    from app.extraction.actors import find_actors

    text = "The agency said Aziz was kidnapped on Saturday in Aleppo."
    assert [a.surface for a in find_actors(text) if not a.curated] == []
    text = "The town fell on Monday after a week of shelling said Hamid."
    assert [a.surface for a in find_actors(text) if not a.curated] == ["Hamid"]


def test_whom_a_speaker_fights_does_not_speak() -> None:
    text = (
        "The Jaish al-Islam militant group fighting government forces in Syria has admitted "
        "to using banned weapons against Kurdish fighters in Aleppo."
    )
    assert claimant(text, "to using banned")[0] == "jaish-al-islam"
    text = "Hezbollah fighting alongside government forces said it had killed 20 rebels in Qusayr."
    assert claimant(text, "it had killed")[0] == "hezbollah"


def test_groups_in_the_plural_are_nobody_named_before() -> None:
    text = (
        "The Syrian Observatory for Human Rights said 35 homes were destroyed in Aleppo. "
        "Rights groups have criticised both sides for indiscriminate attacks on civilians."
    )
    assert claimant(text, "criticised both sides")[0] is None
    text = (
        "The Syrian Observatory for Human Rights said 35 homes were destroyed in Aleppo. "
        "The rights group said 12 of the dead were children."
    )
    assert claimant(text, "12 of the dead")[0] == "sohr"
