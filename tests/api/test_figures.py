"""Figures as numbers: the killed/injured/displaced filters, `figure=`, the CSV bounds and the
facet sums, on the seeds plus reports uploaded here (real extraction, both databases).

Expectations are computed in Python from each claim's `quantities`, as the API returns
them, so the tests hold whatever extraction finds; each asserts that the case it pins
occurs.
"""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from typing import Any

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient
from pydantic import SecretStr
from sqlmodel import Session

from app.config import settings
from tests.api.test_claims_query import all_claims, ids
from tests.problems import assert_problem

KEY = "figures-key"
REPORTS = [
    ("Government airstrikes killed 12 civilians in Douma on Monday, the Syrian Observatory "
     "for Human Rights said. Another 30 people were injured."),
    ("At least 40 people were killed and 25 injured in shelling on the Hanano district of "
     "Aleppo on Tuesday, activists said."),
    ("Rebel shelling killed 8 people in Aleppo on Tuesday, state news agency SANA said."),
    ("Nearly 300 people have been killed in Homs since January, the monitor said. Some "
     "5,000 residents fled Palmyra last week, the United Nations said."),
    ("Dozens were wounded in Idlib on Friday when a market was bombed, a rescue worker said."),
]  # fmt: skip


@pytest.fixture
def figures_client(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> TestClient:
    monkeypatch.setattr(settings, "api_key", SecretStr(KEY))
    auth = {"Authorization": f"Bearer {KEY}"}
    for n, text in enumerate(REPORTS):
        body = {"text": text, "outlet": f"figures-{n}", "published": "2016-11-29"}
        response = client.post("/sources", json=body, headers=auth)
        assert response.status_code == 201, response.text
    return client


def figures(claim: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [q for q in claim["quantities"] if q["what"] == kind and not q["subset"]]


def in_range(claim: dict[str, Any], kind: str, low: int | None, high: int | None) -> bool:
    return any(
        q["value"] is not None
        and (low is None or q["value"] >= low)
        and (high is None or q["value"] <= high)
        for q in figures(claim, kind)
    )


def test_killed_min_and_max_filter_on_the_stated_number(figures_client: TestClient) -> None:
    claims = all_claims(figures_client)
    killed = sorted({q["value"] for c in claims for q in figures(c, "killed") if q["value"]})
    assert len(killed) >= 4  # 8, 12, 40, 300 at least: thresholds that cut
    cut = killed[len(killed) // 2]
    for query, low, high in [
        (f"killed_min={cut}", cut, None),
        (f"killed_max={cut}", None, cut),
        (f"killed_min=10&killed_max={cut}", 10, cut),
    ]:
        expected = {c["id"] for c in claims if in_range(c, "killed", low, high)}
        assert expected and ids(all_claims(figures_client, query)) == expected, query
    assert {c["id"] for c in claims if in_range(c, "killed", 10, None)} != {
        c["id"] for c in claims if figures(c, "killed")
    }  # killed_min=10 leaves out claims with fewer dead
    # the pinned case: "killed 12 civilians" is found by killed_min=10, "killed 8" is not
    found = [c["text"] for c in all_claims(figures_client, "killed_min=10")]
    assert any("killed 12 civilians" in t for t in found)
    assert not any("killed 8 people" in t for t in found)


def test_injured_and_displaced_ranges(figures_client: TestClient) -> None:
    claims = all_claims(figures_client)
    for kind, low in [("injured", 20), ("displaced", 1000)]:
        expected = {c["id"] for c in claims if in_range(c, kind, low, None)}
        assert expected, kind
        assert ids(all_claims(figures_client, f"{kind}_min={low}")) == expected
        assert ids(all_claims(figures_client, f"{kind}_max={low - 1}")) == {
            c["id"] for c in claims if in_range(c, kind, None, low - 1)
        }


def test_figure_kind_includes_vague_counts(figures_client: TestClient) -> None:
    claims = all_claims(figures_client)
    expected = {c["id"] for c in claims if figures(c, "injured")}
    vague = {c["id"] for c in claims if any(q["value"] is None for q in figures(c, "injured"))}
    assert vague and vague <= expected  # "Dozens were wounded"
    assert ids(all_claims(figures_client, "figure=injured")) == expected
    both = {c["id"] for c in claims if figures(c, "injured") or figures(c, "displaced")}
    assert ids(all_claims(figures_client, "figure=injured&figure=displaced")) == both


def test_a_range_upside_down_is_a_422_naming_its_max(client: TestClient) -> None:
    assert_problem(client.get("/claims?killed_min=10&killed_max=5"), 422, "killed_max")
    assert_problem(client.get("/events?injured_min=10&injured_max=5"), 422, "injured_max")
    assert_problem(client.get("/claims?killed_min=-1"), 422, "killed_min")
    assert_problem(client.get("/claims?figure=wounded"), 422, "figure")


def test_events_match_when_one_of_their_claims_gives_the_figure(
    figures_client: TestClient,
) -> None:
    claims = all_claims(figures_client, "killed_min=10")
    expected = {c["event_id"] for c in claims if c["event_id"]}
    assert expected
    events = figures_client.get("/events?killed_min=10&limit=500").json()["data"]
    assert {e["id"] for e in events} == expected


def bounds(claim: dict[str, Any], kind: str) -> tuple[int, int] | None:
    found = figures(claim, kind)
    if not found:
        return None
    high = [
        next((b for b in (q["value_max"], q["value"], q["value_min"]) if b is not None), 0)
        for q in found
    ]
    return sum(q["value_min"] or 0 for q in found), sum(high)


def test_csv_gives_each_kinds_bounds(figures_client: TestClient) -> None:
    claims = {c["id"]: c for c in all_claims(figures_client)}
    text = figures_client.get("/claims?format=csv").text.lstrip("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == len(claims)
    seen = set()
    for row in rows:
        for kind in ("killed", "injured", "displaced"):
            got = (row[f"{kind}_min"], row[f"{kind}_max"])
            want = bounds(claims[int(row["claim_id"])], kind)
            assert got == (tuple(str(b) for b in want) if want else ("", "")), row["text"]
            if want:
                seen.add(kind)
    assert seen == {"killed", "injured", "displaced"}
    nearly = next(r for r in rows if "Nearly 300" in r["text"])
    assert (nearly["killed_min"], nearly["killed_max"]) == ("0", "300")


def test_facets_sum_figures_per_event_not_per_report(figures_client: TestClient) -> None:
    claims = all_claims(figures_client)
    body = figures_client.get("/claims/facets?by=governorate&sum=killed&limit=100").json()
    expected: dict[str, dict[Any, list[int]]] = defaultdict(dict)
    top: dict[str, int] = defaultdict(int)
    for c in claims:
        b = bounds(c, "killed")
        if b is None:
            continue
        for gov in {p["governorate"] for p in c["places"] if p["governorate"]}:
            key = ("event", c["event_id"]) if c["event_id"] else ("claim", c["id"])
            span = expected[gov].setdefault(key, list(b))
            span[0], span[1] = min(span[0], b[0]), max(span[1], b[1])
            top[gov] = max(top[gov], b[1])
    assert expected
    got = {v["value"]: v["figures"][0] for v in body["data"] if v["figures"]}
    assert set(got) == set(expected)
    for gov, spans in expected.items():
        assert got[gov]["low"] == sum(s[0] for s in spans.values())
        assert got[gov]["high"] == sum(s[1] for s in spans.values())
        assert (got[gov]["max"], got[gov]["events"]) == (top[gov], len(spans))
    # the case the rule is for: two reports of one event, counted once
    assert any(v["claims"] > v["events"] for v in got.values())
    plain = figures_client.get("/claims/facets?by=governorate&limit=100").json()
    assert all(v["figures"] is None for v in plain["data"])


def test_figure_rows_match_each_claims_quantities(session: Session) -> None:
    """Every writer keeps claim_figure in step with claim.quantities (here: the seeds)."""
    rows = session.execute(
        sa.text("SELECT claim_id, kind, value, subset FROM claim_figure ORDER BY claim_id, id")
    ).all()
    quantities = session.execute(sa.text("SELECT id, quantities FROM claim ORDER BY id")).all()
    want = [
        (cid, q["what"], q["value"], bool(q["subset"]))
        for cid, qs in quantities
        for q in (json.loads(qs) if isinstance(qs, str) else qs)
    ]
    assert want and [(r[0], r[1], r[2], bool(r[3])) for r in rows] == want


def test_month_facet_sums_follow_the_precision_buckets_and_reach_the_csv(
    figures_client: TestClient,
) -> None:
    """A claim dated only to a year gives its figure to YYYY-xx, as it counts there; the
    CSV of the same facet carries the same sums as columns."""
    year_only = {"text": "In 2014 at least 30 people were killed in Homs, the monitor said.",
                 "outlet": "figures-year", "published": "2016-11-29"}  # fmt: skip
    auth = {"Authorization": f"Bearer {KEY}"}
    assert figures_client.post("/sources", json=year_only, headers=auth).status_code == 201
    claims = all_claims(figures_client)
    want: dict[str, int] = defaultdict(int)  # claims with a killed figure per month bucket
    for c in claims:
        if c["event_date_start"] and bounds(c, "killed") is not None:
            year, month = c["event_date_start"][:4], c["event_date_start"][5:7]
            bucket = f"{year}-xx" if c["event_date_precision"] == "year" else f"{year}-{month}"
            want[bucket] += 1
    body = figures_client.get("/claims/facets?by=month&sum=killed&limit=500").json()
    got = {v["value"]: v["figures"][0] for v in body["data"] if v["figures"]}
    assert any(k.endswith("-xx") for k in want), want  # the year-only bucket is exercised
    assert {k: v["claims"] for k, v in got.items()} == want
    text = figures_client.get("/claims/facets?by=month&sum=killed&format=csv").text
    rows = {r["value"]: r for r in csv.DictReader(io.StringIO(text.lstrip("\ufeff")))}
    for bucket, summed in got.items():
        row = rows[bucket]
        assert (row["killed_low"], row["killed_high"], row["killed_max"]) == (
            str(summed["low"]),
            str(summed["high"]),
            str(summed["max"]),
        )
