"""Events (claims grouped by incident), relations between claims, the linking index and
framing counts. All of it is derived from claims (app/services/events.py writes it, and
`claimdb rebuild-events` can recompute it from scratch)."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

import sqlalchemy as sa
from pydantic import BaseModel
from sqlmodel import Field, SQLModel

from app.models.base import JSONType
from app.models.claim import SourceRef
from app.models.place import PlaceRef

Grade = Literal["single_source", "corroborated", "contested", "denied"]
RelationKind = Literal["corroborates", "contradicts", "updates", "repeats", "related"]

GRADE_HELP = {
    "single_source": "One claimant reports it (however many outlets carried it): provisional.",
    "corroborated": "Two or more independent claimants report it and none contradicts another.",
    "contested": "Independent claimants contradict each other (figures, date, control...).",
    "denied": "A party that the event's claims name as its agent denies it.",
}
RELATION_HELP = {
    "corroborates": "Same incident; independent claimants agree on a fact (a figure within "
    "both wordings, the same agent, or the same kind of attack at the same place and time, "
    "each claim naming the place itself and both telling a detail of it in the same words "
    "('police station', 'convoy': the reason lists them); "
    "within one article, only a figure: the kind of attack, its place, day and agent are the "
    "article's telling, which its claims share).",
    "contradicts": "Same incident; facts that cannot both be true: figures beyond what their "
    "qualifiers allow ('at least 12' vs '0'; 'nearly 1,000' vs '200'; '735' vs 'the toll "
    "is much higher', said of it right after), different dates or "
    "onsets, a different party in control, an accusation and its denial, a reader comment "
    "disputing the article.",
    "updates": "Same incident, same claimant, a later figure ('the toll rose to 86').",
    "repeats": "The same copy (wire copy, syndication) or the same claimant's statement "
    "carried again: it counts once.",
    "related": "Same incident, nothing to agree or disagree on (different aspects, or the "
    "same claimant saying it twice).",
}


class Event(SQLModel, table=True):
    __table_args__ = (sa.Index("ix_event_dates", "date_start", "date_end"),)

    id: int | None = Field(default=None, primary_key=True)
    # the smallest member claim's key (source hash:offset): the same in any import order
    key: str = Field(sa_type=sa.String(80), index=True)
    event_type: str = Field(sa_type=sa.String(24))
    date_start: date | None = None
    date_end: date | None = None
    date_precision: str | None = Field(default=None, sa_type=sa.String(8))
    place_id: int | None = Field(default=None, foreign_key="place.id")
    grade: str = Field(sa_type=sa.String(16), index=True)
    grade_reason: str = Field(sa_type=sa.Text)
    claim_count: int
    source_count: int = Field(index=True)
    claimant_count: int
    figures: dict[str, Any] = Field(default_factory=dict, sa_type=JSONType)
    claimants: list[dict[str, Any]] = Field(default_factory=list, sa_type=JSONType)
    actors: list[dict[str, Any]] = Field(default_factory=list, sa_type=JSONType)


class EventClaim(SQLModel, table=True):
    """A claim's event, with what its relations say about it (for the claim filters)."""

    __tablename__ = "event_claim"

    claim_id: int = Field(foreign_key="claim.id", primary_key=True, ondelete="CASCADE")
    event_id: int = Field(foreign_key="event.id", index=True, ondelete="CASCADE")
    corroborated_by: int = Field(default=0, index=True)
    contradicted: bool = Field(default=False, index=True)


class ClaimRelation(SQLModel, table=True):
    __tablename__ = "claim_relation"
    __table_args__ = (sa.UniqueConstraint("claim_a_id", "claim_b_id"),)

    id: int | None = Field(default=None, primary_key=True)
    claim_a_id: int = Field(foreign_key="claim.id", ondelete="CASCADE")
    claim_b_id: int = Field(foreign_key="claim.id", index=True, ondelete="CASCADE")
    kind: str = Field(sa_type=sa.String(16), index=True)
    # true: the two claims are linked themselves; false: they are in one event through
    # others (related claims of one event are compared too, only never grouped by it)
    direct: bool = True
    reason: str = Field(sa_type=sa.Text)
    agree: list[str] = Field(default_factory=list, sa_type=JSONType)
    differ: list[str] = Field(default_factory=list, sa_type=JSONType)
    detail: dict[str, Any] = Field(default_factory=dict, sa_type=JSONType)


