from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from tests.factories import make_actor, make_claim, make_source
from tests.problems import assert_problem

RESOURCES = ["sources", "claims", "actors", "places"]


def test_health_reports_backend_and_revision(client: TestClient, backend: str) -> None:
    body = client.get("/health").json()
    assert body["status"] == "ok"
    assert body["database"] == backend
    assert body["schema_revision"]


@pytest.mark.parametrize("resource", [*RESOURCES, "outlets", "events", "imports"])
def test_list_envelope(client: TestClient, resource: str) -> None:
    body = client.get(f"/{resource}?limit=1").json()
    # issue 14: every envelope gained `next_url` (this request with cursor=next) and
    # `resolved` (what its name parameters meant: nothing here); issue 15 `count_exact`
    assert set(body) == {"data", "count", "count_exact", "next", "next_url", "resolved"}
    assert body["resolved"] == {}
    if body["next"] is not None:
        follow = client.get(body["next_url"]).json()
        assert follow == client.get(f"/{resource}?limit=1&cursor={body['next']}").json()
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


def test_source_outlet_filter_ignores_case(client: TestClient, session: Session) -> None:
    make_source(session, outlet="The Test Herald")
    exact = client.get("/sources?outlet=The Test Herald").json()
    assert exact["count"] == 1
    assert client.get("/sources?outlet=the test herald").json()["data"] == exact["data"]


def test_source_length_counts_characters(client: TestClient, session: Session) -> None:
    text = "Ḥomṣ — the army said ١٢ people were killed."  # more bytes than characters
    source = make_source(session, text, outlet="The Length Gazette")
    [listed] = client.get("/sources?outlet=The Length Gazette").json()["data"]
    assert listed["length"] == client.get(f"/sources/{source.id}").json()["length"] == len(text)


def test_nested_actor_claims_include_units_unless_asked_not_to(
    client: TestClient, session: Session
) -> None:
    brigade = make_actor(session)
    unit = make_actor(session, parent_id=brigade.id)
    own = make_claim(session, actors=[(brigade, "agent")])
    units = make_claim(session, actors=[(unit, "target")])
    make_claim(session)  # names neither
    found = client.get(f"/actors/{brigade.id}/claims").json()
    assert {c["id"] for c in found["data"]} == {own.id, units.id} and found["count"] == 2
    alone = client.get(f"/actors/{brigade.id}/claims?include_affiliates=false").json()
    assert [c["id"] for c in alone["data"]] == [own.id]


def test_nested_source_claims_are_that_sources(client: TestClient, session: Session) -> None:
    source = make_source(session)
    claim = make_claim(session, source)
    make_claim(session)
    found = client.get(f"/sources/{source.id}/claims").json()
    assert [c["id"] for c in found["data"]] == [claim.id] and found["count"] == 1
