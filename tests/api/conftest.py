"""Fixtures of the curation tests: a database of their own with a key per role (`site`,
for tests that commit), and keys per role on the shared rolled-back one (`people`)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlmodel import Session

from app.db import get_session, get_write_session, make_engine, migrate, write_session
from app.importer import run_import
from app.ingest import read_documents
from app.main import create_app
from app.models import Claim
from app.services import keys
from tests.conftest import SEEDS, create_database, drop_database

MERGE = "application/merge-patch+json"


@dataclass
class Site:
    client: TestClient
    engine: Engine
    url: str
    keys: dict[str, str]  # name -> key

    def auth(self, name: str, **headers: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.keys[name]}", **headers}

    def claim_id(self, text: str) -> int:
        with Session(self.engine) as s:
            return s.execute(sa.select(Claim.id).where(Claim.text.contains(text))).scalar_one()

    def patch(self, name: str, claim_id: int, body: dict, etag: str | None = None):  # noqa: ANN201
        etag = etag or self.client.get(f"/claims/{claim_id}").headers["ETag"]
        return self.client.patch(
            f"/claims/{claim_id}",
            json=body,
            headers=self.auth(name, **{"If-Match": etag, "Content-Type": MERGE}),
        )

    def count(self, table: str) -> int:
        with self.engine.connect() as conn:
            return conn.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar_one()


@pytest.fixture
def site(backend: str, tmp_path: Path) -> Iterator[Site]:
    """A migrated, seeded database of its own (the tests commit), with a key per role."""
    url = create_database(backend, tmp_path)
    migrate(url)
    engine = make_engine(url)
    run_import(read_documents([SEEDS]), origin="test seed", engine=engine)
    made = {}
    with write_session(engine) as session:
        for name, role in (
            ("rita", "reader"),
            ("eddie", "editor"),
            ("erin", "editor"),
            ("ada", "admin"),
        ):
            made[name] = keys.create(session, name, role)
        session.commit()
    with client_of(engine) as client:
        yield Site(client, engine, url, made)
    engine.dispose()
    drop_database(url)


@contextmanager
def client_of(engine: Engine) -> Iterator[TestClient]:
    """A client of a new app whose sessions are `engine`'s own: each request commits."""

    def read() -> Iterator[Session]:
        with Session(engine) as s:
            yield s

    def write() -> Iterator[Session]:
        with write_session(engine) as s:
            yield s

    app = create_app()
    app.dependency_overrides[get_session] = read
    app.dependency_overrides[get_write_session] = write
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client


@pytest.fixture
def people(session: Session) -> dict[str, dict[str, str]]:
    """Authorization headers of a reader, an editor and an admin (database keys)."""
    made = {role: keys.create(session, f"{role}-1", role) for role in ("reader", "editor", "admin")}
    session.commit()  # into the test's outer transaction: a failed request's rollback keeps them
    return {role: {"Authorization": f"Bearer {key}"} for role, key in made.items()}
