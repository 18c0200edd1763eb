"""Curation's guards on the seeded database (each test rolled back): who may do what, and
bad input to the new routes, which is a clear 4xx that writes nothing."""

from __future__ import annotations

import logging

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient
from pydantic import SecretStr
from sqlmodel import Session

from app.config import settings
from app.services import keys
from tests.problems import assert_problem

MERGE = {"Content-Type": "application/merge-patch+json"}
CLAIM = 1


def _etag(client: TestClient, claim_id: int = CLAIM) -> str:
    return client.get(f"/claims/{claim_id}").headers["ETag"]


def _dated_claim(client: TestClient) -> int:
    """A seeded claim with an event date (clearing half of a date needs one; which claims
    the extractor dates may change with its rules)."""
    page = client.get("/claims", params={"limit": 100}).json()["data"]
    return next(c["id"] for c in page if c["event_date_start"] is not None)


def _revisions(session: Session) -> int:
    return session.execute(sa.text("SELECT count(*) FROM revision")).scalar_one()


def _write_routes(client: TestClient) -> list[tuple[str, str, dict]]:
    review = {"review_status": "confirmed", "reason": "Checked."}
    return [
        (
            "PATCH",
            f"/claims/{CLAIM}",
            {"json": review, "headers": {**MERGE, "If-Match": _etag(client)}},
        ),
        (
            "PATCH",
            "/sources/2",
            {
                "json": {"title": "A better title", "reason": "The headline."},
                "headers": {**MERGE, "If-Match": client.get("/sources/2").headers["ETag"]},
            },
        ),
        ("DELETE", "/sources/2", {"json": {"reason": "A duplicate."}}),
        ("POST", "/sources/2/restore", {"json": {"reason": "Not a duplicate."}}),
        ("POST", "/sources", {"json": {"text": "The army entered Aleppo, SANA said."}}),
    ]


# the least role each write route needs
NEEDS = {"PATCH": "editor", "DELETE": "admin", "POST /sources/2/restore": "admin", "POST": "editor"}


@pytest.mark.parametrize("role", ["anonymous", "reader", "editor", "admin"])
def test_each_write_route_checks_the_role(
    client: TestClient, people: dict[str, dict[str, str]], role: str
) -> None:
    order = ["anonymous", "reader", "editor", "admin"]
    for method, path, kwargs in _write_routes(client):
        need = NEEDS.get(f"{method} {path}", NEEDS[method])
        headers = {**kwargs.pop("headers", {}), **people.get(role, {})}
        response = client.request(method, path, headers=headers, **kwargs)
        if order.index(role) >= order.index(need):
            assert response.status_code in (200, 201), (method, path, response.text)
        else:
            assert_problem(response, 401 if role == "anonymous" else 403)


def test_a_revoked_key_stops_working_at_once(
    client: TestClient, session: Session, people: dict[str, dict[str, str]]
) -> None:
    body = {"review_status": "confirmed", "reason": "Checked."}
    headers = {**people["editor"], **MERGE}
    ok = client.patch(f"/claims/{CLAIM}", json=body, headers={**headers, "If-Match": _etag(client)})
    assert ok.status_code == 200
    keys.revoke(session, "editor-1")
    again = client.patch(
        f"/claims/{CLAIM}", json=body, headers={**headers, "If-Match": _etag(client)}
    )
    assert_problem(again, 401)


def test_the_server_key_is_an_admin_and_keys_never_show(
    client: TestClient,
    session: Session,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    people: dict[str, dict[str, str]],
) -> None:
    monkeypatch.setattr(settings, "api_key", SecretStr("server-key"))
    deleted = client.request(
        "DELETE",
        "/sources/2",
        json={"reason": "Test."},
        headers={"Authorization": "Bearer server-key"},
    )
    assert deleted.status_code == 200
    with caplog.at_level(logging.DEBUG):
        wrong = client.request(
            "DELETE",
            "/sources/3",
            json={"reason": "Test."},
            headers={"Authorization": "Bearer cdb_guess"},
        )
    assert_problem(wrong, 401)
    assert "cdb_guess" not in caplog.text and "cdb_guess" not in wrong.text
    trail = client.get("/revisions").json()["data"]
    assert [r["by"] for r in trail] == ["server-admin-key"]
    stored = session.execute(sa.text("SELECT * FROM revision")).all()
    for key in ("server-key", *(h["Authorization"].split()[1] for h in people.values())):
        assert key not in repr(stored)
    hashes = session.execute(sa.text("SELECT key_hash FROM api_key")).scalars().all()
    assert all(len(h) == 64 for h in hashes)  # a hash, not the key


