"""Places, round 3 (docs/annotation.md §7): each rule pinned by a sentence of its pattern."""

from __future__ import annotations

from app.extraction.places import find_places


def keys(text: str) -> list[str]:
    return [m.key for m in find_places(text)]


def test_the_countryside_on_one_side_of_a_city_is_its_governorate():
    text = "areas including al-Sukkari and Janah al-Salama in the countryside east of Aleppo."
    assert keys(text)[-1] == "aleppo-governorate"


def test_names_listed_after_provinces_of_are_governorates():
    text = "The town links the three provinces of Homs Idlib and Lattakia."
    assert keys(text) == ["homs-governorate", "idlib-governorate", "latakia-governorate"]


def test_a_province_neighbouring_a_named_province_is_a_province_too():
    text = "civilians killed in Deir Ezzor and neighbouring Raqqa province where the SDF fights"
    assert keys(text) == ["deir-ez-zor-governorate", "raqqa-governorate"]
    assert keys("between Deir Ezzor and Raqqa") == ["deir-ez-zor", "raqqa"]


def test_a_seat_of_government_standing_for_its_state_is_no_place():
    text = (
        "Britain called on Damascus to give U.N. inspectors access to the site. Moscow "
        "defended its Damascus ally. Inspectors asked whether Damascus is adhering to its "
        "commitments."
    )
    assert keys(text) == []
    assert keys("Activists in Damascus said the road to Damascus was cut") == [
        "damascus",
        "damascus",
    ]
