"""The SQL of every /claims filter, written once; lists, facets and exports share it.

Each filter becomes one condition on `claim`, most of them `claim.id IN (subquery on an
indexed link table)`, so every standard filter is answered from an index. Names are
resolved first (app.services.resolve), spatial filters are evaluated on the gazetteer
(small) and turned into place ids. The links hold a copy of their claim's event dates
and type: with an actor or a place, the event date range and `event_type` are asked of
the link's indexes (actor or place, then dates or type), not of claim's (issue #15).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql
from sqlalchemy.sql import ColumnElement
from sqlmodel import Session

from app.db import SERIAL
from app.extraction.types import MAX_EVENT_SPAN_DAYS
from app.models import Claim, Place, Source
from app.models.event import EventClaim
from app.models.links import SPAN_CLASSES, ClaimActor, ClaimPlace
from app.params import ClaimFilters
from app.services import figures, listed, resolve, search
from app.services.kept import Kept
from app.services.paging import Ordering, SortKey, Walk

# Claims never carry a date range longer than MAX_EVENT_SPAN_DAYS (extraction drops
# longer ones), so "overlaps [from, to]" can be a bounded range scan on the start date
# index; the links' span classes bound it closer (models/links.py).
PRECISIONS = ("day", "week", "month", "year")
DEFAULT_RADIUS_KM = 10.0
FAR_FUTURE, FAR_PAST = date(9999, 12, 31), date(1, 1, 1)


def ordering(sort: str) -> Ordering:
    """The keyset ordering for `sort`; undated claims come last either way."""
    if sort in ("event_date", "-event_date"):
        desc = sort.startswith("-")
        expr = sa.func.coalesce(Claim.event_date_start, FAR_PAST if desc else FAR_FUTURE)
        return Ordering(sort, (SortKey(expr, desc), SortKey(Claim.id, desc)))
    if sort in ("published", "-published"):
        desc = sort.startswith("-")
        expr = sa.func.coalesce(Source.published_on, FAR_PAST if desc else FAR_FUTURE)
        return Ordering(sort, (SortKey(expr, desc), SortKey(Claim.id, desc)))
    return Ordering("id", (SortKey(Claim.id),))


def base_select(sort: str) -> sa.Select[Any]:
    stmt = sa.select(Claim)
    if sort in ("published", "-published"):
        stmt = stmt.join(Source, Source.id == Claim.source_id)
    return stmt


Link = type[ClaimActor] | type[ClaimPlace]


def _linked(
    link: Link,
    key: Any,
    ids: set[int],
    f: ClaimFilters | None,
    *also: ColumnElement[bool],
    postgres: bool = False,
) -> ColumnElement[bool]:
    """Claims with a `link` whose `key` is one of `ids`; with `f`'s event date range asked
    of the links' copies of the dates, one index range per span class (SPAN_CLASSES)."""
    found = _found(link, key, ids, f, *also)
    if postgres:
        # `id = ANY(ARRAY(...))` walks pk_claim in id order over the candidates and stops
        # at the page's end; `IN` fetched every candidate claim, then sorted (Aleppo +
        # 2 months at 1M: 3,227 claims fetched for 51, 42 -> 3 ms), or hashed the links
        # and read every claim of the other filter's (Palmyra + shelling at 1M: 100,530
        # shelling claims read for 242, 470-580 -> 76-216 ms under load)
        return _among_sorted(found)
    return Claim.id.in_(found)


def _among_sorted(found: sa.Select[Any] | sa.CompoundSelect) -> ColumnElement[bool]:
    """On PostgreSQL, the claim is one of `found`'s ids (a `claim_id` column), checked in
    id order. The ids come sorted: PostgreSQL sorts an index's ANY array with its generic
    comparator, which costs more than sorting the ids in the subquery and checking them
    in order (near Aleppo + 2016 at 1M: 67,000 ids, 19 -> 15 ms; bench/RESULTS.md)."""
    ids = found.subquery()
    ordered = sa.select(ids.c.claim_id).order_by(ids.c.claim_id)
    return Claim.id == sa.any_(sa.func.array(ordered.scalar_subquery()))


