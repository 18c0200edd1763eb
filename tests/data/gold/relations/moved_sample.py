"""Draw the claim pairs a change moves in or out of one event, for a blind judgement.

    claimdb import tests/data/fakes/fakes_dev.csv --preset fakes   # before, into OLD.sqlite3
    claimdb import tests/data/fakes/fakes_dev.csv --preset fakes   # after, into NEW.sqlite3
    python tests/data/gold/relations/moved_sample.py OLD.sqlite3 OUT --not-in NEW.sqlite3 --seed S

Every two claims of an event of at most 400 claims in the first import that are not in
one event in the other (swap the two files for the pairs a change newly puts together),
outside held-out articles, drawn at random and written as relation files to judge by
docs/relations-annotation.md; pairs an earlier audit set holds are then left out (a draw
written into its own folder again leaves its own pairs in, and overwrites its judgements:
draw into a new folder). audit-dev8/ (stop 34), audit9/ and audit11/ (stop 35) were drawn
so; the last two come back as drawn from imports of the dev half at 7958e73 and 79c8c17.
"""

from __future__ import annotations

import itertools
import random
import sqlite3
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[4]
sys.path.insert(0, str(ROOT))

from tests.data.gold.relations.audit_sample import (  # noqa: E402
    Claim,
    _audited,
    _held_out,
    dev_documents,
    parser,
    write_pairs,
)

# an event this large is left out (its pairs would be most of the draw and say little)
MAX_EVENT = 400
_MEMBERS = """select ec.event_id, so.external_id, cl.char_start, cl.char_end from event_claim ec
 join claim cl on cl.id = ec.claim_id join source so on so.id = cl.source_id"""


def together(db: str) -> set[tuple[Claim, Claim]]:
    """Every two claims of one event (of at most MAX_EVENT claims), the lesser first."""
    events: dict[int, list[Claim]] = defaultdict(list)
    for event_id, ext, start, end in sqlite3.connect(db).execute(_MEMBERS):
        events[event_id].append((ext, start, end))
    return {
        pair
        for members in events.values()
        if len(members) <= MAX_EVENT
        for pair in itertools.combinations(sorted(members), 2)
    }


def main() -> None:
    ap = parser(__doc__, seed=20261217)
    ap.add_argument(
        "--not-in", required=True, metavar="OTHER.sqlite3",
        help="another import of the dev half: draw pairs it does not hold in one event",
    )  # fmt: skip
    ap.add_argument("--count", type=int, default=30, help="how many pairs")
    args = ap.parse_args()
    hidden = _held_out()
    moved = together(args.db) - together(args.not_in)
    pool = sorted(p for p in moved if not {p[0][0], p[1][0]} & hidden)
    picked = random.Random(args.seed).sample(pool, min(args.count, len(pool)))
    taken = _audited(but=args.out)
    kept = [(a, b) for a, b in picked if frozenset(((a[0], a[1]), (b[0], b[1]))) not in taken]
    files = write_pairs(args.out, dev_documents(), kept)
    print(
        f"{len(moved)} pairs moved; {len(kept)} drawn in {files} files in {args.out} "
        f"({len(picked) - len(kept)} an earlier set holds left out)"
    )


if __name__ == "__main__":
    main()
