"""Claim fields, stop 54: a month and its day followed by a number that is no year ("On
October 13th 30 people were killed", FA-KES having dropped the comma) is that day; a
four-digit number after it may be a year and still blocks it (version 140)."""

from __future__ import annotations

from datetime import date

from tests.extraction.test_error_classes import claim, dated, run


def test_a_day_followed_by_a_count_is_the_day() -> None:
    text = (
        "A suicide bomber blew himself up in the hall on Sunday morning. "
        "On October 13th 30 people were killed and 90 others were injured after a bomber "
        "blew himself up inside a wedding hall near the village."
    )
    c = claim(run(text, published=date(2016, 10, 23)), text, "October 13th")
    assert dated(c) == (date(2016, 10, 13), date(2016, 10, 13))
    figures = {(q.what, q.value) for q in c.quantities}
    assert ("killed", 30) in figures and ("injured", 90) in figures
