"""Running `claimdb` as users do: a real process against a real database."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

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
