"""What people change about an actor: its name, kind, parent and aliases (PATCH), and
the merge of a duplicate into the actor that stays (an admin's). Validated like the
registry is when it loads; each change appends a revision. Never commits.

Aliases an editor adds are marked `added_by`, and the fields corrected are listed in
`corrected_fields`: syncing the shipped registry keeps both (app.services.reference),
and the next extraction matches the new names (app.services.additions).
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import aliased
from sqlmodel import Session

from app.errors import Conflict, InvalidParameter, NotFound
from app.extraction.normalize import normalize_key
from app.models import Actor, ActorAlias, Claim, ClaimActor, Mention
from app.models.entity_corrections import ActorMerge, ActorPatch
from app.models.event import Framing
from app.services import events, resolve, revisions

MAX_DEPTH = 64  # a parent chain longer than this is a cycle or a mistake


def _bad(field: str, detail: str) -> InvalidParameter:
    return InvalidParameter(field, f"{field}: {detail}", location="body")


def load(session: Session, actor_id: int, *, for_update: bool = False) -> Actor:
    actor = session.get(Actor, actor_id, with_for_update=for_update or None)
    if actor is None:
        raise NotFound("actor", actor_id)
    return actor


def live(session: Session, actor_id: int) -> Actor:
    """The actor, for a change: a merged one is changed through the actor it went into."""
    actor = load(session, actor_id, for_update=True)
    if actor.merged_into_id is not None:
        raise Conflict(
            f"Actor {actor_id} was merged into actor {actor.merged_into_id}: change that one."
        )
    return actor


def _aliases(session: Session, actor_id: int) -> list[ActorAlias]:
    return list(
        session.execute(
            sa.select(ActorAlias).where(ActorAlias.actor_id == actor_id).order_by(ActorAlias.id)
        ).scalars()
    )


def state(session: Session, actor: Actor) -> dict[str, Any]:
    """What a person can change about `actor`: its ETag is computed from this."""
    return {
        "name": actor.name,
        "kind": actor.kind,
        "parent_id": actor.parent_id,
        "aliases": sorted([a.alias, a.valid_from, a.valid_to] for a in _aliases(session, actor.id)),
        "merged_into_id": actor.merged_into_id,
    }


def etag(session: Session, actor_id: int) -> str:
    """The actor's version: the `ETag` a GET or a PATCH answers with, which `If-Match`
    is checked against (both from `state`)."""
    return revisions.etag(state(session, load(session, actor_id)))


def find_live(session: Session, value: int | str, field: str) -> Actor:
    """The actor `value` names (id, name or alias), never a merged one."""
    try:
        name = resolve.find(
            session, resolve.ACTORS, str(value), field, only=(Actor.merged_into_id.is_(None),)
        )
    except InvalidParameter as exc:
        raise InvalidParameter(field, exc.detail, exc.suggestions, location="body") from None
    return load(session, name.id)


def _check_parent(session: Session, actor: Actor, parent: Actor) -> None:
    """No actor is its own ancestor."""
    seen, current = set(), parent
    while current is not None:
        if current.id == actor.id:
            raise _bad("parent", f"{parent.name!r} is {actor.name!r} or one of its units: a cycle.")
        if current.id in seen or len(seen) > MAX_DEPTH:
            break
        seen.add(current.id)
        current = session.get(Actor, current.parent_id) if current.parent_id else None


def _check_aliases(
    session: Session, actor: Actor, wanted: list[tuple[str, Any, Any]], named: int
) -> None:
    """`wanted[named:]` is the canonical name, added to the aliases sent."""
    names = [a for a, _, _ in wanted]

    def field(i: int, part: str = "alias") -> str:
        return "name" if i >= named else f"aliases.{i}.{part}"

    for i, (alias, start, end) in enumerate(wanted):
        if not normalize_key(alias):
            raise _bad(field(i), f"{alias!r} has no letters or digits to match.")
        if start and end and start >= end:
            raise _bad(field(i, "valid_to"), "must be after valid_from.")
        if names.index(alias) != i:
            raise _bad(field(i), f"{alias!r} is listed twice.")
    if not names:
        return
    # one spelling, one actor: a name two actors share exactly is a merge to make
    taken = session.execute(
        sa.select(ActorAlias.alias, Actor.id, Actor.name)
        .join(Actor, Actor.id == ActorAlias.actor_id)
        .where(ActorAlias.alias.in_(names), ActorAlias.actor_id != actor.id)
    ).first()
    if taken is not None:
        raise _bad(
            field(names.index(taken.alias)),
            f"{taken.alias!r} is already an alias of actor {taken.id} ({taken.name}): merge "
            "the two (POST /actors/{id}/merge) if they are one.",
        )


def correct(
    session: Session, actor_id: int, patch: ActorPatch, by: str, if_match: str | None
) -> Actor:
    """Apply `patch` if `if_match` is the actor's current version; one revision."""
    actor = live(session, actor_id)
    before = state(session, actor)
    revisions.check_version(before, if_match)
    given = patch.model_fields_set - {"reason"}
    name = patch.name if "name" in given else actor.name
    parent_id = actor.parent_id
    if "parent" in given:
        parent = None if patch.parent is None else find_live(session, patch.parent, "parent")
        if parent is not None:
            _check_parent(session, actor, parent)
        parent_id = parent.id if parent else None
    rows = _aliases(session, actor.id)
    if "aliases" in given:
        wanted = [(a.alias, a.valid_from, a.valid_to) for a in patch.aliases or ()]
    else:
        wanted = [(a.alias, a.valid_from, a.valid_to) for a in rows]
    named = len(wanted)
    if name not in [a for a, _, _ in wanted]:  # the canonical name is always an alias
        wanted.append((name, None, None))
    _check_aliases(session, actor, wanted, named)
    values = {"name": name, "kind": patch.kind if "kind" in given else actor.kind}
    changed = [k for k, v in values.items() if getattr(actor, k) != v]
    changed += ["parent"] if parent_id != actor.parent_id else []
    current = {(a.alias, a.valid_from, a.valid_to): a for a in rows}
    added = [w for w in wanted if w not in current]
    gone = [row for key, row in current.items() if key not in wanted]
    changed += ["aliases"] if added or gone else []
    if not changed:
        raise _bad("reason", "the patch changes nothing: send the fields to correct.")
    for row in gone:
        session.delete(row)
    session.flush()  # a changed date keeps its spelling: the old row goes first
    session.add_all(
        ActorAlias(
            actor_id=actor.id,
            alias=alias,
            key=normalize_key(alias),
            valid_from=start,
            valid_to=end,
            added_by=by,
        )
        for alias, start, end in added
    )
    actor.name, actor.kind, actor.parent_id = name, values["kind"], parent_id
    # only a removed alias makes the list the editor's: added ones are marked `added_by`,
    # and syncing keeps those while the registry's own may still improve
    owned = set(changed) - (set() if gone else {"aliases"})
    actor.corrected_fields = sorted(set(actor.corrected_fields or ()) | owned)
    session.flush()
    revisions.record(
        session, by, "actor", actor.id, "correct", before, state(session, actor), patch.reason
    )
    return actor


