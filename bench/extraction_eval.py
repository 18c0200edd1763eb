"""Extraction accuracy and speed on FA-KES, without a database.

    python bench/extraction_eval.py [path.csv] [--errors]

Each article is extracted from its text, title and outlet only (the ``date`` column is
withheld): the main event date (that of the first dated claim) is compared with ``date``,
the crowd-labelled date of the incident, and the governorate of the primary place with
``location`` (see app/evaluation/labels.py). ``claimdb eval`` measures the same through a
real import; this times extraction alone, on one core.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.evaluation.labels import (  # noqa: E402
    Judged,
    gold_governorate,
    main_event_date,
    parse_gold_date,
    score,
)
from app.extraction import extract  # noqa: E402
from app.extraction.registry import governorate_of  # noqa: E402

DEFAULT = Path(__file__).resolve().parents[1] / "tests" / "data" / "fakes" / "fakes_dev.csv"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--errors", action="store_true", help="list the misses on stderr")
    args = parser.parse_args(argv)

    with args.path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    extract("warm-up: load the gazetteer, registry and tokenizer before timing.")

    judged: list[Judged] = []
    started = time.perf_counter()
    for row in rows:
        x = extract(row["article_content"], title=row["article_title"], outlet=row["source"])
        main = main_event_date(
            (
                c.start,
                c.in_comments,
                *((c.date.date_start, c.date.date_end) if c.date else (None, None)),
            )
            for c in x.claims
        )
        judged.append(
            Judged(
                gold_date=parse_gold_date(row["date"]),
                found_start=main[0] if main else None,
                found_end=main[1] if main else None,
                gold_location=row["location"],
                found_governorate=governorate_of(x.primary_place) if x.primary_place else None,
            )
        )
    elapsed = time.perf_counter() - started

    result = score(judged)
    result["docs_per_second"] = round(len(rows) / elapsed, 1) if elapsed else 0.0
    result["ms_per_doc"] = round(elapsed * 1000 / len(rows), 2) if rows else 0.0
    print(json.dumps(result, indent=2))
    if args.errors:
        for row, j in zip(rows, judged, strict=True):
            if not j.date_exact:
                print(
                    f"date\t{row['unit_id']}\t{row['source']}\tgold={j.gold_date}\t"
                    f"found={j.found_start}..{j.found_end}\t{row['article_content'][:90]!r}",
                    file=sys.stderr,
                )
            if not j.governorate_ok:
                print(
                    f"place\t{row['unit_id']}\t{row['source']}\tgold={row['location']}"
                    f"{sorted(gold_governorate(row['location']))}\tfound={j.found_governorate}"
                    f"\t{row['article_title'][:80]!r}",
                    file=sys.stderr,
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
