"""The shipped registry reaches a database the first upload syncs it into, even when that
upload fails: its rollback takes the synced rows with it, and the next upload syncs again.

A database built by the migrations alone (no `claimdb migrate` or `seed`) holds no
actors or places until an upload syncs them, inside that upload's transaction."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient
from pydantic import SecretStr
from sqlalchemy import Engine

from app.config import settings
from app.db import make_engine, migrate
from tests.api.conftest import client_of

KEY = "registry-sync-key"
TEXT = (
    "Shelling in Idlib\n\nRegime forces shelled Khan Shaykhun on Monday, killing five "
    "civilians, the Syrian Observatory for Human Rights said.\n"
)
# A database that refuses every new source, as a full disk or a broken constraint would:
# the upload fails after the sync ran inside its transaction.
REFUSE = {
    "sqlite": [
        "CREATE TRIGGER refuse_source BEFORE INSERT ON source "
        "BEGIN SELECT RAISE(ABORT, 'refused for the test'); END"
    ],
    "postgresql": [
        "CREATE FUNCTION refuse_source() RETURNS trigger LANGUAGE plpgsql AS "
        "$$ BEGIN RAISE EXCEPTION 'refused for the test'; END $$",
        "CREATE TRIGGER refuse_source BEFORE INSERT ON source "
        "FOR EACH ROW EXECUTE FUNCTION refuse_source()",
    ],
}
ALLOW = {
    "sqlite": ["DROP TRIGGER refuse_source"],
    "postgresql": ["DROP TRIGGER refuse_source ON source", "DROP FUNCTION refuse_source()"],
}


def _run(engine: Engine, statements: list[str]) -> None:
    with engine.begin() as conn:
        for statement in statements:
            conn.exec_driver_sql(statement)


@pytest.fixture
def fresh(fresh_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[TestClient, Engine]]:
    """A client on a database built by the migrations alone, with an admin key."""
    migrate(fresh_url)
    engine = make_engine(fresh_url)
    monkeypatch.setattr(settings, "api_key", SecretStr(KEY))
    with client_of(engine) as client:
        yield client, engine
    engine.dispose()


def test_a_failed_first_upload_leaves_the_registry_to_the_next(
    fresh: tuple[TestClient, Engine],
) -> None:
    client, engine = fresh
    backend = engine.dialect.name
    auth = {"Authorization": f"Bearer {KEY}"}
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM actor")).scalar_one() == 0

    _run(engine, REFUSE[backend])
    failed = client.post("/sources", json={"text": TEXT}, headers=auth)
    assert failed.status_code >= 500, failed.text
    with engine.connect() as conn:  # the rollback took the synced rows with it
        assert conn.execute(sa.text("SELECT count(*) FROM actor")).scalar_one() == 0
        assert conn.execute(sa.text("SELECT count(*) FROM source")).scalar_one() == 0

    _run(engine, ALLOW[backend])
    stored = client.post("/sources", json={"text": TEXT}, headers=auth)
    assert stored.status_code == 201, stored.text
    found = client.get("/actors", params={"q": "SOHR"}).json()["data"]
    assert [(a["name"], a["curated"]) for a in found] == [
        ("Syrian Observatory for Human Rights", True)
    ]
    claims = client.get(f"{stored.headers['Location']}/claims").json()["data"]
    assert [c["claimant"]["id"] for c in claims] == [found[0]["id"]]
    town = client.get("/places", params={"q": "Khan Shaykhun"}).json()["data"]
    assert town and [p["id"] for p in claims[0]["places"]] == [town[0]["id"]]
