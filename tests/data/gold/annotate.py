"""The annotator's tool for gold claim files (docs/annotation.md). Never runs the extractor.

    python tests/data/gold/annotate.py new fakes:1914947530 --annotator NAME [--into holdout]
    python tests/data/gold/annotate.py new seed:001_8ce4b84d20215b01 --annotator NAME
    python tests/data/gold/annotate.py text FILE            # the text, with offsets
    python tests/data/gold/annotate.py find FILE "exact words"
    python tests/data/gold/annotate.py actor Daesh           # registry look-up
    python tests/data/gold/annotate.py place "Deir ez-Zor"   # gazetteer look-up
    python tests/data/gold/annotate.py day 2017-04-05        # weekdays around a date
    python tests/data/gold/annotate.py fill FILE             # compute spans from texts
    python tests/data/gold/annotate.py check FILE...         # validate
    python tests/data/gold/annotate.py pair fakes:ID fakes:ID --annotator NAME
                                       # a relation file (docs/relations-annotation.md);
                                       # text/find take --side a|b for it

`fill` lets you write a claim with `"span": null` and its exact `"text"`: the span is
the first occurrence at or after the previous claim's start. Inside a claim, an actor or
place with `"span": null` is found by its `name`, a figure by its `surface`, the
claimant by `claimant_text` (set `"claimant_span": null` and `"claimant_text"`), the
publication date by `published.surface`; always the first occurrence inside the claim
(or the text, for the publication date). Give `"nth": k` (1-based) on an item to take a
later occurrence; `fill` removes it.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import textwrap
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))

from app.errors import UsageError  # noqa: E402
from app.evaluation.gold import load_gold, load_relations  # noqa: E402
from app.extraction.normalize import normalize_key  # noqa: E402
from app.extraction.registry import actor_entries, place_entries  # noqa: E402
from app.ingest import RawDocument, read_documents  # noqa: E402

GOLD = Path(__file__).resolve().parent
FAKES = ROOT / "tests" / "data" / "fakes" / "fakes_dev.csv"
SEEDS = ROOT / "seeds"


def _document(ref: str) -> RawDocument:
    dataset, _, ident = ref.partition(":")
    if dataset == "fakes":
        items = read_documents([FAKES], preset="fakes")
    elif dataset == "seed":
        items = read_documents([SEEDS], manifest=SEEDS / "manifest.toml")
    else:
        sys.exit(f"unknown document {ref!r}: use fakes:UNIT_ID or seed:FILE_STEM")
    for item in items:
        if isinstance(item, RawDocument) and ident in (item.external_id, Path(item.location).stem):
            return item
    sys.exit(f"no document {ref!r}")


def cmd_new(args: argparse.Namespace) -> None:
    raw = _document(args.doc)
    dataset = args.doc.partition(":")[0]
    ident = args.doc.partition(":")[2]
    path = GOLD / args.into / f"{dataset}-{ident}.json"
    if path.exists():
        sys.exit(f"{path} exists already")
    seed = dataset == "seed"
    doc = {
        "dataset": dataset,
        "id": ident,
        "title": raw.title,
        "outlet": raw.outlet,
        # the FA-KES `date` column is a crowd label of the incident, not metadata
        "published": raw.published.isoformat() if seed and raw.published else None,
        "published_precision": raw.published_precision if seed else None,
        "text": raw.text,
    }
    gold = {
        "document": doc,
        "annotator": args.annotator,
        "published": None,
        "reference": doc["published"],
        "claims": [],
        "note": "",
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(gold, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(path)


def cmd_pair(args: argparse.Namespace) -> None:
    """A relation file for two FA-KES articles (docs/relations-annotation.md)."""
    docs = {}
    for side, ref in (("a", args.doc_a), ("b", args.doc_b)):
        raw = _document(ref)
        docs[side] = {
            "dataset": "fakes",
            "id": raw.external_id,
            "title": raw.title,
            "outlet": raw.outlet,
            "text": raw.text,
        }
    path = GOLD / "relations" / args.into / f"{docs['a']['id']}-{docs['b']['id']}.json"
    if path.exists():
        sys.exit(f"{path} exists already")
    path.parent.mkdir(parents=True, exist_ok=True)
    gold = {"documents": docs, "annotator": args.annotator, "pairs": [], "note": ""}
    path.write_text(json.dumps(gold, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(path)


def _load_raw(path: str) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def _text_of(gold: dict, side: str | None) -> str:
    if "documents" in gold:  # a relation file: two articles
        return gold["documents"][side or "a"]["text"]
    return gold["document"]["text"]


def cmd_text(args: argparse.Namespace) -> None:
    text = _text_of(_load_raw(args.file), args.side)
    pos = 0
    for line in text.split("\n"):
        chunks = textwrap.wrap(line, args.width, drop_whitespace=False) or [""]
        for chunk in chunks:
            print(f"{pos:>6} | {chunk}")
            pos += len(chunk)
        pos += 1


def cmd_find(args: argparse.Namespace) -> None:
    text = _text_of(_load_raw(args.file), args.side)
    at = text.find(args.words)
    if at < 0:
        sys.exit("not found (the text must match exactly: apostrophes, spaces, case)")
    while at >= 0:
        print(
            f"[{at}, {at + len(args.words)}]  ...{text[max(0, at - 30) : at + len(args.words) + 30]!r}"
        )
        at = text.find(args.words, at + 1)


def _score(query: str, names: list[str]) -> int:
    """3 spelled alike, 2 same folded key, 1 contains the words; 0 no match."""
    q, k = query.casefold(), normalize_key(query)
    best = 0
    for n in names:
        nk = normalize_key(n)
        if n.casefold() == q:
            return 3
        if k and nk == k:
            best = max(best, 2)
        elif q in n.casefold() or (k and set(k.split()) <= set(nk.split())):
            best = max(best, 1)
    return best


def _ranked(query: str, entries, names) -> list:
    scored = [(_score(query, names(e)), n, e) for n, e in enumerate(entries)]
    return [e for s, _, e in sorted((x for x in scored if x[0]), key=lambda x: (-x[0], x[1]))]


def cmd_actor(args: argparse.Namespace) -> None:
    hits = _ranked(args.query, actor_entries(), lambda a: [a.name, *(x.alias for x in a.aliases)])
    for a in hits[:12]:
        aliases = ", ".join(x.alias for x in a.aliases[:12])
        print(f"{a.key:<36} {a.name} ({a.kind}; parent {a.parent}) aliases: {aliases}")
    if not hits:
        print('not in the registry: give {"name": ...} (actors) or {"name": ...} (claimant)')


def cmd_place(args: argparse.Namespace) -> None:
    hits = _ranked(args.query, place_entries(), lambda p: [p.name, *p.aliases])
    for p in hits[:12]:
        print(
            f"{p.key:<36} {p.name} ({p.kind}, {p.governorate}; parent {p.parent}) "
            f"aliases: {', '.join(p.aliases[:8])}"
        )
    if not hits:
        print("not in the gazetteer: give place null with name, kind and governorate")


def cmd_day(args: argparse.Namespace) -> None:
    d = date.fromisoformat(args.date)
    for k in range(-8, 2):
        x = d + timedelta(days=k)
        print(f"{x.isoformat()} {x.strftime('%A')}{'   <- this date' if k == 0 else ''}")


def _locate(text: str, words: str, lo: int, hi: int, nth: int, where: str) -> list[int]:
    """The nth occurrence of `words` in text[lo:hi] as whole words: "Syria" is not found
    inside "Syrian", nor "he" inside "The" (annotators of fresh9 met both); a possessive
    whose apostrophe was stripped still counts ("Syria" in "Syrias largest city")."""
    pattern = re.compile(
        (r"(?<!\w)" if words[:1].isalnum() else "")
        + re.escape(words)
        + (r"(?=s?(?!\w))" if words[-1:].isalnum() else "")
    )
    found = list(pattern.finditer(text, lo, hi))
    if len(found) < nth:
        raise SystemExit(f"{where}: {words!r} not found in text[{lo}:{hi}]")
    return [found[nth - 1].start(), found[nth - 1].end()]


def _fill_pairs(path: Path, gold: dict) -> None:
    for n, pair in enumerate(gold["pairs"]):
        for side in ("a", "b"):
            claim = pair[side]
            if claim.get("span") is None:
                text = gold["documents"][side]["text"]
                where = f"pair {n} side {side}"
                claim["span"] = _locate(
                    text, claim["text"], 0, len(text), claim.pop("nth", 1), where
                )
    path.write_text(json.dumps(gold, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"filled {path}")


def cmd_fill(args: argparse.Namespace) -> None:
    path = Path(args.file)
    gold = _load_raw(args.file)
    if "documents" in gold:
        _fill_pairs(path, gold)
        return
    text = gold["document"]["text"]
    pub = gold.get("published")
    if pub and pub.get("span") is None:
        pub["span"] = _locate(text, pub["surface"], 0, len(text), pub.pop("nth", 1), "published")
    prev = 0
    for n, c in enumerate(gold["claims"]):
        where = f"claim {n} ({c['text'][:40]!r})"
        if c.get("span") is None:
            c["span"] = _locate(text, c["text"], prev, len(text), c.pop("nth", 1), where)
        s, e = c["span"]
        prev = s
        if c.get("claimant_span") is None and c.get("claimant_text"):
            c["claimant_span"] = _locate(text, c["claimant_text"], s, e, 1, where)
        for kind, field in (("actors", "name"), ("places", "name"), ("figures", "surface")):
            for item in c.get(kind, []):
                if item.get("span") is None:
                    item["span"] = _locate(text, item[field], s, e, item.pop("nth", 1), where)
    path.write_text(json.dumps(gold, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"filled {path}")


def cmd_check(args: argparse.Namespace) -> None:
    bad = 0
    for f in args.files:
        try:
            if "documents" in _load_raw(f):
                n = f"{len(load_relations(Path(f)).pairs)} pairs"
            else:
                n = f"{len(load_gold(Path(f)).claims)} claims"
        except (UsageError, ValueError) as exc:
            bad += 1
            print(f"FAIL {getattr(exc, 'detail', exc)}")
            continue
        print(f"ok   {f}: {n}")
    sys.exit(1 if bad else 0)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    sub = parser.add_subparsers(required=True)
    p = sub.add_parser("new", help="start a gold file for a document")
    p.add_argument("doc")
    p.add_argument("--annotator", required=True)
    p.add_argument(
        "--into", default="dev", help="dev (tuned on) or holdout (scored only); see README.md"
    )
    p.set_defaults(func=cmd_new)
    p = sub.add_parser("pair", help="start a relation file for two articles")
    p.add_argument("doc_a")
    p.add_argument("doc_b")
    p.add_argument("--annotator", required=True)
    p.add_argument("--into", default="dev", help="dev (tuned on) or holdout (scored only)")
    p.set_defaults(func=cmd_pair)
    p = sub.add_parser("text", help="print the text with offsets")
    p.add_argument("file")
    p.add_argument("--width", type=int, default=100)
    p.add_argument("--side", choices=("a", "b"), help="for relation files: which article")
    p.set_defaults(func=cmd_text)
    p = sub.add_parser("find", help="offsets of exact words")
    p.add_argument("file")
    p.add_argument("words")
    p.add_argument("--side", choices=("a", "b"), help="for relation files: which article")
    p.set_defaults(func=cmd_find)
    for name, func in (("actor", cmd_actor), ("place", cmd_place)):
        p = sub.add_parser(name, help=f"look up a {name} by any of its names")
        p.add_argument("query")
        p.set_defaults(func=func)
    p = sub.add_parser("day", help="weekdays around a date")
    p.add_argument("date")
    p.set_defaults(func=cmd_day)
    p = sub.add_parser("fill", help="compute null spans from texts")
    p.add_argument("file")
    p.set_defaults(func=cmd_fill)
    p = sub.add_parser("check", help="validate gold files")
    p.add_argument("files", nargs="+")
    p.set_defaults(func=cmd_check)
    args = parser.parse_args()
    args.func(args)


if __name__ == "__main__":
    main()
