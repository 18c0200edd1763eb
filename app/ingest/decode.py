"""Bytes to text: which encoding, and whether the content is text at all.

Shared by the file readers and the HTTP upload so that every way in accepts and refuses
the same things with the same reasons.

Order of guesses: a byte-order mark decides (UTF-8, UTF-16, UTF-32); otherwise UTF-8 if
the bytes are valid UTF-8; otherwise cp1252, the usual encoding of legacy Western files,
where the five bytes cp1252 leaves undefined read as latin-1 (what browsers do). Since
cp1252 accepts nearly any bytes, what it produces is checked for looking like text.

Without a byte-order mark, the choice is made per document, also inside a CSV or JSONL
file (one legacy row does not turn every other row into mojibake), and a document that
mixes UTF-8 characters with other bytes is refused: no single reading of it is right.
"""

from __future__ import annotations

import codecs
import io
import re
from pathlib import Path
from typing import TextIO

from app.errors import DocumentRejected, DocumentTooLarge

_LATIN1_FALLBACK = "claimdb-cp1252-latin1"


def _latin1_for_undefined(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    return exc.object[exc.start : exc.end].decode("latin-1"), exc.end


codecs.register_error(_LATIN1_FALLBACK, _latin1_for_undefined)

# (mark, recorded encoding, codec for the bytes after the mark, name for messages).
# UTF-32 LE comes before UTF-16 LE because its mark starts with UTF-16 LE's.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be", "UTF-16"),
)
_CODECS = {encoding: codec for _, encoding, codec, _ in _BOMS} | {"utf-8": "utf-8"}
# Bytes that are not UTF-8, as the "surrogateescape" error handler keeps them.
_ESCAPED = re.compile("[\udc80-\udcff]")
_UTF8_NON_ASCII = re.compile("[^\x00-\x7f\udc80-\udcff]")

