"""The smaller holes an outside test found (issue 11), one test each, through the app."""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient
from pydantic import SecretStr

from app.config import settings
from app.main import app, create_app
from app.models import ImportRun
from tests.problems import assert_problem

KEY = "hardening-key"
AUTH = {"Authorization": f"Bearer {KEY}"}
TEXT = "Syrian troops seized the Hanano district of Aleppo on Saturday, state media said."
LISTS = ["/claims", "/sources", "/actors", "/places", "/imports"]
LISTS += ["/actors/52/claims", "/places/25/claims", "/sources/1/claims"]


@pytest.fixture
def writable(monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    monkeypatch.setattr(settings, "api_key", SecretStr(KEY))
    return AUTH


# /places?q=!!! and /actors?q=!!! listed every row: the query folded to "" and became
# the LIKE pattern "%". /claims?q=!!! (full text) matched none.


@pytest.mark.parametrize("path", ["/places", "/actors", "/claims"])
@pytest.mark.parametrize("q", ["!!!", "-", "\u060c"])  # \u060c: the Arabic comma
def test_a_name_search_of_punctuation_matches_nothing(
    client: TestClient, path: str, q: str
) -> None:
    response = client.get(path, params={"q": q})
    assert response.status_code == 200, response.text
    assert response.json()["count"] == 0


def test_name_search_still_finds_names(client: TestClient) -> None:
    assert client.get("/places", params={"q": "alep"}).json()["count"] > 0
    assert client.get("/actors", params={"q": "daesh"}).json()["count"] > 0


# An empty governorate= or outlet= was dropped as if absent: the whole list, silently.


@pytest.mark.parametrize(
    ("url", "parameter"),
    [
        ("/places?governorate=", "governorate"),
        ("/sources?outlet=", "outlet"),
        ("/claims?outlet=", "outlet"),
        ("/claims?outlet=reuters&outlet=", "outlet"),
        ("/claims?governorate=", "governorate"),
    ],
)
def test_an_empty_filter_value_is_a_422(client: TestClient, url: str, parameter: str) -> None:
    assert_problem(client.get(url), 422, parameter)


# HEAD was a 405 on every route, /health included.


@pytest.mark.parametrize("path", ["/health", "/claims?limit=2", "/sources/1", "/claims?format=csv"])
def test_head_answers_as_get_without_a_body(client: TestClient, path: str) -> None:
    get, head = client.get(path), client.head(path)
    assert head.status_code == get.status_code == 200, head.text
    assert head.content == b""
    assert head.headers["content-type"] == get.headers["content-type"]


# The Location of a new source was built from the request's Host header:
# `Host: evil.example` gave `location: http://evil.example/sources/6`.


def test_location_is_a_path_whatever_the_host(client: TestClient, writable: dict[str, str]) -> None:
    response = client.post(
        "/sources", json={"text": TEXT}, headers={**writable, "Host": "evil.example"}
    )
    assert response.status_code == 201, response.text
    assert response.headers["location"] == f"/sources/{response.json()['id']}"


# No X-Content-Type-Options anywhere; no Content-Security-Policy or X-Frame-Options on
# the docs pages.


def test_security_headers(client: TestClient) -> None:
    for path in ("/claims?limit=1", "/claims/999999", "/docs", "/redoc", "/openapi.json"):
        response = client.get(path)
        assert response.headers["x-content-type-options"] == "nosniff", path
        assert response.headers["x-frame-options"] == "DENY", path
        assert "frame-ancestors 'none'" in response.headers["content-security-policy"], path
    assert client.get("/claims").headers["content-security-policy"].startswith("default-src 'none'")
    docs = client.get("/docs")
    assert "script-src 'self'" in docs.headers["content-security-policy"]
    # the docs page loads its scripts from this server only, as the policy allows
    assert 'src="/static-offline-docs' in docs.text or "static-offline-docs" in docs.text
    assert "https://" not in docs.text.split("<body")[0]


# /imports showed every reader the importing machine's folders.


def test_imports_show_file_names_not_folders(client: TestClient, session: Any) -> None:
    session.add(
        ImportRun(
            origin="import /srv/private/feeds/syria.csv --preset fakes",
            errors=[{"location": "/srv/private/feeds/syria.csv:row 3 (line 4)", "reason": "x"}],
            status="finished",
        )
    )
    session.flush()
    body = client.get("/imports").text
    assert "/srv/private" not in body and "feeds/" not in body
    newest = client.get("/imports").json()["data"][0]
    assert newest["origin"] == "import syria.csv --preset fakes"
    assert newest["errors"][0]["location"] == "syria.csv:row 3 (line 4)"
    run = client.get(f"/imports/{newest['id']}").json()
    assert run["origin"] == newest["origin"] and run["status"] == "finished"


# url: "javascript:alert(1)" was stored, to be shown as a link.


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "data:text/html,<b>x</b>", "//evil.example/x", "example.com"]
)
def test_a_source_url_must_be_a_web_address(
    client: TestClient, writable: dict[str, str], url: str
) -> None:
    response = client.post("/sources", json={"text": TEXT, "url": url}, headers=writable)
    assert_problem(response, 422, "url")