class ClaimSlot(SQLModel, table=True):
    """The linking index: a claim under each specific place it names (kind 0), or each
    governorate or region it is vaguely placed in (kind 1), or where it dates a siege's
    onset (kind 2), or, placed nowhere and dated by its own words to one day, under each
    family of its event type (kind 3; `area_id` is then the family), by the first day it may
    be on; or, dated to a period too long to be an incident, under its governorates and
    regions by the period (kind 4); or, in an article that gives no date at all and naming a
    day of the week, under each specific place it names for all days (kind 5). A new claim's
    candidates are a few index range scans (app/services/linking_index.py)."""

    __tablename__ = "claim_slot"
    __table_args__ = (
        sa.Index(
            "ix_claim_slot_kind_area_day", "kind", "area_id", "day_start", "day_end", "claim_id"
        ),
    )

    claim_id: int = Field(foreign_key="claim.id", primary_key=True, ondelete="CASCADE")
    kind: int = Field(primary_key=True)
    area_id: int = Field(primary_key=True)
    day_start: date
    day_end: date


class Framing(SQLModel, table=True):
    """How often an outlet's article uses a framing word next to an actor's name."""

    __table_args__ = (sa.Index("ix_framing_actor_term", "actor_id", "term"),)

    id: int | None = Field(default=None, primary_key=True)
    source_id: int = Field(foreign_key="source.id", index=True, ondelete="CASCADE")
    actor_id: int = Field(foreign_key="actor.id")
    term: str = Field(sa_type=sa.String(32))
    count: int
    # the first occurrence, to check it against the text
    char_start: int
    char_end: int


# --- API shapes ---------------------------------------------------------------------


class FigureByClaimant(BaseModel):
    claim_id: int
    source_id: int
    outlet: str | None
    claimant: str
    claimant_id: int | None
    in_comments: bool
    value: str
    value_min: int | None
    value_max: int | None
    qualifier: str | None
    surface: str
    char_start: int | None
    char_end: int | None


class FigureRange(BaseModel):
    min: int | None = Field(description="The lowest count any member claim gives.")
    max: int | None = Field(description="The highest count any member claim gives.")
    by_claimant: list[FigureByClaimant] = Field(
        description="Each member claim's count of this kind, with its claimant, outlet and "
        "span: for killed, injured and displaced the claim's total (counts it lists together "
        "added up, 'a woman and nine children' is 10; a part of its own total left out), "
        "for fighters each figure it gives."
    )


class EventClaimant(BaseModel):
    claimant: str
    claimant_id: int | None
    outlets: list[str]
    claims: list[int]


class EventActor(BaseModel):
    id: int
    name: str
    roles: list[str]


class EventPublic(BaseModel):
    id: int
    event_type: str
    date_start: date | None
    date_end: date | None
    date_precision: str | None
    place: PlaceRef | None
    grade: Grade
    grade_reason: str
    claim_count: int
    source_count: int
    claimant_count: int


class EventMember(BaseModel):
    id: int
    text: str
    char_start: int
    char_end: int
    claimant: str
    claimant_id: int | None
    hedged: bool
    in_comments: bool
    event_type: str
    event_date_start: date | None
    event_date_end: date | None
    source: SourceRef


class RelationPublic(BaseModel):
    kind: RelationKind
    claim_a_id: int
    claim_b_id: int
    reason: str
    agree: list[str]
    differ: list[str]
    detail: dict[str, Any]


class EventDetail(EventPublic):
    figures: dict[str, FigureRange]
    claimants: list[EventClaimant]
    actors: list[EventActor]
    sources: list[SourceRef]
    claims: list[EventMember]
    relations: list[RelationPublic]


class RelatedClaim(BaseModel):
    claim: EventMember
    reason: str
    agree: list[str]
    differ: list[str]
    direction: Literal["updates", "updated_by"] | None = None
    detail: dict[str, Any]
    event_id: int | None = Field(
        default=None,
        description="The event the other claim is grouped in (None: in none). A relation "
        "weighs the evidence of two claims; events are built from all links at once, "
        "strongest first, and never hold two claims that firmly disagree (two days each "
        "states, or attacks on two sides of a front, one saying who holds the area) "
        "unless they are linked themselves: so a claim this one is linked to can stand "
        "in another event.",
    )


class EventRef(BaseModel):
    id: int
    grade: Grade
    grade_reason: str


class ClaimRelations(BaseModel):
    claim_id: int
    event: EventRef | None
    corroborates: list[RelatedClaim]
    contradicts: list[RelatedClaim]
    updates: list[RelatedClaim]
    repeats: list[RelatedClaim]
    related: list[RelatedClaim]


class FramingTerm(BaseModel):
    term: str
    count: int
    sources: int
    example: dict[str, Any] | None = None


class OutletFraming(BaseModel):
    outlet: str
    terms: list[FramingTerm]


class ActorFraming(BaseModel):
    actor_id: int
    actor: str
    outlets: list[OutletFraming]


class SourceActorFraming(BaseModel):
    actor_id: int
    actor: str
    terms: list[FramingTerm]


class SourceFraming(BaseModel):
    source_id: int
    outlet: str | None
    actors: list[SourceActorFraming]
