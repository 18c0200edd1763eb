"""Claims: statements made in a source, attributed to a claimant, with their character span."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from pydantic import BaseModel
from sqlmodel import Field, SQLModel

from app.models.actor import ActorRef
from app.models.base import ActorRole, DatePrecision, EventType, JSONType, TZDateTime
from app.models.revision import ReviewStatus


class ClaimBase(SQLModel):
    text: str = Field(
        sa_type=sa.Text, description="The claim as written: source.text[char_start:char_end]."
    )
    char_start: int = Field(description="Offset of the first character in the source text.")
    char_end: int = Field(description="Offset just past the last character (half-open span).")
    claimant_text: str | None = Field(
        default=None,
        sa_type=sa.String(512),
        description="Who makes the claim, as written ('a monitor', 'Syria's state media').",
    )
    hedged: bool = Field(default=False, description="Reportedly, allegedly, claimed, apparently...")
    in_comments: bool = Field(
        default=False, description="Made in reader comments, not the article."
    )
    event_type: EventType = Field(default="other", sa_type=sa.String(24))
    event_date_start: date | None = Field(
        default=None, description="First day the event may be on."
    )
    event_date_end: date | None = Field(default=None, description="Last day the event may be on.")
    event_date_precision: DatePrecision | None = Field(default=None, sa_type=sa.String(8))


class Claim(ClaimBase, table=True):
    __table_args__ = (
        sa.Index("ix_claim_source_id_char_start", "source_id", "char_start"),
        sa.Index("ix_claim_event_dates", "event_date_start", "event_date_end"),
        # in id order within a type (and a claimant): a page, deep or not, is an index range
        sa.Index("ix_claim_type_id", "event_type", "id"),
        sa.Index("ix_claim_claimant_type", "claimant_id", "event_type", "id"),
        # a claimant's claims in id order, whatever their type (claimant= alone)
        sa.Index("ix_claim_claimant_id", "claimant_id", "id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    source_id: int = Field(foreign_key="source.id", ondelete="CASCADE")
    claimant_id: int | None = Field(default=None, foreign_key="actor.id")
    quantities: list[dict[str, Any]] = Field(default_factory=list, sa_type=JSONType)
    # How each field was decided (ClaimDerivation's stored form); null for claims stored
    # before extractor version 3, until `claimdb reextract` refreshes them.
    derivation: dict[str, Any] | None = Field(default=None, sa_type=JSONType)
    review_status: ReviewStatus = Field(
        default="unreviewed",
        sa_type=sa.String(12),
        index=True,
        sa_column_kwargs={"server_default": "unreviewed"},
    )
    reviewed_by: str | None = Field(default=None, sa_type=sa.String(64))
    reviewed_at: datetime | None = Field(default=None, sa_type=TZDateTime)
    # The values a person set, by field (app.services.curation.CORRECTABLE), with the span
    # extraction gave the claim: re-extraction finds the claim by that span and applies
    # them again. Null until a person corrects it.
    corrections: dict[str, Any] | None = Field(default=None, sa_type=JSONType)


class Quantity(BaseModel):
    what: str = Field(description="killed, injured, displaced, fighters or other.")
    value: int | None = Field(description="The number; null for vague counts ('hundreds').")
    approx: bool
    qualifier: str | None = Field(
        description="at_least, over, nearly, up_to, less_than, about, range, vague; null "
        "when the number is stated as exact."
    )
    surface: str
    value_min: int | None = Field(
        default=None,
        description="Lowest number the wording allows ('at least 70': 70; 'nearly 1,000': "
        "null). With value_max, how figures from different claimants are compared.",
    )
    value_max: int | None = Field(
        default=None, description="Highest number the wording allows ('nearly 1,000': 1000)."
    )
    subset: bool = Field(
        default=False,
        description="Part of a figure already given ('including three children'): not added.",
    )
    char_start: int | None = Field(default=None, description="Span of the figure in the source.")
    char_end: int | None = None
    cue: str | None = Field(
        default=None, description="The word that says what happened to them ('killed', 'fled')."
    )


class ClaimActorPublic(ActorRef):
    role: ActorRole
    char_start: int | None = Field(
        description="Span of the name in the source; null when the claimant is the outlet "
        "itself (publication metadata, not text)."
    )
    char_end: int | None


class ClaimPlacePublic(BaseModel):
    id: int
    name: str
    kind: str
    governorate: str | None
    lat: float | None
    lon: float | None
    geo_precision: str
    char_start: int
    char_end: int


class FigureBounds(BaseModel):
    """A claim's figures of one kind, added up (README "Figures")."""

    kind: str = Field(description="killed, injured or displaced.")
    low: int = Field(description="The sum of their lower bounds (none: 0).")
    high: int = Field(
        description="The sum of their upper bounds, an open-ended one ('at least 70') at "
        "its stated number."
    )