def test_an_http_url_is_kept(client: TestClient, writable: dict[str, str]) -> None:
    url = "https://example.com/2016/11/27/hanano"
    response = client.post("/sources", json={"text": TEXT, "url": url}, headers=writable)
    assert response.status_code == 201 and response.json()["url"] == url


# A refused CORS preflight answered "Disallowed CORS origin" in plain text.


def test_a_refused_cors_preflight_is_a_problem(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(settings, "cors_origins", ["https://allowed.example"])
    with TestClient(create_app()) as cors:
        preflight = {"Access-Control-Request-Method": "GET"}
        refused = cors.options("/claims", headers={"Origin": "https://evil.example", **preflight})
        allowed = cors.options(
            "/claims", headers={"Origin": "https://allowed.example", **preflight}
        )
    body = assert_problem(refused, 400)
    assert "https://allowed.example" in body["detail"]
    assert allowed.status_code == 200
    assert allowed.headers["access-control-allow-origin"] == "https://allowed.example"


# The OpenAPI example cursor of /imports was one /imports rejects (another ordering's).


def test_every_documented_cursor_example_is_accepted(client: TestClient) -> None:
    tried = 0
    for path, operations in app.openapi()["paths"].items():
        for parameter in operations.get("get", {}).get("parameters", []):
            if parameter["name"] == "cursor":
                url = path.replace("{actor_id}", "52").replace("{place_id}", "25")
                url = url.replace("{source_id}", "1").replace("{claim_id}", "1")
                example = parameter["schema"].get("examples", [parameter.get("example")])[0]
                required = {"by": "month"} if path.endswith("/facets") else {}
                response = client.get(url, params={"cursor": example, **required})
                assert response.status_code == 200, (path, example, response.text)
                tried += 1
    assert tried >= len(LISTS)


# A cursor nested ~990 levels deep (1,320 characters, under the 2,048 limit) raised
# RecursionError in the cursor decoder: a 500 on every list.


def _nested_cursor(depth: int) -> str:
    raw = "[" * depth
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


@pytest.mark.parametrize("path", LISTS)
def test_a_deeply_nested_cursor_is_a_422(client: TestClient, path: str) -> None:
    cursor = _nested_cursor(990)
    assert len(cursor) <= 2048
    assert_problem(client.get(path, params={"cursor": cursor}), 422, "cursor")
    brackets = base64.urlsafe_b64encode(b'["id",[1, "[[[[[[[[[["]]').decode().rstrip("=")
    assert client.get(path, params={"cursor": brackets}).status_code == 422  # not a 500
    too_long = base64.urlsafe_b64encode(json.dumps(["id", ["x" * 1500]]).encode()).decode()
    assert_problem(client.get(path, params={"cursor": too_long}), 422, "cursor")


# The multipart `file` was documented as binary, but binary content is refused (422).


def test_the_multipart_file_is_documented_as_text(
    client: TestClient, writable: dict[str, str]
) -> None:
    body = app.openapi()["paths"]["/sources"]["post"]["requestBody"]["content"]
    multipart = body["multipart/form-data"]
    file = multipart["schema"]["properties"]["file"]
    assert "format" not in file and file["contentMediaType"] == "text/plain"
    assert multipart["encoding"]["file"]["contentType"] == "text/plain"
    assert "UTF-8" in file["description"] and "422" in file["description"]
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))
    response = client.post("/sources", files={"file": ("x.png", png)}, headers=writable)
    assert_problem(response, 422, "file")


# A 624k-character Arabic document sent with \u escapes (as json.dumps writes it by
# default) was refused as "3.0 MB"; the same document as raw UTF-8 was accepted. The
# limit is for the document, not for its JSON escaping.

ARABIC = "قالت وسائل الإعلام الرسمية إن القوات السورية سيطرت على حي هنانو في حلب يوم السبت. "


def test_json_escapes_do_not_count_against_the_size_limit(
    client: TestClient, writable: dict[str, str]
) -> None:
    text = (ARABIC * (624_000 // len(ARABIC) + 1))[:624_000]
    assert len(text.encode()) < settings.max_document_bytes < len(json.dumps({"text": text}))
    escaped = json.dumps({"text": text})  # ensure_ascii: \u0642\u0627...
    response = client.post(
        "/sources", content=escaped, headers={**writable, "Content-Type": "application/json"}
    )
    assert response.status_code == 201, response.text[:300]
    assert (
        response.json()["content_sha256"]
        == client.get(f"/sources/{response.json()['id']}").json()["content_sha256"]
    )
    too_big = ARABIC * (settings.max_document_bytes // len(ARABIC.encode()) + 1)
    response = client.post(
        "/sources",
        content=json.dumps({"text": too_big}),
        headers={**writable, "Content-Type": "application/json"},
    )
    body = assert_problem(response, 413)
    size = len(too_big.encode()) / 1_000_000
    assert f"The document is {size:.1f} MB; the limit is 2.0 MB." == body["detail"]


def test_a_stored_source_is_the_text_sent(client: TestClient, session: Any) -> None:
    count = session.execute(sa.text("SELECT count(*) FROM source")).scalar_one()
    assert client.get("/sources").json()["count"] == count
