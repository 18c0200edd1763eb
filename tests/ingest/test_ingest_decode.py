"""decode(): encodings accepted, content refused, and the content hash."""

from __future__ import annotations

import codecs

import pytest

from app.errors import DocumentRejected, DocumentTooLarge
from app.ingest import content_sha256, decode
from app.ingest.decode import too_large

TEXT = "Café owner’s account: “nothing is left” – Aleppo\r\nSecond line\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16-be"),
        (codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le"), "utf-32-le"),
        (TEXT.encode("cp1252"), "cp1252"),
    ],
)
def test_encodings_decode_to_the_same_text_without_bom(data: bytes, encoding: str) -> None:
    assert decode(data) == (TEXT, encoding)


def test_cp1252_undefined_bytes_read_as_latin1() -> None:
    text, encoding = decode(b"The caf\xe9 \x81 was shelled on Monday")
    assert (text, encoding) == ("The café \x81 was shelled on Monday", "cp1252")


def test_a_bom_inside_the_text_is_kept() -> None:
    assert decode("a\ufeffb".encode())[0] == "a\ufeffb"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty document (0 bytes)"),
        (b" \r\n\t\n", "empty document (only whitespace)"),
        (codecs.BOM_UTF8, "empty document"),
        (b"Hello\x00world", "binary content (NUL byte at offset 5)"),
        ("Aleppo news".encode("utf-16-le"), "looks like UTF-16 without a byte-order mark"),
        ("Aleppo news".encode("utf-16-be"), "looks like UTF-16 without a byte-order mark"),
        (bytes(range(1, 9)) * 5 + b"\xff", "does not look like text: "),
        (codecs.BOM_UTF8 + b"caf\xe9", "starts with a UTF-8 byte-order mark but is not valid"),
        (codecs.BOM_UTF16_LE + b"\x00\xd8a\x00", "not valid UTF-16 (at byte offset 2)"),
        (codecs.BOM_UTF16_LE + "a\x00b".encode("utf-16-le"), "NUL character at character"),
        ("é’".encode() + b" and \x92", "mixes UTF-8 characters with bytes that are not UTF-8"),
    ],
)
def test_refused_content_says_why(data: bytes, reason: str) -> None:
    with pytest.raises(DocumentRejected) as raised:
        decode(data)
    assert reason in raised.value.detail


def test_a_few_control_characters_are_kept() -> None:
    text = "Colour \x1b[31mred\x1b[0m in a log line that is mostly ordinary words.\n"
    assert decode(text.encode())[0] == text


def test_too_large_message() -> None:
    error = too_large(50_000_000, 2_000_000)
    assert isinstance(error, DocumentTooLarge)
    assert error.detail == "50.0 MB, above the 2.0 MB limit (CLAIMDB_MAX_DOCUMENT_BYTES)"
    # Rounded sizes that would read the same are shown exactly.
    assert (
        "2,000,001 bytes, above the 2,000,000-byte limit" in too_large(2_000_001, 2_000_000).detail
    )


def test_content_hash_ignores_line_endings_bom_composition_and_trailing_space() -> None:
    lf = "Title\n\nBody line one\nline two\n"
    assert content_sha256(lf) == content_sha256("Title\r\n\r\nBody line one\r\nline two\r\n")
    assert content_sha256(lf) == content_sha256("Title\r\rBody line one\rline two")
    assert content_sha256(lf) == content_sha256("\ufeffTitle  \n\nBody line one\t\nline two\n\n")
    assert content_sha256("café") == content_sha256("cafe\u0301")


def test_content_hash_tells_different_texts_apart() -> None:
    assert content_sha256("Title\nBody") != content_sha256("Title\nBody.")
    assert content_sha256("a b") != content_sha256("a  b")  # inner whitespace is content
    assert content_sha256(" indented") != content_sha256("indented")
    assert len(content_sha256("x")) == 64
