"""Dates, stop 45 (errors of fresh7, development data since stop 45): a counted number of
past weeks ends at the reference as a counted number of past days does, and "the attack
comes one week after <another incident>" tells that other incident, counted back."""

from __future__ import annotations

from datetime import date

from tests.extraction.test_error_classes import claim, dated, run

REF = date(2016, 6, 3)  # a Friday


def test_the_past_two_weeks_are_fourteen_days_ending_at_the_reference() -> None:
    text = "In the past two weeks more than 150 civilians have been killed in Aleppo."
    assert dated(claim(run(text, published=REF), text, "150 civilians")) == (
        date(2016, 5, 21),
        REF,
    )
    text = "In the past few weeks more than 150 civilians have been killed in Aleppo."
    assert dated(claim(run(text, published=REF), text, "150 civilians")) == (
        date(2016, 5, 7),
        REF,
    )


def test_an_attack_that_comes_days_after_another_dates_the_other_before_it() -> None:
    text = (
        "A car bomb killed 12 people in Azaz on Friday. The attack came three days after a "
        "suicide bomber blew himself up at a checkpoint near Jarablus killing 20 fighters."
    )
    x = run(text, published=REF)
    assert dated(claim(x, text, "car bomb")) == (REF, REF)
    tuesday = date(2016, 5, 31)
    assert dated(claim(x, text, "suicide bomber")) == (tuesday, tuesday)
