"""Engine and sessions. The schema itself comes only from Alembic (see migrations/)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlmodel import Session

from app.config import PROJECT_ROOT, settings
from app.errors import (
    DatabaseBusy,
    DatabaseDamaged,
    DatabaseFault,
    DatabaseReadOnly,
    DiskFull,
    SchemaBehind,
    SchemaMismatch,
    SchemaUnknown,
)

# Execution option that marks a connection as a writer: on SQLite it begins with
# BEGIN IMMEDIATE, so two writers queue on the busy timeout instead of deadlocking
# when both try to upgrade a read lock (which no timeout can resolve).
WRITE = "claimdb_write"
# Execution option: how long (ms) a transaction may wait for a lock before the database
# gives up (SQLite's busy timeout, PostgreSQL's lock_timeout). Unset: the configured
# busy timeout on SQLite, no limit on PostgreSQL.
LOCK_TIMEOUT_MS = "claimdb_lock_timeout_ms"
# Execution option: on PostgreSQL, the statement is planned without parallel workers. For
# a page's cut of gathered ids (claim_query.Gather) PostgreSQL plans workers that gain
# nothing (one process scans the one big index range) and cost their start: near Aleppo
# + 2016 at 1M, 15 ms executed serially, 23 with two workers (bench/RESULTS.md, stop 54).
SERIAL = "claimdb_serial"

# Connections per engine, and how many requests may hold a session at once (see
# app.api.deps). Requests past the limit wait in the event loop, not in a worker thread:
# a request that holds a connection needs a thread again to serialise its response, so
# if every thread waited for a connection, none would be freed (a stall until the pool
# times out). The connections left over serve export batches.
# Few sessions at once, because one process shares one interpreter lock: more reader
# threads add no throughput, they only slice the CPU thinner for the one writer (linking
# takes one lock on both databases, so writes queue one at a time anyway) and for
# /health, which has sessions of its own so that busy readers never delay it.
POOL_CONNECTIONS = 40
READ_SESSIONS, WRITE_SESSIONS, PROBE_SESSIONS = 4, 1, 2
# Sessions for a query or two before a route's work (API keys, an upload's additions).
BRIEF_SESSIONS = 2


def make_engine(url: str) -> Engine:
    """An engine for `url` with the settings claimdb relies on (WAL, foreign keys...)."""
    # A fixed pool: connections above pool_size would be closed on return and reopened
    # moments later (on PostgreSQL, ~850 new sessions a minute under `make load`).
    pool = {"pool_size": POOL_CONNECTIONS, "max_overflow": 0}
    if make_url(url).get_backend_name() != "sqlite":
        engine = create_engine(url, pool_pre_ping=True, **pool)
        _configure_postgresql(engine)
        return engine
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


SQLITE_MMAP_BYTES = 1 << 30


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
        # reads map the file instead of copying each page into the connection: every
        # candidate of a filter costs a lookup of its claim row, a third less this way at
        # a million claims (bench/RESULTS.md, "Query path")
        cur.execute(f"PRAGMA mmap_size={SQLITE_MMAP_BYTES}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        options = conn.get_execution_options()
        # set on every transaction: a pooled connection must not keep another's timeout
        wait = options.get(LOCK_TIMEOUT_MS, settings.sqlite_busy_timeout_ms)
        conn.exec_driver_sql(f"PRAGMA busy_timeout={int(wait)}")
        conn.exec_driver_sql(f"BEGIN {'IMMEDIATE' if options.get(WRITE) else 'DEFERRED'}")


def _configure_postgresql(engine: Engine) -> None:
    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        wait = conn.get_execution_options().get(LOCK_TIMEOUT_MS)
        if wait is not None:  # SET LOCAL: ends with this transaction
            conn.exec_driver_sql(f"SET LOCAL lock_timeout = {int(wait)}")

    # SERIAL's setting holds for its statement alone: set before it, back to the default after
    @event.listens_for(engine, "before_cursor_execute")
    def _before(_conn: Any, cursor: Any, _sql: Any, _params: Any, context: Any, _many: Any) -> None:
        if context.execution_options.get(SERIAL):
            cursor.connection.execute("SET LOCAL max_parallel_workers_per_gather = 0")

    @event.listens_for(engine, "after_cursor_execute")
    def _after(_conn: Any, cursor: Any, _sql: Any, _params: Any, context: Any, _many: Any) -> None:
        if context.execution_options.get(SERIAL):
            cursor.connection.execute("SET LOCAL max_parallel_workers_per_gather TO DEFAULT")


# What the database says, by SQLite result code name or PostgreSQL SQLSTATE, mapped to the
# fault a person can act on. Anything else is not a named fault.
_SQLITE_FAULTS: dict[str, type[DatabaseFault]] = {
    "SQLITE_BUSY": DatabaseBusy,
    "SQLITE_LOCKED": DatabaseBusy,
    "SQLITE_READONLY": DatabaseReadOnly,
    "SQLITE_FULL": DiskFull,
    "SQLITE_CORRUPT": DatabaseDamaged,
    "SQLITE_NOTADB": DatabaseDamaged,
}
_POSTGRESQL_FAULTS: dict[str, type[DatabaseFault]] = {
    "55P03": DatabaseBusy,  # lock_not_available (lock_timeout)
    "40P01": DatabaseBusy,  # deadlock_detected
    "53100": DiskFull,
    "XX001": DatabaseDamaged,  # data_corrupted
    "XX002": DatabaseDamaged,  # index_corrupted
}


def database_fault(exc: BaseException) -> DatabaseFault | None:
    """The named fault behind a database error (`exc` or its DB-API cause), if it is one."""
    orig = getattr(exc, "orig", None) or exc
    name = getattr(orig, "sqlite_errorname", None)
    if name is not None:
        # extended codes refine the primary one: SQLITE_READONLY_DIRECTORY, SQLITE_BUSY_SNAPSHOT
        fault = next((f for prefix, f in _SQLITE_FAULTS.items() if name.startswith(prefix)), None)
        return fault() if fault else None
    sqlstate = getattr(orig, "sqlstate", None)
    if sqlstate == "25006":  # a server, not a file: default_transaction_read_only, a standby
        return DatabaseReadOnly("the database is read-only")
    fault = _POSTGRESQL_FAULTS.get(sqlstate or "")
    return fault() if fault else None


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
    """FastAPI dependency for routes that write: the route commits its unit of work.

    A request waits at most CLAIMDB_WRITE_WAIT_MS for the write lock (then: 503 with
    Retry-After), so a busy database never holds a request for the full busy timeout."""
    with write_session(lock_timeout_ms=settings.write_wait_ms) as session:
        yield session


# How long /health's write probe waits for a lock: a lock held by another writer already
# shows that the database takes writes.
PROBE_LOCK_WAIT_MS = 50


def write_fault(session: Session) -> DatabaseFault | None:
    """Why the database would refuse a write now (read-only, full, damaged), or None.

    Writes a row onto itself inside a savepoint that is rolled back: nothing changes. It
    runs in the caller's (read) session, so that /health needs one connection and one
    worker thread, and waits PROBE_LOCK_WAIT_MS at most for a lock: a lock held by
    another writer (or, on SQLite, a snapshot that another writer moved past) means the
    database takes writes."""
    conn = session.connection()
    try:
        with session.begin_nested() as probe:
            if conn.dialect.name == "sqlite":  # reset at the next BEGIN (_configure_sqlite)
                conn.exec_driver_sql(f"PRAGMA busy_timeout={PROBE_LOCK_WAIT_MS}")
            else:  # LOCAL: ends with the savepoint
                conn.exec_driver_sql(f"SET LOCAL lock_timeout = {PROBE_LOCK_WAIT_MS}")
            session.execute(sa.text("UPDATE alembic_version SET version_num = version_num"))
            probe.rollback()
    except sa.exc.DBAPIError as exc:
        fault = database_fault(exc)
        if fault is None:
            raise
        return None if isinstance(fault, DatabaseBusy) else fault
    return None


@contextmanager
def write_session(
    engine: Engine | None = None, *, lock_timeout_ms: int | None = None
) -> Iterator[Session]:
    """A session for one unit of work that writes; the caller commits."""
    options: dict[str, Any] = {WRITE: True}
    if lock_timeout_ms is not None:
        options[LOCK_TIMEOUT_MS] = lock_timeout_ms
    engine = engine or get_engine()
    with Session(engine.execution_options(**options), expire_on_commit=False) as session:
        yield session


def alembic_config(url: str | None = None) -> Any:
    from alembic.config import Config

    # stdout as it is now: Config's default is the sys.stdout of the moment alembic was
    # first imported, which may be a captured stream closed since (a CLI test runner)
    config = Config(str(PROJECT_ROOT / "alembic.ini"), stdout=sys.stdout)
    config.set_main_option("script_location", str(PROJECT_ROOT / "migrations"))
    config.attributes["database_url"] = url or settings.database_url
    return config


def migrate(url: str | None = None, revision: str = "head") -> None:
    """Bring the database at `url` (default: settings) up to `revision`. A database at a
    revision this code does not know is refused (SchemaMismatch) before anything runs."""
    from alembic import command

    _, problem = _schema(url)
    if isinstance(problem, SchemaUnknown):
        raise problem
    command.upgrade(alembic_config(url), revision)


@cache
def known_revisions() -> tuple[frozenset[str], frozenset[str]]:
    """(every schema revision this code has a migration for, the latest ones)."""
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(alembic_config())
    return frozenset(r.revision for r in scripts.walk_revisions()), frozenset(scripts.get_heads())


def schema_problem(current: set[str] | frozenset[str]) -> SchemaMismatch | None:
    """What is wrong with a database at the revisions `current`, for this code: None if
    it is at the latest; SchemaMismatch if it is behind or at a revision we do not know."""
    known, heads = known_revisions()
    if set(current) == heads:
        return None
    unknown = sorted(set(current) - known)
    if unknown:
        return SchemaUnknown(
            f"the database is at schema revision {', '.join(unknown)}, which this claimdb "
            "does not know (a newer claimdb wrote it): use that version, or restore a backup"
        )
    return SchemaBehind("the database is not at the latest schema: run `claimdb migrate`")


def _schema(url: str | None) -> tuple[set[str], SchemaMismatch | None]:
    """The revisions the database at `url` is at, and what is wrong with them (or None)."""
    from alembic.runtime.migration import MigrationContext

    engine = make_engine(url or settings.database_url)
    try:
        with engine.connect() as conn:
            current = set(MigrationContext.configure(conn).get_current_heads())
    finally:
        engine.dispose()
    return current, schema_problem(current)


def check_schema(url: str | None = None) -> None:
    """Raise SchemaMismatch unless the database at `url` is at this code's latest revision."""
    _, problem = _schema(url)
    if problem is not None:
        raise problem


