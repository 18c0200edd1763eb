"""An import's extraction workers: a time budget per document, and nothing left behind
when the importer is killed.

Found by an outside test (issue 11): a 1 MB one-line document held a worker for 17
minutes, a killed importer left its worker processes running for 20 minutes and more,
and its run stayed `finished_at: null` in /imports forever.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from pathlib import Path

import httpx
import pytest

from app.workers import default_workers
from tests.commands import claimdb_here
from tests.conftest import SEEDS
from tests.processes import CLAIMDB, FAKES, claimdb, count, served, wait_for
from tests.test_reliability import _assert_whole_documents


def test_a_document_over_the_time_budget_fails_and_the_rest_import(
    fresh_url: str, tmp_path: Path
) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    # one line of 1 MB without sentence breaks: seconds of extraction, not minutes
    words = "Syrian Army troops and Hezbollah fighters advanced on Palmyra as Russian jets struck "
    slow = words * (1_000_000 // len(words))
    # first in the batch (extracted in the importer) and again after the tenth (in a worker,
    # when the workers are ready by then)
    (folder / "00_slow.txt").write_text(slow, encoding="utf-8")
    for i, seed in enumerate(sorted(SEEDS.glob("*.txt")) * 2):
        text = seed.read_text(encoding="utf-8") + f"\n(copy {i})"
        (folder / f"{i + 1:02d}_{seed.name}").write_text(text, encoding="utf-8")
    (folder / "11_slow.txt").write_text(slow + " again", encoding="utf-8")
    claimdb_here(fresh_url, "migrate")
    started = time.monotonic()
    done = claimdb(
        fresh_url,
        "import",
        str(folder),
        "--json",
        check_code=1,
        timeout=120,
        env={"CLAIMDB_EXTRACTION_SECONDS": "1"},
    )
    summary = json.loads(done.stdout)
    failed = {Path(e["location"]).name: e["reason"] for e in summary["errors"]}
    assert set(failed) == {"00_slow.txt", "11_slow.txt"}, failed
    assert all("extraction took longer than 1 s" in r for r in failed.values()), failed
    assert summary["added"] == 10, summary
    assert time.monotonic() - started < 120


def _children(pid: int) -> set[int]:
    """Every descendant of `pid`, from /proc."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    found, frontier = set(), {pid}
    while frontier:
        frontier = {p for p, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads the process tree from /proc")
def test_a_killed_importer_leaves_no_workers_and_its_run_is_interrupted(
    fresh_url: str, tmp_path: Path
) -> None:
    if default_workers() < 1:
        pytest.skip("one core: the import runs no worker processes")
    claimdb_here(fresh_url, "migrate")
    proc = subprocess.Popen(
        [*CLAIMDB, "import", "--preset", "fakes", str(FAKES)],
        env={**os.environ, "CLAIMDB_DATABASE_URL": fresh_url},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    wait_for(lambda: count(fresh_url, "source") >= 40 and len(_children(proc.pid)) >= 2)
    workers = _children(proc.pid)
    proc.send_signal(signal.SIGKILL)  # the importer alone, as `kill -9 PID` does
    proc.wait(timeout=30)
    try:
        wait_for(lambda: not any(map(_alive, workers)), timeout=10)
    finally:
        for pid in workers:  # never leave them to the next test
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)
    stored = count(fresh_url, "source")
    _assert_whole_documents(fresh_url)

    claimdb(fresh_url, "import", str(SEEDS))  # the next start finds the dead run
    with served(fresh_url, tmp_path / "server.log") as base:
        runs = httpx.get(base + "/imports", timeout=10).json()["data"]
    killed = runs[-1]
    assert killed["status"] == "interrupted" and killed["finished_at"] is not None, killed
    assert killed["counts"]["added"] == stored, killed
    assert runs[0]["status"] == "finished"
