"""Reading claims, with their claimant, actors and places loaded in bulk per page.

Lists read Core rows, never ORM entities: building and tracking entities for a page and
its links cost more than its SQL (issue #15); each claim is validated once, into its
public shape."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, select

from app.errors import NotFound
from app.models import Actor, ActorRef, Claim, ClaimDetail, ClaimPublic, Evidence, Place, Source
from app.models.claim import (
    ActorDerived,
    ClaimantDerived,
    ClaimDerivation,
    SourceRef,
)
from app.models.event import Event, EventClaim
from app.models.links import ClaimActor, ClaimPlace
from app.models.page import Page
from app.params import ClaimListParams
from app.services import claim_query, figures, resolve
from app.services.curation import corrected_fields
from app.services.paging import paginate

CONTEXT_CHARS = 200


# the columns of `claim` a ClaimPublic is made of (not its derivation: ClaimDetail's)
PUBLIC_COLUMNS = [
    c
    for c in Claim.__table__.columns
    if c.name in ClaimPublic.model_fields or c.name in ("claimant_id", "corrections")
]


def _dicts(result: sa.Result[Any]) -> list[dict[str, Any]]:
    """The rows as dicts: zipped with the keys once, not Row._asdict per row (a third of
    publics' time on a page of 50, issue #15)."""
    keys = list(result.keys())
    return [dict(zip(keys, row, strict=True)) for row in result]


def _by_claim(
    session: Session, ids: list[int], link: Any, key: Any, entity: Any, *columns: Any
) -> dict[int, list[dict[str, Any]]]:
    """Each claim's links of one kind (`link` joined to `entity` on `key`), in text order."""
    found: dict[int, list[dict[str, Any]]] = defaultdict(list)
    stmt = (
        sa.select(link.claim_id, entity.id, *columns, link.char_start, link.char_end)
        .join(entity, entity.id == key)
        .where(link.claim_id.in_(ids))
        .order_by(link.char_start, link.id)
    )
    for row in _dicts(session.execute(stmt)):
        found[row["claim_id"]].append(row)
    return found


def publics(session: Session, claims: Sequence[Any]) -> list[ClaimPublic]:
    """Public shapes for `claims` (Claim entities or rows of PUBLIC_COLUMNS), in the same
    order, with five queries whatever their number."""
    ids = [c.id for c in claims]
    actors = _by_claim(
        session,
        ids,
        ClaimActor,
        ClaimActor.actor_id,
        Actor,
        Actor.name,
        Actor.kind,
        ClaimActor.role,
    )
    places = _by_claim(
        session,
        ids,
        ClaimPlace,
        ClaimPlace.place_id,
        Place,
        Place.name,
        Place.kind,
        Place.governorate,
        Place.lat,
        Place.lon,
        Place.geo_precision,
    )
    events = {
        row.claim_id: (row.event_id, row.grade)
        for row in session.execute(
            sa.select(EventClaim.claim_id, EventClaim.event_id, Event.grade)
            .join(Event, Event.id == EventClaim.event_id)
            .where(EventClaim.claim_id.in_(ids))
        ).all()
    }
    sources = {
        row.id: row
        for row in session.execute(
            sa.select(Source.id, Source.outlet, Source.published_on).where(
                Source.id.in_({c.source_id for c in claims})
            )
        ).all()
    }
    claimant_ids = {c.claimant_id for c in claims if c.claimant_id}
    claimants = {
        row["id"]: row
        for row in _dicts(
            session.execute(
                sa.select(Actor.id, Actor.name, Actor.kind).where(Actor.id.in_(claimant_ids))
            )
        )
    }
    out = []
    fields_of = list(claims[0]._fields) if claims and isinstance(claims[0], sa.Row) else None
    for c in claims:
        fields = dict(zip(fields_of, c, strict=True)) if fields_of else c.model_dump()
        claim = ClaimPublic.model_validate(
            {
                **fields,
                "outlet": sources[c.source_id].outlet,
                "published_on": sources[c.source_id].published_on,
                "claimant": claimants.get(c.claimant_id),
                "actors": actors[c.id],
                "places": places[c.id],
                "event_id": events.get(c.id, (None, None))[0],
                "event_grade": events.get(c.id, (None, None))[1],
                "corrected_fields": corrected_fields(c.corrections),
            }
        )
        claim.figures = figures.claim_figures(claim.quantities)
        out.append(claim)
    return out


def list_claims(session: Session, filters: ClaimListParams, **fixed: int) -> Page[ClaimPublic]:
    """One page of the claims matching `filters`; `fixed` pins a nested route's parent
    (source_id=..., actor_id=..., place_id=...)."""
    names = resolve.claim_names(session, filters)
    stmt = claim_query.filtered(session, filters, names=names, **fixed)
    page = paginate(
        session,
        stmt.with_only_columns(*PUBLIC_COLUMNS, maintain_column_froms=True),
        claim_query.ordering(filters.sort),
        limit=filters.limit,
        cursor=filters.cursor,
        count=filters.count,
    )
    return Page(data=publics(session, page.rows), **page.envelope(), resolved=names.public)


def _derived(stored: dict[str, Any], text: str) -> dict[str, Any]:
    """A stored derivation entry with the text of its evidence added."""
    span = stored.get("evidence")
    return {**stored, "text": text[span[0] : span[1]] if span else None}


def derivations(
    session: Session, claims: list[Claim], texts: dict[int, str]
) -> dict[int, ClaimDerivation | None]:
    """Each claim's derivation with the text of its evidence, by claim id; `texts` holds
    the claims' source texts by source id. One query for the actors, whatever the number."""
    ids = {a["actor_id"] for c in claims for a in (c.derivation or {}).get("actors", ())}
    ids |= {c.claimant_id for c in claims if c.claimant_id}
    refs = {
        a.id: ActorRef(id=a.id, name=a.name, kind=a.kind)
        for a in session.exec(select(Actor).where(Actor.id.in_(ids)))
    }
    return {c.id: _derivation(c, texts[c.source_id], refs) for c in claims}


def _derivation(claim: Claim, text: str, refs: dict[int, ActorRef]) -> ClaimDerivation | None:
    stored = claim.derivation
    if not stored:
        return None
    return ClaimDerivation(
        claimant=ClaimantDerived(
            **_derived(stored["claimant"], text), actor=refs.get(claim.claimant_id)
        ),
        hedged=_derived(stored["hedged"], text) if stored.get("hedged") else None,
        event_type=_derived(stored["event_type"], text) if stored.get("event_type") else None,
        event_date=_derived(stored["event_date"], text) if stored.get("event_date") else None,
        actors=[
            ActorDerived(**_derived(a, text), actor=refs[a["actor_id"]])
            for a in stored.get("actors", ())
            if a["actor_id"] in refs
        ],
    )


def get_claim(session: Session, claim_id: int) -> ClaimDetail:
    claim = session.get(Claim, claim_id)
    if claim is None:
        raise NotFound("claim", claim_id)
    source = session.get(Source, claim.source_id)
    assert source is not None  # claim.source_id is a foreign key
    text = source.text
    evidence = Evidence(
        before=text[max(0, claim.char_start - CONTEXT_CHARS) : claim.char_start],
        span=text[claim.char_start : claim.char_end],
        after=text[claim.char_end : claim.char_end + CONTEXT_CHARS],
    )
    public = publics(session, [claim])[0]
    return ClaimDetail(
        derivation=derivations(session, [claim], {source.id: text})[claim.id],
        **public.model_dump(),
        source=SourceRef(
            id=source.id,
            title=source.title,
            outlet=source.outlet,
            url=source.url,
            published_on=source.published_on,
        ),
        evidence=evidence,
    )
