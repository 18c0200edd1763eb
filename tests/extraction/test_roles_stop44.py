"""Actors and roles, stop 44 (errors of fresh6, development data since stop 43): each
cause fixed is pinned by a sentence written on its pattern (docs/annotation.md §6), run
through the whole extraction."""

from __future__ import annotations

from tests.extraction.test_roles_issue10b import roles


def test_the_fighters_killed_about_a_number_are_the_target() -> None:
    got = roles("Clashes around the town have killed about 100 IS fighters in three days.")
    assert got["islamic-state"] == "target"


def test_a_group_that_came_under_attack_is_the_target() -> None:
    got = roles("Daesh has come under attack on several fronts in Raqqa province.")
    assert got["islamic-state"] == "target"
    got = roles("The IS fighters came under the heavy airstrikes of Russian jets in Palmyra.")
    assert got["islamic-state"] == "target"


def test_a_force_under_the_fire_of_critics_is_not_attacked() -> None:
    got = roles("The coalition came under fire from Human Rights Watch over the raid in Manbij.")
    assert got.get("us-led-coalition") != "target"


def test_an_aircraft_that_was_shot_down_is_its_owners_loss() -> None:
    got = roles(
        "All five people on board a Russian military helicopter that was shot down over "
        "Syria on Monday are believed to have died."
    )
    assert got["russian-armed-forces"] == "target"


def test_the_attackers_of_a_repelled_attack_are_the_target() -> None:
    got = roles(
        "Regime troops and allied fighters repelled an attack by Daesh on a strategic area "
        "in southern Aleppo province."
    )
    assert got["islamic-state"] == "target"
    assert got["syrian-arab-army"] == "agent"
    got = roles("Kurdish forces beat back an offensive by Daesh on Kobani.")
    assert got["islamic-state"] == "target"


def test_the_attackers_of_an_attack_not_beaten_back_are_its_agent() -> None:
    got = roles("An attack by Daesh on the airport killed five soldiers.")
    assert got["islamic-state"] == "agent"


def test_a_time_phrase_between_subject_and_verb_is_stepped_over() -> None:
    got = roles("The Syrian army last month repelled a push by rebels into Aleppo.")
    assert got["syrian-arab-army"] == "agent"


def test_a_group_s_affiliate_in_syria_names_only_the_affiliate() -> None:
    got = roles(
        "The offensive led by members of al-Qaedas affiliate in Syria the Nusra Front began "
        "late Monday with a suicide attack."
    )
    assert got == {"al-nusra-front": "agent"}


def test_an_ally_named_after_a_force_is_no_descriptor_of_it() -> None:
    got = roles("The army and its ally the National Defense Forces shelled the town.")
    assert "syrian-arab-army" in got


def test_the_office_named_after_a_speaker_is_no_actor_of_the_claim() -> None:
    got = roles('"They had been shot dead" said Rami Abdel Rahman the head of SOHR.')
    assert "sohr" not in got
