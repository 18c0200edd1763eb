"""What exports carry beyond the claim's own fields: outlet, publication date and figures
in JSON and JSON Lines; GeoJSON without duplicate points and without centroid-only places
unless asked; every place of a claim, with its coordinates, in CSV."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient
from sqlmodel import Session

from app.models import ClaimPlace, Place
from tests.api.test_claims_query import all_claims


def _sources(client: TestClient) -> dict[int, dict]:
    return {s["id"]: s for s in client.get("/sources?limit=500").json()["data"]}


def test_json_and_jsonl_rows_carry_outlet_publication_date_and_figures(
    client: TestClient,
) -> None:
    sources = _sources(client)
    claims = all_claims(client)
    exported = {
        c["id"]: c for c in map(json.loads, client.get("/claims?format=jsonl").text.splitlines())
    }
    assert set(exported) == {c["id"] for c in claims}
    for c in claims:
        source = sources[c["source_id"]]
        for row in (c, exported[c["id"]]):
            assert (row["outlet"], row["published_on"]) == (
                source["outlet"],
                source["published_on"],
            )
            kinds = [f["kind"] for f in row["figures"]]
            assert kinds == [
                k
                for k in ("killed", "injured", "displaced")
                if any(q["what"] == k and not q["subset"] for q in row["quantities"])
            ]
    assert any(c["figures"] for c in claims) and any(c["outlet"] for c in claims)
    detail = client.get(f"/claims/{claims[0]['id']}").json()
    assert detail["outlet"] == detail["source"]["outlet"]


def _features(client: TestClient, query: str = "") -> list[dict]:
    return json.loads(client.get(f"/claims?format=geojson&{query}").text)["features"]


@pytest.fixture
def twice(client: TestClient, session: Session) -> TestClient:
    """The seeds, with one claim linked twice to its place (two mentions of one town, as
    stored for FA-KES claims that name a town twice)."""
    link = session.execute(
        sa.select(ClaimPlace)
        .join(Place, Place.id == ClaimPlace.place_id)
        .where(Place.lat.is_not(None), Place.geo_precision != "centroid")
        .order_by(ClaimPlace.id)
        .limit(1)
    ).scalar_one()
    session.add(
        ClaimPlace(
            claim_id=link.claim_id,
            place_id=link.place_id,
            char_start=link.char_start,
            char_end=link.char_end,
        )
    )
    session.flush()
    return client


def test_geojson_has_no_duplicate_points(twice: TestClient) -> None:
    client = twice
    claims = all_claims(client)
    repeated = [
        c for c in claims if len([p["id"] for p in c["places"] if p["lat"] is not None])
        > len({p["id"] for p in c["places"] if p["lat"] is not None})
    ]  # fmt: skip
    assert repeated  # claims naming one place twice: the case this pins
    for query in ("", "include_imprecise=true"):
        features = _features(client, query)
        pairs = Counter(
            (f["properties"]["claim_id"], f["properties"]["place_id"]) for f in features
        )
        assert features and max(pairs.values()) == 1
        points = Counter(
            (f["properties"]["claim_id"], *f["geometry"]["coordinates"]) for f in features
        )
        assert max(points.values()) == 1


def test_geojson_leaves_out_centroid_only_places_unless_asked(client: TestClient) -> None:
    claims = all_claims(client)
    located = {
        (c["id"], p["id"]): p["geo_precision"]
        for c in claims
        for p in c["places"]
        if p["lat"] is not None
    }
    assert "centroid" in located.values()
    default, everything = _features(client), _features(client, "include_imprecise=true")
    assert {f["properties"]["geo_precision"] for f in default} <= {"exact", "approximate"}
    assert len(default) == sum(1 for v in located.values() if v != "centroid")
    assert len(everything) == len(located)
    props = everything[0]["properties"]
    assert {"outlet", "published_on", "figures", "geo_precision"} <= set(props)


def test_csv_lists_every_place_with_its_coordinates(client: TestClient) -> None:
    claims = {c["id"]: c for c in all_claims(client)}
    text = client.get("/claims?format=csv").text.lstrip("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text)))
    several = 0
    for row in rows:
        places = claims[int(row["claim_id"])]["places"]
        expected = list(
            dict.fromkeys(
                p["name"] if p["lat"] is None else f"{p['name']} ({p['lat']}, {p['lon']})"
                for p in places
            )
        )
        assert row["places"] == "; ".join(expected)
        several += len({(p["lat"], p["lon"]) for p in places if p["lat"] is not None}) > 1
    assert several  # claims at several points: each point is in the row
