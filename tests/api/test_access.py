"""Access control and hostile input: keys, CORS, size limits, injection, no leaked internals."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient
from pydantic import SecretStr
from sqlmodel import Session

from app.config import settings
from app.db import get_session
from app.main import create_app
from tests.problems import assert_problem
from tests.search_reference import matches

INJECTIONS = [
    "' OR '1'='1",
    "1; DROP TABLE claim; --",
    "Robert'); DROP TABLE source;--",
    '" OR ""="',
    "%' UNION SELECT id, text FROM source --",
    "aleppo\\' OR 1=1 /*",
    "claim_fts MATCH '*'",
    "NEAR(a b)",
]
TEXT_FILTERS = ["actor", "place", "governorate", "claimant", "outlet", "q", "cursor"]


def _counts(session: Session) -> tuple[int, int, int]:
    return tuple(
        session.execute(sa.text(f"SELECT count(*) FROM {t}")).scalar_one()
        for t in ("source", "claim", "actor")
    )


@pytest.mark.parametrize("parameter", TEXT_FILTERS)
def test_injection_strings_are_only_ever_data(
    client: TestClient, session: Session, parameter: str
) -> None:
    before = _counts(session)
    for value in INJECTIONS:
        response = client.get("/claims", params={parameter: value})
        assert response.status_code in (200, 422), (value, response.text)
        if response.status_code == 200:
            body = response.json()
            if parameter == "q":  # a search, never SQL: each hit is what the grammar says
                for claim in body["data"]:
                    assert matches(value, claim["text"]), (value, claim["text"])
            else:
                assert body["count"] == 0, (parameter, value)
        else:
            assert_problem(response, 422, parameter)
    for lists in ("/actors", "/places"):
        for value in INJECTIONS:
            assert client.get(lists, params={"q": value}).status_code == 200
    assert _counts(session) == before


def test_reads_can_be_made_private(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(settings, "read_key", SecretStr("reader-key"))
    monkeypatch.setattr(settings, "api_key", SecretStr("writer-key"))
    for path in (
        "/claims",
        "/sources/1",
        "/actors",
        "/places",
        "/imports",
        "/claims/facets?by=actor",
    ):
        assert_problem(client.get(path), 401)
        assert_problem(client.get(path, headers={"Authorization": "Bearer wrong"}), 401)
        assert client.get(path, headers={"Authorization": "Bearer reader-key"}).status_code == 200
        assert client.get(path, headers={"Authorization": "Bearer writer-key"}).status_code == 200
    # the read key does not write: it is known, and not allowed to (403, not 401)
    response = client.post(
        "/sources", json={"text": "x"}, headers={"Authorization": "Bearer reader-key"}
    )
    assert_problem(response, 403)
    assert client.get("/health").status_code == 200  # liveness stays public


def test_cors_is_closed_by_default_and_configurable(monkeypatch: pytest.MonkeyPatch) -> None:
    preflight = {"Origin": "https://example.org", "Access-Control-Request-Method": "GET"}
    closed = TestClient(create_app())
    assert "access-control-allow-origin" not in closed.options("/claims", headers=preflight).headers
    assert (
        "access-control-allow-origin"
        not in closed.get("/openapi.json", headers={"Origin": "https://example.org"}).headers
    )
    monkeypatch.setattr(settings, "cors_origins", ["https://example.org"])
    opened = TestClient(create_app())
    allowed = opened.options("/claims", headers=preflight)
    assert allowed.headers["access-control-allow-origin"] == "https://example.org"
    other = opened.options("/claims", headers={**preflight, "Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in other.headers


def test_long_query_string_is_414(client: TestClient) -> None:
    response = client.get("/claims?" + "&".join(f"actor=a{i:05d}" for i in range(2000)))
    assert_problem(response, 414)


def test_internal_errors_leak_nothing(session: Session, monkeypatch: pytest.MonkeyPatch) -> None:
    app = create_app()

    def broken() -> None:
        raise sa.exc.OperationalError(
            "SELECT secret FROM claim WHERE x = 'y'", {}, Exception("boom")
        )

    app.dependency_overrides[get_session] = broken
    response = TestClient(app, raise_server_exceptions=False).get("/claims")
    body = assert_problem(response, 500)
    for leaked in ("boom", "secret", "SELECT", "OperationalError"):
        assert leaked not in response.text
    assert body["detail"] == "The server failed to answer this request; it has been logged."
