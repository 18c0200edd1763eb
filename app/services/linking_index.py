"""The linking index (claim_slot): where a claim is filed, and where its neighbours are.

A claim is filed under a kind, an area and a day range; the windows a claim searches hold
every claim app.linking could link it with (app.linking.match decides on exactly these
conditions), so a pair is found whichever of its claims arrives first. The import
searches the table, one range scan per window; `rebuild` searches the same rows in
memory (`MemoryIndex`).
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from app.linking import ClaimRecord
from app.linking.facts import onset
from app.linking.match import families, one_day, one_day_at, weekday_dated
from app.linking.pairs import ONSET_WINDOW
from app.linking.records import INCIDENT_MAX_DAYS
from app.models.event import ClaimSlot
from app.services.claim_records import Gazetteer

# slot kinds: a claim at specific places is indexed under each of them; a broad claim
# (a governorate, a region, the article's place) under its areas; a claim dating a
# siege's onset under its areas, by the onset; a claim placed nowhere (at most "Syria")
# that its own words date to one day (app.linking.match.one_day) under its event
# families, by that day: it is compared with another article's claims of that day only
# (app.linking.match), and looks for them under every place and area of that day (such
# claims are rare: a dozen in the FA-KES dev half); a claim dated to a period too long to
# be an incident under its areas, by the period, where only a copy over the very same days
# looks for it (app.linking.pairs.same_period); a claim of an article that gives no date
# at all naming its place and a day of the week (app.linking.match.weekday_dated) under its
# places, for all days: another article's claim at that place dated to one day looks for
# it there, and it looks for them under every day of its places (such articles are rare:
# two of 59 in the relations dev gold; the weekday then decides, app.linking.match).
PLACE, BROAD, ONSET, NOWHERE, PERIOD, DATELESS = 0, 1, 2, 3, 4, 5
ALL_DAYS = (date.min, date.max)


def _areas(record: ClaimRecord) -> list[int]:
    return sorted({a for p in record.places for a in p.areas})


def slots(record: ClaimRecord) -> list[dict[str, Any]]:
    """Index rows of a claim (see the slot kinds above)."""
    if record.in_comments:
        return []
    if not record.places:
        if not one_day(record):
            return []
        day = record.date_start
        return [
            {"claim_id": record.id, "kind": NOWHERE, "area_id": f, "day_start": day,
             "day_end": day}
            for f in families(record.event_type)
        ]  # fmt: skip
    rows = []
    w = record.window
    if w is not None:
        if record.broad:
            keys = [(BROAD, a) for a in _areas(record)]
        else:
            keys = [(PLACE, p.id) for p in record.places]
        rows += [
            {"claim_id": record.id, "kind": k, "area_id": a, "day_start": w[0], "day_end": w[1]}
            for k, a in keys
        ]
    elif record.dated and not record.incident_dated:
        rows += [
            {"claim_id": record.id, "kind": PERIOD, "area_id": a,
             "day_start": record.date_start, "day_end": record.date_end}
            for a in _areas(record)
        ]  # fmt: skip
    elif weekday_dated(record):
        rows += [
            {"claim_id": record.id, "kind": DATELESS, "area_id": p.id,
             "day_start": ALL_DAYS[0], "day_end": ALL_DAYS[1]}
            for p in record.places
        ]  # fmt: skip
    o = onset(record)
    if o is not None:
        rows += [
            {"claim_id": record.id, "kind": ONSET, "area_id": a, "day_start": o.earliest,
             "day_end": o.latest}
            for a in _areas(record)
        ]  # fmt: skip
    return rows


# kind, areas, first day from, first day to, last day at least
Probe = tuple[int, list[int], date, date, date]


def windows(record: ClaimRecord, places: Gazetteer) -> list[Probe]:
    """Index ranges that hold every claim `record` could be linked with."""
    if record.in_comments:
        return []
    out: list[Probe] = []
    if one_day(record):
        day: date = record.date_start  # type: ignore[assignment]
        out.append((NOWHERE, list(families(record.event_type)), day, day, day))
        if not record.places:
            everywhere = sorted(places.rows)
            return [*out, (PLACE, everywhere, day, day, day), (BROAD, everywhere, day, day, day)]
    if not record.places:
        return out
    # the places a specifically placed claim's candidates may be at (every probe below
    # that is not by area looks there)
    near = [] if record.broad else sorted({i for p in record.places for i in places.compatible(p)})
    w = record.window
    if w is not None:
        lo, hi, last = w[0] - timedelta(days=INCIDENT_MAX_DAYS), w[1], w[0]
        if record.broad:
            areas = _areas(record)
            inside = sorted({i for a in areas for i in places.below(a)})
            out += [(PLACE, inside, lo, hi, last), (BROAD, areas, lo, hi, last)]
        else:
            out += [
                (PLACE, near, lo, hi, last),
                (BROAD, _areas(record), lo, hi, last),
            ]
    elif record.dated and not record.incident_dated:
        first: date = record.date_start  # type: ignore[assignment]
        out.append((PERIOD, _areas(record), first, first, record.date_end))  # type: ignore[arg-type]
    elif weekday_dated(record):
        out.append((PLACE, near, ALL_DAYS[0], ALL_DAYS[1], ALL_DAYS[0]))
    if one_day_at(record):
        out.append((DATELESS, near, ALL_DAYS[0], ALL_DAYS[1], ALL_DAYS[0]))
    o = onset(record)
    if o is not None:
        reach = timedelta(days=ONSET_WINDOW)  # onsets further apart are not compared
        out.append((ONSET, _areas(record), o.earliest - reach, o.earliest + reach, date.min))
    return out


# one fixed statement, so SQLAlchemy compiles it once and the database plans it once
_SCAN = sa.select(
    ClaimSlot.claim_id, ClaimSlot.area_id, ClaimSlot.day_start, ClaimSlot.day_end
).where(
    ClaimSlot.kind == sa.bindparam("kind"),
    ClaimSlot.area_id.in_(sa.bindparam("areas", expanding=True)),
    ClaimSlot.day_start >= sa.bindparam("lo"),
    ClaimSlot.day_start <= sa.bindparam("hi"),
    ClaimSlot.day_end >= sa.bindparam("last"),
)


def _scans(probes: list[tuple[int, Probe]]) -> Iterator[list[tuple[int, Probe]]]:
    """The windows of one kind whose first-day ranges overlap, together: one range scan
    covers them all (the claims of one article mostly share their days)."""
    group: list[tuple[int, Probe]] = []
    kind, reach = -1, date.min
    for rid, probe in sorted(probes, key=lambda p: (p[1][0], p[1][2])):
        if group and (probe[0] != kind or probe[2] > reach):
            yield group
            group = []
        if not group:
            kind, reach = probe[0], probe[3]
        group.append((rid, probe))
        reach = max(reach, probe[3])
    if group:
        yield group


def candidates(
    session: Session, records: list[ClaimRecord], places: Gazetteer
) -> dict[int, set[int]]:
    """Each record's possible neighbours in the table. The windows of all `records` are
    read with a few range scans (one per kind and run of overlapping days, not one per
    window), then each row is given to the windows it lies in, exactly as one scan per
    window would."""
    found: dict[int, set[int]] = {r.id: set() for r in records}
    probes = [(r.id, w) for r in records for w in windows(r, places) if w[1]]
    conn = session.connection()  # Core: the ORM's statement handling costs more than a scan
    for group in _scans(probes):
        kind = group[0][1][0]
        params = {
            "kind": kind,
            "areas": sorted({a for _, p in group for a in p[1]}),
            "lo": min(p[2] for _, p in group),
            "hi": max(p[3] for _, p in group),
            "last": min(p[4] for _, p in group),
        }
        wanted = [(rid, set(areas), lo, hi, last) for rid, (_, areas, lo, hi, last) in group]
        for claim_id, area, start, end in conn.execute(_SCAN, params):
            for rid, areas, lo, hi, last in wanted:
                if area in areas and lo <= start <= hi and end >= last:
                    found[rid].add(claim_id)
    return found


class MemoryIndex:
    """The same rows and windows as the table, searched in memory (for `rebuild`)."""

    def __init__(self, slot_rows: list[dict[str, Any]]) -> None:
        index: dict[tuple[int, int], list[tuple[date, date, int]]] = defaultdict(list)
        filed: dict[int, list[tuple[int, int, date, date]]] = defaultdict(list)
        for row in slot_rows:
            index[(row["kind"], row["area_id"])].append(
                (row["day_start"], row["day_end"], row["claim_id"])
            )
            filed[row["claim_id"]].append(
                (row["kind"], row["area_id"], row["day_start"], row["day_end"])
            )
        for entries in index.values():
            entries.sort()
        self._index = index
        self._filed = filed
        self._windows: dict[int, list[Probe]] = {}

    def _probes(self, record: ClaimRecord, places: Gazetteer) -> list[Probe]:
        found = self._windows.get(record.id)
        if found is None:
            found = self._windows[record.id] = windows(record, places)
        return found

    def finds(self, record: ClaimRecord, other: int, places: Gazetteer) -> bool:
        """Whether `other` lies in one of `record`'s windows (`candidates` yields it)."""
        filed = self._filed.get(other, ())
        for kind, areas, lo, hi, last in self._probes(record, places):
            for k, area, start, end in filed:
                if k == kind and lo <= start <= hi and end >= last and area in areas:
                    return True
        return False

    def candidates(self, record: ClaimRecord, places: Gazetteer) -> Iterator[int]:
        """Claim ids in `record`'s windows, window by window, area by area, by first day."""
        for kind, areas, lo, hi, last in self._probes(record, places):
            for area in areas:
                entries = self._index.get((kind, area), [])
                i = bisect.bisect_left(entries, (lo,))
                while i < len(entries) and entries[i][0] <= hi:
                    _, ends, claim_id = entries[i]
                    i += 1
                    if ends >= last:
                        yield claim_id
