"""Places the gazetteer lacks, found named and placed in a source's text (issue 10, class 5):
stored on first sight, shared by the sources that name them, filtered like any place."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from app.config import settings

KEY = "s3cret-key"
FIRST = (
    "Strike kills eight near Al-Bab\n\n"
    "An airstrike hit the village of Thalthana in northern Aleppo province on Tuesday killing "
    "eight civilians the Syrian Observatory for Human Rights said. Thalthana lies near the "
    "IS stronghold of Al-Bab.\n"
)
SECOND = (
    "Aid reaches Thalthana\n\n"
    "A convoy of the Syrian Arab Red Crescent reached the village of Thalthana near Al-Bab on "
    "Friday with food for 300 families the organisation said. Thalthana had been without "
    "bread for a week.\n"
)
UNPLACED = (
    "Shelling reported\n\nRockets hit the village of Qurtuba on Monday wounding four people "
    "activists said.\n"
)


@pytest.fixture
def writable(monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    monkeypatch.setattr(settings, "api_key", SecretStr(KEY))
    return {"Authorization": f"Bearer {KEY}"}


def _post(client: TestClient, headers: dict[str, str], text: str, published: str) -> int:
    body = {"text": text, "title": text.split("\n")[0], "outlet": "example", "published": published}
    response = client.post("/sources", json=body, headers=headers)
    assert response.status_code == 201, response.text
    return response.json()["id"]


def test_a_village_the_gazetteer_lacks_is_a_place_of_its_claims(
    client: TestClient, writable: dict[str, str]
) -> None:
    assert client.get("/places", params={"q": "Thalthana"}).json()["data"] == []
    first = _post(client, writable, FIRST, "2016-10-19")
    found = client.get("/places", params={"q": "Thalthana"}).json()["data"]
    assert len(found) == 1
    village = found[0]
    assert village["name"] == "Thalthana" and village["kind"] == "village"
    assert village["found_in_text"] is True and village["added_by"] is None
    assert village["lat"] is None and village["lon"] is None
    assert village["governorate"] == "Aleppo" and village["parent"]["kind"] == "governorate"
    # every sentence naming it links it, the one that says it is a village and the next
    claims = client.get(f"/sources/{first}/claims").json()["data"]
    linked = [c for c in claims if village["id"] in {p["id"] for p in c["places"]}]
    assert {c["text"].split()[0] for c in linked} == {"An", "Thalthana"}
    # a later source that names and places it again is about the same place (a source that
    # only names it bare does not: what it means must not hang on what was imported before)
    second = _post(client, writable, SECOND, "2016-10-21")
    by_name = client.get("/claims", params={"place": "Thalthana"}).json()
    assert {c["source_id"] for c in by_name["data"]} == {first, second}
    assert by_name["resolved"]["place"][0]["id"] == village["id"]
    # and it lies in its governorate for the filters that take sub-places
    in_aleppo = client.get("/claims", params={"place": "Aleppo Governorate", "limit": 500})
    assert {c["id"] for c in by_name["data"]} <= {c["id"] for c in in_aleppo.json()["data"]}
    # the gazetteer's own places are not flagged
    aleppo = client.get(f"/places/{village['parent']['id']}").json()
    assert aleppo["found_in_text"] is False


def test_a_village_no_sentence_places_is_not_invented(
    client: TestClient, writable: dict[str, str]
) -> None:
    source = _post(client, writable, UNPLACED, "2016-10-17")
    assert client.get("/places", params={"q": "Qurtuba"}).json()["data"] == []
    claims = client.get(f"/sources/{source}/claims").json()["data"]
    assert claims and all(not c["places"] for c in claims)
