"""RFC 9457 problem details: the one error shape every endpoint answers with, and its one
writer (for the exception handlers, the middleware and the HTTP protocol alike)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field
from starlette.responses import JSONResponse

PROBLEM_MEDIA_TYPE = "application/problem+json"


class ParameterError(BaseModel):
    parameter: str = Field(description="Name of the offending parameter or body field.")
    location: str = Field(description="query, path, header or body.")
    message: str


class Problem(BaseModel):
    """An error, as RFC 9457 problem details (media type application/problem+json)."""

    type: str = Field(description="URI identifying the problem type.")
    title: str = Field(description="Short summary of the problem type.")
    status: int = Field(description="HTTP status code.")
    detail: str = Field(description="What went wrong with this request, for a person.")
    instance: str | None = Field(default=None, description="The request path.")
    errors: list[ParameterError] | None = Field(
        default=None, description="For 422: every parameter that was rejected."
    )
    suggestions: list[str] | None = Field(
        default=None, description="For unknown names: close names that do exist."
    )


def problem_type(slug: str) -> str:
    return f"https://claimdb.dev/problems/{slug}"


def problem(
    status: int,
    slug: str,
    title: str,
    detail: str,
    instance: str,
    headers: dict[str, str] | None = None,
    **extra: Any,
) -> JSONResponse:
    """The problem+json response; `instance` is the request path ("" when there is none)."""
    body = Problem(
        type=problem_type(slug),
        title=title,
        status=status,
        detail=detail,
        instance=instance,
        **extra,
    )
    headers = dict(headers or {})
    if status == 401:
        headers["WWW-Authenticate"] = "Bearer"
    return JSONResponse(
        body.model_dump(exclude_none=True),
        status_code=status,
        media_type=PROBLEM_MEDIA_TYPE,
        headers=headers,
    )


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses=` entries for the given error statuses, with an example each."""
    examples = {
        401: ("not-authenticated", "Not authenticated", "Send Authorization: Bearer <key>."),
        403: ("forbidden", "Forbidden", "This needs an editor key; 'ana' is a reader key."),
        412: (
            "precondition-failed",
            "Precondition failed",
            "Someone changed it since you read it: GET it again, check, and resend.",
        ),
        404: ("not-found", "Not found", "No claim with id 999999."),
        409: ("conflict", "Conflict", "Actor 12 was merged into actor 3: change that one."),
        413: ("too-large", "Payload too large", "The document is 3.1 MB; the limit is 2.0 MB."),
        414: ("uri-too-long", "URI too long", "The query string is over 8192 bytes."),
        415: ("unsupported-media-type", "Unsupported media type", "Send application/json."),
        422: ("invalid-parameter", "Invalid parameter", "limit: must be at most 500."),
        428: (
            "precondition-required",
            "Precondition required",
            "Send the ETag from GET as `If-Match`, so a change made meanwhile is not lost.",
        ),
        503: (
            "database-busy",
            "Database busy",
            "The database is busy with another write; retry shortly.",
        ),
        507: ("disk-full", "Disk full", "The disk is full."),
    }
    out: dict[int | str, dict[str, Any]] = {}
    for status in statuses:
        slug, title, detail = examples[status]
        out[status] = {
            "model": Problem,
            "description": title,
            "content": {
                PROBLEM_MEDIA_TYPE: {
                    "example": {
                        "type": problem_type(slug),
                        "title": title,
                        "status": status,
                        "detail": detail,
                        "instance": "/claims",
                    }
                }
            },
        }
    return out
