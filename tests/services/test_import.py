"""Import batches through the real readers, extraction and database."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import sqlalchemy as sa
from sqlmodel import Session, select

from app.db import make_engine, migrate
from app.importer import run_import
from app.ingest import read_documents
from app.models import Claim, ImportRun, Source
from tests.conftest import SEEDS

FAKES = Path(__file__).resolve().parents[1] / "data" / "fakes" / "fakes_dev.csv"


def _migrated(url: str):
    migrate(url)
    return make_engine(url)


def test_seed_twice_adds_nothing_the_second_time(fresh_url: str) -> None:
    engine = _migrated(fresh_url)
    first = run_import(read_documents([SEEDS]), origin="seed", engine=engine)
    second = run_import(read_documents([SEEDS]), origin="seed", engine=engine)
    assert (first.added, first.unchanged, first.failed) == (5, 0, [])
    assert (second.added, second.unchanged, second.failed) == (0, 5, [])
    with Session(engine) as session:
        assert session.exec(select(sa.func.count()).select_from(Source)).one() == 5
        runs = session.exec(select(ImportRun).order_by(ImportRun.id)).all()
        assert [r.counts["unchanged"] for r in runs] == [0, 5]
        assert all(r.finished_at is not None for r in runs)
    engine.dispose()


def test_seed_metadata_and_exact_text(fresh_url: str) -> None:
    engine = _migrated(fresh_url)
    run_import(read_documents([SEEDS]), origin="seed", engine=engine)
    with Session(engine) as session:
        cole = session.exec(
            select(Source).where(Source.external_id == "001_8ce4b84d20215b01.txt")
        ).one()
        assert cole.author == "Juan Cole" and cole.outlet == "Informed Comment"
        assert str(cole.published_on) == "2015-11-05" and cole.published_origin == "metadata"
        raw = (SEEDS / "001_8ce4b84d20215b01.txt").read_bytes().decode("utf-8")
        assert cole.text == raw
        for claim in session.exec(select(Claim)):
            source = session.get(Source, claim.source_id)
            assert source.text[claim.char_start : claim.char_end] == claim.text
    engine.dispose()


def test_changed_content_supersedes_and_keeps_the_old_version(
    fresh_url: str, tmp_path: Path
) -> None:
    engine = _migrated(fresh_url)
    folder = tmp_path / "docs"
    folder.mkdir()
    doc = folder / "report.txt"
    doc.write_text(
        "Aleppo\n\nSyrian troops seized the Hanano district on Saturday.\n", encoding="utf-8"
    )
    run_import(read_documents([folder]), origin="v1", engine=engine)
    doc.write_text(
        "Aleppo\n\nSyrian troops seized the Hanano district on Sunday.\n", encoding="utf-8"
    )
    report = run_import(read_documents([folder]), origin="v2", engine=engine)
    assert (report.added, report.superseded) == (0, 1)
    with Session(engine) as session:
        old, new = session.exec(select(Source).order_by(Source.id)).all()
        assert (old.version, new.version, new.supersedes_id) == (1, 2, old.id)
    engine.dispose()


def test_mixed_folder_imports_the_readable_and_reports_the_rest(
    fresh_url: str, tmp_path: Path
) -> None:
    engine = _migrated(fresh_url)
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "good.txt").write_text(
        "Army advances\n\nThe army advanced on Homs.\n", encoding="utf-8"
    )
    (folder / "latin1.txt").write_bytes(
        "Caf\xe9 report\n\nRebels shelled Hama on Monday.\n".encode("latin-1")
    )
    (folder / "utf16.txt").write_bytes("Raqqa\n\nCoalition jets struck Raqqa.\n".encode("utf-16"))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 4)
    report = run_import(read_documents([folder]), origin="mixed", engine=engine)
    assert report.added == 3
    assert sorted(Path(f["location"]).name for f in report.failed) == ["binary.txt", "empty.txt"]
    with Session(engine) as session:
        encodings = dict(session.execute(sa.select(Source.external_id, Source.encoding)).all())
        assert encodings["latin1.txt"] == "cp1252" and encodings["utf16.txt"].startswith("utf-16")
    engine.dispose()


def test_fakes_import_keeps_outlets_and_the_date_label(fresh_url: str) -> None:
    """Every row is accounted for; rows repeating an earlier row's article (the dataset has
    a few, with differing crowd labels) are the same content, hence "unchanged". The
    crowd-labelled incident date stays a label: publication dates come from the text."""
    with FAKES.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    distinct = len({r["article_content"] for r in rows})
    engine = _migrated(fresh_url)
    report = run_import(read_documents([FAKES], preset="fakes"), origin="fakes", engine=engine)
    assert (report.added, report.unchanged, report.failed) == (distinct, len(rows) - distinct, [])
    with Session(engine) as session:
        sources = session.exec(select(Source)).all()
        assert all(s.outlet and s.extra.get("date") for s in sources)
        assert {s.published_origin for s in sources} <= {"text", "none"}
        dated = [s for s in sources if s.published_on is not None]
        assert len(dated) >= 0.95 * len(sources)  # nearly every article prints its date
    engine.dispose()


def test_copy_of_seeds_elsewhere_is_unchanged(fresh_url: str, tmp_path: Path) -> None:
    """Identity is the content, not the path: the same files from another folder add nothing."""
    engine = _migrated(fresh_url)
    run_import(read_documents([SEEDS]), origin="seed", engine=engine)
    copy = tmp_path / "copy"
    shutil.copytree(SEEDS, copy)
    report = run_import(read_documents([copy]), origin="copy", engine=engine)
    assert (report.added, report.unchanged) == (0, 5)
    engine.dispose()
