"""Query latency at scale: p50/p95 of the common /claims queries over N synthetic claims.

    python bench/query_speed.py [--claims 1000000] [--database-url URL] [--repeat 25] [--json]
                                [--only NAME] [--breakdown]

Builds a database (a fresh SQLite file unless --database-url names one), loads the
registry and gazetteer, adds the synthetic claims of app/synth.py, then times each query
through the real application in-process (routing, validation, SQL, serialisation; no
network), wall and CPU time (this process's: SQLite runs in it, and a loaded machine
stretches wall time, not CPU time). A --database-url that already holds claims is migrated and reused as it is
(building a million claims takes minutes: build once, time many). --breakdown adds, per
/claims query, the CPU of each step of the read path (BREAKDOWN) and the statements run
per request. Prints
numbers; it asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import sqlalchemy as sa  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402
from sqlmodel import Session  # noqa: E402

from app.db import get_session, make_engine, migrate  # noqa: E402
from app.importer import prepare  # noqa: E402
from app.main import app  # noqa: E402
from app.synth import generate  # noqa: E402

# The standard queries of issue #15 (targets: p50 <= 10 ms, p95 <= 30 ms at 1M claims)
PALMYRA = "38.1,34.4,38.4,34.7"
STANDARD = {
    "#15 actor Daesh + 2016-01..06": "actor=Daesh&date_from=2016-01&date_to=2016-06",
    "#15 place Aleppo + 2016-11..12": "place=Aleppo&date_from=2016-11&date_to=2016-12",
    "#15 bbox Palmyra + shelling": f"bbox={PALMYRA}&event_type=shelling",
    "#15 q=besieged + governorate Homs": "q=besieged&governorate=Homs",
    "#15 near Aleppo 20 km + 2016": "near=36.2,37.16&radius_km=20&date_from=2016-01&date_to=2016-06",
    "#15 claimant SOHR + casualties": "claimant=SOHR&event_type=casualties",
}
WALK = "event_type=siege"  # walked by cursor to page WALK_PAGES: page 200 costs what page 1 does
WALK_PAGES = 200

QUERIES = {
    **STANDARD,
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


# the steps of a /claims page (module, function): names, filters, page and count, shapes
BREAKDOWN = (
    ("app.services.resolve", "claim_names"),
    ("app.services.claim_query", "filtered"),
    ("app.services.claims", "paginate"),
    ("app.services.claim_rows", "shapes"),
)


@contextmanager
def _steps(spent: dict[str, float]) -> Iterator[None]:
    """Sum the thread CPU of each BREAKDOWN step into `spent` (ms) while inside."""
    import importlib

    saved = []
    for module_name, name in BREAKDOWN:
        module = importlib.import_module(module_name)
        original = getattr(module, name)

        def timed(*args: Any, _f: Any = original, _n: str = name, **kwargs: Any) -> Any:
            started = time.thread_time()
            try:
                return _f(*args, **kwargs)
            finally:
                spent[_n] = spent.get(_n, 0.0) + (time.thread_time() - started) * 1000

        saved.append((module, name, original))
        setattr(module, name, timed)
    try:
        yield
    finally:
        for module, name, original in saved:
            setattr(module, name, original)


def _percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def _walk(client: TestClient, repeat: int) -> dict[str, dict[str, float]]:
    """Walk WALK by cursor to page WALK_PAGES, then time page 1 and page WALK_PAGES."""
    cursors: list[str | None] = [None]
    for _ in range(WALK_PAGES - 1):
        body = client.get(f"/claims?limit=50&{WALK}" + _cursor(cursors[-1])).json()
        cursors.append(body["next"])
    out = {}
    for label, cursor in (("page 1", None), (f"page {WALK_PAGES}", cursors[-1])):
        times, cpu = [], []
        for i in range(repeat + 2):
            t, c = time.perf_counter(), time.process_time()
            body = client.get(f"/claims?limit=50&{WALK}" + _cursor(cursor)).json()
            if i >= 2:
                times.append((time.perf_counter() - t) * 1000)
                cpu.append((time.process_time() - c) * 1000)
        out[f"#15 {WALK} by cursor, {label}"] = {
            "p50_ms": round(statistics.median(times), 1),
            "p95_ms": round(_percentile(times, 95), 1),
            "cpu_p50_ms": round(statistics.median(cpu), 1),
            "matches": body["count"],
        }
    return out


def _cursor(cursor: str | None) -> str:
    return f"&cursor={cursor}" if cursor else ""


def run(
    url: str, claims: int, repeat: int, only: str | None = None, breakdown: bool = False
) -> dict[str, object]:
    started = time.perf_counter()
    migrate(url)
    engine = make_engine(url)
    with engine.connect() as conn:
        held = conn.execute(sa.text("SELECT count(*) FROM claim")).scalar_one()
    if not held:
        prepare(engine)
        generate(engine, claims)
    claims = held or claims
    build_seconds = time.perf_counter() - started

    def session():  # noqa: ANN202
        with Session(engine) as s:
            yield s

    app.dependency_overrides[get_session] = session
    client = TestClient(app)
    statements = [0]
    if breakdown:
        sa.event.listen(
            engine, "before_cursor_execute", lambda *_: statements.__setitem__(0, statements[0] + 1)
        )
    results: dict[str, dict[str, float]] = {}
    for name, query in QUERIES.items():
        if only and only not in name:
            continue
        path = query[1:] if query.startswith("@") else f"/claims?limit=50&{query}"
        times, cpu = [], []
        spent: dict[str, float] = {}
        for i in range(repeat + 2):
            if i == 2:  # the first two warm caches
                spent.clear()
                statements[0] = 0
            t, c = time.perf_counter(), time.process_time()
            with _steps(spent) if breakdown else nullcontext():
                response = client.get(path)
            elapsed = (time.perf_counter() - t) * 1000
            if response.status_code != 200:
                raise SystemExit(f"{name}: {response.status_code} {response.text[:300]}")
            if i >= 2:
                times.append(elapsed)
                cpu.append((time.process_time() - c) * 1000)
        body = response.json()
        results[name] = {
            "p50_ms": round(statistics.median(times), 1),
            "p95_ms": round(_percentile(times, 95), 1),
            "cpu_p50_ms": round(statistics.median(cpu), 1),
            "matches": body.get("count", body.get("total", 0)),
            **{f"cpu_{step}_ms": round(ms / repeat, 1) for step, ms in spent.items()},
            **({"statements": round(statements[0] / repeat, 1)} if breakdown else {}),
        }
    if not only or only in "#15 walk":
        results.update(_walk(client, repeat))
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
    parser.add_argument("--only", help="time only the queries whose name contains this")
    parser.add_argument(
        "--breakdown", action="store_true", help="CPU per request of each step of the read path"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = args.database_url or f"sqlite:///{Path(tmp) / 'bench.sqlite3'}"
        result = run(url, args.claims, args.repeat, args.only, args.breakdown)
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(
        f"{result['claims']:,} claims on {result['database']} (built in {result['build_seconds']} s), "
        f"{args.repeat} runs each"
    )
    print(f"{'query':44} {'p50 ms':>8} {'p95 ms':>8} {'cpu p50':>8} {'matches':>9}")
    for name, r in result["queries"].items():  # type: ignore[union-attr]
        print(
            f"{name:44} {r['p50_ms']:>8} {r['p95_ms']:>8} {r.get('cpu_p50_ms', ''):>8} "
            f"{r['matches']:>9}"
        )
        steps = {k[4:-3]: v for k, v in r.items() if k.startswith("cpu_") and k != "cpu_p50_ms"}
        if steps:  # mean CPU ms per request; paginate includes the count
            print(
                "    "
                + ", ".join(f"{step} {ms}" for step, ms in steps.items())
                + f"; statements {r['statements']} (BEGIN and PRAGMAs included)"
            )


if __name__ == "__main__":
    main()
