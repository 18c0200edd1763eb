"""Side by side (`make bench`): claimdb over HTTP, Datasette on the same SQLite file, and
raw SQL, on the standard /claims queries, at several sizes, on SQLite and PostgreSQL.

    python bench/compare.py [--sizes 100000,1000000] [--requests 200] [--seconds 10]
                            [--postgres SERVER_URL] [--quick] [--data-dir DIR]
                            [--results bench/RESULTS.md | --no-results]

For each backend and size: a database of N synthetic claims (`claimdb synth`, kept in
--data-dir and reused while it holds N claims), then

- claimdb: `claimdb serve` (one worker per core), each query as a client sends it;
- raw SQL: the statements claimdb itself ran for that request (caught from its engine
  while the application answers it in this process), executed in order through sqlite3 or
  psycopg, the rows turned into JSON with json.dumps;
- Datasette (SQLite only): `datasette serve` on the same file, given claimdb's own page
  statement (and count statement, if it ran one) for the query (parameters written in)
  in one SELECT that also returns each claim's actors and places, as claimdb's page does.

Concurrency 1: every (query, system) pair in turn, round after round (interleaved, so
a busier moment hits all alike), --requests rounds, p50 and p95 of the client's time from
request to the last byte. Concurrency 8: requests per second over --seconds with wrk if it
is on PATH (Debian: apt-get install wrk), else a Python load generator (threads; it shares
the CPU with the servers, so its figures are lower). The deep page is page 200 of a cursor
walk of event_type=siege (or the last page, at sizes with fewer). Prints one table with
the ratios and writes it to RESULTS (a section of its own, replaced on each run) with the
machine's core count and load average. It asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CLAIMDB = [sys.executable, "-m", "app.cli"]
LIMIT, DEEP = 50, 200
SECTION = "## Side by side: claimdb, Datasette and raw SQL"
QUERIES = {
    "actor=Daesh + 2016-01..06": "actor=Daesh&date_from=2016-01&date_to=2016-06",
    "place=Aleppo + 2016-11..12": "place=Aleppo&date_from=2016-11&date_to=2016-12",
    "bbox Palmyra + shelling": "bbox=38.1,34.4,38.4,34.7&event_type=shelling",
    "q=besieged + governorate=Homs": "q=besieged&governorate=Homs",
    "near Aleppo 20 km + 2016": "near=36.2,37.16&radius_km=20&date_from=2016&date_to=2016",
    "claimant=SOHR + casualties": "claimant=SOHR&event_type=casualties",
    "event_type=siege, page 1": "event_type=siege",
    "event_type=siege, deep page": "event_type=siege",  # the cursor is added (deep_path)
}


# ---------------------------------------------------------------- databases and servers


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _run(url: str, *args: str) -> str:
    env = {**os.environ, "CLAIMDB_DATABASE_URL": url}
    done = subprocess.run([*CLAIMDB, *args], env=env, capture_output=True, text=True, cwd=ROOT)
    if done.returncode != 0:
        raise SystemExit(f"claimdb {' '.join(args)} failed:\n{done.stderr[-2000:]}")
    return done.stdout.strip()


def _claims_in(url: str) -> int:
    from app.db import make_engine

    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return conn.exec_driver_sql("SELECT count(*) FROM claim").scalar_one()
    except Exception:  # noqa: BLE001 - no schema yet
        return -1
    finally:
        engine.dispose()


def database(backend: str, size: int, data_dir: Path, postgres: str | None) -> str:
    """The URL of a database holding `size` synthetic claims (built with `claimdb synth`)."""
    if backend == "sqlite":
        path = data_dir / f"claims_{size}.sqlite3"
        url = f"sqlite:///{path}"
        if _claims_in(url) != size:
            for stale in data_dir.glob(f"{path.name}*"):
                stale.unlink()
    else:
        import sqlalchemy as sa
        from sqlalchemy.engine import make_url

        server = make_url(postgres)
        name = f"claimdb_bench_{size}"
        url = server.set(database=name).render_as_string(hide_password=False)
        if _claims_in(url) != size:
            admin = sa.create_engine(server, isolation_level="AUTOCOMMIT")
            with admin.connect() as conn:
                conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
            admin.dispose()
    if _claims_in(url) != size:
        print(
            f"  building {size:,} claims on {backend}: {_run(url, 'synth', '--claims', str(size))}"
        )
    else:  # kept from an earlier run, perhaps of older code: brought to this code's schema
        _run(url, "migrate")
    return url


@contextmanager
def server(argv: list[str], ready: str, env: dict[str, str], log: Path) -> Iterator[str]:
    port = _free_port()
    with log.open("w") as out:
        process = subprocess.Popen(
            [*argv, "--port", str(port)], env={**os.environ, **env}, stdout=out,
            stderr=subprocess.STDOUT, cwd=ROOT,
        )  # fmt: skip
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 180
            while True:
                try:
                    if httpx.get(base + ready, timeout=2).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                if process.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit(f"{argv[0]} did not start:\n{log.read_text()[-2000:]}")
                time.sleep(0.2)
            yield base
        finally:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(60)
            except subprocess.TimeoutExpired:
                process.kill()


# ---------------------------------------------------------------- claimdb's own SQL


def capture(url: str, paths: dict[str, str]) -> dict[str, list[tuple[str, Any]]]:
    """The SELECT statements (SQL, parameters) the application runs to answer each path,
    caught from its engine while it answers in this process."""
    import sqlalchemy as sa
    from fastapi.testclient import TestClient

    from app.config import settings
    from app.db import get_engine
    from app.main import app

    settings.database_url = url
    get_engine.cache_clear()
    seen: list[tuple[str, Any]] = []

    def listen(_conn, _cursor, statement, parameters, _context, _many):  # noqa: ANN001
        if statement.lstrip().upper().startswith(("SELECT", "WITH")):
            seen.append((statement, parameters))

    sa.event.listen(get_engine(), "before_cursor_execute", listen)
    found = {}
    try:
        with TestClient(app) as client:
            for name, path in paths.items():
                client.get(path).raise_for_status()  # warm: name caches
                seen.clear()
                client.get(path).raise_for_status()
                found[name] = list(seen)
    finally:
        sa.event.remove(get_engine(), "before_cursor_execute", listen)
        get_engine().dispose()
        get_engine.cache_clear()
    return found


def deep_path(base: str, query: str, depth: int) -> tuple[str, int]:
    """The path of page `depth` of a cursor walk (or of the last page), and its number."""
    path, page = f"/claims?limit={LIMIT}&{query}", 1
    with httpx.Client(base_url=base, timeout=120) as client:
        while page < depth:
            following = client.get(path).json().get("next")
            if not following:
                break
            path = f"/claims?limit={LIMIT}&{query}&cursor={urllib.parse.quote(following)}"
            page += 1
    return path, page


def _literal(value: Any) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int | float):
        return repr(value)
    return "'" + str(value).replace("'", "''") + "'"


def inline(sql: str, params: Any) -> str:
    """`sql` (qmark style) with its parameters written in, quoted strings left alone."""
    values = iter(params or ())
    return re.sub(
        r"'(?:[^']|'')*'|\?", lambda m: m[0] if m[0] != "?" else _literal(next(values)), sql
    )


def datasette_sql(statements: list[tuple[str, Any]], db: sqlite3.Connection) -> str:
    """One SELECT for Datasette: claimdb's page statement (its claims, with their source,
    claimant and event, and on a first page the walk's bounded count) with each claim's
    actors and places, which claimdb reads in one more statement, and claimdb's count if it
    ran one (count=exact, or a page after a first page that had no next)."""

    def columns(sql: str) -> list[str]:
        return [d[0] for d in db.execute(f"SELECT * FROM ({sql}) LIMIT 0").description]

    page_sql, names = next(
        (sql, names)
        for sql in (inline(*s) for s in statements if " LIMIT " in s[0].upper())
        if "source_id" in (names := columns(sql))
    )
    count = next(
        ((s, p) for s, p in statements if s.lstrip().lower().startswith("select count")), None
    )
    total = f", ({inline(*count)}) AS total" if count else ""
    claim_id = next(n for n in names if n in ("id", "claim_id"))
    source = next(n for n in names if n == "source_id")
    return (
        f"SELECT p.*, s.outlet, s.published_on, "
        f"(SELECT json_group_array(json_object('id', a.id, 'name', a.name, 'kind', a.kind, "
        f"'role', ca.role, 'char_start', ca.char_start, 'char_end', ca.char_end)) "
        f"FROM claim_actor ca JOIN actor a ON a.id = ca.actor_id WHERE ca.claim_id = p.{claim_id}) AS actors, "
        f"(SELECT json_group_array(json_object('id', pl.id, 'name', pl.name, 'kind', pl.kind, "
        f"'governorate', pl.governorate, 'lat', pl.lat, 'lon', pl.lon, 'char_start', cp.char_start, "
        f"'char_end', cp.char_end)) FROM claim_place cp JOIN place pl ON pl.id = cp.place_id "
        f"WHERE cp.claim_id = p.{claim_id}) AS places{total} "
        f"FROM ({page_sql}) AS p JOIN source s ON s.id = p.{source}"
    )  # fmt: skip


def raw_runner(url: str) -> tuple[Callable[[list[tuple[str, Any]]], int], Callable[[], None]]:
    """A function that runs statements as captured and json.dumps their rows (returns the
    bytes written), and one that closes its connection."""
    if url.startswith("sqlite"):
        conn: Any = sqlite3.connect(url.split("///", 1)[1], check_same_thread=False)
    else:
        import psycopg

        conn = psycopg.connect(url.replace("+psycopg", ""), autocommit=True)

    def run(statements: list[tuple[str, Any]]) -> int:
        out = []
        for sql, params in statements:
            cur = conn.execute(sql, params or ())
            names = [d[0] for d in cur.description]
            out.append([dict(zip(names, row, strict=True)) for row in cur.fetchall()])
        return len(json.dumps(out, default=str))

    return run, conn.close


# ---------------------------------------------------------------- measuring


def _pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def throughput(url: str, seconds: float) -> float:
    """Requests/s at 8 connections: wrk if on PATH, else 8 Python threads."""
    if shutil.which("wrk") and seconds >= 1:
        done = subprocess.run(
            ["wrk", "-t2", "-c8", f"-d{max(1, round(seconds))}s", "--timeout", "30s", url],
            capture_output=True, text=True,
        )  # fmt: skip
        found = re.search(r"Requests/sec:\s+([\d.]+)", done.stdout)
        if "Non-2xx" in done.stdout or not found:
            return float("nan")
        return float(found[1])
    counts, stop = [0] * 8, time.monotonic() + seconds

    def worker(i: int) -> None:
        with httpx.Client(timeout=30) as client:
            while True:  # at least one request each, however short the run
                if client.get(url).status_code == 200:
                    counts[i] += 1
                if time.monotonic() >= stop:
                    break

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(8)]
    started = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return sum(counts) / (time.monotonic() - started)


def measure(backend: str, size: int, args: argparse.Namespace) -> dict[str, dict[str, float]]:
    url = database(backend, size, args.data_dir, args.postgres)
    env = {"CLAIMDB_DATABASE_URL": url}
    log = args.data_dir / f"serve-{backend}-{size}.log"
    serve = [*CLAIMDB, "serve"] + (["--workers", str(args.workers)] if args.workers else [])
    with server(serve, "/health", env, log) as base:
        paths = {name: f"/claims?limit={LIMIT}&{q}" for name, q in QUERIES.items()}
        paths["event_type=siege, deep page"], depth = deep_path(
            base, QUERIES["event_type=siege, page 1"], DEEP
        )
        statements = capture(url, paths)
        run_raw, close_raw = raw_runner(url)
        systems: dict[str, Callable[[str], Any]] = {}
        with (
            httpx.Client(base_url=base, timeout=120) as claimdb,
            contextlib_datasette(backend, url, args) as ds,
        ):
            systems["claimdb"] = lambda name: claimdb.get(paths[name]).raise_for_status()
            systems["raw"] = lambda name: run_raw(statements[name])
            ds_paths = {}
            if ds is not None:
                db = sqlite3.connect(url.split("///", 1)[1])
                stem = Path(url.split("///", 1)[1]).stem
                for name in paths:
                    sql = datasette_sql(statements[name], db)
                    ds_paths[name] = f"/{stem}.json?" + urllib.parse.urlencode(
                        {"sql": sql, "_shape": "array"}
                    )
                db.close()
                client = httpx.Client(base_url=ds, timeout=120)
                systems["datasette"] = lambda name: client.get(ds_paths[name]).raise_for_status()
            _same_rows(paths, claimdb, ds_paths, ds)
            times: dict[tuple[str, str], list[float]] = {(n, s): [] for n in paths for s in systems}
            print(f"  concurrency 1: {args.requests} rounds of {len(paths)} queries", flush=True)
            for round_ in range(args.requests + 2):  # two rounds to warm caches
                order = (
                    list(systems)[round_ % len(systems) :] + list(systems)[: round_ % len(systems)]
                )
                for name in paths:
                    for system in order:
                        started = time.perf_counter()
                        systems[system](name)
                        if round_ >= 2:
                            times[(name, system)].append((time.perf_counter() - started) * 1000)
            print(f"  concurrency 8: {args.seconds:g} s per query and server", flush=True)
            rates: dict[tuple[str, str], float] = {}
            for name in paths:
                rates[(name, "claimdb")] = throughput(base + paths[name], args.seconds)
                if ds is not None:
                    rates[(name, "datasette")] = throughput(ds + ds_paths[name], args.seconds)
            if ds is not None:
                client.close()
        close_raw()
    out: dict[str, dict[str, float]] = {}
    for name in paths:
        row: dict[str, float] = {"depth": depth}
        for system in systems:
            row[f"{system}_p50"] = statistics.median(times[(name, system)])
            row[f"{system}_p95"] = _pct(times[(name, system)], 95)
            row[f"{system}_rps"] = rates.get((name, system), float("nan"))
        out[name] = row
    return out


def _same_rows(
    paths: dict[str, str], claimdb: httpx.Client, ds_paths: dict[str, str], ds: str | None
) -> None:
    """Say so when Datasette's rows are not claimdb's page (claimdb's page statement fetches
    one row more than the page, to know whether another page follows)."""
    for name, path in paths.items():
        shown = len(claimdb.get(path).json()["data"])
        if ds is not None:
            rows = len(httpx.get(ds + ds_paths[name], timeout=120).json())
            if rows not in (shown, shown + 1):
                print(f"  note: {name}: claimdb shows {shown} claims, Datasette {rows} rows")


@contextmanager
def contextlib_datasette(backend: str, url: str, args: argparse.Namespace) -> Iterator[str | None]:
    if backend != "sqlite" or args.no_datasette:
        yield None
        return
    exe = shutil.which("datasette", path=str(Path(sys.executable).parent)) or shutil.which(
        "datasette"
    )
    if exe is None:
        print("  datasette is not installed (pip install -e '.[dev]'): its columns are empty")
        yield None
        return
    argv = [
        exe, "serve", url.split("///", 1)[1], "--setting", "sql_time_limit_ms", "60000",
        "--setting", "max_returned_rows", "1000",
    ]  # fmt: skip
    with server(argv, "/-/versions.json", {}, args.data_dir / "datasette.log") as base:
        yield base


# ---------------------------------------------------------------- report


def _ratio(a: float, b: float) -> float:
    return a / b if b else float("nan")


def _f(value: float, digits: int = 1) -> str:
    return "-" if value != value else f"{value:,.{digits}f}"  # NaN: not measured


def table(results: dict[tuple[str, int], dict[str, dict[str, float]]]) -> str:
    lines = [
        "| backend | claims | query | claimdb p50 / p95 ms | raw p50 ms | claimdb / raw | "
        "Datasette p50 ms | req/s at 8: claimdb | Datasette | claimdb / Datasette | "
        "p50 vs smallest size |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    sizes: dict[str, list[int]] = {}
    for backend, size in results:
        sizes.setdefault(backend, []).append(size)
    for (backend, size), rows in results.items():
        smallest = results[(backend, min(sizes[backend]))]
        for name, r in rows.items():
            label = name if "deep" not in name else f"event_type=siege, page {int(r['depth'])}"
            growth = _ratio(r["claimdb_p50"], smallest[name]["claimdb_p50"])
            lines.append(
                f"| {backend} | {size:,} | {label} | {_f(r['claimdb_p50'])} / {_f(r['claimdb_p95'])} | "
                f"{_f(r['raw_p50'])} | {_f(_ratio(r['claimdb_p50'], r['raw_p50']), 2)} | "
                f"{_f(r.get('datasette_p50', float('nan')))} | {_f(r['claimdb_rps'])} | "
                f"{_f(r.get('datasette_rps', float('nan')))} | "
                f"{_f(_ratio(r['claimdb_rps'], r.get('datasette_rps', float('nan'))), 2)} | "
                f"{_f(growth, 2) if size != min(sizes[backend]) else ''} |"
            )
        deep, first = rows["event_type=siege, deep page"], rows["event_type=siege, page 1"]
        lines.append(
            f"| {backend} | {size:,} | page {int(deep['depth'])} / page 1 of the siege walk (claimdb p50) | "
            f"{_f(_ratio(deep['claimdb_p50'], first['claimdb_p50']), 2)} | | | | | | | |"
        )
    return "\n".join(lines)


def write_results(path: Path, text: str) -> None:
    old = path.read_text(encoding="utf-8") if path.exists() else "# Benchmark results\n"
    start = old.find(SECTION)
    if start == -1:
        new = old.rstrip() + "\n\n" + text + "\n"
    else:
        # the run's own table ends at the next heading: the notes kept under it (### ...)
        # and the sections after it stay as they are
        ends = [e for h in ("\n## ", "\n### ") if (e := old.find(h, start + len(SECTION))) != -1]
        end = min(ends, default=-1)
        new = old[:start] + text + ("\n" + old[end + 1 :] if end != -1 else "\n")
    path.write_text(new, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes", default="100000,1000000", help="claims per database, comma-separated"
    )
    parser.add_argument("--requests", type=int, default=200, help="rounds at concurrency 1")
    parser.add_argument(
        "--seconds", type=float, default=10,
        help="per cell at concurrency 8 (under 1: the Python load generator, for smoke runs)",
    )  # fmt: skip
    parser.add_argument("--postgres", default=os.environ.get("CLAIMDB_TEST_POSTGRES_URL"),
                        help="a PostgreSQL server URL (default: $CLAIMDB_TEST_POSTGRES_URL); "
                        "scratch databases claimdb_bench_N are made on it")  # fmt: skip
    parser.add_argument(
        "--backends", default="sqlite,postgresql", help="postgresql needs --postgres"
    )
    parser.add_argument("--workers", type=int, help="claimdb serve --workers (default: cores)")
    parser.add_argument("--quick", action="store_true", help="smoke run: 10 rounds, 1 s per cell")
    parser.add_argument("--no-datasette", action="store_true")
    parser.add_argument("--data-dir", type=Path, default=Path("/tmp/claimdb-bench"))
    parser.add_argument("--results", type=Path, default=ROOT / "bench" / "RESULTS.md")
    parser.add_argument("--no-results", action="store_true", help="print only")
    args = parser.parse_args()
    if args.quick:
        args.requests, args.seconds = min(args.requests, 10), min(args.seconds, 1)
    args.data_dir.mkdir(parents=True, exist_ok=True)
    sizes = sorted(int(s) for s in args.sizes.split(","))
    backends = [b for b in args.backends.split(",") if b == "sqlite" or args.postgres]
    started = datetime.now(UTC)
    results = {}
    for backend in backends:
        for size in sizes:
            print(f"{backend}, {size:,} claims (load average {os.getloadavg()[0]:.2f})", flush=True)
            results[(backend, size)] = measure(backend, size, args)
            report(args, started, results)  # after each cell: a long run keeps what it measured


def report(args: argparse.Namespace, started: datetime, results: dict) -> None:
    from app.serving import default_workers

    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    head = (
        f"{SECTION}\n\n`make bench` (`python bench/compare.py --sizes {args.sizes} --requests "
        f"{args.requests} --seconds {args.seconds:g}`), {started:%Y-%m-%d %H:%M} UTC; "
        f"{os.cpu_count()} cores, load average {load} when the last cell ended; claimdb serve "
        f"--workers {args.workers or default_workers()}; "
        f"{'wrk' if shutil.which('wrk') and args.seconds >= 1 else 'Python threads'} at 8 "
        f"connections; page size {LIMIT}. Latency is the client's (HTTP for claimdb and "
        "Datasette, in-process for raw SQL); servers, load generator and other work share the "
        "machine, so compare within a row, not with other runs.\n"
    )
    text = head + "\n" + table(results)
    print("\n" + text, flush=True)
    if not args.no_results:
        write_results(args.results, text)
        print(f"\nwritten to {args.results}", flush=True)


if __name__ == "__main__":
    main()
