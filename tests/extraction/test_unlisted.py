"""Places the gazetteer lacks, named as places and placed by their sentence (unlisted.py)."""

from __future__ import annotations

from app.extraction import extract
from app.extraction.types import PlaceMention


def unlisted(text: str) -> list[PlaceMention]:
    return [p for p in extract(text).places if p.unlisted is not None]


def test_a_village_is_filed_under_the_governorate_its_sentence_names():
    text = (
        "Russian jets struck the village of Almehemdiya in western rural Deir Ezzor killing "
        "19 civilians. The attack on Almehemdiya was condemned."
    )
    found = unlisted(text)
    assert [p.surface for p in found] == ["Almehemdiya", "Almehemdiya"]
    u = found[0].unlisted
    assert u is not None
    assert (u.name, u.kind, u.parent, u.governorate) == (
        "Almehemdiya",
        "village",
        "deir-ez-zor-governorate",
        "Deir ez-Zor",
    )
    assert {p.key for p in found} == {"almehemdiya-in-deir-ez-zor-governorate"}


def test_a_district_of_a_named_city_lies_in_that_city():
    text = "Rebel shells hit the al-Khalidiye neighborhood in Aleppo killing a child."
    [p] = unlisted(text)
    assert p.surface == "al-Khalidiye" and p.unlisted is not None
    assert (p.unlisted.kind, p.unlisted.parent) == ("neighbourhood", "aleppo")


def test_a_district_named_beside_another_district_of_a_city_lies_in_that_city():
    """The FA-KES dev article 1923848269: Qaterji is one of Aleppo's districts, so the
    Mayssar neighbourhood named beside it is too, not somewhere in Aleppo governorate (which
    made SOHR's nine and two dead there a revision of its own toll for the city)."""
    text = (
        "The Syrian Observatory for Human Rights said nine civilians were killed in Qaterji "
        "and two others died in the Mayssar neighbourhood of the city."
    )
    [p] = unlisted(text)
    assert p.surface == "Mayssar" and p.unlisted is not None
    assert (p.unlisted.kind, p.unlisted.parent) == ("neighbourhood", "aleppo")


def test_a_name_placed_in_another_sentence_is_placed_there():
    text = (
        "Over 110 militants were killed in the village of Shalaf a military source said. "
        "The army destroyed hideouts in Shalaf village 50 kilometers from the city of Lattakia."
    )
    found = unlisted(text)
    assert len(found) == 2 and {p.unlisted.governorate for p in found if p.unlisted} == {"Latakia"}


def test_unplaced_adjectives_and_known_places_are_not_unlisted():
    assert unlisted("Rockets hit the village of Qurtuba wounding four people.") == []
    assert unlisted("Shells fell on the Kurdish town in Hasakah province.") == []
    assert unlisted("Troops entered the town of Manbij in Aleppo province.") == []


def test_a_sentence_naming_no_place_goes_on_from_the_one_before():
    text = (
        "Government forces shelled towns in Idlib province on Monday. Warplanes also struck "
        "the Haas village killing a teacher, the monitor said."
    )
    [p] = unlisted(text)
    assert p.surface == "Haas" and p.unlisted is not None
    assert (p.unlisted.kind, p.unlisted.parent) == ("village", "idlib-governorate")


def test_a_place_far_before_its_sentence_does_not_place_it():
    text = (
        "Government forces shelled towns in Idlib province on Monday. "
        + "The talks in Geneva went on without any result for the whole of the week. " * 6
        + "Warplanes struck the Haas village killing a teacher, the monitor said."
    )
    assert unlisted(text) == []


def test_a_list_after_the_towns_of_keeps_the_names_the_gazetteer_lacks():
    text = (
        "Airstrikes targeted the towns of Tal Minnis Sarmada and Maaret Alnouman in Idlib "
        "province on Monday."
    )
    found = {p.surface: p for p in extract(text).places}
    assert {"Tal Minnis", "Sarmada", "Maaret Alnouman"} <= set(found)
    u = found["Tal Minnis"].unlisted
    assert u is not None and (u.kind, u.parent) == ("town", "idlib-governorate")


def test_a_town_a_nationality_puts_abroad_is_not_filed_in_syria():
    text = (
        "The blast shattered windows in the nearby Turkish town of Nusaybin across the border "
        "from Qamishli. Two people were hurt in Nusaybin, a witness said."
    )
    assert unlisted(text) == []


def test_a_town_the_words_around_it_put_abroad_is_abroad_wherever_it_is_named():
    for text in (
        # a nationality a word or two before the kind word; named again without it
        "Explosions near Aleppo could be heard from the Turkish border town of Kilis, "
        "witnesses said. Rockets fired from Aleppo later hit the border city of Kilis.",
        # a region abroad before it, and the region itself before the kind word
        '"The regime was behind it" Fabius told reporters near Damascus during a visit to '
        "the West Bank city of Ramallah.",
        # the country's side or a province abroad right after it
        "Gunfire near Raqqa was audible from the town of Akcakale on the Turkish side.",
        "Forces near Deir ez-Zor retook the cities of Ramadi and Fallujah in western Anbar "
        "province.",
    ):
        assert unlisted(text) == [], text
    # a Syrian village by the border, or struck by a foreign air force, stays in Syria
    text = (
        "Shells hit the village of Thalthana on the Turkish border near Aleppo. Russian "
        "raids on village of Haasa near Idlib killed two."
    )
    assert [p.surface for p in unlisted(text)] == ["Thalthana", "Haasa"]


def test_words_that_describe_rather_than_name_are_no_unlisted_place():
    for text in (
        "Both towns near Idlib are under jihadist control, activists said.",
        "Insurgent-held districts in Aleppo came under fire on Monday.",
        "Terrorist Rocket Attacks Town in Aleppo",
    ):
        assert unlisted(text) == [], text
    text = "Shells hit Both towns and the village of Thalthana near Aleppo on Monday."
    assert [p.surface for p in unlisted(text)] == ["Thalthana"]


def test_a_name_right_before_in_and_a_syrian_place_is_an_unlisted_place():
    text = "An air raid on Kafr Zeitoun in southern Hama province killed two people."
    assert [(p.surface, p.unlisted.governorate) for p in unlisted(text)] == [
        ("Kafr Zeitoun", "Hama")
    ]


def test_a_name_before_a_place_abroad_or_a_month_is_no_unlisted_place():
    for text in (
        "Talks in Geneva in March failed to end the war.",
        "Strikes hit targets in Mosul in northern Iraq on Monday.",
    ):
        assert unlisted(text) == []


def test_a_name_the_text_calls_a_city_is_an_unlisted_city():
    text = (
        "In Quneitra one civilian was killed by rocket and mortar shells fired by terrorists "
        "on Khan Arnabeh and al-Baath cities."
    )
    [p] = unlisted(text)
    assert p.surface == "al-Baath" and p.unlisted is not None
    assert (p.unlisted.kind, p.unlisted.governorate) == ("city", "Quneitra")


def test_a_name_opening_with_a_word_of_places_is_a_place() -> None:
    text = (
        "The army destroyed rebel bases in Khan al-Assad and Kherbat Hajam west of Aleppo "
        "killing dozens of terrorists."
    )
    found = {p.surface: p.unlisted for p in unlisted(text)}
    assert set(found) == {"Khan al-Assad", "Kherbat Hajam"}
    assert all(u is not None and u.governorate == "Aleppo" for u in found.values())
