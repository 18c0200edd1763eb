"""Every matching claim, streamed as CSV, GeoJSON or JSON Lines, in batches.

Exports walk the same keyset ordering as the paged list, a batch at a time, so memory
stays flat however many claims match.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any, NamedTuple

import sqlalchemy as sa
from sqlmodel import Session

from app.models import ClaimPublic, Source
from app.models.claim import ClaimDerivation, ClaimExported, ClaimPlacePublic
from app.params import ClaimFilters, ExportFormat
from app.services import claim_query
from app.services.claims import derivations, publics
from app.services.figures import RANGED_KINDS
from app.services.paging import paginate

BATCH = 500
MEDIA_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "geojson": "application/geo+json",
    "jsonl": "application/x-ndjson",
}
CSV_COLUMNS = [
    "claim_id",
    "text",
    "char_start",
    "char_end",
    "claimant",
    "claimant_id",
    "claimant_text",
    "hedged",
    "in_comments",
    "event_type",
    "event_date_start",
    "event_date_end",
    "event_date_precision",
    "actors",
    "places",
    "governorates",
    "lat",
    "lon",
    "quantities",
    "source_id",
    "source_title",
    "source_outlet",
    "source_url",
    "source_published_on",
    "event_id",
    "event_grade",
    # each kind's bounds summed over the claim's figures (app.services.figures)
    *(f"{kind}_{end}" for kind in RANGED_KINDS for end in ("min", "max")),
    "review_status",
    "corrected_fields",
]
# Spreadsheets run cells that start like a formula; a leading apostrophe keeps them text.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class Batch(NamedTuple):
    claims: list[ClaimPublic]
    sources: dict[int, Source]
    derivations: dict[int, ClaimDerivation | None]


def _batches(
    bind: Any, stmt: sa.Select[Any], filters: ClaimFilters, *, derived: bool = False
) -> Iterator[Batch]:
    """Each batch in a short session of its own: a slow download must not hold a pooled
    connection (the request's session is closed before streaming starts). `derived` adds
    each claim's derivation, which needs the sources' texts."""
    ordering = claim_query.ordering(filters.sort)
    cursor = None
    while True:
        with Session(bind) as session:
            page = paginate(session, stmt, ordering, limit=BATCH, cursor=cursor, count=None)
            if not page.rows:
                return
            query = sa.select(Source).where(Source.id.in_({c.source_id for c in page.rows}))
            if not derived:
                query = query.options(sa.orm.defer(Source.text))
            sources = {s.id: s for s in session.execute(query).scalars()}
            texts = {i: s.text for i, s in sources.items()} if derived else {}
            batch = Batch(
                publics(session, page.rows),
                sources,
                derivations(session, page.rows, texts) if derived else {},
            )
        yield batch
        if page.next is None:
            return
        cursor = page.next


def _cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _located(p: ClaimPlacePublic) -> str:
    """A place for the CSV's `places`: "Name (lat, lon)", or the name alone if unlocated."""
    return p.name if p.lat is None or p.lon is None else f"{p.name} ({p.lat}, {p.lon})"


def _csv_row(c: ClaimPublic, source: Source) -> list[Any]:
    first = next((p for p in c.places if p.lat is not None), None)
    return [
        _cell(v)
        for v in [
            c.id,
            c.text,
            c.char_start,
            c.char_end,
            c.claimant.name if c.claimant else "",
            c.claimant.id if c.claimant else "",
            c.claimant_text or "",
            c.hedged,
            c.in_comments,
            c.event_type,
            c.event_date_start or "",
            c.event_date_end or "",
            c.event_date_precision or "",
            "; ".join(f"{a.name} ({a.role})" for a in c.actors),
            "; ".join(dict.fromkeys(_located(p) for p in c.places)),
            "; ".join(dict.fromkeys(p.governorate for p in c.places if p.governorate)),
            first.lat if first else "",
            first.lon if first else "",
            "; ".join(
                f"{q.what}={q.value if q.value is not None else '?'}"
                + (f" ({q.qualifier})" if q.qualifier else "")
                for q in c.quantities
            ),
            source.id,
            source.title or "",
            source.outlet or "",
            source.url or "",
            source.published_on or "",
            c.event_id or "",
            c.event_grade or "",
            *(
                end
                for kind in RANGED_KINDS
                for end in (next(((f.low, f.high) for f in c.figures if f.kind == kind), ("", "")))
            ),
            c.review_status,
            "; ".join(c.corrected_fields),
        ]
    ]


def _csv(batches: Iterator[Batch]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    buffer.write("\ufeff")  # so spreadsheet programs read the file as UTF-8
    writer.writerow(CSV_COLUMNS)
    for claims, sources, _ in batches:
        for c in claims:
            writer.writerow(_csv_row(c, sources[c.source_id]))
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()


def _points(c: ClaimPublic, imprecise: bool) -> list[ClaimPlacePublic]:
    """The claim's located places, each place and each point once (the first place named
    there); centroid-only ones (known only as a country, governorate or region centroid)
    only when `imprecise`."""
    found: dict[tuple[float, float], ClaimPlacePublic] = {}
    for p in c.places:
        if p.lat is None or p.lon is None or (p.geo_precision == "centroid" and not imprecise):
            continue
        if all(p.id != q.id for q in found.values()):
            found.setdefault((p.lat, p.lon), p)
    return list(found.values())


def _geojson(batches: Iterator[Batch], imprecise: bool) -> Iterator[str]:
    yield '{"type":"FeatureCollection","features":['
    first = True
    for claims, sources, _ in batches:
        parts = []
        for c in claims:
            source = sources[c.source_id]
            for p in _points(c, imprecise):
                feature = {
                    "type": "Feature",
                    "geometry": {"type": "Point", "coordinates": [p.lon, p.lat]},
                    "properties": {
                        "claim_id": c.id,
                        "text": c.text,
                        "place_id": p.id,
                        "place": p.name,
                        "governorate": p.governorate,
                        "geo_precision": p.geo_precision,
                        "event_type": c.event_type,
                        "event_date_start": c.event_date_start and c.event_date_start.isoformat(),
                        "event_date_end": c.event_date_end and c.event_date_end.isoformat(),
                        "event_date_precision": c.event_date_precision,
                        "claimant": c.claimant.name if c.claimant else c.claimant_text,
                        "hedged": c.hedged,
                        "actors": [{"id": a.id, "name": a.name, "role": a.role} for a in c.actors],
                        "figures": [f.model_dump() for f in c.figures],
                        "source_id": c.source_id,
                        "source_title": source.title,
                        "source_url": source.url,
                        "outlet": c.outlet,
                        "published_on": c.published_on and c.published_on.isoformat(),
                        "event_id": c.event_id,
                        "event_grade": c.event_grade,
                        "review_status": c.review_status,
                        "corrected_fields": c.corrected_fields,
                    },
                }
                parts.append(("" if first else ",") + json.dumps(feature, ensure_ascii=False))
                first = False
        yield "".join(parts)
    yield "]}"


def _jsonl(batches: Iterator[Batch]) -> Iterator[str]:
    """One claim per line, with how each of its fields was derived."""
    for batch in batches:
        yield "".join(
            ClaimExported(**c.model_dump(), derivation=batch.derivations[c.id]).model_dump_json()
            + "\n"
            for c in batch.claims
        )


def export(
    session: Session, filters: ClaimFilters, fmt: ExportFormat, **fixed: int
) -> Iterator[str]:
    """The export as a lazy stream of text chunks.

    The filters are resolved now, not when the stream is first read: by then the 200 and
    its headers are on the wire, and an unknown name could only cut the download short
    instead of answering 422.
    """
    stmt = claim_query.filtered(session, filters, **fixed)
    batches = _batches(session.get_bind(), stmt, filters, derived=fmt == "jsonl")
    if fmt == "geojson":
        return _geojson(batches, filters.include_imprecise)
    return _csv(batches) if fmt == "csv" else _jsonl(batches)
