"""What the actor and place lists share: name search, and each item's aliases, parent and
claim count, loaded for a whole page in three queries whatever its size; and the check
that a nested route's parent (an actor, place or source) exists."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, select

from app.errors import NotFound
from app.extraction.normalize import normalize_key
from app.models import Claim
from app.services.listed import listed


def require(session: Session, model: Any, ident: int) -> None:
    """NotFound unless a `model` row has id `ident`: one primary-key lookup, no row loaded."""
    if session.execute(sa.select(model.id).where(model.id == ident)).first() is None:
        raise NotFound(model.__tablename__, ident)


def like_prefix(text: str) -> str:
    """A LIKE pattern for `text` as a literal prefix (use with escape="\\")."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def prefix_match(column: Any, key: str) -> sa.ColumnElement[bool]:
    """`column` starts with `key`; nothing matches an empty key. A query of punctuation
    only ("!!!") folds to "", and a bare "%" would have matched every row, where the
    claims' full-text search (which drops punctuation too) matches none."""
    return column.like(like_prefix(key), escape="\\") if key else sa.false()


def with_alias_prefix(alias_model: Any, owner: str, q: str) -> sa.Select[Any]:
    """Owners with an alias whose folded key starts like `q`'s (any spelling of a name)."""
    return sa.select(getattr(alias_model, owner)).where(
        prefix_match(alias_model.key, normalize_key(q))
    )


@dataclass(frozen=True, slots=True)
class Related:
    aliases: dict[int, list[Any]]  # owner id -> its alias rows, oldest first
    claim_counts: dict[int, int]
    parents: dict[int, Any]  # parent id -> parent row


def related(
    session: Session, rows: list[Any], *, alias_model: Any, link_model: Any, owner: str
) -> Related:
    """`owner` names the foreign key (actor_id, place_id) in both the alias and link tables."""
    if not rows:
        return Related({}, {}, {})
    model = type(rows[0])
    ids = [r.id for r in rows]
    aliases: dict[int, list[Any]] = defaultdict(list)
    alias_owner = getattr(alias_model, owner)
    for alias in session.exec(
        select(alias_model).where(alias_owner.in_(ids)).order_by(alias_model.id)
    ):
        aliases[getattr(alias, owner)].append(alias)
    link_owner = getattr(link_model, owner)
    counts = session.execute(
        sa.select(link_owner, sa.func.count(sa.distinct(link_model.claim_id)))
        .join(Claim, Claim.id == link_model.claim_id)
        .where(link_owner.in_(ids), *listed())
        .group_by(link_owner)
    )
    parent_ids = {r.parent_id for r in rows if r.parent_id}
    parents = session.exec(select(model).where(model.id.in_(parent_ids))) if parent_ids else []
    return Related(aliases, {owner_id: n for owner_id, n in counts}, {p.id: p for p in parents})
