"""Claim fields, stop 56: a deed told in the passive present perfect with no date ("Millions
have been displaced", "Hundreds of people have been killed there since peace talks broke
off") tells no day and is no detail of the incident told before it, as the active present
perfect is not since version 150 (docs/annotation.md §11); one that names the incident
("have been killed in the strike") still goes on about it (version 155). Syria or Damascus
that used, imprisoned, joined or is investigating is the Syrian government acting, as one
that denied or warned was already (version 156)."""

from __future__ import annotations

from datetime import date

from tests.extraction.test_error_classes import claim, dated, roles, run


def test_a_passive_present_perfect_deed_is_no_detail_of_the_incident() -> None:
    ref = date(2016, 6, 13)
    saturday = (date(2016, 6, 11), date(2016, 6, 11))
    lead = "Two civilians were killed in an airstrike on Aleppo on Saturday the Observatory said. "
    for sentence in (
        "Millions have been displaced both inside and outside of Syria.",
        "Hundreds of people have been killed there since peace talks broke off.",
        "More than 150000 people have been killed in the three-year-old rebellion.",
    ):
        text = lead + sentence
        assert dated(claim(run(text, published=ref), text, sentence[:20])) is None, sentence
    # the deed that names the incident goes on about it; a dated one keeps its own day
    text = lead + "Three children have been killed in the strike."
    assert dated(claim(run(text, published=ref), text, "Three children")) == saturday
    text = lead + "Five fighters have been killed in Idlib on Sunday."
    assert dated(claim(run(text, published=ref), text, "Five fighters")) == (
        date(2016, 6, 12),
        date(2016, 6, 12),
    )
    # a passive deed in the past is still a detail: "were killed", as before
    text = lead + "Among the dead were three children."
    assert dated(claim(run(text, published=ref), text, "Among the dead")) == saturday


def test_syria_that_acts_is_its_government() -> None:
    for text in (
        "Israeli television quoted the minister as saying that Syria had used chemical weapons.",
        "Syria then imprisoned much of the membership of the local Islamist group.",
        "The Russian Defense Ministry said Syria is currently investigating the number of dead.",
        "Damascus officially joined the Chemical Weapons Convention in 2013.",
    ):
        c = claim(run(text), text, text[:15])
        assert roles(c).get("syrian-government") == "agent", text
        assert not {p.key for p in c.places} & {"syria", "damascus"}, text
    # a place still, where nothing is done by it
    text = "Two men were killed in Syria then buried near Idlib."
    assert "syria" in {p.key for p in claim(run(text), text, "Two men").places}
