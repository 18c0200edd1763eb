"""Actors and roles, stop 47: a state's servicemen, troops and army named by its adjective
or by its name with the apostrophe lost ("17 Turkish servicemen", "Israels army",
"Russias military"), and "an Israeli attack" is Israel's; a vehicle of an army destroyed
and sites held by a group that are struck are the army's or the group's loss; the Syrian
regular forces are the army."""

from __future__ import annotations

from tests.extraction.test_roles_issue10b import roles


def test_a_states_servicemen_killed_are_its_armed_forces() -> None:
    got = roles(
        "The Peoples Protection Units killed 17 Turkish servicemen and left three others "
        "wounded Kurdish media reported."
    )
    assert got["turkish-armed-forces"] == "target"
    got = roles("Turkish troops shelled the village of Jarabulus on Monday.")
    assert got["turkish-armed-forces"] == "agent"


def test_an_israeli_attack_is_israels() -> None:
    got = roles(
        "An Israeli attack on a training camp near the Golan Heights killed three members of "
        "a militia on Sunday."
    )
    assert got["israel"] == "agent"


def test_a_possessive_without_its_apostrophe_names_the_states_army() -> None:
    got = roles("Israels army struck a Syrian army position in Quneitra on Sunday.")
    assert got["israeli-military"] == "agent"
    assert "syrian-arab-army" not in got or got["syrian-arab-army"] != "agent"


def test_a_vehicle_of_an_army_destroyed_is_the_armys_loss() -> None:
    got = roles(
        "The YPG members also have destroyed an armored personnel carrier of the Turkish army "
        "in Afrin."
    )
    assert got["turkish-armed-forces"] == "target"


def test_sites_held_by_a_group_that_are_struck_are_its_loss() -> None:
    got = roles("The Russian Air Force struck several sites controlled by ISIL near Palmyra.")
    assert got["islamic-state"] == "target"
    # a village it holds is not its own loss: the village is hit, the group only mentioned
    got = roles("Airstrikes hit a village controlled by Isis on the eastern banks.")
    assert got["islamic-state"] == "mentioned"


def test_the_syrian_regular_forces_are_the_army() -> None:
    got = roles(
        "At least 62 militants were killed in an ambush carried out by the Syrian regular "
        "forces west of Adra."
    )
    assert got["syrian-arab-army"] == "agent"


def test_a_force_joined_by_a_plain_word_and_forces_still_acts() -> None:
    got = roles(
        "Syrian army and resistance forces have started a new round of clashes with the "
        "militants in the Southwestern parts of Aleppo."
    )
    assert got["syrian-arab-army"] == "agent"


def test_an_including_list_inside_the_subject_is_stepped_over() -> None:
    got = roles(
        "Al-Nusra militants including elements holding foreign nationalities tried to "
        "infiltrate into the East Ghouta."
    )
    assert got["al-nusra-front"] == "agent"
    # "including" a name's modifier and a noun, no verb: nothing is done
    got = roles(
        "Turkey claims the PYD enjoys close connections with the PKK terrorist organization "
        "including militant and ammunition support through underground tunnels."
    )
    assert got["pkk"] == "mentioned"


def test_a_side_and_its_ally_are_two_doers() -> None:
    got = roles(
        "Intense bombardment by the Assad regime and its ally Russia killed over 80 civilians "
        "in Aleppo on Friday."
    )
    assert got == {"syrian-government": "agent", "russia": "agent"}
    got = roles(
        "The massacre came amid the brutal onslaught by the Assad regime as well as its Russian "
        "and Iranian allies on the besieged eastern Aleppo."
    )
    assert got == {"syrian-government": "agent", "russia": "agent", "iran": "agent"}


def test_what_was_taken_from_a_side_and_the_blow_it_was_dealt_make_it_the_target() -> None:
    got = roles("ISIL executed 24 civilians after taking Buyir from the Syrian Democratic Forces.")
    assert got["sdf"] == "target"
    got = roles("Kurdish forces dealt a blow to ISIS by capturing an important town on Friday.")
    assert got["islamic-state"] == "target"
    got = roles("The army inflicted heavy losses on ISIS in Palmyra.")
    assert got["islamic-state"] == "target"


def test_a_kurdish_arab_alliance_is_the_sdf_and_the_condemned_did_the_deed() -> None:
    got = roles(
        "The Takfiri ISIL group has executed at least 24 civilians after seizing a village from "
        "a US-backed Kurdish-Arab alliance a monitor said Friday."
    )
    assert got["sdf"] == "target"
    got = roles(
        "Islamic State was condemned on Friday in a U.N. Security Council resolution for gross "
        "abuses of human rights."
    )
    assert got["islamic-state"] == "agent"
    # condemned with no deed named: whoever condemns it, it did nothing here
    assert roles("Russia was condemned by the opposition.").get("russia") != "agent"


def test_a_people_before_for_or_of_is_still_its_state() -> None:
    assert roles("Residents blame the Russians for the attacks on Aleppo.") == {"russia": "agent"}
    assert roles("They accused the Turks of shelling the village.").get("turkey") == "agent"


def test_the_turkish_regime_is_turkey_and_first_is_stepped_over() -> None:
    got = roles("The Turkish regime still supports Jabhat al-Nusra and provides it with weapons.")
    assert got["turkey"] == "agent"
    assert roles("Russia first began its air campaign in Syria in 2015.") == {"russia": "agent"}
    got = roles("More than 12000 people have been tortured to death by the Syrian regime.")
    assert got == {"syrian-government": "agent"}


def test_a_blow_dealt_to_them_or_the_militants_is_the_named_groups() -> None:
    got = roles(
        "Russian jets carried out combat flights over ISIL concentration centers in Homs "
        "province and inflicted major losses on the militants."
    )
    assert got == {"russian-air-force": "agent", "islamic-state": "target"}
    # a blow whose object names its own group leaves the others as they are
    got = roles(
        "On Saturday the SDF after days of battle and inflicting heavy casualties on the ISIL "
        "terrorists won back the hospital."
    )
    assert got.get("sdf") != "target"
