"""Claim records for app.linking, loaded from the database, and the gazetteer they use.

A record is everything linking looks at for one claim: its dates, places (with their
parent chains and index areas), actors (with their parent chains), figures and the
voice that made it (an actor, a named speaker, a reader comment, else the outlet).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import aliased
from sqlmodel import Session

from app.linking import ClaimRecord, facts, where
from app.linking.records import ActorRef, Claimant, Figure, PlaceRef
from app.models import Actor, ActorAlias, Claim, ClaimActor, ClaimPlace, Place, RegistryTag, Source
from app.services.outlets import spelled_alike

_SPACE = re.compile(r"\s+")


# Governorates that are one area for telling incidents apart: the capital lies inside Rif
# Dimashq ("Damascus countryside"), and an incident told as "on the outskirts of Damascus"
# or "in Damascus" is often in Eastern Ghouta (the extraction's claims and the FA-KES
# labels read the two as one in the same way).
ONE_AREA: tuple[tuple[str, ...], ...] = (("Damascus", "Rif Dimashq"),)


class Gazetteer:
    """The gazetteer's parent chains (small: loaded once, again when it changes)."""

    def __init__(self, rows: list[Any]) -> None:
        self.rows = {r.id: r for r in rows}
        self._refs: dict[int, PlaceRef] = {}
        self._below: dict[int, list[int]] = {}
        self._twin_ids: dict[int, list[int]] | None = None

    def below(self, place_id: int) -> list[int]:
        """The place and every place inside it (the gazetteer is small)."""
        if not self._below:
            children: dict[int, list[int]] = defaultdict(list)
            for r in self.rows.values():
                if r.parent_id is not None:
                    children[r.parent_id].append(r.id)
            for pid in self.rows:
                out, todo = [], [pid]
                while todo:
                    cur = todo.pop()
                    if cur not in out:
                        out.append(cur)
                        todo += children.get(cur, [])
                self._below[pid] = sorted(out)
        return self._below.get(place_id, [place_id])

    def compatible(self, p: PlaceRef) -> list[int]:
        """Specific places a claim at `p` may share an event with: itself, the specific
        places it lies in, and every place inside it; and, as a city named as its
        governorate may mean the province (app.linking.match), that city for a place of
        its governorate, and every place of the governorate for that city."""
        up = [i for i in p.chain if self.rows[i].kind not in ("country", "governorate", "region")]
        found = set(up) | set(self.below(p.id))
        if p.governorate_id is not None:
            province = self.below(p.governorate_id)
            found |= set(province) if p.namesake else {i for i in province if self._namesake(i)}
        return sorted(found)

    def _namesake(self, place_id: int) -> bool:
        r = self.rows[place_id]
        return bool(r.kind == "city" and r.name == r.governorate)

    def _twins(self) -> dict[int, list[int]]:
        """Each governorate of `ONE_AREA`: the other governorates of its area (ids)."""
        if self._twin_ids is None:
            ids = {r.name: i for i, r in self.rows.items() if r.kind == "governorate"}
            self._twin_ids = {
                ids[name]: [ids[other] for other in group if other != name and other in ids]
                for group in ONE_AREA
                for name in group
                if name in ids
            }
        return self._twin_ids

    def ref(self, place_id: int) -> PlaceRef:
        if place_id not in self._refs:
            chain, cur = [], place_id
            while cur is not None and cur not in chain:
                chain.append(cur)
                cur = self.rows[cur].parent_id
            gov = next((i for i in chain if self.rows[i].kind == "governorate"), None)
            r = self.rows[place_id]
            ref = PlaceRef(r.id, r.name, r.kind, tuple(chain), gov)
            self._refs[place_id] = PlaceRef(
                r.id, r.name, r.kind, tuple(chain), gov, tuple(sorted(self.areas(ref))),
                self._namesake(r.id), r.governorate,
            )  # fmt: skip
        return self._refs[place_id]

    def areas(self, p: PlaceRef) -> set[int]:
        """Where a place is indexed: its governorate (with the one it forms an area with,
        `ONE_AREA`) and any region it lies in, else its outermost place below the country.
        A place and any place inside it share one."""
        found = {i for i in p.chain if self.rows[i].kind in ("governorate", "region")}
        if found:
            return found | {t for i in found for t in self._twins().get(i, ())}
        below = [i for i in p.chain if self.rows[i].kind != "country"]
        return {below[-1] if below else p.id}


