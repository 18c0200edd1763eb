"""The guards of the actor and place routes on the seeded database (each test rolled
back): who may do what, and bad input, which is a clear 4xx naming the field that
writes nothing."""

from __future__ import annotations

from typing import Any

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient
from pydantic import SecretStr
from sqlmodel import Session

from app.config import settings
from app.services.reference import sync_reference
from tests.problems import assert_problem

MERGE = {"Content-Type": "application/merge-patch+json"}
ORDER = ["anonymous", "reader", "editor", "admin"]


def _id(client: TestClient, resource: str, name: str, **params: Any) -> int:
    found = client.get(f"/{resource}", params={"q": name, **params}).json()["data"]
    return next(x["id"] for x in found if x["name"] == name)


def _etag(client: TestClient, path: str) -> str:
    return client.get(path, follow_redirects=False).headers["ETag"]


def _written(session: Session) -> tuple[int, int, int, int]:
    """Everything a failed change must leave as it was."""
    counts = [
        session.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar_one()
        for table in ("revision", "place", "actor_alias", "place_alias")
    ]
    return tuple(counts)  # type: ignore[return-value]


def _routes(client: TestClient) -> list[tuple[str, str, str, dict[str, Any]]]:
    """(least role, method, path, request) of each new write route."""
    fsa = _id(client, "actors", "Free Syrian Army")
    hawks = _id(client, "actors", "Desert Hawks Brigade")
    aleppo = _id(client, "places", "Aleppo", kind="city")
    return [
        (
            "editor",
            "PATCH",
            f"/actors/{fsa}",
            {
                "json": {"kind": "militia", "reason": "A militia."},
                "headers": {**MERGE, "If-Match": _etag(client, f"/actors/{fsa}")},
            },
        ),
        (
            "editor",
            "PATCH",
            f"/places/{aleppo}",
            {
                "json": {"lat": 36.2, "reason": "The citadel."},
                "headers": {**MERGE, "If-Match": _etag(client, f"/places/{aleppo}")},
            },
        ),
        (
            "editor",
            "POST",
            "/places",
            {
                "json": {
                    "name": "Tell Qarzaba",
                    "kind": "village",
                    "lat": 35.9,
                    "lon": 36.6,
                    "parent": "Idlib",
                    "reason": "Missing.",
                }
            },
        ),
        (
            "admin",
            "POST",
            f"/actors/{hawks}/merge",
            {
                "json": {"into": fsa, "reason": "A test of roles."},
                "headers": {**MERGE, "If-Match": _etag(client, f"/actors/{hawks}")},
            },
        ),
    ]


@pytest.mark.parametrize("role", ORDER)
def test_each_new_write_route_checks_the_role(
    client: TestClient, session: Session, people: dict[str, dict[str, str]], role: str
) -> None:
    for need, method, path, request in _routes(client):
        headers = {**request.get("headers", {}), **people.get(role, {})}
        before = _written(session)
        response = client.request(method, path, json=request["json"], headers=headers)
        if ORDER.index(role) >= ORDER.index(need):
            assert response.status_code in (200, 201), (method, path, response.text)
            assert _written(session)[0] == before[0] + (2 if "merge" in path else 1)
        else:
            assert_problem(response, 401 if role == "anonymous" else 403)
            assert _written(session) == before


R = "Checked in the source."
BAD_ACTOR_PATCHES = [
    ({"kind": "wizard", "reason": R}, "kind"),
    ({"kind": None, "reason": R}, "kind"),
    ({"name": "", "reason": R}, "name"),
    ({"name": "   ", "reason": R}, "name"),
    ({"name": None, "reason": R}, "name"),
    ({"name": 7, "reason": R}, "name"),
    ({"name": "x" * 300, "reason": R}, "name"),
    ({"name": "a\x00b", "reason": R}, "name"),
    ({"kind": "militia"}, "reason"),
    ({"kind": "militia", "reason": ""}, "reason"),
    ({"colour": "red", "reason": R}, "colour"),
    ({"aliases": "FSA", "reason": R}, "aliases"),
    ({"aliases": None, "reason": R}, "aliases"),
    ({"aliases": [{"alias": ""}], "reason": R}, "aliases.alias"),
    ({"aliases": [{"alias": "---"}], "reason": R}, "aliases.0.alias"),
    ({"aliases": [{"alias": "X Front"}, {"alias": "X Front"}], "reason": R}, "aliases.1.alias"),
    ({"aliases": [{"alias": "SOHR"}], "reason": R}, "aliases.0.alias"),
    ({"name": "SOHR", "reason": R}, "name"),  # a name is an alias: another actor's
    (
        {"aliases": [{"alias": "X", "valid_from": "2016-13-01"}], "reason": R},
        "aliases.valid_from",
    ),
    (
        {
            "aliases": [{"alias": "X Front", "valid_from": "2017-01-01", "valid_to": "2016-01-01"}],
            "reason": R,
        },
        "aliases.0.valid_to",
    ),
    ({"aliases": [{"alias": "X", "since": "2016"}], "reason": R}, "aliases.since"),
    ({"aliases": [{"alias": "X"}] * 201, "reason": R}, "aliases"),
    ({"parent": 2147483647, "reason": R}, "parent"),
    ({"parent": "Nobody Whatsoever Qq", "reason": R}, "parent"),
    ({"reason": "nothing changes"}, "reason"),
    ({"kind": "rebel_group", "reason": R}, "reason"),  # its kind already: nothing changes
]


