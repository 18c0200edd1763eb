"""Running `claimdb` as users do: a real process against a real database."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import sqlalchemy as sa

from app.db import make_engine

CLAIMDB = [sys.executable, "-m", "app.cli"]
FAKES = Path(__file__).resolve().parent / "data" / "fakes" / "fakes_dev.csv"


def claimdb(url: str, *args: str, check_code: int | None = 0) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CLAIMDB_DATABASE_URL": url}
    done = subprocess.run([*CLAIMDB, *args], capture_output=True, text=True, env=env, timeout=300)
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


@contextmanager
def served(url: str, log: Path, **env: str) -> Iterator[str]:
    """`claimdb serve` on a free port against `url`; yields its base URL, logs to `log`."""
    port = free_port()
    with log.open("w") as out:
        server = subprocess.Popen(
            [*CLAIMDB, "serve", "--port", str(port)],
            env={**os.environ, "CLAIMDB_DATABASE_URL": url, **env},
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            wait_for(lambda: is_up(base) or server.poll() is not None, timeout=60)
            assert server.poll() is None, log.read_text()
            yield base
        finally:
            server.terminate()
            server.wait(timeout=30)
