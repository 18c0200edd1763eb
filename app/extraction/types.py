"""What extraction returns: plain, frozen dataclasses with character spans.

Every span is a half-open ``[start, end)`` range of offsets into the exact text that
was passed to :func:`app.extraction.extract`, so ``text[m.start:m.end] == m.surface``
always holds. Nothing here knows about the database: entities are named by the
stable ``key`` (slug) they have in the shipped registry/gazetteer, and the import
service maps keys to rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal, get_args

DatePrecision = Literal["day", "week", "month", "year"]
PublishedPrecision = Literal["day", "month", "year"]
ActorRole = Literal["agent", "target", "claimant", "mentioned"]
ActorKind = Literal[
    "state_military",
    "militia",
    "jihadist_group",
    "rebel_group",
    "government",
    "state",
    "person",
    "media",
    "monitor",
    "international_org",
    "other",
]
PlaceKind = Literal[
    "country",
    "governorate",
    "district",
    "city",
    "town",
    "village",
    "neighbourhood",
    "airport",
    "facility",
    "region",
    "road",
]
EventType = Literal[
    "capture_territory",
    "battle",
    "airstrike",
    "shelling",
    "bombing",
    "siege",
    "ceasefire",
    "displacement",
    "casualties",
    "chemical_attack",
    "humanitarian",
    "negotiation",
    "destruction",
    "other",
]
QuantityKind = Literal["killed", "injured", "displaced", "fighters", "other"]
GeoPrecision = Literal["exact", "approximate", "centroid"]

# The longest event date range a claim may carry ("since March 2011" reaches the
# publication day); longer ones are background. Queries rely on it (claim_query).
MAX_EVENT_SPAN_DAYS = 366 * 20

ACTOR_KINDS: tuple[str, ...] = get_args(ActorKind)
# the kinds of actor that fight as groups of their own
ARMED_GROUP_KINDS = frozenset({"jihadist_group", "rebel_group", "militia"})
PLACE_KINDS: tuple[str, ...] = get_args(PlaceKind)
EVENT_TYPES: tuple[str, ...] = get_args(EventType)
QUANTITY_KINDS: tuple[str, ...] = get_args(QuantityKind)


@dataclass(frozen=True, slots=True)
class Why:
    """How one field got its value, so that a person can check it: the rule that decided,
    the cue words it acted on, and the span of text it rests on. ``start == end`` means
    the value does not come from the text (the outlet, the publication date)."""

    rule: str
    start: int = 0
    end: int = 0
    cue: str = ""
    note: str = ""


@dataclass(frozen=True, slots=True)
class PublishedDate:
    """The publication date read from the text itself (used only when the import gave none)."""

    value: date
    precision: PublishedPrecision
    start: int
    end: int
    surface: str


@dataclass(frozen=True, slots=True)
class ActorMention:
    key: str  # registry slug when curated; slug of `name` when not
    name: str  # canonical name (registry) or the cleaned surface (uncurated)
    kind: str  # one of ACTOR_KINDS
    curated: bool
    start: int
    end: int
    surface: str


@dataclass(frozen=True, slots=True)
class Unlisted:
    """A place the gazetteer lacks, as the text names and places it (unlisted.py)."""

    name: str
    kind: str  # one of PLACE_KINDS
    parent: str  # key of the gazetteer place it lies in (its governorate or city)
    governorate: str  # governorate name


@dataclass(frozen=True, slots=True)
class PlaceMention:
    key: str  # gazetteer slug (for an unlisted place, the slug it is created under)
    start: int
    end: int
    surface: str
    unlisted: Unlisted | None = None


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression resolved against the publication date; unresolvable ones are dropped."""

    date_start: date
    date_end: date
    precision: DatePrecision
    start: int
    end: int
    surface: str


@dataclass(frozen=True, slots=True)
class QuantityMention:
    """A count of people. ``value_min``/``value_max`` bound it as docs/annotation.md §8 says:
    "at least 70" is (70, None), "nearly 1,000" (None, 1000), "some 700" (700, 700),
    "100-150" (100, 150), "dozens" (None, None)."""

    what: str  # one of QUANTITY_KINDS
    value: int | None  # the stated number (a range's lower end); None for vague counts
    approx: bool
    qualifier: str | None  # at_least, over, nearly, up_to, less_than, about, range, vague
    surface: str
    start: int
    end: int
    value_min: int | None = None
    value_max: int | None = None
    subset: bool = False  # part of a count already given ("including three children")
    why: Why | None = None  # the word that says what happened to them


@dataclass(frozen=True, slots=True)
class DraftActor:
    actor: ActorMention
    role: ActorRole
    why: Why | None = None


@dataclass(frozen=True, slots=True)
class ClaimDraft:
    start: int  # the claim's evidence span; its text is text[start:end]
    end: int
    claimant: ActorMention | None  # who asserts it, when it maps to an actor
    claimant_text: str | None  # the attribution as written ("a monitor", "Syria's state media")
    hedged: bool
    in_comments: bool
    event_type: str  # one of EVENT_TYPES
    date: DateMention | None
    quantities: tuple[QuantityMention, ...] = ()
    actors: tuple[DraftActor, ...] = ()
    places: tuple[PlaceMention, ...] = ()
    # how the claimant (always), the hedge, the event type and the date were decided
    claimant_why: Why = Why("outlet")
    hedge_why: Why | None = None
    type_why: Why | None = None
    date_why: Why | None = None


@dataclass(slots=True)
class Extraction:
    body_end: int | None  # offset where comments/boilerplate begin, None if none found
    published: PublishedDate | None
    primary_place: str | None  # gazetteer slug of where the main events happen
    # the day relative dates were resolved against, and where it came from
    anchor: str | None = None
    actors: list[ActorMention] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    quantities: list[QuantityMention] = field(default_factory=list)
    claims: list[ClaimDraft] = field(default_factory=list)


# Registry/gazetteer entries, loaded once from app/extraction/data and synced into the
# actor/place tables by the import service.


@dataclass(frozen=True, slots=True)
class AliasEntry:
    alias: str
    valid_from: date | None = None
    valid_to: date | None = None


@dataclass(frozen=True, slots=True)
class ActorEntry:
    key: str
    name: str
    kind: str
    parent: str | None  # key of the parent actor (unit -> army, faction -> coalition)
    aliases: tuple[AliasEntry, ...] = ()


@dataclass(frozen=True, slots=True)
class PlaceEntry:
    key: str
    name: str
    kind: str  # one of PLACE_KINDS
    parent: str | None  # key of the parent place; governorates point at the country
    governorate: str | None  # governorate name, denormalised for filtering
    country_code: str
    lat: float | None
    lon: float | None
    geo_precision: str  # exact | approximate | centroid (governorate/country/region centroid)
    geonames_id: int | None
    aliases: tuple[str, ...] = ()
