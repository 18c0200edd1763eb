"""claimdb backup / restore round-trip a SQLite database; PostgreSQL gets the pg_dump hint."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa

from app.db import make_engine
from tests.commands import claimdb_here
from tests.processes import claimdb

TABLES = (
    "source",
    "claim",
    "actor",
    "place",
    "claim_actor",
    "claim_place",
    "mention",
    "import_run",
)


def _snapshot(url: str) -> dict[str, object]:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            counts = {
                t: conn.execute(sa.text(f"SELECT count(*) FROM {t}")).scalar_one() for t in TABLES
            }
            hashes = sorted(conn.execute(sa.text("SELECT content_sha256 FROM source")).scalars())
            fts = conn.execute(
                sa.text("SELECT count(*) FROM claim_fts WHERE claim_fts MATCH 'aleppo'")
            ).scalar_one()
    finally:
        engine.dispose()
    return {"counts": counts, "hashes": hashes, "fts": fts}


def test_backup_and_restore_round_trip(tmp_path: Path) -> None:
    original = f"sqlite:///{tmp_path / 'original.sqlite3'}"
    claimdb_here(original, "seed")
    backup = tmp_path / "backup.sqlite3"
    claimdb(original, "backup", str(backup))
    assert "exists" in claimdb(original, "backup", str(backup), check_code=2).stderr

    restored = f"sqlite:///{tmp_path / 'restored.sqlite3'}"
    claimdb(restored, "restore", str(backup))
    assert _snapshot(restored) == _snapshot(original)
    assert _snapshot(original)["counts"]["claim"] > 0

    # a database with sources is not overwritten by accident
    assert "--force" in claimdb(restored, "restore", str(backup), check_code=2).stderr
    claimdb(restored, "restore", str(backup), "--force")


def test_restore_refuses_what_is_not_a_backup(tmp_path: Path) -> None:
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database at all" * 100)
    target = f"sqlite:///{tmp_path / 'target.sqlite3'}"
    assert "not a claimdb database" in claimdb(target, "restore", str(junk), check_code=2).stderr


def test_postgresql_gets_the_pg_dump_hint(tmp_path: Path) -> None:
    done = claimdb(
        "postgresql+psycopg://nobody@127.0.0.1:1/none", "backup", str(tmp_path / "x"), check_code=2
    )
    assert "pg_dump" in done.stderr
