from datetime import date
from pathlib import Path

import pytest

from app.extraction.published import find_published, title_end

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.mark.parametrize(
    ("text", "expected", "surface"),
    [
        ("Wed 05 Apr 2017 Syria attack symptoms consistent", date(2017, 4, 5), "Wed 05 Apr 2017"),
        (
            "Date of publication 4 October 2016 Coalition planes targeted wells",
            date(2016, 10, 4),
            "4 October 2016",
        ),
        ("17-08-2013 17 Killed as Qaeda Attacks Syria Kurd Town.", date(2013, 8, 17), "17-08-2013"),
        ("24.08.2013 Syrian state media accused rebels", date(2013, 8, 24), "24.08.2013"),
        ("Last updated at Nov 01 2017 BEIRUT Syrian air strikes", date(2017, 11, 1), "Nov 01 2017"),
        ("Last updated at Apr 232017 An Israeli attack", date(2017, 4, 23), "Apr 232017"),
        ("Sunday, 30 October 2016 Aleppo SANA", date(2016, 10, 30), "Sunday, 30 October 2016"),
        ("2016-10-30 21:45:12 DAMASCUS, Oct. 30 (Xinhua) --", date(2016, 10, 30), "2016-10-30"),
        (
            "Sun Oct 30, 2016 | 4:15pm EDT BEIRUT (Reuters) -",
            date(2016, 10, 30),
            "Sun Oct 30, 2016",
        ),
        ("Posted on April 4 2017 by Asharq Al-Awsat English", date(2017, 4, 4), "April 4 2017"),
        ("Published February 18 2015 The Syrian army", date(2015, 2, 18), "February 18 2015"),
        ("Fri Sep 27 2013 Bomb blast kills 60", date(2013, 9, 27), "Fri Sep 27 2013"),
        ("March 28th, 2016 - The army retook Palmyra", date(2016, 3, 28), "March 28th, 2016"),
        ("the 1st of March 2016: troops advance", date(2016, 3, 1), "the 1st of March 2016"),
    ],
)
def test_header_formats(text, expected, surface):
    found = find_published(text)
    assert found is not None
    assert (found.value, found.precision, found.surface) == (expected, "day", surface)
    assert text[found.start : found.end] == found.surface


def test_date_after_the_headline_and_agency():
    title = "Air raids kill 11 civilians in east Syria Monitor"
    text = f"{title} AFP Friday 15 Jul 2016 At least 11 civilians were killed"
    found = find_published(text, title=title)
    assert found is not None and found.value == date(2016, 7, 15)


def test_date_after_the_headline_on_a_sana_page():
    title = "8 persons killed 58 others injured in terrorist rocket attacks on Aleppo city"
    text = f"{title} 6 October 2016 Aleppo SANA-Terrorist organizations fired tens of shells"
    assert find_published(text, title=title).value == date(2016, 10, 6)


def test_the_first_header_date_wins_over_a_later_updated_one():
    text = "05.10.2017(updated 1935 06.10.2017) Get short URL A mortar attack"
    assert find_published(text).value == date(2017, 10, 5)


def test_event_dates_in_the_body_are_not_publication_dates():
    text = (
        "The Syrian army retook the city. "
        + "Fighting continued around the ancient ruins for days. " * 6
        + "It was first captured on March 28th 2016 by the army."
    )
    assert find_published(text) is None


def test_event_date_behind_a_preposition_in_the_header_is_skipped():
    text = "The army retook Palmyra on March 27 2016 after weeks of fighting."
    assert find_published(text) is None


def test_month_and_year_is_a_fallback_with_month_precision():
    found = find_published("Updated October 2016 Aleppo residents fled the fighting")
    assert found is not None and (found.value, found.precision) == (date(2016, 10, 1), "month")


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_seeds_state_no_publication_date(prefix):
    text = next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")
    assert find_published(text) is None


def test_title_end_ignores_stripped_punctuation_and_site_suffix():
    title = "Outrage as Syria's 'chemical attack' kills dozens | Jordan Times"
    text = "Outrage as Syrias chemical attack kills dozens KHAN SHEIKHUN Syria"
    end = title_end(text, title)
    assert text[:end] == "Outrage as Syrias chemical attack kills dozens"


def test_title_end_requires_the_title_near_the_start():
    title = "Syrian army advances near Aleppo"
    assert title_end("x" * 300 + " " + title, title) is None
    assert title_end("An unrelated lede about Homs", title) is None
