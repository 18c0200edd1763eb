"""Synthetic claims at scale, resampled from real extracted ones: `claimdb synth`, the
index-use tests and the benchmarks.

The profile (app/data/synth_profile.jsonl.gz, built by app/data/build_synth_profile.py)
holds the claims the real extraction finds in seeds/ and the FA-KES dev half: their text,
claimant, hedging, event type, date relative to their source's publication, figures, and
actors and places by registry slug with spans. A synthetic source takes the outlet and
publication date of a real source (drawn by its number of claims; the date moved by up to
JITTER_DAYS either way) and `per_source` claims drawn from that outlet's real claims (small
outlets share one pool), written one after another as its text; every span, date and
figure moves with its claim. So names such as Daesh, Aleppo, SOHR and Homs resolve, and
actors, places, event types, claimants, hedging, figures and date precisions follow the
real distribution. Nothing is extracted here: the generator only copies and shifts.

The same seed gives the same rows on any database holding the same registry (drawn in
the profile's order, whatever the database's), except `source.imported_at`. The registry
and gazetteer must already be in the database (claimdb migrate).
"""

from __future__ import annotations

import gzip
import json
import random
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Engine

from app.models import Source
from app.models.base import utcnow
from app.models.links import span_class
from app.services import search
from app.services.figures import figure_rows

PROFILE = Path(__file__).with_name("data") / "synth_profile.jsonl.gz"
JITTER_DAYS = 180
SOURCES_PER_BATCH = 500  # one transaction: sources, then claims, then their links
CACHE_KIB = 256_000  # SQLite page cache while writing (its default is 2 MB)
SMALL_OUTLET = 100  # outlets with fewer real claims draw from one shared pool
DEFER_INDEXES_AT = 100_000  # claims added at once, at least, to build indexes at the end
DEFERRED_TABLES = ("claim", "claim_actor", "claim_place", "claim_figure")


@cache
def load_profile() -> tuple[dict[str, Any], ...]:
    """The profile's claims, in file order (its first line describes the file)."""
    with gzip.open(PROFILE, "rt", encoding="utf-8") as f:
        lines = [json.loads(line) for line in f]
    return tuple(lines[1:])


@dataclass(frozen=True, slots=True)
class Template:
    """One real claim, resolved against a database's registry; spans relative to it."""

    outlet: str | None
    published: date
    text: str
    claimant_id: int | None
    claimant_text: str | None
    hedged: bool
    in_comments: bool
    event_type: str
    when: tuple[int, int, str] | None  # days after publication, length in days, precision
    quantities: tuple[dict[str, Any], ...]
    figures: tuple[tuple[Any, ...], ...]  # claim_figure rows (FIGURE_COLUMNS) less claim_id
    actors: tuple[tuple[int, str, int | None, int | None], ...]
    places: tuple[tuple[int, int, int], ...]
    terms: tuple[str, str, str]  # the full-text index row, as stored on this database


def templates(conn: sa.Connection) -> list[Template]:
    """The profile's claims with this database's actor and place ids (a link whose slug
    the database does not know is left out)."""
    actor = {r.slug: r.id for r in conn.execute(sa.text("SELECT slug, id FROM actor"))}
    rows = conn.execute(sa.text("SELECT slug, id, governorate FROM place")).all()
    place = {r.slug: r.id for r in rows}
    governorate = {r.slug: r.governorate for r in rows}
    dialect = conn.dialect.name
    out = []
    for t in load_profile():
        quantities = tuple(t["quantities"])
        out.append(
            Template(
                outlet=t["outlet"],
                published=date.fromisoformat(t["published"]),
                text=t["text"],
                claimant_id=actor.get(t["claimant"]) if t["claimant"] else None,
                claimant_text=t["claimant_text"],
                hedged=t["hedged"],
                in_comments=t["in_comments"],
                event_type=t["event_type"],
                when=tuple(t["date"]) if t["date"] else None,  # type: ignore[arg-type]
                quantities=quantities,
                figures=tuple(
                    tuple(r[c] for c in FIGURE_COLUMNS[1:]) for r in figure_rows(0, quantities)
                ),
                actors=tuple(
                    (actor[slug], role, s, e) for slug, role, s, e in t["actors"] if slug in actor
                ),
                places=tuple((place[slug], s, e) for slug, s, e in t["places"] if slug in place),
                terms=(
                    *search.stored_terms(dialect, t["text"]),
                    search.stored_areas(
                        dialect, [governorate[slug] for slug, _, _ in t["places"] if slug in place]
                    ),
                ),
            )
        )
    return out


