"""POST /sources: access control, idempotency, size limit, both body kinds."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from app.config import settings
from tests.problems import assert_problem

KEY = "s3cret-key"
TEXT = "Army retakes district\n\nSyrian troops seized the Hanano district of Aleppo on Saturday, state media said.\n"


@pytest.fixture
def writable(monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    monkeypatch.setattr(settings, "api_key", SecretStr(KEY))
    return {"Authorization": f"Bearer {KEY}"}


def test_read_only_server_refuses_writes(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "api_key", None)
    assert_problem(client.post("/sources", json={"text": TEXT}), 403)
    assert_problem(
        client.post("/sources", json={"text": TEXT}, headers={"Authorization": "Bearer x"}), 403
    )


def test_missing_or_wrong_key_is_401(
    client: TestClient, writable: dict[str, str], caplog: pytest.LogCaptureFixture
) -> None:
    response = client.post("/sources", json={"text": TEXT})
    assert_problem(response, 401)
    assert response.headers["www-authenticate"] == "Bearer"
    wrong = "Bearer not-the-key-123"
    assert_problem(
        client.post("/sources", json={"text": TEXT}, headers={"Authorization": wrong}), 401
    )
    assert "rejected key" in caplog.text and "not-the-key-123" not in caplog.text


def test_201_then_200_for_the_same_text(client: TestClient, writable: dict[str, str]) -> None:
    body = {
        "text": TEXT,
        "title": "Army retakes district",
        "outlet": "example",
        "published": "2016-11-27",
    }
    first = client.post("/sources", json=body, headers=writable)
    assert first.status_code == 201, first.text
    created = first.json()
    assert first.headers["location"].endswith(f"/sources/{created['id']}")
    assert created["published_on"] == "2016-11-27" and created["published_origin"] == "metadata"
    again = client.post("/sources", json=body, headers=writable)
    assert again.status_code == 200 and again.json()["id"] == created["id"]
    detail = client.get(first.headers["location"]).json()
    assert detail["text"] == TEXT
    claims = client.get(f"/sources/{created['id']}/claims").json()["data"]
    assert claims and all(TEXT[c["char_start"] : c["char_end"]] == c["text"] for c in claims)


def test_multipart_upload_decodes_and_records_the_encoding(
    client: TestClient, writable: dict[str, str]
) -> None:
    data = "Caf\xe9 shelled\n\nRebels shelled Hama on Monday.\n".encode("cp1252")
    response = client.post(
        "/sources",
        files={"file": ("report.txt", data, "text/plain")},
        data={"outlet": "example"},
        headers=writable,
    )
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["encoding"] == "cp1252" and body["external_id"] == "report.txt"


def test_binary_upload_is_422_naming_the_file(client: TestClient, writable: dict[str, str]) -> None:
    response = client.post(
        "/sources",
        files={"file": ("x.bin", bytes(range(256)), "application/octet-stream")},
        headers=writable,
    )
    assert_problem(response, 422, "file")


def test_above_the_limit_is_413(
    client: TestClient, writable: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "max_document_bytes", 1000)
    assert_problem(client.post("/sources", json={"text": "word " * 300}, headers=writable), 413)
    files = {"file": ("big.txt", b"word " * 300, "text/plain")}
    assert_problem(client.post("/sources", files=files, headers=writable), 413)
    big = b'{"text": "' + b"w" * 200_000 + b'"}'
    response = client.post(
        "/sources", content=big, headers={**writable, "Content-Type": "application/json"}
    )
    assert_problem(response, 413)


@pytest.mark.parametrize(
    ("body", "parameter"),
    [
        ({}, "text"),
        ({"text": "   "}, "text"),
        ({"text": "x", "published": "2016-13-01"}, "published"),
        ({"text": "x", "color": "red"}, "color"),
    ],
)
def test_bad_body_is_422_naming_the_field(
    client: TestClient, writable: dict[str, str], body: dict, parameter: str
) -> None:
    assert_problem(client.post("/sources", json=body, headers=writable), 422, parameter)


def test_unsupported_content_type_is_415(client: TestClient, writable: dict[str, str]) -> None:
    response = client.post(
        "/sources", content=b"text", headers={**writable, "Content-Type": "text/plain"}
    )
    assert_problem(response, 415)