def test_readers_need_a_key_when_reads_are_private(
    client: TestClient, monkeypatch: pytest.MonkeyPatch, people: dict[str, dict[str, str]]
) -> None:
    monkeypatch.setattr(settings, "read_key", SecretStr("read-key"))
    for path in (f"/claims/{CLAIM}/history", "/revisions", "/sources/1/history"):
        assert_problem(client.get(path), 401)
        for role in ("reader", "editor", "admin"):
            assert client.get(path, headers=people[role]).status_code == 200


BAD_PATCHES = [
    ({"hedged": "yes", "reason": "r" * 5}, 422, "hedged"),
    ({"hedged": None, "reason": "r" * 5}, 422, "hedged"),
    ({"hedged": True}, 422, "reason"),
    ({"hedged": True, "reason": "x" * 3000}, 422, "reason"),
    ({"colour": "red", "reason": "r" * 5}, 422, "colour"),
    ({"char_start": 0, "char_end": 10**6, "reason": "r" * 5}, 422, "char_end"),
    ({"char_start": 50, "char_end": 10, "reason": "r" * 5}, 422, "char_end"),
    ({"char_start": -1, "reason": "r" * 5}, 422, "char_start"),
    ({"char_start": "3", "reason": "r" * 5}, 422, "char_start"),
    ({"claimant": 2147483647, "reason": "r" * 5}, 422, "claimant"),
    ({"claimant": "Nobody Whatsoever Qq", "reason": "r" * 5}, 422, "claimant"),
    ({"event_date_start": "2016-13-01", "reason": "r" * 5}, 422, "event_date_start"),
    ({"event_date_start": None, "reason": "r" * 5}, 422, "event_date_start"),
    (
        {
            "event_date_start": "2016-11-27",
            "event_date_end": "2016-11-01",
            "event_date_precision": "day",
            "reason": "r" * 5,
        },
        422,
        "event_date_end",
    ),
    ({"actors": [{"actor": 5, "role": "hero"}], "reason": "r" * 5}, 422, "actors.role"),
    (
        {
            "actors": [{"actor": 5, "role": "agent", "char_start": 0, "char_end": 10**7}],
            "reason": "r" * 5,
        },
        422,
        "actors.0",
    ),
    (
        {"places": [{"place": "Nowhere Qq", "char_start": 0, "char_end": 3}], "reason": "r" * 5},
        422,
        "places.0.place",
    ),
    (
        {"quantities": [{"what": "killed", "value": -3, "surface": "x"}], "reason": "r" * 5},
        422,
        "quantities.value",
    ),
    ({"review_status": "corrected", "reason": "r" * 5}, 422, "review_status"),
    ({"actors": [{"actor": 5, "role": "claimant"}], "reason": "r" * 5}, 422, "actors.0.role"),
    ({"claimant_text": "a\x00b", "reason": "r" * 5}, 422, "claimant_text"),
    ({"hedged": True, "reason": "why\x00"}, 422, "reason"),
    (
        {"quantities": [{"what": "killed", "value": 3, "surface": "\x00"}], "reason": "r" * 5},
        422,
        "quantities.surface",
    ),
    ({"reason": "nothing changes"}, 422, "reason"),
]


@pytest.mark.parametrize(("body", "status", "parameter"), BAD_PATCHES)
def test_bad_patches_are_named_and_write_nothing(
    client: TestClient,
    session: Session,
    people: dict[str, dict[str, str]],
    body: dict,
    status: int,
    parameter: str,
) -> None:
    claim = _dated_claim(client)
    etag = _etag(client, claim)
    response = client.patch(
        f"/claims/{claim}", json=body, headers={**people["editor"], **MERGE, "If-Match": etag}
    )
    assert_problem(response, status, parameter)
    assert _etag(client, claim) == etag and _revisions(session) == 0


