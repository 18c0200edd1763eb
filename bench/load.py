"""Load test (`make load`): a served claimdb under concurrent queries while an import runs.

    python bench/load.py [--seconds 60] [--connections 32] [--workers 1]
                         [--postgres SERVER_URL] [--json] [--keep]

Sets up with the real CLI in a temporary folder: a fresh SQLite file (or a scratch database
on the --postgres server, dropped afterwards), `claimdb seed`, `claimdb import --preset
fakes` of the FA-KES dev half, `claimdb serve` (output in server.log). Queries are built from
what the served database holds, so they return rows; each connection sends one after another,
picked from MIX; IMPORT_AT s in, `claimdb import` adds DOCS new articles. Latency: from
sending the request to reading the whole body. Error: a non-2xx, an exception or timeout, or
a body that is not what the kind expects. Exit 1 if a request, the import or the server's log
failed, 2 if the setup did.
"""

import argparse
import asyncio
import contextlib
import csv
import datetime as dt
import json
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from asyncio.subprocess import PIPE
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import httpx
import psycopg
from sqlalchemy.engine import make_url

FAKES = Path(__file__).resolve().parent.parent / "tests" / "data" / "fakes" / "fakes_dev.csv"
CLAIMDB = str(Path(sys.executable).with_name("claimdb"))
DOCS, IMPORT_AT, SEED, TIMEOUT = 300, 5.0, 7, 30.0
# A request sent on a connection the server is closing for idleness fails (RemoteProtocolError
# or ReadError, nothing in the server's log), so the client gives up idle connections first.
SERVER_KEEP_ALIVE, CLIENT_KEEP_ALIVE = 75, 5.0
MIX = {  # kind -> weight
    "actor_dates": 18,  # an actor by any of its names + a date range
    "place_dates": 18,  # a place with its sub-places + a date range
    "bbox": 14,
    "fulltext": 14,  # q=
    "deep_page": 12,  # limit=20, a cursor at least 5 pages down
    "csv_export": 6,  # format=csv with a filter, the whole body read
    "facets": 10,
    "get_item": 8,  # /claims/{id} or /sources/{id}
}
WORDS = ["chemical", '"barrel bombs"', "ceasefire", "airstrikes", "civilians killed", "siege"]
WORDS += ["hospital", '"Russian warplanes"', '"Islamic State"', "truce", "Kurdish", "Palmyra"]
FACET_BY = ["actor", "place", "governorate", "month", "event_type", "claimant", "outlet"]
Sample = tuple[str, float, str | None]  # kind, seconds, error


