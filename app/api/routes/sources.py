"""/sources: the imported documents."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from app.api.deps import (
    AdminDep,
    Editor,
    EditorDep,
    Reader,
    SessionDep,
    WriteSessionDep,
    brief_session,
    note_write,
    write_slot,
)
from app.api.headers import SourceIfMatch
from app.api.links import with_next_url
from app.api.patch import read_patch, request_body
from app.api.problems import problem_responses
from app.api.routes.claims import EXPORT_RESPONSES, claim_list
from app.api.upload import REQUEST_BODY_DOC, document_from_request
from app.api.writes import committed
from app.extraction import Extraction
from app.extraction.registry import Additions
from app.ingest import RawDocument
from app.list_params import SourceFilters
from app.models import ClaimPublic, RevisionPublic, Source, SourceDetail, SourcePublic
from app.models.corrections import SOURCE_PATCH_EXAMPLES, ReasonBody, SourcePatch
from app.models.event import SourceFraming
from app.models.page import Page, PageParams
from app.params import ClaimListParams
from app.services import framing, revisions, source_curation, sources
from app.services.additions import current_additions
from app.services.documents import Stored, extract_document, import_document
from app.services.entities import require

# Every /sources route takes a key when one is configured (reads: CLAIMDB_READ_KEY).
router = APIRouter(prefix="/sources", tags=["sources"], responses=problem_responses(401, 414))

SourceId = Annotated[int, Path(ge=1, le=2**31 - 1, description="Source id.", examples=[1])]


@router.get("", summary="List sources", dependencies=[Reader], responses=problem_responses(422))
def list_sources(
    request: Request, session: SessionDep, filters: Annotated[SourceFilters, Query()]
) -> Page[SourcePublic]:
    """Imported documents, oldest import first, without their text (fetch one source for it).

    Each item says where its publication date came from (`published_origin`), how precise it
    is, and the primary place of its events.
    """
    return with_next_url(request, sources.list_sources(session, filters))


@router.get(
    "/{source_id}",
    summary="Get one source",
    dependencies=[Reader],
    responses=problem_responses(404, 422),
)
def get_source(session: SessionDep, source_id: SourceId, response: Response) -> SourceDetail:
    """One document with its full text, exactly as imported, and every mention found in it.

    Every `char_start`/`char_end` in claimdb is an offset into this `text`:
    `text[char_start:char_end]` is the mention's `surface`. The `ETag` header names this
    version of its metadata, for `PATCH /sources/{id}`.
    """
    detail = sources.get_source(session, source_id)
    response.headers["ETag"] = revisions.etag(
        source_curation.state(source_curation.load(session, source_id))
    )
    return detail


@router.patch(
    "/{source_id}",
    summary="Correct a source's metadata",
    openapi_extra={"requestBody": request_body(SourcePatch, SOURCE_PATCH_EXAMPLES)},
    responses=problem_responses(403, 404, 412, 413, 415, 422, 428, 503),
)
async def patch_source(
    request: Request,
    session: WriteSessionDep,
    who: EditorDep,
    source_id: SourceId,
    response: Response,
    if_match: SourceIfMatch = None,
) -> SourcePublic:
    """Correct `title`, `author`, `outlet`, `url`, `published_on` and `published_precision`
    (a JSON merge patch with a `reason`; the text itself never changes). Needs an
    **editor** key and `If-Match` (428 without, 412 when stale). The fields set are listed
    in `corrected_fields`; re-extraction keeps them (a corrected date counts as supplied
    metadata). Every change is in `GET /sources/{id}/history`."""
    patch = await read_patch(request, SourcePatch)

    def change() -> tuple[SourcePublic, str]:
        source = source_curation.correct(session, source_id, patch, who.name, if_match)
        public = sources.list_by_ids(session, [source.id])[0]
        return public, revisions.etag(source_curation.state(source))

    public, etag = await committed(session, change)
    response.headers["ETag"] = etag
    return public


@router.post(
    "",
    summary="Import a document",
    status_code=201,
    dependencies=[Editor],
    openapi_extra={"requestBody": REQUEST_BODY_DOC},
    responses={
        200: {"model": SourcePublic, "description": "The same content was already imported."},
        201: {"description": "Imported; `Location` points at the new source."},
        **problem_responses(401, 403, 413, 415, 422, 503, 507),
    },
)
async def create_source(request: Request, session: WriteSessionDep) -> JSONResponse:
    """Import one document and extract its claims, in one transaction.

    Send JSON (`text` required; `title`, `outlet`, `url`, `author`, `published`,
    `external_id` optional) or a multipart upload with a `file` part (UTF-8, UTF-16 with a
    byte-order mark, or cp1252) and the same optional fields. Needs an **editor** key
    (`claimdb keys create`, or CLAIMDB_API_KEY) as `Authorization: Bearer <key>`; a server
    with no key at all is read-only (403).

    Answers **201** with the new source, or **200** with the existing one when the same
    content was imported before (nothing is written). A new text under a known
    `external_id` is stored as a new version that supersedes the old one; the reviews and
    corrections of the old version's claims are carried over to the claims whose words
    (and every corrected span) read the same in the new text, with a `carry` revision in
    each claim's history. The import command lists those it could not carry.

    A **503** with `Retry-After` means the server was busy with other writes for longer
    than it waits (CLAIMDB_WRITE_WAIT_MS, for a turn and again for the database's lock)
    or the database cannot be written (read-only, damaged); nothing was stored, and
    sending the same document again is safe: the same content is never stored twice.
    **507**: the server's disk is full.
    """
    raw = await document_from_request(request)
    # Extraction needs no database, so it runs before the turn to write is taken: the
    # turn is held only for storing. Both run in a worker thread, so that the event loop
    # keeps answering other requests meanwhile (a write may wait for the lock). What
    # editors added to the actors and places is read first and handed to it.
    additions = await run_in_threadpool(_additions, request)
    extraction = await run_in_threadpool(extract_document, raw, additions)
    async with write_slot():
        stored, public = await run_in_threadpool(_store, session, raw, extraction)
    return JSONResponse(
        jsonable_encoder(public),
        status_code=200 if stored.outcome == "unchanged" else 201,
        # a path, not a URL: the Host header is the client's to choose, not ours to echo
        headers={"Location": request.url_for("get_source", source_id=stored.source_id).path},
    )


def _additions(request: Request) -> Additions:
    with brief_session(request) as session:
        return current_additions(session)


def _store(
    session: Session, raw: RawDocument, extraction: Extraction
) -> tuple[Stored, SourcePublic]:
    """Import and read the answer in one transaction, so the answer is exactly what was
    committed. A unique-key race with a concurrent upload of the same text (PostgreSQL
    waits for the other transaction, then refuses) is run once more, and then finds that
    text: 200, not an error."""
    for attempt in (1, 2):
        try:
            stored = import_document(session, raw, extraction)
            public = sources.list_by_ids(session, [stored.source_id])[0]
            session.commit()
            note_write(None)
            return stored, public
        except IntegrityError:
            session.rollback()
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


@router.get(
    "/{source_id}/claims",
    summary="Claims in this source",
    response_model=Page[ClaimPublic],
    dependencies=[Reader],
    responses={**EXPORT_RESPONSES, **problem_responses(404)},
)
def source_claims(
    request: Request,
    session: SessionDep,
    source_id: SourceId,
    params: Annotated[ClaimListParams, Query()],
) -> Any:
    """Claims made in this source, in text order with `sort=id`. Takes every /claims filter, paging and `format`."""
    require(session, Source, source_id)  # 404 before filtering
    return claim_list(request, session, params, source_id=source_id)


@router.get(
    "/{source_id}/framing",
    summary="The words this source uses for each actor",
    dependencies=[Reader],
    responses=problem_responses(404, 422),
)
def source_framing(session: SessionDep, source_id: SourceId) -> SourceFraming:
    """Per actor named in this source, the framing words used around its name
    ("terrorists", "rebels", "regime", "liberated"...), with counts and the first span
    of each (offsets into the source's text). Reader comments are not counted."""
    return framing.source_framing(session, source_id)


REASON_BODY = request_body(
    ReasonBody, {"reason": {"summary": "Why", "value": {"reason": "A duplicate of source 12."}}}
)


@router.delete(
    "/{source_id}",
    summary="Delete a source (an admin; it can be restored)",
    openapi_extra={"requestBody": REASON_BODY},
    responses=problem_responses(403, 404, 413, 415, 422, 503),
)
async def delete_source(
    request: Request, session: WriteSessionDep, who: AdminDep, source_id: SourceId
) -> SourcePublic:
    """A soft delete: the source and its claims leave every list, facet, event and export,
    and nothing is erased (`POST /sources/{id}/restore` brings them back; `GET
    /sources/{id}` still answers, with `deleted_at`). Needs an **admin** key and a JSON
    body with the `reason`, kept in the audit trail. Deleting it again changes nothing."""
    body = await read_patch(request, ReasonBody)
    return await _change(session, source_curation.delete, source_id, who.name, body.reason)


@router.post(
    "/{source_id}/restore",
    summary="Restore a deleted source (an admin)",
    openapi_extra={"requestBody": REASON_BODY},
    responses=problem_responses(403, 404, 413, 415, 422, 503),
)
async def restore_source(
    request: Request, session: WriteSessionDep, who: AdminDep, source_id: SourceId
) -> SourcePublic:
    """Bring a deleted source and its claims back into the lists, and link its claims to
    events again. Needs an **admin** key and a `reason`. A source that is not deleted is
    left as it is."""
    body = await read_patch(request, ReasonBody)
    return await _change(session, source_curation.restore, source_id, who.name, body.reason)


async def _change(session: Session, change: Any, *args: Any) -> SourcePublic:
    def run() -> SourcePublic:
        try:
            source = change(session, *args)
            public = sources.list_by_ids(session, [source.id])[0]
            session.commit()
        except Exception:
            session.rollback()
            raise
        note_write(None)
        return public

    async with write_slot():
        return await run_in_threadpool(run)


@router.get(
    "/{source_id}/history",
    summary="Every change made to a source",
    dependencies=[Reader],
    responses=problem_responses(404, 422),
)
def source_history(
    session: SessionDep, source_id: SourceId, page: Annotated[PageParams, Query()]
) -> Page[RevisionPublic]:
    """The source's revisions (corrections, deletes, restores), oldest first."""
    require(session, Source, source_id)
    return revisions.history(session, "source", source_id, page)
