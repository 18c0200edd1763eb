"""Honest facets (issue 14): every bucket or an explicit `next`, an unknown bucket for the
claims without a value, months that respect date precision, zero-filled months, CSV."""

from __future__ import annotations

import csv
import io
from collections import Counter
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.api.test_claims_query import all_claims
from tests.problems import assert_problem


def every_bucket(client: TestClient, query: str, limit: int = 3) -> list[dict[str, Any]]:
    """All buckets, following `next_url` page by page."""
    url: str | None = f"/claims/facets?{query}&limit={limit}"
    buckets: list[dict[str, Any]] = []
    pages = []
    while url:
        body = client.get(url).json()
        pages.append(body["data"])
        buckets += body["data"]
        url = body["next_url"]
    # the unknown bucket, if any, is the last one of the last page
    assert not any(b["unknown"] for page in pages[:-1] for b in page)
    assert not any(b["unknown"] for b in buckets[:-1])
    return buckets


def month_of(claim: dict[str, Any]) -> str | None:
    start = claim["event_date_start"]
    if start is None:
        return None
    return f"{start[:4]}-xx" if claim["event_date_precision"] == "year" else start[:7]


@pytest.mark.parametrize("by", ["place", "actor", "claimant", "month", "outlet"])
def test_every_bucket_comes_with_an_explicit_next(client: TestClient, by: str) -> None:
    paged = every_bucket(client, f"by={by}", limit=2)
    whole = client.get(f"/claims/facets?by={by}&limit=500").json()
    assert whole["next"] is None and whole["next_url"] is None
    assert paged == whole["data"] and len(paged) > 2
    keys = [(b["id"], b["value"]) for b in paged]
    assert len(keys) == len(set(keys))
    first = client.get(f"/claims/facets?by={by}&limit=2").json()
    assert first["next"] and first["next_url"].endswith(f"cursor={first['next']}")
    # a cursor of one facet is not a cursor of another
    other = "actor" if by != "actor" else "place"
    assert_problem(client.get(f"/claims/facets?by={other}&cursor={first['next']}"), 422, "cursor")


@pytest.mark.parametrize(
    ("by", "value_of"),
    [
        ("claimant", lambda c: c["claimant"]["name"] if c["claimant"] else None),
        ("month", month_of),
        ("event_type", lambda c: c["event_type"]),
    ],
)
def test_claims_without_the_value_are_one_unknown_bucket(
    client: TestClient, by: str, value_of: Any
) -> None:
    claims = all_claims(client)
    expected = Counter(value_of(c) for c in claims)
    body = client.get(f"/claims/facets?by={by}&limit=500").json()
    assert body["total"] == len(claims)
    assert body["unknown"] == expected.pop(None, 0)
    if body["unknown"]:
        assert body["data"][-1] == {
            "value": None,
            "id": None,
            "count": body["unknown"],
            "unknown": True,
            "figures": None,  # only with sum=
        }
    counted = Counter({b["value"]: b["count"] for b in body["data"] if not b["unknown"]})
    assert counted == expected
    # each claim has one value or none: the buckets add up to every matching claim
    assert sum(b["count"] for b in body["data"]) == body["total"]


def test_no_claimant_is_counted_as_unknown(client: TestClient) -> None:
    without = [c for c in all_claims(client) if c["claimant"] is None]
    assert without  # the seeds have claims nobody is said to make
    assert client.get("/claims/facets?by=claimant").json()["unknown"] == len(without)


def test_year_precision_claims_are_never_counted_in_january(client: TestClient) -> None:
    claims = all_claims(client)
    by_year = [c for c in claims if c["event_date_precision"] == "year"]
    assert by_year and all(c["event_date_start"][5:] == "01-01" for c in by_year)
    months = {b["value"]: b["count"] for b in every_bucket(client, "by=month", limit=500)}
    for claim in by_year:
        year = claim["event_date_start"][:4]
        assert months[f"{year}-xx"] == sum(1 for c in by_year if c["event_date_start"][:4] == year)
        january = [c for c in claims if month_of(c) == f"{year}-01"]
        assert months.get(f"{year}-01", 0) == len(january)


def test_zero_fill_lists_every_month_between_the_first_and_the_last(client: TestClient) -> None:
    plain = {b["value"]: b["count"] for b in every_bucket(client, "by=month", limit=500)}
    filled = every_bucket(client, "by=month&zero_fill=true", limit=7)
    months = [b["value"] for b in filled if not b["unknown"] and not b["value"].endswith("xx")]
    dated = sorted(m for m in plain if m and not m.endswith("xx"))
    assert months[0] == dated[0] and months[-1] == dated[-1]
    for earlier, later in zip(months, months[1:], strict=False):
        year, month = int(earlier[:4]), int(earlier[5:])
        assert later == (f"{year + 1}-01" if month == 12 else f"{year}-{month + 1:02d}")
    for bucket in filled:
        assert bucket["count"] == plain.get(bucket["value"], 0)
    assert len(months) > len(dated)  # the seeds' months have gaps
    assert_problem(client.get("/claims/facets?by=actor&zero_fill=true"), 422, "zero_fill")


@pytest.mark.parametrize("by", ["claimant", "month", "governorate"])
def test_csv_facets_hold_every_bucket(client: TestClient, by: str) -> None:
    response = client.get(f"/claims/facets?by={by}&format=csv&limit=1&place=Aleppo")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    buckets = every_bucket(client, f"by={by}&place=Aleppo")
    assert [
        {
            "value": b["value"] or "",
            "id": str(b["id"] or ""),
            "count": str(b["count"]),
            "unknown": str(b["unknown"]).lower(),
        }
        for b in buckets
    ] == rows


def test_a_bad_name_in_a_csv_facet_is_a_422_before_anything_is_sent(client: TestClient) -> None:
    """Found by the fuzzer: the CSV was built while streaming, so an unknown name raised
    after the response had started."""
    response = client.get("/claims/facets?by=actor&actor=%3A&format=csv")
    assert response.status_code == 422
    assert response.json()["errors"][0]["parameter"] == "actor"