def _found(
    link: Link, key: Any, ids: set[int], f: ClaimFilters | None, *also: ColumnElement[bool]
) -> sa.Select[Any] | sa.CompoundSelect:
    """The claim ids of _linked's links."""
    where = [key.in_(ids), *also, *_typed(f, link.event_type)]
    found: sa.Select[Any] | sa.CompoundSelect = sa.select(link.claim_id).where(*where)
    if f is not None and _event_range(f):
        first, last = link.event_date_start, link.event_date_end
        found = sa.union_all(
            *(
                sa.select(link.claim_id).where(
                    *where, link.event_span == i, *_event_dates(f, first, last, reach)
                )
                for i, reach in enumerate(SPAN_CLASSES)
            )
        )
    return found


def _typed(f: ClaimFilters | None, event_type: Any) -> list[ColumnElement[bool]]:
    """`f`'s event types on a link's copy of its claim's (the claim's own condition stays):
    the links of an actor or place and a type are one index range (models/links.py)."""
    return [event_type.in_(f.event_type)] if f is not None and f.event_type else []


def _in_places(
    ids: set[int], f: ClaimFilters | None = None, *, postgres: bool = False
) -> ColumnElement[bool]:
    return _linked(ClaimPlace, ClaimPlace.place_id, ids, f, postgres=postgres)


# Full text on PostgreSQL: up to this many matches expected (search.expected), they are
# gathered and checked in id order (_among_sorted); beyond it, `IN` lets the planner walk
# claims in id order, which finds a page sooner among many matches. At 1M claims the
# gathering costs ~0.6 ms per 1,000 matches and the walk ~680 ms / (matches / 1,000),
# equal near 33,000 (q=besieged, 14,120 matches: 48 -> 9 ms; q=killed, 245,000: 2.5 ms
# walked, 386 gathered; bench/RESULTS.md). The walk's cost falls with the table's size
# (at 100,000 claims they are equal near 10,000) and the planner's estimate is an
# estimate: the bound sits between the two.
FEW_MATCHES = 20_000

# Full text with places, on SQLite: when the places have more links than `q` has matches,
# the matches are walked in the full-text index and each one's links are probed for the
# places, so that only claims matching both are looked up. Both as `IN` lists, SQLite
# built both and looked up a claim row per match of one (q=besieged + governorate=Homs at
# 1M: 46,000 links, 14,000 matches, 686 both; 66 -> 16 ms of CPU). Sizes are compared
# from the indexes, up to PROBE_BOUND.
PROBE_BOUND = 100_000


def _more_links(session: Session, ids: set[int], than: int) -> bool:
    links = sa.select(ClaimPlace.claim_id).where(ClaimPlace.place_id.in_(ids)).limit(than + 1)
    found = session.execute(sa.select(sa.func.count()).select_from(links.subquery()))
    return found.scalar_one() > than


def _probe_places(ids: set[int], f: ClaimFilters, claim_id: Any) -> ColumnElement[bool]:
    """`claim_id` has a link to one of `ids` (in `f`'s date range): its own links, found by
    claim id (ix_claim_place_claim_place), are checked for the place (`+ 0`: otherwise
    SQLite seeks once per place id)."""
    first, last = ClaimPlace.event_date_start, ClaimPlace.event_date_end
    return (
        sa.select(ClaimPlace.claim_id)
        .where(
            ClaimPlace.claim_id == claim_id,
            (ClaimPlace.place_id + 0).in_(ids),
            *_event_dates(f, first, last),
        )
        .exists()
    )


