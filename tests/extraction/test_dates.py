from datetime import date, timedelta
from pathlib import Path

import pytest

from app.extraction.dates import absolute_dates, find_dates

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def by_surface(text: str, ref: date | None) -> dict[str, list]:
    out: dict[str, list] = {}
    for d in find_dates(text, reference=ref):
        assert text[d.start : d.end] == d.surface
        out.setdefault(d.surface, []).append(d)
    return out


def one(text: str, ref: date | None, surface: str):
    found = by_surface(text, ref)
    assert surface in found, f"{surface!r} not in {sorted(found)}"
    return found[surface][0]


# --- seeds ---------------------------------------------------------------------------


def test_seed_002_weekdays_yesterday_since_weekend():
    text, ref = seed("002"), date(2016, 8, 12)  # a Friday
    assert one(text, ref, "Wednesday").date_start == date(2016, 8, 10)
    assert one(text, ref, "yesterday").date_start == date(2016, 8, 11)
    night = one(text, ref, "Wednesday night")
    assert (night.date_start, night.precision) == (date(2016, 8, 10), "day")
    since = one(text, ref, "Sunday")  # "since Sunday": from that Sunday to the reference
    assert (since.date_start, since.date_end) == (date(2016, 8, 7), ref)
    weekend = one(text, ref, "the weekend")
    assert (weekend.date_start, weekend.date_end, weekend.precision) == (
        date(2016, 8, 6),
        date(2016, 8, 7),
        "week",
    )


def test_seed_001_wednesday_and_early_october():
    text, ref = seed("001"), date(2015, 11, 5)
    assert one(text, ref, "Wednesday").date_start == date(2015, 11, 4)
    early = one(text, ref, "early October")
    assert (early.date_start, early.date_end, early.precision) == (
        date(2015, 10, 1),
        date(2015, 10, 10),
        "month",
    )


def test_seed_003_saturday_and_sunday_of_a_sunday_paper():
    text, ref = seed("003"), date(2016, 11, 27)  # a Sunday: "On Sunday" is that day
    assert one(text, ref, "Saturday").date_start == date(2016, 11, 26)
    assert one(text, ref, "Sunday").date_start == date(2016, 11, 27)


def test_seed_004_month_day_without_year_and_full_dates():
    text, ref = seed("004"), date(2017, 1, 20)
    assert one(text, ref, "December 18th").date_start == date(2016, 12, 18)
    assert one(text, ref, "December 12th 2016").date_start == date(2016, 12, 12)
    assert one(text, ref, "March 28th 2016").date_start == date(2016, 3, 28)
    last_month = one(text, ref, "last month")
    assert (last_month.date_start, last_month.date_end) == (date(2016, 12, 1), date(2016, 12, 31))
    march = one(text, ref, "March 2016")
    assert (march.precision, march.date_end) == ("month", date(2016, 3, 31))


def test_seed_000_this_past_week_is_the_week_ending_at_reference():
    text, ref = seed("000"), date(2016, 2, 21)
    week = one(text, ref, "this past week")
    assert (week.date_start, week.date_end, week.precision) == (date(2016, 2, 15), ref, "week")


def test_this_week_runs_from_monday_and_on_a_monday_is_the_week_before() -> None:
    """ "Earlier this week" on a Thursday is Monday to Thursday; on a Monday it is the past
    seven days (FA-KES 1918398779, "Published February 23 2015", a Monday: AFP's Sunday
    copy of executions "earlier this week", which the same copy dated Sunday puts in the
    days before)."""
    text = "Troops executed 48 people earlier this week in a northern village."
    thursday = one(text, date(2015, 2, 26), "this week")
    assert (thursday.date_start, thursday.date_end) == (date(2015, 2, 23), date(2015, 2, 26))
    monday = one(text, date(2015, 2, 23), "this week")
    assert (monday.date_start, monday.date_end, monday.precision) == (
        date(2015, 2, 17), date(2015, 2, 23), "week",
    )  # fmt: skip


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_spans_hold_on_every_seed(prefix):
    text = seed(prefix)
    for d in find_dates(text, reference=date(2016, 6, 1)):
        assert text[d.start : d.end] == d.surface
        assert d.date_start <= d.date_end
        assert d.precision in ("day", "week", "month", "year")


# --- resolution rules --------------------------------------------------------------


def test_relative_dates_are_dropped_without_reference():
    text = "On Wednesday and yesterday, this past week, in early October and on December 18th"
    assert find_dates(text, reference=None) == []


