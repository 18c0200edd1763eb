"""Issue 10, error class 4 (actors and roles), ninth pass (errors of dev, fresh, fresh2 and
fresh3): each cause fixed is pinned by a sentence written on its pattern (docs/annotation.md
§6), run through the whole extraction."""

from __future__ import annotations

from tests.extraction.test_roles_issue10b import roles

# the accused of a reduced passive ---------------------------------------------------------


def test_a_name_accused_of_a_deed_without_its_verb_be_is_the_accused() -> None:
    got = roles("Assad accused of freeing jailed extremists to pose as a bulwark against terror")
    assert got["bashar-al-assad"] == "agent"


def test_fighters_accused_of_atrocities_inside_a_clause_are_the_accused() -> None:
    got = roles(
        "On Friday the monitor said IS fighters accused of atrocities are expected to be "
        "added to a UN list."
    )
    assert got["islamic-state"] == "agent"


def test_a_name_that_accuses_another_of_a_deed_is_not_accused() -> None:
    got = roles("Russia accused the rebels of staging the attack.")
    assert got.get("russia") != "agent"
