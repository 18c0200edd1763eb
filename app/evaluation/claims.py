"""Scoring extracted claims against gold claims (docs/annotation.md §10). Pure: no I/O.

System claims arrive as :class:`SystemClaim` (run.py builds them from what an import
stored), gold claims as parsed gold files. Claims are paired one-to-one by span overlap;
each field of a pair is then judged right or wrong, and every wrong field is kept as an
error record so that a person can read what went wrong.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any

from app.evaluation.gold import GoldActor, GoldClaim, GoldFile, GoldPlace
from app.extraction.normalize import normalize_key
from app.extraction.registry import actor_entry, place_entries, place_entry

FIELDS = ("claimant", "hedged", "event_date", "actors", "roles", "places", "figures")
# the fields that make "every field right" (roles are part of actors)
ALL_RIGHT = ("claimant", "hedged", "event_date", "actors", "places", "figures")
SCORED_FIGURES = frozenset({"killed", "injured", "displaced", "fighters"})
# Claimant kinds of a system claim: an actor was named ("actor"), a speaker was named but
# is no actor ("text"), the outlet speaks ("outlet"), or nobody is named ("none").
ClaimantKind = str


@dataclass(frozen=True, slots=True)
class SystemActor:
    key: str
    name: str
    role: str


@dataclass(frozen=True, slots=True)
class SystemPlace:
    key: str
    name: str
    governorate: str | None


@dataclass(frozen=True, slots=True)
class SystemFigure:
    kind: str
    min: int | None
    max: int | None
    subset: bool = False


@dataclass(frozen=True, slots=True)
class SystemClaim:
    start: int
    end: int
    claimant_kind: ClaimantKind
    claimant_key: str | None
    claimant_name: str | None
    hedged: bool
    date_start: date | None
    date_end: date | None
    actors: tuple[SystemActor, ...] = ()
    places: tuple[SystemPlace, ...] = ()
    figures: tuple[SystemFigure, ...] = ()
    date_why: str | None = None  # how the date was decided ("said on Tuesday" -> "statement")


@dataclass(frozen=True, slots=True)
class SystemDocument:
    published: date | None  # found in the text (None when taken from metadata or absent)
    published_precision: str | None
    claims: tuple[SystemClaim, ...]


@dataclass
class Tally:
    gold: int = 0
    system: int = 0
    matched: int = 0
    split_missed: int = 0  # gold claims lost because a system claim covers two claimants
    right: Counter[str] = field(default_factory=Counter)
    all_right: int = 0
    published_docs: int = 0
    published_right: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def pair(gold: Sequence[GoldClaim], system: Sequence[SystemClaim]) -> list[tuple[int, int]]:
    """(gold index, system index) pairs: overlap of at least half the shorter span,
    one-to-one, largest overlap first (ties: text order)."""
    candidates = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            ov = _overlap(g.span, (s.start, s.end))
            shorter = min(g.span[1] - g.span[0], s.end - s.start)
            if ov and 2 * ov >= shorter:
                candidates.append((-ov, gi, si))
    candidates.sort()
    used_g: set[int] = set()
    used_s: set[int] = set()
    out = []
    for _, gi, si in candidates:
        if gi not in used_g and si not in used_s:
            used_g.add(gi)
            used_s.add(si)
            out.append((gi, si))
    return sorted(out)


def _family(key: str) -> set[str]:
    """An actor with the registry parents above it, however far: accepted in its place, as
    it is in theirs (docs/annotation.md §6: "Russian strikes" is `russia` or
    `russian-air-force`, three parents apart)."""
    out = {key}
    entry = actor_entry(key)
    while entry is not None and entry.parent and entry.parent not in out:
        out.add(entry.parent)
        entry = actor_entry(entry.parent)
    return out


def _same_actor(gold_key: str | None, gold_name: str, key: str, name: str) -> bool:
    if gold_key is not None:
        return key in _family(gold_key) or gold_key in _family(key)
    # a name the annotator wrote for an actor the registry lacked then matches a registry
    # actor added since by any of its names ("Local Coordination Committee" is the LCC)
    entry = actor_entry(key)
    if entry is not None:
        return any(
            _words(gold_name) == _words(n) for n in (entry.name, *(a.alias for a in entry.aliases))
        )
    a, b = _words(gold_name), _words(name)
    return bool(a and b) and (a <= b or b <= a)


def _words(name: str) -> set[str]:
    """A name's folded words, a plural's "s" aside."""
    return {w.removesuffix("s") for w in normalize_key(name).split()}


def _claimant_ok(g: GoldClaim, s: SystemClaim) -> bool:
    c = g.claimant
    if c is None:
        return s.claimant_kind == "none"
    if c.outlet:
        return s.claimant_kind == "outlet"
    accepted = set(g.claimant_also)
    if s.claimant_key is not None and any(
        s.claimant_key in _family(k) or k in _family(s.claimant_key) for k in accepted
    ):
        return True
    if c.generic is not None:
        return s.claimant_kind == "text"
    if s.claimant_kind not in ("actor", "outlet") or s.claimant_key is None:
        return False
    return _same_actor(c.actor, c.name or "", s.claimant_key, s.claimant_name or "")


def _match_all(gold: Sequence[Any], system: Sequence[Any], same) -> bool:
    """Is there a one-to-one pairing of every gold item with every system item?"""
    if len(gold) != len(system):
        return False
    free = list(system)
    # gold items with fewer candidates first, so a greedy pairing is exact in practice
    for g in sorted(gold, key=lambda g: sum(same(g, s) for s in free)):
        hit = next((s for s in free if same(g, s)), None)
        if hit is None:
            return False
        free.remove(hit)
    return True


def _actor_pair(g: GoldActor, s: SystemActor) -> bool:
    return g.role == s.role and _same_actor(g.actor, g.name, s.key, s.name)


def _dedupe_actors(actors: Iterable[Any]) -> list[Any]:
    """One entry per (actor, role): the scorer compares sets."""
    seen, out = set(), []
    for a in actors:
        ident = (a.actor if isinstance(a, GoldActor) else a.key) or normalize_key(a.name)
        if (ident, a.role) not in seen:
            seen.add((ident, a.role))
            out.append(a)
    return out


def _place_pair(g: GoldPlace, s: SystemPlace) -> bool:
    if g.place is not None:
        return g.place == s.key
    entry = place_entry(s.key)
    names = [s.name, *(entry.aliases if entry else ())]
    key = normalize_key(g.name)
    return _same_governorate(g.governorate, s.governorate) and any(
        normalize_key(n) == key for n in names
    )


def _same_governorate(gold: str | None, system: str | None) -> bool:
    """A gold place the gazetteer lacked names its governorate; one outside Syria has
    none in the gazetteer, and annotators wrote its country in free text ("outside
    Syria", "Turkey", "Mardin (Turkey)"), so any such text matches none."""
    if system is None:
        return gold not in _governorates()
    return gold == system


@cache
def _governorates() -> frozenset[str]:
    return frozenset(p.name for p in place_entries() if p.kind == "governorate")


def _dedupe_places(places: Iterable[Any]) -> list[Any]:
    seen, out = set(), []
    for p in places:
        ident = (
            (p.place or ("?", normalize_key(p.name), p.governorate))
            if isinstance(p, GoldPlace)
            else p.key
        )
        if ident not in seen:
            seen.add(ident)
            out.append(p)
    return out


def _figures(items: Iterable[Any]) -> Counter[tuple[str, int | None, int | None]]:
    return Counter(
        (f.kind, f.min, f.max) for f in items if not f.subset and f.kind in SCORED_FIGURES
    )


def judge(g: GoldClaim, s: SystemClaim) -> dict[str, bool]:
    """Each field of a matched pair: right or wrong."""
    gold_actors = _dedupe_actors(g.actors)
    sys_actors = _dedupe_actors(a for a in s.actors if a.role != "claimant")
    acting = ("agent", "target")
    gd = g.event_date
    return {
        "claimant": _claimant_ok(g, s),
        "hedged": g.hedged == s.hedged,
        "event_date": (gd is None and s.date_start is None)
        or (gd is not None and (gd.start, gd.end) == (s.date_start, s.date_end)),
        "actors": _match_all(gold_actors, sys_actors, _actor_pair),
        "roles": _match_all(
            [a for a in gold_actors if a.role in acting],
            [a for a in sys_actors if a.role in acting],
            _actor_pair,
        ),
        "places": _match_all(_dedupe_places(g.places), _dedupe_places(s.places), _place_pair),
        "figures": _figures(g.figures) == _figures(s.figures),
    }


def _describe(g: GoldClaim, s: SystemClaim, wrong: list[str]) -> dict[str, Any]:
    out: dict[str, Any] = {
        "gold_span": list(g.span),
        "system_span": [s.start, s.end],
        "text": g.text,
    }
    for f in wrong:
        if f == "claimant":
            out[f] = {
                "gold": g.claimant.model_dump(exclude_defaults=True) if g.claimant else None,
                "system": [s.claimant_kind, s.claimant_key, s.claimant_name],
            }
        elif f == "hedged":
            out[f] = {"gold": g.hedged, "system": s.hedged}
        elif f == "event_date":
            gd = g.event_date
            out[f] = {
                "gold": [str(gd.start), str(gd.end)] if gd else None,
                "system": [str(s.date_start), str(s.date_end)] if s.date_start else None,
                "note": g.event_date_note,
                "system_why": s.date_why,
            }
        elif f in ("actors", "roles"):
            out[f] = {
                "gold": sorted(f"{a.actor or a.name}:{a.role}" for a in g.actors),
                "system": sorted(f"{a.key}:{a.role}" for a in s.actors if a.role != "claimant"),
            }
        elif f == "places":
            out[f] = {
                "gold": sorted(p.place or f"?{p.name}" for p in g.places),
                "system": sorted(p.key for p in s.places),
            }
        elif f == "figures":
            out[f] = {
                "gold": sorted(map(str, _figures(g.figures).elements())),
                "system": sorted(map(str, _figures(s.figures).elements())),
            }
    return out


def score_document(gold: GoldFile, system: SystemDocument, tally: Tally, name: str) -> None:
    """Add one document's pairs, fields and errors to `tally`."""
    tally.gold += len(gold.claims)
    tally.system += len(system.claims)
    pairs = pair(gold.claims, system.claims)
    tally.matched += len(pairs)
    matched_g = {gi for gi, _ in pairs}
    matched_s = {si for _, si in pairs}
    for gi, si in pairs:
        g, s = gold.claims[gi], system.claims[si]
        verdict = judge(g, s)
        tally.right.update(f for f, ok in verdict.items() if ok)
        if all(verdict[f] for f in ALL_RIGHT):
            tally.all_right += 1
        wrong = [f for f, ok in verdict.items() if not ok]
        if wrong:
            tally.errors.append(
                {"document": name, "kind": "fields", "wrong": wrong, **_describe(g, s, wrong)}
            )
    for gi, g in enumerate(gold.claims):
        if gi in matched_g:
            continue
        # lost inside a system claim that was paired with another gold claim: not split
        merged = any(
            _overlap(g.span, (s.start, s.end)) * 2 >= g.span[1] - g.span[0]
            for si, s in enumerate(system.claims)
            if si in matched_s
        )
        tally.split_missed += merged
        tally.errors.append(
            {
                "document": name,
                "kind": "not split" if merged else "missed",
                "gold_span": list(g.span),
                "text": g.text,
            }
        )
    for si, s in enumerate(system.claims):
        if si not in matched_s:
            tally.errors.append(
                {
                    "document": name,
                    "kind": "junk",
                    "system_span": [s.start, s.end],
                    "text": gold.document.text[s.start : s.end],
                }
            )
    if gold.document.published is None:  # no metadata: the date must come from the text
        tally.published_docs += 1
        want = gold.published
        got = system.published
        if (want is None and got is None) or (
            want is not None
            and got is not None
            and want.date == _iso(got, system.published_precision)
        ):
            tally.published_right += 1
        else:
            tally.errors.append(
                {
                    "document": name,
                    "kind": "published",
                    "gold": want.date if want else None,
                    "system": _iso(got, system.published_precision) if got else None,
                }
            )


def _iso(d: date, precision: str | None) -> str:
    if precision == "month":
        return d.isoformat()[:7]
    if precision == "year":
        return d.isoformat()[:4]
    return d.isoformat()


def _pct(n: int, d: int) -> float | None:
    return round(100 * n / d, 1) if d else None


def summary(tally: Tally) -> dict[str, Any]:
    """Precision, recall, field accuracies (on matched claims) and error counts by class."""
    m = tally.matched
    kinds = Counter(e["kind"] for e in tally.errors)
    wrong = Counter(f for e in tally.errors if e["kind"] == "fields" for f in e["wrong"])
    return {
        "gold_claims": tally.gold,
        "system_claims": tally.system,
        "matched": m,
        "precision": _pct(m, tally.system),
        "recall": _pct(m, tally.gold),
        "fields": {f: _pct(tally.right[f], m) for f in FIELDS},
        "every_field_right": _pct(tally.all_right, m),
        "publication_date": _pct(tally.published_right, tally.published_docs),
        "publication_date_documents": tally.published_docs,
        "errors_by_class": {
            "1 dates": wrong["event_date"],
            "2 claimant": wrong["claimant"],
            "3 not split by claimant": kinds["not split"],
            "4 actors and roles": wrong["actors"],
            "5 places": wrong["places"],
            "6 figures": wrong["figures"],
            "7 junk claims": kinds["junk"],
            "7 missed claims": kinds["missed"],
            "hedged": wrong["hedged"],
        },
    }
