"""Countries and regions abroad (stop 46): each country reports about Syria name is a place
where the text uses it as one and its state where it acts; regions abroad are places."""

from __future__ import annotations

from app.extraction import extract


def _claim(text: str):
    (claim,) = extract(text).claims
    return claim


def test_a_country_named_as_a_place_is_one():
    claim = _claim("Talks between both sides in Kazakhstan ended on Tuesday.")
    assert [p.key for p in claim.places] == ["kazakhstan"]


def test_a_country_that_acts_is_its_state_and_no_place():
    claim = _claim("Spain condemned the air strikes on Idlib on Monday.")
    assert claim.claimant is not None and claim.claimant.key == "spain"
    assert [p.key for p in claim.places] == ["idlib"]


def test_states_that_propose_are_named():
    claim = _claim("The draft resolution was proposed by New Zealand Spain and Egypt.")
    assert {a.actor.key for a in claim.actors} >= {"new-zealand", "spain", "egypt"}


def test_a_region_abroad_is_a_place_outside_any_governorate():
    from app.extraction.registry import place_entry

    claim = _claim("Kerry said he had not seen a big appetite from anyone in Europe to go to war.")
    assert [p.key for p in claim.places] == ["europe"]
    entry = place_entry("europe")
    assert entry is not None and entry.governorate is None and entry.country_code == "ZZ"
