"""Run an import batch: one transaction per document, so nothing is ever half-imported.

This module owns the units of work of an import (the CLI and `claimdb seed` call it):
each document is extracted outside any transaction (in worker processes for large
batches, within a time budget), then stored and committed on its own. A document that
fails is rolled back and reported with its reason; the batch goes on. Lock waits (two
importers on one SQLite file) are absorbed by BEGIN IMMEDIATE with a busy timeout, plus a
retry here; a unique-key race with another importer is retried and then resolves to
"unchanged" or to the next version. A database that cannot take any more documents
(read-only, disk full, damaged) stops the batch at once: retrying cannot help, and every
later document would fail the same way.
"""

from __future__ import annotations

import logging
import os
import socket
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy import Engine, or_
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlmodel import Session, select

from app.config import settings
from app.db import database_fault, get_engine, write_session
from app.errors import DatabaseBusy, DatabaseFault
from app.extraction import EXTRACTOR_VERSION, Extraction
from app.extraction.registry import Additions
from app.ingest.types import RawDocument, ReadProblem
from app.models import ImportRun, Source
from app.models.base import utcnow
from app.services.additions import read_additions
from app.services.documents import (
    Stored,
    extract_arguments,
    extract_document,
    import_document,
    replace_extraction,
    stored_document,
)
from app.services.reapply import Reapplied
from app.services.reference import sync_reference
from app.services.store import place_ids
from app.workers import extract_all, process_ended

log = logging.getLogger("claimdb.import")
ATTEMPTS = 5
HOST = socket.gethostname()[:255]
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
    # New versions of a text: reviewed claims of the version before that could not be
    # carried over (app.services.reapply.carry), each with why.
    not_carried: list[dict[str, Any]] = field(default_factory=list)
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
            "not_carried": self.not_carried,
            "seconds": round(self.seconds, 3),
        }


def prepare(engine: Engine) -> tuple[dict[str, int], Additions]:
    """Sync the curated registry/gazetteer; returns the place slug -> id map and what
    editors added to them, for the extractions to come."""
    with write_session(engine) as session:
        sync_reference(session)
        session.commit()
        return place_ids(session), read_additions(session)


def _reason(exc: Exception) -> str:
    if isinstance(exc, DBAPIError) and exc.orig is not None:
        return f"database refused the document: {str(exc.orig).splitlines()[0]}"
    return f"{type(exc).__name__}: {exc}"


def _fatal(exc: Exception) -> DatabaseFault | None:
    """The fault that makes every later write fail too (not a lock wait), if it is one."""
    fault = exc if isinstance(exc, DatabaseFault) else database_fault(exc)
    return None if fault is None or isinstance(fault, DatabaseBusy) else fault


def _retrying(engine: Engine, work: Callable[[Session], T], what: str) -> T:
    """Run `work` in a write transaction and commit, retrying lock waits and key races."""
    for attempt in range(1, ATTEMPTS + 1):
        try:
            with write_session(engine) as session:
                result = work(session)
                session.commit()
                return result
        except (OperationalError, IntegrityError) as exc:
            if (fault := _fatal(exc)) is not None:
                raise fault from exc
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
        lambda session: import_document(
            session, raw, extraction, places=places, import_run_id=import_run_id
        ),
        raw.location,
    )


def _requests(additions: Additions) -> Callable[[RawDocument | ReadProblem], dict[str, Any] | None]:
    """extract()'s arguments per item: the additions go with every job, so worker
    processes extract with them too (they cache their indexes per additions)."""

    def request(item: RawDocument | ReadProblem) -> dict[str, Any] | None:
        return None if isinstance(item, ReadProblem) else extract_arguments(item, additions)

    return request


def mark_interrupted(engine: Engine) -> None:
    """Runs of this host that say `running` but whose process is gone (a killed importer
    runs no clean-up) become `interrupted`, with counts of what they stored. Runs of
    other hosts (one PostgreSQL, several machines) cannot be judged from here."""
    with write_session(engine) as session:
        runs = session.exec(
            select(ImportRun).where(ImportRun.status == "running", ImportRun.host == HOST)
        ).all()
        dead = [r for r in runs if r.pid is not None and process_ended(r.pid)]
        for run in dead:
            stored = session.execute(
                sa.select(Source.supersedes_id.is_(None), sa.func.count())
                .where(Source.import_run_id == run.id)
                .group_by(Source.supersedes_id.is_(None))
            ).all()
            by_kind = {bool(new): n for new, n in stored}
            run.status = "interrupted"
            run.finished_at = utcnow()
            run.counts = {"added": by_kind.get(True, 0), "superseded": by_kind.get(False, 0)}
            log.warning("import run %s was interrupted (process %s is gone)", run.id, run.pid)
        session.commit()