def _places_and_text(
    session: Session,
    f: ClaimFilters,
    place_sets: list[set[int]],
    postgres: bool,
    areas: set[str] | None = None,
) -> list[ColumnElement[bool]]:
    """The place filters and `q` (narrowed to the governorates `areas` in the full-text
    index itself, app.services.search). On SQLite a place filter is probed from the full-text
    matches when that is the shorter walk (see PROBE_BOUND). On PostgreSQL, with `q`, the
    links stay `IN` lists, hashed against the matches: probes sought each place id in the
    links of each match and found the matches by walking claim_fts whole (Homs + besieged
    at 1M: 4 s), and ANY(ARRAY) walked the links' claims checking each one's terms (565
    ms, against 250); the matches themselves are gathered and checked in id order when
    few are expected (FEW_MATCHES). The dates go on whichever carries them."""
    found = search.matching(session, f.q, areas) if f.q else None
    if found is None:
        return ([sa.false()] if f.q else []) + [
            _in_places(ids, f, postgres=postgres) for ids in place_sets
        ]
    matched, claim_id = found
    if postgres:
        # with places, the two `IN` lists are hashed against each other: the matches
        # checked in order against the places' links cost 4x (besieged + Homs + 2016
        # at 1M: 18-26 -> 73 ms)
        few = not place_sets and search.expected(session, matched) <= FEW_MATCHES
        text = _among_sorted(matched) if few else Claim.id.in_(matched)
        return [text, *(_in_places(ids, f) for ids in place_sets)]
    hits = search.hits(session, f.q or "", PROBE_BOUND, areas) if place_sets else 0
    conds = []
    for ids in place_sets:
        if hits and _more_links(session, ids, hits):
            matched = matched.where(_probe_places(ids, f, claim_id))
        else:
            conds.append(_in_places(ids, f))
    return [Claim.id.in_(matched), *conds]


def _naming_actors(
    ids: set[int], role: str | None = None, f: ClaimFilters | None = None, *, postgres: bool = False
) -> ColumnElement[bool]:
    # claimants are in claim_actor too (role "claimant"): one indexed lookup, no OR
    also = [ClaimActor.role == role] if role else []
    return _linked(ClaimActor, ClaimActor.actor_id, ids, f, *also, postgres=postgres)


EARTH_RADIUS_KM = 6371.0088


def _haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return EARTH_RADIUS_KM * 2 * math.asin(math.sqrt(a))


# degrees added to each side of the box around a circle, against rounding: the box only
# has to hold every point of the circle; the distance itself decides
_BOX_MARGIN = 1e-6

Box = tuple[float, float, float | None, float | None]  # min/max latitude, min/max longitude


def box_around(lat: float, lon: float, radius_km: float) -> Box:
    """Latitudes and longitudes holding every point within `radius_km` of (lat, lon), so
    that `near=` reads and measures only the gazetteer's places near it (the whole
    gazetteer, ~500 places, cost ~1.5 ms a request). No longitude bounds (None) where the
    circle reaches a pole or the box would cross the antimeridian."""
    angle = radius_km / EARTH_RADIUS_KM  # radians of arc
    dlat = math.degrees(angle) + _BOX_MARGIN
    if abs(lat) + dlat >= 90:
        return lat - dlat, lat + dlat, None, None
    # the widest longitude on the circle (where a meridian touches it)
    dlon = math.degrees(math.asin(math.sin(angle) / math.cos(math.radians(lat)))) + _BOX_MARGIN
    if lon - dlon < -180 or lon + dlon > 180:
        return lat - dlat, lat + dlat, None, None
    return lat - dlat, lat + dlat, lon - dlon, lon + dlon


def _spatial_place_ids(session: Session, f: ClaimFilters) -> set[int] | None:
    """The gazetteer's places in `f`'s box or circle, kept under the places' tag."""
    if not f.bbox and not f.near:
        return None
    shape = (f.bbox_values, f.near_point, f.radius_km, f.include_imprecise)
    ids, _ = resolve.keep(
        session, resolve.PLACES, ("spatial", *shape), lambda: (_points(session, f), [])
    )
    return ids