def _pools(found: list[Template]) -> dict[str | None, list[Template]]:
    """The claims each outlet's synthetic sources draw from."""
    by_outlet: dict[str | None, list[Template]] = {}
    for t in found:
        by_outlet.setdefault(t.outlet, []).append(t)
    shared = [t for ts in by_outlet.values() if len(ts) < SMALL_OUTLET for t in ts]
    return {o: ts if len(ts) >= SMALL_OUTLET else shared for o, ts in by_outlet.items()}


def _shifted(quantities: tuple[dict[str, Any], ...], offset: int) -> str:
    """The claim's quantities as stored (JSON), their spans moved by `offset`."""
    out = []
    for q in quantities:
        q = dict(q)
        if q.get("char_start") is not None:
            q["char_start"] += offset
            q["char_end"] += offset
        out.append(q)
    return json.dumps(out)


# Rows are tuples in these columns' order, written with the driver's executemany: at a
# million claims, SQLAlchemy's per-row parameter processing would take as long as the
# inserts themselves. So values are given as stored: dates in ISO form, JSON as text.
CLAIM_COLUMNS = (
    "id", "source_id", "text", "char_start", "char_end", "claimant_id", "claimant_text",
    "hedged", "in_comments", "event_type", "event_date_start", "event_date_end",
    "event_date_precision", "quantities", "review_status",
)  # fmt: skip
# links carry their claim's dates, span class and event type (app.models.links: the date
# and type filters' indexes), written here with the links, as app.services.store writes them
COPIED = ("event_date_start", "event_date_end", "event_span", "event_type")
ACTOR_COLUMNS = ("claim_id", "actor_id", "role", "char_start", "char_end", *COPIED)
PLACE_COLUMNS = ("claim_id", "place_id", "char_start", "char_end", *COPIED)
FIGURE_COLUMNS = ("claim_id", "kind", "value", "value_min", "value_max", "qualifier", "subset")


def _insert(conn: sa.Connection, table: str, columns: tuple[str, ...], rows: list) -> None:
    if not rows:
        return
    mark = "%s" if conn.dialect.name == "postgresql" else "?"
    conn.exec_driver_sql(
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join([mark] * len(columns))})",
        rows,
    )


def _pragmas(conn: sa.Connection, *pragmas: str) -> None:
    """Outside any transaction (SQLite refuses some pragmas inside one), on the driver's
    connection: SQLAlchemy's would begin one first."""
    raw = conn.connection.dbapi_connection
    for pragma in pragmas:
        raw.execute(f"PRAGMA {pragma}")  # type: ignore[union-attr]


@contextmanager
def _indexes_deferred(conn: sa.Connection, holding: int, adding: int) -> Iterator[None]:
    """On SQLite, when adding at least DEFER_INDEXES_AT claims and more than the database
    holds (a new database, above all), drop the secondary indexes of the claim tables and
    build them again at the end, whatever happens: one sort over a million rows is much
    cheaper than keeping each index ordered row by row."""
    if conn.dialect.name != "sqlite" or adding < max(holding, DEFER_INDEXES_AT):
        yield
        return
    tables = ", ".join(f"'{t}'" for t in DEFERRED_TABLES)
    with conn.begin():
        saved = conn.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
            f"AND tbl_name IN ({tables}) ORDER BY name"
        ).all()
        for name, _ in saved:
            conn.exec_driver_sql(f'DROP INDEX "{name}"')
    try:
        yield
    finally:
        with conn.begin():
            for _, sql in saved:
                conn.exec_driver_sql(sql)


@dataclass
class _Batch:
    """The rows of one transaction: sources, then claims, then what hangs off claims."""

    sources: list[dict[str, Any]] = field(default_factory=list)
    claims: list[tuple[Any, ...]] = field(default_factory=list)
    actor_links: list[tuple[Any, ...]] = field(default_factory=list)
    place_links: list[tuple[Any, ...]] = field(default_factory=list)
    figures: list[tuple[Any, ...]] = field(default_factory=list)
    index: list[tuple[int, str, str, str]] = field(default_factory=list)


