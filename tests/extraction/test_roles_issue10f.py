"""Issue 10, error class 4 (actors and roles), sixth pass (fresh3's errors): each cause fixed
is pinned by a sentence written on its pattern (docs/annotation.md §6), run through the whole
extraction."""

from __future__ import annotations

from tests.extraction.test_roles_issue10b import roles

# an Israeli aircraft named in the singular is the Israeli military -----------------------


def test_a_single_israeli_drone_is_the_israeli_military_and_the_agent() -> None:
    got = roles("An Israeli drone struck a car near Quneitra killing two Hezbollah fighters.")
    assert got["israeli-military"] == "agent" and got["hezbollah"] == "target"
