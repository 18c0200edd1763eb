"""The one assertion for error responses: RFC 9457 problem details, naming the parameter."""

from __future__ import annotations

from typing import Any


def assert_problem(response: Any, status: int, parameter: str | None = None) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body = response.json()
    assert body["status"] == status
    assert body["type"].startswith("https://")
    assert body["title"] and body["detail"]
    if parameter is not None:
        names = [e["parameter"] for e in body.get("errors", [])]
        assert parameter in names, body
        assert parameter in body["detail"], body
    text = response.text.lower()
    for internal in ("traceback", "sqlalchemy", "psycopg", "sqlite3", 'file "/'):
        assert internal not in text, response.text
    return body
