"""Fixtures: every database test runs on SQLite and, when available, on PostgreSQL.

A database per backend is built once per test session by the migrations (never by
create_all) and seeded; each test then runs inside an outer transaction that is rolled
back, so tests see the seeded state and never each other's writes.

Locally, PostgreSQL tests are skipped without CLAIMDB_TEST_POSTGRES_URL; under CI=true
a missing PostgreSQL fails the run instead.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlalchemy.engine import make_url
from sqlmodel import Session

from app.config import PROJECT_ROOT
from app.db import get_session, get_write_session, make_engine, migrate
from app.importer import run_import
from app.ingest import read_documents

POSTGRES_URL = os.environ.get("CLAIMDB_TEST_POSTGRES_URL")
IN_CI = os.environ.get("CI", "").lower() == "true"
BACKENDS = ["sqlite", "postgresql"]
SEEDS = PROJECT_ROOT / "seeds"


@dataclass
class Database:
    backend: str
    url: str
    engine: Engine


def _need_postgres() -> str:
    if POSTGRES_URL:
        return POSTGRES_URL
    if IN_CI:
        pytest.fail("CI=true but CLAIMDB_TEST_POSTGRES_URL is not set: PostgreSQL tests must run")
    pytest.skip("PostgreSQL tests need CLAIMDB_TEST_POSTGRES_URL")


def create_database(backend: str, directory: Path) -> str:
    """A new, empty database on `backend`; returns its URL."""
    if backend == "sqlite":
        return f"sqlite:///{directory / f'claimdb-{uuid.uuid4().hex[:8]}.sqlite3'}"
    admin_url = make_url(_need_postgres())
    name = f"claimdb_test_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    admin.dispose()
    return admin_url.set(database=name).render_as_string(hide_password=False)


def drop_database(url: str) -> None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "postgresql":
        return
    admin = sa.create_engine(parsed.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{parsed.database}" WITH (FORCE)')
    admin.dispose()


@pytest.fixture(params=BACKENDS, scope="session")
def backend(request: pytest.FixtureRequest) -> str:
    if request.param == "postgresql":
        _need_postgres()
    return request.param


@pytest.fixture
def fresh_url(backend: str, tmp_path: Path) -> Iterator[str]:
    """An empty database (no schema) for tests that migrate or import for themselves."""
    url = create_database(backend, tmp_path)
    yield url
    drop_database(url)


@pytest.fixture(scope="session")
def database(backend: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """The migrated and seeded database shared (read-only, via rollback) by a backend's tests."""
    url = create_database(backend, tmp_path_factory.mktemp(backend))
    migrate(url)
    engine = make_engine(url)
    report = run_import(read_documents([SEEDS]), origin="test seed", engine=engine)
    assert report.added == len(list(SEEDS.glob("*.txt"))) and not report.failed, report
    yield Database(backend, url, engine)
    engine.dispose()
    drop_database(url)


@pytest.fixture
def session(database: Database) -> Iterator[Session]:
    with database.engine.connect() as conn:
        outer = conn.begin()
        with Session(bind=conn, join_transaction_mode="create_savepoint") as s:
            yield s
        outer.rollback()


@pytest.fixture
def client(session: Session) -> Iterator[TestClient]:
    from app.main import app

    app.dependency_overrides[get_session] = lambda: session
    app.dependency_overrides[get_write_session] = lambda: session
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c
    app.dependency_overrides.clear()
