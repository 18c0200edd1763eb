"""Run an import batch: one transaction per document, so nothing is ever half-imported.

This module owns the units of work of an import (the CLI and `claimdb seed` call it):
each document is extracted outside any transaction (in worker processes for large
batches), then stored and committed on its own. A document that fails is rolled back and reported with its reason; the batch goes
on. Lock waits (two importers on one SQLite file) are absorbed by BEGIN IMMEDIATE with a
busy timeout, plus a retry here; a unique-key race with another importer is retried
and then resolves to "unchanged" or to the next version.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sqlalchemy import Engine, or_
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlmodel import Session, select

from app.db import get_engine, write_session
from app.extraction import EXTRACTOR_VERSION, Extraction, extract
from app.extraction.parallel import extract_all
from app.ingest.types import RawDocument, ReadProblem
from app.models import ImportRun, Source
from app.models.base import utcnow
from app.services import events
from app.services.reference import sync_reference
from app.services.store import Stored, add_source, place_ids, replace_extraction

log = logging.getLogger("claimdb.import")
ATTEMPTS = 5
T = TypeVar("T")


@dataclass
class BatchReport:
    import_run_id: int
    added: int = 0
    unchanged: int = 0
    superseded: int = 0
    claims: int = 0
    failed: list[dict[str, str]] = field(default_factory=list)
    # Unchanged documents whose text another document already has (a copy under another
    # id, as in datasets that list one article twice): which source holds it.
    same_text: list[dict[str, Any]] = field(default_factory=list)
    seconds: float = 0.0
    source_ids: list[int] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        return {
            "added": self.added,
            "unchanged": self.unchanged,
            "superseded": self.superseded,
            "failed": len(self.failed),
            "claims": self.claims,
        }

    def as_json(self) -> dict[str, Any]:
        return {
            "import_run_id": self.import_run_id,
            **self.counts,
            "errors": self.failed,
            "same_text": self.same_text,
            "seconds": round(self.seconds, 3),
        }


def prepare(engine: Engine) -> dict[str, int]:
    """Sync the curated registry/gazetteer; returns the place slug -> id map."""
    with write_session(engine) as session:
        sync_reference(session)
        session.commit()
        return place_ids(session)


def _reason(exc: Exception) -> str:
    if isinstance(exc, DBAPIError) and exc.orig is not None:
        return f"database refused the document: {str(exc.orig).splitlines()[0]}"
    return f"{type(exc).__name__}: {exc}"


def _retrying(engine: Engine, work: Callable[[Session], T], what: str) -> T:
    """Run `work` in a write transaction and commit, retrying lock waits and key races."""
    for attempt in range(1, ATTEMPTS + 1):
        try:
            with write_session(engine) as session:
                result = work(session)
                session.commit()
                return result
        except (OperationalError, IntegrityError) as exc:
            if attempt == ATTEMPTS:
                raise
            log.info("retrying %s after %s", what, type(exc).__name__)
            time.sleep(0.05 * 2**attempt)
    raise AssertionError("unreachable")


def store_one(
    engine: Engine,
    raw: RawDocument,
    extraction: Extraction,
    places: dict[str, int],
    import_run_id: int | None,
) -> Stored:
    """Store one extracted document, and link its claims to events, in one transaction."""
    return _retrying(
        engine,
        lambda session: store_and_link(session, raw, extraction, places, import_run_id),
        raw.location,
    )


def store_and_link(
    session: Session,
    raw: RawDocument,
    extraction: Extraction,
    places: dict[str, int],
    import_run_id: int | None = None,
) -> Stored:
    """The import's unit of work: the document, its claims, and their events and relations."""
    stored = add_source(session, raw, extraction, places, import_run_id=import_run_id)
    if stored.outcome != "unchanged":
        events.source_added(session, stored.source_id)
    return stored


