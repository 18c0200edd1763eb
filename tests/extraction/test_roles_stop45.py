"""Actors and roles, stop 45 (errors of fresh7, development data since stop 45): each
cause fixed is pinned by a sentence written on its pattern (docs/annotation.md §6), run
through the whole extraction."""

from __future__ import annotations

from tests.extraction.test_roles_issue10b import roles


def test_a_side_under_attack_is_the_target_and_the_by_phrase_its_attacker() -> None:
    got = roles("The Nusra Front is under attack in its last pockets of Hama by Russian jets.")
    assert got["al-nusra-front"] == "target"
    assert got["russian-air-force"] == "agent"
    got = roles("Daesh has been under heavy bombardment by the coalition around Raqqa.")
    assert got["islamic-state"] == "target"


def test_a_side_under_the_fire_of_critics_is_still_not_attacked() -> None:
    got = roles("The coalition is under fire from Amnesty over the raid in Manbij.")
    assert got.get("us-led-coalition") != "target"


def test_two_countries_air_forces_are_both_named() -> None:
    got = roles("Hospitals in Idlib were hit by the Russian and Syrian air forces on Tuesday.")
    assert got["russian-air-force"] == "agent"
    assert got["syrian-air-force"] == "agent"


def test_the_kind_of_weapon_between_owner_and_weapon_is_stepped_over() -> None:
    got = roles("A Nusra suicide bomber killed four soldiers at a checkpoint in Hama.")
    assert got["al-nusra-front"] == "agent"
    got = roles("A Daesh car bomb killed six people near the market in Azaz.")
    assert got["islamic-state"] == "agent"


def test_blew_up_and_laid_siege_are_deeds() -> None:
    got = roles("IS militants blew up the ancient arch in Palmyra on Sunday.")
    assert got["islamic-state"] == "agent"
    got = roles("Hezbollah laid siege to Madaya in July.")
    assert got["hezbollah"] == "agent"


def test_a_persons_name_inside_a_places_name_is_no_actor() -> None:
    got = roles("Rebels shelled the al-Assad residential suburb of Aleppo killing two people.")
    assert "bashar-al-assad" not in got
    got = roles("Jets struck rebel bases in Khan al-Assad west of Aleppo killing five fighters.")
    assert "bashar-al-assad" not in got
    got = roles("Assad visited Daraya on Friday, state media said.")
    assert "bashar-al-assad" in got


def test_a_newly_formed_coalition_is_not_the_us_led_one() -> None:
    got = roles("Rebels attacked Aleppo on Friday with a newly-formed coalition between two groups.")
    assert "us-led-coalition" not in got
    got = roles("A coalition between five rebel factions attacked the airport on Friday.")
    assert "us-led-coalition" not in got
    got = roles("Coalition jets struck IS positions near Raqqa on Friday.")
    assert got["us-led-coalition"] == "agent"
