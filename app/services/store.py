"""Write one document and its extraction results. Never commits: the caller owns the unit.

Entities arrive from extraction as registry/gazetteer keys (slugs); they are mapped to
row ids here. Curated rows exist already (app.services.reference); names found in the
text that the registry lacks become uncurated actors, created on first sight.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

import sqlalchemy as sa
from sqlmodel import Session

from app.extraction import EXTRACTOR_VERSION, Extraction
from app.extraction.types import ActorMention, ClaimDraft, Quantity, Why
from app.extraction.types import ClaimActor as DraftActor
from app.ingest.types import RawDocument, content_sha256
from app.models import Actor, Claim, ClaimActor, ClaimPlace, Mention, Place, Source
from app.services.upsert import insert_ignore

Outcome = Literal["added", "unchanged", "superseded"]


@dataclass(frozen=True, slots=True)
class Stored:
    outcome: Outcome
    source_id: int
    claims: int = 0
    # "unchanged" because another document (this external_id) already has the same text
    same_text_as: str | None = None


def place_ids(session: Session) -> dict[str, int]:
    return {slug: id_ for slug, id_ in session.execute(sa.select(Place.slug, Place.id))}


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
    rows = session.execute(sa.select(Actor.slug, Actor.id).where(Actor.slug.in_(list(by_key))))
    return {slug: id_ for slug, id_ in rows}


def published_fields(
    supplied: date | None, supplied_precision: str | None, extraction: Extraction
) -> dict[str, object]:
    """The source's publication date: supplied metadata always wins over the text."""
    if supplied is not None:
        return {
            "published_on": supplied,
            "published_origin": "metadata",
            "published_precision": supplied_precision or "day",
        }
    if extraction.published is not None:
        return {
            "published_on": extraction.published.value,
            "published_origin": "text",
            "published_precision": extraction.published.precision,
        }
    return {"published_on": None, "published_origin": "none", "published_precision": "unknown"}


def add_source(
    session: Session,
    raw: RawDocument,
    extraction: Extraction,
    places: dict[str, int],
    *,
    import_run_id: int | None = None,
) -> Stored:
    """Store `raw` unless its content is already here; a new version of a known external_id
    supersedes the latest one (which stays readable)."""
    sha = content_sha256(raw.text)
    existing = session.execute(
        sa.select(Source.id, Source.external_id).where(Source.content_sha256 == sha)
    ).first()
    if existing is not None:
        other = existing.external_id if existing.external_id != raw.external_id else None
        return Stored("unchanged", existing.id, same_text_as=other)
    latest = session.execute(
        sa.select(Source.id, Source.version)
        .where(Source.origin == raw.origin, Source.external_id == raw.external_id)
        .order_by(Source.version.desc())
        .limit(1)
    ).first()
    source = Source(
        origin=raw.origin,
        external_id=raw.external_id,
        title=raw.title,
        author=raw.author,
        outlet=raw.outlet,
        url=raw.url,
        text=raw.text,
        encoding=raw.encoding,
        content_sha256=sha,
        extra=dict(raw.extra),
        import_run_id=import_run_id,
        version=latest.version + 1 if latest else 1,
        supersedes_id=latest.id if latest else None,
        **published_fields(raw.published, raw.published_precision, extraction),
    )
    session.add(source)
    session.flush()
    claims = write_extraction(session, source, extraction, places)
    return Stored("superseded" if latest else "added", source.id, claims)


def replace_extraction(
    session: Session, source: Source, extraction: Extraction, places: dict[str, int]
) -> int:
    """Swap the stored extraction of `source` for `extraction` (after the extractor changed)."""
    _clear_extraction(session, source.id)
    if source.published_origin != "metadata":
        for field, value in published_fields(None, None, extraction).items():
            setattr(source, field, value)
    return write_extraction(session, source, extraction, places)