def _request(item: RawDocument | ReadProblem) -> dict[str, Any] | None:
    if isinstance(item, ReadProblem):
        return None
    return {
        "text": item.text,
        "published": item.published,
        "published_precision": item.published_precision,
        "title": item.title,
        "outlet": item.outlet,
    }


def run_import(
    items: Iterable[RawDocument | ReadProblem],
    *,
    origin: str,
    engine: Engine | None = None,
    on_item: Callable[[RawDocument | ReadProblem, str], None] | None = None,
    workers: int | None = None,
) -> BatchReport:
    """Import `items`; `workers` extraction processes (default: one per spare core)."""
    engine = engine or get_engine()
    started = time.perf_counter()
    places = prepare(engine)
    with write_session(engine) as session:
        run = ImportRun(origin=origin[:1024])
        session.add(run)
        session.commit()
        report = BatchReport(import_run_id=run.id)
    # Extraction runs ahead in worker processes (it is pure); storing stays in this one.
    for item, extraction in extract_all(items, _request, workers=workers):
        if isinstance(item, ReadProblem):
            report.failed.append({"location": item.location, "reason": item.reason})
            outcome = "failed"
        elif isinstance(extraction, str):
            report.failed.append({"location": item.location, "reason": extraction})
            outcome = "failed"
        else:
            try:
                stored = store_one(engine, item, extraction, places, report.import_run_id)
            except Exception as exc:  # one bad document must not stop the batch
                log.exception("failed to import %s", item.location)
                report.failed.append({"location": item.location, "reason": _reason(exc)})
                outcome = "failed"
            else:
                outcome = stored.outcome
                setattr(report, outcome, getattr(report, outcome) + 1)
                report.claims += stored.claims
                report.source_ids.append(stored.source_id)
                if stored.same_text_as is not None:
                    report.same_text.append(
                        {
                            "location": item.location,
                            "external_id": item.external_id,
                            "source_id": stored.source_id,
                            "source_external_id": stored.same_text_as,
                        }
                    )
        if on_item:
            on_item(item, outcome)
    report.seconds = time.perf_counter() - started
    with write_session(engine) as session:
        run = session.get(ImportRun, report.import_run_id)
        run.finished_at = utcnow()
        run.counts = report.counts
        run.errors = report.failed
        session.commit()
    return report


def reextract(
    engine: Engine | None = None,
    *,
    everything: bool = False,
    on_item: Callable[[int, str], None] | None = None,
) -> dict[str, int]:
    """Run the current extractor again over stored sources, each in its own transaction.

    By default only sources extracted by another extractor version are redone. The
    text and supplied metadata stay as they are; claims, mentions, body_end, the primary
    place and a publication date read from the text are replaced.
    """
    engine = engine or get_engine()
    places = prepare(engine)
    with Session(engine) as session:
        stmt = select(Source.id).order_by(Source.id)
        if not everything:
            stmt = stmt.where(
                or_(
                    Source.extractor_version.is_(None),
                    Source.extractor_version != EXTRACTOR_VERSION,
                )
            )
        source_ids = list(session.exec(stmt))
    done = failed = 0
    for source_id in source_ids:
        with Session(engine) as session:
            source = session.get(Source, source_id)
            supplied = source.published_origin == "metadata"
            extraction = extract(
                source.text,
                published=source.published_on if supplied else None,
                published_precision=source.published_precision if supplied else None,
                title=source.title,
                outlet=source.outlet,
            )

        def work(session: Session, source_id: int = source_id, extraction=extraction) -> int:
            events.source_removed(session, source_id)
            n = replace_extraction(session, session.get(Source, source_id), extraction, places)
            events.source_added(session, source_id)
            return n

        try:
            _retrying(engine, work, f"source {source_id}")
        except Exception:
            log.exception("failed to re-extract source %s", source_id)
            failed += 1
            outcome = "failed"
        else:
            done += 1
            outcome = "reextracted"
        if on_item:
            on_item(source_id, outcome)
    return {"reextracted": done, "failed": failed, "sources": len(source_ids)}
