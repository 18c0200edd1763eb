"""Dates, stop 47: a day "of last year" is in the year before the reference ("Sept. 30 of
last year" was the whole year), an abbreviated month with its dot names a day ("on Oct.
18"), "from" one month "to" another is one range, and the day of "a Sunday statement" is
the saying's, not the event's."""

from __future__ import annotations

from datetime import date

from app.extraction.dates import find_dates
from tests.extraction.test_error_classes import claim, dated, run

REF = date(2016, 6, 27)


def test_a_day_of_last_year_is_in_the_year_before() -> None:
    found = find_dates("Russia began its air campaign on Sept. 30 of last year.", reference=REF)
    assert [(d.surface, d.date_start, d.precision) for d in found] == [
        ("Sept. 30 of last year", date(2015, 9, 30), "day")
    ]
    found = find_dates("The army took the town on May 5 of last year.", reference=REF)
    assert [d.date_start for d in found] == [date(2015, 5, 5)]
    found = find_dates("The army took the town on 3 May this year.", reference=REF)
    assert [d.date_start for d in found] == [date(2016, 5, 3)]


def test_an_abbreviated_month_with_its_dot_names_a_day() -> None:
    found = find_dates("Moscow declared a pause in strikes on Oct. 18.", reference=REF)
    assert [(d.date_start, d.precision) for d in found] == [(date(2015, 10, 18), "day")]


def test_from_one_month_to_another_is_one_range() -> None:
    found = find_dates("12679 people died of torture from March 2011 to June 2016.", reference=REF)
    assert [(d.date_start, d.date_end, d.precision) for d in found] == [
        (date(2011, 3, 1), date(2016, 6, 30), "month")
    ]
    # two months not opened by "from" or "between" stay two dates
    found = find_dates("It happened in March 2011 and again in June 2016.", reference=REF)
    assert len(found) == 2


def test_the_day_of_a_statement_named_before_it_is_not_the_events() -> None:
    text = (
        "In a Sunday statement the Syrian Network for Human Rights (SNHR) said that 12679 "
        "people died of torture from March 2011 to June 2016."
    )
    got = dated(claim(run(text, published=REF), text, "12679 people"))
    assert got == (date(2011, 3, 1), date(2016, 6, 30))


def test_a_later_statement_about_the_incident_told_keeps_the_incidents_day() -> None:
    # REF is a Monday: the convoy was struck on Saturday, the statement came on Sunday
    text = (
        "An airstrike hit an aid convoy near Aleppo on Saturday killing 20 people, the UN "
        "said. In a statement late on Sunday the Syrian Civil Defence confirmed that Russian "
        "and regime warplanes were behind the deliberate attacks that targeted the convoy."
    )
    got = dated(claim(run(text, published=REF), text, "Civil Defence confirmed"))
    assert got == (date(2016, 6, 25), date(2016, 6, 25))
    # a statement about something else keeps its own day
    text = (
        "An airstrike hit an aid convoy near Aleppo on Saturday killing 20 people, the UN "
        "said. The monitor said on Sunday that 30 civilians were killed in Idlib."
    )
    got = dated(claim(run(text, published=REF), text, "30 civilians"))
    assert got == (date(2016, 6, 26), date(2016, 6, 26))


def test_overnight_alone_is_last_night() -> None:
    found = find_dates("Russian raids claimed 17 lives overnight said the monitor.", reference=REF)
    assert [(d.surface, d.date_start, d.precision) for d in found] == [
        ("overnight", date(2016, 6, 26), "day")
    ]
    # beside a day it names, the day decides
    found = find_dates("Airstrikes overnight Saturday killed five people.", reference=REF)
    assert [d.surface for d in found] == ["Saturday"]


def test_the_last_n_months_are_counted_back_from_the_reference() -> None:
    found = find_dates("550 civilians were killed in the last two months.", reference=REF)
    assert [(d.date_start, d.date_end, d.precision) for d in found] == [
        (date(2016, 4, 28), REF, "month")
    ]
    # "recent months" stay the table's 90 days
    found = find_dates("Raids have intensified in recent months.", reference=REF)
    assert [d.date_start for d in found] == [date(2016, 3, 30)]


def test_a_state_that_still_holds_is_dated_to_the_reference() -> None:
    text = (
        "Kurdish forces killed at least 175 jihadists on Saturday, the Observatory said. "
        '"The bodies of these terrorists are still with the Kurdish militants" said the '
        "Observatory's head."
    )
    got = dated(claim(run(text, published=REF), text, "bodies of these terrorists"))
    assert got == (REF, REF)


def test_a_date_in_a_clause_about_a_nouns_history_is_not_the_claims() -> None:
    text = (
        "Mortar shells hit the Damascus Opera House on Sunday. The attack damaged the Opera "
        "House which was inaugurated by President Bashar al-Assad in 2004."
    )
    got = dated(claim(run(text, published=REF), text, "inaugurated"))
    assert got == (date(2016, 6, 26), date(2016, 6, 26))


def test_years_counted_back_from_now_are_a_duration_not_a_date() -> None:
    text = (
        "Rebel shelling killed two civilians in Aleppo on Friday. ISIL terrorists have been "
        "behind many of the deadly bomb attacks across Syria over the past three years."
    )
    assert dated(claim(run(text, published=REF), text, "over the past")) is None
    # ... unless they describe a noun: the capture keeps the incident's day
    text = (
        "A car bomb exploded in Homs on Friday. The blast comes as the army captured Khaldiyeh "
        "District which has been held by the rebels over the past two years."
    )
    assert dated(claim(run(text, published=REF), text, "Khaldiyeh")) == (
        date(2016, 6, 24),
        date(2016, 6, 24),
    )
