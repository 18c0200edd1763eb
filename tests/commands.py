"""Running `claimdb` in this process, with typer's CliRunner: the same command, its output
and exit status, without starting a process (which costs seconds of imports and loading
the registry). tests/processes.py runs it as a real process, for what only one can show."""

from __future__ import annotations

from click.testing import Result
from typer.testing import CliRunner

from app.cli import app
from app.config import settings
from app.db import get_engine


def claimdb_here(url: str | None, *args: str, check_code: int | None = 0) -> Result:
    """`claimdb ARGS` against the database at `url`, as CLAIMDB_DATABASE_URL would set it
    (None: a command that uses no configured database)."""
    saved = settings.database_url
    settings.database_url = url or saved
    get_engine.cache_clear()
    try:
        done = CliRunner().invoke(app, list(args))
    finally:
        if get_engine.cache_info().currsize:
            get_engine().dispose()  # a test may drop or change this database next
        get_engine.cache_clear()
        settings.database_url = saved
    if check_code is not None:
        assert done.exit_code == check_code, (done.stdout, done.stderr, done.exception)
    return done
