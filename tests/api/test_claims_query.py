"""GET /claims filters, paging, facets and exports on the seeded database.

Combinations of filters are checked against a reference evaluation in Python over the
full claim list, so every combination is tested on both databases.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import math
import re
from typing import Any

import geojson
import pytest
from fastapi.testclient import TestClient

from app.services import claim_query
from tests.problems import assert_problem


def all_claims(client: TestClient, query: str = "") -> list[dict[str, Any]]:
    """Every claim matching `query`, walking the cursor."""
    out: list[dict[str, Any]] = []
    url = f"/claims?limit=500&{query}"
    cursor = None
    while True:
        response = client.get(url + (f"&cursor={cursor}" if cursor else ""))
        assert response.status_code == 200, response.text
        body = response.json()
        out += body["data"]
        cursor = body["next"]
        if cursor is None:
            assert len(out) == body["count"]
            return out


def ids(claims: list[dict[str, Any]]) -> set[int]:
    return {c["id"] for c in claims}


def source_id(client: TestClient, prefix: str) -> int:
    for s in client.get("/sources?limit=500").json()["data"]:
        if s["external_id"].startswith(prefix):
            return s["id"]
    raise AssertionError(prefix)


def test_actor_aliases_give_the_same_claims(client: TestClient) -> None:
    daesh = ids(all_claims(client, "actor=Daesh"))
    assert daesh
    assert daesh == ids(all_claims(client, "actor=ISIL")) == ids(all_claims(client, "actor=isis"))


def test_place_includes_what_is_inside_it(client: TestClient) -> None:
    hanano = ids(all_claims(client, "place=Hanano"))
    assert hanano
    assert hanano <= ids(all_claims(client, "place=Aleppo"))


def test_date_range_finds_the_2016_11_27_article(client: TestClient) -> None:
    found = all_claims(client, "date_from=2016-11-26&date_to=2016-11-27")
    inquisitr = source_id(client, "003_")
    assert inquisitr in {c["source_id"] for c in found}
    for c in found:
        assert c["event_date_start"] <= "2016-11-27" and c["event_date_end"] >= "2016-11-26"


def test_bbox_around_palmyra(client: TestClient) -> None:
    found = all_claims(client, "bbox=38.1,34.4,38.4,34.7")
    assert found and all(
        any(p["name"] == "Palmyra" or "Tadmur" in p["name"] for p in c["places"]) for c in found
    )


def test_near_aleppo_excludes_homs(client: TestClient) -> None:
    found = all_claims(client, "near=36.2,37.16&radius_km=20")
    names = {p["governorate"] for c in found for p in c["places"]}
    assert found and "Aleppo" in names
    homs_only = [c for c in found if all(p["governorate"] == "Homs" for p in c["places"])]
    assert not homs_only


@pytest.mark.parametrize("lat", [0.0, 36.2, 60.0, -75.0, 89.5])
@pytest.mark.parametrize("lon", [37.16, 179.9, -179.95])
@pytest.mark.parametrize("radius_km", [0.5, 20.0, 1000.0])
def test_near_reads_a_box_holding_its_whole_circle(
    lat: float, lon: float, radius_km: float
) -> None:
    """near= reads only the places inside box_around (issue #15): every point of the circle,
    at any latitude, by the pole and across the antimeridian, must be inside it."""
    south, north, west, east = claim_query.box_around(lat, lon, radius_km)
    arc, p1, l1 = radius_km / claim_query.EARTH_RADIUS_KM, math.radians(lat), math.radians(lon)
    for degrees in range(0, 360, 2):  # the circle's points, bearing by bearing
        bearing = math.radians(degrees)
        p2 = math.asin(
            math.sin(p1) * math.cos(arc) + math.cos(p1) * math.sin(arc) * math.cos(bearing)
        )
        l2 = l1 + math.atan2(
            math.sin(bearing) * math.sin(arc) * math.cos(p1),
            math.cos(arc) - math.sin(p1) * math.sin(p2),
        )
        point_lat, point_lon = math.degrees(p2), (math.degrees(l2) + 540) % 360 - 180
        if claim_query._haversine_km(lat, lon, point_lat, point_lon) > radius_km:
            continue  # rounded just outside: near= would not count it either
        assert south <= point_lat <= north
        if west is not None:
            assert west <= point_lon <= east, (degrees, point_lon)


def test_imprecise_places_need_opt_in(client: TestClient) -> None:
    precise = ids(all_claims(client, "bbox=35.5,32.3,42.4,37.4"))
    loose = ids(all_claims(client, "bbox=35.5,32.3,42.4,37.4&include_imprecise=true"))
    assert precise <= loose


# --- every combination against a reference evaluation -----------------------------------

FILTERS: dict[str, tuple[str, Any]] = {
    "dates": (
        "date_from=2016-01&date_to=2016-12",
        lambda c: (
            c["event_date_start"] is not None
            and c["event_date_start"] <= "2016-12-31"
            and c["event_date_end"] >= "2016-01-01"
        ),
    ),
    "within": (
        "date_from=2016-11-01&date_to=2016-11-30&date_mode=within",
        lambda c: (
            c["event_date_start"] is not None
            and c["event_date_start"] >= "2016-11-01"
            and c["event_date_end"] <= "2016-11-30"
        ),
    ),
    "precise": ("max_date_precision=day", lambda c: c["event_date_precision"] == "day"),
    "hedged": ("hedged=true", lambda c: c["hedged"]),
    "article": ("in_comments=false", lambda c: not c["in_comments"]),
    "type": (
        "event_type=capture_territory&event_type=displacement",
        lambda c: c["event_type"] in ("capture_territory", "displacement"),
    ),
    "words": ("q=aleppo", lambda c: "aleppo" in re.findall(r"[^\W_]+", c["text"].lower())),
}


@pytest.mark.parametrize(
    "combo", list(itertools.combinations(FILTERS, 2)) + [tuple(FILTERS)], ids="+".join
)
def test_filter_combinations_match_reference(client: TestClient, combo: tuple[str, ...]) -> None:
    everything = all_claims(client)
    query = "&".join(FILTERS[name][0] for name in combo)
    expected = {c["id"] for c in everything if all(FILTERS[name][1](c) for name in combo)}
    assert ids(all_claims(client, query)) == expected


@pytest.mark.parametrize(
    "other",
    ["hedged=false", "event_type=battle&event_type=capture_territory", "q=army", "date_from=2016"],
)
def test_place_and_actor_filters_combine(client: TestClient, other: str) -> None:
    both = ids(all_claims(client, f"place=Aleppo&actor=Syrian Arab Army&{other}"))
    assert both == ids(all_claims(client, "place=Aleppo")) & ids(
        all_claims(client, "actor=Syrian Arab Army")
    ) & ids(all_claims(client, other))


def test_actor_affiliates(client: TestClient) -> None:
    army = client.get("/actors?q=Syrian Arab Army").json()["data"]
    saa = next(a for a in army if a["name"] == "Syrian Arab Army")
    with_units = ids(all_claims(client, f"actor={saa['id']}"))
    without = ids(all_claims(client, f"actor={saa['id']}&include_affiliates=false"))
    tiger = ids(all_claims(client, "actor=Tiger Forces"))
    assert tiger and tiger <= with_units and without <= with_units


def test_source_outlet_and_claimant_filters(client: TestClient) -> None:
    cole = source_id(client, "001_")
    by_source = all_claims(client, f"source={cole}")
    assert by_source and {c["source_id"] for c in by_source} == {cole}
    assert ids(all_claims(client, "outlet=informed comment")) == ids(by_source)
    reuters = all_claims(client, "claimant=Reuters")
    assert reuters and all(c["claimant"]["name"] == "Reuters" for c in reuters)


# --- paging, sorting ---------------------------------------------------------------------


@pytest.mark.parametrize("sort", ["id", "event_date", "-event_date", "published", "-published"])
def test_cursor_walks_every_row_exactly_once(client: TestClient, sort: str) -> None:
    everything = all_claims(client, f"sort={sort}")
    walked: list[int] = []
    cursor = None
    while True:
        body = client.get(
            f"/claims?sort={sort}&limit=7" + (f"&cursor={cursor}" if cursor else "")
        ).json()
        walked += [c["id"] for c in body["data"]]
        cursor = body["next"]
        if not cursor:
            break
    assert walked == [c["id"] for c in everything]
    assert len(set(walked)) == len(walked) == body["count"]
    dated = [c["event_date_start"] for c in everything if c["event_date_start"]]
    if sort == "event_date":
        assert dated == sorted(dated)
    if sort == "-event_date":
        assert dated == sorted(dated, reverse=True)


def test_cursor_from_another_sort_is_422(client: TestClient) -> None:
    cursor = client.get("/claims?limit=1").json()["next"]
    assert_problem(client.get(f"/claims?sort=event_date&cursor={cursor}"), 422, "cursor")


# --- bad values --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("bbox=1,2,3", "bbox"),
        ("bbox=a,b,c,d", "bbox"),
        ("bbox=10,10,5,5", "bbox"),
        ("near=95,30", "near"),
        ("near=36", "near"),
        ("date_from=2016-13-01", "date_from"),
        ("date_to=2016-02-30", "date_to"),
        ("radius_km=5", "radius_km"),
        ("actor_role=agent", "actor_role"),
        ("sort=title", "sort"),
        ("date_from=2017&date_to=2016", "date_to"),
        ("event_type=party", "event_type"),
        ("radius_km=-1&near=36,37", "radius_km"),
        ("source=abc", "source"),
    ],
)
def test_malformed_values_are_422(client: TestClient, query: str, parameter: str) -> None:
    assert_problem(client.get(f"/claims?{query}"), 422, parameter)


def test_unknown_names_suggest_close_ones(client: TestClient) -> None:
    # issue 14: a spelling that only folds like a known name is no longer accepted
    # silently; it is a 422 that suggests the name (tests/api/test_resolved.py)
    body = assert_problem(client.get("/claims?actor=Deash"), 422, "actor")
    assert body["suggestions"][0] == "Daesh"
    body = assert_problem(client.get("/claims?actor=Tiger Forcesz"), 422, "actor")
    assert "Tiger Forces" in body["suggestions"]
    body = assert_problem(client.get("/claims?place=Palmyraz"), 422, "place")
    assert "Palmyra" in body["suggestions"]
    assert_problem(client.get("/claims?governorate=Atlantis"), 422, "governorate")


# --- facets and exports ------------------------------------------------------------------


@pytest.mark.parametrize(
    "by", ["actor", "place", "governorate", "month", "event_type", "claimant", "outlet"]
)
def test_facets(client: TestClient, by: str) -> None:
    body = client.get(f"/claims/facets?by={by}&limit=500").json()
    assert body["by"] == by and body["total"] == client.get("/claims").json()["count"]
    assert all(v["count"] > 0 for v in body["data"])
    if by == "event_type":
        assert sum(v["count"] for v in body["data"]) == body["total"]
    if by == "month":
        # issue 14: the undated claims are the last bucket, `unknown` (tests/api/test_facets.py)
        months = [v["value"] for v in body["data"] if not v["unknown"]]
        assert months == sorted(months)


def test_facets_take_the_filters(client: TestClient) -> None:
    body = client.get("/claims/facets?by=governorate&place=Hanano").json()
    assert [v["value"] for v in body["data"]] == ["Aleppo"]


def test_csv_export_has_one_row_per_claim(client: TestClient) -> None:
    response = client.get("/claims?format=csv&place=Aleppo&limit=1")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text.lstrip("\ufeff"))))
    expected = all_claims(client, "place=Aleppo")
    assert [int(r["claim_id"]) for r in rows] == [c["id"] for c in expected]
    assert all(r["source_title"] and r["places"] for r in rows)


def test_geojson_export_is_valid(client: TestClient) -> None:
    response = client.get("/claims?format=geojson")
    assert response.headers["content-type"].startswith("application/geo+json")
    collection = geojson.loads(response.text)
    assert collection.is_valid, collection.errors()
    claims = {c["id"]: c for c in all_claims(client)}
    # one feature per distinct claim and located place; centroid-only places are left out
    # by default (issue 14: they piled up on the Syria centroid), tests/api/test_exports.py
    located = {
        (c["id"], p["id"])
        for c in claims.values()
        for p in c["places"]
        if p["lat"] is not None and p["geo_precision"] != "centroid"
    }
    assert len(collection["features"]) == len(located)
    for feature in collection["features"]:
        lon, lat = feature["geometry"]["coordinates"]
        assert feature["properties"]["governorate"] is not None  # in Syria
        assert 32 <= lat <= 38 and 35 <= lon <= 43
        assert feature["properties"]["claim_id"] in claims


def test_jsonl_export_streams_the_public_model(client: TestClient) -> None:
    lines = client.get("/claims?format=jsonl&hedged=true").text.splitlines()
    assert [json.loads(line)["id"] for line in lines] == [
        c["id"] for c in all_claims(client, "hedged=true")
    ]


def test_jsonl_export_keeps_each_fields_derivation_as_the_claim_shows_it(
    client: TestClient,
) -> None:
    exported = [json.loads(line) for line in client.get("/claims?format=jsonl").text.splitlines()]
    assert exported and all(c["derivation"] is not None for c in exported)
    hedged = next(c for c in exported if c["hedged"])
    attributed = next(c for c in exported if c["derivation"]["claimant"]["rule"] == "attribution")
    for claim in (hedged, attributed):
        detail = client.get(f"/claims/{claim['id']}").json()
        assert detail["derivation"] == claim["derivation"]
        derivation = claim["derivation"]
        # every evidence span slices the source text, and lies in the claim or near it
        source = client.get(f"/sources/{claim['source_id']}").json()["text"]
        for field in [derivation["claimant"], derivation["hedged"], *derivation["actors"]]:
            if field and field["evidence"]:
                start, end = field["evidence"]
                assert source[start:end] == field["text"]
    assert hedged["derivation"]["hedged"]["cue"]
    # an attributed claim: the evidence is the speaker as written, the cue its verb
    claimant = attributed["derivation"]["claimant"]
    assert claimant["text"] == attributed["claimant_text"]
    assert claimant["cue"] and claimant["actor"]["id"] == attributed["claimant"]["id"]


@pytest.mark.parametrize("parent", ["actors", "places", "sources"])
def test_nested_claims_take_the_same_filters(client: TestClient, parent: str) -> None:
    first = client.get(f"/{parent}?limit=500").json()["data"]
    item = max(first, key=lambda x: x.get("claim_count", 0))
    nested = client.get(f"/{parent}/{item['id']}/claims?limit=500&hedged=false").json()
    key = {"actors": "actor", "places": "place", "sources": "source"}[parent]
    flat = all_claims(client, f"{key}={item['id']}&hedged=false")
    assert ids(nested["data"]) == ids(flat) and nested["count"] == len(flat)
    assert_problem(client.get(f"/{parent}/999999/claims"), 404)
