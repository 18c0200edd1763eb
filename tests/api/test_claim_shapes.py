"""Lists of claims go out shaped from rows, never validated (services/claim_rows.py, issue
#15): their bytes must be what the documented models make of the same claims, field for
field and in the same order, corrected and reviewed claims included."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from app.models import ClaimPublic
from app.models.page import Page

MERGE = "application/merge-patch+json"


def _as_the_model_writes_it(body: bytes) -> bytes:
    return Page[ClaimPublic].model_validate_json(body).model_dump_json().encode()


def _pages(client: TestClient, query: str) -> list[bytes]:
    """Every page of `query`, as sent."""
    out, url = [], f"/claims?{query}"
    while True:
        response = client.get(url)
        assert response.status_code == 200, response.text
        out.append(response.content)
        following = response.json()["next"]
        if following is None:
            return out
        url = f"/claims?{query}&cursor={following}"


@pytest.mark.parametrize(
    "query",
    [
        "limit=7",  # first pages and pages by cursor, every claim of the seeds
        "limit=5&sort=-event_date",
        "limit=9&sort=published&event_type=casualties",
        "limit=500&actor=Daesh",
        "limit=3&place=Aleppo&count=exact",
    ],
)
def test_a_page_is_what_the_model_writes(client: TestClient, query: str) -> None:
    pages = _pages(client, query)
    claims = [c for page in pages for c in Page[ClaimPublic].model_validate_json(page).data]
    assert claims
    # what the shaping fills in from other tables is there (the seeds have all of it)
    assert any(c.actors for c in claims) or "actor=" not in query
    if "limit=7" in query:
        assert any(c.places for c in claims) and any(c.claimant for c in claims)
        assert any(c.event_id for c in claims) and any(c.quantities for c in claims)
        assert any(c.figures for c in claims)
    for page in pages:
        assert page == _as_the_model_writes_it(page)


def test_a_corrected_claim_is_written_as_the_model_writes_it(
    client: TestClient, people: dict[str, dict[str, str]]
) -> None:
    claim = client.get("/claims?limit=1&figure=killed").json()["data"][0]
    etag = client.get(f"/claims/{claim['id']}").headers["ETag"]
    patched = client.patch(
        f"/claims/{claim['id']}",
        json={"hedged": not claim["hedged"], "reason": "checked against the source"},
        headers={**people["editor"], "If-Match": etag, "Content-Type": MERGE},
    )
    assert patched.status_code == 200, patched.text
    response = client.get(f"/claims?limit=50&source={claim['source_id']}")
    listed = next(c for c in response.json()["data"] if c["id"] == claim["id"])
    assert listed["corrected_fields"] == ["hedged"] and listed["reviewed_at"]
    assert listed["review_status"] == "corrected"
    assert response.content == _as_the_model_writes_it(response.content)
    # the list and the claim's own page agree on every field a list shows
    single = client.get(f"/claims/{claim['id']}").json()
    assert {k: single[k] for k in listed} == listed
