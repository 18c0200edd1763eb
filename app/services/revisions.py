"""The audit trail: the one writer of revision rows, their lists, and the ETag of an
entity's editable state. Revisions are only ever added. Never commits."""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from app.errors import PreconditionFailed, PreconditionRequired
from app.list_params import RevisionFilters
from app.models.page import Page, PageParams
from app.models.revision import Revision, RevisionPublic
from app.services.paging import Ordering, SortKey, paginate


def _plain(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON")


def plain(state: dict[str, Any]) -> dict[str, Any]:
    """`state` as JSON values (dates as ISO strings), as stored in a revision."""
    return json.loads(json.dumps(state, default=_plain))


def etag(state: dict[str, Any]) -> str:
    """The strong ETag of an entity's editable state: any change to it changes the tag,
    and no version counter has to be kept in step by every writer."""
    canonical = json.dumps(state, default=_plain, sort_keys=True, separators=(",", ":"))
    return '"' + hashlib.sha256(canonical.encode()).hexdigest()[:32] + '"'


def check_version(state: dict[str, Any], if_match: str | None) -> None:
    """412 unless `if_match` names the current state (428 without one): two people who
    read the same version cannot both write over it."""
    if not if_match:
        raise PreconditionRequired(
            "Send the ETag from GET as `If-Match`, so a change made meanwhile is not lost."
        )
    current = etag(state)
    offered = [tag.strip().removeprefix("W/") for tag in if_match.split(",")]
    if current not in offered and "*" not in offered:
        raise PreconditionFailed(
            "Someone changed it since you read it: GET it again, check, and resend "
            f"with If-Match: {current}."
        )


def record(
    session: Session,
    by: str,
    entity_type: str,
    entity_id: int,
    action: str,
    before: dict[str, Any],
    after: dict[str, Any],
    reason: str,
) -> Revision:
    """Append a revision holding only the fields that changed (all, when none did: a
    confirmation records the state it confirmed)."""
    before, after = plain(before), plain(after)
    changed = [k for k in after if before.get(k) != after.get(k)] or list(after)
    row = Revision(
        made_by=by,
        entity_type=entity_type,
        entity_id=entity_id,
        action=action,
        before={k: before.get(k) for k in changed},
        after={k: after.get(k) for k in changed},
        reason=reason,
    )
    session.add(row)
    session.flush()
    return row


def public(row: Revision) -> RevisionPublic:
    return RevisionPublic(
        id=row.id,
        at=row.at,
        by=row.made_by,
        entity_type=row.entity_type,
        entity_id=row.entity_id,
        action=row.action,
        before=row.before,
        after=row.after,
        reason=row.reason,
    )


_ORDER = Ordering("id", (SortKey(Revision.id),))


def history(
    session: Session, entity: str, entity_id: int, page: PageParams
) -> Page[RevisionPublic]:
    """One entity's revisions, oldest first."""
    filters = RevisionFilters(
        entity=entity, entity_id=entity_id, limit=page.limit, cursor=page.cursor
    )
    return list_revisions(session, filters)


def list_revisions(session: Session, f: RevisionFilters) -> Page[RevisionPublic]:
    """Revisions matching `f`, oldest first."""
    stmt = sa.select(Revision)
    if f.entity:
        stmt = stmt.where(Revision.entity_type == f.entity)
    if f.entity_id is not None:
        stmt = stmt.where(Revision.entity_id == f.entity_id)
    if f.by:
        stmt = stmt.where(Revision.made_by == f.by)
    if f.since:
        stmt = stmt.where(Revision.at >= f.since)
    page = paginate(session, stmt, _ORDER, limit=f.limit, cursor=f.cursor, count=f.count)
    return Page(data=[public(r) for r in page.rows], **page.envelope())
