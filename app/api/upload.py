"""Reading a document from an HTTP request: JSON or a multipart file, within a size limit."""

from __future__ import annotations

import json
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from starlette.exceptions import HTTPException

from app.config import settings
from app.errors import DocumentRejected, DocumentTooLarge, UnsupportedMediaType
from app.ingest import RawDocument, content_sha256, decode
from app.ingest.dates import parse_published


def _megabytes(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB"


class SourceCreate(BaseModel):
    """A document to import. Only `text` is required."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, description="The article text; stored exactly as sent.")
    title: str | None = Field(None, max_length=1000)
    outlet: str | None = Field(None, max_length=256, examples=["reuters"])
    url: str | None = Field(
        None, max_length=2000, description="Where it was published: an http(s) URL."
    )
    author: str | None = Field(None, max_length=256)
    published: str | None = Field(
        None, description="Publication date: YYYY-MM-DD, YYYY-MM or YYYY.", examples=["2016-11-27"]
    )
    external_id: str | None = Field(
        None, max_length=512, description="Your id for it; defaults to a hash of the text."
    )

    @field_validator("text")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("text is empty")
        return value

    @field_validator("text", "title", "outlet", "url", "author", "published", "external_id")
    @classmethod
    def _storable(cls, value: str | None) -> str | None:
        # JSON can carry what no database stores: NUL (PostgreSQL refuses it in text) and
        # lone surrogates ("\ud800"), which are not Unicode text and cannot be encoded.
        if value is None:
            return value
        if "\x00" in value:
            raise ValueError("contains NUL characters")
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise ValueError(
                f"is not valid Unicode text (lone surrogate at character {exc.start})"
            ) from None
        return value

    @field_validator("url")
    @classmethod
    def _web_address(cls, value: str | None) -> str | None:
        # stored and shown as a link: "javascript:..." or "data:..." must not be one
        if value is not None:
            parts = urlsplit(value)
            if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
                raise ValueError("must be an http:// or https:// URL")
        return value

    @field_validator("published")
    @classmethod
    def _date(cls, value: str | None) -> str | None:
        if value is not None:
            parse_published(value)
        return value

    def document(self, encoding: str = "utf-8") -> RawDocument:
        published: tuple[date | None, str | None] = (None, None)
        if self.published:
            published = parse_published(self.published)
        return RawDocument(
            text=self.text,
            external_id=self.external_id or f"sha256:{content_sha256(self.text)[:16]}",
            origin="http",
            location="request body",
            encoding=encoding,
            title=self.title,
            author=self.author,
            outlet=self.outlet,
            url=self.url,
            published=published[0],
            published_precision=published[1],
        )


# JSON may spell one byte of text as six ("\u0627" for the two bytes of an Arabic letter,
# "\u0001" for one): the size limit is for the document, not for its escaping, so a JSON
# body may be this many times the limit. The document itself is measured once decoded.
JSON_ESCAPING = 6
FRAMING = 64_000  # room for multipart headers and the other fields


async def _read_body(request: Request, cap: int) -> bytes:
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > cap:
        raise DocumentTooLarge(
            f"The request is {_megabytes(int(declared))}; the limit is "
            f"{_megabytes(settings.max_document_bytes)} of text."
        )
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > cap:
            raise DocumentTooLarge(
                f"The request is over {_megabytes(cap)}; the limit is "
                f"{_megabytes(settings.max_document_bytes)} of text."
            )
        chunks.append(chunk)
    return b"".join(chunks)


def _replaying(request: Request, body: bytes) -> Request:
    """`request` with `body`, already read from it, to be read again (by .form())."""

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": body, "more_body": False}

    return Request(request.scope, receive)


def _invalid(field: str, message: str) -> RequestValidationError:
    return RequestValidationError([{"loc": ("body", field), "msg": message, "type": "value_error"}])


def _check_size(text_bytes: int) -> None:
    if text_bytes > settings.max_document_bytes:
        raise DocumentTooLarge(
            f"The document is {_megabytes(text_bytes)}; "
            f"the limit is {_megabytes(settings.max_document_bytes)}."
        )


async def document_from_request(request: Request) -> RawDocument:
    """The document in a JSON body or a multipart `file` part; errors name the field."""
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    limit = settings.max_document_bytes
    cap = limit * JSON_ESCAPING if content_type == "application/json" else limit
    body = await _read_body(request, cap + FRAMING)
    if content_type == "application/json":
        try:
            payload: Any = json.loads(body)
        except (ValueError, UnicodeDecodeError) as exc:
            raise _invalid("body", f"not valid JSON: {exc}") from None
        except RecursionError:  # "[[[[...": deeper than the parser goes
            raise _invalid("body", "not valid JSON: nested too deeply") from None
        try:
            create = SourceCreate.model_validate(payload)
        except ValidationError as exc:
            raise RequestValidationError(
                [{**e, "loc": ("body", *e["loc"])} for e in exc.errors(include_url=False)]
            ) from None
        _check_size(len(create.text.encode("utf-8")))
        return create.document()
    if content_type == "multipart/form-data":
        try:
            form = await _replaying(request, body).form()
        except HTTPException as exc:  # Starlette's 400 for a malformed multipart body
            raise _invalid("body", f"not a valid multipart body: {exc.detail}") from None
        upload = form.get("file")
        if upload is None or isinstance(upload, str):
            raise _invalid("file", "a multipart upload needs a `file` part")
        data = await upload.read()
        _check_size(len(data))
        try:
            text, encoding = decode(data)
        except DocumentRejected as exc:
            raise _invalid("file", exc.detail) from None
        fields = {k: v for k, v in form.items() if k != "file" and isinstance(v, str)}
        fields.setdefault("external_id", upload.filename or None)
        try:
            create = SourceCreate.model_validate({**fields, "text": text})
        except ValidationError as exc:
            raise RequestValidationError(
                [{**e, "loc": ("body", *e["loc"])} for e in exc.errors(include_url=False)]
            ) from None
        return create.document(encoding)
    raise UnsupportedMediaType(
        f"Content-Type {content_type or '(none)'} is not accepted: send application/json "
        "or multipart/form-data with a `file` part."
    )


REQUEST_BODY_DOC: dict[str, Any] = {
    "required": True,
    "content": {
        "application/json": {
            "schema": SourceCreate.model_json_schema(),
            "example": {
                "text": "Syrian troops retook the Hanano district on Saturday, state media said.",
                "title": "Army retakes Hanano",
                "outlet": "example",
                "published": "2016-11-27",
            },
        },
        "multipart/form-data": {
            "schema": {
                "type": "object",
                "required": ["file"],
                "properties": {
                    "file": {
                        "type": "string",
                        "contentMediaType": "text/plain",
                        "description": "The article as a plain-text file: UTF-8 (with or "
                        "without BOM), UTF-16 or UTF-32 with a BOM, or cp1252. Anything else "
                        "(binary content such as a PDF or an image, NUL bytes, undecodable "
                        "bytes, only whitespace) is refused with a 422 naming `file`.",
                    },
                    **{
                        k: {"type": "string"}
                        for k in ("title", "outlet", "url", "author", "published", "external_id")
                    },
                },
            },
            "encoding": {"file": {"contentType": "text/plain"}},
        },
    },
}
