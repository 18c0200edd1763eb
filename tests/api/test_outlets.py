"""/outlets, and `outlet=` taking an outlet's key, name or alias (issue 14)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from app.config import settings
from tests.problems import assert_problem

KEY = "outlets-key"


@pytest.fixture
def writable(monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    monkeypatch.setattr(settings, "api_key", SecretStr(KEY))
    return {"Authorization": f"Bearer {KEY}"}


def every_outlet(client: TestClient, query: str = "") -> list[dict]:
    out, url = [], f"/outlets?limit=3&{query}"
    while url:
        body = client.get(url).json()
        out += body["data"]
        url = body["next_url"]
    assert len(out) == body["count"]
    return out


def test_outlets_carry_curated_data_with_its_source(client: TestClient) -> None:
    outlets = {o["key"]: o for o in every_outlet(client)}
    assert list(outlets) == sorted(outlets)
    sana = client.get("/outlets/sana").json()
    assert sana == outlets["sana"]
    assert sana["name"] == "Syrian Arab News Agency" and sana["country"] == "SY"
    assert sana["owner"] and sana["alignment"] and sana["source"].startswith("https://")
    assert sana["curated"] is True
    # the seeds' outlets are counted under their curated entry
    seeded = client.get("/sources?limit=500").json()["data"]
    star = sum(1 for s in seeded if s["outlet"] == "Morning Star")
    assert star and outlets["morning-star"]["source_count"] == star
    assert every_outlet(client, "country=RU") == [
        o for o in outlets.values() if o["country"] == "RU"
    ]
    assert_problem(client.get("/outlets/no-such-outlet"), 404)


def test_an_outlet_no_one_curated_is_listed_as_found(
    client: TestClient, writable: dict[str, str]
) -> None:
    text = "Syrian troops seized the Hanano district of Aleppo on Saturday, state media said."
    created = client.post(
        "/sources", json={"text": text, "outlet": "Example Wire"}, headers=writable
    )
    assert created.status_code == 201, created.text
    found = client.get("/outlets/example-wire").json()
    assert found["name"] == "Example Wire" and found["curated"] is False
    assert found["source_count"] == 1 and found["owner"] is None
    assert found in every_outlet(client, "curated=false")
    [outlet] = client.get("/claims?outlet=Example Wire").json()["resolved"]["outlet"]
    assert outlet["key"] == "example-wire"


def test_outlet_takes_a_name_as_well_as_a_key(client: TestClient, writable: dict[str, str]) -> None:
    text = "SANA reported that 12 civilians were killed by shelling in Aleppo on Monday."
    created = client.post("/sources", json={"text": text, "outlet": "sana"}, headers=writable)
    assert created.status_code == 201, created.text
    by_key = client.get("/claims?outlet=sana").json()
    by_name = client.get("/claims?outlet=Syrian Arab News Agency").json()
    assert by_key["count"] > 0
    assert [c["id"] for c in by_name["data"]] == [c["id"] for c in by_key["data"]]
    assert by_name["resolved"]["outlet"][0]["matched"] == "name"
    assert by_key["resolved"]["outlet"][0]["matched"] == "key"
    assert client.get("/sources?outlet=SANA").json()["count"] == 1
    # the facets count the same claims
    facets = client.get("/claims/facets?by=outlet&outlet=Syrian Arab News Agency").json()
    assert facets["total"] == by_key["count"]


def test_an_unknown_outlet_is_422_suggesting_close_ones(client: TestClient) -> None:
    body = assert_problem(client.get("/claims?outlet=Morning Stra"), 422, "outlet")
    assert body["suggestions"][0] == "Morning Star"
    assert_problem(client.get("/sources?outlet=Morning Stra"), 422, "outlet")
