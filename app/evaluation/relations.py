"""`claimdb eval --relations`: events and relations scored against hand-labelled claim pairs.

The gold files' articles are imported into a throwaway database (the import links them,
as it would any source); each gold claim is matched to the system claim of its article
that overlaps it most (at least half of the shorter span, docs/relations-annotation.md),
and each pair is compared: same event (both claims in one event) and the relation the
system stored between them. Pairs whose claims the system did not find count as "not
the same event, no relation": a miss for recall, never a hit.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Engine
from sqlmodel import Session

from app.evaluation.gold import GoldRelations, gold_files, load_relations
from app.ingest import RawDocument
from app.models import Claim, Source
from app.models.event import ClaimRelation, EventClaim

KINDS = ("corroborates", "contradicts", "updates", "repeats")


def documents(golds: list[GoldRelations]) -> list[RawDocument]:
    seen: dict[str, RawDocument] = {}
    for g in golds:
        for doc in g.documents.values():
            seen.setdefault(f"{doc.dataset}:{doc.id}", doc.as_raw())
    return list(seen.values())


def _system(engine: Engine) -> dict[str, Any]:
    with Session(engine) as session:
        claims: dict[str, list[tuple[int, int, int]]] = {}
        for ext, cid, s, e in session.execute(
            sa.select(Source.external_id, Claim.id, Claim.char_start, Claim.char_end).join(
                Source, Source.id == Claim.source_id
            )
        ).all():
            claims.setdefault(ext, []).append((cid, s, e))
        events = dict(session.execute(sa.select(EventClaim.claim_id, EventClaim.event_id)).all())
        relations = {}
        for a, b, kind, reason in session.execute(
            sa.select(
                ClaimRelation.claim_a_id,
                ClaimRelation.claim_b_id,
                ClaimRelation.kind,
                ClaimRelation.reason,
            )
        ).all():
            relations[frozenset((a, b))] = (kind, reason)
    return {"claims": claims, "events": events, "relations": relations}


def match(claims: list[tuple[int, int, int]], span: tuple[int, int]) -> int | None:
    """The system claim overlapping `span` most, if it covers half the shorter of the two."""
    best, best_overlap = None, 0
    for cid, s, e in claims:
        overlap = min(e, span[1]) - max(s, span[0])
        shorter = min(e - s, span[1] - span[0])
        if overlap > 0 and overlap * 2 >= shorter and overlap > best_overlap:
            best, best_overlap = cid, overlap
    return best


def _ratio(hit: int, total: int) -> float | None:
    return round(hit / total, 3) if total else None


def score(golds: list[tuple[Path, GoldRelations]], system: dict[str, Any]) -> dict[str, Any]:
    same = Counter()  # tp, fp, fn, tn
    kinds = {k: Counter() for k in KINDS}
    confusion: Counter[tuple[str, str]] = Counter()
    matched = 0
    pairs = 0
    errors = []
    for path, g in golds:
        for n, p in enumerate(g.pairs):
            pairs += 1
            da, db = g.documents["a"], g.documents["b"]
            ca = match(system["claims"].get(f"{da.dataset}:{da.id}", []), p.a.span)
            cb = match(system["claims"].get(f"{db.dataset}:{db.id}", []), p.b.span)
            found = ca is not None and cb is not None
            matched += found
            ea = system["events"].get(ca) if found else None
            sys_same = found and ea is not None and ea == system["events"].get(cb)
            kind, reason = system["relations"].get(frozenset((ca, cb)), (None, None))
            sys_rel = kind if kind else ("related" if sys_same else "unrelated")
            if ca == cb and found:
                sys_same, sys_rel = True, "related"  # one system claim holds both gold claims
            same[
                "tp"
                if sys_same and p.same_event
                else "fp"
                if sys_same
                else "fn"
                if p.same_event
                else "tn"
            ] += 1
            for k in KINDS:
                c = kinds[k]
                if sys_rel == k and p.relation == k:
                    c["tp"] += 1
                elif sys_rel == k:
                    c["fp"] += 1
                elif p.relation == k:
                    c["fn"] += 1
            confusion[(p.relation, sys_rel)] += 1
            if sys_same != p.same_event or (
                sys_rel != p.relation and (sys_rel in KINDS or p.relation in KINDS)
            ):
                errors.append(
                    {
                        "file": path.name,
                        "pair": n,
                        "gold": {"same_event": p.same_event, "relation": p.relation,
                                 "differs": list(p.differs), "note": p.note},
                        "system": {"same_event": sys_same, "relation": sys_rel, "reason": reason,
                                   "claims": [ca, cb]},
                        "a": p.a.text[:160],
                        "b": p.b.text[:160],
                    }
                )  # fmt: skip
    result: dict[str, Any] = {
        "pairs": pairs,
        "pairs_matched": matched,
        "same_event": {
            "precision": _ratio(same["tp"], same["tp"] + same["fp"]),
            "recall": _ratio(same["tp"], same["tp"] + same["fn"]),
            "gold_positive": same["tp"] + same["fn"],
            "system_positive": same["tp"] + same["fp"],
        },
    }
    for k, c in kinds.items():
        result[k] = {
            "precision": _ratio(c["tp"], c["tp"] + c["fp"]),
            "recall": _ratio(c["tp"], c["tp"] + c["fn"]),
            "gold": c["tp"] + c["fn"],
            "system": c["tp"] + c["fp"],
        }
    result["confusion"] = {f"{g} -> {s}": n for (g, s), n in sorted(confusion.items())}
    result["errors"] = errors
    return result


def load(path: Path) -> list[tuple[Path, GoldRelations]]:
    return [(f, load_relations(f)) for f in gold_files(path)]
