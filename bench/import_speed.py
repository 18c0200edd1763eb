"""Where a stored document's time goes: the FA-KES dev half, extracted first, then stored
one transaction each (as `claimdb import` stores them) into a fresh database.

    python bench/import_speed.py [--order forward|reverse] [--database-url URL]
                                 [--dump FILE] [--rounds N]

Prints CPU and wall milliseconds per stored document, by phase (the linking functions
are wrapped and timed where `app.services.events` calls them), SQL statements per
document, and the rate. `--dump FILE` writes the events, their members, the relations
and the linking index as JSON Lines (claims named by source hash and offset), to compare
two trees or two import orders. Run it from another tree (`cd /work/main && python
/path/to/bench/import_speed.py`) to measure that tree's code: the current directory comes
first on the import path. Prints numbers; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import sqlalchemy as sa

sys.path.insert(0, os.getcwd())

from app.config import PROJECT_ROOT  # noqa: E402
from app.db import make_engine, migrate  # noqa: E402
from app.importer import prepare, store_one  # noqa: E402
from app.ingest import read_documents  # noqa: E402
from app.ingest.types import RawDocument  # noqa: E402
from app.services import event_groups, events  # noqa: E402
from app.services.documents import extract_document  # noqa: E402

FAKES_DEV = PROJECT_ROOT / "tests" / "data" / "fakes" / "fakes_dev.csv"
SPENT: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])


def _timed(module: Any, name: str, label: str) -> None:
    """Time `module.name` (as the callers that look it up in `module` see it)."""
    inner = getattr(module, name, None)
    if inner is None:
        return

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        cpu, wall = time.process_time(), time.perf_counter()
        try:
            return inner(*args, **kwargs)
        finally:
            SPENT[label][0] += time.process_time() - cpu
            SPENT[label][1] += time.perf_counter() - wall

    setattr(module, name, wrapper)


def _instrument() -> None:
    _timed(events, "source_added", "events.source_added (all linking)")
    _timed(events, "load_records", "  claim records (new claims, candidates)")
    _timed(events, "candidates", "  candidate search")
    _timed(events, "link_pair", "  link_pair (pure)")
    _timed(events, "link_within_source", "  link_within_source (pure)")
    _timed(events, "regroup", "  regroup")
    _timed(event_groups, "load_records", "    records of the other members")
    _timed(event_groups, "_closure", "    closure")
    _timed(event_groups, "_component", "    closure")
    _timed(event_groups, "clusters", "    clusters (pure)")
    _timed(event_groups, "write_events", "    write events")


def _named(value: Any, actors: dict[int, str]) -> Any:
    """`value` (decoded JSON) with actor ids replaced by names: the ids of actors that
    extraction adds depend on the order they were met in, not on linking."""
    if isinstance(value, list):
        return [_named(v, actors) for v in value]
    if not isinstance(value, dict):
        return value
    out = {}
    for k, v in value.items():
        actor = k in ("claimant_id", "actor_id") or (k == "id" and "name" in value)
        out[k] = actors.get(v, v) if actor and isinstance(v, int) else _named(v, actors)
    return out


def dump(engine: sa.Engine, path: Path) -> None:
    """Events, members, relations and index rows, each claim named by hash:offset and
    each actor by name."""
    with engine.connect() as conn:
        actors = dict(conn.execute(sa.text("SELECT id, name FROM actor")).all())
        key = dict(
            conn.execute(
                sa.text(
                    "SELECT c.id, s.content_sha256 || ':' || c.char_start "
                    "FROM claim c JOIN source s ON s.id = c.source_id"
                )
            ).all()
        )
        lines = []
        members: dict[int, list[Any]] = defaultdict(list)
        for row in conn.execute(sa.text("SELECT * FROM event_claim")).mappings():
            members[row["event_id"]].append(
                [key[row["claim_id"]], row["corroborated_by"], bool(row["contradicted"])]
            )
        for row in conn.execute(sa.text("SELECT * FROM event")).mappings():
            e = {k: (str(v) if k.startswith("date_") else v) for k, v in row.items()}
            for k in ("figures", "claimants", "actors"):
                e[k] = _named(json.loads(e[k]) if isinstance(e[k], str) else e[k], actors)
            e["members"] = sorted(members[row["id"]])
            lines.append(["event", e["key"], e])
        for row in conn.execute(sa.text("SELECT * FROM claim_relation")).mappings():
            r = {k: v for k, v in row.items() if k != "id"}
            r["a"], r["b"] = key[r.pop("claim_a_id")], key[r.pop("claim_b_id")]
            r["direct"] = bool(r["direct"])
            for k in ("agree", "differ", "detail"):
                r[k] = _named(json.loads(r[k]) if isinstance(r[k], str) else r[k], actors)
            lines.append(["relation", f"{r['a']} {r['b']}", r])
        for row in conn.execute(sa.text("SELECT * FROM claim_slot")).mappings():
            s = {k: str(v) for k, v in row.items()}
            s["claim_id"] = key[row["claim_id"]]
            lines.append(["slot", f"{s['claim_id']} {s['kind']} {s['area_id']}", s])
    lines.sort(key=lambda x: (x[0], x[1], json.dumps(x[2], sort_keys=True, default=str)))
    with path.open("w") as f:
        for line in lines:
            f.write(json.dumps(line, sort_keys=True, default=str) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--order", choices=("forward", "reverse"), default="forward")
    parser.add_argument("--database-url", help="an empty database; default: a temp SQLite file")
    parser.add_argument("--dump", type=Path)
    parser.add_argument("--limit", type=int, default=0, help="store only the first N")
    parser.add_argument(
        "--extractions",
        type=Path,
        help="store these extractions (a pickle this script wrote) or write them there: "
        "the same input for two trees (extraction is not the same from run to run)",
    )
    parser.add_argument("--dump-only", metavar="URL", help="dump this database, import nothing")
    args = parser.parse_args()
    if args.dump_only:
        dump(make_engine(args.dump_only), args.dump)
        return
    docs = [d for d in read_documents([FAKES_DEV], preset="fakes") if isinstance(d, RawDocument)]
    with tempfile.TemporaryDirectory() as tmp:
        url = args.database_url or f"sqlite:///{Path(tmp) / 'import.sqlite3'}"
        migrate(url)
        engine = make_engine(url)
        places, additions = prepare(engine)
        cpu, wall = time.process_time(), time.perf_counter()
        if args.extractions and args.extractions.exists():
            extracted = pickle.loads(args.extractions.read_bytes())
        else:
            extracted = [(d, extract_document(d, additions)) for d in docs]
            if args.extractions:
                args.extractions.write_bytes(pickle.dumps(extracted))
        extract_cpu, extract_wall = time.process_time() - cpu, time.perf_counter() - wall
        if args.order == "reverse":
            extracted.reverse()
        if args.limit:
            extracted = extracted[: args.limit]
        statements = [0]

        @sa.event.listens_for(engine, "before_cursor_execute")
        def count(*_: Any) -> None:
            statements[0] += 1

        _instrument()
        stored = 0
        cpu, wall = time.process_time(), time.perf_counter()
        for raw, extraction in extracted:
            if store_one(engine, raw, extraction, places, None).outcome == "added":
                stored += 1
        store_cpu, store_wall = time.process_time() - cpu, time.perf_counter() - wall
        if args.dump:
            dump(engine, args.dump)
        engine.dispose()
    n = len(extracted)
    print(f"tree {os.getcwd()}  order {args.order}  documents {n} (stored {stored})")
    print(f"load average {os.getloadavg()[0]:.2f}")
    print(f"{'phase':45} {'cpu ms/doc':>10} {'wall ms/doc':>11}")
    print(
        f"{'extraction (in process)':45} {extract_cpu / n * 1000:10.1f} {extract_wall / n * 1000:11.1f}"
    )
    print(f"{'storing, all of it':45} {store_cpu / n * 1000:10.1f} {store_wall / n * 1000:11.1f}")
    for label, (c, w) in SPENT.items():
        print(f"{label:45} {c / n * 1000:10.1f} {w / n * 1000:11.1f}")
    print(f"SQL statements per document (executemany counts once): {statements[0] / n:.1f}")
    print(f"storing rate: {n / store_wall:.1f} docs/s; with extraction in one process: "
          f"{n / (store_wall + extract_wall):.1f} docs/s")  # fmt: skip


if __name__ == "__main__":
    main()
