"""Actors and roles, stop 46: a person's name standing as a modifier before a bare head
("the Bashar Assad regime") is stepped over to the "by" before it, as the possessive
"Bashar al-Assads regime" was."""

from __future__ import annotations

from tests.extraction.test_roles_issue10b import roles


def test_a_name_before_a_bare_head_keeps_the_by_phrase_its_agent() -> None:
    got = roles(
        "Al-Faris described the attack as a massacre committed by the Bashar Assad regime "
        "during Ramadan."
    )
    assert got["syrian-government"] == "agent"
    got = roles("Thirty people died in a massacre perpetrated by the Bashar Assad regime.")
    assert got["syrian-government"] == "agent"


def test_a_sponsor_named_so_is_still_no_agent() -> None:
    got = roles("The talks were hosted by the Bashar Assad government in Damascus.")
    assert got.get("syrian-government") != "agent"
