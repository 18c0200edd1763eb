"""One document in, one :class:`Extraction` out.

Order matters only for the publication date: it is read from the text first and, with
the supplied metadata, fixes the reference day that relative dates ("on Wednesday") and
dated actor aliases resolve against. Metadata wins over the text; a reference is used
only at day precision, since "yesterday" in a paper known only by its month is unknown.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date
from typing import TypeVar

from app.extraction.actors import find_actors, seat_actors
from app.extraction.boilerplate import find_body_end
from app.extraction.claims import find_claims
from app.extraction.dates import find_dates
from app.extraction.generic import find_generic, widen
from app.extraction.normalize import slugify
from app.extraction.places import find_places
from app.extraction.primary_place import primary_place
from app.extraction.published import find_published, title_end
from app.extraction.quantities import find_quantities
from app.extraction.registry import Additions, actor_entries, actor_entry, per_registry, using
from app.extraction.types import ActorEntry, ActorMention, Extraction, PlaceMention, PublishedDate
from app.extraction.unlisted import find_unlisted

# Stored on each source; bump it when the output changes, so `claimdb reextract` (without
# --all) knows which sources are stale.
EXTRACTOR_VERSION = "163"

_SPEAKING_KINDS = ("media", "monitor")
_M = TypeVar("_M", ActorMention, PlaceMention)
# "(outlawed in Russia)": a publisher's legal notice, not where anything happens
_BANNED_BEFORE = re.compile(r"\b(?:banned|outlawed|prohibited|illegal)\s+in\s+$", re.I)


def _reference(
    published: date | None, precision: str | None, found: PublishedDate | None
) -> date | None:
    if published is not None and precision in (None, "day"):
        return published
    if found is None or found.precision != "day":
        return None
    if published is not None and (
        found.value.year != published.year
        or (precision == "month" and found.value.month != published.month)
    ):
        return None  # the text's date contradicts the metadata: trust neither for a day
    return found.value


def _anchor(reference: date | None, published: date | None, precision: str | None) -> str | None:
    if reference is None:
        return None
    day = f"{reference.isoformat()} ({reference.strftime('%A')})"
    if published is not None and precision in (None, "day"):
        return f"published {day}, from the import's metadata"
    return f"published {day}, as printed in the text"


def _compact(name: str) -> str:
    """Letters and digits only, without a leading Arabic article: how datasets key outlets
    ("dailysabah", "asharqalawsat", "manar" for Daily Sabah, Asharq Al-Awsat, Al-Manar)."""
    return re.sub(r"^(?:al|el)(?=.{4})", "", re.sub(r"[^a-z0-9]", "", name.lower()))


@per_registry()
def _publishers_by_compact_name() -> dict[str, ActorEntry]:
    """Actors that may publish, by their compact names: the media and monitors first, then
    any body but a state ("etilaf" is the National Coalition's own website)."""
    table: dict[str, ActorEntry] = {}
    for entry in sorted(actor_entries(), key=lambda e: e.kind not in _SPEAKING_KINDS):
        if entry.kind != "state":
            for name in (entry.name, *(a.alias for a in entry.aliases)):
                table.setdefault(_compact(name), entry)
    return table


@per_registry(maxsize=64)
def outlet_actor(outlet: str | None) -> ActorMention | None:
    """The outlet as a claimant, when it is a known media/monitor actor, or a body whose
    name the outlet is exactly (a party publishing its own statements).

    The outlet is metadata, not part of the text, so the mention has the empty span
    [0, 0): ``text[0:0] == ""`` keeps the span invariant while marking "not in the text".
    """
    if not outlet:
        return None
    entry = actor_entry(slugify(outlet))
    if entry is None or entry.kind not in _SPEAKING_KINDS:
        entry = _publishers_by_compact_name().get(_compact(outlet))
    if entry is not None:
        return ActorMention(entry.key, entry.name, entry.kind, True, 0, 0, "")
    for m in find_actors(outlet):
        if m.curated and m.kind in _SPEAKING_KINDS and m.end - m.start >= len(outlet.strip()) - 1:
            return ActorMention(m.key, m.name, m.kind, True, 0, 0, "")
    return None


def _holder(start: int, spans: list[_M], starts: list[int]) -> _M | None:
    """The last of `spans` (in text order, `starts` their starts) starting at or before
    `start`: the only one that can hold a mention there when they do not overlap."""
    k = bisect_right(starts, start) - 1
    return spans[k] if k >= 0 else None


def _inside_actor(p: PlaceMention, actors: list[ActorMention], starts: list[int]) -> bool:
    """Is the place part of a longer actor name? Actors do not overlap."""
    a = _holder(p.start, actors, starts)
    return a is not None and p.end <= a.end and a.end - a.start > p.end - p.start


def extract(
    text: str,
    *,
    published: date | None = None,
    published_precision: str | None = None,
    title: str | None = None,
    outlet: str | None = None,
    additions: Additions | None = None,
) -> Extraction:
    """`additions`: what editors added to the registry and gazetteer (aliases, places),
    laid over the shipped data for this extraction (registry.using)."""
    with using(additions):
        return _extract(text, published, published_precision, title, outlet)


def _in_place(text: str, a: ActorMention, places: list[PlaceMention], starts: list[int]) -> bool:
    """Is the actor's mention a place's name, or part of one? Only the last place starting
    at or before it is read: where a city is also named inside a longer place ("... Aleppo
    city"), an actor inside the longer one after the city is not found (kept as an actor).
    A person's name is also part of a place the gazetteer lacks when a word that starts
    place names comes before it ("Khan al-Assad") or a noun of place after it ("al-Assad
    residential suburb")."""
    q = _holder(a.start, places, starts)
    if q is not None and a.end <= q.end:
        return True
    return a.kind == "person" and bool(
        _PLACE_FIRST_WORD.search(text, max(0, a.start - 8), a.start)
        or _PLACE_NOUN_AFTER.match(text, a.end)
    )


_PLACE_FIRST_WORD = re.compile(r"\b(?:Khan|Tal|Tell|Tel|Deir|Kafr|Kfar|Ain|Bab|Jisr|Qasr|Beit)\s+$")
_PLACE_NOUN_AFTER = re.compile(
    r"\s+(?:residential\s+)?(?:suburb|district|neighbou?rhood|quarter|street|square|"
    r"roundabout|hospital|airport|stadium|dam|lake|academy|highway|bridge|university)\b",
    re.I,
)


def _extract(
    text: str,
    published: date | None,
    published_precision: str | None,
    title: str | None,
    outlet: str | None,
) -> Extraction:
    body_end = find_body_end(text)
    found = find_published(text, title=title)
    reference = _reference(published, published_precision, found)
    places = find_places(text)
    # a country used as a place is not also its state as an actor, nor is a name inside a
    # place's ("Dahiyet al-Assad", "al-Assad suburb"); a place inside an actor's name
    # ("International Syria Support Group") is not a place
    at = [p.start for p in places]
    actors = widen(
        text, [a for a in find_actors(text, on=reference) if not _in_place(text, a, places, at)]
    )
    starts = [a.start for a in actors]
    places = [
        p
        for p in places
        if not _inside_actor(p, actors, starts)
        and not _BANNED_BEFORE.search(text, max(0, p.start - 20), p.start)
        # "Damascus-based Shaam News Network": where an actor sits, not where the claim is
        and not text.startswith("-based", p.end)
    ]
    places = sorted(places + find_unlisted(text, places, actors), key=lambda p: p.start)
    actors = sorted(
        actors
        + find_generic(
            text, [(a.start, a.end) for a in actors], sorted((a.start, a.key) for a in actors)
        )
        + seat_actors(text, on=reference),
        key=lambda a: a.start,
    )
    dates = find_dates(text, reference=reference)
    quantities = find_quantities(text)
    # The header (publication date, repeated headline) is not a claim, and its date is
    # the page's, not an event's.
    header_end = max(found.end if found else 0, title_end(text, title) or 0)
    page_dates = [d for d in dates if found and d.start < found.end and found.start < d.end]
    claims = find_claims(
        text,
        actors=actors,
        places=places,
        dates=dates,
        quantities=quantities,
        body_end=body_end,
        header_end=header_end,
        outlet=outlet,
        outlet_actor=outlet_actor(outlet),
        exclude_dates=page_dates,
        reference=reference,
    )
    return Extraction(
        body_end=body_end,
        published=found,
        anchor=_anchor(reference, published, published_precision),
        primary_place=primary_place(text, places, title=title, body_end=body_end),
        actors=actors,
        places=places,
        dates=dates,
        quantities=quantities,
        claims=claims,
    )
