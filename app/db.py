"""Engine and sessions. The schema itself comes only from Alembic (see migrations/)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlmodel import Session

from app.config import PROJECT_ROOT, settings

# Execution option that marks a connection as a writer: on SQLite it begins with
# BEGIN IMMEDIATE, so two writers queue on the busy timeout instead of deadlocking
# when both try to upgrade a read lock (which no timeout can resolve).
WRITE = "claimdb_write"

# Connections per engine, and how many requests may hold a session at once (see
# app.api.deps). Requests past the limit wait in the event loop, not in a worker thread:
# a request that holds a connection needs a thread again to serialise its response, so
# if every thread waited for a connection, none would be freed (a stall until the pool
# times out). The connections left over serve export batches.
POOL_CONNECTIONS = 40
READ_SESSIONS, WRITE_SESSIONS = 28, 4


def make_engine(url: str) -> Engine:
    """An engine for `url` with the settings claimdb relies on (WAL, foreign keys...)."""
    # A fixed pool: connections above pool_size would be closed on return and reopened
    # moments later (on PostgreSQL, ~850 new sessions a minute under `make load`).
    pool = {"pool_size": POOL_CONNECTIONS, "max_overflow": 0}
    if make_url(url).get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True, **pool)
    engine = create_engine(
        url,
        **pool,
        connect_args={
            "check_same_thread": False,
            "timeout": settings.sqlite_busy_timeout_ms / 1000,
        },
    )
    _configure_sqlite(engine)
    return engine


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Take over transaction control from the sqlite3 module so BEGIN is ours
        # (SQLAlchemy's documented recipe; also makes SAVEPOINT work).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={int(settings.sqlite_busy_timeout_ms)}")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        mode = "IMMEDIATE" if conn.get_execution_options().get(WRITE) else "DEFERRED"
        conn.exec_driver_sql(f"BEGIN {mode}")


def is_sqlite(engine_or_url: Engine | str) -> bool:
    url = engine_or_url.url if isinstance(engine_or_url, Engine) else make_url(engine_or_url)
    return url.get_backend_name() == "sqlite"


@cache
def get_engine() -> Engine:
    return make_engine(settings.database_url)


def get_session() -> Iterator[Session]:
    """FastAPI dependency: one session per request; the route commits if it writes."""
    with Session(get_engine().execution_options(**{WRITE: False})) as session:
        yield session


def get_write_session() -> Iterator[Session]:
    """FastAPI dependency for routes that write: the route commits its unit of work."""
    with write_session() as session:
        yield session


@contextmanager
def write_session(engine: Engine | None = None) -> Iterator[Session]:
    """A session for one unit of work that writes; the caller commits."""
    engine = engine or get_engine()
    with Session(engine.execution_options(**{WRITE: True}), expire_on_commit=False) as session:
        yield session


def alembic_config(url: str | None = None) -> Any:
    from alembic.config import Config

    config = Config(str(PROJECT_ROOT / "alembic.ini"))
    config.set_main_option("script_location", str(PROJECT_ROOT / "migrations"))
    config.attributes["database_url"] = url or settings.database_url
    return config


def migrate(url: str | None = None, revision: str = "head") -> None:
    """Bring the database at `url` (default: settings) up to `revision`."""
    from alembic import command

    command.upgrade(alembic_config(url), revision)


def pending_migrations(url: str | None = None) -> bool:
    """True when the database at `url` is not at the latest schema revision."""
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    heads = set(ScriptDirectory.from_config(alembic_config(url)).get_heads())
    engine = make_engine(url or settings.database_url)
    try:
        with engine.connect() as conn:
            current = set(MigrationContext.configure(conn).get_current_heads())
    finally:
        engine.dispose()
    return current != heads
