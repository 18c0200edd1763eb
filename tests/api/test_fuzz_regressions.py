"""What schema fuzzing (tests/test_fuzz.py) found, pinned so it stays fixed without luck.

Each group is one bug: before its fix the request answered 500 (mostly on PostgreSQL,
which refuses what SQLite lets through), or a response broke its documented schema.
"""

from __future__ import annotations

import base64
import json
from datetime import datetime, timedelta

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from app.config import settings
from app.main import app
from tests.problems import assert_problem

KEY = "regression-key"
AUTH = {"Authorization": f"Bearer {KEY}"}
TEXT = "Syrian troops seized the Hanano district of Aleppo on Saturday, state media said."


@pytest.fixture
def writable(monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    monkeypatch.setattr(settings, "api_key", SecretStr(KEY))
    return AUTH


def _cursor(ordering: str, values: list[object]) -> str:
    raw = json.dumps([ordering, values]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _is_utc_rfc3339(value: str) -> bool:
    parsed = datetime.fromisoformat(value)
    return parsed.utcoffset() == timedelta(0)


# Timestamps came back naive from SQLite ("2016-11-27T10:00:00"): not an RFC 3339
# date-time, which is what the schema promises.


def test_timestamps_carry_their_utc_offset(client: TestClient, writable: dict[str, str]) -> None:
    run = client.get("/imports/1").json()
    assert _is_utc_rfc3339(run["started_at"]) and _is_utc_rfc3339(run["finished_at"])
    assert _is_utc_rfc3339(client.get("/sources/1").json()["imported_at"])
    assert all(_is_utc_rfc3339(s["imported_at"]) for s in client.get("/sources").json()["data"])
    created = client.post("/sources", json={"text": TEXT}, headers=writable)
    assert created.status_code == 201, created.text
    assert _is_utc_rfc3339(created.json()["imported_at"])


# The query-string limit (414) and the read key (401) answer on every operation but were
# documented on none, so a conforming client could not expect them.


def test_every_operation_documents_414_and_its_keys() -> None:
    spec = app.openapi()
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            responses = operation["responses"]
            assert "414" in responses, (method, path)
            assert "application/problem+json" in responses["414"]["content"], (method, path)
            if path != "/health":
                assert "401" in responses, (method, path)


# NUL characters reached PostgreSQL, which refuses them in text: 500 instead of 422.


@pytest.mark.parametrize(
    ("url", "parameter"),
    [
        ("/sources?outlet=%00", "outlet"),
        ("/actors?q=isis%00", "q"),
        ("/places?q=%00", "q"),
        ("/places?governorate=Homs%00", "governorate"),
        ("/claims?place=Aleppo%00", "place"),
        ("/claims?actor=%00", "actor"),
        ("/claims?claimant=SOHR%00", "claimant"),
        ("/claims?governorate=%00", "governorate"),
        ("/claims?outlet=reuters&outlet=%00", "outlet"),
        ("/claims?q=army%00", "q"),
        ("/claims/facets?by=actor&outlet=%00", "outlet"),
        ("/sources?cursor=%00", "cursor"),
    ],
)
def test_nul_in_a_text_filter_is_a_422(client: TestClient, url: str, parameter: str) -> None:
    assert_problem(client.get(url), 422, parameter)


# Ids beyond the 32-bit id columns: PostgreSQL raised "integer out of range" (and SQLite
# "Python int too large" past 2**63) instead of the filter matching nothing.


@pytest.mark.parametrize(
    ("url", "parameter"),
    [
        ("/claims?source=2147483648", "source"),
        ("/claims?source=0", "source"),
        ("/actors/1/claims?source=99999999999999999999", "source"),
        ("/claims?place=99999999999", "place"),
        ("/claims?actor=99999999999999999999999", "actor"),
        ("/claims?claimant=2147483648", "claimant"),
    ],
)
def test_ids_beyond_the_id_columns_are_a_422(client: TestClient, url: str, parameter: str) -> None:
    assert_problem(client.get(url), 422, parameter)


def test_the_largest_id_is_simply_unknown(client: TestClient) -> None:
    assert client.get("/claims?source=2147483647").json()["count"] == 0
    assert_problem(client.get("/claims?place=2147483647"), 422, "place")


# "²" and "٣" pass str.isdigit() but are not ids: int("²") raised ValueError, a 500.


@pytest.mark.parametrize("value", ["%C2%B2", "%D9%A3"])
def test_non_ascii_digits_are_names_not_ids(client: TestClient, value: str) -> None:
    assert_problem(client.get(f"/claims?place={value}"), 422, "place")
    assert_problem(client.get(f"/claims?actor={value}"), 422, "actor")


# date_from=0001 is a valid date, but the overlap bound (start minus the longest event
# span) stepped below date.min: OverflowError, a 500.


@pytest.mark.parametrize(
    ("extreme", "ordinary"),
    [
        ("date_from=0001", "date_from=1900"),
        ("date_from=0001-01-01&date_mode=within", "date_from=1900&date_mode=within"),
        ("date_from=0001&date_to=9999-12-31", "date_from=1900&date_to=2100"),
        ("date_to=9999&date_field=published", "date_to=2100&date_field=published"),
    ],
)
def test_extreme_dates_filter_instead_of_failing(
    client: TestClient, extreme: str, ordinary: str
) -> None:
    response = client.get(f"/claims?{extreme}")
    assert response.status_code == 200, response.text
    expected = client.get(f"/claims?{ordinary}").json()["count"]
    assert response.json()["count"] == expected > 0


# An export resolved its filters only when the stream was first read, after the 200 and
# its headers were sent: an unknown name cut the download short instead of a 422.


@pytest.mark.parametrize("fmt", ["csv", "geojson", "jsonl"])
def test_export_with_an_unknown_name_is_a_422(client: TestClient, fmt: str) -> None:
    assert_problem(client.get(f"/claims?format={fmt}&place=Nowhereville"), 422, "place")
    assert_problem(client.get(f"/actors/52/claims?format={fmt}&actor=Nobody"), 422, "actor")


# A cursor is opaque but can be edited: values of the wrong type or out of the column's
# range reached the database (PostgreSQL: out of range, invalid date; both: booleans).


@pytest.mark.parametrize(
    ("url", "cursor"),
    [
        ("/claims", _cursor("id", [2**31])),
        ("/claims", _cursor("id", [True])),
        ("/claims", _cursor("id", [1.5])),
        ("/claims?sort=event_date", _cursor("event_date", ["x", 1])),
        ("/claims?sort=-published", _cursor("-published", [{"d": "2016-11-27"}, -(2**40)])),
        ("/actors", _cursor("id", [10**30])),
        ("/imports", _cursor("-id", ["1"])),
    ],
)
def test_an_edited_cursor_is_a_422(client: TestClient, url: str, cursor: str) -> None:
    separator = "&" if "?" in url else "?"
    assert_problem(client.get(f"{url}{separator}cursor={cursor}"), 422, "cursor")


def test_issued_cursors_still_work(client: TestClient) -> None:
    for sort in ("id", "event_date", "-published"):
        first = client.get(f"/claims?sort={sort}&limit=5").json()
        second = client.get(f"/claims?sort={sort}&limit=5&cursor={first['next']}")
        assert second.status_code == 200, second.text
        assert not {c["id"] for c in first["data"]} & {c["id"] for c in second.json()["data"]}


# POST /sources stored NUL in any field (PostgreSQL refuses it) and lone surrogates from
# JSON escapes ("\ud800"), which cannot even be encoded: 500s instead of 422s.


@pytest.mark.parametrize("field", ["title", "outlet", "url", "author", "external_id"])
def test_nul_in_a_document_field_is_a_422(
    client: TestClient, writable: dict[str, str], field: str
) -> None:
    response = client.post("/sources", json={"text": TEXT, field: "a\x00b"}, headers=writable)
    assert_problem(response, 422, field)


@pytest.mark.parametrize("field", ["text", "title"])
def test_a_lone_surrogate_is_a_422(
    client: TestClient, writable: dict[str, str], field: str
) -> None:
    # json.dumps writes the lone surrogate as the escape \ud800, as a client would send it
    body = json.dumps({"text": TEXT} | {field: "Aleppo \ud800"})
    response = client.post(
        "/sources", content=body, headers={**writable, "Content-Type": "application/json"}
    )
    assert_problem(response, 422, field)


# Starlette answers a malformed multipart body with its own 400, which POST /sources did
# not document; it is a body that cannot be read, like malformed JSON: a 422.


def test_malformed_multipart_is_a_422(client: TestClient, writable: dict[str, str]) -> None:
    response = client.post(
        "/sources",
        content=b"--x\r\nContent-Disposition: form-data\r\n\r\nno name\r\n--x--\r\n",
        headers={**writable, "Content-Type": "multipart/form-data; boundary=x"},
    )
    assert_problem(response, 422, "body")
    response = client.post(
        "/sources",
        content=b"anything",
        headers={**writable, "Content-Type": "multipart/form-data"},
    )
    assert_problem(response, 422, "body")


# json.loads raises RecursionError, not ValueError, past its nesting limit: a 500. (Found
# reading the upload code while fixing the above; no generator nests JSON this deep.)


def test_deeply_nested_json_is_a_422(client: TestClient, writable: dict[str, str]) -> None:
    response = client.post(
        "/sources",
        content=b"[" * 100_000 + b"]" * 100_000,
        headers={**writable, "Content-Type": "application/json"},
    )
    assert_problem(response, 422, "body")


# A 405 lost the Allow header Starlette gives it, and Starlette's names only the first
# matching route's methods (GET for /sources, not POST); RFC 9110 wants them all.


def test_405_says_which_methods_are_allowed(client: TestClient) -> None:
    response = client.delete("/claims/1")
    assert_problem(response, 405)
    assert response.headers["allow"] == "GET, PATCH"  # every method the path has
    assert client.put("/sources").headers["allow"] == "GET, POST"