@pytest.mark.parametrize(("body", "parameter"), BAD_ACTOR_PATCHES)
def test_bad_actor_patches_are_named_and_write_nothing(
    client: TestClient,
    session: Session,
    people: dict[str, dict[str, str]],
    body: dict,
    parameter: str,
) -> None:
    fsa = _id(client, "actors", "Free Syrian Army")
    etag, before = _etag(client, f"/actors/{fsa}"), _written(session)
    response = client.patch(
        f"/actors/{fsa}", json=body, headers={**people["editor"], **MERGE, "If-Match": etag}
    )
    assert_problem(response, 422, parameter)
    assert _etag(client, f"/actors/{fsa}") == etag and _written(session) == before


BAD_PLACE_PATCHES = [
    ({"lat": 91, "reason": R}, "lat"),
    ({"lon": -180.5, "reason": R}, "lon"),
    ({"lat": "36.2", "reason": R}, "lat"),
    ({"lat": None, "reason": R}, "lat"),
    ({"kind": "planet", "reason": R}, "kind"),
    ({"kind": "country", "reason": R}, "kind"),
    ({"geo_precision": "roughly", "reason": R}, "geo_precision"),
    ({"parent": None, "reason": R}, "parent"),
    ({"parent": "Nowhere Qq", "reason": R}, "parent"),
    ({"parent": "Syria", "reason": R}, "parent"),  # not inside a governorate
    ({"aliases": [""], "reason": R}, "aliases"),
    ({"aliases": ["Halab", "Halab"], "reason": R}, "aliases.1"),
    ({"aliases": [7], "reason": R}, "aliases"),
    ({"name": "", "reason": R}, "name"),
    ({"lat": 36.2}, "reason"),
    ({"population": 5, "reason": R}, "population"),
    ({"reason": "nothing changes"}, "reason"),
]


@pytest.mark.parametrize(("body", "parameter"), BAD_PLACE_PATCHES)
def test_bad_place_patches_are_named_and_write_nothing(
    client: TestClient,
    session: Session,
    people: dict[str, dict[str, str]],
    body: dict,
    parameter: str,
) -> None:
    aleppo = _id(client, "places", "Aleppo", kind="city")
    path = f"/places/{aleppo}"
    etag, before = _etag(client, path), _written(session)
    response = client.patch(
        path, json=body, headers={**people["editor"], **MERGE, "If-Match": etag}
    )
    assert_problem(response, 422, parameter)
    assert _etag(client, path) == etag and _written(session) == before


def test_a_place_cannot_lie_inside_itself(
    client: TestClient, session: Session, people: dict[str, dict[str, str]]
) -> None:
    aleppo = client.get(f"/places/{_id(client, 'places', 'Aleppo', kind='city')}").json()
    governorate = next(p for p in aleppo["ancestors"] if p["kind"] == "governorate")
    path = f"/places/{governorate['id']}"
    etag, before = _etag(client, path), _written(session)
    body = {"parent": aleppo["id"], "reason": "Upside down."}
    headers = {**people["editor"], **MERGE, "If-Match": etag}
    assert_problem(client.patch(path, json=body, headers=headers), 422, "parent")
    # a governorate keeps its name: its places are filed under it
    renamed = {"name": "Halab Governorate", "reason": "Renamed."}
    assert_problem(client.patch(path, json=renamed, headers=headers), 422, "name")
    assert _written(session) == before


