"""One spelling, several places: the words around a mention settle it, and an article means
one place by one spelling (places.find_places)."""

from __future__ import annotations

from app.extraction.places import find_places

# a round-up that names Aleppo's districts before it turns to Quneitra: the governorates
# the unambiguous names favour are Aleppo's, where al-Hadir (also spelled "Hadar") lies
ROUND_UP = (
    "Terrorists fired rocket shells on al-Hamadaniye and Salah-Eddin neighborhoods in Aleppo "
    "city and on Nubbul town in the northern countryside of Aleppo. "
    "A person was injured due to a terrorist rocket attack on Hadar village in the "
    "countryside of Quneitra province. A source told SANA that terrorist groups targeted "
    "with a rocket shell Hadar village injuring one person."
)


def _keys(text: str, surface: str) -> list[str]:
    return [p.key for p in find_places(text) if p.surface == surface]


def test_a_settlement_word_before_in_still_places_the_name():
    # "Hadar village in the countryside of Quneitra": the village word sits between the
    # name and "in"
    assert _keys(ROUND_UP, "Hadar")[0] == "hadar-quneitra"


def test_the_same_spelling_later_in_the_article_is_the_same_place():
    # the second "Hadar village" has no governorate beside it: it is the Hadar the article
    # placed in Quneitra, not the namesake the article's other names favour
    assert _keys(ROUND_UP, "Hadar") == ["hadar-quneitra", "hadar-quneitra"]


def test_a_district_named_once_in_its_city_is_that_citys_later_too():
    text = (
        "Two rocket shells hit al-Zahraa neighborhood in Homs city in the central province "
        "of Homs. Aleppo, Nubbul and Tal Rifaat were quiet, but shells fired from the northern "
        "countryside landed in al-Zahraa neighborhood causing material damage."
    )
    assert _keys(text, "al-Zahraa neighborhood") == ["al-zahra-homs", "al-zahra-homs"]


def test_two_contexts_that_disagree_settle_nothing():
    # each mention placed by its own words; neither decides the other's
    text = (
        "A shell hit Hadar village in the countryside of Quneitra province. Another hit "
        "Hadar in Aleppo province."
    )
    assert _keys(text, "Hadar") == ["hadar-quneitra", "al-hadir"]


def test_the_city_of_after_in_places_a_district():
    # "in the city of Homs": the words between the district and the city it is in
    text = (
        "Aleppo Aleppo Aleppo. Four citizens were killed due to a terrorist rocket attack on "
        "al-Zahraa neighborhood in the city of Homs."
    )
    assert _keys(text, "al-Zahraa neighborhood") == ["al-zahra-homs"]


def test_a_district_word_inside_the_name_still_looks_for_its_city():
    # the gazetteer knows "Zahra neighbourhood" whole (in Aleppo and in Homs): "of Aleppo"
    # after it settles which
    text = "Homs Homs Homs. Rebel fighters attacked the Zahra neighbourhood of Aleppo."
    assert _keys(text, "Zahra neighbourhood") == ["jamiyat-al-zahraa"]
    text = "Aleppo Aleppo Aleppo. Rockets hit the Zahra neighbourhood in Homs."
    assert _keys(text, "Zahra neighbourhood") == ["al-zahra-homs"]


def _unlisted(text: str) -> list[str]:
    from app.extraction import extract

    return [p.surface for p in extract(text).places if p.unlisted is not None]


def test_a_run_of_names_with_two_known_towns_is_a_list_of_towns():
    # the commas stripped: the names the gazetteer lacks between the known ones are towns
    text = (
        "The army targeted terrorist positions in Tibet al-Imam al-Masasneh al-Lahaya "
        "al-Latamneh Morek Kafr Zita and Jana al-Ulbawi in Hama countryside."
    )
    assert _unlisted(text) == ["al-Masasneh", "Jana al-Ulbawi"]


def test_a_run_that_names_a_country_is_no_list_of_towns():
    # a tag line or the page's furniture
    text = "Tags Syria Khan Sheikhun Maaret al-Numan Idlib airstrikes. Jets hit Idlib."
    assert _unlisted(text) == []


def test_one_known_town_makes_no_list():
    text = "Fighters from Jaish al-Fatah attacked Morek Halfaya Kafrnboudeh at dawn."
    assert "Halfaya Kafrnboudeh" not in _unlisted(text)


def test_a_road_or_a_site_is_named_with_its_kind_word():
    text = (
        "Terrorists fired 6 mortar shells on al-Wafideen Camp in Damascus Countryside. "
        "Two shells hit Qurtuba roundabout in Aleppo injuring 2 civilians. "
        "A rocket shell fell on al-Kallasa Street in Aleppo city."
    )
    assert _unlisted(text) == ["al-Wafideen Camp", "Qurtuba roundabout", "al-Kallasa Street"]


def test_an_area_or_a_region_is_named_without_it():
    text = (
        "Clashes went on in the Asfar Najjar area near Hasaka. Jets struck Almarj area in "
        "Eastern Ghouta. The army advanced towards the Jabal al-Rahmalia region in Latakia."
    )
    assert _unlisted(text) == ["Asfar Najjar", "Almarj", "Jabal al-Rahmalia"]


def test_a_headline_in_capitals_names_no_checkpoint():
    text = "Suicide Blasts Target Checkpoint near Damascus. Two blasts hit the city."
    assert _unlisted(text) == []


def test_a_place_an_actor_is_based_in_is_no_place_of_the_claim():
    from app.extraction import extract

    text = "Damascus-based Shaam News Network put the number at 60 in Douma."
    r = extract(text)
    assert [p.key for c in r.claims for p in c.places] == ["douma"]


def test_a_clause_describing_the_speaker_places_nothing():
    from app.extraction import extract

    text = (
        "US Central Command which oversees US military operations in the Middle East said "
        "it had begun an assessment of the strike in Raqqa."
    )
    (claim,) = extract(text).claims
    assert [p.key for p in claim.places] == ["raqqa"]
    # where the speakers are still places the claim ("medics in Aleppo")
    text = "The Observatory which relies on medics in Aleppo said 20 people were killed there."
    (claim,) = extract(text).claims
    assert [p.key for p in claim.places] == ["aleppo"]


def test_a_river_is_a_place_of_the_governorate_its_sentence_names():
    text = (
        "Strikes hit the village of Al-Shafah on the eastern bank of the Euphrates River in "
        "Deir Ezzor province."
    )
    assert _unlisted(text) == ["Al-Shafah", "Euphrates River"]
