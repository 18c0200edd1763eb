"""The annotator's tool (tests/data/gold/annotate.py): `fill` finds names as whole words."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

_PATH = Path(__file__).parent / "data" / "gold" / "annotate.py"
_SPEC = importlib.util.spec_from_file_location("annotate_tool", _PATH)
assert _SPEC is not None and _SPEC.loader is not None
annotate = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(annotate)

TEXT = "The Syrian army said Syrias north is calm. Syria denies it; he left."


@pytest.mark.parametrize(
    ("words", "nth", "at"),
    [
        ("Syria", 1, TEXT.index("Syrias")),  # a stripped possessive, not inside "Syrian"
        ("Syria", 2, TEXT.index("Syria denies")),
        ("he", 1, TEXT.index("he left")),  # not inside "The"
        ("Syrian army", 1, TEXT.index("Syrian army")),
        ("; he", 1, TEXT.index("; he")),
    ],
)
def test_fill_finds_whole_words(words: str, nth: int, at: int) -> None:
    assert annotate._locate(TEXT, words, 0, len(TEXT), nth, "test") == [at, at + len(words)]


def test_fill_says_what_it_did_not_find() -> None:
    with pytest.raises(SystemExit, match="not found"):
        annotate._locate(TEXT, "Syria", 0, len(TEXT), 3, "test")
