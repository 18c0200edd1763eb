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


def test_a_lone_word_spelling_a_places_consonants_is_that_place():
    text = (
        "Regime forces also shelled the towns of Arbin Kafarbatna Jisreen with heavy "
        "artillery. Rocket shells fell on al-Foaa and Kafrya in Idleb countryside."
    )
    assert keys(text) == [
        "arbin",
        "kafr-batna",
        "jisreen",
        "al-fuaa",
        "kafraya",
        "idlib-governorate",
    ]
    text = "Mortar attacks on al-Sqeilbiyeh city and al-Jaberiyeh village in Hama province"
    assert keys(text)[0] == "as-suqaylibiyah"


def test_a_consonant_spelling_is_refused_without_a_place_nearby_or_a_place_cue():
    # "Russia Direct" is a medium; Zebdin is not Zabadani (Zebdin ends in a consonant);
    # "Kafrya" with no place near it says nothing of which Kafraya it is
    assert keys("an interview from Russia Direct on US strikes") == ["russia"]
    assert "zabadani" not in keys("in the farms of Zebdin town in al-Mleiha area of Damascus")
    assert keys("Kafrya was shelled") == []


def test_a_side_of_a_city_that_is_its_own_governorate_is_the_city():
    # Damascus Governorate is the city; its countryside is Rif Dimashq
    text = "airstrikes targeting the districts of Qaboun and Barzah in eastern Damascus"
    assert keys(text) == ["qaboun", "barzeh", "damascus"]
    assert keys("in northwestern Idlib") == ["idlib-governorate"]


def test_a_place_name_with_a_family_name_before_a_building_is_a_persons_name():
    text = "Two explosions near the Akrameh al-Makhzumi school caused deaths"
    assert keys(text) == []
    assert keys("wounded were taken to the Azaz hospital") == ["azaz"]
    assert keys("shelling in Aleppo al-Razi hospital") == ["aleppo"]


def test_a_part_of_a_city_followed_by_city_names_the_city_too():
    text = "terrorists in the eastern neighborhoods of Aleppo city fired rocket shells"
    assert keys(text) == ["east-aleppo", "aleppo"]
    assert keys("weapons brought into eastern neighbourhoods of Aleppo.") == ["east-aleppo"]


def test_a_country_after_with_is_a_place_only_after_a_border():
    text = "the minister proposed joint operations with Russia against the common enemy"
    assert keys(text) == []
    assert keys("clashes near the border with Iraq") == ["iraq"]
    assert keys("a key border crossing with Turkey at Kasab") == ["turkey", "kessab"]


def test_the_eastern_parts_of_aleppo_are_east_aleppo():
    text = "Around 200000 people lived in rebel-held eastern parts of Aleppo"
    assert keys(text) == ["east-aleppo"]
    assert keys("shells hit western parts of Aleppo") == ["west-aleppo"]
