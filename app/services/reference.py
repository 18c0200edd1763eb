"""Keep the actor and place tables in step with the shipped registry and gazetteer.

The registry (app/extraction/data) is the truth for curated entities, keyed by slug;
syncing inserts what is new, updates what changed and drops aliases that were removed.
Uncurated actors found in text are never touched here, unless the registry now knows
their slug, in which case they become curated.

What people changed wins over the shipped data, on every sync: a field listed in a
row's `corrected_fields` is left as corrected, an alias an editor added (`added_by`) is
never dropped, an entity whose aliases were corrected keeps exactly its own, a place an
editor added is not the gazetteer's to touch, and an actor merged into another stays a
tombstone (its shipped names live on as the target's aliases; a shipped parent that was
merged away is read as the actor it went into).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.orm import SessionTransaction
from sqlmodel import Session, select

from app.extraction.normalize import normalize_key
from app.extraction.registry import actor_entries, place_entries
from app.extraction.types import ActorEntry, AliasEntry
from app.models import Actor, ActorAlias, Place, PlaceAlias
from app.services import search
from app.services.upsert import insert_ignore

# the columns a corrected field stands for
_COLUMNS = {"parent": ("parent_id", "governorate")}


def _kept(row: Any) -> set[str]:
    """The columns of `row` that people own: the corrected ones, or all ("*") of a merged
    tombstone's or of a place an editor added."""
    if getattr(row, "merged_into_id", None) is not None or getattr(row, "added_by", None):
        return {"*"}
    return {c for f in row.corrected_fields or () for c in _COLUMNS.get(f, (f,))}


def _sync_rows(
    session: Session, model: Any, wanted: dict[str, dict[str, Any]], parents: dict[str, str | None]
) -> dict[str, int]:
    """Insert/update `model` rows keyed by slug; returns slug -> id for every wanted slug."""
    insert_ignore(
        session, model, [{"slug": slug, **fields} for slug, fields in wanted.items()], ["slug"]
    )
    current = {row.slug: row for row in session.execute(select(model.__table__)).all()}
    # a parent merged away is the actor it went into
    ids = {slug: getattr(row, "merged_into_id", None) or row.id for slug, row in current.items()}
    updates = []
    for slug, fields in wanted.items():
        row = current[slug]
        kept = _kept(row)
        if "*" in kept:
            continue
        parent = ids.get(parents[slug]) if parents[slug] else None
        if parent == row.id:  # its shipped parent was merged into it: it keeps its own
            kept = kept | {"parent_id"}
        desired = {**fields, "parent_id": parent}
        desired = {k: v for k, v in desired.items() if k not in kept}
        if any(getattr(row, k) != v for k, v in desired.items()):
            updates.append({"id": row.id, **desired})
    if updates:
        session.execute(sa.update(model), updates)
    return {slug: current[slug].id for slug in wanted}


def _own_aliases(session: Session, model: Any) -> set[int]:
    """Rows whose aliases are people's, not the shipped data's: corrected, merged or added."""
    owned = model.corrected_fields.is_not(None)
    for column in ("merged_into_id", "added_by"):
        if hasattr(model, column):
            owned = sa.or_(owned, getattr(model, column).is_not(None))
    rows = session.execute(sa.select(model.__table__).where(owned)).all()
    return {row.id for row in rows if _kept(row) & {"*", "aliases"}}


def _sync_aliases(
    session: Session,
    alias_model: Any,
    owner: str,
    wanted: list[dict[str, Any]],
    owner_ids: Iterable[int],
) -> None:
    """Make the shipped aliases of `owner_ids` exactly `wanted` (changed rows are
    replaced); aliases an editor added stay."""
    columns = [c for c in wanted[0] if c != "key"] if wanted else [owner, "alias"]
    signature = [getattr(alias_model, c) for c in columns]
    desired = {tuple(w[c] for c in columns) for w in wanted}
    rows = session.execute(
        sa.select(alias_model.id, *signature).where(
            getattr(alias_model, owner).in_(list(owner_ids)), alias_model.added_by.is_(None)
        )
    ).all()
    stale = [row[0] for row in rows if tuple(row[1:]) not in desired]
    if stale:
        session.execute(sa.delete(alias_model).where(alias_model.id.in_(stale)))
    insert_ignore(session, alias_model, wanted, [owner, "alias"])


