"""An event from its member claims and their relations: where, when, who, each claimant's
figures side by side, how many independent claimants, and a grade with its reason.

Grades, in the spirit of Airwars and Iraq Body Count:

- `denied`: a party the event's claims name as its agent denies it;
- `contested`: independent claimants contradict each other;
- `corroborated`: two or more independent claimants report it and none contradicts;
- `single_source`: one claimant (however many outlets carried it).

Independence is counted on voices (records.Claimant.voice), with copies (`repeats`)
folded into the voice they copy; reader comments are shown but never count.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from app.linking import facts
from app.linking.records import ClaimRecord

GRADES = ("single_source", "corroborated", "contested", "denied")
FIGURE_KINDS = ("killed", "injured", "displaced", "fighters")
_TYPE_ORDER = (
    "chemical_attack", "airstrike", "bombing", "shelling", "capture_territory", "battle",
    "siege", "ceasefire", "displacement", "humanitarian", "negotiation", "casualties",
    "destruction", "other",
)  # fmt: skip
_PRECISION = ("day", "week", "month", "year")


@dataclass(frozen=True, slots=True)
class Edge:
    a: int
    b: int
    kind: str
    differ: tuple[str, ...] = ()
    detail: dict[str, Any] = field(default_factory=dict)


@dataclass
class EventSummary:
    key: str
    event_type: str
    date_start: date | None
    date_end: date | None
    date_precision: str | None
    place_id: int | None
    grade: str
    grade_reason: str
    claim_count: int
    source_count: int
    claimant_count: int
    figures: dict[str, Any]
    claimants: list[dict[str, Any]]
    actors: list[dict[str, Any]]
    # per member: distinct independent voices that corroborate it, and whether contradicted
    corroborated_by: dict[int, int]
    contradicted: set[int]


class _Voices:
    """Union-find over voices: a copy speaks with the voice it copies."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, v: str) -> str:
        self.parent.setdefault(v, v)
        while self.parent[v] != v:
            self.parent[v] = self.parent[self.parent[v]]
            v = self.parent[v]
        return v

    def union(self, u: str, v: str) -> None:
        ru, rv = self.find(u), self.find(v)
        if ru != rv:
            lo, hi = sorted((ru, rv))
            self.parent[hi] = lo


def _event_type(members: list[ClaimRecord]) -> str:
    counts = Counter(m.event_type for m in members if m.event_type != "other")
    if not counts:
        return "other"
    top = max(counts.values())
    return min((t for t, n in counts.items() if n == top), key=_TYPE_ORDER.index)


def _place(members: list[ClaimRecord]) -> int | None:
    """The most specific place the most claims name themselves."""
    counts: Counter[tuple[int, int, str]] = Counter()
    for m in members:
        if m.places_inherited:
            continue
        for p in {p.id: p for p in m.places}.values():
            counts[(p.id, len(p.chain), p.name)] += 1
    if not counts:
        inherited = [p for m in members for p in m.places]
        return min(inherited, key=lambda p: (-len(p.chain), p.name)).id if inherited else None
    return max(counts, key=lambda k: (counts[k], k[1], k[2]))[0]


def _dates(members: list[ClaimRecord]) -> tuple[date | None, date | None, str | None]:
    dated = [m for m in members if m.incident_dated and not m.in_comments]
    if not dated:
        return None, None, None
    start = min(m.date_start for m in dated)  # type: ignore[type-var]
    end = max(m.date_end for m in dated)  # type: ignore[type-var]
    finest = min((m.precision or "year" for m in dated), key=_PRECISION.index)
    return start, end, finest