def _points(session: Session, f: ClaimFilters) -> set[int]:
    stmt = sa.select(Place.id, Place.lat, Place.lon).where(
        Place.lat.is_not(None), Place.lon.is_not(None)
    )
    if not f.include_imprecise:
        stmt = stmt.where(Place.geo_precision != "centroid")
    if f.bbox_values:
        min_lon, min_lat, max_lon, max_lat = f.bbox_values
        stmt = stmt.where(Place.lat.between(min_lat, max_lat), Place.lon.between(min_lon, max_lon))
    if not f.near_point:
        return set(session.execute(stmt).scalars())
    lat, lon = f.near_point
    radius = f.radius_km or DEFAULT_RADIUS_KM
    south, north, west, east = box_around(lat, lon, radius)
    stmt = stmt.where(Place.lat.between(south, north))
    if west is not None:
        stmt = stmt.where(Place.lon.between(west, east))
    points = session.execute(stmt).all()
    return {p.id for p in points if _haversine_km(lat, lon, p.lat, p.lon) <= radius}


def _published(f: ClaimFilters) -> list[ColumnElement[bool]]:
    published: list[ColumnElement[bool]] = []
    if f.date_field != "published":
        return published
    if f.start_date:
        published.append(Source.published_on >= f.start_date)
    if f.end_date:
        published.append(Source.published_on <= f.end_date)
    return [Claim.source_id.in_(sa.select(Source.id).where(*published))] if published else []


def _event_range(f: ClaimFilters) -> bool:
    return f.date_field == "event" and bool(f.date_from or f.date_to)


def _event_bounds(f: ClaimFilters, reach: int = MAX_EVENT_SPAN_DAYS) -> dict[str, date]:
    """The dates _event_dates compares a pair of date columns with, by name."""
    start, end = f.start_date, f.end_date
    bounds: dict[str, date] = {}
    if f.date_field != "event":
        return bounds
    if start:
        bounds["start"] = start
    if start and f.date_mode != "within":
        # date_from=0001 is valid; the bound must not step below the first representable day
        span = timedelta(days=reach)
        bounds["earliest"] = start - span if start - date.min > span else date.min
    if end:
        bounds["end"] = end
    return bounds


def _event_dates(
    f: ClaimFilters, first: Any, last: Any, reach: int = MAX_EVENT_SPAN_DAYS, bound: str = ""
) -> list[ColumnElement[bool]]:
    """The event date range of `f` on a pair of date columns, the claim's or a link's copy,
    for spans of at most `reach` days; with `bound`, its dates are bound parameters named
    `bound` + their name in _event_bounds."""
    dates = _event_bounds(f, reach)
    at: dict[str, Any] = (
        {n: sa.bindparam(bound + n, d) for n, d in dates.items()} if bound else dates
    )
    conds: list[ColumnElement[bool]] = []
    if f.date_mode == "within":
        if "start" in at:
            conds.append(first >= at["start"])
        if "end" in at:
            conds += [last <= at["end"], first <= at["end"]]
        return conds
    if "start" in at:
        conds += [last >= at["start"], first >= at["earliest"]]
    if "end" in at:
        conds.append(first <= at["end"])
    return conds


def conditions(
    session: Session, f: ClaimFilters, names: resolve.Names | None = None
) -> list[ColumnElement[bool]]:
    """`names`: `f`'s names already resolved (resolve.claim_names), when the caller also
    reports them."""
    return _conditions(session, f, names or resolve.claim_names(session, f), False)[0]


