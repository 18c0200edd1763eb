"""Issue 10, error class 4 (actors and roles), seventh pass (errors of dev, fresh, fresh2 and
fresh3): each cause fixed is pinned by a sentence written on its pattern (docs/annotation.md
§6), run through the whole extraction."""

from __future__ import annotations

from tests.extraction.test_roles_issue10b import roles

# the army named by its loyalty or its leader --------------------------------------------


def test_forces_loyal_to_the_president_named_in_full_are_the_army() -> None:
    got = roles(
        "Some 450000 people are besieged by forces loyal to Syrian President Bashar al-Assad."
    )
    assert got == {"syrian-arab-army": "agent"}


def test_the_presidents_forces_are_the_army_and_act() -> None:
    got = roles("The Syrian opposition says President Bashar al-Assads forces staged the attack.")
    assert got["syrian-arab-army"] == "agent"
