"""How fast events and relations are computed: the whole FA-KES dev half from scratch,
and one more article linked into a database of a million claims.

    python bench/events_speed.py                    # 1,000,000 synthetic claims
    python bench/events_speed.py --claims 100000    # quicker
    python bench/events_speed.py --skip-dev --keep /tmp/1m.sqlite3     # keep the database
    python bench/events_speed.py --skip-dev --reuse /tmp/1m.sqlite3    # link into a copy

`--reuse` links the articles into a copy of a database kept by `--keep` (generated and
rebuilt once), so two trees can be compared on the same data: copy this script into the
other tree's bench/ and run it there with the same `--reuse` (the articles are the same,
seeded).

1. The dev half (373 distinct articles) is imported, then `rebuild` recomputes every
   event, relation, index row and framing count from its claims (the issue's "relations
   for the whole dev half": target under 10 s).
2. N synthetic claims (app/synth.py) get their events with the same `rebuild`; then
   one more synthetic article of 20 claims at a time is stored and linked by
   `events.source_added`, in its own committed transaction, as an import does (target:
   under 100 ms at 1,000,000 claims). Prints numbers, each with the load average;
   asserts nothing. Each article's time goes with the claims its regroup clusters
   (printed beside it).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import shutil
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
from app.workers import warm_up  # noqa: E402

FAKES_DEV = PROJECT_ROOT / "tests" / "data" / "fakes" / "fakes_dev.csv"


def _percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def _load() -> float:
    return round(os.getloadavg()[0], 2)


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
        "load_average": _load(),
    }


def _regrouped() -> list[int]:
    """The number of claims each regroup clusters (summed over the rounds when the border
    moves out): linking one article costs about that, whatever the article's own size."""
    sizes: list[int] = []
    inner = event_groups.clusters

    def counted(nodes: set[int], edges: list[Any], records: dict[int, Any]) -> list[list[int]]:
        sizes.append(len(nodes))
        return inner(nodes, edges, records)

    event_groups.clusters = counted
    return sizes


def built(url: str, claims: int) -> dict[str, object]:
    """N synthetic claims with their events, from scratch."""
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
    engine.dispose()
    return {
        "claims": claims,
        "generate_seconds": round(generated, 1),
        "rebuild_seconds": round(rebuilt, 1),
        "relations": summary["relations"],
        "events": summary["events"],
        "peak_resident_mb": _peak_mb(),
        "load_average": _load(),
    }


def _peak_mb() -> int:
    """The process's largest resident set so far (Linux reports it in KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


def _collector() -> list[float]:
    """CPU seconds the garbage collector spends, summed into the list's one item."""
    spent, started = [0.0], [0.0]

    def timed(phase: str, _info: dict[str, int]) -> None:
        if phase == "start":
            started[0] = time.process_time()
        else:
            spent[0] += time.process_time() - started[0]

    gc.callbacks.append(timed)
    return spent


def linked(url: str, articles: int, freeze: bool = True) -> dict[str, object]:
    """One more synthetic article at a time, stored and linked as an import does (with
    what the process loaded frozen out of the collector, as `claimdb import` has it)."""
    engine = make_engine(url)
    if freeze:
        warm_up()
        gc.collect()
        gc.freeze()
    collector = _collector()
    times = []
    cpu = []  # the process's CPU time (SQLite runs in it): what other load disturbs least
    relations = []
    regrouped: list[int] = []
    sizes = _regrouped()
    for n in range(articles):
        generate(engine, 20, seed=1000 + n)
        with engine.connect() as conn:
            source_id = conn.execute(sa.text("SELECT max(id) FROM source")).scalar_one()
        t, c = time.perf_counter(), time.process_time()
        with write_session(engine) as session:
            done = events.source_added(session, source_id)
            session.commit()
        times.append((time.perf_counter() - t) * 1000)
        cpu.append((time.process_time() - c) * 1000)
        relations.append(done["relations"])
        regrouped.append(sum(sizes))
        sizes.clear()
        print(
            f"article {n + 1}: {times[-1]:.0f} ms ({cpu[-1]:.0f} ms CPU), "
            f"{regrouped[-1]} claims regrouped, "
            f"load {_load()}",
            flush=True,
        )
    engine.dispose()
    return {
        "articles_linked": articles,
        "link_article_p50_ms": round(statistics.median(times), 1),
        "link_article_p95_ms": round(_percentile(times, 95), 1),
        "link_article_max_ms": round(max(times), 1),
        "link_article_cpu_p50_ms": round(statistics.median(cpu), 1),
        "link_article_cpu_p95_ms": round(_percentile(cpu, 95), 1),
        "relations_per_article_mean": round(statistics.mean(relations), 1),
        "claims_regrouped_per_article_p50": statistics.median(regrouped),
        "claims_regrouped_per_article_max": max(regrouped),
        "collector_cpu_ms_per_article": round(collector[0] / articles * 1000, 1),
        "frozen_objects": gc.get_freeze_count(),
        "load_average": _load(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--articles", type=int, default=50)
    parser.add_argument("--database-url", help="an empty database; default: a temp SQLite file")
    parser.add_argument("--skip-dev", action="store_true", help="only the scale measure")
    parser.add_argument("--keep", type=Path, help="build the scale database at this SQLite path")
    parser.add_argument(
        "--reuse", type=Path, help="link into a copy of a database built with --keep"
    )
    parser.add_argument(
        "--no-freeze",
        action="store_true",
        help="link without freezing the start-up objects (as imports did before 2026-11-30)",
    )
    args = parser.parse_args()
    out: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as tmp:
        if not args.skip_dev:
            out["dev_half"] = dev_half(Path(tmp))
            print(json.dumps({"dev_half": out["dev_half"]}), flush=True)
        copy = Path(tmp) / "scale.sqlite3"
        url = args.database_url or f"sqlite:///{copy}"
        if args.keep:
            url = f"sqlite:///{args.keep}"
        if not args.reuse:
            out["built"] = built(url, args.claims)
            print(json.dumps({"built": out["built"]}), flush=True)
        kept = args.reuse or args.keep
        if kept:  # the kept database stays as built: the articles go into a copy
            shutil.copyfile(kept, copy)
            url = f"sqlite:///{copy}"
        out["scale"] = linked(url, args.articles, freeze=not args.no_freeze)
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
