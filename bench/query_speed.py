"""Query latency at scale: p50/p95 of the common /claims queries over N synthetic claims.

    python bench/query_speed.py [--claims 1000000] [--database-url URL] [--repeat 25] [--json]

Builds a database (a fresh SQLite file unless --database-url names an empty one), loads
the registry and gazetteer, adds the synthetic claims of app/synth.py, then times each
query through the real application in-process (routing, validation, SQL, serialisation;
no network). Prints numbers; it asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from fastapi.testclient import TestClient  # noqa: E402
from sqlmodel import Session  # noqa: E402

from app.db import get_session, make_engine, migrate  # noqa: E402
from app.importer import prepare  # noqa: E402
from app.main import app  # noqa: E402
from app.synth import generate  # noqa: E402

QUERIES = {
    "actor alias + date range": "actor=Daesh&date_from=2016-01&date_to=2016-06",
    "place with sub-places + dates": "place=Aleppo&date_from=2016-11&date_to=2016-12",
    "governorate": "governorate=Homs",
    "bbox (Palmyra)": "bbox=38.1,34.4,38.4,34.7",
    "near Aleppo 20 km": "near=36.2,37.16&radius_km=20",
    "full text": "q=besieged",
    "full text phrase + actor": 'q="Tiger Forces"&actor=ISIL',
    "claimant": "claimant=Reuters",
    "outlet + hedged": "outlet=reuters&hedged=true",
    "event type, newest first": "event_type=siege&sort=-event_date",
    "published month": "date_field=published&date_from=2016-02&date_to=2016-02",
    "no filter, id order": "",
    "facets by month (actor)": "@/claims/facets?by=month&actor=Daesh",
}


def _percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def run(url: str, claims: int, repeat: int) -> dict[str, object]:
    started = time.perf_counter()
    migrate(url)
    engine = make_engine(url)
    prepare(engine)
    generate(engine, claims)
    build_seconds = time.perf_counter() - started

    def session():  # noqa: ANN202
        with Session(engine) as s:
            yield s

    app.dependency_overrides[get_session] = session
    client = TestClient(app)
    results: dict[str, dict[str, float]] = {}
    for name, query in QUERIES.items():
        path = query[1:] if query.startswith("@") else f"/claims?limit=50&{query}"
        times = []
        for i in range(repeat + 2):
            t = time.perf_counter()
            response = client.get(path)
            elapsed = (time.perf_counter() - t) * 1000
            if response.status_code != 200:
                raise SystemExit(f"{name}: {response.status_code} {response.text[:300]}")
            if i >= 2:  # the first two warm caches
                times.append(elapsed)
        body = response.json()
        results[name] = {
            "p50_ms": round(statistics.median(times), 1),
            "p95_ms": round(_percentile(times, 95), 1),
            "matches": body.get("count", body.get("total", 0)),
        }
    deep = []
    cursor = None
    for _ in range(40):  # 40 pages of 50: a deep walk costs what the first page costs
        t = time.perf_counter()
        body = client.get(
            "/claims?limit=50&actor=Daesh" + (f"&cursor={cursor}" if cursor else "")
        ).json()
        deep.append((time.perf_counter() - t) * 1000)
        cursor = body["next"]
    results["deep cursor pages (actor)"] = {
        "p50_ms": round(statistics.median(deep), 1),
        "p95_ms": round(_percentile(deep, 95), 1),
        "matches": body["count"],
    }
    app.dependency_overrides.clear()
    engine.dispose()
    return {
        "database": url.split("://")[0],
        "claims": claims,
        "build_seconds": round(build_seconds, 1),
        "repeat": repeat,
        "queries": results,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--database-url", help="an empty database; default: a temp SQLite file")
    parser.add_argument("--repeat", type=int, default=25)
    parser.add_argument("--json", action="store_true", help="print JSON only")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = args.database_url or f"sqlite:///{Path(tmp) / 'bench.sqlite3'}"
        result = run(url, args.claims, args.repeat)
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(
        f"{result['claims']:,} claims on {result['database']} (built in {result['build_seconds']} s), "
        f"{args.repeat} runs each"
    )
    print(f"{'query':36} {'p50 ms':>8} {'p95 ms':>8} {'matches':>9}")
    for name, r in result["queries"].items():  # type: ignore[union-attr]
        print(f"{name:36} {r['p50_ms']:>8} {r['p95_ms']:>8} {r['matches']:>9}")


if __name__ == "__main__":
    main()
