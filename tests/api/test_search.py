"""Full-text search (`q`) on /claims and /sources, on each database: stemming, prefixes,
phrases and OR, checked against the grammar evaluated in Python over every claim's text
(tests/search_reference.py). tests/test_search_agreement.py compares the two databases."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from app.services.search import words
from tests.api.test_claims_query import all_claims, ids
from tests.problems import assert_problem
from tests.search_reference import matches

QUERIES = [
    "terrorist",
    "terrorists",
    "kill",
    "terror*",
    "milit*",
    "rebels OR opposition",
    '"Syrian army"',
    '"army" OR Palmyra Aleppo',
    "al-Qaeda",
    "attacked",
]


def test_terrorist_finds_terrorists(client: TestClient) -> None:
    everything = all_claims(client)
    plural = {c["id"] for c in everything if "terrorists" in words(c["text"])}
    singular = {c["id"] for c in everything if "terrorist" in words(c["text"])}
    assert plural - singular  # claims that say only "terrorists"
    found = ids(all_claims(client, "q=terrorist"))
    assert plural | singular <= found
    assert found == ids(all_claims(client, "q=terrorists"))


@pytest.mark.parametrize("q", QUERIES)
def test_each_query_matches_the_grammar(client: TestClient, q: str) -> None:
    everything = all_claims(client)
    expected = {c["id"] for c in everything if matches(q, c["text"])}
    assert expected, q  # every query finds something in the seeds
    assert ids(all_claims(client, "q=" + q.replace("&", "%26"))) == expected


def test_or_widens_and_a_prefix_reaches_other_words(client: TestClient) -> None:
    rebels, opposition = (
        ids(all_claims(client, "q=rebels")),
        ids(all_claims(client, "q=opposition")),
    )
    assert rebels - opposition and opposition - rebels
    assert ids(all_claims(client, "q=rebels OR opposition")) == rebels | opposition
    milit = all_claims(client, "q=milit*")  # military, militants, militia...
    reached = {w for c in milit for w in words(c["text"]) if w.startswith("milit")}
    assert len(reached) >= 3, reached
    for word in reached:
        assert ids(all_claims(client, f"q={word}")) <= ids(milit)


def test_a_phrase_needs_its_words_side_by_side(client: TestClient) -> None:
    phrase = ids(all_claims(client, 'q="Syrian army"'))
    both = ids(all_claims(client, "q=Syrian army"))
    assert phrase and phrase <= both


def test_sources_by_search_outlet_and_publication_date(client: TestClient) -> None:
    sources = client.get("/sources?limit=500").json()["data"]
    with_claim = {c["source_id"] for c in all_claims(client, "q=terrorist")}
    found = client.get("/sources?q=terrorist&limit=500").json()["data"]
    assert {s["id"] for s in found} == with_claim and 0 < len(with_claim) < len(sources)
    dated = sorted(s["published_on"] for s in sources if s["published_on"])
    cut = dated[len(dated) // 2]
    after = client.get(f"/sources?published_from={cut}&limit=500").json()["data"]
    assert {s["id"] for s in after} == {
        s["id"] for s in sources if s["published_on"] and s["published_on"] >= cut
    }
    month = cut[:7]
    within = client.get(f"/sources?published_from={month}&published_to={month}").json()["data"]
    assert within and all(s["published_on"].startswith(month) for s in within)
    outlet = sources[0]["outlet"]
    by_outlet = client.get("/sources", params={"outlet": outlet.upper(), "q": "the"}).json()
    assert all(s["outlet"] == outlet for s in by_outlet["data"])
    assert_problem(
        client.get("/sources?published_from=2017&published_to=2016"), 422, "published_to"
    )
    assert_problem(client.get("/sources?published_from=2016-13"), 422, "published_from")
