"""Reading claims: lists, one claim with its evidence and derivation.

Lists read Core rows, never ORM entities, and send them shaped, never validated
(claim_rows: building and validating models for a page cost more than its SQL, issue
#15); one claim is validated once, into its public shape."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlmodel import Session, select

from app.errors import NotFound
from app.models import Actor, ActorRef, Claim, ClaimDetail, ClaimPublic, Evidence, Source
from app.models.claim import (
    ActorDerived,
    ClaimantDerived,
    ClaimDerivation,
    SourceRef,
)
from app.models.page import Page
from app.params import ClaimListParams
from app.services import claim_query, claim_rows, resolve
from app.services.paging import paginate

CONTEXT_CHARS = 200


def publics(session: Session, claims: Sequence[Any]) -> list[ClaimPublic]:
    """Public shapes for `claims` (anything with an `id`), in the same order, with two
    queries whatever their number."""
    ids = [c.id for c in claims]
    session.flush()  # a correction's links, read on the session's connection
    rows = {r.id: r for r in session.connection().execute(claim_rows.by_ids(ids))}
    return [
        ClaimPublic.model_validate(shape)
        for shape in claim_rows.shapes(session, [rows[i] for i in ids])
    ]


# made once: pydantic builds a parametrised model anew each time nothing holds the last one
ClaimPage = Page[dict[str, Any]]


def list_claims(session: Session, filters: ClaimListParams, **fixed: int) -> Page[dict[str, Any]]:
    """One page of the claims matching `filters` (ClaimPublic's fields, not validated: the
    read path of claim_rows); `fixed` pins a nested route's parent (source_id=...,
    actor_id=..., place_id=...)."""
    names = resolve.claim_names(session, filters)
    stmt, walk = claim_query.walked(session, filters, names=names, **fixed)
    page = paginate(
        session,
        stmt.with_only_columns(Claim.__table__.c.id, maintain_column_froms=True),
        claim_query.ordering(filters.sort),
        limit=filters.limit,
        cursor=filters.cursor,
        count=filters.count,
        read=claim_rows.joined,
        walk=walk,
    )
    return ClaimPage.model_construct(
        data=claim_rows.shapes(session, page.rows),
        **page.envelope(),
        next_url=None,
        resolved=names.public,
    )


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
