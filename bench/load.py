"""Load test: a served database under 32 concurrent connections while an import runs.

    python bench/load.py [--seconds 60] [--connections 32] [--workers 1]
                         [--database-url URL | --postgres SERVER_URL] [--docs 300]
                         [--import-at 5] [--no-import] [--json] [--keep]
                         [--server-command 'claimdb serve --port {port} --workers {workers}']
    make load LOAD_ARGS='--postgres postgresql+psycopg://postgres@127.0.0.1:55432/postgres'

It sets everything up by itself, with the real CLI and server as subprocesses:

1. a fresh SQLite database in a temporary folder (or `--database-url`, or with `--postgres
   postgresql+psycopg://postgres@host:port/postgres` a scratch database created on that
   server and dropped afterwards), `claimdb seed`, then `claimdb import --preset fakes
   tests/data/fakes/fakes_dev.csv`;
2. a JSON Lines file of `--docs` new articles for the concurrent import, made by
   recombining sentences of FA-KES articles of the same governorate under new ids, so they
   are new sources with realistic names, places and dates;
3. `claimdb serve --port <free port> --workers N`, its stderr kept in the temporary folder
   (`server.stderr.log`), and waits for /health;
4. reads actor names and aliases, places, months with claims and words that occur from the
   served database, so that every query returns rows, and walks a few orderings page by page
   to fill a pool of deep cursors;
5. drives the server for `--seconds` with `--connections` workers sharing an httpx pool of as
   many connections, each picking its next request from a weighted mix (see MIX), and
   starts `claimdb import synthetic.jsonl` `--import-at` seconds in;
6. prints, per kind and overall, count, throughput, p50/p95/p99 latency and errors (any
   non-2xx, any exception or timeout, any body that is not what the kind expects, with a
   sample of messages), the import's exit status and summary, CPU time used by server,
   client and importer, and errors in the server's log.

Latency is measured by the client from sending the request to reading the whole body; the
client runs on the same machine, so it includes time waiting for the client's event loop,
and the CPU figures say how much of the machine went to server, client, importer,
PostgreSQL backends and other processes (a busy machine shows there, not as an error).

The client closes connections idle for 2 s (`--keepalive-expiry`), below uvicorn's 5 s
keep-alive timeout: with httpx's default of 5 s a request is sometimes sent on a
connection the server is closing at that moment and fails with "Server disconnected
without sending a response" or a ReadError, with nothing in the server's log.
Exit status: 0 no errors, 1 some request failed or the import did not succeed, 2 setup failed.
This is a measurement, not a test: nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import csv
import datetime as dt
import json
import os
import platform
import random
import re
import resource
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
FAKES = ROOT / "tests" / "data" / "fakes" / "fakes_dev.csv"
CLAIMDB = Path(sys.executable).with_name("claimdb")

# kind -> weight: what share of requests each kind of query gets.
MIX: dict[str, int] = {
    "actor_dates": 18,  # actor alias + date range
    "place_dates": 18,  # place with its sub-places + date range
    "bbox": 14,  # bounding box around a town or city
    "fulltext": 14,  # q=
    "deep_page": 12,  # a page far down a cursor walk (limit=20)
    "csv_export": 6,  # format=csv with a filter, whole body read
    "facets": 10,  # /claims/facets?by=...
    "get_item": 8,  # /claims/{id} and /sources/{id}
}
FULLTEXT_CANDIDATES = [
    "chemical",
    '"chemical attack"',
    '"barrel bombs"',
    "ceasefire",
    "airstrikes",
    "civilians killed",
    "Ghouta",
    "hospital",
    "evacuation",
    "rebels",
    '"Russian warplanes"',
    "siege",
    '"Islamic State"',
    "truce",
    "sarin",
    "refugees",
    "children",
    "Kurdish",
    "Palmyra",
    "Aleppo civilians",
    "opposition fighters",
    "Observatory",
    "militants",
    "Geneva talks",
]
BRIEF_QUERIES = {  # the examples of the issue, always in the mix
    "actor_dates": {"actor": "Daesh", "date_from": "2016", "date_to": "2016-12"},
    "place_dates": {"place": "Aleppo", "date_from": "2016-11", "date_to": "2016-12"},
}
FACET_BY = ["actor", "place", "governorate", "month", "event_type", "claimant", "outlet"]
SORTS = ["id", "-event_date", "event_date", "published", "-published"]


def log(message: str) -> None:
    print(f"[load {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


class SetupError(Exception):
    pass


# ----------------------------------------------------------------------------------------
# Processes and the database


DEFAULT_SERVER = "claimdb serve --port {port} --workers {workers}"


def server_command(template: str, port: int, workers: int) -> list[str]:
    """The server's argv; a leading `claimdb` is the one installed beside this Python."""
    import shlex

    argv = shlex.split(template.format(port=port, workers=workers))
    if argv and argv[0] == "claimdb":
        argv[0] = str(CLAIMDB)
    return argv


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def child_env(database_url: str) -> dict[str, str]:
    env = dict(os.environ)
    env["CLAIMDB_DATABASE_URL"] = database_url
    # Reads must be public and writes over HTTP are not part of this test.
    for name in ("CLAIMDB_READ_KEY", "CLAIMDB_API_KEY"):
        env.pop(name, None)
    env.setdefault("PYTHONUNBUFFERED", "1")
    return env


