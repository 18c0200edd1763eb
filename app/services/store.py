"""Write the rows of one extraction: mentions, claims and their links. Never commits.

Entities arrive from extraction as registry/gazetteer keys (slugs); they are mapped to
row ids here. Curated rows exist already (app.services.reference); names found in the
text that the registry lacks become uncurated actors, created on first sight.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any, Protocol

import sqlalchemy as sa
from sqlmodel import Session

from app.extraction import EXTRACTOR_VERSION, Extraction
from app.extraction.normalize import normalize_key
from app.extraction.types import (
    ActorMention,
    ClaimDraft,
    DraftActor,
    PlaceMention,
    QuantityMention,
    Why,
)
from app.models import (
    Actor,
    Claim,
    ClaimActor,
    ClaimFigure,
    ClaimPlace,
    Mention,
    Place,
    PlaceAlias,
    Source,
)
from app.models.links import SPAN_CLASSES, span_class
from app.services import search
from app.services.figures import figure_rows
from app.services.upsert import insert_ignore


def place_ids(session: Session) -> dict[str, int]:
    """The gazetteer's slug -> place id map."""
    return {slug: id_ for slug, id_ in session.execute(sa.select(Place.slug, Place.id))}


def _with_unlisted(
    session: Session, mentions: Iterable[PlaceMention], places: dict[str, int]
) -> dict[str, int]:
    """`places` and the ids of the unlisted places among `mentions` (places the gazetteer
    lacks, app/extraction/unlisted.py), creating the new ones: no coordinates, filed under
    the place the text put them in, their name as written as their alias."""
    new = {
        m.key: m.unlisted
        for m in mentions
        if m.unlisted is not None and m.key not in places and m.unlisted.parent in places
    }
    if not new:
        return places
    rows = [
        {
            "slug": key,
            "name": u.name[:256],
            "kind": u.kind,
            "governorate": u.governorate,
            "parent_id": places[u.parent],
            "geo_precision": "approximate",
        }
        for key, u in new.items()
    ]
    insert_ignore(session, Place, rows, ["slug"])
    found = session.execute(sa.select(Place.slug, Place.id).where(Place.slug.in_(list(new))))
    ids: dict[str, int] = {slug: id_ for slug, id_ in found}
    aliases = [
        {"place_id": ids[key], "alias": u.name[:256], "key": normalize_key(u.name)}
        for key, u in new.items()
    ]
    insert_ignore(session, PlaceAlias, aliases, ["place_id", "alias"])
    return {**places, **ids}


def _actor_ids(session: Session, mentions: Iterable[ActorMention]) -> dict[str, int]:
    """Ids of the actors behind `mentions`, creating the uncurated ones that are new."""
    by_key = {m.key: m for m in mentions}
    if not by_key:
        return {}
    new = [
        {"slug": m.key, "name": m.name[:256], "kind": m.kind, "curated": False}
        for m in by_key.values()
        if not m.curated
    ]
    insert_ignore(session, Actor, new, ["slug"])
    # an actor merged into another is that one now (a merge points straight at the end)
    rows = session.execute(
        sa.select(Actor.slug, sa.func.coalesce(Actor.merged_into_id, Actor.id)).where(
            Actor.slug.in_(list(by_key))
        )
    )
    return {slug: id_ for slug, id_ in rows}


def _why(why: Why | None) -> dict[str, Any] | None:
    if why is None:
        return None
    out: dict[str, Any] = {"rule": why.rule}
    if why.end > why.start:
        out["evidence"] = [why.start, why.end]
    if why.cue:
        out["cue"] = why.cue
    if why.note:
        out["note"] = why.note
    return out


def _quantity(q: QuantityMention) -> dict[str, Any]:
    return {
        "what": q.what,
        "value": q.value,
        "approx": q.approx,
        "qualifier": q.qualifier,
        "surface": q.surface,
        "value_min": q.value_min,
        "value_max": q.value_max,
        "subset": q.subset,
        "char_start": q.start,
        "char_end": q.end,
        "cue": q.why.cue if q.why else None,
    }


def _derivation(claim: ClaimDraft, actors: dict[str, int], anchor: str | None) -> dict[str, Any]:
    date_why = _why(claim.date_why)
    if date_why is not None and anchor:
        date_why["anchor"] = anchor
    return {
        "claimant": _why(claim.claimant_why),
        "hedged": _why(claim.hedge_why),
        "event_type": _why(claim.type_why),
        "event_date": date_why,
        "actors": [
            {
                **(_why(ca.why) or {"rule": "mentioned"}),
                "actor_id": actors[ca.actor.key],
                "role": ca.role,
            }
            for ca in claim.actors
        ],
    }


