"""Text folders and files, with and without a manifest."""

from __future__ import annotations

import codecs
import tracemalloc
from datetime import date
from pathlib import Path

import pytest

from app.config import PROJECT_ROOT
from app.errors import UsageError
from app.ingest import read_documents
from tests.ingest.bad_corpus import write_large_inputs
from tests.ingest.reading import read

SEEDS = PROJECT_ROOT / "seeds"


def test_mixed_folder_gives_three_documents_and_two_problems(tmp_path: Path) -> None:
    (tmp_path / "a_utf8.txt").write_text("Headline\n\nBody with ü.\n", encoding="utf-8")
    (tmp_path / "b_legacy.txt").write_bytes("Le café d’Alep\nTexte.\n".encode("cp1252"))
    (tmp_path / "c_utf16.txt").write_bytes(
        codecs.BOM_UTF16_LE + "UTF-16 title\r\nBody\r\n".encode("utf-16-le")
    )
    (tmp_path / "d_empty.txt").write_bytes(b"")
    (tmp_path / "e_binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "notes.md").write_text("not a document")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "nested.txt").write_text("not read: subfolders are not read")

    docs, problems = read(tmp_path)

    assert [(d.external_id, d.encoding, d.title) for d in docs] == [
        ("a_utf8.txt", "utf-8", "Headline"),
        ("b_legacy.txt", "cp1252", "Le café d’Alep"),
        ("c_utf16.txt", "utf-16-le", "UTF-16 title"),
    ]
    assert docs[1].text == "Le café d’Alep\nTexte.\n"
    assert docs[2].text == "UTF-16 title\r\nBody\r\n"  # newlines kept, no BOM
    assert all(d.origin == "text" and d.published is None for d in docs)
    assert docs[0].location == str(tmp_path / "a_utf8.txt")
    assert [(Path(p.location).name, p.reason) for p in problems] == [
        ("d_empty.txt", "empty document (0 bytes)"),
        ("e_binary.txt", "binary content (NUL byte at offset 8)"),
    ]


def test_seeds_folder_reads_with_manifest_metadata() -> None:
    docs, problems = read(SEEDS)
    assert problems == []
    assert len(docs) == 5
    for doc in docs:
        assert doc.text == (SEEDS / doc.external_id).read_bytes().decode("utf-8")
        assert doc.encoding == "utf-8"
        assert doc.published_precision == "day"
        assert doc.extra["confidence"] in {"high", "medium"}
        assert doc.extra["note"]
    by_id = {d.external_id: d for d in docs}
    first = by_id["001_8ce4b84d20215b01.txt"]
    assert first.title == "In Rare Victory, Syrian Army breaks ISIL siege of West Aleppo"
    assert (first.author, first.outlet, first.published) == (
        "Juan Cole",
        "Informed Comment",
        date(2015, 11, 5),
    )
    # The title of 002 is the curator's, not the file's first line.
    assert by_id["002_8fca318a5e1cff3a.txt"].title.startswith("Syrian troops and allies")
    assert [d.outlet for d in docs] == [
        "Russia Insider",
        "Informed Comment",
        "Morning Star",
        "The Inquisitr",
        "bankruptmedia.com",
    ]
    assert by_id["004_553cdfb76384c28a.txt"].published == date(2017, 1, 20)


def test_single_seed_file_uses_the_manifest_beside_it() -> None:
    docs, problems = read(SEEDS / "003_dc5d5b1e57f04560.txt")
    assert problems == []
    assert [(d.outlet, d.published) for d in docs] == [("The Inquisitr", date(2016, 11, 27))]


def test_file_name_with_spaces_and_unicode(tmp_path: Path) -> None:
    folder = tmp_path / "dossier été"
    folder.mkdir()
    path = folder / "Alep – rapport ü.txt"
    path.write_text("Rapport\nTexte\n", encoding="utf-8")
    for given in (folder, path):
        docs, problems = read(given)
        assert problems == []
        assert [(d.external_id, d.location) for d in docs] == [(path.name, str(path))]


def write_manifest(folder: Path, body: str) -> Path:
    path = folder / "manifest.toml"
    path.write_text(body, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("published", "reason"),
    [
        ('"2016-13-45"', "published '2016-13-45' is not a real date: month must be in 1..12"),
        ('"yesterday"', "published 'yesterday' is not a date in the form YYYY-MM-DD"),
        ('"2016-02"\npublished_precision = "day"', "'day' is finer than the date given"),
        ('"2016"\npublished_precision = "week"', "'week' is not one of day, month, year"),
        ("2016", "published must be a date written as text, not a number"),
    ],
)
def test_manifest_with_a_wrong_date_keeps_that_document_out(
    tmp_path: Path, published: str, reason: str
) -> None:
    (tmp_path / "good.txt").write_text("Good\n")
    (tmp_path / "bad.txt").write_text("Bad\n")
    write_manifest(
        tmp_path,
        f'[[document]]\nfile = "good.txt"\npublished = 2016-02-21\n\n'
        f'[[document]]\nfile = "bad.txt"\ntitle = "T"\npublished = {published}\n',
    )
    docs, problems = read(tmp_path)
    assert [(d.external_id, d.published, d.published_precision) for d in docs] == [
        ("good.txt", date(2016, 2, 21), "day")  # a TOML date works too
    ]
    [problem] = problems
    assert problem.location == f"{tmp_path / 'manifest.toml'}: [[document]] #2 (file bad.txt)"
    assert reason in problem.reason
    assert problem.reason.endswith("bad.txt was not imported")


def test_manifest_month_and_year_precision(tmp_path: Path) -> None:
    (tmp_path / "m.txt").write_text("M\n")
    (tmp_path / "y.txt").write_text("Y\n")
    (tmp_path / "c.txt").write_text("C\n")
    write_manifest(
        tmp_path,
        '[[document]]\nfile = "m.txt"\npublished = "2016-02"\n'
        '[[document]]\nfile = "y.txt"\npublished = "2016"\n'
        '[[document]]\nfile = "c.txt"\npublished = "2016-02-21"\npublished_precision = "month"\n',
    )
    docs, problems = read(tmp_path)
    assert problems == []
    assert [(d.external_id, d.published, d.published_precision) for d in docs] == [
        ("c.txt", date(2016, 2, 21), "month"),
        ("m.txt", date(2016, 2, 1), "month"),
        ("y.txt", date(2016, 1, 1), "year"),
    ]


def test_manifest_entries_for_missing_files_and_without_file(tmp_path: Path) -> None:
    (tmp_path / "here.txt").write_text("Here\n")
    write_manifest(
        tmp_path,
        '[[document]]\nfile = "here.txt"\n[[document]]\nfile = "gone.txt"\n'
        '[[document]]\ntitle = "no file key"\n',
    )
    docs, problems = read(tmp_path)
    assert [d.external_id for d in docs] == ["here.txt"]
    assert [(p.location.rsplit("/", 1)[-1], p.reason) for p in problems] == [
        ("manifest.toml: [[document]] #3", "has no `file` naming the text file it describes"),
        ("manifest.toml (file gone.txt)", "describes gone.txt, which is not in the folder"),
    ]


def test_unparsable_manifest_beside_files_keeps_them_out(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("A\n")
    write_manifest(tmp_path, '[[document]]\nfile = "a.txt"\ntitle = "unclosed\n')
    docs, problems = read(tmp_path)
    assert docs == []
    assert problems[0].location == str(tmp_path / "manifest.toml")
    assert "not valid TOML" in problems[0].reason and "line 3" in problems[0].reason
    assert problems[1].location == str(tmp_path / "a.txt")
    assert problems[1].reason.startswith("not imported:")


def test_explicit_manifest_applies_and_its_errors_are_usage_errors(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("First line\n")
    meta = tmp_path / "meta"
    meta.mkdir()
    good = write_manifest(
        meta, '[[document]]\nfile = "a.txt"\nauthor = "X"\n[[document]]\nfile = "b.txt"\n'
    )
    docs, problems = read(tmp_path / "a.txt", manifest=good)
    assert [(d.title, d.author) for d in docs] == [("First line", "X")]
    assert [p.reason for p in problems] == ["describes b.txt, which is not among the files read"]

    broken = meta / "broken.toml"
    broken.write_text("[[document]\n")
    with pytest.raises(UsageError, match="line 1"):
        read_documents([tmp_path], manifest=broken)
    with pytest.raises(UsageError, match="does not exist"):
        read_documents([tmp_path], manifest=meta / "nope.toml")


def test_folder_without_text_files_is_reported(tmp_path: Path) -> None:
    docs, problems = read(tmp_path)
    assert docs == []
    assert [p.reason for p in problems] == [
        "no .txt files in this folder (subfolders are not read)"
    ]


def test_large_inputs_are_refused_by_size_without_reading_them(tmp_path: Path) -> None:
    large, long_line, *_ = write_large_inputs(tmp_path / "large")
    tracemalloc.start()
    try:
        docs, problems = read(large)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert docs == []
    assert [p.reason for p in problems] == [
        "50.0 MB, above the 2.0 MB limit (CLAIMDB_MAX_DOCUMENT_BYTES)"
    ]
    assert peak < 1_000_000

    docs, problems = read(long_line)
    assert problems == []
    assert len(docs[0].text) == 1_000_000
    assert len(docs[0].title) <= 301 and docs[0].title.endswith("word…")


def test_max_bytes_is_the_callers(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("x" * 1500)
    docs, problems = read(path, max_bytes=1000)
    assert [p.reason for p in problems] == [
        "1.5 kB, above the 1.0 kB limit (CLAIMDB_MAX_DOCUMENT_BYTES)"
    ]
