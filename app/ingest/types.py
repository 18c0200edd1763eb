"""What the readers produce: documents to store and problems to report, nothing else.

Readers never touch the database. Every input that cannot become a :class:`RawDocument`
becomes a :class:`ReadProblem`, so an import can always account for everything it was
given.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from app.errors import DocumentRejected

# Our document fields that a CSV column or a JSONL key can fill.
FIELDS = ("external_id", "title", "text", "outlet", "url", "published", "author")
# The database column's size; checked here so SQLite and PostgreSQL refuse the same ids.
MAX_EXTERNAL_ID = 512


@dataclass(frozen=True, slots=True)
class RawDocument:
    # Exactly what was read, decoded (BOM removed): the stored text. Every offset refers to
    # it, so it is never stripped and its newlines are never normalised.
    text: str
    external_id: str
    origin: str  # "text", "csv", "jsonl", "http"
    location: str  # human position for messages: "seeds/000_x.txt", "x.csv:row 12 (line 40)"
    encoding: str  # "utf-8", "utf-8-sig", "utf-16-le", "cp1252"...
    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: date | None = None
    published_precision: str | None = None  # day | month | year
    extra: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ReadProblem:
    location: str  # file, plus line/row when there is one
    reason: str  # a sentence for the user


Item = RawDocument | ReadProblem


def content_sha256(text: str) -> str:
    """Hash of the text as content, so that a re-saved copy of an article is the same one.

    Ignores what editors and transfers change without changing the article: a byte-order
    mark, line-ending style, Unicode composition, and trailing whitespace.
    """
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    text = "\n".join(line.rstrip() for line in text.split("\n")).rstrip()
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def extra_value(value: object) -> str:
    """A metadata value as the string `RawDocument.extra` keeps."""
    if isinstance(value, str):
        return value
    if isinstance(value, date):
        return value.isoformat()
    return json.dumps(value, ensure_ascii=False, default=str)


def external_id(value: str | None, fallback: str) -> str:
    """The id a dataset gives a document, or `fallback` (its position) when it gives none."""
    value = optional_text(value)
    if value is not None and len(value) > MAX_EXTERNAL_ID:
        raise DocumentRejected(
            f"external_id is {len(value):,} characters long; at most {MAX_EXTERNAL_ID} are kept"
        )
    return value or fallback


def optional_text(value: str | None) -> str | None:
    """Blank metadata means "not given": an empty title is no title."""
    if value is None:
        return None
    value = value.strip()
    return value or None


def type_name(value: object) -> str:
    """How a JSON or TOML user would name the type of a value."""
    if value is None:
        return "null"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return f"a {type(value).__name__}"
