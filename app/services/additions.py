"""What editors added to the actors and places, as the overlay the next extraction is
given (app.extraction.registry.Additions). Extraction never reads the database: the
writer that runs it (an import batch, re-extraction, an upload) reads this first and
passes it in with each document.

An actor or place is in the overlay when a person touched what extraction matches on:
an alias an editor added (or a merge moved), corrected names, kinds, parents or
aliases, or a place an editor added. Each goes in whole, as the database now has it, so
a shipped entry is replaced by its corrected self. Never writes.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlmodel import Session

from app.extraction.registry import Additions
from app.extraction.types import ActorEntry, AliasEntry, PlaceEntry
from app.models import Actor, ActorAlias, Place, PlaceAlias, Revision


def _touched(model: object, alias_model: object, owner: str) -> sa.Select:
    """Ids of the rows of `model` a person changed in a way extraction can see."""
    edited = sa.select(getattr(alias_model, owner)).where(alias_model.added_by.is_not(None))
    cond = sa.or_(model.corrected_fields.is_not(None), model.id.in_(edited))
    if hasattr(model, "added_by"):
        cond = sa.or_(cond, model.added_by.is_not(None))
    if hasattr(model, "merged_into_id"):
        cond = sa.and_(cond, model.merged_into_id.is_(None))
    return sa.select(model.id).where(cond)


def _actor_entries(session: Session) -> tuple[ActorEntry, ...]:
    rows = (
        session.execute(
            sa.select(Actor)
            .where(Actor.id.in_(_touched(Actor, ActorAlias, "actor_id")))
            .order_by(Actor.id)
        )
        .scalars()
        .all()
    )
    if not rows:
        return ()
    aliases: dict[int, list[AliasEntry]] = {r.id: [] for r in rows}
    for a in session.execute(
        sa.select(ActorAlias).where(ActorAlias.actor_id.in_(list(aliases))).order_by(ActorAlias.id)
    ).scalars():
        aliases[a.actor_id].append(AliasEntry(a.alias, a.valid_from, a.valid_to))
    parents = _slugs(session, Actor, {r.parent_id for r in rows if r.parent_id})
    return tuple(
        ActorEntry(
            key=r.slug,
            name=r.name,
            kind=r.kind,
            parent=parents.get(r.parent_id) if r.parent_id else None,
            aliases=tuple(
                x for x in aliases[r.id] if x.alias != r.name or x.valid_from or x.valid_to
            ),
        )
        for r in rows
    )


def _place_entries(session: Session) -> tuple[PlaceEntry, ...]:
    rows = (
        session.execute(
            sa.select(Place)
            .where(Place.id.in_(_touched(Place, PlaceAlias, "place_id")))
            .order_by(Place.id)
        )
        .scalars()
        .all()
    )
    if not rows:
        return ()
    aliases: dict[int, list[str]] = {r.id: [] for r in rows}
    for a in session.execute(
        sa.select(PlaceAlias).where(PlaceAlias.place_id.in_(list(aliases))).order_by(PlaceAlias.id)
    ).scalars():
        aliases[a.place_id].append(a.alias)
    parents = _slugs(session, Place, {r.parent_id for r in rows if r.parent_id})
    return tuple(
        PlaceEntry(
            key=r.slug,
            name=r.name,
            kind=r.kind,
            parent=parents.get(r.parent_id) if r.parent_id else None,
            governorate=r.governorate,
            country_code=r.country_code,
            lat=r.lat,
            lon=r.lon,
            geo_precision=r.geo_precision,
            geonames_id=r.geonames_id,
            aliases=tuple(a for a in aliases[r.id] if a != r.name),
        )
        for r in rows
    )


def _slugs(session: Session, model: object, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    return dict(session.execute(sa.select(model.id, model.slug).where(model.id.in_(ids))).all())


def read_additions(session: Session) -> Additions:
    """The overlay as the database holds it now."""
    return Additions(actors=_actor_entries(session), places=_place_entries(session))


_cached: dict[str, tuple[tuple[object, ...], Additions]] = {}


def current_additions(session: Session) -> Additions:
    """read_additions, read again only when a person changed an actor or place since
    (every such change appends a revision): for the upload route, one small query per
    upload."""
    url = session.get_bind().engine.url.render_as_string(hide_password=True)
    latest = tuple(
        session.execute(
            sa.select(sa.func.max(Revision.id), sa.func.max(Revision.at)).where(
                Revision.entity_type.in_(("actor", "place"))
            )
        ).one()
    )
    hit = _cached.get(url)
    if hit is not None and hit[0] == latest:
        return hit[1]
    additions = read_additions(session)
    _cached[url] = (latest, additions)
    return additions
