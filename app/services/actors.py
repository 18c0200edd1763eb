"""Reading actors."""

from __future__ import annotations

from collections import defaultdict

import sqlalchemy as sa
from sqlmodel import Session, select

from app.errors import NotFound
from app.extraction.normalize import normalize_key, slugify
from app.models import Actor, ActorAlias, ActorDetail, ActorPublic, ActorRef, AliasPublic
from app.models.filters import ActorFilters
from app.models.links import ClaimActor
from app.models.page import Page
from app.services.paging import Ordering, SortKey, like_prefix, paginate

BY_ID = Ordering("id", (SortKey(Actor.id),))


def _filtered(filters: ActorFilters) -> sa.Select:
    stmt = select(Actor)
    if filters.q:
        pattern = like_prefix(normalize_key(filters.q))
        stmt = stmt.where(
            sa.or_(
                Actor.id.in_(
                    sa.select(ActorAlias.actor_id).where(ActorAlias.key.like(pattern, escape="\\"))
                ),
                Actor.slug.like(like_prefix(slugify(filters.q)), escape="\\"),
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
    ids = [a.id for a in actors]
    aliases: dict[int, list[AliasPublic]] = defaultdict(list)
    for alias in session.exec(
        select(ActorAlias).where(ActorAlias.actor_id.in_(ids)).order_by(ActorAlias.id)
    ):
        aliases[alias.actor_id].append(
            AliasPublic(alias=alias.alias, valid_from=alias.valid_from, valid_to=alias.valid_to)
        )
    counts = dict(
        session.execute(
            sa.select(ClaimActor.actor_id, sa.func.count(sa.distinct(ClaimActor.claim_id)))
            .where(ClaimActor.actor_id.in_(ids))
            .group_by(ClaimActor.actor_id)
        ).all()
    )
    parent_ids = {a.parent_id for a in actors if a.parent_id}
    parents = {p.id: _ref(p) for p in session.exec(select(Actor).where(Actor.id.in_(parent_ids)))}
    return [
        ActorPublic.model_validate(
            a,
            update={
                "aliases": aliases[a.id],
                "claim_count": counts.get(a.id, 0),
                "parent": parents.get(a.parent_id),
            },
        )
        for a in actors
    ]


def list_actors(session: Session, filters: ActorFilters) -> Page[ActorPublic]:
    page = paginate(session, _filtered(filters), BY_ID, limit=filters.limit, cursor=filters.cursor)
    return Page(data=_publics(session, page.rows), count=page.count, next=page.next)


def get_actor(session: Session, actor_id: int) -> ActorDetail:
    actor = session.get(Actor, actor_id)
    if actor is None:
        raise NotFound("actor", actor_id)
    children = session.exec(select(Actor).where(Actor.parent_id == actor_id).order_by(Actor.id))
    public = _publics(session, [actor])[0]
    return ActorDetail(**public.model_dump(), children=[_ref(c) for c in children])
