"""Issue 10, error class 4 (actors and roles), fourth pass: each cause fixed is pinned by a
sentence written on its pattern (docs/annotation.md §6), run through the whole extraction."""

from __future__ import annotations

from tests.extraction.test_roles_issue10b import roles

# a people named for its state's side ---------------------------------------------------


def test_the_russians_and_the_turks_are_their_states() -> None:
    got = roles(
        "The Russians and the Turks shelled the town of Afrin held by the Kurds on Monday, "
        "the newspaper reported."
    )
    assert got == {"russia": "agent", "turkey": "agent", "ypg": "mentioned"}


def test_a_foreign_adjective_still_blocks_a_people() -> None:
    got = roles("Iraqi Kurds shelled the town of Sinjar on Monday, the newspaper reported.")
    assert "ypg" not in got


# the claimant's own mention is its attribution, not an actor of the content ------------


def test_a_speaker_named_before_its_description_is_not_an_actor_too() -> None:
    got = roles(
        "The Observatory a Britain-based war monitor said warplanes struck the town of "
        "Saraqeb on Monday killing four civilians."
    )
    assert "sohr" not in got


def test_the_office_of_a_person_who_speaks_is_not_an_actor() -> None:
    got = roles(
        "Rami Abdulrahman who runs the Syrian Observatory for Human Rights said Russian "
        "jets struck the town of Saraqeb on Monday."
    )
    assert "sohr" not in got
    assert got["russian-air-force"] == "agent"


def test_the_source_an_agency_cites_is_not_an_actor() -> None:
    got = roles(
        "Terrorists shelled the al-Khalidiye neighborhood of Aleppo killing a child SANA "
        "reported citing a source at the Aleppo Police Command."
    )
    assert "aleppo-police-command" not in got


def test_a_body_that_speaks_keeps_the_deeds_of_its_relative_clause() -> None:
    got = roles(
        "The US-led coalition which launched an air war against IS last year said it had "
        "carried out strikes on Raqqa on Monday."
    )
    assert got.get("islamic-state") == "target"


# a list set off by dashes shares its role ------------------------------------------------


def test_actors_listed_between_dashes_share_the_role() -> None:
    got = roles(
        "Regime helicopters - along with Russian and Syrian warplanes - have struck a market "
        "in the town of Saraqeb on Monday."
    )
    assert got == {"syrian-air-force": "agent", "russian-air-force": "agent"}


# a medium that neither acts nor suffers is a channel --------------------------------------


def test_a_medium_that_shows_footage_is_no_actor() -> None:
    got = roles(
        "State TV rolled footage from the scene of the blast in Qamishli showing rubble "
        "strewn across the road on Monday."
    )
    assert "syrian-state-media" not in got


def test_a_medium_that_was_hit_stays_a_target() -> None:
    got = roles("An air strike hit the offices of SANA in Aleppo on Monday killing a guard.")
    assert got.get("sana") == "target"


# two adjectives joined by a hyphen share the head ---------------------------------------


def test_both_brokers_of_a_hyphenated_pair_are_named() -> None:
    got = roles(
        "The attack in Urum al-Kubra ended a Russian-US brokered ceasefire that came into "
        "force on September 12, the agency reported."
    )
    assert got.get("russia") == "mentioned" and got.get("united-states") == "mentioned"


def test_an_actor_after_but_also_shares_the_role() -> None:
    got = roles("Ankara said its jets are bombing IS but also the YPG near the town of Afrin.")
    assert got == {"islamic-state": "target", "ypg": "target"}


# the victims named after a copula ---------------------------------------------------------


def test_the_dead_that_were_fighters_of_an_actor_make_it_a_target() -> None:
    got = roles(
        "Most of the dead in the shelling of the town of Tal Rifaat were YPG fighters, the "
        "monitor said on Monday."
    )
    assert got.get("ypg") == "target"