def merge(
    session: Session, actor_id: int, body: ActorMerge, by: str, if_match: str | None
) -> Actor:
    """Merge actor `actor_id` into `body.into`: its claims, mentions, framing counts,
    aliases and units move there; it stays as a tombstone pointing at it. Returns the
    actor that stays. One revision on each."""
    gone = live(session, actor_id)
    gone_before = state(session, gone)
    revisions.check_version(gone_before, if_match)
    into = find_live(session, body.into, "into")
    if into.id == gone.id:
        raise _bad("into", "an actor cannot be merged into itself.")
    into = load(session, into.id, for_update=True)
    into_before = state(session, into)
    # the claims and mentions that named it, and so the sources to link again
    sources = set(
        session.execute(
            sa.select(Claim.source_id)
            .join(ClaimActor, ClaimActor.claim_id == Claim.id)
            .where(ClaimActor.actor_id == gone.id)
        ).scalars()
    ) | set(
        session.execute(sa.select(Mention.source_id).where(Mention.actor_id == gone.id)).scalars()
    )
    for source_id in sorted(sources):
        events.source_removed(session, source_id)
    _move_links(session, gone.id, into.id)
    _move_aliases(session, gone, into, by)
    _move_units(session, gone, into)
    # earlier merges into it now point at the end of the chain
    session.execute(
        sa.update(Actor).where(Actor.merged_into_id == gone.id).values(merged_into_id=into.id)
    )
    gone.merged_into_id = into.id
    session.flush()
    session.expire_all()
    gone, into = load(session, actor_id), load(session, into.id)
    reason = body.reason
    revisions.record(
        session, by, "actor", gone.id, "merge", gone_before, state(session, gone), reason
    )
    revisions.record(
        session, by, "actor", into.id, "merge", into_before, state(session, into), reason
    )
    for source_id in sorted(sources):
        events.source_added(session, source_id)
    return into