def log(message: str) -> None:
    print(f"[load {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


class SetupError(Exception):
    pass


def pg_admin(server_url: str, sql: str) -> None:
    url = make_url(server_url).set(drivername="postgresql", database="postgres")
    with psycopg.connect(url.render_as_string(hide_password=False), autocommit=True) as conn:
        conn.execute(sql)


def claimdb(args: list[str], env: dict[str, str], cwd: Path) -> None:
    proc = subprocess.run([CLAIMDB, *args], env=env, cwd=cwd, capture_output=True, text=True)
    if proc.returncode != 0:
        raise SetupError(f"claimdb {args[0]} exited {proc.returncode}: {proc.stderr[-2000:]}")


def new_articles(path: Path) -> None:
    """DOCS new articles: a FA-KES article's lead, then shuffled sentences of three articles
    about the same governorate, so that they bring realistic names, places and dates."""
    rng = random.Random(SEED)
    with FAKES.open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    by_location = defaultdict(list)
    for row in rows:
        row["sentences"] = re.split(r"(?<=[.!?])\s+(?=[A-Z0-9\"])", row["article_content"].strip())
        by_location[row["location"]].append(row["sentences"][1:])
    with path.open("w", encoding="utf-8") as out:
        for _ in range(DOCS):
            row = rng.choice([r for r in rows if len(r["sentences"]) >= 3])
            body = sum(rng.choices(by_location[row["location"]], k=3), [])
            rng.shuffle(body)
            month, day, year = map(int, row["date"].split("/"))
            doc = {
                "external_id": f"load-{uuid.uuid4().hex}",  # new in every run: always added
                "title": " ".join(body[0].split()[:9]),
                "text": " ".join([row["sentences"][0], *body[: rng.randint(5, 14)]]),
                "outlet": row["source"],
                "published": f"{year}-{month:02d}-{day:02d}",
            }
            out.write(json.dumps(doc) + "\n")


def wait_for_health(base_url: str, server: subprocess.Popen[bytes], server_log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SetupError(f"the server exited: {server_log.read_text()[-2000:]}")
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(f"{base_url}/health", timeout=2).status_code == 200:
                return
        time.sleep(0.2)
    raise SetupError("the server did not answer /health within 60 s")


def stop(proc: subprocess.Popen[bytes] | None) -> None:
    """SIGTERM the server's process group (it and its workers), SIGKILL if it lingers."""
    if proc is not None and proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)


def discover(client: httpx.Client, rng: random.Random) -> dict[str, list[Any]]:
    def get(path: str, **params: Any) -> Any:
        response = client.get(path, params=params)
        response.raise_for_status()
        return response.json()

    def buckets(by: str, **params: Any) -> list[dict[str, Any]]:
        """Facet buckets with a value: not the unknown one, nor a year-only month (YYYY-xx)."""
        data = get("/claims/facets", by=by, **params)["data"]
        return [f for f in data if not f["unknown"] and not f["value"].endswith("-xx")]

    def has_rows(params: dict[str, str]) -> bool:  # an alias shared by two actors is a 422
        response = client.get("/claims", params={**params, "limit": 1})
        return response.status_code == 200 and response.json()["count"] > 0

    def with_dates(key: str, names: list[str], **filters: Any) -> list[dict[str, str]]:
        """`key` by one of `names`, over a month with claims or its year."""
        months = buckets("month", limit=500, **filters)
        ranges = []
        for m in [f["value"] for f in months if f["count"] >= 3 and f["value"] >= "2011"]:
            ranges += [(m, m), (m[:4], f"{m[:4]}-12")]
        return [
            {key: rng.choice(names), "date_from": date_from, "date_to": date_to}
            for date_from, date_to in rng.sample(ranges, min(10, len(ranges)))
        ]

    w: dict[str, list[Any]] = {kind: [] for kind in MIX}
    # The two examples, then the busiest actors and places by any of their names.
    w["actor_dates"] = [{"actor": "Daesh", "date_from": "2016", "date_to": "2016-12"}]
    w["place_dates"] = [{"place": "Aleppo", "date_from": "2016-11", "date_to": "2016-12"}]
    for facet in buckets("actor", limit=25):
        actor = get(f"/actors/{facet['id']}")
        names = [actor["name"], *(a["alias"] for a in actor.get("aliases", []))][:6]
        w["actor_dates"] += with_dates("actor", names, actor=facet["id"])
    located = get("/places", q="Palmyra", limit=1)["data"]
    for facet in buckets("place", limit=25):
        place = get(f"/places/{facet['id']}")
        if place.get("lat") is not None and place["kind"] not in ("country", "governorate"):
            located.append(place)
        names = [place["name"], *place.get("aliases", [])][:5]
        w["place_dates"] += with_dates("place", names, place=facet["id"])
    for lon, lat, d in ((p["lon"], p["lat"], d) for p in located for d in (0.05, 0.15, 0.4)):
        w["bbox"].append({"bbox": f"{lon - d:.3f},{lat - d:.3f},{lon + d:.3f},{lat + d:.3f}"})
    for q in WORDS:
        w["fulltext"] += [{"q": q}, {"q": q, "date_from": "2015", "date_to": "2016-12"}]
    for kind in ("actor_dates", "place_dates", "bbox", "fulltext"):
        w[kind] = [params for params in w[kind] if has_rows(params)]
    governorates = buckets("governorate")
    w["csv_export"] = [{"governorate": f["value"]} for f in governorates]
    w["csv_export"] += w["actor_dates"][:20] + w["place_dates"][:20]
    w["facets"] = [{}, *w["actor_dates"][:20], *w["place_dates"][:20], *w["bbox"][:10]]
    # Walk a few orderings page by page: cursors from page 5 on, and every claim and source.
    ids: set[tuple[str, int]] = set()
    for base in [{"sort": "id"}, {"sort": "-event_date"}, {"sort": "published", "q": "killed"}]:
        cursor = None
        for depth in range(1, 41):
            page = get("/claims", **base, limit=20, **({"cursor": cursor} if cursor else {}))
            ids |= {("claims", c["id"]) for c in page["data"]}
            ids |= {("sources", c["source_id"]) for c in page["data"]}
            cursor = page["next"]
            if cursor is None:
                break
            if depth >= 5:
                w["deep_page"].append((base, cursor))
    w["get_item"] = sorted(ids)
    empty = [kind for kind, params in w.items() if not params]
    if empty:
        raise SetupError(f"the database gave nothing to ask for: {', '.join(empty)}")
    return w


def next_request(kind: str, w: dict[str, list[Any]], rng: random.Random) -> tuple[str, dict]:
    pick = rng.choice(w[kind])
    if kind == "deep_page":
        return "/claims", {**pick[0], "limit": 20, "cursor": pick[1]}
    if kind == "csv_export":
        return "/claims", {**pick, "format": "csv"}
    if kind == "facets":
        return "/claims/facets", {"by": rng.choice(FACET_BY), **pick}
    if kind == "get_item":
        return f"/{pick[0]}/{pick[1]}", {}
    return "/claims", pick


def check(kind: str, response: httpx.Response, params: dict, w: dict[str, list[Any]]) -> None:
    """Raise ValueError unless the answer is what `kind` asks for."""
    if response.status_code // 100 != 2:
        raise ValueError(f"HTTP {response.status_code}: {response.text[:300]}")
    if kind == "csv_export":
        if not response.text.startswith("\ufeffclaim_id,"):
            raise ValueError(f"not the CSV export: {response.text[:80]!r}")
        return
    body = response.json()
    if ("id" if kind == "get_item" else "data") not in body:
        raise ValueError(f"unexpected body: {response.text[:80]}")
    if kind == "deep_page" and body["next"] and len(w["deep_page"]) < 5000:
        base = {k: v for k, v in params.items() if k not in ("cursor", "limit")}
        w["deep_page"].append((base, body["next"]))  # ever deeper as the run goes on


async def connection(
    client: httpx.AsyncClient, w: dict, seed: int, deadline: float, samples: list[Sample]
) -> None:
    rng = random.Random(seed)
    while time.perf_counter() < deadline:
        kind = rng.choices(list(MIX), list(MIX.values()))[0]
        path, params = next_request(kind, w, rng)
        started, error = time.perf_counter(), None
        try:
            check(kind, await client.get(path, params=params), params, w)
        except Exception as exc:  # every failure is a result to report, never a crash
            request = f"GET {path}?{httpx.QueryParams(params)}"[:200]
            error = f"{type(exc).__name__}: {str(exc)[:300]} <- {request}"
        samples.append((kind, time.perf_counter() - started, error))


async def run_import(jsonl: Path, env: dict[str, str], t0: float) -> dict[str, Any]:
    await asyncio.sleep(IMPORT_AT)
    started = time.perf_counter() - t0
    log(f"import of {DOCS} articles started at {started:.1f} s")
    proc = await asyncio.create_subprocess_exec(
        CLAIMDB, "import", "--json", str(jsonl), env=env, stdout=PIPE, stderr=PIPE
    )
    out, err = await proc.communicate()
    finished = time.perf_counter() - t0
    log(f"import exited {proc.returncode} at {finished:.1f} s")
    summary = None
    with contextlib.suppress(ValueError):
        summary = json.loads(out[out.find(b"{") :])
    return {
        "exit": proc.returncode,
        "started_s": round(started, 1),
        "finished_s": round(finished, 1),
        "summary": summary,
        "stderr": err.decode(errors="replace")[-2000:] if proc.returncode else "",
    }


async def run_load(
    base_url: str, w: dict, connections: int, seconds: float, jsonl: Path, env: dict[str, str]
) -> tuple[list[Sample], float, dict[str, Any]]:
    limits = httpx.Limits(
        max_connections=connections,
        max_keepalive_connections=connections,
        keepalive_expiry=CLIENT_KEEP_ALIVE,
    )
    samples: list[Sample] = []
    async with httpx.AsyncClient(base_url=base_url, limits=limits, timeout=TIMEOUT) as client:
        t0 = time.perf_counter()
        importer = asyncio.create_task(run_import(jsonl, env, t0))
        loops = [connection(client, w, SEED + i, t0 + seconds, samples) for i in range(connections)]
        await asyncio.gather(*loops)
        elapsed = time.perf_counter() - t0
        return samples, elapsed, await importer  # the import may outlast the load


def summarize(samples: list[Sample], elapsed: float) -> dict[str, Any]:
    ms, n = sorted(seconds * 1000 for _, seconds, _ in samples), len(samples)
    nearest_rank = {f"p{p}_ms": round(ms[-(-n * p // 100) - 1], 1) for p in (50, 95, 99)}
    errors = sum(1 for _, _, error in samples if error)
    return {"count": n, "req_s": round(n / elapsed, 1), **nearest_rank, "errors": errors}


def server_log_errors(path: Path) -> list[str]:
    """Lines at WARNING or above, and the last line of each traceback."""
    lines = path.read_text(errors="replace").splitlines()
    found = [line for line in lines if re.match(r"(WARNING|ERROR|CRITICAL):", line)]
    for i, line in enumerate(lines):
        if line.startswith("Traceback"):
            found.append(next((x for x in lines[i + 1 :] if not x.startswith(" ")), line))
    return found


def render(r: dict[str, Any]) -> str:
    def row(*cells: Any) -> str:
        return f"{cells[0]:<12}" + "".join(f"{cell:>9}" for cell in cells[1:])

    header = row("kind", "count", "req/s", "p50 ms", "p95 ms", "p99 ms", "errors")
    imp, summary = r["import"], r["import"]["summary"] or {}
    counts = [f"{k} {summary.get(k)}" for k in ("added", "unchanged", "failed", "claims")]
    return "\n".join(
        [
            f"claimdb load test, {r['date']}, {r['cpus']} CPUs, {r['database']}, "
            f"`claimdb serve --workers {r['workers']}`",
            f"{r['connections']} connections for {r['seconds']} s",
            "",
            header,
            "-" * len(header),
            *(row(kind, *s.values()) for kind, s in r["kinds"].items()),
            "-" * len(header),
            row("all", *r["overall"].values()),
            "",
            f"import: {DOCS} articles, exit {imp['exit']}, from {imp['started_s']} s to "
            f"{imp['finished_s']} s: {', '.join(counts)}",
            *(f"  failed {e['location']}: {e['reason']}" for e in summary.get("errors", [])[:5]),
            *([f"  stderr: {imp['stderr'][-800:]}"] if imp["stderr"] else []),
            f"errors: {r['overall']['errors']}",
            *(f"  {n} x {message}" for message, n in r["error_sample"].items()),
            f"server log: {len(r['server_log'])} error lines",
            *(f"  {n} x {line}" for line, n in Counter(r["server_log"]).most_common(10)),
        ]
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="default: 60")
    parser.add_argument("--connections", type=int, default=32, help="default: 32")
    parser.add_argument("--workers", type=int, default=1, help="server processes; default: 1")
    parser.add_argument("--postgres", metavar="SERVER_URL", help="PostgreSQL, not SQLite")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder and DB")
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="claimdb-load-"))
    server: subprocess.Popen[bytes] | None = None
    pg_name = f"claimdb_load_{uuid.uuid4().hex[:10]}" if args.postgres else None
    try:
        if args.postgres:
            pg_admin(args.postgres, f'CREATE DATABASE "{pg_name}"')
            url = make_url(args.postgres).set(database=pg_name)
            database_url = url.render_as_string(hide_password=False)
        else:
            database_url = f"sqlite:///{tmp / 'claimdb.sqlite3'}"
        env = {**os.environ, "CLAIMDB_DATABASE_URL": database_url}
        env.pop("CLAIMDB_READ_KEY", None)  # reads must be public
        log(f"seeding and importing FA-KES into {make_url(database_url)}")
        claimdb(["seed"], env, tmp)
        claimdb(["import", "--preset", "fakes", str(FAKES)], env, tmp)
        jsonl = tmp / "new_articles.jsonl"
        new_articles(jsonl)

        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        server_log = tmp / "server.log"
        argv = [CLAIMDB, "serve", "--port", str(port), "--workers", str(args.workers)]
        argv += ["--keep-alive", str(SERVER_KEEP_ALIVE)]
        with server_log.open("wb") as log_file:  # its own process group: stopped with workers
            server = subprocess.Popen(
                argv, env=env, cwd=tmp, stdout=log_file, stderr=log_file, start_new_session=True
            )
        base_url = f"http://127.0.0.1:{port}"
        wait_for_health(base_url, server, server_log)
        with httpx.Client(base_url=base_url, timeout=60) as client:
            workload = discover(client, random.Random(SEED))
        log(f"workload: { {kind: len(params) for kind, params in workload.items()} }")

        log(f"{args.connections} connections for {args.seconds:.0f} s")
        load = run_load(base_url, workload, args.connections, args.seconds, jsonl, env)
        samples, elapsed, imported = asyncio.run(load)
        stop(server)

        by_kind = defaultdict(list)
        for sample in samples:
            by_kind[sample[0]].append(sample)
        # Messages with their numbers masked, so that variants count together; one example each.
        errors = [(re.sub(r"\d+", "N", s[2].split(" <- ")[0]), s[2]) for s in samples if s[2]]
        examples = dict(reversed(errors))
        result = {
            "workers": args.workers,
            "connections": args.connections,
            "seconds": round(elapsed, 1),
            "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
            "cpus": os.cpu_count(),
            "database": make_url(database_url).get_backend_name(),
            "kinds": {kind: summarize(by_kind[kind], elapsed) for kind in MIX if by_kind[kind]},
            "overall": summarize(samples, elapsed),
            "import": imported,
            "error_sample": {
                examples[m]: n for m, n in Counter(m for m, _ in errors).most_common(10)
            },
            "server_log": server_log_errors(server_log),
        }
        print(json.dumps(result, indent=2) if args.json else render(result))
        failed = result["overall"]["errors"] or imported["exit"] != 0 or result["server_log"]
        return 1 if failed else 0
    except (SetupError, httpx.HTTPError) as exc:
        log(f"setup failed: {type(exc).__name__}: {exc}")
        return 2
    finally:
        stop(server)
        if args.keep:
            log(f"kept {tmp}" + (f" and database {pg_name}" if pg_name else ""))
        else:
            shutil.rmtree(tmp, ignore_errors=True)
            if pg_name:
                pg_admin(args.postgres, f'DROP DATABASE IF EXISTS "{pg_name}" WITH (FORCE)')


if __name__ == "__main__":
    sys.exit(main())
