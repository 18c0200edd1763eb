"""tests/data/bad/: each input gives the outcome its README promises."""

from __future__ import annotations

from pathlib import Path

from app.ingest import read_documents
from tests.ingest.bad_corpus import write_large_inputs
from tests.ingest.reading import read, split

BAD = Path(__file__).resolve().parents[1] / "data" / "bad"


def test_bad_folder_as_text() -> None:
    docs, problems = read(BAD)
    assert [(d.external_id, d.encoding) for d in docs] == [
        ("cp1252.txt", "cp1252"),
        ("name with spaces ü.txt", "utf-8"),
        ("utf16_bom.txt", "utf-16-le"),
    ]
    assert docs[1].title == "Ceasefire holds in Daraa"
    assert "\ufeff" not in docs[2].text and "\r\n" in docs[2].text
    assert {Path(p.location).name: p.reason.split(" (")[0] for p in problems} == {
        "binary.txt": "binary content",
        "empty.txt": "empty document",
        "invalid_utf8.txt": "does not look like text: 78% of its characters are control characters",
        "mixed_encoding.txt": "mixes UTF-8 characters with bytes that are not UTF-8",
        "nul_bytes.txt": "binary content",
        "utf16_no_bom.txt": "looks like UTF-16 without a byte-order mark",
        "whitespace_only.txt": "empty document",
    }


def test_bad_manifest() -> None:
    docs, problems = read(BAD / "bad_manifest")
    assert [(d.external_id, d.title, str(d.published), d.published_precision) for d in docs] == [
        ("good.txt", "A good entry", "2016-05-01", "month")
    ]
    manifest = str(BAD / "bad_manifest" / "manifest.toml")
    assert all(p.location.startswith(manifest) for p in problems)
    assert [p.location.removeprefix(manifest) for p in problems] == [
        ": [[document]] #2 (file bad_date.txt)",
        ": [[document]] #3 (file yesterday.txt)",
        " (file missing.txt)",
    ]
    assert problems[0].reason.endswith("bad_date.txt was not imported")
    assert problems[1].reason.endswith("yesterday.txt was not imported")


def test_bad_tabular_files() -> None:
    docs, problems = read(BAD / "unterminated_quote.csv")
    assert [d.external_id for d in docs] == ["a1", "a2"]
    assert [p.location.rsplit(":", 1)[1] for p in problems] == ["row 3 (line 5)"]

    for preset in ("fakes", None):
        docs, problems = read(BAD / "missing_column.csv", preset=preset)
        assert docs == [] and [p.location for p in problems] == [str(BAD / "missing_column.csv")]

    docs, problems = read(BAD / "non_object.jsonl")
    assert [d.external_id for d in docs] == ["j1", "7"]
    assert [int(p.location.rsplit(" ", 1)[1]) for p in problems] == [2, 3, 5, 6, 7]


def test_everything_at_once_accounts_for_every_input(tmp_path: Path) -> None:
    large = write_large_inputs(tmp_path)
    paths = [
        BAD,
        BAD / "bad_manifest",
        BAD / "unterminated_quote.csv",
        BAD / "non_object.jsonl",
        *large,
    ]
    docs, problems = split(list(read_documents(paths)))
    # 3 + 1 + 2 + 2 documents from the corpus; the long line, 1 JSONL and 2 CSV rows.
    assert len(docs) == 8 + 4
    assert len(problems) == 7 + 3 + 1 + 5 + 3
    assert all(p.location and p.reason for p in problems)
