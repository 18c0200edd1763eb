"""Reading actors."""

from __future__ import annotations

import sqlalchemy as sa
from sqlmodel import Session, select

from app.errors import NotFound
from app.extraction.normalize import slugify
from app.list_params import ActorFilters
from app.models import Actor, ActorAlias, ActorDetail, ActorPublic, ActorRef, AliasPublic
from app.models.links import ClaimActor
from app.models.page import Page
from app.services.entities import prefix_match, related, with_alias_prefix
from app.services.paging import Ordering, SortKey, paginate

BY_ID = Ordering("id", (SortKey(Actor.id),))


def _filtered(filters: ActorFilters) -> sa.Select:
    stmt = select(Actor).where(Actor.merged_into_id.is_(None))  # tombstones answer by id only
    if filters.q:
        stmt = stmt.where(
            sa.or_(  # uncurated actors have no aliases: their slug is their name
                Actor.id.in_(with_alias_prefix(ActorAlias, "actor_id", filters.q)),
                prefix_match(Actor.slug, slugify(filters.q)),
            )
        )
    if filters.kind:
        stmt = stmt.where(Actor.kind.in_(filters.kind))
    if filters.curated is not None:
        stmt = stmt.where(Actor.curated == filters.curated)
    return stmt


def _ref(actor: Actor) -> ActorRef:
    return ActorRef(id=actor.id, name=actor.name, kind=actor.kind)


def _publics(session: Session, actors: list[Actor]) -> list[ActorPublic]:
    rel = related(session, actors, alias_model=ActorAlias, link_model=ClaimActor, owner="actor_id")
    merged = {a.merged_into_id for a in actors if a.merged_into_id}
    targets = {
        t.id: t for t in (session.exec(select(Actor).where(Actor.id.in_(merged))) if merged else [])
    }
    return [
        ActorPublic.model_validate(
            a,
            update={
                "aliases": [
                    AliasPublic(
                        alias=x.alias,
                        valid_from=x.valid_from,
                        valid_to=x.valid_to,
                        added_by=x.added_by,
                    )
                    for x in rel.aliases.get(a.id, [])
                ],
                "claim_count": rel.claim_counts.get(a.id, 0),
                "parent": _ref(rel.parents[a.parent_id]) if a.parent_id else None,
                "corrected_fields": a.corrected_fields or [],
                "merged_into": _ref(targets[a.merged_into_id]) if a.merged_into_id else None,
            },
        )
        for a in actors
    ]


def list_actors(session: Session, filters: ActorFilters) -> Page[ActorPublic]:
    page = paginate(
        session,
        _filtered(filters),
        BY_ID,
        limit=filters.limit,
        cursor=filters.cursor,
        count=filters.count,
    )
    return Page(data=_publics(session, page.rows), **page.envelope())


def get_actor(session: Session, actor_id: int) -> ActorDetail:
    actor = session.get(Actor, actor_id)
    if actor is None:
        raise NotFound("actor", actor_id)
    children = session.exec(select(Actor).where(Actor.parent_id == actor_id).order_by(Actor.id))
    public = _publics(session, [actor])[0]
    return ActorDetail(**public.model_dump(), children=[_ref(c) for c in children])
