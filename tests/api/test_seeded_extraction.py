"""What `claimdb seed` makes of the five seed articles, read back through the API."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient


def _source(client: TestClient, prefix: str) -> dict[str, Any]:
    listed = client.get("/sources?limit=500").json()["data"]
    source_id = next(s["id"] for s in listed if s["external_id"].startswith(prefix))
    return client.get(f"/sources/{source_id}").json()


def _claims(client: TestClient, source_id: int) -> list[dict[str, Any]]:
    return client.get(f"/sources/{source_id}/claims?limit=500").json()["data"]


@pytest.mark.parametrize("prefix", ["000_", "001_", "002_", "003_", "004_"])
def test_every_span_slices_the_stored_text(client: TestClient, prefix: str) -> None:
    source = _source(client, prefix)
    text = source["text"]
    assert source["mentions"]
    for mention in source["mentions"]:
        assert text[mention["char_start"] : mention["char_end"]] == mention["surface"]
        assert mention["kind"] in ("actor", "place", "date", "quantity")
        if mention["kind"] in ("actor", "place"):
            assert mention["entity_id"] and mention["entity"]
    claims = _claims(client, source["id"])
    assert claims
    for claim in claims:
        assert text[claim["char_start"] : claim["char_end"]] == claim["text"]
        for link in claim["actors"] + claim["places"]:
            if link.get("role") == "claimant":  # may be named in an earlier sentence ("He said")
                assert link["char_start"] is None or link["char_start"] < claim["char_end"]
            else:
                start, end = link["char_start"], link["char_end"]
                assert claim["char_start"] <= start < end <= claim["char_end"]
        assert (
            claim["claimant"] or claim["claimant_text"] or claim["hedged"] or claim["in_comments"]
        )


def test_kaweiris_is_the_kuweires_airbase(client: TestClient) -> None:
    cole = _source(client, "001_")
    places = {m["surface"]: m for m in cole["mentions"] if m["kind"] == "place"}
    kaweiris = client.get(f"/places/{places['Kaweiris']['entity_id']}").json()
    assert "Kuweires" in kaweiris["name"] and kaweiris["kind"] == "airport"
    assert kaweiris["governorate"] == "Aleppo" and kaweiris["lat"] and kaweiris["lon"]
    assert places["Keweiris"]["entity_id"] == kaweiris["id"]


def test_daesh_and_isil_are_islamic_state(client: TestClient) -> None:
    cole = _source(client, "001_")
    named = {m["surface"]: m["entity"] for m in cole["mentions"] if m["kind"] == "actor"}
    assert named["Daesh"] == named["ISIL"] == "Islamic State"


def test_hanano_is_in_aleppo(client: TestClient) -> None:
    inquisitr = _source(client, "003_")
    hanano = next(
        m
        for m in inquisitr["mentions"]
        if m["kind"] == "place" and m["surface"].startswith("Hanano")
    )
    place = client.get(f"/places/{hanano['entity_id']}").json()
    assert place["governorate"] == "Aleppo"
    assert "Aleppo" in [a["name"] for a in place["ancestors"]]
    assert inquisitr["primary_place"]["governorate"] == "Aleppo"


def test_on_wednesday_in_the_2016_08_12_article(client: TestClient) -> None:
    star = _source(client, "002_")
    assert star["published_on"] == "2016-08-12"
    claim = next(
        c
        for c in _claims(client, star["id"])
        if c["text"].startswith("On Wednesday Russian general staff")
    )
    assert (claim["event_date_start"], claim["event_date_end"], claim["event_date_precision"]) == (
        "2016-08-10",
        "2016-08-10",
        "day",
    )
    assert claim["claimant"]["name"] and claim["claimant"]["kind"] == "person"


def test_comments_are_marked(client: TestClient) -> None:
    cole = _source(client, "001_")
    assert cole["body_end"] is not None
    assert cole["text"][cole["body_end"] :].lstrip().startswith("Related video")
    claims = _claims(client, cole["id"])
    assert all(c["in_comments"] == (c["char_start"] >= cole["body_end"]) for c in claims)


def test_claim_detail_shows_the_evidence_in_context(client: TestClient) -> None:
    star = _source(client, "002_")
    claim = _claims(client, star["id"])[3]
    detail = client.get(f"/claims/{claim['id']}").json()
    evidence = detail["evidence"]
    assert evidence["span"] == claim["text"]
    assert (
        star["text"][claim["char_start"] - len(evidence["before"]) : claim["char_start"]]
        == evidence["before"]
    )
    assert (
        star["text"][claim["char_end"] : claim["char_end"] + len(evidence["after"])]
        == evidence["after"]
    )
    assert detail["source"]["title"] == star["title"]


def test_quantities_keep_their_qualifiers(client: TestClient) -> None:
    star = _source(client, "002_")
    quantities = {
        (q["what"], q["value"], q["qualifier"])
        for c in _claims(client, star["id"])
        for q in c["quantities"]
    }
    assert {
        ("killed", 1000, "nearly"),
        ("injured", 2000, "over"),
        ("killed", 2, "at_least"),
    } <= quantities
