"""Claim fields, stop 53: a one-word registry name followed by another name ("SARC chief
Abdulrahman Attar") is someone else's name, not a title before it; the International
Federation of Red Cross and Red Crescent Societies is its own actor, not the ICRC, and a
name of nine words is matched whole; "Sana agency" is SANA (version 128)."""

from __future__ import annotations

from tests.extraction.test_error_classes import claim, roles, run


def test_a_one_word_name_before_another_name_is_not_a_title() -> None:
    text = (
        "SARC chief Abdulrahman Attar said the organisation was devastated by the deaths. "
        '"It is totally unacceptable that our staff continue to pay such a price" he said.'
    )
    for snippet in ("devastated", "unacceptable"):
        c = claim(run(text), text, snippet)
        assert c.claimant is not None and c.claimant.key != "rami-abdel-rahman", snippet
        assert c.claimant_text.endswith("Abdulrahman Attar"), c.claimant_text
    # the monitor's director by his registry name still is himself, and a title before a
    # name still names its holder
    text = "Abdulrahman said 20 people were killed in the strikes on Monday."
    c = claim(run(text), text, "strikes")
    assert c.claimant is not None and c.claimant.key == "rami-abdel-rahman"


def test_the_ifrc_is_not_the_icrc() -> None:
    from app.extraction.actors import find_actors

    text = (
        "The International Federation of Red Cross and Red Crescent Societies (IFRC) said "
        "20 civilians were killed. The International Committee of the Red Cross said so too."
    )
    keys = [a.key for a in find_actors(text)]
    assert keys == ["ifrc", "ifrc", "icrc"], keys
    text = "Six were killed the previous day the state-run Sana agency said."
    c = claim(run(text), text, "Six")
    assert c.claimant is not None and c.claimant.key == "sana"