def _date_value(start: date, end: date, precision: str) -> dict[str, str]:
    return {"start": start.isoformat(), "end": end.isoformat(), "precision": precision}


def _with_claimant(claim: ClaimDraft) -> tuple[DraftActor, ...]:
    """The claim's actors, with its claimant among them in the claimant role, so that every
    actor filter is one lookup in claim_actor."""
    if claim.claimant is None or any(
        ca.role == "claimant" and ca.actor.key == claim.claimant.key for ca in claim.actors
    ):
        return claim.actors
    return (*claim.actors, DraftActor(claim.claimant, "claimant"))


class _Span(Protocol):
    surface: str
    start: int
    end: int


def _mention(
    source_id: int,
    kind: str,
    span: _Span,
    *,
    actor_id: int | None = None,
    place_id: int | None = None,
    value: dict[str, Any] | None = None,
) -> dict[str, Any]:
    return {
        "source_id": source_id,
        "kind": kind,
        "actor_id": actor_id,
        "place_id": place_id,
        "surface": span.surface[:512],
        "char_start": span.start,
        "char_end": span.end,
        "value": value,
    }


def _mention_rows(
    source_id: int, extraction: Extraction, actors: dict[str, int], places: dict[str, int]
) -> list[dict[str, Any]]:
    """Every actor, place, date and quantity found in the text, in that order."""
    rows = [_mention(source_id, "actor", m, actor_id=actors[m.key]) for m in extraction.actors]
    rows += [
        _mention(source_id, "place", m, place_id=places[m.key])
        for m in extraction.places
        if m.key in places
    ]
    rows += [
        _mention(source_id, "date", m, value=_date_value(m.date_start, m.date_end, m.precision))
        for m in extraction.dates
    ]
    rows += [
        _mention(
            source_id,
            "quantity",
            q,
            value={"what": q.what, "value": q.value, "approx": q.approx, "qualifier": q.qualifier},
        )
        for q in extraction.quantities
    ]
    return rows


def _claim_row(
    source: Source, c: ClaimDraft, actors: dict[str, int], anchor: str | None
) -> dict[str, Any]:
    return {
        "source_id": source.id,
        "text": source.text[c.start : c.end],
        "char_start": c.start,
        "char_end": c.end,
        "claimant_id": actors.get(c.claimant.key) if c.claimant else None,
        "claimant_text": (c.claimant_text or "")[:512] or None,
        "hedged": c.hedged,
        "in_comments": c.in_comments,
        "event_type": c.event_type,
        "event_date_start": c.date.date_start if c.date else None,
        "event_date_end": c.date.date_end if c.date else None,
        "event_date_precision": c.date.precision if c.date else None,
        "quantities": [_quantity(q) for q in c.quantities],
        "derivation": _derivation(c, actors, anchor),
    }


def _link_dates(c: ClaimDraft) -> dict[str, Any]:
    """The claim's dates and event type, copied onto its links (see copy_claim_dates)."""
    if c.date is None:
        dates = {"event_date_start": None, "event_date_end": None, "event_span": None}
    else:
        dates = {
            "event_date_start": c.date.date_start,
            "event_date_end": c.date.date_end,
            "event_span": span_class((c.date.date_end - c.date.date_start).days),
        }
    return {**dates, "event_type": c.event_type}


def _span_class_sql(conn: sa.Connection, start: Any, end: Any) -> Any:
    """span_class() in SQL, for the dates of a claim row."""
    if conn.dialect.name == "sqlite":
        days = sa.func.julianday(end) - sa.func.julianday(start)
    else:
        days = end - start
    last = len(SPAN_CLASSES) - 1
    return sa.case(
        (start.is_(None), None),
        *((days <= most, i) for i, most in enumerate(SPAN_CLASSES[:last])),
        else_=last,
    )


def _actor_links(claim_id: int, c: ClaimDraft, actors: dict[str, int]) -> list[dict[str, Any]]:
    return [
        {
            "claim_id": claim_id,
            "actor_id": actors[ca.actor.key],
            "role": ca.role,
            "char_start": ca.actor.start if ca.actor.end > ca.actor.start else None,
            "char_end": ca.actor.end if ca.actor.end > ca.actor.start else None,
            **_link_dates(c),
        }
        for ca in _with_claimant(c)
    ]


def _place_links(claim_id: int, c: ClaimDraft, places: dict[str, int]) -> list[dict[str, Any]]:
    return [
        {
            "claim_id": claim_id,
            "place_id": places[p.key],
            "char_start": p.start,
            "char_end": p.end,
            **_link_dates(c),
        }
        for p in c.places
        if p.key in places
    ]


