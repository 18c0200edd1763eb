"""Counts of matching claims per actor, place, governorate, month, event type, claimant or
outlet: the same filters as /claims, for charts.

Nothing is cut off unseen: buckets come a page at a time with a cursor, the claims
without a value are one `unknown` bucket, and a month counts only the claims known to
fall in it (a claim dated to a year counts under YYYY-xx, never in January).
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Iterator
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from app.errors import InvalidParameter
from app.models import Actor, Claim, Place, Source
from app.models.facet import Facets, FacetValue
from app.models.links import ClaimActor, ClaimPlace
from app.params import FacetParams
from app.services import claim_query, figures, resolve
from app.services.paging import Ordering, SortKey, decode_cursor, encode_cursor

YEAR_ONLY = "{year}-xx"  # the month bucket of claims dated only to a year


def _month(session: Session) -> sa.ColumnElement[str]:
    if session.get_bind().dialect.name == "postgresql":
        return sa.func.to_char(Claim.event_date_start, "YYYY-MM")
    return sa.func.strftime("%Y-%m", Claim.event_date_start)


def _grouped(by: str) -> tuple[sa.Select[Any], Any, Any]:
    """(select of [id,] value and count over claims, the value, the id column or None)."""
    n = sa.func.count(sa.distinct(Claim.id)).label("n")
    if by in ("actor", "claimant"):
        stmt = sa.select(Actor.id, Actor.name, n).select_from(Claim)
        if by == "actor":
            stmt = stmt.join(ClaimActor, ClaimActor.claim_id == Claim.id).join(
                Actor, Actor.id == ClaimActor.actor_id
            )
        else:
            stmt = stmt.join(Actor, Actor.id == Claim.claimant_id)
        return stmt, Actor.name, Actor.id
    if by in ("place", "governorate"):
        value = Place.name if by == "place" else Place.governorate
        key = Place.id if by == "place" else None
        cols = [key, value] if key is not None else [value]
        stmt = (
            sa.select(*cols, n)
            .select_from(Claim)
            .join(ClaimPlace, ClaimPlace.claim_id == Claim.id)
            .join(Place, Place.id == ClaimPlace.place_id)
        )
        return stmt, value, key
    if by == "outlet":
        stmt = sa.select(Source.outlet, n).select_from(Claim)
        return stmt.join(Source, Source.id == Claim.source_id), Source.outlet, None
    return sa.select(Claim.event_type, n).select_from(Claim), Claim.event_type, None


def _with_value(by: str, value: Any, ids: sa.Select[Any]) -> sa.Select[Any]:
    """The matching claims that have a value, for the unknown bucket."""
    stmt, _, _ = _grouped(by)
    return (
        stmt.with_only_columns(sa.func.count(sa.distinct(Claim.id)))
        .where(Claim.id.in_(ids), value.is_not(None))
        .group_by(None)
    )


def _months(session: Session, ids: sa.Select[Any], zero_fill: bool) -> list[FacetValue]:
    month = _month(session)
    counts: Counter[str] = Counter()
    for value, precision, n in session.execute(
        sa.select(month, Claim.event_date_precision, sa.func.count())
        .where(Claim.id.in_(ids), Claim.event_date_start.is_not(None))
        .group_by(month, Claim.event_date_precision)
    ).all():
        counts[YEAR_ONLY.format(year=value[:4]) if precision == "year" else value] += n
    months = sorted(k for k in counts if not k.endswith("xx"))
    if zero_fill and months:
        year, month_ = int(months[0][:4]), int(months[0][5:])
        while (current := f"{year:04d}-{month_:02d}") < months[-1]:
            counts.setdefault(current, 0)
            year, month_ = (year + 1, 1) if month_ == 12 else (year, month_ + 1)
    return [FacetValue(value=v, count=counts[v]) for v in sorted(counts)]


def _page_ordering(by: str) -> Ordering:
    # a facet cursor is the number of buckets already served, for this `by` only
    return Ordering(f"facets:{by}", (SortKey(Claim.id),))


def _offset(params: FacetParams) -> int:
    if not params.cursor:
        return 0
    [offset] = decode_cursor(_page_ordering(params.by), params.cursor)
    if offset < 0:
        raise InvalidParameter("cursor", "Not a cursor this server issued; pass `next` back.")
    return offset


def _buckets(
    session: Session, params: FacetParams, ids: sa.Select[Any], offset: int, limit: int | None
) -> list[FacetValue]:
    """Buckets from `offset`, at most `limit` (all with None), in the facet's order:
    months as a timeline, anything else most frequent first."""
    if params.by == "month":
        months = _months(session, ids, params.zero_fill)
        return months[offset : None if limit is None else offset + limit]
    stmt, value, key = _grouped(params.by)
    group = [key, value] if key is not None else [value]
    stmt = (
        stmt.where(Claim.id.in_(ids), value.is_not(None))
        .group_by(*group)
        .order_by(sa.desc("n"), *group)
        .offset(offset)
    )
    if limit is not None:
        stmt = stmt.limit(limit)
    return [
        FacetValue(id=row[0] if key is not None else None, value=row[-2], count=row[-1])
        for row in session.execute(stmt).all()
    ]


def _pairs(session: Session, by: str, ids: sa.Select[Any]) -> sa.Select[Any]:
    """(bucket, claim id) for every matching claim with a value; the bucket is what
    identifies a FacetValue: its id, else its value."""
    if by == "month":
        month = _month(session)
        year_only = sa.func.substr(month, 1, 4, type_=sa.String).concat("-xx")
        bucket = sa.case((Claim.event_date_precision == "year", year_only), else_=month)
        return sa.select(bucket, Claim.id).where(
            Claim.id.in_(ids), Claim.event_date_start.is_not(None)
        )
    stmt, value, key = _grouped(by)
    return stmt.with_only_columns(key if key is not None else value, Claim.id).where(
        Claim.id.in_(ids), value.is_not(None)
    )


def _with_sums(
    session: Session, params: FacetParams, ids: sa.Select[Any], rows: list[FacetValue]
) -> list[FacetValue]:
    """`rows` with the figures `params.sum` asks for, summed per bucket."""
    if not params.sum:
        return rows
    pairs = _pairs(session, params.by, ids)
    sums = [figures.bucket_sums(session, pairs, kind) for kind in params.sum]
    for row in rows:
        if not row.unknown:
            bucket = row.id if row.id is not None else row.value
            row.figures = [s[bucket] for s in sums if bucket in s]
    return rows


def _unknown(session: Session, by: str, ids: sa.Select[Any], total: int) -> int:
    if by == "month":
        dated = sa.select(sa.func.count()).where(
            Claim.id.in_(ids), Claim.event_date_start.is_not(None)
        )
        return total - session.execute(dated).scalar_one()
    _, value, _ = _grouped(by)
    return total - session.execute(_with_value(by, value, ids)).scalar_one()


def _matching(session: Session, params: FacetParams) -> tuple[sa.Select[Any], int, Any]:
    names = resolve.claim_names(session, params)
    matching = (
        claim_query.filtered(session, params, names=names).with_only_columns(Claim.id).subquery()
    )
    total = session.execute(sa.select(sa.func.count()).select_from(matching)).scalar_one()
    return sa.select(matching.c.id), total, names


def facets(session: Session, params: FacetParams) -> Facets:
    """One page of `params.limit` buckets; the unknown bucket ends the last page."""
    offset = _offset(params)
    ids, total, names = _matching(session, params)
    data = _buckets(session, params, ids, offset, params.limit + 1)
    more = len(data) > params.limit
    data = _with_sums(session, params, ids, data[: params.limit])
    unknown = _unknown(session, params.by, ids, total)
    if not more and unknown:
        data.append(FacetValue(value=None, count=unknown, unknown=True))
    cursor = encode_cursor(_page_ordering(params.by), [offset + params.limit]) if more else None
    return Facets(
        by=params.by, total=total, unknown=unknown, data=data, next=cursor, resolved=names.public
    )


CSV_COLUMNS = ("value", "id", "count", "unknown")
SUM_COLUMNS = ("low", "high", "max")  # per kind of `sum=`: killed_low, killed_high, ...


def facets_csv(session: Session, params: FacetParams) -> Iterator[str]:
    """Every bucket as CSV (limit and cursor ignored), the unknown one last. Not a
    generator: a bad name is a 422 raised here, before the response starts."""
    ids, total, _ = _matching(session, params)
    rows = _with_sums(session, params, ids, _buckets(session, params, ids, 0, None))
    if unknown := _unknown(session, params.by, ids, total):
        rows.append(FacetValue(value=None, count=unknown, unknown=True))
    kinds = list(params.sum or ())
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([*CSV_COLUMNS, *(f"{k}_{b}" for k in kinds for b in SUM_COLUMNS)])
    for row in rows:
        summed = {f.kind: f for f in row.figures or ()}
        writer.writerow(
            [row.value or "", row.id or "", row.count, "true" if row.unknown else "false"]
            + [getattr(summed[k], b) if k in summed else "" for k in kinds for b in SUM_COLUMNS]
        )
    return iter([out.getvalue()])
