"""Actors and roles, stop 47: a state's servicemen, troops and army named by its adjective
or by its name with the apostrophe lost ("17 Turkish servicemen", "Israels army",
"Russias military"), and "an Israeli attack" is Israel's."""

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
