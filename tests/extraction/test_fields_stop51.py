"""Claim fields, stop 51: a day named after "said that" dates what is said, not the saying
("The Observatory said that on Friday and Saturday at least 13 civilians died"), so it is
the claim's own date and outranks a month in a clause describing the place (version 111)."""

from __future__ import annotations

from datetime import date

from tests.extraction.test_error_classes import claim, run


def test_a_day_after_said_that_dates_what_is_said() -> None:
    text = (
        "At least 11 civilians were killed in air strikes on a market on Sunday. The "
        "Observatory said that on Friday and Saturday at least 13 civilians died in air "
        "strikes around Khan Sheikhoun the site of the regimes deadly chemical attack in April."
    )
    c = claim(run(text, published=date(2017, 10, 8)), text, "at least 13 civilians")
    assert c.date is not None and c.date_why is not None
    assert (c.date.date_start, c.date.date_end) == (date(2017, 10, 6), date(2017, 10, 7))
    assert c.date_why.rule == "own"
    # the day of the saying is still the statement's ("said on Friday that ...")
    text = "The Observatory said on Friday that at least 13 civilians died in air strikes."
    c = claim(run(text, published=date(2017, 10, 8)), text, "at least 13 civilians")
    assert c.date_why is not None and c.date_why.rule == "statement"
