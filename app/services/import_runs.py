"""Reading import runs (the records an import batch keeps: app.importer writes them)."""

from __future__ import annotations

import re
from typing import Any

from sqlmodel import Session, select

from app.errors import NotFound
from app.list_params import ImportFilters
from app.models import ImportRun, ImportRunPublic
from app.models.page import Page
from app.services.paging import Ordering, SortKey, paginate

NEWEST_FIRST = Ordering("-id", (SortKey(ImportRun.id, descending=True),))


# Up to the last "/" of every word: the folders of the importing machine are not the
# readers' business (file names are, to match failures with files).
_FOLDERS = re.compile(r"\S*/")


def _public(run: ImportRun) -> ImportRunPublic:
    def strip(text: Any) -> Any:
        return _FOLDERS.sub("", text) if isinstance(text, str) else text

    public = ImportRunPublic.model_validate(run)
    public.origin = strip(public.origin)
    public.errors = [{k: strip(v) for k, v in error.items()} for error in public.errors]
    return public


def list_imports(session: Session, filters: ImportFilters) -> Page[ImportRunPublic]:
    page = paginate(
        session,
        select(ImportRun),
        NEWEST_FIRST,
        limit=filters.limit,
        cursor=filters.cursor,
        count=filters.count,
    )
    return Page(data=[_public(r) for r in page.rows], **page.envelope())


def get_import(session: Session, run_id: int) -> ImportRunPublic:
    run = session.get(ImportRun, run_id)
    if run is None:
        raise NotFound("import run", run_id)
    return _public(run)