_GAZETTEER: dict[tuple[Any, ...], Gazetteer] = {}
_GAZETTEER_ROWS = sa.select(
    Place.id, Place.name, Place.kind, Place.parent_id, Place.governorate, Place.country_code
)


def gazetteer(session: Session) -> Gazetteer:
    """The gazetteer for `session`'s database, kept while its places' tag stays (any write
    to a place or a place's alias draws a new one: models/registry.py)."""
    session.flush()  # Core from here: places as written
    conn = session.connection()
    tag = conn.execute(sa.select(RegistryTag.places)).scalar_one_or_none()
    key = (str(session.get_bind().engine.url), tag)
    if tag is None or key not in _GAZETTEER:
        rows = conn.execute(_GAZETTEER_ROWS).all()
        _GAZETTEER.clear()
        _GAZETTEER[key] = Gazetteer(list(rows))
    return _GAZETTEER[key]


# The statements below are built once, with their id lists as expanding parameters:
# building and keying a statement for each document cost more than running it.
_IDS = sa.bindparam("ids", expanding=True)


def _up() -> sa.Select[Any]:
    """The actors and all their ancestors, in one recursive query."""
    up = sa.select(Actor.id, Actor.parent_id).where(Actor.id.in_(_IDS)).cte("up", recursive=True)
    up = up.union(sa.select(Actor.id, Actor.parent_id).join(up, Actor.id == up.c.parent_id))
    return sa.select(up.c.id, up.c.parent_id)


_UP = _up()


def _actor_chains(conn: sa.Connection, ids: set[int]) -> dict[int, tuple[int, ...]]:
    if not ids:
        return {}
    parents: dict[int, int | None] = dict(conn.execute(_UP, {"ids": sorted(ids)}).all())
    chains = {}
    for i in ids:
        chain, cur = [], i
        while cur is not None and cur not in chain:
            chain.append(cur)
            cur = parents.get(cur)
        chains[i] = tuple(chain)
    return chains


# a source that "told SANA's reporter" speaks through SANA: one voice with it, as an outlet
# quoting SANA is ("Medical sources in the city told SANA's reporter that the hospitals
# received 44 bodies" and SANA's own toll are not two claimants)
_TOLD_SANA = re.compile(
    r"\btold (?:the )?SANA\b|\bSANA(?:'?s)? (?:reporter|correspondent)\b|\bto SANA\b"
)

# an outlet speaking in its own words is its registry media actor, found by any of the
# outlet's names (SANA's own reports and "SANA said" in another outlet are one voice)
_NAMES = sa.bindparam("names", expanding=True)
_MEDIA = sa.union_all(
    sa.select(Actor.id, sa.func.lower(Actor.name)).where(
        sa.func.lower(Actor.name).in_(_NAMES), Actor.kind == "media", Actor.merged_into_id.is_(None)
    ),
    sa.select(Actor.id, sa.func.lower(ActorAlias.alias))
    .join(ActorAlias, ActorAlias.actor_id == Actor.id)
    .where(
        sa.func.lower(ActorAlias.alias).in_(_NAMES),
        Actor.kind == "media",
        Actor.merged_into_id.is_(None),
    ),
)


def _outlet_actors(conn: sa.Connection, outlets: set[str]) -> dict[str, int]:
    """The registry actor of each outlet string (lowercased) that names one: by the
    outlet's curated names ("alaraby": The New Arab, Al-Araby Al-Jadeed) or the string."""
    if not outlets:
        return {}
    alike = spelled_alike()
    names = {raw: alike.get(raw, frozenset((raw,))) for raw in outlets}
    found: dict[str, set[int]] = defaultdict(set)
    wanted = sorted(set().union(*names.values()))
    for actor_id, name in conn.execute(_MEDIA, {"names": wanted}).all():
        found[name].add(actor_id)
    out = {}
    for raw, spelled in names.items():
        ids = sorted({i for n in spelled for i in found.get(n, ())})
        if ids:
            out[raw] = ids[0]
    return out