def test_malformed_requests_are_4xx_and_write_nothing(
    client: TestClient, session: Session, people: dict[str, dict[str, str]]
) -> None:
    headers = {**people["editor"], "If-Match": _etag(client)}
    url = f"/claims/{CLAIM}"
    assert_problem(client.patch(url, content=b"{", headers={**headers, **MERGE}), 422)
    assert_problem(client.patch(url, content=b"[]", headers={**headers, **MERGE}), 422)
    assert_problem(
        client.patch(url, content=b"reason=x", headers={**headers, "Content-Type": "text/plain"}),
        415,
    )
    huge = b'{"reason": "' + b"x" * 100_000 + b'"}'
    assert_problem(client.patch(url, content=huge, headers={**headers, **MERGE}), 413)
    ok_body = {"review_status": "confirmed", "reason": "Checked."}
    assert_problem(
        client.patch("/claims/99999999", json=ok_body, headers={**headers, **MERGE}), 404
    )
    stale = {**headers, **MERGE, "If-Match": '"0000"'}
    assert_problem(client.patch(url, json=ok_body, headers=stale), 412)
    assert_problem(client.patch(url, json=ok_body, headers={**people["editor"], **MERGE}), 428)
    admin = people["admin"]
    assert_problem(client.request("DELETE", "/sources/2", json={}, headers=admin), 422, "reason")
    assert_problem(
        client.request("DELETE", "/sources/99999", json={"reason": "gone"}, headers=admin), 404
    )
    assert_problem(client.get("/revisions", params={"entity_id": 3}), 422, "entity_id")
    assert_problem(client.get("/revisions", params={"entity": "planet"}), 422, "entity")
    source = {**admin, **MERGE, "If-Match": client.get("/sources/2").headers["ETag"]}
    for bad, parameter in (
        ({"published_on": "2016-02-30", "reason": "date"}, "published_on"),
        (
            {"published_on": None, "published_precision": "day", "reason": "date"},
            "published_precision",
        ),
        ({"published_precision": None, "reason": "date"}, "published_precision"),
        ({"title": 7, "reason": "title"}, "title"),
        ({"text": "new text", "reason": "text"}, "text"),
    ):
        assert_problem(client.patch("/sources/2", json=bad, headers=source), 422, parameter)
    assert _revisions(session) == 0
    # application/json is accepted too
    plain = client.patch(url, json=ok_body, headers={**headers, "Content-Type": "application/json"})
    assert plain.status_code == 200 and _revisions(session) == 1


def test_every_correctable_field_is_applied(
    client: TestClient, session: Session, people: dict[str, dict[str, str]]
) -> None:
    claim = client.get(f"/claims/{CLAIM}").json()
    text = client.get(f"/sources/{claim['source_id']}").json()["text"]
    start, end = claim["char_start"] + 1, claim["char_end"] - 1
    body = {
        "claimant": 5,
        "claimant_text": "the army",
        "hedged": not claim["hedged"],
        "event_type": "siege",
        "event_date_start": "2016-11-20",
        "event_date_end": "2016-11-26",
        "event_date_precision": "week",
        "char_start": start,
        "char_end": end,
        "actors": [
            {"actor": "Daesh", "role": "target", "char_start": start, "char_end": start + 3}
        ],
        "places": [{"place": "Aleppo", "char_start": start, "char_end": start + 3}],
        "quantities": [{"what": "killed", "value": 7, "surface": "seven", "approx": True}],
        "reason": "Read again.",
    }
    headers = {**people["editor"], **MERGE, "If-Match": _etag(client)}
    fixed = client.patch(f"/claims/{CLAIM}", json=body, headers=headers)
    assert fixed.status_code == 200, fixed.text
    got = client.get(f"/claims/{CLAIM}").json()
    assert got["text"] == text[start:end] == got["evidence"]["span"]
    assert got["claimant"]["id"] == 5 and got["claimant_text"] == "the army"
    assert (got["event_type"], got["event_date_start"], got["event_date_precision"]) == (
        "siege",
        "2016-11-20",
        "week",
    )
    assert sorted((a["name"], a["role"]) for a in got["actors"]) == [
        ("Islamic State", "target"),
        ("Syrian Arab Army", "claimant"),  # the claimant is among them, as extraction stores it
    ]
    assert [p["name"] for p in got["places"]] == ["Aleppo"]
    assert [(q["what"], q["value"]) for q in got["quantities"]] == [("killed", 7)]
    assert got["corrected_fields"] == [
        "actors",
        "claimant",
        "claimant_text",
        "event_date",
        "event_type",
        "hedged",
        "places",
        "quantities",
        "span",
    ]
    by_claimant = client.get("/claims", params={"claimant": "5", "review_status": "corrected"})
    assert CLAIM in {c["id"] for c in by_claimant.json()["data"]}
    # the corrected figure and span are what the number filters and full-text search see
    ids = {
        c["id"] for c in client.get("/claims?killed_min=7&killed_max=7&limit=500").json()["data"]
    }
    assert CLAIM in ids
    words = [w for w in got["text"].split() if w.isalpha() and len(w) > 3]
    assert words and CLAIM in {
        c["id"] for c in client.get("/claims", params={"q": words[0], "limit": 500}).json()["data"]
    }
    # clearing: a null claimant and a null date
    headers["If-Match"] = _etag(client)
    cleared = client.patch(
        f"/claims/{CLAIM}",
        json={
            "claimant": None,
            "event_date_start": None,
            "event_date_end": None,
            "event_date_precision": None,
            "reason": "Not said.",
        },
        headers=headers,
    )
    assert cleared.status_code == 200, cleared.text
    assert cleared.json()["claimant"] is None and cleared.json()["event_date_start"] is None
    assert _revisions(session) == 2
