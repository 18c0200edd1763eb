"""`manifest.toml`: curator metadata for the text files of a folder.

A `[[document]]` entry whose metadata is wrong (a date that is not a date, a precision
finer than its date...) does not let its document in: the document is reported and
skipped rather than stored with wrong or missing metadata, because a later import of the
corrected manifest would find the text already stored (imports are idempotent by
content) and the metadata would stay wrong.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from app.ingest.dates import parse_published, resolve_precision
from app.ingest.types import ReadProblem, extra_value, optional_text, type_name

MANIFEST_NAME = "manifest.toml"
_TEXT_KEYS = ("title", "author", "outlet", "url")


class ManifestError(Exception):
    """The manifest as a whole cannot be used; the message says why (with the line for TOML)."""


@dataclass(frozen=True, slots=True)
class Entry:
    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: date | None = None
    published_precision: str | None = None
    extra: Mapping[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class Manifest:
    path: Path
    # file name -> its metadata, or the problem that keeps its document out
    entries: dict[str, Entry | ReadProblem]
    problems: list[ReadProblem]  # entries that name no file at all


def load_manifest(path: Path) -> Manifest:
    try:
        source = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise ManifestError(f"cannot read it: {exc.strerror}") from None
    except UnicodeDecodeError as exc:
        raise ManifestError(f"not UTF-8, which TOML requires (byte offset {exc.start})") from None
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        raise ManifestError(f"not valid TOML: {exc}") from None
    unknown = sorted(set(data) - {"document"})
    if unknown:
        raise ManifestError(
            f"unknown top-level key {unknown[0]!r}; metadata goes in [[document]] tables"
        )
    tables = data.get("document", [])
    if not isinstance(tables, list):
        raise ManifestError("`document` must be [[document]] tables, not one [document]")

    manifest = Manifest(path, {}, [])
    first_index: dict[str, int] = {}
    for index, table in enumerate(tables, start=1):
        where = f"{path}: [[document]] #{index}"
        name = table.get("file") if isinstance(table, dict) else None
        if not isinstance(name, str) or not name.strip():
            manifest.problems.append(
                ReadProblem(where, "has no `file` naming the text file it describes")
            )
            continue
        where = f"{where} (file {name})"
        if name in first_index:
            manifest.entries[name] = ReadProblem(
                where,
                f"{name} is described twice (entries #{first_index[name]} and #{index}); "
                "it was not imported",
            )
            continue
        first_index[name] = index
        try:
            manifest.entries[name] = _entry(table)
        except ValueError as exc:
            manifest.entries[name] = ReadProblem(where, f"{exc}; {name} was not imported")
    return manifest


def _entry(table: Mapping[str, object]) -> Entry:
    texts: dict[str, str | None] = {}
    for key in _TEXT_KEYS:
        value = table.get(key)
        if value is not None and not isinstance(value, str):
            raise ValueError(f"{key} must be text, not {type_name(value)}")
        texts[key] = optional_text(value)
    published = precision = None
    if "published" in table:
        published, form_precision = parse_published(table["published"])
        precision = resolve_precision(form_precision, table.get("published_precision"))
    elif "published_precision" in table:
        raise ValueError("published_precision is given without published")
    known = {"file", "published", "published_precision", *_TEXT_KEYS}
    extra = {key: extra_value(value) for key, value in table.items() if key not in known}
    return Entry(published=published, published_precision=precision, extra=extra, **texts)
