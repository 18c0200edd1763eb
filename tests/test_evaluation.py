from datetime import date

import pytest

from app.evaluation.labels import Judged, gold_governorate, parse_gold_date, score


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
    judged = [
        Judged(date(2016, 1, 1), date(2016, 1, 1), "aleppo", "Aleppo"),
        Judged(date(2016, 1, 2), date(2016, 1, 3), "damascus", "Rif Dimashq"),
        Judged(date(2016, 1, 4), None, "idlib", None),
        Judged(None, date(2016, 1, 5), "homs", "Hama"),
    ]
    assert score(judged) == {
        "documents": 4,
        "date_accuracy": 0.25,
        "date_found": 0.75,
        "date_precision": 0.3333,
        "governorate_accuracy": 0.5,
    }


def test_score_of_nothing():
    assert score([])["documents"] == 0