GOOD_PLACE = {
    "name": "Tell Qarzaba",
    "kind": "village",
    "lat": 35.9,
    "lon": 36.6,
    "parent": "Idlib",
    "reason": "Missing.",
}
BAD_NEW_PLACES = [
    ({k: v for k, v in GOOD_PLACE.items() if k != "lat"}, "lat"),
    ({k: v for k, v in GOOD_PLACE.items() if k != "parent"}, "parent"),
    ({k: v for k, v in GOOD_PLACE.items() if k != "reason"}, "reason"),
    ({**GOOD_PLACE, "lat": 1e9}, "lat"),
    ({**GOOD_PLACE, "lon": -1e300}, "lon"),
    ({**GOOD_PLACE, "kind": "country"}, "kind"),
    ({**GOOD_PLACE, "kind": "governorate"}, "kind"),
    ({**GOOD_PLACE, "parent": "Syria"}, "parent"),
    ({**GOOD_PLACE, "parent": 2147483647}, "parent"),
    ({**GOOD_PLACE, "name": "Hanano", "parent": "Aleppo"}, "name"),  # there already
    ({**GOOD_PLACE, "name": "!!!"}, "aliases.0"),
    ({**GOOD_PLACE, "aliases": ["x"] * 201}, "aliases"),
    ({**GOOD_PLACE, "id": 5}, "id"),
]


@pytest.mark.parametrize(("body", "parameter"), BAD_NEW_PLACES)
def test_bad_new_places_are_named_and_write_nothing(
    client: TestClient,
    session: Session,
    people: dict[str, dict[str, str]],
    body: dict,
    parameter: str,
) -> None:
    before = _written(session)
    response = client.post("/places", json=body, headers={**people["editor"], **MERGE})
    assert_problem(response, 422, parameter)
    assert _written(session) == before


def test_bad_merges_and_malformed_requests_are_4xx_and_write_nothing(
    client: TestClient, session: Session, people: dict[str, dict[str, str]]
) -> None:
    fsa = _id(client, "actors", "Free Syrian Army")
    hawks = _id(client, "actors", "Desert Hawks Brigade")
    aleppo = _id(client, "places", "Aleppo", kind="city")
    merge = f"/actors/{hawks}/merge"
    admin = {**people["admin"], **MERGE, "If-Match": _etag(client, f"/actors/{hawks}")}
    before = _written(session)
    for body, parameter in (  # type: ignore[assignment]
        ({"reason": R}, "into"),
        ({"into": fsa}, "reason"),
        ({"into": "Nobody Whatsoever Qq", "reason": R}, "into"),
        ({"into": hawks, "reason": R}, "into"),
        ({"into": [fsa], "reason": R}, None),
    ):
        assert_problem(client.post(merge, json=body, headers=admin), 422, parameter)
    good = {"into": fsa, "reason": R}
    assert_problem(client.post(merge, json=good, headers={**admin, "If-Match": '"0000"'}), 412)
    assert_problem(client.post(merge, json=good, headers={**people["admin"], **MERGE}), 428)
    assert_problem(client.post("/actors/99999999/merge", json=good, headers=admin), 404)
    editor = {**people["editor"], "If-Match": "*"}
    huge = b'{"reason": "' + b"x" * 100_000 + b'"}'
    for method, path in (
        ("PATCH", f"/actors/{fsa}"),
        ("PATCH", f"/places/{aleppo}"),
        ("POST", "/places"),
        ("POST", merge),
    ):
        who = {**people["admin"], "If-Match": "*"} if "merge" in path else editor
        assert_problem(client.request(method, path, content=b"{", headers={**who, **MERGE}), 422)
        assert_problem(client.request(method, path, content=b"[]", headers={**who, **MERGE}), 422)
        assert_problem(client.request(method, path, content=huge, headers={**who, **MERGE}), 413)
        plain = {**who, "Content-Type": "text/plain"}
        assert_problem(client.request(method, path, content=b"reason=x", headers=plain), 415)
    body = {"kind": "militia", "reason": R}
    assert_problem(client.patch("/actors/99999999", json=body, headers={**editor, **MERGE}), 404)
    lat = {"lat": 36.1, "reason": R}
    assert_problem(client.patch("/places/99999999", json=lat, headers={**editor, **MERGE}), 404)
    stale = {**people["editor"], **MERGE, "If-Match": '"0000"'}
    assert_problem(client.patch(f"/actors/{fsa}", json=body, headers=stale), 412)
    assert_problem(
        client.patch(f"/places/{aleppo}", json={"lat": 36.1, "reason": R}, headers=stale), 412
    )
    no_tag = {**people["editor"], **MERGE}
    assert_problem(
        client.patch(f"/places/{aleppo}", json={"lat": 36.1, "reason": R}, headers=no_tag), 428
    )
    assert_problem(client.get("/actors/99999999/history"), 404)
    assert_problem(client.get("/places/99999999/history"), 404)
    assert _written(session) == before


