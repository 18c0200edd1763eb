"""What people change about the gazetteer: a place's name, kind, coordinates, parent and
spellings (PATCH), and places it lacks (POST). Validated like the gazetteer is when it
loads: coordinates in range, the parent exists, no cycle, every place but the country
inside a governorate. Each change appends a revision. Never commits.

Spellings an editor adds and places an editor adds carry `added_by`, corrected fields
are listed in `corrected_fields`: syncing the shipped gazetteer keeps them
(app.services.reference), and the next extraction finds them (app.services.additions).
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from app.errors import InvalidParameter, NotFound
from app.extraction.normalize import normalize_key, slugify
from app.models import Place, PlaceAlias
from app.models.entity_corrections import PlaceCreate, PlacePatch
from app.services import resolve, revisions, search

MAX_DEPTH = 64
EDITABLE = ("name", "kind", "lat", "lon", "geo_precision")


def _bad(field: str, detail: str) -> InvalidParameter:
    return InvalidParameter(field, f"{field}: {detail}", location="body")


def load(session: Session, place_id: int, *, for_update: bool = False) -> Place:
    place = session.get(Place, place_id, with_for_update=for_update or None)
    if place is None:
        raise NotFound("place", place_id)
    return place


def _aliases(session: Session, place_id: int) -> list[PlaceAlias]:
    return list(
        session.execute(
            sa.select(PlaceAlias).where(PlaceAlias.place_id == place_id).order_by(PlaceAlias.id)
        ).scalars()
    )


def state(session: Session, place: Place) -> dict[str, Any]:
    """What a person can change about `place`: its ETag is computed from this."""
    return {
        **{k: getattr(place, k) for k in EDITABLE},
        "parent_id": place.parent_id,
        "governorate": place.governorate,
        "aliases": sorted(a.alias for a in _aliases(session, place.id)),
    }


def etag(session: Session, place_id: int) -> str:
    """The place's version: the `ETag` a GET, POST or PATCH answers with, which
    `If-Match` is checked against (both from `state`)."""
    return revisions.etag(state(session, load(session, place_id)))


def _find(session: Session, value: int | str, field: str) -> Place:
    try:
        name = resolve.find(session, resolve.PLACES, str(value), field)
    except InvalidParameter as exc:
        raise InvalidParameter(field, exc.detail, exc.suggestions, location="body") from None
    return load(session, name.id)


def _governorate(session: Session, place: Place | None, parent: Place) -> str | None:
    """The governorate `parent`'s chain reaches (None for the country), refusing a chain
    that comes back to `place`."""
    seen: set[int] = set()
    current: Place | None = parent
    while current is not None:
        if place is not None and current.id == place.id:
            raise _bad("parent", f"{parent.name!r} lies inside {place.name!r}: a cycle.")
        if current.kind == "governorate":
            return current.name
        if current.id in seen or len(seen) > MAX_DEPTH:
            break
        seen.add(current.id)
        current = session.get(Place, current.parent_id) if current.parent_id else None
    return None


def _regovern(session: Session, place: Place) -> set[int]:
    """The places inside `place` lie in its governorate now (their ids are returned)."""
    todo, seen = [place.id], {place.id}
    while todo:
        children = (
            session.execute(
                sa.select(Place).where(Place.parent_id.in_(todo), Place.kind != "governorate")
            )
            .scalars()
            .all()
        )
        todo = [c.id for c in children if c.id not in seen]
        seen.update(todo)
        for child in children:
            child.governorate = place.governorate
    return seen


def _check_spellings(session: Session, names: list[str]) -> None:
    for i, alias in enumerate(names):
        if not normalize_key(alias):
            raise _bad(f"aliases.{i}", f"{alias!r} has no letters or digits to match.")
        if names.index(alias) != i:
            raise _bad(f"aliases.{i}", f"{alias!r} is listed twice.")


def _set_aliases(session: Session, place: Place, wanted: list[str], by: str) -> tuple[bool, bool]:
    """Make the place's spellings `wanted`; the new ones are the editor's. Returns
    whether any were removed, and whether any were added."""
    rows = {a.alias: a for a in _aliases(session, place.id)}
    gone = [row for alias, row in rows.items() if alias not in wanted]
    added = [alias for alias in wanted if alias not in rows]
    for row in gone:
        session.delete(row)
    session.add_all(
        PlaceAlias(place_id=place.id, alias=a, key=normalize_key(a), added_by=by) for a in added
    )
    session.flush()
    return bool(gone), bool(added)


def correct(
    session: Session, place_id: int, patch: PlacePatch, by: str, if_match: str | None
) -> Place:
    """Apply `patch` if `if_match` is the place's current version; one revision."""
    place = load(session, place_id, for_update=True)
    before = state(session, place)
    revisions.check_version(before, if_match)
    given = patch.model_fields_set - {"reason"}
    values = {k: getattr(patch, k) for k in EDITABLE if k in given}
    if "kind" in values and (values["kind"] == "country") != (place.kind == "country"):
        raise _bad("kind", "the country stays the country, and no other place becomes one.")
    changed = [k for k, v in values.items() if getattr(place, k) != v]
    if "name" in changed and place.kind in ("governorate", "country"):
        raise _bad(
            "name",
            f"places are filed under {place.kind} names: add the spelling to `aliases` instead.",
        )
    if "parent" in given:
        if place.kind == "country":
            raise _bad("parent", "the country has no parent.")
        parent = _find(session, patch.parent, "parent")
        governorate = place.name if place.kind == "governorate" else None
        reached = _governorate(session, place, parent)
        if place.kind != "governorate" and reached is None:
            raise _bad("parent", f"{parent.name!r} is not inside a governorate.")
        if parent.id != place.parent_id:
            place.parent_id, place.governorate = parent.id, governorate or reached
            # the claims at the place and inside it are searched under its governorate now
            search.reindex_places(session, _regovern(session, place))
            changed.append("parent")
    names = (
        list(patch.aliases or ())
        if "aliases" in given
        else [a.alias for a in _aliases(session, place.id)]
    )
    name = values.get("name", place.name)
    if name not in names:  # the name is always one of its spellings
        names.append(name)
    _check_spellings(session, names)
    for key in EDITABLE:
        if key in values:
            setattr(place, key, values[key])
    removed, added = _set_aliases(session, place, names, by)
    if removed or added:
        changed.append("aliases")
    if not changed:
        raise _bad("reason", "the patch changes nothing: send the fields to correct.")
    # only a removed spelling makes the list the editor's: added ones are marked
    # `added_by`, and syncing keeps those while the gazetteer's own may still improve
    owned = set(changed) - (set() if removed else {"aliases"})
    place.corrected_fields = sorted(set(place.corrected_fields or ()) | owned)
    session.flush()
    revisions.record(
        session, by, "place", place.id, "correct", before, state(session, place), patch.reason
    )
    return place


