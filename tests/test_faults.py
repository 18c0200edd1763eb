"""Faults are named in one line with their own exit status, never a traceback or a false "ok".

What an outside test found (issue 11), each through the `claimdb` command (in-process, or
a real process where the process matters: file permissions, a full disk) or a served
instance: a database at a newer schema revision (migrate printed a traceback, import said
"run claimdb migrate", serve started and /health said ok, restore --force replaced the
live database first); a read-only database (tracebacks with 308 parameter sets, a bare 500,
/health ok); a full disk (every document retried 5 times, forever); a damaged file (nothing
could tell).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import sqlalchemy as sa
from sqlalchemy.engine import make_url

from app.db import make_engine
from tests.commands import claimdb_here
from tests.conftest import SEEDS
from tests.processes import (
    FAKES,
    claimdb,
    count,
    served,
    without_write_override,
)

FUTURE = "9999_from_a_newer_claimdb"


def _one_line(stderr: str) -> str:
    assert "Traceback" not in stderr, stderr
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    return lines[0]


def _set_revision(url: str, revision: str) -> None:
    engine = make_engine(url)
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE alembic_version SET version_num = :r"), {"r": revision})
    engine.dispose()


def test_a_newer_schema_is_refused_everywhere(fresh_url: str, tmp_path: Path) -> None:
    claimdb_here(fresh_url, "seed")
    _set_revision(fresh_url, FUTURE)
    for command in (["migrate"], ["import", str(SEEDS)], ["check"], ["serve", "--port", "9"]):
        done = claimdb_here(fresh_url, *command, check_code=7)
        line = _one_line(done.stderr)
        assert FUTURE in line and "does not know" in line, (command, line)
        assert "claimdb migrate" not in line
    assert count(fresh_url, "alembic_version") == 1  # nothing ran against it


def test_health_refuses_a_schema_it_does_not_know(client, session) -> None:  # noqa: ANN001
    assert client.get("/health").json()["status"] == "ok"
    session.execute(sa.text("UPDATE alembic_version SET version_num = :r"), {"r": FUTURE})
    response = client.get("/health")
    assert response.status_code == 503, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    assert FUTURE in response.json()["detail"]


def _snapshot(path: Path) -> tuple[str, int]:
    with sqlite3.connect(path) as conn:
        revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        return revision, conn.execute("SELECT count(*) FROM source").fetchone()[0]


def test_restore_checks_the_backup_before_replacing_anything(tmp_path: Path) -> None:
    live = tmp_path / "live.sqlite3"
    claimdb_here(f"sqlite:///{live}", "seed")
    before = _snapshot(live)
    backup = tmp_path / "newer.sqlite3"
    claimdb(f"sqlite:///{live}", "backup", str(backup))
    _set_revision(f"sqlite:///{backup}", FUTURE)
    done = claimdb(f"sqlite:///{live}", "restore", str(backup), "--force", check_code=7)
    assert "nothing was replaced" in _one_line(done.stderr)
    assert _snapshot(live) == before


@pytest.fixture
def read_only(backend: str, fresh_url: str) -> Iterator[tuple[str, dict[str, Any], str]]:
    """A seeded database that cannot be written, as a user meets one; yields its URL, how
    to run claimdb against it, and how the fault is named.

    SQLite: the file is read-only (0444) in a folder the process may write to, and
    processes run without the power to override file permissions (as root would).
    PostgreSQL: the database defaults to read-only transactions."""
    if backend == "postgresql":
        claimdb_here(fresh_url, "seed")
        name = make_url(fresh_url).database
        engine = make_engine(fresh_url)
        with engine.connect() as conn:
            conn.exec_driver_sql(f'ALTER DATABASE "{name}" SET default_transaction_read_only = on')
            conn.commit()
        engine.dispose()
        yield fresh_url, {}, "the database is read-only"
        return
    folder = Path(tempfile.mkdtemp(prefix="claimdb-ro-"))
    try:
        path = folder / "claimdb.sqlite3"
        claimdb_here(f"sqlite:///{path}", "seed")
        path.chmod(0o444)
        yield (
            f"sqlite:///{path}",
            {"preexec_fn": without_write_override},
            "the database file is read-only",
        )
    finally:
        shutil.rmtree(folder)


def test_a_read_only_database_is_named(
    read_only: tuple[str, dict[str, Any], str], backend: str, tmp_path: Path
) -> None:
    url, ro, named = read_only
    for command in (["import", str(SEEDS / "000_81d264d22e393016.txt")], ["migrate"]):
        done = claimdb(url, *command, check_code=4, **ro)
        assert named in _one_line(done.stderr), command
    if backend == "sqlite":  # a backup reads only: it works, and promptly
        claimdb(url, "backup", str(tmp_path / "copy.sqlite3"), timeout=60, **ro)
    with served(url, tmp_path / "server.log", CLAIMDB_API_KEY="k", **ro) as base:
        health = httpx.get(base + "/health", timeout=10)
        assert health.status_code == 200
        assert health.json()["status"] == "degraded" and health.json()["writable"] is False
        assert health.json()["problems"] == [named]
        posted = httpx.post(
            base + "/sources",
            json={"text": "Army shells Homs on Monday, SANA said."},
            headers={"Authorization": "Bearer k"},
            timeout=10,
        )
        assert posted.status_code == 503, posted.text
        assert posted.headers["content-type"].startswith("application/problem+json")
        assert posted.json()["detail"] == named[0].upper() + named[1:] + "."
        assert httpx.get(base + "/claims?limit=1", timeout=10).status_code == 200
    assert "Traceback" not in (tmp_path / "server.log").read_text()


@pytest.fixture
def small_disk() -> Iterator[Path]:
    """A 4 MB tmpfs: a disk that really fills up (root only; skipped elsewhere)."""
    folder = Path(tempfile.mkdtemp(prefix="claimdb-disk-"))
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(folder)], capture_output=True
    )
    if mounted.returncode != 0:
        folder.rmdir()
        pytest.skip(f"cannot mount a small tmpfs here: {mounted.stderr.decode().strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True)
        folder.rmdir()


def test_a_full_disk_stops_the_import(small_disk: Path) -> None:
    url = f"sqlite:///{small_disk / 'claimdb.sqlite3'}"
    claimdb_here(url, "migrate")
    done = claimdb(url, "import", "--preset", "fakes", str(FAKES), check_code=5, timeout=120)
    line = _one_line(done.stderr)
    assert (
        line.startswith("error: the disk is full: ") and "documents imported, the rest not" in line
    )
    imported = int(line.split("the disk is full: ")[1].split()[0])
    assert 0 < imported < 373
    assert count(url, "source") == imported  # whole documents, as many as it says
    engine = make_engine(url)
    with engine.connect() as conn:
        status = conn.execute(sa.text("SELECT status FROM import_run")).scalars().all()
    engine.dispose()
    # the run says it stopped, or (when even that write found no room) the next import
    # marks it interrupted
    assert status in (["stopped"], ["running"]), status


def test_a_damaged_file_is_found_by_check(tmp_path: Path) -> None:
    path = tmp_path / "claimdb.sqlite3"
    url = f"sqlite:///{path}"
    claimdb_here(url, "seed")
    assert "ok" in claimdb_here(url, "check").stdout
    with sqlite3.connect(path) as conn:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
    with path.open("r+b") as file:  # garbage over a page in the middle of the file
        file.seek(page_size * (pages // 2))
        file.write(os.urandom(page_size))
    done = claimdb_here(url, "check", check_code=6)
    assert "the database file is damaged" in _one_line(done.stderr)
    # a file damaged from its first page on is not a database at all, for any command
    with path.open("r+b") as file:
        file.write(os.urandom(page_size))
    for command in (["import", str(SEEDS)], ["serve", "--port", "9"], ["check"]):
        done = claimdb_here(url, *command, check_code=6)
        assert "the database file is damaged" in _one_line(done.stderr), command
