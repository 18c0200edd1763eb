"""Places, stop 47: a part of a city whose name runs on into a governorate's ("the eastern
parts of Aleppo province") is the governorate, not the city's eastern districts."""

from __future__ import annotations

from app.extraction.places import find_places


def _keys(text: str) -> list[str]:
    return [p.key for p in find_places(text)]


def test_a_city_part_running_on_into_a_province_is_the_province() -> None:
    text = "Two depots were destroyed in Kafr Hamra in the Eastern parts of Aleppo province."
    assert _keys(text) == ["kafr-hamra", "aleppo-governorate"]
    # the city's part alone, or followed by "city", stays the part
    assert _keys("Shells hit the eastern parts of Aleppo on Sunday.") == ["east-aleppo"]
    assert "east-aleppo" in _keys("Shells hit the eastern part of Aleppo city on Sunday.")
    # a countryside is no part of a city: it keeps its name before "province"
    text = "A landmine exploded in Jarez village in the northern countryside of Aleppo province."
    assert "northern-aleppo-countryside" in _keys(text)


def test_a_citys_countryside_is_its_governorate() -> None:
    text = "A rocket shell hit al-Hader town in Aleppos southern countryside on Friday."
    assert _keys(text) == ["al-hadir", "aleppo-governorate"]
    assert _keys("Raids hit Hamas eastern countryside.") == ["hama-governorate"]
    # Damascus's countryside is another governorate, Rif Dimashq
    assert _keys("Shells hit Damascus southern countryside.") == ["rif-dimashq-governorate"]


def test_a_city_and_its_countryside_are_the_city_and_its_governorate() -> None:
    text = "Airstrikes on Aleppo and its countryside killed 54 civilians on Tuesday."
    assert _keys(text) == ["aleppo", "aleppo-governorate"]
    text = "Mortars fell on Damascus and its countryside."
    assert _keys(text) == ["damascus", "rif-dimashq-governorate"]
