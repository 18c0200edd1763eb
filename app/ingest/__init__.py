"""Readers: files in, documents out. No database here.

`read_documents` checks the whole command first and raises `UsageError` before producing
anything, so a mistaken command never imports half of its input. After that, every input
that cannot become a document is reported as a `ReadProblem` and reading goes on.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Literal, get_args

from app.errors import UsageError
from app.ingest.decode import decode
from app.ingest.jsonl import read_jsonl
from app.ingest.manifest import Manifest, ManifestError, load_manifest
from app.ingest.presets import PRESETS
from app.ingest.tabular import header, read_csv
from app.ingest.text import TextReader
from app.ingest.types import FIELDS, Item, RawDocument, ReadProblem, content_sha256

__all__ = [
    "FIELDS",
    "Format",
    "Item",
    "PRESETS",
    "RawDocument",
    "ReadProblem",
    "content_sha256",
    "decode",
    "parse_mapping",
    "read_documents",
]

Format = Literal["auto", "text", "csv", "jsonl"]
_BY_SUFFIX = {".txt": "text", ".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl"}


def read_documents(
    paths: Sequence[Path],
    *,
    format: Format = "auto",
    manifest: Path | None = None,
    preset: str | None = None,
    mapping: Mapping[str, str] | None = None,
    max_bytes: int = 2_000_000,
) -> Iterator[Item]:
    """Documents and problems of every path, in the order given.

    `auto` reads a folder as text (its `*.txt` files, not its subfolders) and a file by
    its suffix: .txt, .csv, .jsonl or .ndjson. `preset` and `mapping` (field -> column,
    overriding the preset) apply to CSV; `manifest` to text. `max_bytes` limits each
    document, never a CSV or JSONL file as a whole.
    """
    if format not in get_args(Format):
        raise UsageError(f"unknown format {format!r}; use one of {', '.join(get_args(Format))}")
    if max_bytes < 1:
        raise UsageError(f"the document size limit must be at least 1 byte, not {max_bytes}")
    if not paths:
        raise UsageError("no file or folder to read was given")
    plan = [(Path(path), _format_of(Path(path), format)) for path in paths]
    formats = {fmt for _, fmt in plan}

    if preset is not None and preset not in PRESETS:
        raise UsageError(f"unknown preset {preset!r}; known presets: {', '.join(sorted(PRESETS))}")
    for field in mapping or {}:
        _check_field(field)
    if (preset is not None or mapping) and "csv" not in formats:
        raise UsageError("--preset and --map apply to CSV files, and none is being read")
    columns = dict(PRESETS[preset].mapping if preset else {}) | dict(mapping or {})
    for path, fmt in plan:
        if fmt == "csv" and mapping:
            _check_mapped_columns(path, mapping)
    date_formats = PRESETS[preset].date_formats if preset else ()

    explicit = None
    if manifest is not None:
        if "text" not in formats:
            raise UsageError("--manifest applies to text files, and none is being read")
        explicit = _explicit_manifest(Path(manifest))
    return _read(plan, explicit, columns, date_formats, max_bytes)


def parse_mapping(items: Sequence[str]) -> dict[str, str]:
    """`["title=article_title", ...]` as {field: column}; UsageError if malformed."""
    mapping: dict[str, str] = {}
    for item in items:
        field, equals, column = item.partition("=")
        field, column = field.strip(), column.strip()
        if not equals or not field or not column:
            raise UsageError(
                f"--map {item!r} is not FIELD=COLUMN (for example title=article_title)"
            )
        _check_field(field)
        if field in mapping:
            raise UsageError(f"--map maps {field} twice ({mapping[field]!r} and {column!r})")
        mapping[field] = column
    return mapping


def _read(
    plan: list[tuple[Path, str]],
    manifest: Manifest | None,
    columns: dict[str, str],
    date_formats: tuple[tuple[str, str], ...],
    max_bytes: int,
) -> Iterator[Item]:
    texts = TextReader(manifest, max_bytes)
    for path, fmt in plan:
        if fmt == "text":
            yield from texts.read(path)
        elif fmt == "csv":
            yield from read_csv(
                path, mapping=columns, date_formats=date_formats, max_bytes=max_bytes
            )
        else:
            yield from read_jsonl(path, max_bytes=max_bytes)
    yield from texts.finish()


def _format_of(path: Path, format: Format) -> str:
    if not path.exists():
        raise UsageError(f"{path} does not exist")
    if not os.access(path, os.R_OK):
        raise UsageError(f"{path} cannot be read (permission denied)")
    if path.is_dir():
        if format not in ("auto", "text"):
            raise UsageError(f"{path} is a folder; --format {format} reads a file")
        return "text"
    if format != "auto":
        return format
    try:
        return _BY_SUFFIX[path.suffix.lower()]
    except KeyError:
        raise UsageError(
            f"cannot tell the format of {path} from its name; "
            "use --format text, csv or jsonl (or name it .txt, .csv, .jsonl)"
        ) from None


def _check_mapped_columns(path: Path, mapping: Mapping[str, str]) -> None:
    """A --map naming a column the file lacks is a mistake in the command (exit 2), found
    before anything is imported, not a failure of each row."""
    names = header(path)
    if names is None:
        return
    for field, column in mapping.items():
        if column not in names:
            raise UsageError(
                f"--map {field}={column}: {path} has no column {column!r}; "
                f"its columns are {', '.join(repr(n) for n in names)}"
            )


def _check_field(field: str) -> None:
    if field not in FIELDS:
        raise UsageError(f"--map: unknown field {field!r}; the fields are {', '.join(FIELDS)}")


def _explicit_manifest(path: Path) -> Manifest:
    if not path.is_file():
        raise UsageError(f"--manifest {path} does not exist or is not a file")
    try:
        return load_manifest(path)
    except ManifestError as exc:
        raise UsageError(f"--manifest {path}: {exc}") from None