def run_cli(args: list[str], env: dict[str, str], cwd: Path) -> dict[str, Any]:
    """Run `claimdb ARGS --json` to completion; its summary and exit code."""
    started = time.perf_counter()
    proc = subprocess.run(
        [str(CLAIMDB), *args, "--json"], env=env, cwd=cwd, capture_output=True, text=True
    )
    seconds = time.perf_counter() - started
    if proc.returncode not in (0, 1):
        raise SetupError(
            f"claimdb {' '.join(args)} exited {proc.returncode}: {proc.stderr[-2000:]}"
        )
    summary = parse_summary(proc.stdout)
    return {"returncode": proc.returncode, "seconds": round(seconds, 2), "summary": summary}


def parse_summary(stdout: str) -> dict[str, Any] | None:
    start = stdout.find("{")
    if start < 0:
        return None
    try:
        return json.loads(stdout[start:])
    except json.JSONDecodeError:
        return None


Snapshot = dict[int, tuple[int, str, float]]  # pid -> (parent pid, name, CPU seconds)


def cpu_snapshot() -> Snapshot:
    """Every process's parent, name and CPU seconds (user + system), from /proc (Linux)."""
    tick = os.sysconf("SC_CLK_TCK")
    snapshot: Snapshot = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            raw = (entry / "stat").read_text()
        except OSError:
            continue
        name = raw[raw.find("(") + 1 : raw.rfind(")")]
        fields = raw[raw.rfind(")") + 2 :].split()
        snapshot[int(entry.name)] = (
            int(fields[1]),
            name,
            (int(fields[11]) + int(fields[12])) / tick,
        )
    return snapshot


def tree(snapshot: Snapshot, pid: int) -> set[int]:
    """`pid` and its descendants."""
    found, frontier = {pid}, [pid]
    while frontier:
        parent = frontier.pop()
        for child, (ppid, _, _) in snapshot.items():
            if ppid == parent and child not in found:
                found.add(child)
                frontier.append(child)
    return found


def process_tree_cpu(pid: int, snapshot: Snapshot | None = None) -> float:
    """CPU seconds of `pid` and its living descendants."""
    snapshot = snapshot or cpu_snapshot()
    return sum(snapshot[p][2] for p in tree(snapshot, pid) if p in snapshot)


def other_processes(before: Snapshot, after: Snapshot, exclude: set[int]) -> dict[str, float]:
    """CPU seconds used between the snapshots by processes not in `exclude`, by name (those
    that ended in between are not seen)."""
    used: dict[str, float] = defaultdict(float)
    for pid, (_, name, cpu) in after.items():
        if pid in exclude:
            continue
        old = before.get(pid)
        used[name] += cpu - (old[2] if old and old[1] == name else 0.0)
    return {k: round(v, 1) for k, v in sorted(used.items(), key=lambda kv: -kv[1]) if v >= 0.5}


def process_cpu(pid: int) -> float:
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return 0.0
    fields = raw[raw.rfind(")") + 2 :].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def pg_backends_cpu(database_url: str) -> dict[int, float] | None:
    """CPU seconds of each PostgreSQL backend connected to the database (local server
    only: read from /proc), or None for SQLite or a remote server."""
    from sqlalchemy.engine import make_url

    url = make_url(database_url)
    if url.get_backend_name() != "postgresql" or url.host not in (None, "127.0.0.1", "localhost"):
        return None
    import psycopg

    try:
        with psycopg.connect(_libpq(url.set(database="postgres")), autocommit=True) as conn:
            pids = [
                row[0]
                for row in conn.execute(
                    "SELECT pid FROM pg_stat_activity WHERE datname = %s", (url.database,)
                )
            ]
    except psycopg.Error:
        return None
    return {pid: process_cpu(pid) for pid in pids}


def pg_sessions(database_url: str) -> int | None:
    """Sessions ever opened to the database (pg_stat_database.sessions, PostgreSQL 14+)."""
    from sqlalchemy.engine import make_url

    url = make_url(database_url)
    if url.get_backend_name() != "postgresql":
        return None
    import psycopg

    try:
        with psycopg.connect(_libpq(url.set(database="postgres")), autocommit=True) as conn:
            row = conn.execute(
                "SELECT sessions FROM pg_stat_database WHERE datname = %s", (url.database,)
            ).fetchone()
    except psycopg.Error:
        return None
    return None if row is None else int(row[0])


def stop(proc: subprocess.Popen[Any] | None, grace: float = 10.0) -> None:
    """SIGTERM the process group we started (the server and its workers), then SIGKILL."""
    if proc is None or proc.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(grace)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


def create_pg_database(server_url: str) -> tuple[str, str]:
    """A scratch database on the PostgreSQL server at `server_url`: (its URL, its name)."""
    import psycopg
    from sqlalchemy.engine import make_url

    url = make_url(server_url)
    name = f"claimdb_load_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(_libpq(url.set(database="postgres")), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return url.set(database=name).render_as_string(hide_password=False), name