def _file_under_governorates(session: Session) -> None:
    """Each place's `governorate` is the one its parent chain reaches: the shipped value
    for a shipped chain, the new one for the places inside a place an editor moved."""
    rows = {r.id: r for r in session.execute(sa.select(Place.id, Place.parent_id, Place.kind,
                                                      Place.name, Place.governorate))}  # fmt: skip
    updates = []
    for row in rows.values():
        cur, seen = row.id, set()
        while cur is not None and cur not in seen and rows[cur].kind != "governorate":
            seen.add(cur)
            cur = rows[cur].parent_id
        reached = rows[cur].name if cur in rows and rows[cur].kind == "governorate" else None
        if reached is not None and reached != row.governorate:
            updates.append({"id": row.id, "governorate": reached})
    if updates:
        session.execute(sa.update(Place), updates)


def _governorates(session: Session) -> dict[int, str | None]:
    return {i: g for i, g in session.execute(sa.select(Place.id, Place.governorate))}


def sync_reference(session: Session) -> dict[str, int]:
    """Bring curated actors and places up to the shipped data. The caller commits."""
    places = place_entries()
    filed = _governorates(session)
    place_ids = _sync_rows(
        session,
        Place,
        {
            p.key: {
                "name": p.name,
                "kind": p.kind,
                "governorate": p.governorate,
                "country_code": p.country_code,
                "lat": p.lat,
                "lon": p.lon,
                "geo_precision": p.geo_precision,
                "geonames_id": p.geonames_id,
            }
            for p in places
        },
        {p.key: p.parent for p in places},
    )
    _file_under_governorates(session)
    now = _governorates(session)
    # the claims at a place whose governorate changed are searched under the new one
    search.reindex_places(session, [i for i, g in filed.items() if now.get(i) != g])
    own = _own_aliases(session, Place)
    _sync_aliases(
        session,
        PlaceAlias,
        "place_id",
        [
            {"place_id": place_ids[p.key], "alias": alias, "key": normalize_key(alias)}
            for p in places
            if place_ids[p.key] not in own
            for alias in dict.fromkeys((p.name, *p.aliases))
        ],
        set(place_ids.values()) - own,
    )
    actors = actor_entries()
    actor_ids = _sync_rows(
        session,
        Actor,
        {a.key: {"name": a.name, "kind": a.kind, "curated": True} for a in actors},
        {a.key: a.parent for a in actors},
    )
    own = _own_aliases(session, Actor)
    _sync_aliases(
        session,
        ActorAlias,
        "actor_id",
        [
            {
                "actor_id": actor_ids[a.key],
                "alias": alias.alias,
                "key": normalize_key(alias.alias),
                "valid_from": alias.valid_from,
                "valid_to": alias.valid_to,
            }
            for a in actors
            if actor_ids[a.key] not in own
            for alias in _with_name(a)
        ],
        set(actor_ids.values()) - own,
    )
    return {"places": len(place_ids), "actors": len(actor_ids)}


def _with_name(actor: ActorEntry) -> list[AliasEntry]:
    aliases = {a.alias: a for a in actor.aliases}
    aliases.setdefault(actor.name, AliasEntry(actor.name))
    return list(aliases.values())


# the databases whose sync this process saw committed
_synced: set[str] = set()
# in a session's info: the databases it synced in its current transaction
_PENDING = "claimdb.reference.synced"


def sync_once(session: Session) -> None:
    """sync_reference, once per process and database (for the upload route). It runs in
    the caller's transaction, so the database counts as synced only once that commits:
    a failed upload's rollback takes the synced rows with it, and the next one syncs."""
    url = session.get_bind().engine.url.render_as_string(hide_password=True)
    pending = session.info.setdefault(_PENDING, set())
    if url not in _synced and url not in pending:
        sync_reference(session)
        pending.add(url)


@event.listens_for(Session, "after_commit")
def _committed(session: Session) -> None:
    if session.get_nested_transaction() is None:  # the transaction, not a savepoint in it
        _synced.update(session.info.get(_PENDING, ()))


@event.listens_for(Session, "after_transaction_end")
def _ended(session: Session, transaction: SessionTransaction) -> None:
    if transaction.parent is None:  # committed (counted above) or rolled back
        session.info.pop(_PENDING, None)
