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
