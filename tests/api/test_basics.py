from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.problems import assert_problem

RESOURCES = ["sources", "claims", "actors", "places"]


def test_health_reports_backend_and_revision(client: TestClient, backend: str) -> None:
    body = client.get("/health").json()
    assert body["status"] == "ok"
    assert body["database"] == backend
    assert body["schema_revision"]


@pytest.mark.parametrize("resource", RESOURCES)
def test_list_envelope(client: TestClient, resource: str) -> None:
    body = client.get(f"/{resource}").json()
    assert set(body) == {"data", "count", "next"}
    assert isinstance(body["data"], list)


@pytest.mark.parametrize("resource", RESOURCES)
def test_unknown_id_is_404_problem(client: TestClient, resource: str) -> None:
    assert_problem(client.get(f"/{resource}/999999"), 404)


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("limit=0", "limit"),
        ("limit=501", "limit"),
        ("limit=abc", "limit"),
        ("cursor=%21%21", "cursor"),
        ("nosuch=1", "nosuch"),
    ],
)
@pytest.mark.parametrize("resource", RESOURCES)
def test_bad_parameter_is_422_naming_it(
    client: TestClient, resource: str, query: str, parameter: str
) -> None:
    assert_problem(client.get(f"/{resource}?{query}"), 422, parameter)


@pytest.mark.parametrize("resource", RESOURCES)
def test_bad_path_id_is_422(client: TestClient, resource: str) -> None:
    assert_problem(
        client.get(f"/{resource}/abc"),
        422,
        "claim_id" if resource == "claims" else f"{resource[:-1]}_id",
    )


def test_unknown_route_is_404_problem(client: TestClient) -> None:
    assert_problem(client.get("/nowhere"), 404)


def test_reads_document_the_key_as_optional(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert spec["paths"]["/claims"]["get"]["security"] == [{}, {"HTTPBearer": []}]
    assert spec["paths"]["/sources"]["post"]["security"] == [{"HTTPBearer": []}]


def test_source_outlet_filter_ignores_case(client: TestClient) -> None:
    exact = client.get("/sources?outlet=Informed Comment").json()
    assert exact["count"] == 1
    assert client.get("/sources?outlet=informed comment").json()["data"] == exact["data"]
