"""`claimdb eval`: extraction accuracy measured through a real import.

The dataset is imported into a throwaway SQLite database with its publication dates
withheld, so the dates read back were found in the text; the primary place's
governorate is compared with the dataset's location label. Scoring is app.evaluation.labels'.
"""

from __future__ import annotations

import dataclasses
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from app.db import make_engine, migrate
from app.evaluation.labels import Judged, score
from app.importer import run_import
from app.ingest import RawDocument, content_sha256, read_documents
from app.models import Place, Source


def evaluate(path: Path, *, preset: str = "fakes", with_errors: bool = False) -> dict[str, Any]:
    gold: list[RawDocument] = []

    def withheld(items: Iterator[Any]) -> Iterator[Any]:
        for item in items:
            if isinstance(item, RawDocument):
                gold.append(item)
                item = dataclasses.replace(item, published=None, published_precision=None)
            yield item

    items = read_documents([path], preset=preset)  # raises UsageError before any work
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'eval.sqlite3'}"
        migrate(url)
        engine = make_engine(url)
        try:
            report = run_import(withheld(items), origin=f"eval {path}", engine=engine)
            with Session(engine) as session:
                found = {
                    sha: (published, governorate)
                    for sha, published, governorate in session.execute(
                        sa.select(
                            Source.content_sha256, Source.published_on, Place.governorate
                        ).outerjoin(Place, Place.id == Source.primary_place_id)
                    ).all()
                }
        finally:
            engine.dispose()
    judged = []
    for raw in gold:
        published, governorate = found.get(content_sha256(raw.text), (None, None))
        judged.append(Judged(raw.published, published, raw.extra.get("location", ""), governorate))
    result: dict[str, Any] = {
        "dataset": str(path),
        **score(judged),
        "failed": len(report.failed),
        "import_seconds": round(report.seconds, 2),
        "docs_per_second": round(len(gold) / report.seconds, 1) if report.seconds else None,
        "claims": report.claims,
    }
    if with_errors:
        result["errors"] = [
            {
                "external_id": raw.external_id,
                "gold_date": str(j.gold_date),
                "found_date": str(j.found_date),
                "gold_location": j.gold_location,
                "found_governorate": j.found_governorate,
            }
            for raw, j in zip(gold, judged, strict=True)
            if not (j.date_ok and j.governorate_ok)
        ]
    return result