def drop_pg_database(server_url: str, name: str) -> None:
    import psycopg
    from sqlalchemy.engine import make_url

    url = make_url(server_url)
    with psycopg.connect(_libpq(url.set(database="postgres")), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _libpq(url: Any) -> str:
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


def safe_url(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


# ----------------------------------------------------------------------------------------
# The concurrent import's documents

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"])")


def synthetic_articles(path: Path, count: int, seed: int) -> int:
    """Write `count` new articles as JSON Lines: sentences of FA-KES articles about the same
    governorate, recombined, under new ids, titles and outlets. Returns how many were written."""
    rng = random.Random(seed)
    with FAKES.open(newline="", encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["article_content"].strip()]
    by_location: dict[str, list[list[str]]] = defaultdict(list)
    articles = []
    for row in rows:
        sentences = [s.strip() for s in _SENTENCE_END.split(row["article_content"]) if s.strip()]
        if len(sentences) < 3:
            continue
        by_location[row["location"]].append(sentences)
        articles.append((row, sentences))
    outlets = sorted({r["source"] for r in rows})
    seen: set[str] = set()
    written = 0
    with path.open("w", encoding="utf-8") as out:
        while written < count:
            row, sentences = rng.choice(articles)
            month, day, year = (int(p) for p in row["date"].split("/"))
            published = dt.date(year, month, day)
            others = by_location[row["location"]]
            # The lead of one article, then its body and two others' interleaved and cut.
            body = sentences[1:]
            for _ in range(2):
                body += rng.choice(others)[1:]
            rng.shuffle(body)
            lead = sentences[0]
            text = " ".join([lead, *body[: rng.randint(5, 14)]])
            if text in seen:
                continue
            seen.add(text)
            words = body[0].split()
            title = " ".join(words[: rng.randint(6, 11)]).rstrip(",;:.")
            doc = {
                "external_id": f"load-{seed}-{written:05d}",
                "title": title,
                "text": text,
                "outlet": rng.choice(outlets),
                "published": (published + dt.timedelta(days=rng.randint(0, 2))).isoformat(),
                "url": f"https://example.org/load/{seed}/{written}",
            }
            out.write(json.dumps(doc, ensure_ascii=False) + "\n")
            written += 1
    return written


# ----------------------------------------------------------------------------------------
# What to ask: read from the served database so that queries return rows


@dataclass
class Workload:
    actor_dates: list[dict[str, str]] = field(default_factory=list)
    place_dates: list[dict[str, str]] = field(default_factory=list)
    bbox: list[dict[str, str]] = field(default_factory=list)
    fulltext: list[dict[str, str]] = field(default_factory=list)
    csv_export: list[dict[str, str]] = field(default_factory=list)
    facet_filters: list[dict[str, str]] = field(default_factory=list)
    claim_ids: list[int] = field(default_factory=list)
    source_ids: list[int] = field(default_factory=list)
    # (base params, cursor): cursors at least MIN_DEPTH pages deep; grows during the run.
    cursors: list[tuple[dict[str, str], str]] = field(default_factory=list)

    def sizes(self) -> dict[str, int]:
        return {
            k: len(v) for k, v in self.__dict__.items() if isinstance(v, list) and k != "cursors"
        } | {"cursors": len(self.cursors)}


MIN_DEPTH = 5
MAX_CURSORS = 5000


def _date_ranges(months: list[str], rng: random.Random) -> list[tuple[str, str]]:
    """A few date ranges that cover months with claims: a whole year, one month, two."""
    ranges = []
    for m in months:
        year, month = m.split("-")
        ranges.append((year, f"{year}-12"))
        ranges.append((m, m))
        nxt = dt.date(int(year), int(month), 1) + dt.timedelta(days=32)
        ranges.append((m, f"{nxt.year}-{nxt.month:02d}"))
        day = rng.randint(1, 20)
        ranges.append((f"{m}-{day:02d}", f"{m}-{day + 7:02d}"))
    return ranges


def discover(client: httpx.Client, rng: random.Random) -> Workload:
    w = Workload()

    def get(path: str, **params: Any) -> Any:
        response = client.get(path, params=params)
        response.raise_for_status()
        return response.json()

    def count(**params: str) -> int:
        response = client.get("/claims", params={**params, "limit": 1})
        return response.json()["count"] if response.status_code == 200 else -1

    def months_with_claims(**filters: Any) -> list[str]:
        facets = get("/claims/facets", by="month", limit=500, **filters)["data"]
        return [f["value"] for f in facets if f["count"] >= 3 and f["value"] >= "2011"]

    # Actors, by any of their names, with date ranges in which they have claims.
    for facet in get("/claims/facets", by="actor", limit=40)["data"]:
        if facet["count"] < 20 or len(w.actor_dates) >= 120:
            continue
        actor = get(f"/actors/{facet['id']}")
        names = [actor["name"]] + [a["alias"] for a in actor.get("aliases", [])]
        names = [n for n in dict.fromkeys(names) if count(actor=n) > 0][:6]
        months = months_with_claims(actor=facet["id"])
        if not names or not months:
            continue
        for date_from, date_to in rng.sample(_date_ranges(months, rng), min(12, 4 * len(months))):
            w.actor_dates.append(
                {"actor": rng.choice(names), "date_from": date_from, "date_to": date_to}
            )
    # Places (with everything inside them), by any transliteration, with date ranges.
    located = []
    for facet in get("/claims/facets", by="place", limit=40)["data"]:
        place = get(f"/places/{facet['id']}")
        if place.get("lat") is not None and place["kind"] not in ("country", "governorate"):
            located.append(place)
        if facet["count"] < 10 or len(w.place_dates) >= 120:
            continue
        names = [n for n in dict.fromkeys([place["name"], *place.get("aliases", [])])]
        names = [n for n in names[:8] if count(place=n) > 0][:5] or [str(place["id"])]
        months = months_with_claims(place=place["id"])
        for date_from, date_to in rng.sample(_date_ranges(months, rng), min(10, 4 * len(months))):
            w.place_dates.append(
                {"place": rng.choice(names), "date_from": date_from, "date_to": date_to}
            )
    # Boxes around towns and cities that have claims, Palmyra and Aleppo among them.
    for extra in ("Palmyra", "Aleppo"):
        located += get("/places", q=extra, limit=1)["data"]
    for place in located:
        for half in (0.05, 0.15, 0.4):
            box = {
                "bbox": f"{place['lon'] - half:.3f},{place['lat'] - half:.3f},"
                f"{place['lon'] + half:.3f},{place['lat'] + half:.3f}"
            }
            if count(**box) > 0:
                w.bbox.append(box)
    # Full text: the candidate words that occur, alone or with a year.
    for q in FULLTEXT_CANDIDATES:
        if count(q=q) > 0:
            w.fulltext.append({"q": q})
            for year in ("2015", "2016", "2017"):
                if count(q=q, date_from=year, date_to=f"{year}-12") > 0:
                    w.fulltext.append({"q": q, "date_from": year, "date_to": f"{year}-12"})
    # Only ranges that hold claims: every query of the mix should return rows.
    w.actor_dates = [params for params in w.actor_dates if count(**params) > 0]
    w.place_dates = [params for params in w.place_dates if count(**params) > 0]
    # CSV exports: by governorate, by actor and year, by place and month range.
    for facet in get("/claims/facets", by="governorate")["data"]:
        w.csv_export.append({"governorate": facet["value"]})
    w.csv_export += rng.sample(w.actor_dates, min(20, len(w.actor_dates)))
    w.csv_export += rng.sample(w.place_dates, min(20, len(w.place_dates)))
    w.facet_filters = [{}, *w.actor_dates[:20], *w.place_dates[:20], *w.bbox[:10]]
    # Deep cursors: walk several orderings and filters page by page (limit=20).
    walks: list[dict[str, str]] = [{"sort": s} for s in SORTS]
    walks += [{"sort": s, "governorate": "Aleppo"} for s in ("id", "-event_date")]
    walks += [{"sort": "id", **w.actor_dates[0]}, {"sort": "-published", "q": "killed"}]
    for base in walks:
        cursor, depth = None, 0
        while depth < 40:
            params = {**base, "limit": 20, **({"cursor": cursor} if cursor else {})}
            page = get("/claims", **params)
            depth += 1
            for claim in page["data"]:
                w.claim_ids.append(claim["id"])
                w.source_ids.append(claim["source_id"])
            cursor = page["next"]
            if cursor is None:
                break
            if depth >= MIN_DEPTH:
                w.cursors.append((base, cursor))
    w.claim_ids = sorted(set(w.claim_ids))
    w.source_ids = sorted(set(w.source_ids))
    for kind, extra in BRIEF_QUERIES.items():
        getattr(w, kind).append(extra)
    empty = [k for k, n in w.sizes().items() if n == 0]
    if empty:
        raise SetupError(f"the database gave nothing to ask for: {', '.join(empty)}")
    return w


# ----------------------------------------------------------------------------------------
# The load


@dataclass
class Sample:
    kind: str
    start: float  # seconds since the load began
    seconds: float
    ok: bool
    rows: int | None = None  # rows (JSON lists) or lines (CSV) in the answer
    error: str | None = None


def next_request(kind: str, w: Workload, rng: random.Random) -> tuple[str, dict[str, Any]]:
    if kind in ("actor_dates", "place_dates", "bbox", "fulltext"):
        return "/claims", dict(rng.choice(getattr(w, kind)))
    if kind == "deep_page":
        base, cursor = rng.choice(w.cursors)
        return "/claims", {**base, "limit": 20, "cursor": cursor}
    if kind == "csv_export":
        return "/claims", {**rng.choice(w.csv_export), "format": "csv"}
    if kind == "facets":
        return "/claims/facets", {"by": rng.choice(FACET_BY), **rng.choice(w.facet_filters)}
    if kind == "get_item":
        if rng.random() < 0.75:
            return f"/claims/{rng.choice(w.claim_ids)}", {}
        return f"/sources/{rng.choice(w.source_ids)}", {}
    raise ValueError(kind)


def check_body(kind: str, response: httpx.Response, params: dict[str, Any], w: Workload) -> int:
    """How many rows the answer holds; raises ValueError if it is not what `kind` expects."""
    content_type = response.headers.get("content-type", "")
    if kind == "csv_export":
        text = response.text
        if not content_type.startswith("text/csv") or not text.startswith("\ufeffclaim_id,"):
            raise ValueError(f"not the CSV export ({content_type}): {text[:80]!r}")
        return text.count("\r\n") - 1  # close enough: quoted fields may hold line breaks
    body = response.json()
    if kind == "get_item":
        if "id" not in body:
            raise ValueError(f"no id in {str(body)[:80]}")
        return 1
    if not isinstance(body.get("data"), list):
        raise ValueError(f"no data list in {str(body)[:80]}")
    if kind == "deep_page" and body.get("next") and len(w.cursors) < MAX_CURSORS:
        base = {k: v for k, v in params.items() if k not in ("cursor", "limit")}
        w.cursors.append((base, body["next"]))
    return len(body["data"])


async def worker(
    client: httpx.AsyncClient,
    w: Workload,
    rng: random.Random,
    t0: float,
    deadline: float,
    samples: list[Sample],
) -> None:
    kinds, weights = list(MIX), list(MIX.values())
    while time.perf_counter() < deadline:
        kind = rng.choices(kinds, weights)[0]
        path, params = next_request(kind, w, rng)
        started = time.perf_counter()
        try:
            response = await client.get(path, params=params)
            seconds = time.perf_counter() - started
            if response.status_code // 100 != 2:
                detail = response.text[:300].replace("\n", " ")
                raise ValueError(f"HTTP {response.status_code}: {detail}")
            rows = check_body(kind, response, params, w)
            samples.append(Sample(kind, started - t0, seconds, True, rows))
        except Exception as exc:  # every failure is a result to report, never a crash
            seconds = time.perf_counter() - started
            message = (
                f"{type(exc).__name__}: {exc}" if not isinstance(exc, ValueError) else str(exc)
            )
            request = f"GET {path}?{httpx.QueryParams(params)}"[:300]
            samples.append(
                Sample(kind, started - t0, seconds, False, error=f"{message} <- {request}")
            )


async def run_load(
    base_url: str,
    w: Workload,
    *,
    seconds: float,
    connections: int,
    timeout: float,
    keepalive_expiry: float,
    seed: int,
    on_tick: Any,
) -> tuple[list[Sample], float]:
    limits = httpx.Limits(
        max_connections=connections,
        max_keepalive_connections=connections,
        keepalive_expiry=keepalive_expiry,
    )
    async with httpx.AsyncClient(
        base_url=base_url, limits=limits, timeout=httpx.Timeout(timeout, pool=timeout)
    ) as client:
        samples: list[Sample] = []
        t0 = time.perf_counter()
        deadline = t0 + seconds
        tasks = [
            asyncio.create_task(
                worker(client, w, random.Random(seed * 1000 + i), t0, deadline, samples)
            )
            for i in range(connections)
        ]
        ticker = asyncio.create_task(on_tick(t0, samples))
        await asyncio.gather(*tasks)
        elapsed = time.perf_counter() - t0
        ticker.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await ticker
    return samples, elapsed


# ----------------------------------------------------------------------------------------
# Figures


def percentile(sorted_values: list[float], p: float) -> float | None:
    """Nearest-rank percentile."""
    if not sorted_values:
        return None
    rank = max(1, -(-len(sorted_values) * p // 100))
    return sorted_values[int(rank) - 1]


def summarize(samples: list[Sample], elapsed: float) -> dict[str, Any]:
    latencies = sorted(s.seconds * 1000 for s in samples)
    errors = [s for s in samples if not s.ok]
    rows = [s.rows for s in samples if s.ok and s.rows is not None]
    return {
        "count": len(samples),
        "rps": round(len(samples) / elapsed, 1) if elapsed else 0.0,
        "p50_ms": _round(percentile(latencies, 50)),
        "p95_ms": _round(percentile(latencies, 95)),
        "p99_ms": _round(percentile(latencies, 99)),
        "max_ms": _round(latencies[-1] if latencies else None),
        "errors": len(errors),
        "empty": sum(1 for r in rows if r == 0),
        "mean_rows": round(sum(rows) / len(rows), 1) if rows else None,
    }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def report_table(result: dict[str, Any]) -> str:
    lines = []
    header = (
        f"{'kind':<13} {'count':>7} {'req/s':>7} {'p50 ms':>8} {'p95 ms':>8} "
        f"{'p99 ms':>8} {'max ms':>8} {'errors':>6} {'empty':>6} {'rows':>6}"
    )
    lines += [header, "-" * len(header)]

    def row(name: str, s: dict[str, Any]) -> str:
        def f(v: Any) -> str:
            return "-" if v is None else f"{v:.1f}" if isinstance(v, float) else str(v)

        return (
            f"{name:<13} {s['count']:>7} {s['rps']:>7.1f} {f(s['p50_ms']):>8} "
            f"{f(s['p95_ms']):>8} {f(s['p99_ms']):>8} {f(s['max_ms']):>8} {s['errors']:>6} "
            f"{s['empty']:>6} {f(s['mean_rows']):>6}"
        )

    for kind, s in result["kinds"].items():
        lines.append(row(kind, s))
    lines.append("-" * len(header))
    lines.append(row("all", result["overall"]))
    if result.get("during_import"):
        lines.append(row("  in import", result["during_import"]))
        lines.append(row("  no import", result["outside_import"]))
    return "\n".join(lines)


def server_log_problems(path: Path) -> dict[str, Any]:
    """What went wrong according to the server's stderr (uvicorn logs there): log lines at
    WARNING or above and the exceptions that ended tracebacks, each with a count, and the
    first traceback cut down to its frames in app/ and its last line."""
    if not path.exists():
        return {"lines": 0, "messages": [], "first_traceback": []}
    text = path.read_text(errors="replace").splitlines()
    messages: dict[str, int] = defaultdict(int)
    level = re.compile(r"^(WARNING|ERROR|CRITICAL):")
    final = re.compile(r"^[A-Za-z_][\w.]*(Error|Exception|Timeout|Exit)\w*\b(:|$)")
    hits = 0
    for line in text:
        if level.match(line) or final.match(line):
            hits += 1
            messages[re.sub(r"\d+", "N", line)[:240]] += 1
    first: list[str] = []
    if "Traceback (most recent call last):" in text:
        i = text.index("Traceback (most recent call last):")
        j = i + 1
        while j < len(text) and not final.match(text[j]):
            if "/app/" in text[j] and "site-packages" not in text[j]:
                first += [text[j].strip(), "    " + text[j + 1].strip()]
            j += 1
        first += text[j : j + 1]
    ranked = sorted(messages.items(), key=lambda kv: -kv[1])
    return {
        "lines": hits,
        "messages": [{"count": n, "line": line} for line, n in ranked[:15]],
        "first_traceback": first,
    }


# ----------------------------------------------------------------------------------------
# Main


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Load test: concurrent queries against a served claimdb while an import runs.",
        formatter_class=argparse.ArgumentDefaultsHelpFormatter,
    )
    parser.add_argument("--seconds", type=float, default=60.0, help="how long to drive the load")
    parser.add_argument("--connections", type=int, default=32, help="concurrent connections")
    parser.add_argument(
        "--workers",
        type=int,
        default=1,
        help="server worker processes (claimdb serve --workers). 1 is the reproducible "
        "choice today: with 2, uvicorn's shared listening socket often hands all 32 "
        "connections to one worker, and Nagle adds ~40 ms per sequential request "
        "(bench/RESULTS.md, Load)",
    )
    parser.add_argument(
        "--server-command",
        default=DEFAULT_SERVER,
        help="how to start the server, with {port} and {workers} filled in (e.g. to compare "
        "uvicorn options); it gets CLAIMDB_DATABASE_URL and must serve /health",
    )
    where = parser.add_mutually_exclusive_group()
    where.add_argument(
        "--database-url",
        help="use this database as it is (seed and import are safe to repeat; the concurrent "
        "import finds its articles unchanged unless --seed differs); "
        "default: a fresh SQLite file in the temporary folder",
    )
    where.add_argument(
        "--postgres",
        metavar="SERVER_URL",
        help="create a scratch database on this PostgreSQL server and drop it afterwards, e.g. "
        "postgresql+psycopg://postgres@127.0.0.1:55432/postgres",
    )
    parser.add_argument("--docs", type=int, default=300, help="articles in the concurrent import")
    parser.add_argument(
        "--import-at", type=float, default=5.0, help="start the import this many seconds in"
    )
    parser.add_argument(
        "--no-import", action="store_true", help="no concurrent import (for comparison)"
    )
    parser.add_argument("--timeout", type=float, default=30.0, help="per request, seconds")
    parser.add_argument(
        "--keepalive-expiry",
        type=float,
        default=2.0,
        help="client: close connections idle this long. Keep it below the server's keep-alive "
        "timeout (uvicorn: 5 s), or a request sent on a connection the server is closing "
        "fails (RemoteProtocolError / ReadError); httpx's default is 5 s, which races",
    )
    parser.add_argument("--seed", type=int, default=7, help="random seed (mix and articles)")
    parser.add_argument("--json", action="store_true", help="print the result as JSON only")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (and DB)")
    args = parser.parse_args(argv)
    if args.connections < 1 or args.seconds <= 0 or args.workers < 1:
        parser.error("--connections, --seconds and --workers must be positive")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    tmp = Path(tempfile.mkdtemp(prefix="claimdb-load-"))
    server: subprocess.Popen[Any] | None = None
    importer: subprocess.Popen[Any] | None = None
    pg_name: str | None = None
    try:
        if args.postgres:
            database_url, pg_name = create_pg_database(args.postgres)
            log(f"created scratch database {pg_name}")
        else:
            database_url = args.database_url or f"sqlite:///{tmp / 'claimdb.sqlite3'}"
        env = child_env(database_url)
        result: dict[str, Any] = {
            "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
            "machine": {
                "cpus": os.cpu_count(),
                "platform": platform.platform(),
                "python": platform.python_version(),
            },
            "command": " ".join([Path(sys.argv[0]).name, *(argv or sys.argv[1:])]),
            "database": safe_url(database_url),
            "settings": {
                "seconds": args.seconds,
                "connections": args.connections,
                "server_workers": args.workers,
                "server_command": args.server_command,
                "import_docs": 0 if args.no_import else args.docs,
                "import_at": args.import_at,
                "seed": args.seed,
                "keepalive_expiry": args.keepalive_expiry,
                "mix": MIX,
            },
        }

        log(f"setting up {safe_url(database_url)} in {tmp}")
        result["setup"] = {
            "seed": run_cli(["seed"], env, tmp),
            "fakes": run_cli(["import", "--preset", "fakes", str(FAKES)], env, tmp),
        }
        log(f"seeded and imported FA-KES: {result['setup']['fakes']['summary']}")
        jsonl = tmp / "synthetic.jsonl"
        synthetic_articles(jsonl, args.docs, args.seed)

        port = free_port()
        server_log = tmp / "server.stderr.log"
        with server_log.open("wb") as err, (tmp / "server.stdout.log").open("wb") as out:
            server = subprocess.Popen(
                server_command(args.server_command, port, args.workers),
                env=env,
                cwd=tmp,
                stdout=out,
                stderr=err,
                start_new_session=True,  # its own process group: stopped with its workers
            )
        base_url = f"http://127.0.0.1:{port}"
        wait_for_health(base_url, server, server_log)
        log(f"server up at {base_url} ({args.workers} worker(s))")

        rng = random.Random(args.seed)
        with httpx.Client(base_url=base_url, timeout=60) as client:
            workload = discover(client, rng)
            result["claims_before"] = client.get("/claims", params={"limit": 1}).json()["count"]
        result["workload"] = workload.sizes()
        log(f"workload: {workload.sizes()}")

        import_state: dict[str, Any] = {}

        async def on_tick(t0: float, samples: list[Sample]) -> None:
            nonlocal importer
            last = 0
            import_state["t0"] = t0
            while True:
                await asyncio.sleep(1.0)
                now = time.perf_counter() - t0
                if not args.no_import and importer is None and now >= args.import_at:
                    import_state["start"] = now
                    import_state["children_cpu"] = _children_cpu()
                    import_state["stdout"] = (tmp / "import.stdout.log").open("wb")
                    import_state["stderr"] = (tmp / "import.stderr.log").open("wb")
                    importer = subprocess.Popen(
                        [str(CLAIMDB), "import", "--json", str(jsonl)],
                        env=env,
                        cwd=tmp,
                        stdout=import_state["stdout"],
                        stderr=import_state["stderr"],
                    )
                    log(f"import of {args.docs} articles started at {now:.1f} s")
                if (
                    importer is not None
                    and "end" not in import_state
                    and importer.poll() is not None
                ):
                    import_state["end"] = now
                    log(f"import exited {importer.returncode} at {now:.1f} s")
                if int(now) % 10 == 0 and int(now) != last:
                    last = int(now)
                    bad = sum(1 for s in samples if not s.ok)
                    log(f"{now:4.0f} s: {len(samples)} requests, {bad} errors")

        result["loadavg_before"] = [round(v, 2) for v in os.getloadavg()]
        busy_0 = machine_busy_cpu()
        pg_0 = pg_backends_cpu(database_url)
        sessions_0 = pg_sessions(database_url)
        snapshot_0 = cpu_snapshot()
        cpu_server_0 = process_tree_cpu(server.pid, snapshot_0)
        cpu_client_0 = _self_cpu()
        log(f"driving {args.connections} connections for {args.seconds:.0f} s")
        samples, elapsed = asyncio.run(
            run_load(
                base_url,
                workload,
                seconds=args.seconds,
                connections=args.connections,
                timeout=args.timeout,
                keepalive_expiry=args.keepalive_expiry,
                seed=args.seed,
                on_tick=on_tick,
            )
        )
        snapshot_1 = cpu_snapshot()
        cpu_server = process_tree_cpu(server.pid, snapshot_1) - cpu_server_0
        # Per server process: with --workers N, how evenly the connections were spread.
        server_by_process = sorted(
            (
                round(snapshot_1[pid][2] - snapshot_0.get(pid, (0, "", 0.0))[2], 1)
                for pid in tree(snapshot_1, server.pid)
                if pid in snapshot_1
            ),
            reverse=True,
        )
        cpu_client = _self_cpu() - cpu_client_0
        busy = machine_busy_cpu() - busy_0
        pg_1 = pg_backends_cpu(database_url)
        sessions_1 = pg_sessions(database_url)
        cpu_db = (
            None
            if pg_0 is None or pg_1 is None
            else sum(cpu - pg_0.get(pid, 0.0) for pid, cpu in pg_1.items())
        )
        others = other_processes(
            snapshot_0, snapshot_1, tree(snapshot_1, os.getpid()) | set(pg_1 or {})
        )

        if importer is not None:
            try:
                importer.wait(timeout=300)
            except subprocess.TimeoutExpired:
                stop(importer)
            import_state.setdefault("end", time.perf_counter() - import_state["t0"])
            for name in ("stdout", "stderr"):
                import_state[name].close()
            out = (tmp / "import.stdout.log").read_text(errors="replace")
            err_text = (tmp / "import.stderr.log").read_text(errors="replace")
            result["import"] = {
                "documents": args.docs,
                "returncode": importer.returncode,
                "started_s": round(import_state["start"], 1),
                "finished_s": round(import_state["end"], 1),
                "summary": parse_summary(out),
                "stderr": err_text[-2000:] if importer.returncode else "",
            }
            # The importer has been reaped: what it (and its extraction workers) used.
            result["import"]["cpu_s"] = round(_children_cpu() - import_state["children_cpu"], 1)

        result["claims_after"] = claim_count(base_url)

        by_kind: dict[str, list[Sample]] = defaultdict(list)
        for s in samples:
            by_kind[s.kind].append(s)
        result["seconds"] = round(elapsed, 2)
        result["kinds"] = {k: summarize(by_kind[k], elapsed) for k in MIX if k in by_kind}
        result["overall"] = summarize(samples, elapsed)
        if "start" in import_state:
            start, end = import_state["start"], import_state.get("end", elapsed)
            inside = [s for s in samples if start <= s.start < end]
            outside = [s for s in samples if not start <= s.start < end]
            result["during_import"] = summarize(inside, max(min(end, elapsed) - start, 1e-9))
            result["outside_import"] = summarize(
                outside, max(elapsed - (min(end, elapsed) - start), 1e-9)
            )
        errors = [s for s in samples if not s.ok]
        result["error_messages"] = _error_sample(errors)
        if sessions_0 is not None and sessions_1 is not None:
            # Connections opened to PostgreSQL while the load ran (server and importer, plus
            # this script's own look-ups): how much the server's pool reconnects.
            result["pg_sessions_opened"] = sessions_1 - sessions_0 - 1
        result["cpu_seconds"] = {
            "server": round(cpu_server, 1),
            "server_by_process": server_by_process,
            "client": round(cpu_client, 1),
            # PostgreSQL backends of the server's connections (the importer's are gone)
            "database": None if cpu_db is None else round(cpu_db, 1),
            "machine": round(busy, 1),  # every process, ours and others'
            "available": round(elapsed * (os.cpu_count() or 1), 1),
            "other_by_name": others,
        }
        if "import" in result:
            # What the importer used while the load ran (it may go on after the load).
            overlap = max(0.0, min(import_state["end"], elapsed) - import_state["start"])
            share = overlap / max(import_state["end"] - import_state["start"], 1e-9)
            ours = cpu_server + cpu_client + (cpu_db or 0.0) + result["import"]["cpu_s"] * share
            result["cpu_seconds"]["other_processes"] = round(max(0.0, busy - ours), 1)
        else:
            ours = cpu_server + cpu_client + (cpu_db or 0.0)
            result["cpu_seconds"]["other_processes"] = round(max(0.0, busy - ours), 1)
        stop(server)
        server = None
        result["server_log"] = server_log_problems(server_log)
        failed = bool(errors) or (importer is not None and importer.returncode != 0)
        if args.json:
            print(json.dumps(result, indent=2, ensure_ascii=False))
        else:
            print(render(result))
        return 1 if failed else 0
    except (SetupError, httpx.HTTPError) as exc:  # the load itself never raises these
        log(f"setup failed: {type(exc).__name__}: {exc}")
        return 2
    finally:
        stop(importer)
        stop(server)
        if args.keep:
            log(f"kept {tmp}" + (f" and database {pg_name}" if pg_name else ""))
        else:
            shutil.rmtree(tmp, ignore_errors=True)
            if pg_name:
                with contextlib.suppress(Exception):
                    drop_pg_database(args.postgres, pg_name)


def claim_count(base_url: str) -> int | str:
    """How many claims the server reports (or why it could not say)."""
    try:
        response = httpx.get(f"{base_url}/claims", params={"limit": 1}, timeout=60)
        response.raise_for_status()
        return response.json()["count"]
    except (httpx.HTTPError, ValueError, KeyError) as exc:
        return f"unknown ({type(exc).__name__}: {exc})"


def wait_for_health(base_url: str, server: subprocess.Popen[Any], server_log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            tail = server_log.read_text(errors="replace")[-2000:]
            raise SetupError(f"the server exited {server.returncode}: {tail}")
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(f"{base_url}/health", timeout=2).status_code == 200:
                return
        time.sleep(0.2)
    raise SetupError("the server did not answer /health within 60 s")


def machine_busy_cpu() -> float:
    """CPU seconds spent by every process on the machine (all of /proc/stat but idle, iowait)."""
    try:
        fields = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    except (OSError, ValueError):
        return 0.0
    return (sum(fields[:8]) - fields[3] - fields[4]) / os.sysconf("SC_CLK_TCK")


def _self_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _error_sample(errors: list[Sample], limit: int = 10) -> list[dict[str, Any]]:
    """Distinct messages (numbers masked so that variants group), with counts."""
    groups: dict[str, list[Sample]] = defaultdict(list)
    for s in errors:
        groups[re.sub(r"\d+", "N", (s.error or "").split(" <- ")[0])[:200]].append(s)
    ranked = sorted(groups.values(), key=len, reverse=True)
    return [
        {
            "count": len(g),
            "kinds": sorted({s.kind for s in g}),
            "first_at_s": round(min(s.start for s in g), 1),
            "example": g[0].error,
        }
        for g in ranked[:limit]
    ]


def render(result: dict[str, Any]) -> str:
    s = result["settings"]
    lines = [
        f"claimdb load test, {result['date']}",
        f"machine: {result['machine']['cpus']} CPUs, {result['machine']['platform']}, "
        f"Python {result['machine']['python']}",
        f"command: {result['command']}",
        f"database: {result['database']} ({result['claims_before']} claims before, "
        f"{result['claims_after']} after)",
        f"load: {s['connections']} connections for {result['seconds']} s, server: "
        f"{s['server_command'].format(port='PORT', workers=s['server_workers'])}",
        "",
        report_table(result),
        "",
    ]
    imp = result.get("import")
    if imp:
        summary = imp["summary"] or {}
        counts = ", ".join(
            f"{k} {summary[k]}"
            for k in ("added", "unchanged", "superseded", "failed", "claims")
            if k in summary
        )
        lines.append(
            f"import: {imp['documents']} articles, exit {imp['returncode']}, from "
            f"{imp['started_s']} s to {imp['finished_s']} s: {counts or 'no summary'}"
            f" ({summary.get('seconds', '?')} s by its own clock)"
        )
        for failure in summary.get("errors", [])[:10]:
            lines.append(f"  failed {failure['location']}: {failure['reason']}")
        if imp["stderr"]:
            lines.append("  stderr: " + imp["stderr"][-800:])
    cpu = result["cpu_seconds"]
    lines.append(
        f"CPU seconds during the load: server {cpu['server']}"
        + (
            f" ({' + '.join(map(str, cpu['server_by_process']))} by process)"
            if len(cpu["server_by_process"]) > 1
            else ""
        )
        + f", client {cpu['client']}"
        + (f", PostgreSQL backends {cpu['database']}" if cpu["database"] is not None else "")
        + (f", importer {result['import']['cpu_s']} (whole run)" if imp else "")
        + f", other processes on the machine ~{cpu['other_processes']}; machine busy "
        f"{cpu['machine']} of {cpu['available']} (load average before: "
        f"{', '.join(map(str, result['loadavg_before']))})"
    )
    if cpu["other_by_name"]:
        lines.append(
            "  other processes by name (those that ended meanwhile are not seen): "
            + ", ".join(f"{name} {seconds}" for name, seconds in cpu["other_by_name"].items())
        )
    if result.get("pg_sessions_opened") is not None:
        lines.append(
            f"PostgreSQL connections opened during the load: {result['pg_sessions_opened']} "
            "(server pool and importer)"
        )
    errors = result["error_messages"]
    lines.append(f"errors: {result['overall']['errors']}")
    for e in errors:
        lines.append(
            f"  {e['count']} x ({', '.join(e['kinds'])}, first at {e['first_at_s']} s): {e['example']}"
        )
    log_problems = result["server_log"]
    lines.append(f"server log: {log_problems['lines']} error/warning lines")
    lines += [f"  {m['count']} x {m['line']}" for m in log_problems["messages"]]
    if log_problems["first_traceback"]:
        lines.append("  first traceback, frames in app/:")
        lines += [f"    {line}" for line in log_problems["first_traceback"]]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
