"""CSV datasets: presets, mappings, rows that span lines, and broken files."""

from __future__ import annotations

import codecs
from datetime import date
from pathlib import Path

from app.ingest import RawDocument, ReadProblem, read_documents
from tests.ingest.bad_corpus import write_large_inputs
from tests.ingest.reading import read

# The repository's copy if it has one, else shared/ (beside the repository, here and in CI).
_HERE = Path(__file__).resolve()
FAKES = _HERE.parents[1] / "data" / "fakes" / "fakes_dev.csv"
if not FAKES.exists():
    FAKES = _HERE.parents[3] / "shared" / "datasets" / "fakes" / "fakes_dev.csv"


def write(path: Path, content: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(content.encode(encoding))
    return path


def test_fakes_preset_reads_every_row_keeping_the_incident_date_as_a_label() -> None:
    docs, problems = read(FAKES, preset="fakes")
    assert problems == []
    assert len(docs) == 381
    assert all(d.outlet and d.origin == "csv" and d.title and d.text.strip() for d in docs)
    # `date` is the crowd-labelled incident date: a label, never the publication date
    assert all(d.published is None and d.published_precision is None for d in docs)
    assert all(set(d.extra) == {"date", "location", "labels"} for d in docs)
    first = docs[0]
    assert first.external_id == "1914947530"
    assert first.extra["date"] == "4/5/2017"
    assert first.outlet == "nna"
    assert first.location == f"{FAKES}:row 1 (line 2)"


def test_rows_spanning_lines_keep_their_text_and_start_line(tmp_path: Path) -> None:
    path = write(
        tmp_path / "multi.csv",
        "id,title,text,published,author,region\r\n"
        '1,One,"first\r\nsecond\r\n",2016-02-21,Ann,north\r\n'
        "\r\n"
        '2,Two,"plain ""quoted"" text",2016-02,,\r\n'
        '3,,"third",,,\r\n',
    )
    docs, problems = read(path, mapping={"external_id": "id"})
    assert problems == []
    assert [(d.external_id, d.location.rsplit(":", 1)[1]) for d in docs] == [
        ("1", "row 1 (line 2)"),
        ("2", "row 2 (line 6)"),
        ("3", "row 3 (line 7)"),
    ]
    assert docs[0].text == "first\r\nsecond\r\n"
    assert docs[0].author == "Ann" and docs[0].extra == {"region": "north"}
    assert docs[1].text == 'plain "quoted" text'
    assert (docs[1].published, docs[1].published_precision) == (date(2016, 2, 1), "month")
    assert docs[2].title is None and docs[2].published is None


def test_unterminated_quote_at_the_end_keeps_earlier_rows(tmp_path: Path) -> None:
    path = write(
        tmp_path / "cut.csv",
        'text,title\n"ok one",A\n"ok\ntwo",B\n"never closed,C\nmore text\n',
    )
    docs, problems = read(path)
    assert [d.text for d in docs] == ["ok one", "ok\ntwo"]
    [problem] = problems
    assert problem.location == f"{path}:row 3 (line 5)"
    assert problem.reason.startswith("unterminated quoted field: the row starting at line 5")


def test_malformed_quote_mid_file_stops_that_file_only(tmp_path: Path) -> None:
    bad = write(tmp_path / "bad.csv", 'text\n"good"\n"bad" tail\n"after"\n')
    good = write(tmp_path / "good.csv", "text\nfine\n")
    docs, problems = read(bad, good)
    assert [d.text for d in docs] == ["good", "fine"]
    [problem] = problems
    assert problem.location == f"{bad}:row 2 (line 3)"
    assert "the rest of the file, from line 3, was not read" in problem.reason


def test_missing_mapped_column_is_a_problem_for_that_file_only(tmp_path: Path) -> None:
    missing = write(tmp_path / "a.csv", "unit_id,article_title,date\n1,T,4/5/2017\n")
    other = write(
        tmp_path / "b.csv",
        "unit_id,article_title,article_content,source,date\n2,T,Body,sana,4/5/2017\n",
    )
    docs, problems = read(missing, other, preset="fakes")
    assert [(d.external_id, d.text) for d in docs] == [("2", "Body")]
    [problem] = problems
    assert problem.location == str(missing)
    assert "no column 'article_content' (mapped to text)" in problem.reason


def test_without_mapping_a_text_column_is_required(tmp_path: Path) -> None:
    path = write(tmp_path / "a.csv", "body\nsomething\n")
    docs, problems = read(path)
    assert docs == []
    assert "map one with --map text=COLUMN" in problems[0].reason


def test_bad_rows_are_reported_and_the_rest_read(tmp_path: Path) -> None:
    path = write(
        tmp_path / "rows.csv",
        "external_id,text,published\n"
        "a,short row\n"
        "b,,2016-01-01\n"
        "c,text,2016-13-01\n"
        "d,too,many,fields\n"
        "e,fine,\n",
    )
    docs, problems = read(path)
    assert [d.external_id for d in docs] == ["e"]
    assert [(p.location.rsplit(":", 1)[1], p.reason) for p in problems] == [
        ("row 1 (line 2)", "the row has 2 fields but the header has 3 columns"),
        ("row 2 (line 3)", "empty text (column 'text')"),
        (
            "row 3 (line 4)",
            "published '2016-13-01' is not a real date: month must be in 1..12; "
            "the row was not imported",
        ),
        ("row 4 (line 5)", "the row has 4 fields but the header has 3 columns"),
    ]


def test_mapping_overrides_preset_and_ids_fall_back_to_row(tmp_path: Path) -> None:
    path = write(
        tmp_path / "x.csv",
        "unit_id,article_title,article_content,body2,source,date\n"
        ",Title,ignored,Real body,sana,2016-02-21\n",
    )
    [doc] = read(path, preset="fakes", mapping={"text": "body2", "published": "date"})[0]
    assert doc.text == "Real body"
    assert doc.external_id == "x.csv:row 1"
    assert doc.published == date(2016, 2, 21)  # ISO accepted beside the preset's format
    assert doc.extra == {"article_content": "ignored"}


def test_preset_date_format_applies_when_published_is_mapped(tmp_path: Path) -> None:
    path = write(
        tmp_path / "x.csv",
        "unit_id,article_title,article_content,source,date\n7,T,Body,sana,4/5/2017\n",
    )
    [doc] = read(path, preset="fakes", mapping={"published": "date"})[0]
    assert doc.published == date(2017, 4, 5)  # 4/5/2017 is M/D/YYYY


def test_legacy_and_utf16_csv_files(tmp_path: Path) -> None:
    legacy = write(tmp_path / "legacy.csv", "text\nCafé d’Alep\n", "cp1252")
    utf16 = tmp_path / "u16.csv"
    utf16.write_bytes(codecs.BOM_UTF16_BE + "text\nUTF-16 row\n".encode("utf-16-be"))
    bom = write(tmp_path / "bom.csv", "\ufefftext\nwith bom\n")
    docs, problems = read(legacy, utf16, bom)
    assert problems == []
    assert [(d.text, d.encoding) for d in docs] == [
        ("Café d’Alep", "cp1252"),
        ("UTF-16 row", "utf-16-be"),
        ("with bom", "utf-8-sig"),
    ]


def test_encoding_is_chosen_per_row(tmp_path: Path) -> None:
    path = tmp_path / "mixed.csv"
    path.write_bytes(
        'text\n"Alep, l’été"\n'.encode()  # UTF-8
        + "Caf\u00e9 d\u2019Alep\n".encode("cp1252")  # one legacy row
        + b"plain ascii\n"
        + '"both é \u2019'.encode()
        + b'\x92"\n'  # cannot be read either way
    )
    docs, problems = read(path)
    assert [(d.text, d.encoding) for d in docs] == [
        ("Alep, l’été", "utf-8"),
        ("Café d’Alep", "cp1252"),
        ("plain ascii", "utf-8"),
    ]
    assert [(p.location.rsplit(":", 1)[1], p.reason.split(" (")[0]) for p in problems] == [
        ("row 4 (line 5)", "mixes UTF-8 characters with bytes that are not UTF-8")
    ]


def test_binary_and_empty_csv_files(tmp_path: Path) -> None:
    binary = tmp_path / "bin.csv"
    binary.write_bytes(b"text\nabc\x00def\n")
    empty = write(tmp_path / "empty.csv", "")
    blank = write(tmp_path / "blank.csv", "\n\n")
    broken_utf16 = tmp_path / "odd.csv"
    broken_utf16.write_bytes(codecs.BOM_UTF16_LE + "text\nrow\n".encode("utf-16-le") + b"x")
    docs, problems = read(binary, empty, blank, broken_utf16)
    assert docs == []
    assert [p.reason for p in problems] == [
        "binary content (NUL byte at offset 8)",
        "empty file (0 bytes)",
        "no header row: the file has only blank lines",
        "starts with a UTF-16 byte-order mark but is not valid UTF-16 (at byte offset 20)",
    ]


def test_per_row_size_limit_and_oversized_fields(tmp_path: Path) -> None:
    *_, huge_csv = write_large_inputs(tmp_path)
    docs, problems = read(huge_csv)
    assert [d.external_id for d in docs] == ["r1", "r3"]
    assert [(p.location.rsplit(":", 1)[1], p.reason) for p in problems] == [
        ("row 2 (line 3)", "text is 3.0 MB, above the 2.0 MB limit (CLAIMDB_MAX_DOCUMENT_BYTES)")
    ]
    # A field far beyond the limit is taken for a runaway quote: the file stops there.
    docs, problems = read(huge_csv, max_bytes=100_000)
    assert [d.external_id for d in docs] == ["r1"]
    assert "was not read" in problems[0].reason


def test_every_row_becomes_a_document_or_a_problem(tmp_path: Path) -> None:
    rows = "".join(f'{i},"text {i}"\n' if i % 3 else f"{i}\n" for i in range(1, 31))
    items = list(read_documents([write(tmp_path / "n.csv", "external_id,text\n" + rows)]))
    assert len(items) == 30
    assert sum(isinstance(i, RawDocument) for i in items) == 20
    assert sum(isinstance(i, ReadProblem) for i in items) == 10
