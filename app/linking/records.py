"""What linking knows about a claim: a frozen record, built by the events service from the
stored claim, its links and its source. Ids are only used to point back at rows; every
decision that could depend on import order uses `key` (the source's content hash and
the claim's offset), which is the same whatever order sources arrive in."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

# A claim whose date range is longer than this is about a period ("in the past two weeks",
# a siege's months, "since 2011"), not an incident ("early October" still is one): it is compared through what it says about onsets, never by
# overlapping dates, or every claim of a month would be one event.
INCIDENT_MAX_DAYS = 10
# how long before a statement or a publication the incident it reports may be
REPORT_LAG = timedelta(days=3)
PUBLISHED_LAG = timedelta(days=3)
# A dateline may be a day before the incident's day in Syria: an outlet dates by its own
# time zone ("21.02.2015" over the bombing of Sunday 22 February, "SOHR said Sunday").
DATELINE_SLACK = timedelta(days=1)
# A day this close to the first one there is (a document "published" in year 1) has no
# window: the lags and the index's margins before it would fall off the calendar.
EARLIEST_WINDOW = date.min + timedelta(days=366)


@dataclass(frozen=True, slots=True)
class PlaceRef:
    id: int
    name: str
    kind: str
    # the place itself, then its ancestors up to the country (ids)
    chain: tuple[int, ...]
    governorate_id: int | None
    # the governorates and regions it lies in (where a broad claim about it is indexed)
    areas: tuple[int, ...] = ()
    # a city named as its governorate ("Idlib", "Aleppo"): the name may be the province's
    namesake: bool = False
    # its governorate's name (None: the country, or a place outside any governorate)
    governorate: str | None = None

    @property
    def specific(self) -> bool:
        """A town, district or site: naming the same one is real evidence."""
        return self.kind not in ("country", "governorate", "region")


@dataclass(frozen=True, slots=True)
class ActorRef:
    id: int
    name: str
    role: str
    kind: str
    # the actor, then its parents (unit -> army -> government); the last is its side
    chain: tuple[int, ...]

    @property
    def side(self) -> int:
        return self.chain[-1]


@dataclass(frozen=True, slots=True)
class Figure:
    kind: str  # killed, injured, displaced, fighters, other
    value: int | None
    min: int | None
    max: int | None
    qualifier: str | None
    subset: bool
    surface: str
    start: int | None
    end: int | None


@dataclass(frozen=True, slots=True)
class Claimant:
    """Who speaks. `voice` is what independence is counted on: an actor's side (SANA, the
    army and the presidency are one voice: the Syrian government), the outlet itself when
    it speaks in its own name, or an unnamed speaker of one article."""

    voice: str
    name: str
    actor_id: int | None = None
    kind: str | None = None
    chain: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class ClaimRecord:
    id: int
    key: str  # "<source sha256>:<char_start>": stable across databases and import orders
    source_id: int
    source_key: str
    outlet: str | None
    published: date | None
    start: int
    end: int
    text: str
    claimant: Claimant
    hedged: bool
    in_comments: bool
    event_type: str
    date_start: date | None
    date_end: date | None
    precision: str | None
    date_rule: str | None  # own, statement, inherited, present, since (extraction's rule)
    places: tuple[PlaceRef, ...] = ()
    places_inherited: bool = False  # the source's primary place stands in for none named
    actors: tuple[ActorRef, ...] = ()
    figures: tuple[Figure, ...] = field(default=())
    # read once per record, not once per comparison (app.linking.facts.onset)
    onset: Any = field(default=None, init=False, compare=False, repr=False)
    window: tuple[date, date, str] | None = field(
        default=None, init=False, compare=False, repr=False
    )

    # readings of the text (cues, word pairs), kept once read: a record is compared with
    # every other claim of its event
    memo: dict[str, Any] = field(default=None, init=False, compare=False, repr=False)  # type: ignore[assignment]

    def __post_init__(self) -> None:
        from app.linking.facts import read_onset

        object.__setattr__(self, "memo", {})
        object.__setattr__(self, "window", self._window())
        object.__setattr__(self, "onset", read_onset(self))

    @property
    def broad(self) -> bool:
        """Placed only as a governorate or region, or by the article's main place: such a
        claim may be about any place of that area."""
        return self.places_inherited or not any(p.specific for p in self.places)

    @property
    def dated(self) -> bool:
        return self.date_start is not None and self.date_end is not None

    @property
    def dateless(self) -> bool:
        """Undated in an article that gives no date at all (no dateline, no day any claim
        of it dates): nothing says when, so only the days of the week it names can."""
        return not self.dated and self.published is None

    @property
    def incident_dated(self) -> bool:
        """Dated closely enough to be an incident (a day, a week, 'early October')."""
        return (
            self.dated and (self.date_end - self.date_start).days <= INCIDENT_MAX_DAYS  # type: ignore[operator]
        )

    def _window(self) -> tuple[date, date, str] | None:
        """Days the incident may be on, and how sure that is.

        A claim's own date is the incident's ("stated"). A date that is the statement's
        ("the monitor said on Wednesday") or the article's present tense allows the few
        days before it ("reported"), and the present tense, dated by the dateline, the day
        after it too (DATELINE_SLACK); an undated claim, the three days before publication
        ("published": a daily round-up's undated claims are of its day or the one before)
        and the day after it (DATELINE_SLACK).
        Periods longer than INCIDENT_MAX_DAYS are no incident (None).
        """
        first = self.date_start if self.incident_dated else self.published
        if first is not None and first < EARLIEST_WINDOW:
            return None
        if self.incident_dated:
            if self.date_rule == "statement":
                return self.date_start - REPORT_LAG, self.date_end, "reported"  # type: ignore[operator,return-value]
            if self.date_rule == "present":  # the dateline's day, as often a day early
                return self.date_start - REPORT_LAG, self.date_end + DATELINE_SLACK, "reported"  # type: ignore[operator,return-value]
            return self.date_start, self.date_end, "stated"  # type: ignore[return-value]
        if not self.dated and self.published is not None:
            return self.published - PUBLISHED_LAG, self.published + DATELINE_SLACK, "published"
        return None

    def role_actors(self, *roles: str) -> tuple[ActorRef, ...]:
        return tuple(a for a in self.actors if a.role in roles)

    @property
    def counted(self) -> tuple[Figure, ...]:
        """Figures that are a total of their kind (subsets are part of one already given)."""
        return tuple(f for f in self.figures if not f.subset and f.kind != "other")

    def label(self) -> str:
        """How a reason names this claim: its claimant and its outlet."""
        via = f" via {self.outlet}" if self.outlet and self.outlet != self.claimant.name else ""
        return f"{self.claimant.name}{via}"


def overlap(a: ClaimRecord, b: ClaimRecord) -> bool:
    return bool(
        a.dated and b.dated and a.date_start <= b.date_end and b.date_start <= a.date_end  # type: ignore[operator]
    )


def windows_overlap(a: ClaimRecord, b: ClaimRecord) -> bool:
    wa, wb = a.window, b.window
    return bool(wa and wb and wa[0] <= wb[1] and wb[0] <= wa[1])


def gap_days(a: ClaimRecord, b: ClaimRecord) -> int | None:
    """Days between the two date ranges (0 when they overlap); None if either is undated."""
    if not (a.dated and b.dated):
        return None
    if overlap(a, b):
        return 0
    if a.date_end < b.date_start:  # type: ignore[operator]
        return (b.date_start - a.date_end).days  # type: ignore[operator]
    return (a.date_start - b.date_end).days  # type: ignore[operator]


def date_text(r: ClaimRecord) -> str:
    if not r.dated:
        return "undated"
    if r.date_start == r.date_end:
        return r.date_start.isoformat()  # type: ignore[union-attr]
    return f"{r.date_start.isoformat()}..{r.date_end.isoformat()}"  # type: ignore[union-attr]
