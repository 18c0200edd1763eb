"""Names to ids: any spelling of a place, governorate or actor, and what lies beneath it.

Users name things the way the press does (Daesh, ISIL, Kaweiris...). Every lookup goes
through the same folded key as extraction (normalize_key), so a name that extraction
understands, a filter understands too; under a key that folding makes ambiguous between
different names (China and SANA), only the spelling counts (registry.name_key). An
unknown name is a 422 that suggests close names.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Iterable, Sequence

import sqlalchemy as sa
from sqlmodel import Session

from app.errors import InvalidParameter
from app.extraction.normalize import light_key, normalize_key, slugify
from app.extraction.registry import contested_keys
from app.models import Actor, ActorAlias, Place, PlaceAlias
from app.params import MAX_ID

BROAD_PLACE_KINDS = ("country", "governorate")


def _suggest(session: Session, alias_model: type, key: str) -> list[str]:
    aliases = session.execute(sa.select(alias_model.alias, alias_model.key)).all()
    by_key: dict[str, str] = {}
    for alias, alias_key in aliases:
        by_key.setdefault(alias_key, alias)
    close = difflib.get_close_matches(key, list(by_key), n=5, cutoff=0.75)
    return [by_key[k] for k in close]


def _lookup(
    session: Session,
    entity: type,
    alias_model: type,
    owner: str,
    value: str,
    parameter: str,
    noun: str,
) -> set[int]:
    value = value.strip()
    if value.isascii() and value.isdigit():  # "²" and "٣" are digits too, but not ids
        ident = int(value)
        # beyond the id column's range the database would fail rather than find nothing
        if not 1 <= ident <= MAX_ID or session.get(entity, ident) is None:
            raise InvalidParameter(parameter, f"{parameter}: no {noun} has id {value}.")
        return {ident}
    key = normalize_key(value)
    owner_col = getattr(alias_model, owner)
    rows = session.execute(
        sa.select(owner_col, alias_model.alias).where(alias_model.key == key)
    ).all()
    if key in contested_keys():
        rows = [r for r in rows if light_key(r.alias) == light_key(value)]
    ids = {r[0] for r in rows}
    ids |= set(session.execute(sa.select(entity.id).where(entity.slug == slugify(value))).scalars())
    if not ids:
        suggestions = _suggest(session, alias_model, key)
        hint = f" Did you mean: {', '.join(suggestions)}?" if suggestions else ""
        raise InvalidParameter(
            parameter, f"{parameter}: unknown {noun} {value!r}.{hint}", suggestions
        )
    return ids


def _descendants(session: Session, model: type, roots: set[int]) -> set[int]:
    children: dict[int, list[int]] = defaultdict(list)
    for child, parent in session.execute(
        sa.select(model.id, model.parent_id).where(model.parent_id.is_not(None))
    ).all():
        children[parent].append(child)
    seen, stack = set(roots), list(roots)
    while stack:
        for child in children.get(stack.pop(), ()):
            if child not in seen:
                seen.add(child)
                stack.append(child)
    return seen


def with_places_inside(session: Session, ids: set[int]) -> set[int]:
    """`ids` and every place inside them."""
    return _descendants(session, Place, ids)


def with_affiliates(session: Session, ids: set[int]) -> set[int]:
    """`ids` and their units and affiliates."""
    return _descendants(session, Actor, ids)


def place_ids(
    session: Session, values: Sequence[str], parameter: str = "place", *, descendants: bool = True
) -> set[int]:
    """Places named by `values` (ids, names, aliases) and, by default, every place inside them.

    A name shared by a city and its governorate ("Homs") means the city: ask for the
    governorate with `governorate=`.
    """
    roots: set[int] = set()
    for value in values:
        ids = _lookup(session, Place, PlaceAlias, "place_id", value, parameter, "place")
        if len(ids) > 1:
            narrow = set(
                session.execute(
                    sa.select(Place.id).where(
                        Place.id.in_(ids), Place.kind.not_in(BROAD_PLACE_KINDS)
                    )
                ).scalars()
            )
            ids = narrow or ids
        roots |= ids
    return with_places_inside(session, roots) if descendants else roots


def governorates(
    session: Session, values: Iterable[str], parameter: str = "governorate"
) -> set[str]:
    """Canonical governorate names for any spelling of them."""
    names: set[str] = set()
    for value in values:
        key = normalize_key(value)
        found = set(
            session.execute(
                sa.select(Place.governorate)
                .join(PlaceAlias, PlaceAlias.place_id == Place.id)
                .where(Place.kind == "governorate", PlaceAlias.key == key)
            ).scalars()
        )
        if not found:
            known = sorted(
                set(
                    session.execute(
                        sa.select(Place.name).where(Place.kind == "governorate")
                    ).scalars()
                )
            )
            raise InvalidParameter(
                parameter,
                f"{parameter}: unknown governorate {value!r}; known: {', '.join(known)}.",
                difflib.get_close_matches(value, known, n=3, cutoff=0.5),
            )
        names |= {n for n in found if n}
    return names


def actor_ids(
    session: Session, values: Sequence[str], parameter: str = "actor", *, affiliates: bool = True
) -> set[int]:
    """Actors named by `values` and, with `affiliates`, their units and affiliates."""
    roots: set[int] = set()
    for value in values:
        roots |= _lookup(session, Actor, ActorAlias, "actor_id", value, parameter, "actor")
    return with_affiliates(session, roots) if affiliates else roots
