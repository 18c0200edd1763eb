"""Draw stored relations for a blind audit: what a user of the database sees, judged.

    claimdb import tests/data/fakes/fakes_dev.csv --preset fakes   # into a fresh SQLite file
    python tests/data/gold/relations/audit_sample.py DB.sqlite3 OUT_DIR --seed 20261201

The relation gold (dev/, holdout/) scores claim pairs the annotators chose; it never sees
the relations claimdb stores between other pairs (claims of one article, claims joined
only through an event), so its precision says little of the stored graph. An audit draws
stored relations at random by kind (50 contradicts, 25 corroborates, 10 updates, 5
repeats, 10 related), writes them as relation files with `same_event` and `relation` left
empty, and a judge who is not told the system's kinds fills them by
docs/relations-annotation.md. Articles of the held-out gold (holdout/, fresh4/, fresh5/,
relations/holdout/) are left out, and so are pairs an earlier audit holds.

A change's own relations: `--added-since OLD.sqlite3 --kind contradicts --count 40` draws
only the contradictions DB stores and OLD (the dev half imported by the code before the
change) does not, so a judge scores what the change adds.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[4]
sys.path.insert(0, str(ROOT))

from app.ingest import RawDocument, read_documents  # noqa: E402

GOLD = ROOT / "tests" / "data" / "gold"
WANT = {"contradicts": 50, "corroborates": 25, "updates": 10, "repeats": 5, "related": 10}
_ROWS = """select r.kind, ca.char_start, ca.char_end, cb.char_start, cb.char_end,
 sa.external_id, sb.external_id
 from claim_relation r join claim ca on ca.id = r.claim_a_id join claim cb on cb.id = r.claim_b_id
 join source sa on sa.id = ca.source_id join source sb on sb.id = cb.source_id"""


def _held_out() -> set[str]:
    ids = {p.stem.removeprefix("fakes-") for d in ("holdout", "fresh4", "fresh5")
           for p in (GOLD / d).glob("*.json")}  # fmt: skip
    for p in (GOLD / "relations" / "holdout").glob("*.json"):
        ids |= set(p.stem.split("-"))
    return ids


def _audited(but: Path | None = None) -> set[frozenset]:
    """The pairs the audit sets hold (but the folder `but`: a draw written there again)."""
    out = set()
    for p in GOLD.glob("relations/audit*/*.json"):
        if but is not None and p.parent.resolve() == but.resolve():
            continue
        g = json.loads(p.read_text(encoding="utf-8"))
        for pair in g["pairs"]:
            out.add(frozenset(((g["documents"]["a"]["id"], pair["a"]["span"][0]),
                               (g["documents"]["b"]["id"], pair["b"]["span"][0]))))  # fmt: skip
    return out


def dev_documents() -> dict[str, RawDocument]:
    """The FA-KES dev half's articles by id."""
    found = read_documents([ROOT / "tests/data/fakes/fakes_dev.csv"], preset="fakes")
    return {d.external_id: d for d in found if isinstance(d, RawDocument)}


def parser(doc: str | None, seed: int) -> argparse.ArgumentParser:
    """A draw's arguments: the import to draw from, the folder to write, the seed."""
    ap = argparse.ArgumentParser(
        description=doc, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("db", help="a SQLite file the FA-KES dev half was imported into")
    ap.add_argument("out", type=Path, help="folder for the relation files to judge")
    ap.add_argument("--seed", type=int, default=seed, help="seed of the random draw")
    return ap


Claim = tuple[str, int, int]  # article id, span start, span end


def write_pairs(out: Path, docs: dict[str, RawDocument], pairs: list[tuple[Claim, Claim]]) -> int:
    """Write `pairs` (article a's id not after b's) as relation files to judge, one file per
    pair of articles, `same_event` and `relation` left empty; returns how many files."""
    files: dict[tuple[str, str], list[tuple[Claim, Claim]]] = {}
    for a, b in pairs:
        files.setdefault((a[0], b[0]), []).append((a, b))
    out.mkdir(parents=True, exist_ok=True)
    for (ia, ib), found in sorted(files.items()):
        documents = {side: {"dataset": "fakes", "id": i, "title": docs[i].title,
                            "outlet": docs[i].outlet, "text": docs[i].text}
                     for side, i in (("a", ia), ("b", ib))}  # fmt: skip
        gold = {"documents": documents, "annotator": "TODO", "note": "", "pairs": [
            {side: {"span": [s, e], "text": documents[side]["text"][s:e]}
             for side, (_, s, e) in (("a", a), ("b", b))}
            | {"same_event": None, "relation": None, "differs": [], "note": ""}
            for a, b in found]}  # fmt: skip
        path = out / f"{ia}-{ib}.json"
        path.write_text(json.dumps(gold, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return len(files)


def main() -> None:
    ap = parser(__doc__, seed=20261201)
    ap.add_argument(
        "--added-since", type=Path, metavar="OLD.sqlite3",
        help="draw only relations this older import of the dev half lacks (a kind it stored "
        "differently counts as lacking)",
    )  # fmt: skip
    ap.add_argument("--kind", choices=sorted(WANT), help="draw only this kind")
    ap.add_argument("--count", type=int, help="how many of --kind (default: as WANT)")
    args = ap.parse_args()
    docs = dev_documents()
    hidden, taken = _held_out(), _audited()
    rows = [r for r in sqlite3.connect(args.db).execute(_ROWS)
            if r[5] in docs and r[6] in docs and not {r[5], r[6]} & hidden
            and frozenset(((r[5], r[1]), (r[6], r[3]))) not in taken]  # fmt: skip
    if args.added_since:
        before = {(r[0], frozenset(((r[5], r[1]), (r[6], r[3]))))
                  for r in sqlite3.connect(args.added_since).execute(_ROWS)}  # fmt: skip
        rows = [r for r in rows if (r[0], frozenset(((r[5], r[1]), (r[6], r[3])))) not in before]
    want = {args.kind: args.count or WANT[args.kind]} if args.kind else WANT
    rng = random.Random(args.seed)
    picked = []
    for kind, n in want.items():
        pool = [r for r in rows if r[0] == kind]
        picked += rng.sample(pool, min(n, len(pool)))
    rng.shuffle(picked)
    pairs = []
    for _, s1, e1, s2, e2, ia, ib in picked:
        a, b = (ia, s1, e1), (ib, s2, e2)
        pairs.append((a, b) if ia <= ib else (b, a))
    files = write_pairs(args.out, docs, pairs)
    print(f"{len(picked)} pairs in {files} files in {args.out}")


if __name__ == "__main__":
    main()