def test_absolute_dates_need_no_reference():
    text = "Reported 4 October 2016, Oct 30, 2016, 17-08-2013, 2016-10-30 and Wed 05 Apr 2017."
    found = {d.surface: d.date_start for d in find_dates(text, reference=None)}
    assert found == {
        "4 October 2016": date(2016, 10, 4),
        "Oct 30, 2016": date(2016, 10, 30),
        "17-08-2013": date(2013, 8, 17),
        "2016-10-30": date(2016, 10, 30),
        "Wed 05 Apr 2017": date(2017, 4, 5),
    }


def test_glued_day_and_year_of_flattened_pages():
    (d,) = absolute_dates("Last updated at Apr 232017 An Israeli attack")
    assert (d.surface, d.date_start) == ("Apr 232017", date(2017, 4, 23))


def test_last_weekday_is_strictly_before_and_next_is_after():
    ref = date(2016, 11, 27)  # Sunday
    assert one("It happened last Sunday.", ref, "last Sunday").date_start == date(2016, 11, 20)
    assert one("Talks resume next Monday.", ref, "next Monday").date_start == date(2016, 11, 28)


def test_month_without_year_is_the_latest_not_after_reference():
    ref = date(2016, 2, 21)
    assert one("fighting in October", ref, "October").date_start == date(2015, 10, 1)
    assert one("clashes in February", ref, "February").date_start == date(2016, 2, 1)
    assert one("since late January", ref, "late January").date_start == date(2016, 1, 21)


def test_year_needs_a_preposition_and_counts_are_not_dates():
    ref = date(2016, 11, 27)
    found = by_surface("The war began in 2011; 2016 people fled over 3 years.", ref)
    assert list(found) == ["2011"]
    assert found["2011"][0].precision == "year"


def test_since_a_year_runs_to_the_reference():
    ref = date(2016, 11, 27)
    d = one("The war has raged since 2011.", ref, "2011")
    assert (d.date_start, d.date_end, d.precision) == (date(2011, 1, 1), ref, "year")


def test_since_a_clause_with_its_own_date_runs_to_the_reference():
    ref = date(2016, 8, 9)  # a Tuesday
    text = "Strikes intensified since rebel fighters broke the siege of the city on Saturday."
    d = one(text, ref, "Saturday")
    assert (d.date_start, d.date_end) == (date(2016, 8, 6), ref)
    # a clause without "since" keeps its single day
    d = one("Rebel fighters broke the siege of the city on Saturday.", ref, "Saturday")
    assert (d.date_start, d.date_end) == (date(2016, 8, 6), date(2016, 8, 6))


def test_a_since_clause_ends_with_its_sentence():
    ref = date(2014, 10, 10)
    text = "Syria has been gripped by war since March 2011. The U.N. in August said 191000 died."
    d = one(text, ref, "August")
    assert (d.date_start, d.date_end) == (date(2014, 8, 1), date(2014, 8, 31))
    # an abbreviation is no sentence end
    text = "Strikes intensified since the U.N. envoy left the city in August."
    d = one(text, ref, "August")
    assert (d.date_start, d.date_end) == (date(2014, 8, 1), ref)


def test_day_words_and_last_night():
    ref = date(2016, 8, 12)
    found = by_surface("Today, last night and the day before yesterday; tomorrow too.", ref)
    assert found["Today"][0].date_start == ref
    assert found["last night"][0].date_start == date(2016, 8, 11)
    assert found["the day before yesterday"][0].date_start == date(2016, 8, 10)
    assert found["tomorrow"][0].date_start == date(2016, 8, 13)


def test_coordinated_months_share_the_written_year():
    found = by_surface("I went in April and June 2014.", date(2015, 11, 5))
    assert found["April"][0].date_start == date(2014, 4, 1)
    assert found["June 2014"][0].date_start == date(2014, 6, 1)


def test_possessive_weekday_without_apostrophe():
    d = one("Rebels vowed revenge for Tuesdays strike.", date(2017, 4, 5), "Tuesdays")
    assert d.date_start == date(2017, 4, 4)


def test_month_words_that_are_not_dates():
    assert find_dates("Troops may march on; the March of Dimes", reference=date(2016, 1, 1)) == []


@pytest.mark.parametrize(
    ("text", "surface", "start", "end", "precision"),
    [
        ("The mayor left three days ago.", "three days ago", date(2016, 9, 29), None, "day"),
        ("He was seen a week ago.", "a week ago", date(2016, 9, 25), date(2016, 10, 1), "week"),
        (
            "They fled two months ago.",
            "two months ago",
            date(2016, 8, 1),
            date(2016, 8, 31),
            "month",
        ),
        (
            "It was built about a year ago.",
            "about a year ago",
            date(2015, 1, 1),
            date(2015, 12, 31),
            "year",
        ),
    ],
)
def test_counted_back_from_the_reference(text, surface, start, end, precision):
    d = one(text, date(2016, 10, 2), surface)
    assert (d.date_start, d.date_end, d.precision) == (start, end or start, precision)


