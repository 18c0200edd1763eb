"""Running `claimdb` as users do: a real process against a real database."""

from __future__ import annotations

import ctypes
import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import sqlalchemy as sa

from app.db import make_engine

CLAIMDB = [sys.executable, "-m", "app.cli"]
FAKES = Path(__file__).resolve().parent / "data" / "fakes" / "fakes_dev.csv"


def claimdb(
    url: str, *args: str, check_code: int | None = 0, timeout: float = 300, **popen: Any
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CLAIMDB_DATABASE_URL": url, **popen.pop("env", {})}
    done = subprocess.run(
        [*CLAIMDB, *args], capture_output=True, text=True, env=env, timeout=timeout, **popen
    )
    if check_code is not None:
        assert done.returncode == check_code, (done.stdout, done.stderr)
    return done


def count(url: str, table: str) -> int:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return conn.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar_one()
    finally:
        engine.dispose()


def wait_for(predicate: Callable[[], bool], timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def is_up(base: str) -> bool:
    try:
        return httpx.get(base + "/health", timeout=1).status_code == 200
    except httpx.HTTPError:
        return False


def without_write_override() -> None:
    """preexec_fn: a process that, even as root, cannot write to files it lacks write
    permission for (drops CAP_DAC_OVERRIDE), as a read-only database file is for a user."""
    if os.geteuid() == 0:
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(PR_CAPBSET_DROP, CAP_DAC_OVERRIDE, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


PR_CAPBSET_DROP, CAP_DAC_OVERRIDE = 24, 1


@contextmanager
def served(
    url: str, log: Path, *, preexec_fn: Any = None, workers: int = 1, **env: str
) -> Iterator[str]:
    """`claimdb serve --workers N` on a free port against `url`; yields its base URL, logs
    to `log`. One worker unless asked: the tests written for one process stay about one."""
    port = free_port()
    with log.open("w") as out:
        server = subprocess.Popen(
            [*CLAIMDB, "serve", "--port", str(port), "--workers", str(workers)],
            env={**os.environ, "CLAIMDB_DATABASE_URL": url, **env},
            stdout=out,
            stderr=subprocess.STDOUT,
            preexec_fn=preexec_fn,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            wait_for(lambda: is_up(base) or server.poll() is not None, timeout=60)
            assert server.poll() is None, log.read_text()
            yield base
        finally:
            server.terminate()
            server.wait(timeout=30)
