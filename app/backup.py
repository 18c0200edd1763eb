"""Online backup and restore of a SQLite database (PostgreSQL has pg_dump for that).

SQLite's backup API copies a consistent snapshot page by page while other connections
keep reading and writing, so a backup can be taken from a running service.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy.engine import make_url

from app.errors import SchemaUnknown, UsageError

PG_HINT = (
    "claimdb backs up SQLite only; for PostgreSQL use pg_dump, e.g. "
    '`pg_dump --format=custom --file=claimdb.dump "$DATABASE"` and `pg_restore --clean '
    '--dbname="$DATABASE" claimdb.dump`'
)


def sqlite_path(url: str) -> Path:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        raise UsageError(PG_HINT)
    if not parsed.database or parsed.database == ":memory:":
        raise UsageError("an in-memory database cannot be backed up")
    return Path(parsed.database)


def _copy(source: sqlite3.Connection, target: sqlite3.Connection) -> None:
    with target:
        source.backup(target, pages=1024)


def backup(url: str, destination: Path) -> int:
    """Copy the database at `url` to `destination` (a new file); returns its size in bytes."""
    database = sqlite_path(url)
    if not database.exists():
        raise UsageError(f"there is no database at {database}")
    if destination.exists():
        raise UsageError(f"{destination} exists; choose a new file name")
    with sqlite3.connect(database) as source, sqlite3.connect(destination) as target:
        _copy(source, target)
    check(destination)
    return destination.stat().st_size


def check(path: Path) -> str:
    """The schema revision of a claimdb backup, after an integrity check."""
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
            if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                raise UsageError(f"{path} is damaged (integrity check failed)")
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError as exc:
        raise UsageError(f"{path} is not a claimdb database ({exc})") from None
    if row is None:
        raise UsageError(f"{path} is not a claimdb database (no schema revision)")
    return row[0]


def restore(url: str, backup_file: Path, *, force: bool = False) -> str:
    """Replace the database at `url` with `backup_file`; returns the backup's revision."""
    database = sqlite_path(url)
    if not backup_file.is_file():
        raise UsageError(f"{backup_file} does not exist")
    revision = check(backup_file)
    from app.db import known_revisions

    if revision not in known_revisions()[0]:  # checked before anything is replaced
        raise SchemaUnknown(
            f"{backup_file} is at schema revision {revision}, which this claimdb does not "
            "know (a newer claimdb wrote it); nothing was replaced"
        )
    if database.exists() and not force:
        with sqlite3.connect(database) as conn:
            has_data = (
                conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'source'").fetchone()[
                    0
                ]
                and conn.execute("SELECT count(*) FROM source").fetchone()[0]
            )
        if has_data:
            raise UsageError(f"{database} holds sources; pass --force to replace them")
    with sqlite3.connect(backup_file) as source, sqlite3.connect(database) as target:
        _copy(source, target)
    return revision
