"""The article pairs of the relation gold set, drawn without looking at claimdb's output.

    python tests/data/gold/relations/sample.py

Pairs come from the FA-KES labels alone: two articles from different outlets with the
same crowd-labelled incident date and governorate are likely to report one incident
(positives and hard cases); two with the same governorate and dates 3-30 days apart are
likely not (negatives). Drawn with a fixed seed; the first 30 positive and 8 negative
pairs go to dev/, the rest of a 14 + 4 draw to holdout/. Prints `annotate.py pair`
commands, one per pair.
"""

from __future__ import annotations

import itertools
import random
import sys
from collections import defaultdict
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[4]
sys.path.insert(0, str(ROOT))

from app.ingest import RawDocument, content_sha256, read_documents  # noqa: E402

FAKES = ROOT / "tests" / "data" / "fakes" / "fakes_dev.csv"


def _day(doc: RawDocument):
    return datetime.strptime(doc.extra["date"], "%m/%d/%Y").date()


def pairs(seed: int = 20261130) -> dict[str, list[tuple[str, str]]]:
    seen, docs = set(), []
    for d in read_documents([FAKES], preset="fakes"):
        if isinstance(d, RawDocument) and content_sha256(d.text) not in seen:
            seen.add(content_sha256(d.text))
            docs.append(d)
    docs.sort(key=lambda d: d.external_id)
    same = defaultdict(list)
    for d in docs:
        same[(d.extra["date"], d.extra["location"])].append(d)
    positive = [
        (a.external_id, b.external_id)
        for group in same.values()
        for a, b in itertools.combinations(group, 2)
        if a.outlet != b.outlet
    ]
    negative = [
        (a.external_id, b.external_id)
        for a, b in itertools.combinations(docs, 2)
        if a.extra["location"] == b.extra["location"]
        and a.outlet != b.outlet
        and 3 <= abs((_day(a) - _day(b)).days) <= 30
    ]
    rng = random.Random(seed)
    rng.shuffle(positive)
    rng.shuffle(negative)
    return {
        "dev": positive[:30] + negative[:8],
        "holdout": positive[30:44] + negative[8:12],
    }


if __name__ == "__main__":
    for part, chosen in pairs().items():
        for a, b in chosen:
            print(f"annotate.py pair fakes:{a} fakes:{b} --into {part}")
