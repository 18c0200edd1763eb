"""Places, stop 44 (errors of fresh4 and fresh6, development data since stop 43): each rule
pinned by a sentence of its pattern (docs/annotation.md §7)."""

from __future__ import annotations

from tests.extraction.test_places_round3 import keys


def test_a_country_s_largest_city_places_the_country() -> None:
    assert "syria" in keys("With Syrias largest city devastated many residents have fled.")
    assert "syria" in keys("Syrias most populous city was hit again.")


def test_a_country_s_institutions_do_not_place_it() -> None:
    assert "syria" not in keys("Syrias state news agency said five were killed.")
    assert "syria" not in keys("Syrias commercial capital was hit again.")


def test_a_tribe_named_after_a_town_is_no_place() -> None:
    text = "Fighters from the al-Sheitaat tribe in eastern Deir al-Zor resisted the advance."
    assert keys(text) == ["deir-ez-zor-governorate"]
    assert "al-shaitat" in keys("Islamic State fighters entered al-Shaitat on Sunday.")


def test_a_region_called_a_district_is_the_region() -> None:
    assert keys("Air strikes hit the Eastern Ghouta district.") == ["eastern-ghouta"]


def test_a_country_s_name_before_its_army_is_the_state_not_a_place() -> None:
    assert keys("Syria army had responded with air strikes on Douma.") == ["douma"]
    assert "syria" in keys("In Syria government forces advanced on Douma.")
