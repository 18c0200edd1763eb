"""Draw claims and their event-mates for a blind audit of the events themselves.

    claimdb import tests/data/fakes/fakes_dev.csv --preset fakes   # into a fresh SQLite file
    python tests/data/gold/relations/mates_sample.py DB.sqlite3 OUT_DIR --count 40 --seed S
    python tests/data/gold/relations/mates_sample.py DB.sqlite3 OUT_DIR --other-article ...

audit_sample.py draws stored relations; a reader of /events/{id} sees every claim of an
event, linked to each other or not. This draws a claim at random among those in an event
of two or more, then another claim of its event at random (with --other-article, one of
another article), leaving out held-out articles and pairs an earlier set holds, and writes
the pairs as relation files to judge by docs/relations-annotation.md (audit7/, audit8/,
audit-dev9/ were drawn so, before this file held the draw; a draw now leaves them out).
"""

from __future__ import annotations

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

_MEMBERS = """select ec.event_id, so.external_id, cl.char_start, cl.char_end from event_claim ec
 join claim cl on cl.id = ec.claim_id join source so on so.id = cl.source_id
 order by ec.event_id, so.external_id, cl.char_start"""


def main() -> None:
    ap = parser(__doc__, seed=20261214)
    ap.add_argument("--count", type=int, default=40, help="how many pairs")
    ap.add_argument("--other-article", action="store_true", help="mates from other articles")
    args = ap.parse_args()
    docs = dev_documents()
    hidden, taken = _held_out(), _audited()
    events: dict[int, list[Claim]] = defaultdict(list)
    for event_id, ext, start, end in sqlite3.connect(args.db).execute(_MEMBERS):
        if ext in docs and ext not in hidden:
            events[event_id].append((ext, start, end))
    claims = [(m, e) for e, members in events.items() if len(members) > 1 for m in members]
    rng = random.Random(args.seed)
    picked: list[tuple[Claim, Claim]] = []
    tries = 0
    while len(picked) < args.count and tries < 100 * args.count:
        tries += 1
        claim, event_id = rng.choice(claims)
        mates = [x for x in events[event_id]
                 if x != claim and not (args.other_article and x[0] == claim[0])]  # fmt: skip
        if not mates:
            continue
        mate = rng.choice(mates)
        key = frozenset(((claim[0], claim[1]), (mate[0], mate[1])))
        if key not in taken:
            taken.add(key)
            first, second = sorted((claim, mate))
            picked.append((first, second))
    files = write_pairs(args.out, docs, picked)
    print(f"{len(picked)} pairs in {files} files in {args.out}")


if __name__ == "__main__":
    main()
