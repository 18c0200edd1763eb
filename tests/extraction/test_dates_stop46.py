"""Dates, stop 46: a date that names a street, a square or a bridge dates nothing."""

from __future__ import annotations

from datetime import date

from app.extraction.dates import find_dates


def test_a_street_named_after_a_date_is_no_date():
    text = "Mortar shells landed near the bakery and April 7th Street injuring nine on Monday."
    found = find_dates(text, reference=date(2016, 11, 7))
    assert [d.surface for d in found] == ["Monday"]


def test_a_square_or_a_bridge_named_after_a_date_is_no_date():
    text = "Rebels shelled the 8 March Square and the 6 October Bridge in Damascus."
    assert find_dates(text, reference=date(2016, 11, 7)) == []


def test_a_date_before_a_lower_case_road_still_dates():
    text = "On April 7 road crews cleared the highway near Homs."
    found = find_dates(text, reference=date(2016, 11, 7))
    assert [(d.surface, d.date_start) for d in found] == [("April 7", date(2016, 4, 7))]