# Control characters other than the whitespace ones (tab, newlines, vertical tab, form feed).
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
# Real text has almost none; binary read as cp1252 has about one in seven.
_MAX_CONTROL_SHARE = 0.10
_SNIFF_BYTES = 4096
_CHUNK = 1 << 20


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding) of a whole document, or DocumentRejected with the reason.

    The text never contains the byte-order mark: offsets count from the first character
    after it, and the encoding recorded ("utf-8-sig", "utf-16-le"...) says it was there.
    """
    if not data:
        raise DocumentRejected("empty document (0 bytes)")
    bom = _bom(data)
    if bom:
        mark, encoding, codec, label = bom
        try:
            text = data[len(mark) :].decode(codec)
        except UnicodeDecodeError as exc:
            raise DocumentRejected(_bad_bom_reason(label, len(mark) + exc.start)) from None
    else:
        nul = data.find(b"\0")
        if nul >= 0:
            raise DocumentRejected(nul_reason(data[:_SNIFF_BYTES], nul))
        text, encoding = data.decode("utf-8", "surrogateescape"), "utf-8"
        legacy = as_legacy([text])
        if legacy:
            text, encoding = legacy[0], "cp1252"
    check_text(text)
    return text, encoding


def check_text(text: str) -> None:
    """DocumentRejected unless the decoded text is non-empty and looks like text."""
    if not text.strip():
        raise DocumentRejected("empty document (only whitespace)" if text else "empty document")
    nul = text.find("\0")
    if nul >= 0:
        raise DocumentRejected(f"binary content (NUL character at character offset {nul})")
    controls = len(text) - len(_CONTROL.sub("", text))
    if controls > len(text) * _MAX_CONTROL_SHARE:
        raise DocumentRejected(
            f"does not look like text: {controls / len(text):.0%} of its characters "
            "are control characters"
        )


def nul_reason(head: bytes, offset: int) -> str:
    """Why bytes with a NUL at `offset` are refused; `head` is the start of the content."""
    head = head[:_SNIFF_BYTES]
    even, odd = head[0::2].count(0), head[1::2].count(0)
    # UTF-16 text puts a NUL in every other byte for ASCII characters: one parity only.
    most = max(even, odd)
    if most >= max(4, len(head) // 2 * 0.2) and min(even, odd) <= most * 0.1:
        return (
            "looks like UTF-16 without a byte-order mark (NUL bytes at every other "
            "position); save it as UTF-8, or as UTF-16 with a byte-order mark"
        )
    return f"binary content (NUL byte at offset {offset})"


def size_text(size: int) -> str:
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f} MB"
    if size >= 1_000:
        return f"{size / 1_000:.1f} kB"
    return f"{size} bytes"


def too_large(size: int, max_bytes: int, what: str = "") -> DocumentTooLarge:
    """The rejection of a document of `size` bytes; `what` names the part ("text is ")."""
    shown, limit = size_text(size), size_text(max_bytes)
    if shown == limit:  # "2.0 MB, above the 2.0 MB limit" would read as a contradiction
        shown, limit = f"{size:,} bytes", f"{max_bytes:,}-byte"
    return DocumentTooLarge(f"{what}{shown}, above the {limit} limit (CLAIMDB_MAX_DOCUMENT_BYTES)")


def read_file(path: Path, max_bytes: int) -> tuple[str, str]:
    """Decode one file as one document; the size is checked before anything is read."""
    size = path.stat().st_size
    if size > max_bytes:
        raise too_large(size, max_bytes)
    with path.open("rb") as file:
        data = file.read(max_bytes + 1)  # the file may have grown since stat
    if len(data) > max_bytes:
        raise too_large(len(data), max_bytes, "more than ")
    return decode(data)


def as_legacy(values: list[str]) -> list[str] | None:
    """`values`, decoded from UTF-8 with "surrogateescape", re-read as cp1252.

    None if they were all UTF-8. DocumentRejected if they mix UTF-8 characters with bytes
    that are not UTF-8.
    """
    escaped = next((found for value in values if (found := _ESCAPED.search(value))), None)
    if escaped is None:
        return None
    if any(_UTF8_NON_ASCII.search(value) for value in values):
        byte = ord(escaped.group()) - 0xDC00
        raise DocumentRejected(
            f"mixes UTF-8 characters with bytes that are not UTF-8 (such as 0x{byte:02X}); "
            "save it in one encoding"
        )
    return [
        value.encode("utf-8", "surrogateescape").decode("cp1252", _LATIN1_FALLBACK)
        for value in values
    ]


def unreadable(exc: DocumentRejected | OSError) -> str:
    """The reason to report for a file that `read_file` or `open_stream` refused."""
    if isinstance(exc, DocumentRejected):
        return exc.detail
    return f"cannot read: {exc.strerror}"


def open_stream(path: Path, newline: str) -> tuple[TextIO, str]:
    """A text stream over a file of many documents, and its encoding.

    The file is scanned once first, in chunks, to refuse binary content (or, after a
    byte-order mark, bytes that break it) before any of its documents is produced. Without
    a mark the stream keeps bytes that are not UTF-8 as escapes: pass each document's
    values through `as_legacy`.
    """
    encoding, skip = _sniff_file(path)
    raw = path.open("rb")
    raw.seek(skip)
    errors = "surrogateescape" if skip == 0 else "strict"
    stream = io.TextIOWrapper(raw, encoding=_CODECS[encoding], errors=errors, newline=newline)
    return stream, encoding


def _sniff_file(path: Path) -> tuple[str, int]:
    with path.open("rb") as file:
        head = file.read(_SNIFF_BYTES)
        if not head:
            raise DocumentRejected("empty file (0 bytes)")
        bom = _bom(head)
        file.seek(0)
        if bom is None:
            offset = 0
            while chunk := file.read(_CHUNK):
                nul = chunk.find(b"\0")
                if nul >= 0:
                    raise DocumentRejected(nul_reason(head, offset + nul))
                offset += len(chunk)
            return "utf-8", 0
        mark, encoding, codec, label = bom
        decoder = codecs.getincrementaldecoder(codec)()
        offset = file.seek(len(mark))
        while True:
            chunk = file.read(_CHUNK)
            pending = len(decoder.getstate()[0])  # bytes of a character split by the chunk
            try:
                decoder.decode(chunk, final=not chunk)
            except UnicodeDecodeError as exc:
                raise DocumentRejected(
                    _bad_bom_reason(label, offset - pending + exc.start)
                ) from None
            if not chunk:
                return encoding, len(mark)
            offset += len(chunk)


def _bom(data: bytes) -> tuple[bytes, str, str, str] | None:
    return next((bom for bom in _BOMS if data.startswith(bom[0])), None)


def _bad_bom_reason(label: str, offset: int) -> str:
    return (
        f"starts with a {label} byte-order mark but is not valid {label} (at byte offset {offset})"
    )
