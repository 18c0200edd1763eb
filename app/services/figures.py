"""Figures as numbers: the rows of claim_figure, the figure filters of /claims and /events,
and the bounds that exports and facets report.

Rules, written here once (README "Figures"):

- A claim's figures are its quantities; a `subset` one ("including three children") is
  part of another and never counted on its own.
- `killed_min`/`killed_max` (and injured, displaced) compare the number as stated (`value`:
  "at least 70" is 70, "nearly 1,000" 1000, "100-150" 100). A claim matches when one of its
  figures of that kind lies in the range; a vague count ("dozens") has no number and
  matches only `figure=killed`.
- A claim's bounds for a kind add up its figures of that kind: the low end adds each
  figure's lower bound (none: 0), the high end each upper bound, an open-ended figure
  ("at least 70") at its stated number.
- Summed per facet bucket, reports of one event are not added twice: an event's bounds
  run from the lowest low to the highest high among its claims (a claim in no event is its
  own), and the bucket adds its events' bounds; `max` is the largest single claim's high.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

import sqlalchemy as sa
from sqlalchemy.sql import ColumnElement
from sqlmodel import Session

from app.models import Claim, ClaimFigure
from app.models.event import EventClaim
from app.models.facet import FigureSum

# the kinds with range filters, CSV columns and facet sums (fighters and other: figure= only)
RANGED_KINDS = ("killed", "injured", "displaced")


def figure_rows(claim_id: int, quantities: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """claim_figure rows of one claim's stored quantities."""
    return [
        {
            "claim_id": claim_id,
            "kind": q["what"],
            "value": q.get("value"),
            "value_min": q.get("value_min"),
            "value_max": q.get("value_max"),
            "qualifier": q.get("qualifier"),
            "subset": bool(q.get("subset")),
        }
        for q in quantities
    ]


def _having(kind: str, *conds: ColumnElement[bool]) -> ColumnElement[bool]:
    return Claim.id.in_(
        sa.select(ClaimFigure.claim_id).where(
            ClaimFigure.kind == kind, ClaimFigure.subset.is_(False), *conds
        )
    )


def conditions(f: Any) -> list[ColumnElement[bool]]:
    """The figure filters of `f` (a FigureFilters) as conditions on `claim`."""
    conds = []
    for kind in RANGED_KINDS:
        low, high = getattr(f, f"{kind}_min"), getattr(f, f"{kind}_max")
        if low is None and high is None:
            continue
        rng = [ClaimFigure.value.is_not(None)]
        if low is not None:
            rng.append(ClaimFigure.value >= low)
        if high is not None:
            rng.append(ClaimFigure.value <= high)
        conds.append(_having(kind, *rng))
    if f.figure:
        conds.append(
            Claim.id.in_(
                sa.select(ClaimFigure.claim_id).where(
                    ClaimFigure.kind.in_(f.figure), ClaimFigure.subset.is_(False)
                )
            )
        )
    return conds


def _high(value: int | None, value_min: int | None, value_max: int | None) -> int:
    for bound in (value_max, value, value_min):
        if bound is not None:
            return bound
    return 0


def bounds(quantities: Iterable[Mapping[str, Any]], kind: str) -> tuple[int, int] | None:
    """(low, high) of a claim's figures of `kind` (its quantities, Quantity's fields), or
    None if it has none."""
    found = [q for q in quantities if q["what"] == kind and not q["subset"]]
    if not found:
        return None
    return (
        sum(q["value_min"] or 0 for q in found),
        sum(_high(q["value"], q["value_min"], q["value_max"]) for q in found),
    )


def claim_figures(quantities: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """A claim's bounds for each kind it gives a figure of (FigureBounds' fields)."""
    quantities = list(quantities)
    if not quantities:  # most claims: nothing to add up
        return []
    return [
        {"kind": kind, "low": b[0], "high": b[1]}
        for kind in RANGED_KINDS
        if (b := bounds(quantities, kind)) is not None
    ]


def bucket_sums(session: Session, pairs: sa.Select[Any], kind: str) -> dict[Any, FigureSum]:
    """FigureSum per bucket; `pairs` selects (bucket, claim id) rows, a claim possibly in
    several buckets."""
    sub = pairs.distinct().subquery()  # a claim at two places of one governorate: once
    bucket_col, claim_col = list(sub.c)
    rows = session.execute(
        sa.select(
            bucket_col,
            claim_col,
            EventClaim.event_id,
            ClaimFigure.value,
            ClaimFigure.value_min,
            ClaimFigure.value_max,
        )
        .join(ClaimFigure, ClaimFigure.claim_id == claim_col)
        .outerjoin(EventClaim, EventClaim.claim_id == claim_col)
        .where(ClaimFigure.kind == kind, ClaimFigure.subset.is_(False))
    ).all()
    per_claim: dict[tuple[Any, int], list[int]] = {}
    events: dict[tuple[Any, int], int | None] = {}
    for bucket, claim_id, event_id, value, vmin, vmax in rows:
        low_high = per_claim.setdefault((bucket, claim_id), [0, 0])
        low_high[0] += vmin or 0
        low_high[1] += _high(value, vmin, vmax)
        events[(bucket, claim_id)] = event_id
    by_event: dict[Any, dict[Any, list[int]]] = defaultdict(dict)
    out_max: dict[Any, int] = defaultdict(int)
    claims: dict[Any, int] = defaultdict(int)
    for (bucket, claim_id), (low, high) in per_claim.items():
        event = events[(bucket, claim_id)]
        key = ("event", event) if event is not None else ("claim", claim_id)
        span = by_event[bucket].setdefault(key, [low, high])
        span[0], span[1] = min(span[0], low), max(span[1], high)
        out_max[bucket] = max(out_max[bucket], high)
        claims[bucket] += 1
    return {
        bucket: FigureSum(
            kind=kind,
            low=sum(s[0] for s in spans.values()),
            high=sum(s[1] for s in spans.values()),
            max=out_max[bucket],
            claims=claims[bucket],
            events=len(spans),
        )
        for bucket, spans in by_event.items()
    }