def test_the_histories_and_the_revision_filters_cover_actors_and_places(
    client: TestClient, session: Session, people: dict[str, dict[str, str]]
) -> None:
    fsa = _id(client, "actors", "Free Syrian Army")
    aleppo = _id(client, "places", "Aleppo", kind="city")
    editor = {**people["editor"], **MERGE, "If-Match": "*"}
    assert (
        client.patch(
            f"/actors/{fsa}", json={"kind": "militia", "reason": R}, headers=editor
        ).status_code
        == 200
    )
    assert (
        client.patch(
            f"/places/{aleppo}", json={"lat": 36.3, "reason": R}, headers=editor
        ).status_code
        == 200
    )
    actor = client.get(f"/actors/{fsa}/history").json()["data"]
    assert [(r["entity_type"], r["before"], r["after"]) for r in actor] == [
        ("actor", {"kind": "rebel_group"}, {"kind": "militia"})
    ]
    place = client.get(f"/places/{aleppo}/history").json()["data"]
    assert [r["after"] for r in place] == [{"lat": 36.3}]
    by_entity = client.get("/revisions", params={"entity": "place", "entity_id": aleppo}).json()
    assert by_entity["data"] == place
    assert client.get("/revisions", params={"entity": "actor"}).json()["data"] == actor
    assert client.get(f"/actors/{fsa}").json()["corrected_fields"] == ["kind"]
    assert client.get(f"/places/{aleppo}").json()["corrected_fields"] == ["lat"]
    listed = client.get("/places", params={"q": "Aleppo", "kind": "city"}).json()["data"]
    assert next(p for p in listed if p["id"] == aleppo)["corrected_fields"] == ["lat"]


def test_the_new_histories_need_a_key_when_reads_are_private(
    client: TestClient, monkeypatch: pytest.MonkeyPatch, people: dict[str, dict[str, str]]
) -> None:
    fsa = _id(client, "actors", "Free Syrian Army")
    aleppo = _id(client, "places", "Aleppo", kind="city")
    monkeypatch.setattr(settings, "read_key", SecretStr("read-key"))
    for path in (f"/actors/{fsa}/history", f"/places/{aleppo}/history"):
        assert_problem(client.get(path), 401)
        for role in ("reader", "editor", "admin"):
            assert client.get(path, headers=people[role]).status_code == 200
    # and a reader, known, still may not write
    body = {"kind": "militia", "reason": R}
    headers = {**people["reader"], **MERGE, "If-Match": "*"}
    assert_problem(client.patch(f"/actors/{fsa}", json=body, headers=headers), 403)


@pytest.mark.parametrize("upward", [True, False])
def test_a_merge_within_one_chain_of_units_makes_no_cycle(
    client: TestClient, session: Session, people: dict[str, dict[str, str]], upward: bool
) -> None:
    """A unit merged into its army, or an army into its unit: the units move, and no actor
    becomes its own ancestor, also after the registry is synced again."""
    army = _id(client, "actors", "Syrian Arab Army")
    unit = _id(client, "actors", "Tiger Forces")
    commander = _id(client, "actors", "Suheil al-Hassan")
    government = client.get(f"/actors/{army}").json()["parent"]["id"]
    gone, into = (unit, army) if upward else (army, unit)
    headers = {**people["admin"], **MERGE, "If-Match": _etag(client, f"/actors/{gone}")}
    merged = client.post(f"/actors/{gone}/merge", json={"into": into, "reason": R}, headers=headers)
    assert merged.status_code == 200, merged.text

    def check() -> None:
        assert client.get(f"/actors/{into}").json()["parent"]["id"] == government
        assert client.get(f"/actors/{commander}").json()["parent"]["id"] == into
        chain, current = [], into
        while current is not None:
            assert current not in chain
            chain.append(current)
            parent = client.get(f"/actors/{current}").json()["parent"]
            current = parent["id"] if parent else None

    check()
    sync_reference(session)
    session.expire_all()
    check()
