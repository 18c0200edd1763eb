"""`claimdb eval --relations` end to end: a gold file written here from two FA-KES dev
articles (docs/relations-annotation.md format), imported into a throwaway database and
scored pair by pair."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from typer.testing import CliRunner

from app.cli import app
from app.config import PROJECT_ROOT

FAKES_DEV = PROJECT_ROOT / "tests" / "data" / "fakes" / "fakes_dev.csv"


def _articles() -> dict[str, dict[str, str]]:
    csv.field_size_limit(10**9)
    with FAKES_DEV.open(encoding="utf-8", newline="") as f:
        return {r["unit_id"]: r for r in csv.DictReader(f)}


def _side(text: str, claim: str) -> dict[str, object]:
    start = text.index(claim)
    return {"span": [start, start + len(claim)], "text": claim}


def test_eval_relations_scores_each_pair(tmp_path: Path) -> None:
    rows = _articles()
    a, b = rows["1923102872"], rows["1919191759"]
    docs = {
        side: {"dataset": "fakes", "id": r["unit_id"], "outlet": r["source"],
               "title": r["article_title"], "text": r["article_content"]}
        for side, r in (("a", a), ("b", b))
    }  # fmt: skip
    toll_a = "At least 72 people including nine children were killed"
    toll_b = "An alleged chemical attack that killed at least 58"
    background = "Syrias government officially joined the Chemical Weapons Convention"
    pairs = [
        {"a": _side(a["article_content"], toll_a), "b": _side(b["article_content"], toll_b),
         "same_event": True, "relation": "corroborates", "differs": [], "note": ""},
        {"a": _side(a["article_content"], background), "b": _side(b["article_content"], toll_b),
         "same_event": False, "relation": "unrelated", "differs": [], "note": ""},
    ]  # fmt: skip
    gold = tmp_path / "pair.json"
    gold.write_text(
        json.dumps({"documents": docs, "annotator": "test", "pairs": pairs}), encoding="utf-8"
    )
    result = CliRunner().invoke(app, ["eval", "--relations", str(gold), "--errors"])
    assert result.exit_code == 0, result.output
    scored = json.loads(result.output)["relations"]
    assert scored["pairs"] == 2 and scored["pairs_matched"] == 2
    assert scored["same_event"] == {
        "precision": 1.0, "recall": 1.0, "gold_positive": 1, "system_positive": 1,
    }  # fmt: skip
    assert scored["corroborates"]["precision"] == 1.0 and scored["corroborates"]["recall"] == 1.0
    assert scored["contradicts"]["gold"] == 0 and scored["errors"] == []


def test_eval_relations_refuses_a_span_that_does_not_slice_its_text(tmp_path: Path) -> None:
    gold = tmp_path / "bad.json"
    doc = {"dataset": "fakes", "id": "1", "text": "Air strikes hit Aleppo."}
    gold.write_text(
        json.dumps(
            {
                "documents": {"a": doc, "b": {**doc, "id": "2"}},
                "annotator": "test",
                "pairs": [
                    {"a": {"span": [0, 3], "text": "Air"}, "b": {"span": [0, 5], "text": "Air"},
                     "same_event": True, "relation": "related"}
                ],
            }
        ),
        encoding="utf-8",
    )  # fmt: skip
    result = CliRunner().invoke(app, ["eval", "--relations", str(gold)])
    assert result.exit_code == 2 and "does not slice" in result.output