def _conditions(
    session: Session, f: ClaimFilters, names: resolve.Names, drive: bool, narrowed: bool = False
) -> tuple[list[ColumnElement[bool]], Merge | Gather | None]:
    """conditions(), and with `drive` the links a page in id order may be walked from
    (Merge, Gather): their condition is then left out of the list, for the driver's walk.
    `narrowed`: the caller adds conditions of its own (a nested route's)."""
    postgres = session.get_bind().dialect.name == "postgresql"
    conds = _published(f)
    if f.max_date_precision:
        allowed = PRECISIONS[: PRECISIONS.index(f.max_date_precision) + 1]
        conds.append(Claim.event_date_precision.in_(allowed))
    place_sets = [names.places]
    # with words to search, the governorates are the full-text index's (its `areas`):
    # one index lookup for both, where the links would be probed match by match. Not on
    # PostgreSQL with an event type: the links by place and type are then the narrower
    # walk, and PostgreSQL reads every row the index lookup finds (1M claims: q=killed +
    # Hama + shelling 29 ms by the links, 141 ms by the index; bench/RESULTS.md)
    areas = (
        names.governorates
        if f.q and search.parse(f.q) and not (postgres and f.event_type)
        else None
    )
    if names.governorates is not None and areas is None:
        place_sets.append(
            set(
                session.execute(
                    sa.select(Place.id).where(Place.governorate.in_(names.governorates))
                ).scalars()
            )
        )
    place_sets.append(_spatial_place_ids(session, f))
    places = [p for p in place_sets if p is not None]
    if not places and names.actors is None:  # no link carries the dates: claim's index does
        conds += _event_dates(f, Claim.event_date_start, Claim.event_date_end)
    driving = _driving(f, names.actors, places) if drive else None
    driver: Merge | Gather | None = None
    if driving and postgres:
        driver = _gather(f, driving)
    elif driving:
        driver = _merge(session, f, driving)
    if driver is not None and driver.link is ClaimPlace:
        places = [p for p in places if p is not driver.ids]
    conds += _places_and_text(session, f, places, postgres, areas)
    if names.actors is not None and (driver is None or driver.link is not ClaimActor):
        conds.append(_naming_actors(names.actors, f.actor_role, f, postgres=postgres))
    if names.claimants is not None:
        conds.append(Claim.claimant_id.in_(names.claimants))
    if f.source:
        conds.append(Claim.source_id.in_(f.source))
    if names.outlets is not None:
        conds.append(
            Claim.source_id.in_(
                sa.select(Source.id).where(sa.func.lower(Source.outlet).in_(names.outlets))
            )
        )
    if f.event_type:
        conds.append(Claim.event_type.in_(f.event_type))
    if f.hedged is not None:
        conds.append(Claim.hedged == f.hedged)
    if f.in_comments is not None:
        conds.append(Claim.in_comments == f.in_comments)
    conds += _event_conditions(f)
    conds += figures.conditions(f)
    # a filter the links do not carry (the event type is the one they do) would often
    # leave the cut short of a page, which is then read twice: such pages read every id
    if isinstance(driver, Gather) and (
        narrowed
        or len(conds) > bool(f.event_type)
        or not (driving and _many(session, f, driving, driver.found, CUT_BOUND))
    ):
        conds.append(driver.condition())
        driver = None
    conds += _curation_conditions(f)
    return conds, driver


def _curation_conditions(f: ClaimFilters) -> list[ColumnElement[bool]]:
    """What reviewers decided: rejected claims and deleted sources' claims are in no list."""
    if f.review_status:
        return [listed.not_deleted(), Claim.review_status.in_(f.review_status)]
    return [listed.not_deleted()] if f.include_rejected else listed.listed()


def _event_conditions(f: ClaimFilters) -> list[ColumnElement[bool]]:
    """The cross-source filters: event membership and what the claim's relations say."""
    conds: list[ColumnElement[bool]] = []
    if f.event:
        conds.append(
            Claim.id.in_(sa.select(EventClaim.claim_id).where(EventClaim.event_id.in_(f.event)))
        )
    if f.contradicted is not None:
        contradicted = sa.select(EventClaim.claim_id).where(EventClaim.contradicted)
        conds.append(
            Claim.id.in_(contradicted) if f.contradicted else Claim.id.not_in(contradicted)
        )
    if f.corroborated_by_min:
        conds.append(
            Claim.id.in_(
                sa.select(EventClaim.claim_id).where(
                    EventClaim.corroborated_by >= f.corroborated_by_min
                )
            )
        )
    return conds


