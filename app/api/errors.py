"""Turn every error into an application/problem+json response; never leak internals."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DBAPIError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import compile_path

from app import errors
from app.api.deps import note_write
from app.api.problems import problem
from app.db import database_fault

log = logging.getLogger("claimdb.api")

# status and type slug for each domain error; subclasses inherit their parent's entry.
STATUS: dict[type[errors.ClaimdbError], tuple[int, str]] = {
    errors.NotFound: (404, "not-found"),
    errors.InvalidParameter: (422, "invalid-parameter"),
    errors.DocumentTooLarge: (413, "too-large"),
    errors.DocumentRejected: (422, "document-rejected"),
    errors.NotAuthenticated: (401, "not-authenticated"),
    errors.Forbidden: (403, "forbidden"),
    errors.UsageError: (400, "bad-request"),
    errors.UnsupportedMediaType: (415, "unsupported-media-type"),
    errors.PreconditionRequired: (428, "precondition-required"),
    errors.PreconditionFailed: (412, "precondition-failed"),
    errors.Conflict: (409, "conflict"),
    errors.DatabaseFault: (503, "database-unavailable"),
    errors.DatabaseBusy: (503, "database-busy"),
    errors.DatabaseReadOnly: (503, "database-read-only"),
    errors.DatabaseDamaged: (503, "database-damaged"),
    errors.SchemaMismatch: (503, "schema-mismatch"),
    errors.DiskFull: (507, "disk-full"),
}
# A busy database frees up in moments; the same request can simply be sent again.
RETRY_AFTER_SECONDS = 1


def problem_response(
    request: Request,
    status: int,
    slug: str,
    title: str,
    detail: str,
    headers: dict[str, str] | None = None,
    **extra: Any,
) -> JSONResponse:
    return problem(status, slug, title, detail, request.url.path, headers, **extra)


def _status_of(exc: errors.ClaimdbError) -> tuple[int, str]:
    for cls in type(exc).__mro__:
        if cls in STATUS:
            return STATUS[cls]
    return 400, "bad-request"


async def _domain_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, errors.ClaimdbError)
    status, slug = _status_of(exc)
    extra: dict[str, Any] = {}
    if isinstance(exc, errors.InvalidParameter):
        extra["errors"] = [
            {"parameter": exc.parameter, "location": exc.location, "message": exc.detail}
        ]
        extra["suggestions"] = exc.suggestions or None
    detail, headers = exc.detail, None
    if isinstance(exc, errors.DatabaseFault):  # their details are CLI lines: "error: the ..."
        detail = detail[:1].upper() + detail[1:] + "."
        if isinstance(exc, errors.DatabaseBusy):
            headers = {"Retry-After": str(RETRY_AFTER_SECONDS)}
    return problem_response(request, status, slug, exc.title, detail, headers, **extra)


def _parameter_errors(exc: RequestValidationError) -> list[dict[str, str]]:
    out = []
    for err in exc.errors():
        loc = list(err.get("loc", ()))
        where = str(loc[0]) if loc else "request"
        # a repeated parameter's position (event_type.0) is not part of its name
        name = ".".join(str(part) for part in loc[1:] if not isinstance(part, int)) or where
        out.append({"parameter": name, "location": where, "message": err.get("msg", "invalid")})
    return out


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    params = _parameter_errors(exc)
    detail = "; ".join(f"{p['parameter']}: {p['message']}" for p in params)
    return problem_response(
        request, 422, "invalid-parameter", "Invalid parameter", detail, errors=params
    )


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    slug = {404: "not-found", 405: "method-not-allowed"}.get(exc.status_code, "http-error")
    title = {404: "Not found", 405: "Method not allowed"}.get(exc.status_code, "HTTP error")
    detail = exc.detail if isinstance(exc.detail, str) else title
    if exc.status_code == 404 and detail == "Not Found":
        detail = f"Nothing at {request.url.path}."
    headers = dict(exc.headers or {})
    if exc.status_code == 405:
        headers["Allow"] = _allowed_methods(request) or headers.get("Allow", "")
        detail = f"{request.method} is not allowed here; use {headers['Allow']}."
    return problem_response(request, exc.status_code, slug, title, detail, headers)


def _allowed_methods(request: Request) -> str:
    """Every documented method at this path. RFC 9110 wants them all in Allow; Starlette
    names only those of the first route that matched (GET, not POST, for /sources)."""
    matching = {
        template: operations
        for template, operations in request.app.openapi()["paths"].items()
        if compile_path(template)[0].match(request.url.path)
    }
    # /claims/facets is that path, not a claim id of /claims/{claim_id}
    literal = {t: ops for t, ops in matching.items() if "{" not in t}
    methods = {method.upper() for ops in (literal or matching).values() for method in ops}
    return ", ".join(sorted(methods))


async def _database_error(request: Request, exc: Exception) -> JSONResponse:
    """A database error a person can act on is named (503/507); any other is a 500."""
    fault = database_fault(exc)
    if fault is None:
        return await _unexpected(request, exc)
    log.warning("%s on %s %s: %s", fault.title, request.method, request.url.path, exc)
    note_write(fault)
    return await _domain_error(request, fault)


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unhandled error on %s %s", request.method, request.url.path)
    return problem_response(
        request,
        500,
        "internal",
        "Internal error",
        "The server failed to answer this request; it has been logged.",
    )


def install(app: FastAPI) -> None:
    app.add_exception_handler(errors.ClaimdbError, _domain_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(DBAPIError, _database_error)
    app.add_exception_handler(Exception, _unexpected)
