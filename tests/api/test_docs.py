"""The docs pages work offline: every asset they load is served by this app."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from app.main import app

ASSET = re.compile(r"""(?:src|href)\s*=\s*["']([^"']+)["']|url:\s*["']([^"']+)["']""")


@pytest.fixture(scope="module")
def docs_client() -> TestClient:
    return TestClient(app)


@pytest.mark.parametrize("page", ["/docs", "/redoc"])
def test_docs_page_loads_only_local_assets(docs_client: TestClient, page: str) -> None:
    response = docs_client.get(page)
    assert response.status_code == 200
    html = response.text
    assert "cdn" not in html.lower() and "googleapis" not in html
    assets = [a or b for a, b in ASSET.findall(html)]
    assert any(a.endswith(".js") for a in assets), html
    for asset in assets:
        assert not re.match(r"^(https?:)?//", asset), f"{page} loads {asset} from the network"
        assert docs_client.get(asset).status_code == 200, asset


def test_openapi_documents_every_resource(docs_client: TestClient) -> None:
    spec = docs_client.get("/openapi.json").json()
    for resource in (
        "/sources",
        "/claims",
        "/actors",
        "/places",
        "/outlets",
        "/imports",
        "/health",
    ):
        assert resource in spec["paths"], resource
    for path, operations in spec["paths"].items():
        if "get" not in operations:
            continue
        operation = spec["paths"][path]["get"]
        assert operation["summary"] and operation["description"] and operation["tags"], path
        for parameter in operation.get("parameters", []):
            assert parameter.get("description"), (path, parameter["name"])
            schema = parameter["schema"]
            shown = "examples" in schema or "example" in parameter or "default" in schema
            assert shown or "examples" in parameter, (path, parameter["name"])
        for status, response in operation["responses"].items():
            if status.startswith("4"):
                assert list(response["content"]) == ["application/problem+json"], (path, status)