def _move_links(session: Session, gone: int, into: int) -> None:
    """claim_actor, claimants, mentions, framing counts and stored corrections move."""
    twin = aliased(ClaimActor)
    duplicate = sa.select(twin.id).where(
        twin.actor_id == gone,
        sa.exists().where(
            ClaimActor.actor_id == into,
            ClaimActor.claim_id == twin.claim_id,
            ClaimActor.role == twin.role,
        ),
    )
    # a claim naming both in one role names the one that stays once
    session.execute(sa.delete(ClaimActor).where(ClaimActor.id.in_(duplicate)))
    session.execute(sa.update(ClaimActor).where(ClaimActor.actor_id == gone).values(actor_id=into))
    session.execute(sa.update(Claim).where(Claim.claimant_id == gone).values(claimant_id=into))
    session.execute(sa.update(Mention).where(Mention.actor_id == gone).values(actor_id=into))
    session.execute(sa.update(Framing).where(Framing.actor_id == gone).values(actor_id=into))
    # a correction that named it names the one that stays, so re-extraction applies that
    for claim in session.execute(sa.select(Claim).where(Claim.corrections.is_not(None))).scalars():
        values = (claim.corrections or {}).get("values", {})
        moved = dict(values)
        if moved.get("claimant_id") == gone:
            moved["claimant_id"] = into
        if "actors" in moved:
            moved["actors"] = [
                {**a, "actor_id": into} if a.get("actor_id") == gone else a for a in moved["actors"]
            ]
        if moved != values:
            claim.corrections = {**(claim.corrections or {}), "values": moved}


def _move_units(session: Session, gone: Actor, into: Actor) -> None:
    """Its units become the units of the one that stays, except the one on the way up
    from it (or itself), which takes its parent instead: no actor becomes its own
    ancestor. It leaves the tree."""
    chain: set[int] = set()
    current = into.parent_id
    while current is not None and current not in chain and len(chain) <= MAX_DEPTH:
        chain.add(current)
        current = session.execute(sa.select(Actor.parent_id).where(Actor.id == current)).scalar()
    outer = gone.parent_id if gone.parent_id != into.id else into.parent_id
    units = Actor.parent_id == gone.id
    on_path = sa.or_(Actor.id == into.id, Actor.id.in_(chain))
    session.execute(
        sa.update(Actor)
        .where(units, on_path)
        .values(parent_id=outer)
        .execution_options(synchronize_session="fetch")
    )
    session.execute(
        sa.update(Actor)
        .where(units)
        .values(parent_id=into.id)
        .execution_options(synchronize_session="fetch")
    )
    gone.parent_id = None


def _move_aliases(session: Session, gone: Actor, into: Actor, by: str) -> None:
    """Its names become aliases of the one that stays (an editor's, so syncing the
    registry keeps them there); a name both had is kept once."""
    have = {(a.alias, a.valid_from, a.valid_to) for a in _aliases(session, into.id)}
    spellings = {a for a, _, _ in have}
    for row in _aliases(session, gone.id):
        if row.alias in spellings:
            session.delete(row)
        else:
            row.actor_id, row.added_by = into.id, by
            spellings.add(row.alias)
    if gone.name not in spellings:  # an actor found in text has no alias rows
        session.add(
            ActorAlias(actor_id=into.id, alias=gone.name, key=normalize_key(gone.name), added_by=by)
        )
    session.flush()