def ensure_schema(url: str | None = None) -> bool:
    """Create the schema in a database that has none yet (a new, empty one: True); any
    other database must be at the latest revision already (SchemaMismatch otherwise), as
    upgrading someone's existing database is `claimdb migrate`'s decision to make."""
    current, problem = _schema(url)
    if not current:
        migrate(url)
        return True
    if problem is not None:
        raise problem
    return False


def check_database(url: str | None = None) -> str:
    """Check the database at `url`: its schema revision, then on SQLite every page and index
    (PRAGMA quick_check), on PostgreSQL that every table reads (PostgreSQL checks its own
    pages as it reads them). Returns a one-line verdict; raises the fault it finds."""
    from app.models import SQLModel

    current, problem = _schema(url)
    if problem is not None:
        raise problem
    engine = make_engine(url or settings.database_url)
    try:
        with engine.connect() as conn:
            if is_sqlite(engine):
                found = [row[0] for row in conn.exec_driver_sql("PRAGMA quick_check")]
                if found != ["ok"]:
                    more = f" (and {len(found) - 1} more)" if len(found) > 1 else ""
                    first = " ".join(found[0].split())  # SQLite's report spans lines
                    raise DatabaseDamaged(f"the database file is damaged: {first}{more}")
                checked = "every page checked"
            else:
                for table in SQLModel.metadata.sorted_tables:
                    conn.execute(sa.select(sa.func.count()).select_from(table))
                checked = "every table read"
    finally:
        engine.dispose()
    return f"ok: schema revision {', '.join(sorted(current))}, {checked}"
