"""Reading import runs."""

from __future__ import annotations

from sqlmodel import Session, select

from app.errors import NotFound
from app.models import ImportRun, ImportRunPublic
from app.models.filters import ImportFilters
from app.models.page import Page
from app.services.paging import Ordering, SortKey, paginate

NEWEST_FIRST = Ordering("-id", (SortKey(ImportRun.id, descending=True),))


def list_imports(session: Session, filters: ImportFilters) -> Page[ImportRunPublic]:
    page = paginate(
        session, select(ImportRun), NEWEST_FIRST, limit=filters.limit, cursor=filters.cursor
    )
    return Page(
        data=[ImportRunPublic.model_validate(r) for r in page.rows],
        count=page.count,
        next=page.next,
    )


def get_import(session: Session, run_id: int) -> ImportRunPublic:
    run = session.get(ImportRun, run_id)
    if run is None:
        raise NotFound("import run", run_id)
    return ImportRunPublic.model_validate(run)