def create(session: Session, body: PlaceCreate, by: str) -> Place:
    """Add a place the gazetteer lacks, inside `body.parent`; one revision."""
    parent = _find(session, body.parent, "parent")
    governorate = _governorate(session, None, parent)
    if governorate is None:
        raise _bad("parent", f"{parent.name!r} is not inside a governorate.")
    same = session.execute(
        sa.select(Place.id).where(Place.parent_id == parent.id, Place.name == body.name)
    ).scalar()
    if same is not None:
        raise _bad("name", f"place {same} is {body.name!r} in {parent.name!r} already.")
    names = [body.name, *(a for a in body.aliases if a != body.name)]
    _check_spellings(session, names)
    base = slugify(body.name) or "place"
    slug, n = base, 1
    while session.execute(sa.select(Place.id).where(Place.slug == slug)).first():
        n += 1
        slug = f"{base}-{n}"
    place = Place(
        slug=slug,
        name=body.name,
        kind=body.kind,
        governorate=governorate,
        lat=body.lat,
        lon=body.lon,
        geo_precision=body.geo_precision,
        parent_id=parent.id,
        added_by=by,
    )
    session.add(place)
    session.flush()
    _set_aliases(session, place, names, by)
    revisions.record(session, by, "place", place.id, "add", {}, state(session, place), body.reason)
    return place
