"""Claim fields, stop 51: a day named after "said that" dates what is said, not the saying
("The Observatory said that on Friday and Saturday at least 13 civilians died"), so it is
the claim's own date and outranks a month in a clause describing the place (version 111); a
present perfect telling a state that holds today ("has been under siege for nearly two
years", "talks have stalled") is dated to the reference day, whatever duration it names
(version 112); the Syrian Observatory misspelt ("SORH", "Obervatory") is still the
Observatory (version 113); a seat of government named beside another party as one of two
that act ("Damascus and Moscow declared a pause") is its state, not a place (version 114); the first side that "the clashes pitted" against
another fights (version 115); whose vehicles, positions or sites are destroyed or targeted is
hit (version 116); a subject joined by "and" to a force named without a name ("The Syrian
air force and artillery regiment ambushed", "Opposition fighters and Islamic militants have
launched") still acts (version 117); a toll of the whole war ("have been killed in the
war", "killed in Syrias civil war", "throughout the Syrian conflict", "since its conflict
began") has no date, whatever incident the article went on about (version 118); "Daesh claimed the attack" owns a
deed and "claiming scores of terrorists" kills: neither hedges (version 119); a side named by
a plain plural before "and" shares its role with the name after it ("advance against the
rebels and Daesh") (version 120)."""

from __future__ import annotations

from datetime import date

from tests.extraction.test_claimants_round3 import claimant
from tests.extraction.test_error_classes import claim, run
from tests.extraction.test_roles_issue10b import roles


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


def test_a_perfect_state_with_a_duration_holds_today() -> None:
    ref = date(2016, 6, 15)
    for sentence in (
        "Eastern Ghouta has been under government siege for nearly two years as the army "
        "tries to break the rebel hold over the area.",
        "Most of the city except the battered district of Waar has returned to regime control "
        "after two years of bombardment and siege.",
        "Peace talks towards ending Syrias five-year war have stalled with no immediate end in "
        "sight.",
    ):
        text = "Three people were killed in Douma on Monday. " + sentence
        c = claim(run(text, published=ref), text, sentence[:30])
        assert c.date is not None and c.date_why is not None, sentence
        assert (c.date.date_start, c.date.date_end, c.date_why.rule) == (ref, ref, "present")
    # a duration alone still opens no date, and a clause about a noun is not the claim's state
    text = (
        "Three people were killed in Douma on Monday. The regime has been attempting to seize "
        "al-Maleh for more than two years."
    )
    assert claim(run(text, published=ref), text, "attempting").date is None


def test_the_observatory_misspelt_is_the_observatory() -> None:
    text = (
        "According to the latest SORH estimates the Syrian military conflict has claimed the "
        "lives of more than 210000 people."
    )
    assert claimant(text, "more than 210000")[0] == "sohr"
    text = (
        "The Syrian Obervatory for Human Rights says more than 300 people have been killed in "
        "air strikes on Aleppo since April."
    )
    assert claimant(text, "more than 300")[0] == "sohr"


def test_a_seat_of_government_beside_another_party_is_its_state() -> None:
    for text, also in (
        ("Damascus and Moscow declared a unilateral four-day pause in strikes.", "russia"),
        ("The opposition says Damascus and its Russian and Iranian allies aim to win.", "iran"),
        ("Damascus and militant groups have been trading accusations of truce violation.", None),
    ):
        c = run(text).claims[0]
        keys = {a.actor.key for a in c.actors}
        assert "syrian-government" in keys and (also is None or also in keys), text
        assert not [p for p in c.places if p.key == "damascus"], text
    # the city and its suburbs are places
    text = "Government forces shelled Damascus and its suburbs on Monday."
    c = run(text).claims[0]
    assert [p.key for p in c.places if p.key == "damascus"]
    assert "syrian-government" not in {a.actor.key for a in c.actors}


def test_the_first_side_a_fight_pits_fights() -> None:
    got = roles(
        "The Observatory says the clashes pitted the Nusra Front against the Islamic State."
    )
    assert got["al-nusra-front"] == "agent" and got["islamic-state"] == "target"
    got = roles("The infighting is pitting the powerful Army of Islam group against the YPG.")
    assert got["jaish-al-islam"] == "agent"
    # a whole war's sides are not the fighters of one fight
    got = roles("The war pits President Bashar al-Assad against Sunni rebel groups.")
    assert got["bashar-al-assad"] != "agent"


def test_whose_property_is_destroyed_is_hit() -> None:
    got = roles(
        "Army units destroyed vehicles equipped with a rocket launcher and machineguns for "
        "Jabhat al-Nusra terrorists in the brick factory."
    )
    assert got["al-nusra-front"] == "target" and got["syrian-arab-army"] == "agent"
    got = roles("The army men targeted the positions and movements of ISIS east of Tadmur.")
    assert got["islamic-state"] == "target"
    # the army's strikes that destroyed them are no property of the army's
    got = roles(
        "Terrorists vehicles equipped with machine guns were destroyed in a series of army air "
        "strikes in Daraa city."
    )
    assert got["syrian-air-force"] == "agent"


def test_a_subject_joined_to_a_nameless_force_still_acts() -> None:
    got = roles(
        "The Syrian air force and artillery regiment ambushed the terrorists reinforcements."
    )
    assert got["syrian-air-force"] == "agent"
    got = roles("Opposition fighters and Islamic militants have launched a series of attacks.")
    assert got["syrian-opposition"] == "agent"


def test_a_toll_of_the_whole_war_has_no_date() -> None:
    for sentence in (
        "According to independent monitors hundreds of thousands of civilians have been killed "
        "in the war mostly by the regime.",
        "More than 170000 people have been killed in Syrias civil war which pits rebels "
        "against Assad.",
        "Damascus has also been rocked by occasional bomb blasts throughout the Syrian conflict.",
        "More than 330000 people have been killed in Syria since its conflict began.",
    ):
        text = "Three people were killed in Douma on Monday. " + sentence
        c = claim(run(text, published=date(2017, 10, 3)), text, sentence[:30])
        assert c.date is None, sentence
    # a deal in the war-torn country is still dated
    text = (
        "On Saturday Russia announced a deal intended to bring a ceasefire in the war-torn country."
    )
    assert claim(run(text, published=date(2016, 9, 11)), text, "Russia announced").date is not None


def test_claiming_an_attack_or_lives_is_no_hedge() -> None:
    for text in (
        "The Islamic State group claims the double suicide bomb attack that hit a police station.",
        "Daesh claimed the attack in a statement circulated on social media.",
        "The air force struck the terrorists reinforcements claiming scores of terrorists.",
    ):
        assert not run(text).claims[0].hedged, text
    for text in (
        "The regime claimed the attack was carried out by rebels.",
        "It was the third claim of a chemical attack in just over a week.",
    ):
        assert run(text).claims[0].hedged, text


def test_a_plain_plural_before_and_shares_its_role() -> None:
    got = roles(
        "Russian strikes allowed forces loyal to Assad to advance against the rebels and Daesh."
    )
    assert got["islamic-state"] == "target"
    # a named side before "or" is not a plain plural ("the regime or Russian warplanes")
    got = roles("It was unclear if the strike was carried out by the regime or Russian warplanes.")
    assert got.get("russian-air-force") != "target"