def summarize(members: list[ClaimRecord], edges: list[Edge]) -> EventSummary:
    members = sorted(members, key=lambda m: m.key)
    by_id = {m.id: m for m in members}
    voices = _Voices()
    for m in members:
        voices.find(m.claimant.voice)
    for e in edges:
        if e.kind == "repeats":
            voices.union(by_id[e.a].claimant.voice, by_id[e.b].claimant.voice)
    speaking = [m for m in members if not m.in_comments]
    groups: dict[str, list[ClaimRecord]] = defaultdict(list)
    for m in speaking:
        groups[voices.find(m.claimant.voice)].append(m)

    corroborators: dict[int, set[str]] = defaultdict(set)
    contradicted: set[int] = set()
    contests: list[str] = []
    denials: list[str] = []
    for e in edges:
        a, b = by_id[e.a], by_id[e.b]
        va, vb = voices.find(a.claimant.voice), voices.find(b.claimant.voice)
        if e.kind == "corroborates" and va != vb:
            corroborators[a.id].add(vb)
            corroborators[b.id].add(va)
        if e.kind != "contradicts":
            continue
        contradicted.update((a.id, b.id))
        if "denial" in e.differ:
            denier = a if e.detail.get("values", {}).get("denial", {}).get("by") == "a" else b
            other = b if denier is a else a
            accused = {x.side for m in members for x in m.role_actors("agent")}
            if set(denier.claimant.chain) & accused or denier.claimant.actor_id in accused:
                denials.append(
                    f"{denier.claimant.name}, named as the agent, denies it (claim {denier.id}) "
                    f"against {other.label()} (claim {other.id})"
                )
                continue
        if va != vb and not (a.in_comments or b.in_comments):
            contests.append(
                f"{a.label()} (claim {a.id}) and {b.label()} (claim {b.id}) disagree on "
                f"{', '.join(e.differ)}"
            )
    names = sorted({g[0].claimant.name for g in groups.values()})
    n = len(groups)
    if denials:
        grade, reason = "denied", "; ".join(sorted(denials)) + "."
    elif contests:
        grade, reason = "contested", "; ".join(sorted(contests)) + "."
    elif n >= 2:
        grade = "corroborated"
        reason = f"{n} independent claimants report it ({', '.join(names)}) and none contradicts another."
    else:
        grade = "single_source"
        only = names[0] if names else "a reader comment"
        outlets = sorted({m.outlet or "?" for m in speaking})
        via = f", carried by {len(outlets)} outlets" if len(outlets) > 1 else ""
        reason = f"One claimant: {only}{via}. Provisional until another claimant reports it."
        if contradicted:
            reason += " The claimant's own statements disagree (see the relations)."

    figures: dict[str, Any] = {}
    for kind in FIGURE_KINDS:
        rows = []
        for m in members:
            # a claim's toll, not its parts: "a woman and nine children" is 10 killed
            given = facts.compared(m) if kind in facts.COMPARED else m.counted
            for f in given:
                if f.kind == kind:
                    rows.append(
                        {
                            "claim_id": m.id,
                            "source_id": m.source_id,
                            "outlet": m.outlet,
                            "claimant": m.claimant.name,
                            "claimant_id": m.claimant.actor_id,
                            "in_comments": m.in_comments,
                            "value": facts.wording(f),
                            "value_min": f.min,
                            "value_max": f.max,
                            "qualifier": f.qualifier,
                            "surface": f.surface,
                            "char_start": f.start,
                            "char_end": f.end,
                        }
                    )
        if rows:
            lows = [r["value_min"] for r in rows if r["value_min"] is not None]
            highs = [r["value_max"] for r in rows if r["value_max"] is not None]
            figures[kind] = {
                "min": min(lows) if lows else None,
                "max": max(highs) if highs else None,
                "by_claimant": rows,
            }
    claimants = [
        {
            "claimant": g[0].claimant.name,
            "claimant_id": g[0].claimant.actor_id,
            "outlets": sorted({m.outlet or "?" for m in g}),
            "claims": sorted(m.id for m in g),
        }
        for _, g in sorted(groups.items())
    ]
    actor_roles: dict[tuple[int, str], set[str]] = defaultdict(set)
    for m in members:
        for x in m.actors:
            if x.role != "claimant":
                actor_roles[(x.id, x.name)].add(x.role)
    actors = [
        {"id": i, "name": nm, "roles": sorted(roles)}
        for (i, nm), roles in sorted(actor_roles.items(), key=lambda kv: kv[0][1])
    ]
    start, end, precision = _dates(members)
    return EventSummary(
        key=members[0].key,
        event_type=_event_type(members),
        date_start=start,
        date_end=end,
        date_precision=precision,
        place_id=_place(members),
        grade=grade,
        grade_reason=reason,
        claim_count=len(members),
        source_count=len({m.source_id for m in members}),
        claimant_count=n,
        figures=figures,
        claimants=claimants,
        actors=actors,
        corroborated_by={i: len(v) for i, v in corroborators.items()},
        contradicted=contradicted,
    )