def filtered(
    session: Session,
    f: ClaimFilters,
    *,
    source_id: int | None = None,
    actor_id: int | None = None,
    place_id: int | None = None,
    names: resolve.Names | None = None,
) -> sa.Select[Any]:
    """The claims matching `f` and, for the nested routes, about one source, actor or place
    (the actor's affiliates and the places inside the place included, as for the filters)."""
    conds = conditions(session, f, names)
    return base_select(f.sort).where(*conds, *_fixed(session, f, source_id, actor_id, place_id))


def walked(
    session: Session,
    f: ClaimFilters,
    *,
    names: resolve.Names,
    source_id: int | None = None,
    actor_id: int | None = None,
    place_id: int | None = None,
) -> tuple[sa.Select[Any], Walk | None]:
    """filtered(), and how a page of it in id order is walked when merging links is the
    shorter way (Merge; on SQLite) or from a cut of the gathered ids (Gather; on
    PostgreSQL): paging counts with the one, walks with the other."""
    fixed = _fixed(session, f, source_id, actor_id, place_id)
    conds, driver = _conditions(session, f, names, True, bool(fixed))
    conds += fixed
    if driver is None:
        return base_select(f.sort).where(*conds), None
    stmt = base_select(f.sort).where(*conds, driver.condition())
    return stmt, driver.walk(conds)


def _fixed(
    session: Session,
    f: ClaimFilters,
    source_id: int | None,
    actor_id: int | None,
    place_id: int | None,
) -> list[ColumnElement[bool]]:
    conds: list[ColumnElement[bool]] = []
    if source_id is not None:
        conds.append(Claim.source_id == source_id)
    if actor_id is not None:
        ids = resolve.with_affiliates(session, {actor_id}) if f.include_affiliates else {actor_id}
        conds.append(_naming_actors(ids))
    if place_id is not None:
        conds.append(_in_places(resolve.with_places_inside(session, {place_id})))
    return conds


# Actor or place (and event dates), in id order, on SQLite: SQLite builds the list of every
# (dated) link of the ids and sorts it before it returns the first claim (Daesh + 6 months
# at 1M claims: 24,000 links, 15-20 ms). When the links are many (over MERGE_BOUND, counted
# from the indexes), the page instead merges each id's links in claim order (0013's index,
# dates included), each joined to its claim and its filters, and stops at the page's end:
# the same walk in 2-5 ms. Few links stay a list, which is shorter than walking an actor's
# links in claim order past the ones out of the date range.
MERGE_BOUND = 2_000
MERGE_MAX_IDS = 64


