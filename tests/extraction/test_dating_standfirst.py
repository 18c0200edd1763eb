"""Event dates (docs/annotation.md §5 rule 3) of a standfirst: an undated lede takes the day
of the first incident the article dates only when that incident is the one it tells."""

from __future__ import annotations

from tests.extraction.test_error_classes import REF, claim, dated, run

THURSDAY = (REF.replace(day=11),) * 2


def test_a_standfirst_takes_the_day_of_the_incident_dated_next() -> None:
    text = (
        "Over 100 militants were killed by the Syrian army who repelled an attack on Mallah "
        "Farms in Aleppo countryside. The attack on Mallah Farms began on Thursday when "
        "militants detonated two car bombs."
    )
    assert dated(claim(run(text), text, "Over 100 militants")) == THURSDAY


def test_a_date_of_another_development_does_not_date_the_standfirst() -> None:
    text = (
        "Over 100 militants were killed by the Syrian army who repelled an attack on Mallah "
        "Farms in Aleppo countryside. Moreover the Syrian army units continued on Thursday "
        "targeting gatherings and vehicles of ISIL across the country inflicting heavy losses."
    )
    x = run(text)
    assert dated(claim(x, text, "Over 100 militants")) is None
    assert dated(claim(x, text, "Moreover")) == THURSDAY


def test_the_start_of_a_range_to_date_is_no_incident_day() -> None:
    text = (
        "At least 20 jihadists were killed in air strikes on a training base in Raqa, the "
        'Observatory said. "From 10 June to date the Syrian air force really stepped up its '
        "raids against their positions and dozens were killed\" the Observatory's director said."
    )
    assert dated(claim(run(text), text, "At least 20 jihadists")) is None


def test_an_incident_dated_elsewhere_than_the_lede_does_not_date_it() -> None:
    text = (
        "A woman was killed when terrorists fired two mortar shells on a village in the "
        "countryside of Homs province. In Aleppo a source at the police command told SANA "
        "that terrorists on Thursday fired a rocket shell on al-Midan neighborhood injuring "
        "a child."
    )
    x = run(text)
    assert dated(claim(x, text, "A woman was killed")) is None
    assert dated(claim(x, text, "al-Midan")) == THURSDAY


def test_a_lede_that_names_no_place_is_placed_by_the_sentence_that_goes_on_about_it() -> None:
    """The lede ("The bomber was on a motorcycle") names no place; the next sentence puts
    the bombing in Hasakah city. An incident dated much further on in another governorate
    (the siege of Manbij "on Thursday") is not the lede's: before, the lede's empty place
    let any later date through."""
    text = (
        "The bomber was on a motorcycle when he attacked a crowd outside a bakery. "
        '"A suicide bomber on a motorcycle blew himself up in the Salihiah neighbourhood of '
        'Hasakah city" the monitor said adding that 15 of the wounded were in critical '
        "condition. Thousands have fled the city of Manbij in Aleppo province after the "
        "Syrian Democratic Forces besieged it on Thursday and killed 20 jihadists."
    )
    x = run(text)
    assert dated(claim(x, text, "The bomber was on a motorcycle")) is None
    assert dated(claim(x, text, "Thousands have fled")) == THURSDAY


def test_an_earlier_attack_told_as_such_does_not_date_the_lede() -> None:
    """TRT's report of the Sayeda Zeinab bombings (FA-KES dev article 1924058085) recalls
    "The last attack on Sayeda Zeinab shrine on April 25": the first incident the article
    dates, but an earlier one. Its day dated the lede's toll, which then joined the
    April 25 bombing's event."""
    text = (
        "At least 20 people were killed in suicide and car bomb attacks targeting the Sayeda "
        "Zeinab shrine in the suburbs of Damascus, the Observatory said. The last attack on "
        "the Sayeda Zeinab shrine on Thursday killed at least seven and wounded dozens."
    )
    x = run(text)
    assert dated(claim(x, text, "At least 20 people")) is None
    assert dated(claim(x, text, "The last attack")) == THURSDAY


def test_the_day_of_a_call_to_investigate_is_not_the_incident_day() -> None:
    """Ban's push on Friday is a call to look into the attack; the attack was Wednesday's,
    and the claims going on about "the attack" take Wednesday (FA-KES 1926479384). Before,
    they took Friday, and the regime's denial in another outlet could not join them."""
    text = (
        "U.N. Secretary-General Ban Ki-moon on Friday renewed his push for Syria to allow "
        "U.N. inspectors immediate access to investigate allegations that the government "
        "carried out a deadly chemical weapons attack on the outskirts of Damascus. They "
        "said more bodies were being found in the wake of Wednesdays mysterious pre-dawn "
        "killer fumes which the Syrian government insists were not its doing. A U.S. "
        "official said the attack appeared to be the work of the Assad government."
    )
    x = run(text)
    wednesday = (REF.replace(day=10),) * 2
    assert dated(claim(x, text, "renewed his push")) == (REF, REF)
    assert dated(claim(x, text, "the attack appeared")) == wednesday