def _finish(engine: Engine, report: BatchReport, status: str) -> None:
    with write_session(engine) as session:
        run = session.get(ImportRun, report.import_run_id)
        run.status = status
        run.finished_at = utcnow()
        run.counts = report.counts
        run.errors = report.failed
        session.commit()


def run_import(
    items: Iterable[RawDocument | ReadProblem],
    *,
    origin: str,
    engine: Engine | None = None,
    on_item: Callable[[RawDocument | ReadProblem, str], None] | None = None,
    workers: int | None = None,
) -> BatchReport:
    """Import `items`; `workers` extraction processes (default: one per spare core).

    Raises a DatabaseFault (read-only, disk full, damaged) that stops the batch, saying
    how many documents were imported before it; the run is then `stopped`."""
    engine = engine or get_engine()
    started = time.perf_counter()
    places, additions = prepare(engine)
    mark_interrupted(engine)
    with write_session(engine) as session:
        run = ImportRun(origin=origin[:1024], host=HOST, pid=os.getpid())
        session.add(run)
        session.commit()
        report = BatchReport(import_run_id=run.id)
    budget = settings.extraction_seconds or None
    try:
        # Extraction runs ahead in worker processes (it is pure); storing stays in this one.
        requests = _requests(additions)
        for item, extraction in extract_all(items, requests, budget=budget, workers=workers):
            outcome = _import_one(engine, item, extraction, places, report)
            if on_item:
                on_item(item, outcome)
    except DatabaseFault as fault:
        report.seconds = time.perf_counter() - started
        report.failed.append({"location": "(import stopped)", "reason": fault.detail})
        unrecorded = ""
        try:  # a full disk may refuse this too; the next import then marks it interrupted
            _finish(engine, report, "stopped")
        except DBAPIError:
            # said in the fault's one line, not in a second one before it
            unrecorded = (
                f"; import run {report.import_run_id} could not be marked stopped"
                " (the next import marks it interrupted)"
            )
        imported = report.added + report.superseded
        raise type(fault)(
            f"{fault.detail}: {imported} documents imported, the rest not{unrecorded}"
        ) from None
    report.seconds = time.perf_counter() - started
    _finish(engine, report, "finished")
    return report


def _import_one(
    engine: Engine,
    item: RawDocument | ReadProblem,
    extraction: Extraction | str | None,
    places: dict[str, int],
    report: BatchReport,
) -> str:
    """Store one item of the batch and count it in `report`; returns its outcome."""
    if isinstance(item, ReadProblem):
        report.failed.append({"location": item.location, "reason": item.reason})
        return "failed"
    if not isinstance(extraction, Extraction):
        report.failed.append({"location": item.location, "reason": extraction or "not read"})
        return "failed"
    try:
        stored = store_one(engine, item, extraction, places, report.import_run_id)
    except DatabaseFault:
        raise
    except Exception as exc:  # one bad document must not stop the batch
        if (fault := _fatal(exc)) is not None:
            raise fault from exc
        log.exception("failed to import %s", item.location)
        report.failed.append({"location": item.location, "reason": _reason(exc)})
        return "failed"
    setattr(report, stored.outcome, getattr(report, stored.outcome) + 1)
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
    report.not_carried.extend(
        {"location": item.location, "source_id": stored.source_id, "reason": why}
        for why in stored.carried
    )
    return stored.outcome


def reextract(
    engine: Engine | None = None,
    *,
    everything: bool = False,
    on_item: Callable[[int, str], None] | None = None,
) -> dict[str, Any]:
    """Run the current extractor again over stored sources, each in its own transaction.

    By default only sources extracted by another extractor version are redone. The
    text and supplied metadata stay as they are; claims, mentions, body_end, the primary
    place and a publication date read from the text are replaced, except what people
    reviewed and corrected: that is applied again, and where the new extraction disagrees
    with a correction, the difference is listed in `disagreements`.
    """
    engine = engine or get_engine()
    places, additions = prepare(engine)
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
    done = failed = kept = 0
    disagreements: list[str] = []
    for source_id in source_ids:
        with Session(engine) as session:
            extraction = extract_document(
                stored_document(session.get(Source, source_id)), additions
            )

        def work(session: Session, source_id: int = source_id, extraction=extraction) -> Reapplied:
            return replace_extraction(session, session.get(Source, source_id), extraction, places)

        try:
            reapplied = _retrying(engine, work, f"source {source_id}")
        except DatabaseFault:
            raise
        except Exception:
            log.exception("failed to re-extract source %s", source_id)
            failed += 1
            outcome = "failed"
        else:
            done += 1
            outcome = "reextracted"
            kept += reapplied.kept
            disagreements += reapplied.disagreements
        if on_item:
            on_item(source_id, outcome)
    return {
        "reextracted": done,
        "failed": failed,
        "sources": len(source_ids),
        "reviewed_claims_kept": kept,
        "disagreements": disagreements,
    }
