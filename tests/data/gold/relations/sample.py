"""The article pairs of the relation gold set, drawn without looking at claimdb's output.

    python tests/data/gold/relations/sample.py

Pairs come from the FA-KES labels alone: two articles from different outlets with the
same crowd-labelled incident date and governorate are likely to report one incident
(positives and hard cases); two with the same governorate and dates 3-30 days apart are
likely not (negatives). Drawn with a fixed seed; the first 30 positive and 8 negative
pairs go to dev/, the rest of a 14 + 4 draw to holdout/. Prints `annotate.py pair`
commands, one per pair.

    python tests/data/gold/relations/sample.py dev2

A second development set, drawn at stop 30 when the holdout's recalls stayed far below
dev's (same event 68.6 against 84.3 %) and dev had been read to its last errors: the 51
pairs above were nearly used up, so dev2 takes the 7 left, pairs of one outlet with the
same labelled date and governorate (follow-ups), pairs of different outlets one day apart
(the crowd's date is often the report's day, not the incident's), and 3-30 day negatives;
no article of holdout/ is drawn, so tuning on dev2 leaves the holdout unseen.

    python tests/data/gold/relations/sample.py dev3

A third, drawn at stop 32 when dev2 too had been read: 10 pairs of different outlets one
day apart and 6 two days apart, none drawn before, no article of holdout/.

    python tests/data/gold/relations/sample.py dev4

A fourth, drawn at stop 51 when dev3 too had been read and the holdout's misses were of
pairs about one incident: no pair of different outlets with the same labelled date was
left, so pairs 0-3 days apart in one governorate are ranked by the words their texts
share (Jaccard over words of four letters or more; the texts alone, never claimdb's
output), near-copies (0.9 or more) left out: 10 of different outlets and 4 of one outlet
from those sharing 0.15 or more, none drawn before, no article of holdout/.

    python tests/data/gold/relations/sample.py dev5

A fifth, drawn at stop 52 when dev4 too had been read: the same draw as dev4's from the
pairs it left, with a seed of its own.

    python tests/data/gold/relations/sample.py dev6

A sixth, drawn at stop 53 when dev5 too had been read: the same draw from the pairs dev4
and dev5 left.
"""

from __future__ import annotations

import itertools
import random
import re
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


def _documents() -> list[RawDocument]:
    seen, docs = set(), []
    for d in read_documents([FAKES], preset="fakes"):
        if isinstance(d, RawDocument) and content_sha256(d.text) not in seen:
            seen.add(content_sha256(d.text))
            docs.append(d)
    return sorted(docs, key=lambda d: d.external_id)


def pairs(seed: int = 20261130) -> dict[str, list[tuple[str, str]]]:
    docs = _documents()
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


def dev2(seed: int = 20261205) -> list[tuple[str, str]]:
    docs = _documents()
    first = {p for part in pairs().values() for p in part}
    held = {i for a, b in pairs()["holdout"] for i in (a, b)}
    kinds: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for a, b in itertools.combinations(docs, 2):
        if a.extra["location"] != b.extra["location"] or {a.external_id, b.external_id} & held:
            continue
        if (a.external_id, b.external_id) in first:
            continue
        days = abs((_day(a) - _day(b)).days)
        other = a.outlet != b.outlet
        kind = {0: "same day", 1: "next day"}.get(days, "apart" if 3 <= days <= 30 else None)
        if kind and (other or kind == "same day"):
            kinds[kind if other else "one outlet"].append((a.external_id, b.external_id))
    rng = random.Random(seed)
    for chosen in kinds.values():
        rng.shuffle(chosen)
    return (
        kinds["same day"][:5] + kinds["one outlet"][:5] + kinds["next day"][:8] + kinds["apart"][:2]
    )


def dev3(seed: int = 20261203) -> list[tuple[str, str]]:
    """Pairs of different outlets one or two days apart in one governorate, none drawn
    before (dev, holdout, dev2) and no article of holdout/."""
    docs = _documents()
    drawn = {p for part in pairs().values() for p in part} | set(dev2())
    held = {i for a, b in pairs()["holdout"] for i in (a, b)}
    kinds: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for a, b in itertools.combinations(docs, 2):
        if a.extra["location"] != b.extra["location"] or a.outlet == b.outlet:
            continue
        if {a.external_id, b.external_id} & held or (a.external_id, b.external_id) in drawn:
            continue
        days = abs((_day(a) - _day(b)).days)
        if days in (1, 2):
            kinds[days].append((a.external_id, b.external_id))
    rng = random.Random(seed)
    for chosen in kinds.values():
        rng.shuffle(chosen)
    return kinds[1][:10] + kinds[2][:6]


def _shared_words(a: RawDocument, b: RawDocument) -> float:
    x, y = ({w for w in re.findall(r"[a-z]{4,}", d.text.lower())} for d in (a, b))
    return len(x & y) / len(x | y)


def _sharing_words(drawn: set[tuple[str, str]], seed: int) -> list[tuple[str, str]]:
    """Pairs 0-3 days apart in one governorate whose texts share many words, not in `drawn`
    and with no article of holdout/: 10 of different outlets, then 4 of one outlet."""
    held = {i for a, b in pairs()["holdout"] for i in (a, b)}
    kinds: dict[bool, list[tuple[str, str]]] = defaultdict(list)
    for a, b in itertools.combinations(_documents(), 2):
        if a.extra["location"] != b.extra["location"] or abs((_day(a) - _day(b)).days) > 3:
            continue
        if {a.external_id, b.external_id} & held or (a.external_id, b.external_id) in drawn:
            continue
        if 0.15 <= _shared_words(a, b) < 0.9:
            kinds[a.outlet != b.outlet].append((a.external_id, b.external_id))
    rng = random.Random(seed)
    for chosen in kinds.values():
        rng.shuffle(chosen)
    return kinds[True][:10] + kinds[False][:4]


def _before_dev4() -> set[tuple[str, str]]:
    return {p for part in pairs().values() for p in part} | set(dev2()) | set(dev3())


def dev4(seed: int = 20261207) -> list[tuple[str, str]]:
    """Pairs 0-3 days apart in one governorate whose texts share many words (see above)."""
    return _sharing_words(_before_dev4(), seed)


def dev5(seed: int = 20261208) -> list[tuple[str, str]]:
    """As dev4, from the pairs dev4 did not draw (see above)."""
    return _sharing_words(_before_dev4() | set(dev4()), seed)


def dev6(seed: int = 20261209) -> list[tuple[str, str]]:
    """As dev4, from the pairs dev4 and dev5 did not draw (see above)."""
    return _sharing_words(_before_dev4() | set(dev4()) | set(dev5()), seed)


if __name__ == "__main__":
    for name, draw in (
        ("dev2", dev2),
        ("dev3", dev3),
        ("dev4", dev4),
        ("dev5", dev5),
        ("dev6", dev6),
    ):
        if sys.argv[1:] == [name]:
            for a, b in draw():
                print(f"annotate.py pair fakes:{a} fakes:{b} --into {name}")
            sys.exit()
    for part, chosen in pairs().items():
        for a, b in chosen:
            print(f"annotate.py pair fakes:{a} fakes:{b} --into {part}")