def _source(batch: _Batch, sid: int, first_claim: int, drawn: list[Template], anchor: Template,
            published: date) -> None:  # fmt: skip
    """Add one synthetic source holding the `drawn` claims, numbered from `first_claim`."""
    text, offset = [], 0
    for cid, t in enumerate(drawn, first_claim):
        start = end = span = None
        if t.when is not None:
            day = published + timedelta(days=t.when[0])
            start, end = day.isoformat(), (day + timedelta(days=t.when[1])).isoformat()
            span = span_class(t.when[1])
        copied = (start, end, span, t.event_type)
        batch.claims.append(
            (
                cid, sid, t.text, offset, offset + len(t.text), t.claimant_id, t.claimant_text,
                t.hedged, t.in_comments, t.event_type, start, end, t.when[2] if t.when else None,
                _shifted(t.quantities, offset) if t.quantities else "[]", "unreviewed",
            )
        )  # fmt: skip
        batch.figures += [(cid, *f) for f in t.figures]
        batch.actor_links += [
            (cid, actor_id, role, None if s is None else s + offset,
             None if e is None else e + offset, *copied)
            for actor_id, role, s, e in t.actors
        ]  # fmt: skip
        batch.place_links += [
            (cid, place_id, s + offset, e + offset, *copied) for place_id, s, e in t.places
        ]
        batch.index.append((cid, *t.terms))
        text.append(t.text)
        offset += len(t.text) + 1  # one space between claims
    batch.sources.append(
        {
            "id": sid,
            "origin": "synthetic",
            "external_id": f"synthetic-{sid}",
            "version": 1,
            "title": f"Synthetic report {sid}",
            "outlet": anchor.outlet,
            "published_on": published,
            "published_precision": "day",
            "published_origin": "metadata",
            "text": " ".join(text),
            "encoding": "utf-8",
            "content_sha256": f"synthetic-{sid:054d}",
            "extra": {},
            "imported_at": utcnow(),
            "extractor_version": "synthetic",
        }
    )


def _write(conn: sa.Connection, batch: _Batch) -> None:
    conn.execute(Source.__table__.insert(), batch.sources)
    _insert(conn, "claim", CLAIM_COLUMNS, batch.claims)
    _insert(conn, "claim_actor", ACTOR_COLUMNS, batch.actor_links)
    _insert(conn, "claim_place", PLACE_COLUMNS, batch.place_links)
    _insert(conn, "claim_figure", FIGURE_COLUMNS, batch.figures)
    search.insert_index(conn, batch.index)


def generate(
    engine: Engine,
    claims: int,
    *,
    per_source: int = 20,
    seed: int = 7,
    progress: Callable[[int], None] | None = None,
) -> None:
    """Add `claims` synthetic claims (and their sources and links) to the database, in
    transactions of SOURCES_PER_BATCH sources; `progress` is called with the number of
    claims each batch wrote."""
    rng = random.Random(seed)
    with engine.begin() as conn:
        found = templates(conn)
        next_source = (conn.execute(sa.text("SELECT max(id) FROM source")).scalar() or 0) + 1
        next_claim = (conn.execute(sa.text("SELECT max(id) FROM claim")).scalar() or 0) + 1
    pools = _pools(found)
    made = 0
    bulk = engine.connect()  # one connection throughout, so its cache keeps the indexes
    sqlite = bulk.dialect.name == "sqlite"
    try:
        if sqlite:
            # synchronous=OFF: nothing is lost but the claims being written if the machine
            # fails meanwhile; the cache holds the index pages a million rows keep revisiting
            _pragmas(bulk, "synchronous=OFF", f"cache_size=-{CACHE_KIB}")
        with _indexes_deferred(bulk, next_claim - 1, claims):
            while made < claims:
                batch = _Batch()
                for _ in range(min(SOURCES_PER_BATCH, -(-(claims - made) // per_source))):
                    anchor = rng.choice(found)
                    jitter = rng.randint(-JITTER_DAYS, JITTER_DAYS)
                    drawn = rng.choices(pools[anchor.outlet], k=min(per_source, claims - made))
                    published = anchor.published + timedelta(days=jitter)
                    _source(batch, next_source, next_claim, drawn, anchor, published)
                    next_source, next_claim, made = (
                        next_source + 1, next_claim + len(drawn), made + len(drawn)
                    )  # fmt: skip
                with bulk.begin():
                    _write(bulk, batch)
                if progress is not None:
                    progress(len(batch.claims))
    finally:
        if sqlite:  # the pool hands this connection out again
            _pragmas(bulk, "synchronous=NORMAL", "cache_size=-2000")
        bulk.close()
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":  # explicit ids do not advance the sequences
            for table in ("source", "claim", "claim_actor", "claim_place", "claim_figure"):
                conn.exec_driver_sql(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"(SELECT max(id) FROM {table}))"
                )
        conn.exec_driver_sql("ANALYZE")
