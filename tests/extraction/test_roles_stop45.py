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
    got = roles(
        "Rebels attacked Aleppo on Friday with a newly-formed coalition between two groups."
    )
    assert "us-led-coalition" not in got
    got = roles("A coalition between five rebel factions attacked the airport on Friday.")
    assert "us-led-coalition" not in got
    got = roles("Coalition jets struck IS positions near Raqqa on Friday.")
    assert got["us-led-coalition"] == "agent"


def test_an_adverb_between_carried_out_and_by_is_stepped_over() -> None:
    got = roles("The town receives food through airdrops carried out daily by Russian jets.")
    assert got["russian-air-force"] == "agent"


def test_a_deed_blamed_on_a_side_accuses_it() -> None:
    got = roles("The bombing that killed 12 in Jarablus was blamed on Daesh.")
    assert got["islamic-state"] == "agent"


def test_the_crimes_of_a_side_and_its_terror_are_its_deeds() -> None:
    got = roles(
        "The coalition condemned the crimes of the Assad regime against civilians in Idlib."
    )
    assert got["syrian-government"] == "agent"
    got = roles("Years of Assads terror have emptied Homs of its people.")
    assert got["bashar-al-assad"] == "agent"
    got = roles("The killing of 20 IS fighters near Raqqa was reported on Monday.")
    assert got["islamic-state"] == "target"


def test_a_group_involved_in_the_battle_takes_part_in_it() -> None:
    got = roles("Hezbollah is involved in the battle for Qusayr with hundreds of fighters.")
    assert got["hezbollah"] == "agent"


def test_so_called_between_by_and_the_name_is_stepped_over() -> None:
    got = roles("A girl was wounded in a mortar attack by the so called Jaish al-Islam on Harasta.")
    assert got["jaish-al-islam"] == "agent"


def test_bombing_raids_of_a_state_are_its_air_forces() -> None:
    got = roles("A bus was hit by regime bombing raids on Wednesday in Aleppo killing five.")
    assert got["syrian-air-force"] == "agent"
    got = roles("Russian bombing raids killed ten people in Douma on Monday.")
    assert got["russian-air-force"] == "agent"


def test_an_adjective_after_between_is_stepped_over() -> None:
    got = roles("The fighting in Azaz was between hardline Islamic State militants and the YPG.")
    assert got["islamic-state"] == "agent"


def test_a_time_phrase_after_has_is_stepped_over() -> None:
    got = roles("Russia has in recent days intensified its air raids on Idlib province.")
    assert got["russia"] == "agent"
    got = roles("The army has over the past week shelled rebel positions in Daraa.")
    assert got["syrian-arab-army"] == "agent"