def copy_claim_dates(conn: sa.Connection, first: int, last: int) -> None:
    """Copy the event dates and type of claims `first`..`last` onto their actor and place
    links, where the actor/place + date range or type filters find them in one index
    (issue #15). Every writer of claims or links calls it once they are written
    (write_extraction writes them with the links)."""
    claim = Claim.__table__
    span = _span_class_sql(conn, claim.c.event_date_start, claim.c.event_date_end)
    for link in (ClaimActor, ClaimPlace):
        table = link.__table__
        of_claim = claim.c.id == table.c.claim_id
        conn.execute(
            table.update()
            .where(table.c.claim_id.between(first, last))
            .values(
                {
                    name: sa.select(value).where(of_claim).scalar_subquery()
                    for name, value in (
                        ("event_date_start", claim.c.event_date_start),
                        ("event_date_end", claim.c.event_date_end),
                        ("event_span", span),
                        ("event_type", claim.c.event_type),
                    )
                }
            )
        )


def _insert(conn: sa.Connection, table: sa.Table, rows: list[dict[str, Any]]) -> None:
    if rows:
        conn.execute(table.insert(), rows)


def clear_extraction(session: Session, source_id: int) -> None:
    """Delete what write_extraction wrote for `source_id`."""
    claim_ids = sa.select(Claim.id).where(Claim.source_id == source_id).scalar_subquery()
    session.execute(sa.delete(ClaimActor).where(ClaimActor.claim_id.in_(claim_ids)))
    session.execute(sa.delete(ClaimPlace).where(ClaimPlace.claim_id.in_(claim_ids)))
    session.execute(sa.delete(ClaimFigure).where(ClaimFigure.claim_id.in_(claim_ids)))
    search.clear_index(session, claim_ids)
    session.execute(sa.delete(Claim).where(Claim.source_id == source_id))
    session.execute(sa.delete(Mention).where(Mention.source_id == source_id))


def clear_claim_rows(session: Session, claim_id: int) -> None:
    """Drop the rows written from one claim's quantities and text (its figures, its entry
    in the full-text index): before its id or those fields change."""
    one = sa.select(Claim.id).where(Claim.id == claim_id).scalar_subquery()
    session.execute(sa.delete(ClaimFigure).where(ClaimFigure.claim_id == claim_id))
    search.clear_index(session, one)


def write_claim_rows(session: Session, claim: Claim) -> None:
    """Write `claim`'s figures, index entry and link dates from its current quantities,
    text and dates (once cleared): a person's correction is searched and filtered like an
    extraction."""
    session.flush()  # the claim's dates and links, as copy_claim_dates reads them
    conn = session.connection()
    assert claim.id is not None
    search.write_index(conn, [(claim.id, claim.text)])
    _insert(conn, ClaimFigure.__table__, figure_rows(claim.id, claim.quantities))
    copy_claim_dates(conn, claim.id, claim.id)


def write_extraction(
    session: Session, source: Source, extraction: Extraction, places: dict[str, int]
) -> int:
    """Store the claims and mentions of `source` (which has none yet); returns the claim count."""
    actor_mentions = [*extraction.actors]
    actor_mentions += [c.claimant for c in extraction.claims if c.claimant]
    actor_mentions += [ca.actor for c in extraction.claims for ca in c.actors]
    actors = _actor_ids(session, actor_mentions)
    places = _with_unlisted(session, extraction.places, places)
    source.body_end = extraction.body_end
    source.extractor_version = EXTRACTOR_VERSION
    source.primary_place_id = places.get(extraction.primary_place or "")
    conn = session.connection()  # Core inserts: these rows need no ORM identity tracking
    _insert(conn, Mention.__table__, _mention_rows(source.id, extraction, actors, places))
    if not extraction.claims:
        return 0
    claim_ids = (
        conn.execute(
            Claim.__table__.insert().returning(Claim.__table__.c.id, sort_by_parameter_order=True),
            [_claim_row(source, c, actors, extraction.anchor) for c in extraction.claims],
        )
        .scalars()
        .all()
    )
    claims = list(zip(claim_ids, extraction.claims, strict=True))
    _insert(
        conn,
        ClaimFigure.__table__,
        [r for i, c in claims for r in figure_rows(i, [_quantity(q) for q in c.quantities])],
    )
    _insert(conn, ClaimActor.__table__, [r for i, c in claims for r in _actor_links(i, c, actors)])
    _insert(conn, ClaimPlace.__table__, [r for i, c in claims for r in _place_links(i, c, places)])
    # after the places: the index files each claim under their governorates
    search.write_index(conn, [(i, source.text[c.start : c.end]) for i, c in claims])
    return len(claim_ids)