def _clear_extraction(session: Session, source_id: int) -> None:
    claim_ids = sa.select(Claim.id).where(Claim.source_id == source_id).scalar_subquery()
    session.execute(sa.delete(ClaimActor).where(ClaimActor.claim_id.in_(claim_ids)))
    session.execute(sa.delete(ClaimPlace).where(ClaimPlace.claim_id.in_(claim_ids)))
    session.execute(sa.delete(Claim).where(Claim.source_id == source_id))
    session.execute(sa.delete(Mention).where(Mention.source_id == source_id))


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


def _quantity(q: Quantity) -> dict[str, Any]:
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


def write_extraction(
    session: Session, source: Source, extraction: Extraction, places: dict[str, int]
) -> int:
    """Store the claims and mentions of `source` (which has none yet); returns the claim count."""
    actor_mentions = [*extraction.actors]
    actor_mentions += [c.claimant for c in extraction.claims if c.claimant]
    actor_mentions += [ca.actor for c in extraction.claims for ca in c.actors]
    actors = _actor_ids(session, actor_mentions)
    source.body_end = extraction.body_end
    source.extractor_version = EXTRACTOR_VERSION
    source.primary_place_id = places.get(extraction.primary_place or "")
    sid = source.id
    conn = session.connection()  # Core inserts: these rows need no ORM identity tracking
    mentions = (
        [
            {
                "source_id": sid,
                "kind": "actor",
                "actor_id": actors[m.key],
                "place_id": None,
                "surface": m.surface[:512],
                "char_start": m.start,
                "char_end": m.end,
                "value": None,
            }
            for m in extraction.actors
        ]
        + [
            {
                "source_id": sid,
                "kind": "place",
                "actor_id": None,
                "place_id": places[m.key],
                "surface": m.surface[:512],
                "char_start": m.start,
                "char_end": m.end,
                "value": None,
            }
            for m in extraction.places
            if m.key in places
        ]
        + [
            {
                "source_id": sid,
                "kind": "date",
                "actor_id": None,
                "place_id": None,
                "surface": m.surface[:512],
                "char_start": m.start,
                "char_end": m.end,
                "value": _date_value(m.date_start, m.date_end, m.precision),
            }
            for m in extraction.dates
        ]
        + [
            {
                "source_id": sid,
                "kind": "quantity",
                "actor_id": None,
                "place_id": None,
                "surface": q.surface[:512],
                "char_start": q.start,
                "char_end": q.end,
                "value": {
                    "what": q.what,
                    "value": q.value,
                    "approx": q.approx,
                    "qualifier": q.qualifier,
                },
            }
            for q in extraction.quantities
        ]
    )
    if mentions:
        conn.execute(Mention.__table__.insert(), mentions)
    if not extraction.claims:
        return 0
    claim_rows = [
        {
            "source_id": sid,
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
            "derivation": _derivation(c, actors, extraction.anchor),
        }
        for c in extraction.claims
    ]
    claim_ids = (
        conn.execute(
            Claim.__table__.insert().returning(Claim.__table__.c.id, sort_by_parameter_order=True),
            claim_rows,
        )
        .scalars()
        .all()
    )
    actor_links = [
        {
            "claim_id": cid,
            "actor_id": actors[ca.actor.key],
            "role": ca.role,
            "char_start": ca.actor.start if ca.actor.end > ca.actor.start else None,
            "char_end": ca.actor.end if ca.actor.end > ca.actor.start else None,
        }
        for cid, c in zip(claim_ids, extraction.claims, strict=True)
        for ca in _with_claimant(c)
    ]
    place_links = [
        {"claim_id": cid, "place_id": places[p.key], "char_start": p.start, "char_end": p.end}
        for cid, c in zip(claim_ids, extraction.claims, strict=True)
        for p in c.places
        if p.key in places
    ]
    if actor_links:
        conn.execute(ClaimActor.__table__.insert(), actor_links)
    if place_links:
        conn.execute(ClaimPlace.__table__.insert(), place_links)
    return len(claim_ids)