@dataclass(frozen=True, slots=True)
class Merge:
    link: Link
    key: Any
    ids: set[int]
    also: tuple[ColumnElement[bool], ...]
    f: ClaimFilters
    # the claim ids of these links in the filter's dates and types (_found), built once
    # for counting them (_merge) and for the list's condition: built twice, it cost
    # ~0.5 ms a request at 51 places
    found: sa.Select[Any] | sa.CompoundSelect

    def condition(self) -> ColumnElement[bool]:
        """_linked's condition (on SQLite, the only backend that merges)."""
        return Claim.id.in_(self.found)

    def walk(self, conds: list[ColumnElement[bool]]) -> Walk:
        """The primary keys (`_key`, `_k0`) of the claims matching `conds` and this one's
        links, in id order after a claim id, up to a limit: one index range per id, merged
        (UNION: a claim linked twice is one claim; SQLite merges a compound in its ORDER BY
        when it has a LIMIT, and materialises it when it has none). The ids and the dates
        are bound parameters: walks of as many ids with the same other conditions are one
        statement (paging.Walk)."""
        f, table = self.f, self.link.__table__
        key, claim_id = table.c[self.key.key], table.c.claim_id
        fixed = [*self.also, *_typed(f, table.c.event_type), *conds]
        dates = {f"walk_{n}": d for n, d in _event_bounds(f).items()}
        ids = {f"walk_id{j}": i for j, i in enumerate(self.ids)}
        shape = (table.name, key.name, len(ids), f.date_mode, *dates, *_valued(fixed))

        def walk(after: ColumnElement[Any] | None, limit: int) -> sa.Select[Any]:
            # Core columns, and the conditions shared by every arm built once: an arm per
            # id built with ORM attributes cost more than the walk (41 places: ~15 ms)
            source = table.join(Claim.__table__, Claim.__table__.c.id == claim_id)
            first, last = table.c.event_date_start, table.c.event_date_end
            shared = [*fixed, *_event_dates(f, first, last, bound="walk_")]
            where = sa.and_(*shared, *([claim_id > after] if after is not None else []))
            # each arm one generative step from a shared one (~half the cost of building it)
            arm = sa.select(claim_id.label("_key")).select_from(source).where(where)
            arms = [arm.where(key == sa.bindparam(name)) for name in ids]
            # one column: with two (both the claim id) SQLite sorted each arm by the second;
            # one arm is no UNION (SQLAlchemy writes it alone), so it is DISTINCT itself
            merged = sa.union(*arms) if len(arms) > 1 else arms[0].distinct()
            merged = merged.order_by(sa.literal_column("_key")).limit(limit).subquery()
            return sa.select(merged.c._key, merged.c._key.label("_k0"))

        return Walk(shape, ids | dates, walk)


def _valued(conds: list[ColumnElement[bool]]) -> tuple[Any, ...]:
    """What `conds` are, their values included: equal for conditions of equal SQL and
    parameters (SQLAlchemy's cache key, which leaves the values out, and the values)."""
    cached = sa.and_(sa.true(), *conds)._generate_cache_key()
    assert cached is not None  # every condition here is one of SQLAlchemy's own
    values = (b.effective_value for b in cached.bindparams)
    return (cached.key, *(tuple(v) if isinstance(v, list | set) else v for v in values))


# A page in id order on PostgreSQL gathers the claim ids of its driving links whole and
# sorts them (_among_sorted) before it reads the first claim (near Aleppo + 2016 at 1M:
# 67,250 ids, ~9 ms to gather, ~7 to sort). It needs only the first of them after its
# cursor: kept to CUT_MARGIN times the rows it walks, PostgreSQL keeps a top-N heap in
# place of the sort. Rejected claims, deleted sources and duplicate links can use up the
# cut; the page then reads again without it (paging.Walk). Pages with a filter the links
# do not carry are not cut (_conditions). Below CUT_BOUND links (counted as for Merge) the
# cut costs more than the sort it saves (building, planning, SERIAL: ~1 ms at 1M claims;
# 13,000 and 24,000 links lost 0.5-1 ms, 53,000 gained 2; bench/RESULTS.md, stop 54).
CUT_MARGIN = 4
CUT_BOUND = 30_000