def _voice(claim: Any, sha: str, outlet: str | None, chain: tuple[int, ...]) -> Claimant:
    """Who speaks in `claim` (a row with its claimant actor's name and kind joined)."""
    if claim.in_comments:
        return Claimant(f"comment:{sha}:{claim.char_start}", "a reader comment")
    if claim.claimant_id is not None and claim.claimant_name is not None:
        return Claimant(
            f"actor:{chain[-1]}", claim.claimant_name, claim.claimant_id, claim.claimant_kind, chain
        )
    rule = ((claim.derivation or {}).get("claimant") or {}).get("rule")
    if claim.claimant_text and rule not in ("outlet", None):
        said = _SPACE.sub(" ", claim.claimant_text.lower()).strip()
        return Claimant(f"text:{sha}:{said}", claim.claimant_text)
    return Claimant(f"outlet:{(outlet or sha).lower()}", outlet or "the source")


def load_records(
    session: Session, claim_ids: Iterable[int], places: Gazetteer | None = None
) -> dict[int, ClaimRecord]:
    """Claim records for `claim_ids`, with five queries whatever their number (per chunk of
    2,000)."""
    ids = sorted(set(claim_ids))
    if not ids:
        return {}
    places = places or gazetteer(session)
    session.flush()  # the source's fields set since (body_end, primary place) are read here
    # Core statements on the session's connection: these rows need no ORM entities
    conn = session.connection()
    out: dict[int, ClaimRecord] = {}
    for chunk in _chunks(ids):
        out.update(_load_chunk(conn, chunk, places))
    return out


def _chunks(ids: list[int]) -> Iterable[list[int]]:
    return (ids[i : i + 2000] for i in range(0, len(ids), 2000))


def _key(sha: str, char_start: int) -> str:
    """A claim's key (ClaimRecord.key): the same whatever the database or import order."""
    return f"{sha}:{char_start:07d}"


_CLAIMANT = aliased(Actor, name="claimant")


_col = Claim.__table__.c
_CLAIMS = (
    sa.select(
        _col.id, _col.source_id, _col.char_start, _col.char_end, _col.text, _col.claimant_id,
        _col.claimant_text, _col.hedged, _col.in_comments, _col.event_type,
        _col.event_date_start, _col.event_date_end, _col.event_date_precision, _col.quantities,
        _col.derivation, Source.content_sha256, Source.outlet, Source.published_on,
        Source.primary_place_id, _CLAIMANT.name.label("claimant_name"),
        _CLAIMANT.kind.label("claimant_kind"),
    )
    .join(Source, Source.id == _col.source_id)
    .outerjoin(_CLAIMANT, _CLAIMANT.id == _col.claimant_id)
    .where(_col.id.in_(_IDS))
)  # fmt: skip
_ACTORS = (
    sa.select(ClaimActor.claim_id, ClaimActor.actor_id, ClaimActor.role, Actor.name, Actor.kind)
    .join(Actor, Actor.id == ClaimActor.actor_id)
    .where(ClaimActor.claim_id.in_(_IDS))
    .order_by(ClaimActor.claim_id, ClaimActor.id)
)
_PLACES = (
    sa.select(ClaimPlace.claim_id, ClaimPlace.place_id, ClaimPlace.char_start)
    .where(ClaimPlace.claim_id.in_(_IDS))
    .order_by(ClaimPlace.claim_id, ClaimPlace.id)
)
# the claims of some articles that name a place, in order, with the words they open with
# and each place they name: where each article's passages are (`_passages`)
_SOURCES = sa.bindparam("sources", expanding=True)
_OPENINGS = (
    sa.select(
        _col.id, _col.source_id, _col.char_start, sa.func.substr(_col.text, 1, 160).label("head"),
        ClaimPlace.place_id, ClaimPlace.char_start.label("named_at"),
    )
    .join(ClaimPlace, ClaimPlace.claim_id == _col.id)
    .where(_col.source_id.in_(_SOURCES), sa.not_(_col.in_comments))
    .order_by(_col.source_id, _col.char_start, ClaimPlace.id)
)  # fmt: skip


