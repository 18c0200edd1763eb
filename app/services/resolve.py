"""Names to ids: what each name parameter means, said back to the client.

A name resolves when it is an id, a slug (`key`), or the canonical name or an alias of
an entity spelled as given up to case, accents and the Arabic article (light_key): "Daesh",
"ISIL" and "al-Raqqa" resolve, "Deash" and "Aleppoo" do not. Extraction's folded key
(normalize_key) is deliberately lossy, so it only finds candidates here, never an answer:
it is why "China" once meant SANA. Anything looser is a 422 whose suggestions come in
this order: names that fold alike ("Deash": Daesh), names that start like it (what
`/actors?q=` finds: "Ahrar": Ahrar al-Sham), then close spellings.

A name several entities share (Homs the city and Homs the governorate, two villages with
one name) means one of them, by the rule extraction uses when it reads the name in text:
the one matched by its canonical name over an alias, then for places the higher gazetteer
rank (a city over its governorate, then the more populous), for actors a registry actor
over one found in text, then the latest holder of a title held in turn ("US president");
then the lower id. The others are listed as `alternatives`.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from app.errors import InvalidParameter
from app.extraction.normalize import light_key, normalize_key, slugify
from app.extraction.registry import place_rank
from app.models import Actor, ActorAlias, Place, PlaceAlias, RegistryTag
from app.models.resolved import Alternative, Matched, Resolved, ResolvedName
from app.params import MAX_ID, ClaimFilters
from app.services.entities import prefix_match
from app.services.kept import Kept
from app.services.outlets import resolve_outlets

MAX_SUGGESTIONS = 5


@dataclass(frozen=True, slots=True)
class Entities:
    model: Any
    alias_model: Any
    owner: str
    noun: str


ACTORS = Entities(Actor, ActorAlias, "actor_id", "actor")
PLACES = Entities(Place, PlaceAlias, "place_id", "place")
GOVERNORATES = (Place.kind == "governorate",)


@dataclass(frozen=True, slots=True)
class _Hit:
    row: Any  # an Actor or Place
    matched: Matched
    since: date | None = None  # for an actor's dated alias: from when the name was its


def _alternative(row: Any) -> Alternative:
    return Alternative(
        id=row.id,
        key=row.slug,
        name=row.name,
        kind=row.kind,
        governorate=getattr(row, "governorate", None),
    )


def _preference(kind: Entities, hit: _Hit) -> tuple[Any, ...]:
    """Sort key of the documented rule for a name several entities share (lowest first)."""
    row = hit.row
    if kind is PLACES:
        return (hit.matched != "name", -place_rank(row.slug), row.id)
    # a title held in turn ("US president"): its latest holder
    since = -(hit.since.toordinal() if hit.since else 0)
    return (hit.matched != "name", not row.curated, since, row.id)


def _distance(value: str, alias: str) -> float:
    return 1 - difflib.SequenceMatcher(None, light_key(value), light_key(alias)).ratio()


def _suggest(session: Session, kind: Entities, value: str, only: Sequence[Any]) -> list[str]:
    """Names to offer for an unknown one, one per entity: names that fold alike, then
    names that start like it, then close ones; the closest spelling first in each."""
    key = normalize_key(value)
    alias, owner = kind.alias_model.alias, getattr(kind.alias_model, kind.owner)
    base = sa.select(owner, alias, kind.alias_model.key).join(kind.model, kind.model.id == owner)
    base = base.where(*only).order_by(kind.alias_model.id)
    found: dict[int, str] = {}
    tiers = [
        base.where(kind.alias_model.key == key),
        base.where(prefix_match(kind.alias_model.key, key)).limit(200),
    ]
    for tier in tiers:
        rows = session.execute(tier).all()
        for row in sorted(rows, key=lambda r: _distance(value, r[1])):
            found.setdefault(row[0], row[1])
    if len(found) < MAX_SUGGESTIONS:
        by_key: dict[str, tuple[int, str]] = {}
        for row in session.execute(base).all():
            by_key.setdefault(row[2], (row[0], row[1]))
        for close in difflib.get_close_matches(key, list(by_key), n=MAX_SUGGESTIONS, cutoff=0.75):
            found.setdefault(*by_key[close])
    return list(dict.fromkeys(found.values()))[:MAX_SUGGESTIONS]


def _unknown(
    session: Session, kind: Entities, value: str, parameter: str, noun: str, only: Sequence[Any]
) -> InvalidParameter:
    suggestions = _suggest(session, kind, value, only)
    hint = f" Did you mean: {', '.join(suggestions)}?" if suggestions else ""
    return InvalidParameter(parameter, f"{parameter}: unknown {noun} {value!r}.{hint}", suggestions)


def find(
    session: Session,
    kind: Entities,
    value: str,
    parameter: str,
    *,
    only: Sequence[Any] = (),
    noun: str | None = None,
) -> ResolvedName:
    """The one entity `value` names (with `alternatives`), or a 422 with suggestions.
    `only` narrows the candidates (governorate= looks among governorates)."""
    model, noun = kind.model, noun or kind.noun
    text = value.strip()
    hits: dict[int, _Hit] = {}
    if text.isascii() and text.isdigit():  # "²" and "٣" are digits too, but not ids
        ident = int(text)
        # beyond the id column's range the database would fail rather than find nothing
        row = (
            session.execute(sa.select(model).where(model.id == ident, *only)).scalar_one_or_none()
            if 1 <= ident <= MAX_ID
            else None
        )
        if row is None:
            raise InvalidParameter(parameter, f"{parameter}: no {noun} has id {text}.")
        seen = {row.id}
        # a merged actor's old id names the actor it went into (its claims are there)
        while (into := getattr(row, "merged_into_id", None)) is not None and into not in seen:
            seen.add(into)
            row = session.get(model, into)
        hits[row.id] = _Hit(row, "id")
    else:
        spelled = light_key(text)
        owner = getattr(kind.alias_model, kind.owner)
        rows = session.execute(
            sa.select(model, kind.alias_model)
            .join(kind.alias_model, owner == model.id)
            .where(kind.alias_model.key == normalize_key(text), *only)
        ).all()
        for row, alias in rows:
            if light_key(alias.alias) == spelled:
                matched: Matched = "name" if light_key(row.name) == spelled else "alias"
                if row.id not in hits or matched == "name":
                    hits[row.id] = _Hit(row, matched, getattr(alias, "valid_from", None))
        if not hits:
            for row in session.execute(
                sa.select(model).where(model.slug == slugify(text), *only)
            ).scalars():
                # actors found in text have no aliases: their name is met here
                hits[row.id] = _Hit(row, "name" if light_key(row.name) == spelled else "key")
    if not hits:
        raise _unknown(session, kind, text, parameter, noun, only)
    best, *others = sorted(hits.values(), key=lambda hit: _preference(kind, hit))
    return ResolvedName(
        input=value,
        matched=best.matched,
        alternatives=[_alternative(hit.row) for hit in others],
        **_alternative(best.row).model_dump(),
    )


def _descendants(session: Session, model: type, roots: set[int]) -> set[int]:
    """`roots` and everything beneath them, walked down the parent_id index in SQL (loading
    every parent link of the gazetteer into Python took 3-4 ms a request, issue #15)."""
    table = model.__table__  # type: ignore[attr-defined]
    below = sa.select(table.c.id).where(table.c.id.in_(roots)).cte("below", recursive=True)
    below = below.union(sa.select(table.c.id).join(below, table.c.parent_id == below.c.id))
    session.flush()  # a place or actor moved in this unit of work is read as moved
    return set(roots) | set(session.connection().execute(sa.select(below.c.id)).scalars())


def with_places_inside(session: Session, ids: set[int]) -> set[int]:
    """`ids` and every place inside them."""
    return _descendants(session, Place, ids)


def with_affiliates(session: Session, ids: set[int]) -> set[int]:
    """`ids` and their units and affiliates."""
    return _descendants(session, Actor, ids)


# What names meant, kept across requests under the registry's tag (models/registry.py):
# the same tag, the same actors, places and aliases, so the same answer. Any write to them
# draws a new tag, committed or not (a write rolled back leaves a tag no state will have
# again), and the answers kept under old tags leave as the least recently used.
KEPT_NAMES = 1024
_kept: Kept[tuple[frozenset[Any], tuple[ResolvedName, ...]]] = Kept(KEPT_NAMES)
Answer = tuple[set[Any], list[ResolvedName]]
# built once, read on the Core connection: through the ORM, reading the tag cost more than
# the statement
_TAGS = {
    ACTORS.noun: sa.select(RegistryTag.__table__.c.actors),
    PLACES.noun: sa.select(RegistryTag.__table__.c.places),
}


def keep(
    session: Session, kind: Entities, key: tuple[Any, ...], resolve: Callable[[], Answer]
) -> Answer:
    """`resolve()`, or what it gave before under the same tag of `kind`'s tables."""
    session.flush()  # an actor or place written in this unit of work draws its tag now
    tag = session.connection().execute(_TAGS[kind.noun]).scalar_one_or_none()
    if tag is None:  # (a database that lost the row: resolve every time)
        return resolve()

    def make() -> tuple[frozenset[Any], tuple[ResolvedName, ...]]:
        ids, names = resolve()
        return frozenset(ids), tuple(names)

    ids, names = _kept.get((tag, *key), make)
    return set(ids), list(names)


def _entities(
    session: Session, kind: Entities, values: Sequence[str], parameter: str, *, below: bool
) -> tuple[set[int], list[ResolvedName]]:
    """Ids of the entities `values` name and, with `below`, of what lies beneath each."""

    def resolve() -> Answer:
        ids: set[int] = set()
        out = []
        for value in values:
            name = find(session, kind, value, parameter)
            assert name.id is not None
            inside = _descendants(session, kind.model, {name.id}) if below else {name.id}
            out.append(name.model_copy(update={"includes": len(inside) - 1}))
            ids |= inside
        return ids, out

    return keep(session, kind, (kind.noun, tuple(values), parameter, below), resolve)


def governorates(
    session: Session, values: Sequence[str], parameter: str = "governorate"
) -> tuple[set[str], list[ResolvedName]]:
    """Canonical governorate names for `values`, each a governorate's name, alias or id."""

    def resolve() -> Answer:
        names: set[str] = set()
        out = []
        for value in values:
            name = find(session, PLACES, value, parameter, only=GOVERNORATES, noun="governorate")
            inside = session.execute(
                sa.select(sa.func.count()).where(Place.governorate == name.governorate)
            ).scalar_one()
            out.append(name.model_copy(update={"includes": max(inside - 1, 0)}))
            names.add(name.governorate or name.name)
        return names, out

    return keep(session, PLACES, ("governorate", tuple(values), parameter), resolve)


@dataclass(slots=True)
class Names:
    """The name parameters of a claim filter, resolved: ids for the SQL, and the block
    that tells the client what each name meant."""

    public: Resolved = field(default_factory=dict)
    places: set[int] | None = None
    governorates: set[str] | None = None
    actors: set[int] | None = None
    claimants: set[int] | None = None
    outlets: set[str] | None = None


def claim_names(session: Session, f: ClaimFilters) -> Names:
    names = Names()
    if f.place:
        names.places, names.public["place"] = _entities(
            session, PLACES, f.place, "place", below=True
        )
    if f.governorate:
        names.governorates, names.public["governorate"] = governorates(session, f.governorate)
    if f.actor:
        names.actors, names.public["actor"] = _entities(
            session, ACTORS, f.actor, "actor", below=f.include_affiliates
        )
    if f.claimant:
        names.claimants, names.public["claimant"] = _entities(
            session, ACTORS, f.claimant, "claimant", below=f.include_affiliates
        )
    if f.outlet:
        names.outlets, names.public["outlet"] = resolve_outlets(session, f.outlet)
    return names