@pytest.mark.parametrize(
    ("text", "surface", "start"),
    [
        # the clause "since" opens ends at a time counted back from the reference
        ("Jets have killed 900 people since they first struck just over a year ago.",
         "just over a year ago", date(2015, 1, 1)),
        ("Shells have fallen since the army began an assault nearly two weeks ago.",
         "nearly two weeks ago", date(2016, 9, 18)),
        ("Aid has stopped since the council passed a resolution last year.", "last year",
         date(2015, 1, 1)),
        # a month after "since a", and a clause with an abbreviation in it
        ("Raids have grown since a March truce collapsed.", "March", date(2016, 3, 1)),
        ("The town has been shut since calling for a U.N. inquiry into the blast in May.", "May",
         date(2016, 5, 1)),
    ],
)  # fmt: skip
def test_since_a_clause_runs_to_the_reference(text, surface, start):
    d = one(text, date(2016, 10, 2), surface)
    assert (d.date_start, d.date_end) == (start, date(2016, 10, 2))


def test_a_counted_back_time_outside_a_since_clause_is_not_a_range():
    d = one("The convoy was hit two weeks ago and aid stopped.", date(2016, 10, 2), "two weeks ago")
    assert (d.date_start, d.date_end) == (date(2016, 9, 18), date(2016, 9, 24))


@pytest.mark.parametrize(
    ("words", "back"),
    [
        ("over the past two days", 1),
        ("in the last 48 hours", 1),
        ("in the past 24 hours", 1),
        ("over the past three days", 2),
        ("in the past few days", 6),
        ("over the past ten days", 9),
        ("in the past two weeks", 13),  # counted like days (docs/annotation.md §5 table)
        ("in the past few weeks", 27),  # "in recent weeks"
    ],
)
def test_counted_recent_days_end_at_the_reference(words, back):
    # "killed 45 fighters over the past two days" is yesterday and today, not a week
    ref = date(2014, 6, 9)
    text = f"Infighting has killed 45 fighters {words} activists say."
    d = one(text, ref, words)
    assert (d.date_start, d.date_end) == (ref - timedelta(days=back), ref)


def test_a_day_an_event_continued_into_is_the_end_of_its_range():
    ref = date(2014, 6, 9)  # a Monday
    text = "The fighting flared up on Sunday and continued into Monday, activists said."
    d = one(text, ref, "Sunday and continued into Monday")
    assert (d.date_start, d.date_end, d.precision) == (date(2014, 6, 8), ref, "day")


def test_between_two_days_months_apart_is_one_range_and_so_is_a_day_still_going_on():
    """fresh6 articles 1926479165 and 1965511109: "between" opens a period of any length
    (up to two years); "began on Friday and was continuing on Saturday" runs to Saturday;
    two days merely listed ("on March 3 and April 20") stay two."""
    ref = date(2016, 7, 19)
    text = "Jets hit 243 facilities between September 30 2015 and March 15 2016 SNHR said."
    d = one(text, ref, "September 30 2015 and March 15 2016")
    assert (d.date_start, d.date_end) == (date(2015, 9, 30), date(2016, 3, 15))
    text = "An offensive began on Friday and was continuing on Saturday the Observatory said."
    d = one(text, ref, "Friday and was continuing on Saturday")
    assert (d.date_start, d.date_end) == (date(2016, 7, 15), date(2016, 7, 16))
    found = by_surface("Two blasts hit on March 3 and April 20 2016.", ref)
    assert set(found) == {"March 3", "April 20 2016"}


def test_a_year_naming_a_war_after_the_is_that_year():
    text = "Israel took the plateau in the 1967 war and held it since."
    d = one(text, date(2016, 8, 12), "1967")
    assert (d.date_start, d.date_end, d.precision) == (date(1967, 1, 1), date(1967, 12, 31), "year")


def test_a_bare_year_heading_a_sentence_is_a_date_a_count_is_not():
    text = "Rebels held the town. 2015 Islamic State fighters capture it. 2000 people fled."
    found = by_surface(text, date(2016, 8, 12))
    assert found["2015"][0].date_start == date(2015, 1, 1)
    assert "2000" not in found
