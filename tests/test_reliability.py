"""Reliability: bad input, a killed import, concurrent importers and readers.

All of it through real processes (the `claimdb` command, a served API) on SQLite and
PostgreSQL.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import threading
from collections import Counter
from pathlib import Path

import httpx
import pytest
import sqlalchemy as sa

from app.db import make_engine
from app.extraction import extract
from app.ingest import RawDocument, content_sha256, read_documents
from app.models import Source
from tests.commands import claimdb_here
from tests.conftest import SEEDS
from tests.ingest.bad_corpus import write_large_inputs
from tests.processes import CLAIMDB, FAKES, claimdb, count, free_port, is_up, wait_for

BAD = Path(__file__).resolve().parent / "data" / "bad"
GOOD_IN_CORPUS = 12  # see tests/data/bad/README.md and tests/ingest/bad_corpus.py


def _hashes(url: str) -> Counter[str]:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return Counter(conn.execute(sa.text("SELECT content_sha256 FROM source")).scalars())
    finally:
        engine.dispose()


def _assert_whole_documents(url: str) -> None:
    """Every stored source has exactly the claims and mentions its text yields."""
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            sources = conn.execute(
                sa.select(
                    Source.id,
                    Source.text,
                    Source.title,
                    Source.outlet,
                    Source.published_on,
                    Source.published_origin,
                    Source.published_precision,
                )
            ).all()
            claims = Counter(conn.execute(sa.text("SELECT source_id FROM claim")).scalars())
            mentions = Counter(conn.execute(sa.text("SELECT source_id FROM mention")).scalars())
    finally:
        engine.dispose()
    for s in sources:
        supplied = s.published_origin == "metadata"
        expected = extract(
            s.text,
            published=s.published_on if supplied else None,
            published_precision=s.published_precision if supplied else None,
            title=s.title,
            outlet=s.outlet,
        )
        assert claims[s.id] == len(expected.claims), s.id
        stored_mentions = (
            len(expected.actors)
            + len(expected.places)
            + len(expected.dates)
            + len(expected.quantities)
        )
        assert mentions[s.id] == stored_mentions, s.id


@pytest.mark.slow
def test_bad_input_corpus_imports_exactly_the_good_documents(
    fresh_url: str, tmp_path: Path
) -> None:
    large = write_large_inputs(tmp_path / "large")
    paths = [
        BAD,
        BAD / "bad_manifest",
        BAD / "unterminated_quote.csv",
        BAD / "missing_column.csv",
        BAD / "non_object.jsonl",
        *large,
    ]
    claimdb_here(fresh_url, "migrate")
    done = claimdb(fresh_url, "import", *map(str, paths), "--json", check_code=1)
    summary = json.loads(done.stdout)
    good = [d for d in read_documents(paths) if isinstance(d, RawDocument)]
    assert len(good) == GOOD_IN_CORPUS
    assert _hashes(fresh_url) == Counter(content_sha256(d.text) for d in good)
    assert summary["added"] == GOOD_IN_CORPUS
    locations = [e["location"] for e in summary["errors"]]
    for expected in (
        "binary.txt",
        "empty.txt",
        "nul_bytes.txt",
        "utf16_no_bom.txt",
        "invalid_utf8.txt",
        "large_50mb.txt",
        "unterminated_quote.csv:row 3 (line 5)",
        "non_object.jsonl:line 2",
        "huge_string_10mb.jsonl:line 1",
        "missing_column.csv",
        "huge_field_3mb.csv:row 2",
    ):
        assert any(expected in loc for loc in locations), (expected, locations)
    assert all(e["reason"] for e in summary["errors"])
    assert "50.0 MB" in next(
        e["reason"] for e in summary["errors"] if "large_50mb" in e["location"]
    )


@pytest.mark.slow
def test_killed_import_leaves_whole_documents_and_resumes(fresh_url: str) -> None:
    claimdb_here(fresh_url, "migrate")
    env = {**os.environ, "CLAIMDB_DATABASE_URL": fresh_url}
    proc = subprocess.Popen(
        [*CLAIMDB, "import", "--preset", "fakes", str(FAKES)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    wait_for(lambda: count(fresh_url, "source") >= 40)
    os.killpg(proc.pid, signal.SIGKILL)  # the importer and its extraction worker
    proc.wait(timeout=30)
    partial = count(fresh_url, "source")
    assert 40 <= partial < 373
    _assert_whole_documents(fresh_url)

    summary = json.loads(
        claimdb_here(fresh_url, "import", "--preset", "fakes", str(FAKES), "--json").stdout
    )
    assert summary["failed"] == 0 and summary["unchanged"] >= partial
    hashes = _hashes(fresh_url)
    assert max(hashes.values()) == 1 and len(hashes) == 373
    _assert_whole_documents(fresh_url)


@pytest.mark.slow
def test_two_importers_and_sixteen_readers(fresh_url: str, tmp_path: Path) -> None:
    claimdb_here(fresh_url, "seed")
    port = free_port()
    env = {**os.environ, "CLAIMDB_DATABASE_URL": fresh_url}
    server_log = (tmp_path / "server.log").open("w")
    server = subprocess.Popen(
        [*CLAIMDB, "serve", "--port", str(port), "--workers", "1"],
        env=env,
        stdout=server_log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(lambda: is_up(base), timeout=60)
        importers = [
            subprocess.Popen(
                [*CLAIMDB, "import", "--preset", "fakes", str(FAKES), str(SEEDS), "--json"],
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(2)
        ]
        seen: dict[int, set[int]] = {}  # source id -> claim counts observed by readers
        errors: list[str] = []
        reads = Counter()
        lock = threading.Lock()
        stop = threading.Event()

        def reader(n: int) -> None:
            with httpx.Client(base_url=base, timeout=30) as http:
                while not stop.is_set():
                    try:
                        page = http.get("/sources", params={"limit": 500})
                        claims = http.get(
                            "/claims",
                            params={
                                "limit": 100,
                                "sort": "-event_date",
                                "q": "killed" if n % 2 else "army",
                            },
                        )
                        for response in (page, claims):
                            if response.status_code != 200:
                                errors.append(f"{response.status_code} {response.text[:200]}")
                        with lock:
                            reads[n] += 2
                            for s in page.json()["data"]:
                                seen.setdefault(s["id"], set()).add(s["claim_count"])
                    except Exception as exc:  # noqa: BLE001  (any failure is a finding)
                        errors.append(repr(exc))

        threads = [threading.Thread(target=reader, args=(n,)) for n in range(16)]
        for t in threads:
            t.start()
        results = [p.communicate(timeout=600) for p in importers]
        stop.set()
        for t in threads:
            t.join(timeout=60)
    finally:
        server.terminate()
        server.wait(timeout=30)
        server_log.close()
    assert not errors, errors[:5]
    assert min(reads.values()) > 0
    for proc, (stdout, stderr) in zip(importers, results, strict=True):
        assert proc.returncode == 0, stderr
        assert json.loads(stdout)["failed"] == 0
    hashes = _hashes(fresh_url)
    assert max(hashes.values()) == 1
    engine = make_engine(fresh_url)
    with engine.connect() as conn:
        final = dict(
            conn.execute(sa.text("SELECT source_id, count(*) FROM claim GROUP BY source_id")).all()
        )
    engine.dispose()
    half_seen = {sid: counts for sid, counts in seen.items() if counts != {final.get(sid, 0)}}
    assert not half_seen, half_seen  # no reader ever saw a source without all its claims
    log = (tmp_path / "server.log").read_text()
    assert "Traceback" not in log and "locked" not in log


@pytest.mark.slow
def test_many_requests_in_flight_never_stall_the_server(fresh_url: str, tmp_path: Path) -> None:
    """Far more requests at once than pooled connections and worker threads: they queue
    and all succeed. (Before the session limit in app.api.deps, 80 at once stalled the
    server: every worker thread waited for a connection held by a request that needed a
    thread to finish, until the pool timed out after 30 s.)"""
    claimdb_here(fresh_url, "seed")
    port = free_port()
    env = {**os.environ, "CLAIMDB_DATABASE_URL": fresh_url}
    log = (tmp_path / "server.log").open("w")
    server = subprocess.Popen(
        [*CLAIMDB, "serve", "--port", str(port), "--workers", "1"],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    paths = ["/claims?place=Aleppo", "/claims/1", "/sources/2", "/claims?format=csv&actor=Daesh"]

    async def burst(n: int) -> list[int | str]:
        limits = httpx.Limits(max_connections=n)  # all n in flight at once
        async with httpx.AsyncClient(base_url=base, limits=limits, timeout=20) as client:

            async def call(path: str) -> int | str:
                try:
                    return (await client.get(path)).status_code
                except httpx.HTTPError as exc:
                    return repr(exc)

            return await asyncio.gather(*(call(paths[i % len(paths)]) for i in range(n)))

    try:
        wait_for(lambda: is_up(base), timeout=60)
        statuses = asyncio.run(burst(160))
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
    assert Counter(statuses) == Counter({200: 160}), Counter(statuses)
