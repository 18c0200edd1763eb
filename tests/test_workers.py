"""extract_all: worker processes give the same results, in input order, as in-process."""

from __future__ import annotations

from pathlib import Path

from app.extraction import extract
from app.workers import extract_all

SEEDS = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))


def _request(item: str | None) -> dict[str, str] | None:
    return None if item is None else {"text": item}


def test_workers_match_in_process_and_keep_order() -> None:
    texts = [p.read_text(encoding="utf-8") for p in SEEDS] * 16  # more than IN_FLIGHT
    items: list[str | None] = []
    for text in texts:
        items += [text, None]
    results = list(extract_all(items, _request, workers=1, wait_for_workers=True))
    assert [item for item, _ in results] == items
    for item, outcome in results:
        if item is None:
            assert outcome is None
        else:
            assert outcome == extract(item)


def test_failures_are_reported_per_document() -> None:
    def request(item: str) -> dict[str, object]:
        return {"text": item} if item != "bad" else {"text": None}

    results = dict(
        extract_all(["Army shells Homs.", "bad", "Rebels seize Idlib."], request, workers=0)
    )
    assert isinstance(results["bad"], str) and results["bad"].startswith("extraction failed")
    assert not isinstance(results["Army shells Homs."], str)
