"""Mistaken commands fail before anything is read; mappings are parsed strictly."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.errors import UsageError
from app.ingest import parse_mapping, read_documents


def test_parse_mapping() -> None:
    assert parse_mapping(["title=article_title", " text = body text "]) == {
        "title": "article_title",
        "text": "body text",
    }
    assert parse_mapping([]) == {}


@pytest.mark.parametrize(
    ("items", "message"),
    [
        (["title"], "is not FIELD=COLUMN"),
        (["=col"], "is not FIELD=COLUMN"),
        (["title="], "is not FIELD=COLUMN"),
        (["nosuch=col"], "unknown field 'nosuch'"),
        (["title=a", "title=b"], "maps title twice"),
    ],
)
def test_parse_mapping_refuses(items: list[str], message: str) -> None:
    with pytest.raises(UsageError, match=message):
        parse_mapping(items)


@pytest.fixture
def inputs(tmp_path: Path) -> dict[str, Path]:
    paths = {
        "csv": tmp_path / "a.csv",
        "txt": tmp_path / "a.txt",
        "dat": tmp_path / "a.dat",
    }
    paths["csv"].write_text("text\nx\n")
    paths["txt"].write_text("x\n")
    paths["dat"].write_text("x\n")
    return paths


@pytest.mark.parametrize(
    ("paths", "options", "message"),
    [
        ([], {}, "no file or folder"),
        (["missing.txt"], {}, "does not exist"),
        (["csv", "missing.csv"], {}, "does not exist"),
        (["csv"], {"preset": "nosuch"}, "unknown preset 'nosuch'; known presets: fakes"),
        (["csv"], {"mapping": {"nosuch": "col"}}, "unknown field 'nosuch'"),
        (["txt"], {"preset": "fakes"}, "apply to CSV files"),
        (["csv"], {"manifest": "txt"}, "applies to text files"),
        (["dat"], {}, "cannot tell the format"),
        (["folder"], {"format": "csv"}, "is a folder"),
        (["csv"], {"format": "xml"}, "unknown format"),
        (["csv"], {"max_bytes": 0}, "at least 1 byte"),
    ],
)
def test_usage_errors_raise_before_anything_is_read(
    inputs: dict[str, Path], tmp_path: Path, paths: list[str], options: dict, message: str
) -> None:
    inputs["folder"] = tmp_path
    resolved = [inputs.get(p, tmp_path / p) for p in paths]
    if "manifest" in options:
        options["manifest"] = inputs[options["manifest"]]
    # Raised by the call itself, not on iteration: nothing can have been imported.
    with pytest.raises(UsageError, match=message):
        read_documents(resolved, **options)


def test_explicit_format_overrides_the_suffix(inputs: dict[str, Path]) -> None:
    [doc] = read_documents([inputs["dat"]], format="text")
    assert doc.origin == "text" and doc.text == "x\n"
    [doc] = read_documents([inputs["csv"]], format="text")
    assert doc.text == "text\nx\n"
