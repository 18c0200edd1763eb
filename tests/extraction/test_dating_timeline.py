"""Issue 10, event dates (docs/annotation.md §5) of fresh3's causes: in a timeline a date
heading stands bare before the entry it dates, and a page may repeat the timeline without
its headings; a state told in the present stands at the reference day."""

from __future__ import annotations

from datetime import date

from tests.extraction.test_error_classes import claim, dated, run

TIMELINE = (
    "Rebel shells killed four civilians in Aleppo on Wednesday, a monitor said. "
    "The monitor said three of the dead were children from one family. "
    "Government aircraft answered with raids on the rebel-held districts of the east, "
    "residents said, and the main road out of the city was closed to traffic. "
    "May 2012 Government troops storm the rebel-held town of Qusayr after weeks of shelling. "
    "Dozens of fighters are killed in the assault. "
    "2015 Islamic State fighters capture the desert town of Palmyra. "
    "Map of the front lines June 2016 Rebels break the siege of eastern Aleppo. "
    "Hundreds of families flee towards Idlib."
)
MAY_2012 = (date(2012, 5, 1), date(2012, 5, 31))
YEAR_2015 = (date(2015, 1, 1), date(2015, 12, 31))
JUNE_2016 = (date(2016, 6, 1), date(2016, 6, 30))


def test_a_timeline_heading_dates_its_entry_and_the_sentences_after_it() -> None:
    x = run(TIMELINE)
    assert dated(claim(x, TIMELINE, "storm the rebel-held town")) == MAY_2012
    # told in the present, yet the rest of the entry: not the reference day
    assert dated(claim(x, TIMELINE, "Dozens of fighters")) == MAY_2012
    # a bare year heading at the head of a sentence is a date too
    assert dated(claim(x, TIMELINE, "capture the desert town")) == YEAR_2015
    # a caption without a full stop runs into the next heading
    assert dated(claim(x, TIMELINE, "break the siege")) == JUNE_2016
    assert dated(claim(x, TIMELINE, "Hundreds of families")) == JUNE_2016


def test_a_timeline_repeated_without_its_headings_carries_their_dates() -> None:
    repeat = (
        " Government troops storm the rebel-held town of Qusayr after weeks of shelling. "
        "Islamic State fighters capture the desert town of Palmyra. "
        "Map of the front lines Rebels break the siege of eastern Aleppo."
    )
    text = TIMELINE + repeat
    x = run(text)
    second = [c for c in x.claims if c.start >= len(TIMELINE)]
    got = {text[c.start : c.end].split()[-1]: dated(c) for c in second}
    assert got == {"shelling.": MAY_2012, "Palmyra.": YEAR_2015, "Aleppo.": JUNE_2016}


def test_a_year_in_the_middle_of_a_sentence_is_no_heading() -> None:
    text = (
        "Rebels shelled the town of Mhardeh on Thursday killing two children, activists said. "
        "The army said it retook the town in 2013 Syrian state media reported."
    )
    x = run(text)
    assert dated(claim(x, text, "retook the town")) == (date(2013, 1, 1), date(2013, 12, 31))
    assert dated(claim(x, text, "Mhardeh")) == (date(2016, 8, 11),) * 2


def test_a_date_in_a_past_perfect_relative_clause_is_what_came_before() -> None:
    text = (
        "Turkish jets struck Kurdish fighters near Afrin on Tuesday, the army said. "
        "The strikes hit militias which had in 2014 taken the villages from Islamic State."
    )
    x = run(text)
    assert dated(claim(x, text, "which had in 2014")) == (date(2016, 8, 9),) * 2


def test_a_state_told_in_the_present_stands_at_the_reference_day() -> None:
    text = (
        "Rebels shelled the town of Mhardeh on Thursday killing two children, activists said. "
        "The local truce excludes the Islamic State group. "
        "Hunger threatens thousands of families in the besieged eastern districts."
    )
    x = run(text)
    today = (date(2016, 8, 12),) * 2
    assert dated(claim(x, text, "truce excludes")) == today
    assert dated(claim(x, text, "Hunger threatens")) == today


def test_a_whole_war_told_in_an_entry_is_no_part_of_its_heading() -> None:
    text = TIMELINE + (
        " The conflict has left more than 320000 people dead according to the Syrian "
        "Observatory for Human Rights."
    )
    assert dated(claim(run(text), text, "320000 people dead")) is None


def test_a_heading_ends_with_its_entry() -> None:
    after = (
        " The long war has emptied whole towns of northern Syria, which lost most of their "
        "people to the camps along the Turkish border and to the cities of the coast, and "
        "aid agencies were unable to reach many of those who remained behind the front "
        "lines, where food and fuel grew scarce through the winter and the spring. "
        "Schools and clinics closed one after another as teachers and doctors left. "
        "Rebels shelled the village of Kafr Nabl in Idlib province, killing two children, "
        "residents said."
    )
    text = TIMELINE + after
    assert dated(claim(run(text), text, "Kafr Nabl")) is None