def _own_places(
    spots: list[tuple[int, int]], text: str, char_start: int, places: Gazetteer
) -> list[PlaceRef]:
    """The places a claim names as where it happened (of `spots`, its place ids and where
    they are named in the source)."""
    # "162 kilometers north of the capital Damascus": where it is measured from
    near = (p for p, at in spots if not where.far_reference(text, at - char_start))
    named = [places.ref(p) for p in dict.fromkeys(near)]
    own = [p for p in named if p.kind != "country"]
    if not own:
        # "In neighbouring Iraq meanwhile ...": abroad, not where its article is
        return [p for p in named if places.rows[p.id].country_code != "SY"]
    # "Khan Sheikhoun in Idlib province": the town is where it happened
    return [p for p in own if p.specific] or own


# a claim that names its place in its first words ("In Daraa, an army unit...", "Daraa Army
# units on Sunday...") opens a passage about that place, as a roundup's items do
PASSAGE_OPENING = 25


def _passages(
    conn: sa.Connection, unplaced: list[Any], places: Gazetteer
) -> dict[int, tuple[PlaceRef, ...]]:
    """Where each of `unplaced` (claim rows that name no place of their own) is, when its
    article has moved on to another place before it: claim id -> that claim's places. The
    last claim before it that names a place moved the article on ("Meanwhile the
    Observatory said 48 people were executed in the village of Rityan", or "Daraa Army
    units on Sunday destroyed...", naming its place first): the claim is about that
    place, not the article's. Or that last claim's places lie in those of the passage's
    opening claim (a roundup's villages after "Daraa ..."): the claim is in the passage's
    place."""
    if not unplaced:
        return {}
    by_source: dict[int, dict[int, Any]] = defaultdict(dict)  # source -> claim id -> its rows
    found = conn.execute(_OPENINGS, {"sources": sorted({c.source_id for c in unplaced})})
    for row in found:
        by_source[row.source_id].setdefault(row.id, []).append(row)
    # per article, in order: (start, its places, whether it moves the article on)
    placed: dict[int, list[tuple[int, tuple[PlaceRef, ...], bool]]] = defaultdict(list)
    for source, claims in by_source.items():
        for rows in claims.values():
            first = rows[0]
            spots = [(r.place_id, r.named_at) for r in rows]
            own = _own_places(spots, first.head, first.char_start, places)
            if own:
                ids = {p.id for p in own}
                opens = any(at - first.char_start <= PASSAGE_OPENING for p, at in spots if p in ids)
                moving = opens or facts.moves_on_words(first.head) is not None
                placed[source].append((first.char_start, tuple(own), moving))
    out: dict[int, tuple[PlaceRef, ...]] = {}
    for c in unplaced:
        before = [(own, moving) for at, own, moving in placed[c.source_id] if at < c.char_start]
        if not before:
            continue
        last, moving = before[-1]
        opener = next((own for own, opens in reversed(before) if opens), None)
        if moving:
            out[c.id] = last
        elif opener and all(_within(p, opener) for p in last):
            out[c.id] = opener  # the passage's villages after "Daraa Army units...": Daraa's
    return out


def _within(p: PlaceRef, area: tuple[PlaceRef, ...]) -> bool:
    """Is `p` one of `area`'s places, inside one, or in the governorate of one?"""
    return any(
        a.id in p.chain or (a.governorate_id and a.governorate_id == p.governorate_id) for a in area
    )


