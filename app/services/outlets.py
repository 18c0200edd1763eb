"""Outlets: who published the sources. Curated ones (app/data/outlets.toml: name, country,
owner and alignment with where they were read) and any other outlet string an import
brought in; `outlet=` takes an outlet's key, name or alias."""

from __future__ import annotations

import difflib
import tomllib
from collections.abc import Sequence
from functools import cache
from importlib import resources

import sqlalchemy as sa
from sqlmodel import Session

from app.errors import InvalidParameter, NotFound
from app.extraction.normalize import light_key, slugify
from app.list_params import OutletFilters
from app.models import Source
from app.models.outlet import OutletPublic
from app.models.page import Page
from app.models.resolved import ResolvedName
from app.services.paging import Ordering, SortKey, decode_cursor, encode_cursor

# outlets are listed from memory, by key; the cursor has the same shape as a table's
BY_KEY = Ordering("key", (SortKey(Source.outlet),))


@cache
def curated() -> tuple[OutletPublic, ...]:
    """The shipped outlets, loaded once."""
    path = resources.files("app").joinpath("data", "outlets.toml")
    with path.open("rb") as f:
        rows = tomllib.load(f)["outlet"]
    return tuple(OutletPublic(curated=True, **row) for row in rows)


def spellings(outlet: OutletPublic) -> set[str]:
    """What a source's `outlet` field may hold for this outlet, lowercased."""
    return {s.lower() for s in (outlet.key, outlet.name, *outlet.aliases)}


@cache
def spelled_alike() -> dict[str, frozenset[str]]:
    """Each spelling of a curated outlet (lowercased) -> all of that outlet's spellings."""
    return {s: frozenset(spellings(o)) for o in curated() for s in spellings(o)}


# the outlet strings the sources hold, with their numbers of sources (ix_source_outlet)
OUTLET_COUNTS = (
    sa.select(Source.outlet, sa.func.count())
    .where(Source.outlet.is_not(None))
    .group_by(Source.outlet)
    .order_by(Source.outlet)
)


def all_outlets(session: Session) -> list[OutletPublic]:
    """Curated outlets and every other outlet string the sources hold, by key, with
    the number of sources of each."""
    counts: dict[str, int] = {}
    spelled: dict[str, str] = {}  # lowercased -> as first written
    for raw, n in session.execute(OUTLET_COUNTS).all():
        counts[raw.lower()] = counts.get(raw.lower(), 0) + n
        spelled.setdefault(raw.lower(), raw)
    out = [
        o.model_copy(
            update={"source_count": sum(counts.pop(s, 0) for s in spellings(o))}, deep=True
        )
        for o in curated()
    ]
    by_key = {o.key: o for o in out}
    for lowered, n in counts.items():
        raw = spelled[lowered]
        key = slugify(raw) or lowered
        if key in by_key:  # two spellings that slug alike ("Al-Monitor", "Al Monitor")
            by_key[key].source_count += n
            by_key[key].aliases.append(raw)
            continue
        by_key[key] = OutletPublic(key=key, name=raw, source_count=n, curated=False)
        out.append(by_key[key])
    return sorted(out, key=lambda o: o.key)


def list_outlets(session: Session, filters: OutletFilters) -> Page[OutletPublic]:
    """Outlets ordered by key (a few hundred at most, so listed from memory)."""
    outlets = all_outlets(session)
    if filters.curated is not None:
        outlets = [o for o in outlets if o.curated == filters.curated]
    if filters.country:
        outlets = [o for o in outlets if (o.country or "").lower() == filters.country.lower()]
    total = len(outlets)
    if filters.cursor:
        [after] = decode_cursor(BY_KEY, filters.cursor)
        outlets = [o for o in outlets if o.key > after]
    page = outlets[: filters.limit]
    more = len(outlets) > filters.limit
    return Page(
        data=page, count=total, next=encode_cursor(BY_KEY, [page[-1].key]) if more else None
    )


def get_outlet(session: Session, key: str) -> OutletPublic:
    for outlet in all_outlets(session):
        if outlet.key == key:
            return outlet
    raise NotFound("outlet", key)


def _find(outlets: list[OutletPublic], value: str) -> tuple[OutletPublic, str] | None:
    spelled, slug = light_key(value), slugify(value)
    tests = (
        ("key", lambda o: o.key == value.lower()),
        ("name", lambda o: light_key(o.name) == spelled),
        ("alias", lambda o: any(light_key(a) == spelled for a in o.aliases)),
        ("key", lambda o: bool(slug) and o.key == slug),
    )
    for matched, test in tests:
        for outlet in outlets:
            if test(outlet):
                return outlet, matched
    return None


def resolve_outlets(
    session: Session, values: Sequence[str], parameter: str = "outlet"
) -> tuple[set[str], list[ResolvedName]]:
    """The lowercased `outlet` strings of the sources each value means, and what it meant;
    an unknown outlet is a 422 suggesting close ones."""
    outlets = all_outlets(session)
    strings: set[str] = set()
    resolved = []
    for value in values:
        hit = _find(outlets, value.strip())
        if hit is None:
            names = {o.name: o for o in outlets} | {o.key: o for o in outlets}
            close = difflib.get_close_matches(value.strip(), list(names), n=5, cutoff=0.6)
            suggestions = list(dict.fromkeys(names[c].name for c in close))
            hint = f" Did you mean: {', '.join(suggestions)}?" if suggestions else ""
            raise InvalidParameter(
                parameter,
                f"{parameter}: unknown outlet {value!r} (see /outlets).{hint}",
                suggestions,
            )
        outlet, matched = hit
        strings |= spellings(outlet)
        resolved.append(
            ResolvedName(
                input=value,
                matched=matched,  # type: ignore[arg-type]
                key=outlet.key,
                name=outlet.name,
                includes=0,
            )
        )
    return strings, resolved
