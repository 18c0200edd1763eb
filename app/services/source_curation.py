"""What people change about a source: its metadata (PATCH), and the soft delete an admin
can undo. Each change appends a revision; events follow. Never commits."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session

from app.errors import NotFound
from app.models import Source
from app.models.base import utcnow
from app.services import events, revisions

# the metadata a person may correct, as its column names
EDITABLE = ("title", "author", "outlet", "url", "published_on", "published_precision")


def load(session: Session, source_id: int, *, for_update: bool = False) -> Source:
    source = session.get(Source, source_id, with_for_update=for_update or None)
    if source is None:
        raise NotFound("source", source_id)
    return source


def state(source: Source) -> dict[str, Any]:
    """What a person can change about `source`: its ETag is computed from this."""
    return {
        **{k: getattr(source, k) for k in EDITABLE},
        "deleted_at": source.deleted_at,
    }


def delete(session: Session, source_id: int, by: str, reason: str) -> Source:
    """Take the source and its claims out of every list, facet, event and export; the
    rows stay, and `restore` brings them back. Deleting a deleted source changes nothing."""
    source = load(session, source_id, for_update=True)
    if source.deleted_at is not None:
        return source
    before = state(source)
    events.source_removed(session, source_id)
    source.deleted_at = utcnow()
    session.flush()
    revisions.record(session, by, "source", source_id, "delete", before, state(source), reason)
    return source


def restore(session: Session, source_id: int, by: str, reason: str) -> Source:
    """Undo `delete`; restoring a source that is not deleted changes nothing."""
    source = load(session, source_id, for_update=True)
    if source.deleted_at is None:
        return source
    before = state(source)
    source.deleted_at = None
    session.flush()
    events.source_added(session, source_id)
    revisions.record(session, by, "source", source_id, "restore", before, state(source), reason)
    return source
