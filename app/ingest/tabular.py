"""CSV datasets: a header row, then one document per row.

The file is streamed (it may hold far more than one document's worth of bytes); the
size limit applies to each row's text. Rows are numbered from 1 after the header, blank
lines aside; a row's line is where it starts, since quoted fields may span lines.

Parsing is strict: a quote that is closed and then followed by more text, or a quote still
open at the end of the file, is an error rather than a silently mangled row. After such
an error the parser cannot know where the next row starts, so the rest of the file is
reported as not read rather than guessed at.

A row whose `published` cannot be read is reported and skipped, as a manifest entry is:
nothing is stored with wrong or missing metadata that re-importing could not repair.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from app.errors import DocumentRejected
from app.ingest.dates import parse_published
from app.ingest.decode import as_legacy, check_text, open_stream, too_large, unreadable
from app.ingest.types import FIELDS, Item, RawDocument, ReadProblem, external_id, optional_text

# csv refuses fields longer than its limit. Above a few times the document limit a field is
# almost surely a quote never closed, and reading it would only fill memory; between the
# two, the row is reported as too large and reading goes on.
_FIELD_LIMIT_FACTOR = 4
_CSV_DEFAULT_FIELD_LIMIT = 131_072


def read_csv(
    path: Path,
    *,
    mapping: Mapping[str, str],
    date_formats: Sequence[tuple[str, str]],
    max_bytes: int,
) -> Iterator[Item]:
    """Documents of one CSV file; `mapping` is field -> column, already validated."""
    where = str(path)
    try:
        stream, encoding = open_stream(path, newline="")
    except (DocumentRejected, OSError) as exc:
        yield ReadProblem(where, unreadable(exc))
        return
    field_limit = max(_CSV_DEFAULT_FIELD_LIMIT, _FIELD_LIMIT_FACTOR * max_bytes)
    with stream:
        reader = csv.reader(stream, strict=True)
        sheet: _Sheet | None = None
        row_no, start = 0, 1
        try:
            while True:
                start = reader.line_num + 1
                # The limit is process-wide: set it for each row, as another reader with
                # another limit may have run in between.
                csv.field_size_limit(field_limit)
                row = next(reader, None)
                if row is None:
                    break
                if not row or (len(row) == 1 and not row[0].strip()):
                    continue  # a blank line
                if sheet is None:
                    try:
                        names = [name.strip() for name in as_legacy(row) or row]
                        columns = _columns(names, mapping)
                    except DocumentRejected as exc:  # from as_legacy
                        yield ReadProblem(where, f"the header {exc.detail}; no row was read")
                        return
                    except ValueError as exc:
                        yield ReadProblem(where, f"{exc}; no row of this file was imported")
                        return
                    sheet = _Sheet(path, names, columns, encoding, date_formats, max_bytes)
                    continue
                row_no += 1
                location = f"{where}:row {row_no} (line {start})"
                try:
                    yield sheet.document(row, row_no, location)
                except DocumentRejected as exc:
                    yield ReadProblem(location, exc.detail)
        except (csv.Error, UnicodeDecodeError) as exc:
            at = f"row {row_no + 1} (line {start})" if sheet else f"header (line {start})"
            yield ReadProblem(f"{where}:{at}", _parse_error(exc, start))
            return
    if sheet is None:
        yield ReadProblem(where, "no header row: the file has only blank lines")


def header(path: Path) -> list[str] | None:
    """The column names of a CSV file (its first row that is not blank), or None when the
    file cannot be read that far: reading it reports why."""
    try:
        stream, _ = open_stream(path, newline="")
    except (DocumentRejected, OSError):
        return None
    with stream:
        try:
            for row in csv.reader(stream, strict=True):
                if row and (len(row) > 1 or row[0].strip()):
                    return [name.strip() for name in as_legacy(row) or row]
        except (csv.Error, UnicodeDecodeError, DocumentRejected):
            return None
    return None


def _columns(names: list[str], mapping: Mapping[str, str]) -> dict[str, int]:
    """Field -> column index. Unmapped fields use a column of their own name, if any."""
    missing, columns = [], {}
    for field in FIELDS:
        column = mapping.get(field)
        if column is None:
            if field not in names:
                continue
            column = field
        elif column not in names:
            missing.append(f"{column!r} (mapped to {field})")
            continue
        if names.count(column) > 1:
            raise ValueError(f"column {column!r} appears more than once in the header")
        columns[field] = names.index(column)
    header = ", ".join(repr(name) for name in names)
    if missing:
        raise ValueError(f"the header has no column {' or '.join(missing)}; it has {header}")
    if "text" not in columns:
        raise ValueError(
            f"no column holds the text: map one with --map text=COLUMN (the header has {header})"
        )
    return columns


@dataclass(frozen=True, slots=True)
class _Sheet:
    path: Path
    names: list[str]  # the header, stripped
    columns: dict[str, int]  # field -> column index
    encoding: str
    date_formats: Sequence[tuple[str, str]]
    max_bytes: int

    def document(self, row: list[str], row_no: int, location: str) -> RawDocument:
        encoding = self.encoding
        legacy = as_legacy(row)
        if legacy:
            row, encoding = legacy, "cp1252"
        if len(row) != len(self.names):
            raise DocumentRejected(
                f"the row has {len(row)} fields but the header has {len(self.names)} columns"
            )
        values = {field: row[index] for field, index in self.columns.items()}
        text = values["text"]
        if not text.strip():
            raise DocumentRejected(f"empty text (column {self.names[self.columns['text']]!r})")
        size = len(text.encode("utf-8"))
        if size > self.max_bytes:
            raise too_large(size, self.max_bytes, "text is ")
        check_text(text)
        published = precision = None
        raw_date = optional_text(values.get("published"))
        if raw_date:
            try:
                published, precision = parse_published(raw_date, self.date_formats)
            except ValueError as exc:
                raise DocumentRejected(f"{exc}; the row was not imported") from None
        mapped = set(self.columns.values())
        return RawDocument(
            text=text,
            external_id=external_id(values.get("external_id"), f"{self.path.name}:row {row_no}"),
            origin="csv",
            location=location,
            encoding=encoding,
            title=optional_text(values.get("title")),
            author=optional_text(values.get("author")),
            outlet=optional_text(values.get("outlet")),
            url=optional_text(values.get("url")),
            published=published,
            published_precision=precision,
            extra={
                name or f"column {index + 1}": value
                for index, (name, value) in enumerate(zip(self.names, row, strict=True))
                if index not in mapped and value.strip()
            },
        )


def _parse_error(exc: ValueError, start: int) -> str:
    message = str(exc)
    if message == "unexpected end of data":
        return (
            f"unterminated quoted field: the row starting at line {start} opens a quote "
            "that is never closed before the end of the file (the rows before it were read)"
        )
    rest = f"the rest of the file, from line {start}, was not read"
    if message.startswith("field larger than field limit"):
        return (
            f"a field is longer than {csv.field_size_limit():,} characters, far above the "
            f"document size limit; usually a quote that is never closed; {rest}"
        )
    return f"malformed CSV ({message}); {rest}"