class ClaimPublic(ClaimBase):
    id: int
    source_id: int
    outlet: str | None = Field(default=None, description="The source's outlet.")
    published_on: date | None = Field(default=None, description="The source's publication date.")
    claimant: ActorRef | None = Field(default=None, description="The claimant as an actor.")
    quantities: list[Quantity] = Field(default_factory=list)
    figures: list[FigureBounds] = Field(
        default_factory=list,
        description="The quantities as numbers: killed, injured and "
        "displaced, each added up (the CSV's killed_min, killed_max...).",
    )
    actors: list[ClaimActorPublic] = Field(default_factory=list)
    places: list[ClaimPlacePublic] = Field(default_factory=list)
    event_id: int | None = Field(
        default=None, description="The event (GET /events/{id}) this claim is grouped into."
    )
    event_grade: str | None = Field(
        default=None,
        description="That event's grade: single_source, corroborated, contested or denied.",
    )
    review_status: ReviewStatus = Field(
        default="unreviewed",
        description="unreviewed (as extracted), confirmed or corrected by a person, or "
        "rejected (left out of lists unless include_rejected=true).",
    )
    reviewed_by: str | None = Field(default=None, description="Name of the reviewer's key.")
    reviewed_at: datetime | None = None
    corrected_fields: list[str] = Field(
        default_factory=list,
        description="The fields a person set (the others are as extracted): claimant, "
        "hedged, event_type, event_date, actors, places, quantities, span.",
    )


class Evidence(BaseModel):
    before: str = Field(description="Up to 200 characters of the source before the span.")
    span: str = Field(description="The claim's text, exactly source.text[char_start:char_end].")
    after: str = Field(description="Up to 200 characters after the span.")


class SourceRef(BaseModel):
    id: int
    title: str | None
    outlet: str | None
    url: str | None
    published_on: date | None


class Derived(BaseModel):
    """How one field got its value."""

    rule: str = Field(
        description="The rule that decided it. Claimant: attribution, according_to, anaphor, "
        "quote, descriptor, outlet, passive, comment. Event date: own, statement, inherited, "
        "present, since. Roles: subject, passive_subject, object, by, weapon, accused, party, "
        "claimed, listed, loser, holder, sponsor, media, mentioned."
    )
    evidence: tuple[int, int] | None = Field(
        default=None,
        description="[start, end) of the words the value rests on; null when it does not "
        "come from the text (the outlet as claimant).",
    )
    text: str | None = Field(default=None, description="source.text[start:end].")
    cue: str | None = Field(
        default=None, description="The word that triggered the rule ('said', 'reportedly')."
    )
    note: str | None = Field(default=None, description="The reasoning, for a person.")


class ClaimantDerived(Derived):
    actor: ActorRef | None = Field(default=None, description="The claimant as resolved.")


class DateDerived(Derived):
    anchor: str | None = Field(
        default=None,
        description="The day relative expressions were resolved against and where it came "
        "from ('published 2016-11-27 (import metadata)').",
    )


class ActorDerived(Derived):
    actor: ActorRef
    role: ActorRole


class ClaimDerivation(BaseModel):
    """Why each field of the claim has its value; every span indexes the source text."""

    claimant: ClaimantDerived
    hedged: Derived | None = Field(default=None, description="The hedge word, when hedged.")
    event_type: Derived | None = Field(default=None, description="The event cue.")
    event_date: DateDerived | None = Field(default=None, description="Null when undated.")
    actors: list[ActorDerived] = Field(default_factory=list)


class ClaimExported(ClaimPublic):
    """A claim as exported in JSON Lines: its fields and how each was derived."""

    derivation: ClaimDerivation | None = Field(
        default=None,
        description="How each field was derived, with its evidence. Null for claims "
        "extracted before derivations were kept (`claimdb reextract` adds them).",
    )


class ClaimDetail(ClaimExported):
    source: SourceRef
    evidence: Evidence