@dataclass(frozen=True, slots=True)
class Gather:
    link: Link
    ids: set[int]
    found: sa.Select[Any] | sa.CompoundSelect  # _found's, as for Merge

    def condition(self) -> ColumnElement[bool]:
        """_linked's condition on PostgreSQL: every gathered id, for counts and other orders."""
        return _among_sorted(self.found)

    def walk(self, conds: list[ColumnElement[bool]]) -> Walk:
        """The claims matching `conds` among the first CUT_MARGIN * limit gathered ids after
        `after`, in id order (`_cut`: the cut was full, so more ids were left out). The
        array is a CTE so that it is gathered once for the condition and for `_cut`."""
        claim = Claim.__table__

        def walk(after: ColumnElement[Any] | None, limit: int) -> sa.Select[Any]:
            found = self.found.subquery()
            after_key = [found.c.claim_id > after] if after is not None else []
            first = sa.select(found.c.claim_id).where(*after_key).order_by(found.c.claim_id)
            cut = first.limit(CUT_MARGIN * limit).scalar_subquery()
            gathered = sa.select(sa.func.array(cut).label("ids")).cte("gathered")
            ids = sa.select(gathered.c.ids).scalar_subquery()
            full = sa.select(sa.func.cardinality(gathered.c.ids) == CUT_MARGIN * limit)
            return (
                sa.select(
                    claim.c.id.label("_key"),
                    claim.c.id.label("_k0"),
                    full.scalar_subquery().label("_cut"),
                )
                .where(
                    # cast, so that PostgreSQL reads one array, not a subquery's rows
                    claim.c.id == sa.any_(sa.cast(ids, postgresql.ARRAY(sa.Integer))),
                    *conds,
                    *([claim.c.id > after] if after is not None else []),
                )
                .order_by(claim.c.id)
                .limit(limit)
            )

        return Walk(None, {}, walk, cut=True, options={SERIAL: True})


Driving = tuple[Link, Any, set[int], tuple[ColumnElement[bool], ...]]


def _driving(f: ClaimFilters, actors: set[int] | None, places: list[set[int]]) -> Driving | None:
    """The links a page in id order may be walked from (link, key, ids, other conditions):
    the actors', else the first places'; none in another order or with words to find."""
    if f.sort != "id" or f.q:
        return None
    if actors is not None:
        role = (ClaimActor.role == f.actor_role,) if f.actor_role else ()
        return (ClaimActor, ClaimActor.actor_id, actors, role) if actors else None
    if places and places[0]:
        return ClaimPlace, ClaimPlace.place_id, places[0], ()
    return None


def _merge(session: Session, f: ClaimFilters, driving: Driving) -> Merge | None:
    link, key, ids, also = driving
    if len(ids) > MERGE_MAX_IDS:
        return None
    found = _found(link, key, ids, f, *also)
    many = _many(session, f, driving, found, MERGE_BOUND)
    return Merge(link, key, ids, also, f, found) if many else None


def _gather(f: ClaimFilters, driving: Driving) -> Gather:
    """The driving links' ids, gathered once: cut, or whole if the page is not (_conditions)."""
    link, key, ids, also = driving
    return Gather(link, ids, _found(link, key, ids, f, *also))


# Whether a page merges or cuts is a plan, not an answer (both plans give the same rows), so
# the count that decides it is kept per filter under the claims' newest id: an import or a
# re-extraction (new claim ids) counts again; a deletion or a link edited by curation
# leaves a decision stale, which costs speed, never rows. Counting up to MERGE_BOUND on
# each request cost ~0.9 ms at 100,000 claims (bench/RESULTS.md).
_MANY: Kept[bool] = Kept(1024)
_NEWEST = sa.select(sa.func.max(Claim.id))


def _many(
    session: Session,
    f: ClaimFilters,
    driving: Driving,
    found: sa.Select[Any] | sa.CompoundSelect,
    bound: int,
) -> bool:
    """Do `found`'s links (`driving`'s in `f`'s dates and types) number more than `bound`?"""
    link, _, ids, also = driving
    # what _found reads of `f`, with the link's table, ids and role
    asked = (link.__tablename__, frozenset(ids), f.actor_role if also else None)
    asked += (tuple(f.event_type or ()), f.date_field, f.date_mode, f.start_date, f.end_date)

    def count() -> bool:
        dated = found.limit(bound + 1).subquery()
        return session.execute(sa.select(sa.func.count()).select_from(dated)).scalar_one() > bound

    return _MANY.get((session.execute(_NEWEST).scalar_one(), bound, *asked), count)
