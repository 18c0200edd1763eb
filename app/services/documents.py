"""One document: what extraction is given for it, and its import, which is the unit of
work the upload route and each document of an import batch commit: the source, its
claims, and their events and relations. Never commits.

The same content is never stored twice; a new text under a known external_id is stored
as a new version that supersedes the latest one (which stays readable).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

import sqlalchemy as sa
from sqlmodel import Session

from app.extraction import Extraction, extract
from app.extraction.registry import Additions
from app.ingest.types import RawDocument, content_sha256
from app.models import Source
from app.services import events
from app.services.reapply import Reapplied, carry, keep, reapply
from app.services.reference import sync_once
from app.services.store import clear_extraction, place_ids, write_extraction

Outcome = Literal["added", "unchanged", "superseded"]


@dataclass(frozen=True, slots=True)
class Stored:
    outcome: Outcome
    source_id: int
    claims: int = 0
    # "unchanged" because another document (this external_id) already has the same text
    same_text_as: str | None = None
    # a new version: the earlier version's reviewed claims that could not be carried over
    carried: list[str] = field(default_factory=list)


def extract_arguments(raw: RawDocument, additions: Additions | None = None) -> dict[str, Any]:
    """extract()'s arguments for `raw`: its text and the metadata that guides extraction,
    with what editors added to the registry (app.services.additions)."""
    return {
        "text": raw.text,
        "published": raw.published,
        "published_precision": raw.published_precision,
        "title": raw.title,
        "outlet": raw.outlet,
        "additions": additions,
    }


def extract_document(raw: RawDocument, additions: Additions | None = None) -> Extraction:
    return extract(**extract_arguments(raw, additions))


def stored_document(source: Source) -> RawDocument:
    """`source` as the document it was read from; a publication date it got from its own
    text is left out, so that extraction reads it again."""
    supplied = source.published_origin == "metadata"
    return RawDocument(
        text=source.text,
        external_id=source.external_id,
        origin=source.origin,
        location=f"source {source.id}",
        encoding=source.encoding,
        title=source.title,
        author=source.author,
        outlet=source.outlet,
        url=source.url,
        published=source.published_on if supplied else None,
        published_precision=source.published_precision if supplied else None,
        extra=dict(source.extra or {}),
    )


def published_fields(
    supplied: date | None, supplied_precision: str | None, extraction: Extraction
) -> dict[str, object]:
    """The source's publication date: supplied metadata always wins over the text."""
    if supplied is not None:
        return {
            "published_on": supplied,
            "published_origin": "metadata",
            "published_precision": supplied_precision or "day",
        }
    if extraction.published is not None:
        return {
            "published_on": extraction.published.value,
            "published_origin": "text",
            "published_precision": extraction.published.precision,
        }
    return {"published_on": None, "published_origin": "none", "published_precision": "unknown"}


def import_document(
    session: Session,
    raw: RawDocument,
    extraction: Extraction,
    *,
    places: dict[str, int] | None = None,
    import_run_id: int | None = None,
) -> Stored:
    """Store `raw` and its extraction unless its content is already here.

    `places` is the gazetteer's slug -> id map, for a batch that read it once after
    syncing the curated data; without it, the curated data is synced (once per process)
    and the map read here."""
    if places is None:
        sync_once(session)
        places = place_ids(session)
    sha = content_sha256(raw.text)
    existing = session.execute(
        sa.select(Source.id, Source.external_id).where(Source.content_sha256 == sha)
    ).first()
    if existing is not None:
        other = existing.external_id if existing.external_id != raw.external_id else None
        return Stored("unchanged", existing.id, same_text_as=other)
    latest = session.execute(
        sa.select(Source.id, Source.version)
        .where(Source.origin == raw.origin, Source.external_id == raw.external_id)
        .order_by(Source.version.desc())
        .limit(1)
    ).first()
    source = Source(
        origin=raw.origin,
        external_id=raw.external_id,
        title=raw.title,
        author=raw.author,
        outlet=raw.outlet,
        url=raw.url,
        text=raw.text,
        encoding=raw.encoding,
        content_sha256=sha,
        extra=dict(raw.extra),
        import_run_id=import_run_id,
        version=latest.version + 1 if latest else 1,
        supersedes_id=latest.id if latest else None,
        **published_fields(raw.published, raw.published_precision, extraction),
    )
    session.add(source)
    session.flush()
    claims = write_extraction(session, source, extraction, places)
    carried = Reapplied()
    if latest:
        previous = session.get(Source, latest.id)
        assert previous is not None
        carried = carry(session, previous, source)
    events.source_added(session, source.id)
    return Stored(
        "superseded" if latest else "added", source.id, claims, carried=carried.disagreements
    )


def replace_extraction(
    session: Session, source: Source, extraction: Extraction, places: dict[str, int]
) -> Reapplied:
    """Swap the stored extraction of `source` for `extraction` (after the extractor changed).
    What people reviewed and corrected is applied again (app.services.reapply), and the
    source's events and relations are linked again."""
    events.source_removed(session, source.id)
    kept = keep(session, source.id)
    clear_extraction(session, source.id)
    if source.published_origin != "metadata":
        for field, value in published_fields(None, None, extraction).items():
            setattr(source, field, value)
    write_extraction(session, source, extraction, places)
    done = reapply(session, source, kept)
    if source.deleted_at is None:
        events.source_added(session, source.id)
    return done
