from datetime import date

import pytest

from app.evaluation.labels import Judged, gold_governorate, main_event_date, parse_gold_date, score


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("4/5/2017", date(2017, 4, 5)),
        ("12/31/2016", date(2016, 12, 31)),
        (" 8/1/2016 ", date(2016, 8, 1)),
    ],
)
def test_parse_gold_date_is_month_first(value, expected):
    assert parse_gold_date(value) == expected


@pytest.mark.parametrize("value", ["", "2016-08-01", "13/1/2016", "4/5"])
def test_parse_gold_date_rejects_other_shapes(value):
    assert parse_gold_date(value) is None


def test_gold_governorates():
    assert gold_governorate("damascus") == {"Damascus", "Rif Dimashq"}
    assert gold_governorate("Deir Ezzor") == {"Deir ez-Zor"}
    assert gold_governorate("hasakeh") == {"Al-Hasakah"}
    assert gold_governorate("lattakia") == {"Latakia"}
    assert gold_governorate("tartous") == {"Tartus"}
    assert gold_governorate("atlantis") == set()


def test_score_counts_missing_extractions_as_misses():
    d = date(2016, 1, 1)
    judged = [
        Judged(d, d, d, "aleppo", "Aleppo"),  # exact
        Judged(d, date(2016, 1, 2), date(2016, 1, 2), "damascus", "Rif Dimashq"),  # a day off
        Judged(d, d, date(2016, 1, 31), "idlib", None),  # a range is not exact
        Judged(d, None, None, "homs", "Hama"),
    ]
    assert score(judged) == {
        "documents": 4,
        "governorate_accuracy": 0.5,
        "event_date_exact": 0.25,
        "event_date_within_one_day": 0.5,
        "event_date_found": 0.75,
    }


def test_main_event_date_is_the_first_dated_claim_outside_comments():
    d1, d2, d3 = date(2016, 1, 1), date(2016, 1, 2), date(2016, 1, 3)
    claims = [(50, False, d2, d2), (10, False, None, None), (30, True, d1, d1), (70, False, d3, d3)]
    assert main_event_date(claims) == (d2, d2)
    assert main_event_date([(0, False, None, None)]) is None


def test_score_of_nothing():
    assert score([])["documents"] == 0
