"""How fast events and relations are computed: the whole FA-KES dev half from scratch,
and one more article linked into a database of a million claims.

    python bench/events_speed.py                    # 1,000,000 synthetic claims
    python bench/events_speed.py --claims 100000    # quicker

1. The dev half (373 distinct articles) is imported, then `rebuild` recomputes every
   event, relation, index row and framing count from its claims (the issue's "relations
   for the whole dev half": target under 10 s).
2. N synthetic claims (app/synth.py) get their events with the same `rebuild`; then
   one more synthetic article of 20 claims at a time is stored and linked by
   `events.source_added`, in its own committed transaction, as an import does (target:
   under 100 ms at 1,000,000 claims). Prints numbers; asserts nothing. Each article's
   time goes with the claims its regroup clusters (the connected component its claims
   join, printed beside it), not with its own size.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.config import PROJECT_ROOT  # noqa: E402
from app.db import make_engine, migrate, write_session  # noqa: E402
from app.importer import prepare, run_import  # noqa: E402
from app.ingest import read_documents  # noqa: E402
from app.services import event_groups, events  # noqa: E402
from app.synth import generate  # noqa: E402

FAKES_DEV = PROJECT_ROOT / "tests" / "data" / "fakes" / "fakes_dev.csv"


def _percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def dev_half(tmp: Path) -> dict[str, object]:
    url = f"sqlite:///{tmp / 'dev.sqlite3'}"
    migrate(url)
    engine = make_engine(url)
    started = time.perf_counter()
    report = run_import(read_documents([FAKES_DEV], preset="fakes"), origin="bench", engine=engine)
    imported = time.perf_counter() - started
    started = time.perf_counter()
    with write_session(engine) as session:
        summary = events.rebuild(session)
        session.commit()
    rebuilt = time.perf_counter() - started
    engine.dispose()
    return {
        "articles": report.added,
        "claims": summary["claims"],
        "relations": summary["relations"],
        "events": summary["events"],
        "rebuild_seconds": round(rebuilt, 2),
        "import_with_linking_seconds": round(imported, 2),
    }


def _regrouped() -> list[int]:
    """The number of claims each regroup clusters (its connected component): linking one
    article costs about that, whatever the article's own size."""
    sizes: list[int] = []
    inner = event_groups.clusters

    def counted(nodes: set[int], edges: list[Any], records: dict[int, Any]) -> list[list[int]]:
        sizes.append(len(nodes))
        return inner(nodes, edges, records)

    event_groups.clusters = counted
    return sizes


def at_scale(url: str, claims: int, articles: int) -> dict[str, object]:
    migrate(url)
    engine = make_engine(url)
    prepare(engine)
    started = time.perf_counter()
    generate(engine, claims)
    generated = time.perf_counter() - started
    started = time.perf_counter()
    with write_session(engine) as session:
        summary = events.rebuild(session)
        session.commit()
    rebuilt = time.perf_counter() - started
    times = []
    relations = []
    regrouped: list[int] = []
    sizes = _regrouped()
    for n in range(articles):
        generate(engine, 20, seed=1000 + n)
        with engine.connect() as conn:
            source_id = conn.execute(sa.text("SELECT max(id) FROM source")).scalar_one()
        t = time.perf_counter()
        with write_session(engine) as session:
            done = events.source_added(session, source_id)
            session.commit()
        times.append((time.perf_counter() - t) * 1000)
        relations.append(done["relations"])
        regrouped.append(sum(sizes))
        sizes.clear()
        print(f"article {n + 1}: {times[-1]:.0f} ms, {regrouped[-1]} claims regrouped", flush=True)
    engine.dispose()
    return {
        "claims": claims,
        "generate_seconds": round(generated, 1),
        "rebuild_seconds": round(rebuilt, 1),
        "relations": summary["relations"],
        "events": summary["events"],
        "articles_linked": articles,
        "link_article_p50_ms": round(statistics.median(times), 1),
        "link_article_p95_ms": round(_percentile(times, 95), 1),
        "link_article_max_ms": round(max(times), 1),
        "relations_per_article_mean": round(statistics.mean(relations), 1),
        "claims_regrouped_per_article_p50": statistics.median(regrouped),
        "claims_regrouped_per_article_max": max(regrouped),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--articles", type=int, default=50)
    parser.add_argument("--database-url", help="an empty database; default: a temp SQLite file")
    parser.add_argument("--skip-dev", action="store_true", help="only the scale measure")
    args = parser.parse_args()
    out: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as tmp:
        if not args.skip_dev:
            out["dev_half"] = dev_half(Path(tmp))
            print(json.dumps({"dev_half": out["dev_half"]}), flush=True)
        url = args.database_url or f"sqlite:///{Path(tmp) / 'scale.sqlite3'}"
        out["scale"] = at_scale(url, args.claims, args.articles)
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
