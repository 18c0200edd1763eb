"""What people change about a source: its metadata (PATCH), and the soft delete an admin
can undo. Each change appends a revision; events follow. Never commits."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session

from app.errors import InvalidParameter, NotFound
from app.models import Source
from app.models.base import utcnow
from app.models.corrections import SourcePatch
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


def correct(
    session: Session, source_id: int, patch: SourcePatch, by: str, if_match: str | None
) -> Source:
    """Apply `patch` to the source's metadata if `if_match` is its current version. The
    fields set are kept in `corrected_fields`; a corrected publication date counts as
    supplied metadata, which re-extraction never replaces with one read from the text."""
    source = load(session, source_id, for_update=True)
    before = state(source)
    revisions.check_version(before, if_match)
    values = {k: getattr(patch, k) for k in patch.model_fields_set - {"reason"}}
    if "published_on" in values and "published_precision" not in values:
        values["published_precision"] = "day" if values["published_on"] else "unknown"
    dated = values.get("published_on", source.published_on) is not None
    if dated == (values.get("published_precision", source.published_precision) == "unknown"):
        raise InvalidParameter(
            "published_precision",
            "published_precision: is `unknown` exactly when published_on is null.",
            location="body",
        )
    changed = {k: v for k, v in values.items() if before[k] != v}
    if not changed:
        raise InvalidParameter(
            "reason",
            "reason: the patch changes nothing: send the fields to correct.",
            location="body",
        )
    for key, value in changed.items():
        setattr(source, key, value)
    if {"published_on", "published_precision"} & set(changed):
        source.published_origin = "metadata" if source.published_on else "none"
    source.corrected_fields = sorted(set(source.corrected_fields or ()) | set(changed))
    session.flush()
    revisions.record(
        session, by, "source", source_id, "correct", before, state(source), patch.reason
    )
    if source.deleted_at is None:  # the outlet and date are part of how claims are linked
        events.source_removed(session, source_id)
        events.source_added(session, source_id)
    return source


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
