"""JSON Lines exports."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from tests.ingest.bad_corpus import write_large_inputs
from tests.ingest.reading import read


def write_lines(path: Path, *lines: str) -> Path:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def test_good_lines_with_metadata(tmp_path: Path) -> None:
    path = write_lines(
        tmp_path / "export.ndjson",
        json.dumps(
            {
                "external_id": "a-1",
                "text": "Line one\r\nLine two",
                "title": "T",
                "author": None,
                "outlet": "sana",
                "url": "https://example.org/a",
                "published": "2016-02",
                "published_precision": "year",
                "labels": 1,
                "tags": ["x", "y"],
            }
        ),
        "",
        '{"text": "No id here, unicode: \\u00e9 \\ud83d\\ude00"}',
    )
    docs, problems = read(path)
    assert problems == []
    first, second = docs
    assert (first.external_id, first.text, first.origin) == ("a-1", "Line one\r\nLine two", "jsonl")
    assert (first.title, first.author, first.outlet, first.url) == (
        "T",
        None,
        "sana",
        "https://example.org/a",
    )
    assert (first.published, first.published_precision) == (date(2016, 2, 1), "year")
    assert first.extra == {"labels": "1", "tags": '["x", "y"]'}
    assert first.location == f"{path}:line 1"
    assert second.external_id == "export.ndjson:line 3"
    assert second.text == "No id here, unicode: é 😀"


def test_bad_lines_are_reported_with_their_line_and_the_rest_read(tmp_path: Path) -> None:
    path = write_lines(
        tmp_path / "mixed.jsonl",
        '{"text": "first"}',
        '"just a string"',
        "{not json",
        '{"title": "no text"}',
        '{"text": 42}',
        '{"text": "   "}',
        '{"text": "x", "title": ["a"]}',
        '{"text": "x", "external_id": true}',
        '{"text": "x", "published": "2016-02-30"}',
        '{"text": "x", "published_precision": "day"}',
        '{"text": "lone \\ud800 surrogate"}',
        '{"text": "last"}',
    )
    docs, problems = read(path)
    assert [d.text for d in docs] == ["first", "last"]
    assert [(int(p.location.rsplit(" ", 1)[1]), p.reason) for p in problems] == [
        (2, "each line must be a JSON object, not a string"),
        (3, "not valid JSON: Expecting property name enclosed in double quotes at column 2"),
        (4, "no `text` field; each object needs the document as a string in `text`"),
        (5, "`text` is a number; each object needs the document as a string in `text`"),
        (6, "empty text"),
        (7, "`title` must be a string or null, not a list"),
        (8, "`external_id` must be a string or an integer, not a boolean"),
        (
            9,
            "published '2016-02-30' is not a real date: day is out of range for month; "
            "the line was not imported",
        ),
        (10, "published_precision is given without published; the line was not imported"),
        (11, "contains a lone surrogate escape (\\ud800), which is not a character"),
    ]


def test_ten_megabyte_string_is_refused_and_the_next_line_read(tmp_path: Path) -> None:
    _, _, jsonl, _ = write_large_inputs(tmp_path)
    docs, problems = read(jsonl)
    assert [d.external_id for d in docs] == ["small"]
    assert [(p.location, p.reason) for p in problems] == [
        (f"{jsonl}:line 1", "text is 10.0 MB, above the 2.0 MB limit (CLAIMDB_MAX_DOCUMENT_BYTES)")
    ]


def test_line_too_long_for_any_document_is_skipped_unread(tmp_path: Path) -> None:
    path = write_lines(
        tmp_path / "long.jsonl", '{"text": "' + "z" * 200_000 + '"}', '{"text": "next"}'
    )
    docs, problems = read(path, max_bytes=10_000)
    assert [d.text for d in docs] == ["next"]
    assert problems[0].location == f"{path}:line 1"
    assert problems[0].reason.startswith("the line is 200,013 characters long")


def test_a_legacy_line_is_read_as_cp1252(tmp_path: Path) -> None:
    path = tmp_path / "legacy.jsonl"
    path.write_bytes('{"text": "é"}\n'.encode() + '{"text": "d’Alep"}\n'.encode("cp1252"))
    docs, problems = read(path)
    assert problems == []
    assert [(d.text, d.encoding) for d in docs] == [("é", "utf-8"), ("d’Alep", "cp1252")]


def test_crlf_lines_and_bom(tmp_path: Path) -> None:
    path = tmp_path / "win.jsonl"
    path.write_bytes(b'\xef\xbb\xbf{"text": "a"}\r\n{"text": "b"}\r\n')
    docs, problems = read(path)
    assert problems == []
    assert [(d.text, d.encoding) for d in docs] == [("a", "utf-8-sig"), ("b", "utf-8-sig")]
