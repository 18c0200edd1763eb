"""Claim fields, stop 52: soldiers or troops that another named party lost or owns ("Russia
has so far lost at least 12 soldiers", "the Turkish military said four of its soldiers")
are not the Syrian army, and "so far" between a subject and its verb does not hide the
subject (version 121); an attribution that closes a sentence with where and when it was
said ("... UNICEF said in a statement on Thursday.") tells all of it, so a "while" inside
does not cut the sentence in two (version 122); the brokers, mediators and proposers of a
deal are its agents, as docs/annotation.md §11 settles (version 123); a name right after
"this said" is the speaker, the demonstrative ending what was said (version 124); a place spelt with a final "-ah"
("Orum al-Kubrah") is the place the gazetteer spells "-a", which the test refusing nisbas
("al-Homsi") had refused (version 125); a seat of government that "lost" troops is its
state, as one that denied or warned was (version 126); a place name that is a given name
before an article and a nisba ("Salahuddin al-Shishani") is part of a person's name
(version 127)."""

from __future__ import annotations

from datetime import date

from tests.extraction.test_error_classes import claim, roles, run


def test_men_another_party_lost_or_owns_are_not_the_syrian_army() -> None:
    text = "Russia has so far lost at least 12 soldiers in Syria, the ministry said."
    found = roles(claim(run(text), text, "soldiers"))
    assert "syrian-arab-army" not in found and found.get("russia") == "target", found
    text = (
        "The Turkish military has said four of its soldiers have been killed in an attack by "
        "Daesh in northern Syria."
    )
    c = claim(run(text), text, "soldiers")
    assert c.claimant is not None and c.claimant.key == "turkish-armed-forces"
    assert roles(c) == {"islamic-state": "agent"}
    # the Syrian army's own men, and men no one else owns, stay the army's
    text = "The army said its soldiers had repelled the attack on the village."
    assert roles(claim(run(text), text, "soldiers")).get("syrian-arab-army") == "agent"
    text = "At least 12 soldiers were killed in the ambush near Palmyra, the Observatory said."
    assert roles(claim(run(text), text, "soldiers")).get("syrian-arab-army") == "target"


def test_an_attribution_closing_with_where_and_when_tells_the_whole_sentence() -> None:
    text = (
        "The attack in Idlib province claimed the lives of at least 27 children while over "
        "500 people were injured the United Nations Childrens Fund (UNICEF) said in a "
        "statement on Thursday."
    )
    x = run(text, published=date(2017, 4, 6))
    assert len(x.claims) == 1
    (c,) = x.claims
    assert {q.what for q in c.quantities} == {"killed", "injured"}
    assert c.claimant is not None and c.claimant.key == "unicef"
    # a second speaker whose words follow the verb still makes a claim of its own
    text = (
        "The Pentagon said that the airstrike was a mistake and was intended to target "
        "Daesh militants while a number of Syrian officials stated that the attack was "
        "intentional."
    )
    assert len(run(text).claims) == 2


def test_brokers_and_proposers_of_a_deal_are_its_agents() -> None:
    for text, brokers in (
        (
            "Idlib is one of four de-escalation zones under a deal brokered by Russia Turkey "
            "and Iran in May.",
            ("russia", "turkey", "iran"),
        ),
        (
            "A ceasefire in Syria brokered by the US and Russia collapsed.",
            ("united-states", "russia"),
        ),
        ("The draft resolution was proposed by Spain and Egypt.", ("spain", "egypt")),
    ):
        found = roles(claim(run(text), text, text[:20]))
        assert all(found.get(k) == "agent" for k in brokers), (text, found)
    # a sponsor stays mentioned, and so do the parties a truce was agreed by (annotators split)
    text = "Turkish-backed rebels entered the town of Jarablus on Wednesday."
    assert roles(claim(run(text), text, "Jarablus"))["turkey"] == "mentioned"
    text = "A truce agreed by Russia and the United States in February has been violated."
    assert roles(claim(run(text), text, "truce"))["russia"] == "mentioned"


def test_a_name_after_this_said_is_the_speaker() -> None:
    text = (
        "The Russians declared this said Zakaria Malahifji a Turkey-based official from the "
        "politburo of the Fastaqim group which is present in Aleppo."
    )
    c = claim(run(text), text, "declared")
    assert c.claimant_text == "Zakaria Malahifji"
    # "that said" opening a sentence is no attribution
    text = "That said the army kept its positions around the town on Monday."
    c = claim(run(text), text, "army")
    assert c.claimant is not None and c.claimant.key == "reuters"


def test_a_final_h_after_a_is_the_same_name() -> None:
    from app.extraction.places import find_places

    text = "Khan Tuman is near Orum al-Kubrah the town where an attack killed 20 civilians."
    assert {p.key for p in find_places(text)} == {"khan-tuman", "urum-al-kubra"}
    # a nisba one letter longer than a place is still no place
    assert find_places("The Homsi family and Abu Halabi fled.") == []


def test_a_seat_of_government_that_lost_troops_is_its_state() -> None:
    text = (
        "Damascus lost more than 40 troops and militia in the militant counter-attack on "
        "Sunday and Monday the UK-based Observatory said."
    )
    c = claim(run(text), text, "troops")
    assert [p.key for p in c.places] == []
    assert roles(c).get("syrian-government") == "target"


def test_a_given_name_before_a_nisba_is_a_persons_not_a_place() -> None:
    from app.extraction.places import find_places

    for text in (
        "Salahuddin al-Shishani was hiding in Iraq for a long time.",
        "Salah Al Din Al Shishani is still alive and is in Aleppo province.",
    ):
        assert "salaheddine" not in {p.key for p in find_places(text)}, text
    # the place itself still is one
    assert [p.key for p in find_places("Fighting raged in Salahuddin on Monday.")] == [
        "salaheddine"
    ]
