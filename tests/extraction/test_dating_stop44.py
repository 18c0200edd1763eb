"""Dates, stop 44 (errors of fresh4 and fresh6, development data since stop 43).

A round-up's lead dates the incidents told after it elsewhere without a date of their own
(FA-KES 1926479313 in fresh4, a SANA round-up: "Terrorist organizations launched on Sunday
terrorist attacks ... in a number of provinces", then Idlib, Damascus Countryside and
Homs, each undated); a picture's date is no incident.
"""

from __future__ import annotations

from datetime import date

from tests.extraction.test_error_classes import claim, dated, run

REF = date(2016, 11, 21)  # a Monday
SUNDAY = (date(2016, 11, 20), date(2016, 11, 20))

ROUND_UP = (
    "Terrorist organizations launched on Sunday rocket attacks on residential areas in a "
    "number of provinces causing casualties. On Thursday two children were injured in a "
    "rocket attack on Harfa village in Quneitra. A girl was injured in a mortar attack on "
    "al-Fouaa town in the countryside of Idleb. Four citizens were killed in a rocket attack "
    "on the town of Talbiseh in Homs province."
)


def test_the_incidents_of_a_round_up_told_without_a_date_are_of_its_day() -> None:
    x = run(ROUND_UP, published=REF)
    assert dated(claim(x, ROUND_UP, "al-Fouaa")) == SUNDAY
    assert dated(claim(x, ROUND_UP, "Talbiseh")) == SUNDAY
    assert dated(claim(x, ROUND_UP, "Harfa")) == (date(2016, 11, 17), date(2016, 11, 17))


def test_without_a_round_up_an_incident_told_elsewhere_has_no_date() -> None:
    text = (
        "Terrorist organizations launched on Sunday rocket attacks on residential areas in "
        "Aleppo causing casualties. Four citizens were killed in a rocket attack on "
        "the town of Talbiseh in Homs province."
    )
    assert dated(claim(run(text, published=REF), text, "Talbiseh")) is None


def test_a_picture_s_date_is_no_incident() -> None:
    """FA-KES 1924058081 (fresh6): a caption ("A picture taken on July 29 2016 shows ...")
    is no claim, and its date is not the incident the lede and what follows are of."""
    text = (
        "A picture taken on July 29 2016 shows a view of a corridor in rebel-held Aleppo. "
        "At least 15 civilians were killed in air strikes in Manbij on Thursday. "
        "These civilians were targeted in the bombardment of the town of Ghandoura."
    )
    x = run(text, published=date(2016, 7, 30))
    assert not [c for c in x.claims if "picture" in text[c.start : c.end]]
    thursday = (date(2016, 7, 28), date(2016, 7, 28))
    assert dated(claim(x, text, "Ghandoura")) == thursday
