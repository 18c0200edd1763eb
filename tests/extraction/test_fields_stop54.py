"""Claim fields, stop 54: a month and its day followed by a number that is no year ("On
October 13th 30 people were killed", FA-KES having dropped the comma) is that day; a
four-digit number after it may be a year and still blocks it (version 140). Whoever "was
behind the attack" or "behind it" did it, not when the text asks "whether" it was (version
141). Two days sharing one month written once ("Between 21 and 26 of September", "from
September 21 to 26") are a range of days (version 142). "Late 2015", "early 2011" and "mid-2012" are their year,
as docs/annotation.md §11 reads them, not a third of it (version 143). A reaction naming the incident ("The charity condemned the
attack") takes the incident's day, as §11 reads a condemnation (version 144). What the regime or the
government does ("regime shelling", "a government siege", "government bombardment") is the
Syrian government's, as the read gold files have it 28 times of 28; its men and guns
("government forces", "regime artillery") stay the army's (version 145)."""

from __future__ import annotations

from datetime import date

from tests.extraction.test_error_classes import claim, dated, roles, run


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


def test_who_was_behind_the_attack_did_it() -> None:
    for text, key in (
        ("Fabius said the Assad regime was behind it.", "syrian-government"),
        ("IS was most likely behind the suicide bombings in Damascus.", "islamic-state"),
    ):
        c = claim(run(text), text, "behind")
        assert roles(c)[key] == "agent", text
    # not when nobody is said to be: "whether ... was behind"; not "behind the wall"
    text = "The Observatory said it could not determine whether Russia or the Syrian government was behind the attack."
    c = claim(run(text), text, "behind")
    assert roles(c).get("syrian-government") != "agent"
    text = "The army is behind the wall in the old city."
    assert roles(claim(run(text), text, "wall")).get("syrian-arab-army") != "agent"


def test_days_sharing_one_month_are_a_range() -> None:
    from app.extraction.dates import find_dates

    ref = date(2016, 10, 3)
    for words in (
        "Between 21 and 26 of September the directorate counted 822 wounded.",
        "From 21 to 26 September the directorate counted 822 wounded.",
        "On 21-26 September the directorate counted 822 wounded.",
        "Between September 21 and 26 the directorate counted 822 wounded.",
    ):
        (d,) = find_dates(words, reference=ref)
        assert (d.date_start, d.date_end) == (date(2016, 9, 21), date(2016, 9, 26)), words
    # after the month, nothing opening a range: a day and a count
    (d,) = find_dates("On September 21 and 26 people were killed.", reference=ref)
    assert (d.date_start, d.date_end) == (date(2016, 9, 21), date(2016, 9, 21))


def test_a_part_of_a_year_is_the_year() -> None:
    from app.extraction.dates import find_dates

    for words in (
        "in late 2014 the front was crushed",
        "in early 2014 the front",
        "in mid-2014 the front",
    ):
        (d,) = find_dates(words, reference=date(2016, 3, 2))
        assert (d.date_start, d.date_end, d.precision) == (
            date(2014, 1, 1),
            date(2014, 12, 31),
            "year",
        ), words
    # "since mid-2012": the year up to the reference
    text = "Aleppo has been divided between government and rebel control since mid-2012."
    c = claim(run(text, published=date(2016, 7, 28)), text, "divided")
    assert dated(c) == (date(2012, 1, 1), date(2016, 7, 28))


def test_a_reaction_naming_the_incident_takes_its_day() -> None:
    text = (
        "Four bombs dropped from a helicopter hit the clinic on Saturday killing two patients. "
        "The charity condemned the attack and called for an end to such attacks."
    )
    c = claim(run(text, published=date(2016, 10, 3)), text, "condemned")
    assert dated(c) == (date(2016, 10, 1), date(2016, 10, 1))
    # a reaction that names no incident is not dated by it
    text = (
        "Four bombs dropped from a helicopter hit the clinic on Saturday killing two patients. "
        "The charity expressed deep concern and called for restraint."
    )
    c = claim(run(text, published=date(2016, 10, 3)), text, "concern")
    assert dated(c) is None


def test_what_the_regime_does_is_the_regimes_its_men_are_the_army() -> None:
    for text in (
        "Four children were killed in regime shelling of Douma on Tuesday.",
        "Eastern Ghouta has been under government siege since 2013.",
        "The town was hit by government bombardment on Tuesday.",
    ):
        assert (
            roles(
                claim(
                    run(text),
                    text,
                    "Douma" if "Douma" in text else "Ghouta" if "Ghouta" in text else "town",
                )
            ).get("syrian-government")
            == "agent"
        ), text
    text = "Government forces shelled Douma on Tuesday."
    assert roles(claim(run(text), text, "Douma")) == {"syrian-arab-army": "agent"}
    text = "Regime planes bombed Douma on Tuesday."
    assert roles(claim(run(text), text, "Douma")).get("syrian-air-force") == "agent"