def _load_chunk(conn: sa.Connection, ids: list[int], places: Gazetteer) -> dict[int, ClaimRecord]:
    rows = conn.execute(_CLAIMS, {"ids": ids}).all()
    links: dict[int, list[Any]] = defaultdict(list)
    for link in conn.execute(_ACTORS, {"ids": ids}).all():
        links[link.claim_id].append(link)
    spots: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for claim_id, place_id, char_start in conn.execute(_PLACES, {"ids": ids}).all():
        spots[claim_id].append((place_id, char_start))
    actor_ids = {link.actor_id for ls in links.values() for link in ls}
    actor_ids |= {r.claimant_id for r in rows if r.claimant_id}
    # a claim without a claimant speaks through a registry media actor: SANA, for a source
    # that told SANA; else its outlet, when in the outlet's own words (below)
    told = {
        c.id
        for c in rows
        if c.claimant_id is None and not c.in_comments and _TOLD_SANA.search(c.text)
    }
    outlets = {c.outlet.lower() for c in rows if c.outlet and not c.claimant_id}
    by_outlet = _outlet_actors(conn, outlets | ({"sana"} if told else set()))
    actor_ids |= set(by_outlet.values())
    chains = _actor_chains(conn, actor_ids)
    named = {c.id: _own_places(spots[c.id], c.text, c.char_start, places) for c in rows}
    passages = _passages(conn, [c for c in rows if not named[c.id]], places)
    out = {}
    for c in rows:
        sha, outlet, published, primary = (
            c.content_sha256,
            c.outlet,
            c.published_on,
            c.primary_place_id,
        )
        own = named[c.id]
        voice = _voice(c, sha, outlet, chains.get(c.claimant_id or 0, ()))
        medium = by_outlet.get("sana") if c.id in told else None
        if medium is None and voice.voice.startswith("outlet:") and outlet:
            medium = by_outlet.get(outlet.lower())
        if medium is not None:
            voice = Claimant(f"actor:{chains[medium][-1]}", voice.name)
        inherited = not own and primary is not None and places.rows[primary].kind != "country"
        if inherited and places.rows[primary].governorate:
            # "in northern Syria" in an article about Deir ez-Zor: somewhere else
            inherited = where.outside_region(c.text, places.rows[primary].governorate) is None
        if inherited and c.id in passages:
            # after "Meanwhile ... in Rityan", about Rityan
            refs = list(passages[c.id])
        else:
            refs = own or ([places.ref(primary)] if inherited else [])
        out[c.id] = ClaimRecord(
            id=c.id,
            key=_key(sha, c.char_start),
            source_id=c.source_id,
            source_key=sha,
            outlet=outlet,
            published=published,
            start=c.char_start,
            end=c.char_end,
            text=c.text,
            claimant=voice,
            hedged=c.hedged,
            in_comments=c.in_comments,
            event_type=c.event_type,
            date_start=c.event_date_start,
            date_end=c.event_date_end,
            precision=c.event_date_precision,
            date_rule=((c.derivation or {}).get("event_date") or {}).get("rule"),
            places=tuple(refs),
            places_inherited=inherited,
            actors=tuple(
                ActorRef(link.actor_id, link.name, link.role, link.kind, chains[link.actor_id])
                for link in links[c.id]
            ),
            figures=tuple(
                Figure(
                    q["what"],
                    q.get("value"),
                    q.get("value_min"),
                    q.get("value_max"),
                    q.get("qualifier"),
                    bool(q.get("subset")),
                    q.get("surface") or "",
                    q.get("char_start"),
                    q.get("char_end"),
                )
                for q in c.quantities or ()
            ),  # fmt: skip
        )
    return out


# what dates a claim, and its words, read without its figures, actors or places
_DATED = (
    sa.select(
        _col.id, _col.source_id, _col.char_start, _col.char_end, _col.text,
        _col.event_date_start, _col.event_date_end, _col.event_date_precision,
        _col.derivation[("event_date", "rule")].as_string().label("date_rule"),
        Source.content_sha256, Source.published_on,
    )
    .join(Source, Source.id == _col.source_id)
    .where(_col.id.in_(_IDS))
)  # fmt: skip
_NOBODY = Claimant("", "")


def load_dated(session: Session, claim_ids: Iterable[int]) -> dict[int, ClaimRecord]:
    """Records holding only a claim's key, its words and what dates it (its window,
    precision and range): all that clustering reads of the claims around the ones a source
    touches (`match.firm_conflict`). Never give them to a linking decision: their voice,
    places, actors and figures are empty. One query whatever their number."""
    ids = sorted(set(claim_ids))
    conn = session.connection()
    out: dict[int, ClaimRecord] = {}
    for chunk in _chunks(ids):
        for c in conn.execute(_DATED, {"ids": chunk}):
            out[c.id] = ClaimRecord(
                id=c.id,
                key=_key(c.content_sha256, c.char_start),
                source_id=c.source_id,
                source_key=c.content_sha256,
                outlet=None,
                published=c.published_on,
                start=c.char_start,
                end=c.char_end,
                text=c.text,
                claimant=_NOBODY,
                hedged=False,
                in_comments=False,
                event_type="",
                date_start=c.event_date_start,
                date_end=c.event_date_end,
                precision=c.event_date_precision,
                date_rule=c.date_rule,
            )
    return out
