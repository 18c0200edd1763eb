"""JSON Lines exports: one JSON object per line, with our field names as keys.

`text` is required; `external_id`, `title`, `author`, `outlet`, `url`, `published`
(YYYY-MM-DD, YYYY-MM or YYYY) and `published_precision` are optional; other keys are
kept in `extra`. Blank lines are skipped. As with CSV rows and manifest entries, an object
with metadata that cannot be read is reported and not imported.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from app.errors import DocumentRejected
from app.ingest.dates import parse_published, resolve_precision
from app.ingest.decode import as_legacy, check_text, open_stream, size_text, too_large, unreadable
from app.ingest.types import (
    Item,
    RawDocument,
    ReadProblem,
    external_id,
    extra_value,
    optional_text,
    type_name,
)

_TEXT_KEYS = ("title", "author", "outlet", "url")
_KNOWN = {"text", "external_id", "published", "published_precision", *_TEXT_KEYS}
# JSON may spell a character as a 6-character escape, so a line can be up to 6 times
# longer than the text it holds, plus its metadata. Longer lines are skipped unread.
_ESCAPE_FACTOR = 6
_METADATA_ROOM = 65_536


def read_jsonl(path: Path, *, max_bytes: int) -> Iterator[Item]:
    where = str(path)
    try:
        stream, encoding = open_stream(path, newline="\n")
    except (DocumentRejected, OSError) as exc:
        yield ReadProblem(where, unreadable(exc))
        return
    limit = _ESCAPE_FACTOR * max_bytes + _METADATA_ROOM
    with stream:
        line_no = 0
        while line := stream.readline(limit):
            line_no += 1
            location = f"{where}:line {line_no}"
            if len(line) == limit and not line.endswith("\n"):
                length = len(line) + _skip_rest_of_line(stream, limit)
                yield ReadProblem(
                    location,
                    f"the line is {length:,} characters long, more than any document within "
                    f"the {size_text(max_bytes)} limit needs; it was skipped",
                )
                continue
            if not line.strip():
                continue
            try:
                yield _document(line, path, line_no, encoding, max_bytes)
            except DocumentRejected as exc:
                yield ReadProblem(location, exc.detail)


def _skip_rest_of_line(stream: TextIO, chunk: int) -> int:
    skipped = 0
    while part := stream.readline(chunk):
        skipped += len(part)
        if part.endswith("\n"):
            break
    return skipped


def _document(line: str, path: Path, line_no: int, encoding: str, max_bytes: int) -> RawDocument:
    legacy = as_legacy([line])
    if legacy:
        [line], encoding = legacy, "cp1252"
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        message = exc.msg.removesuffix(" at")  # some of json's messages end with "at"
        raise DocumentRejected(f"not valid JSON: {message} at column {exc.colno}") from None
    except (ValueError, RecursionError) as exc:  # a huge integer, or nesting too deep
        raise DocumentRejected(f"not usable JSON: {exc}") from None
    if not isinstance(data, dict):
        raise DocumentRejected(f"each line must be a JSON object, not {type_name(data)}")
    try:  # JSON can spell lone surrogates ("\\ud800"), which are not characters
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError as exc:
        raise DocumentRejected(
            f"contains a lone surrogate escape (\\u{ord(exc.object[exc.start]):04x}), "
            "which is not a character"
        ) from None
    text = data.get("text")
    if not isinstance(text, str):
        got = "no `text` field" if text is None else f"`text` is {type_name(text)}"
        raise DocumentRejected(f"{got}; each object needs the document as a string in `text`")
    if not text.strip():
        raise DocumentRejected("empty text")
    size = len(text.encode("utf-8"))
    if size > max_bytes:
        raise too_large(size, max_bytes, "text is ")
    check_text(text)

    texts: dict[str, str | None] = {}
    for key in _TEXT_KEYS:
        value = data.get(key)
        if value is not None and not isinstance(value, str):
            raise DocumentRejected(f"`{key}` must be a string or null, not {type_name(value)}")
        texts[key] = optional_text(value)
    given_id = data.get("external_id")
    if isinstance(given_id, bool) or not isinstance(given_id, str | int | None):
        raise DocumentRejected(
            f"`external_id` must be a string or an integer, not {type_name(given_id)}"
        )
    fallback_id = f"{path.name}:line {line_no}"
    document_id = external_id(None if given_id is None else str(given_id), fallback_id)
    published = precision = None
    try:
        if data.get("published") is not None:
            published, form_precision = parse_published(data["published"])
            precision = resolve_precision(form_precision, data.get("published_precision"))
        elif data.get("published_precision") is not None:
            raise ValueError("published_precision is given without published")
    except ValueError as exc:
        raise DocumentRejected(f"{exc}; the line was not imported") from None
    return RawDocument(
        text=text,
        external_id=document_id,
        origin="jsonl",
        location=f"{path}:line {line_no}",
        encoding=encoding,
        published=published,
        published_precision=precision,
        extra={
            key: extra_value(value)
            for key, value in data.items()
            if key not in _KNOWN and value is not None
        },
        **texts,
    )
