"""Claims: statements made in a source, attributed to a claimant, with their character span."""

from __future__ import annotations

from datetime import date
from typing import Any

import sqlalchemy as sa
from pydantic import BaseModel
from sqlmodel import Field, SQLModel

from app.models.actor import ActorRef
from app.models.base import ActorRole, DatePrecision, EventType, JSONType


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
    event_type: EventType = Field(default="other", sa_type=sa.String(24), index=True)
    event_date_start: date | None = Field(
        default=None, description="First day the event may be on."
    )
    event_date_end: date | None = Field(default=None, description="Last day the event may be on.")
    event_date_precision: DatePrecision | None = Field(default=None, sa_type=sa.String(8))


class Claim(ClaimBase, table=True):
    __table_args__ = (
        sa.Index("ix_claim_source_id_char_start", "source_id", "char_start"),
        sa.Index("ix_claim_event_dates", "event_date_start", "event_date_end"),
    )

    id: int | None = Field(default=None, primary_key=True)
    source_id: int = Field(foreign_key="source.id", ondelete="CASCADE")
    claimant_id: int | None = Field(default=None, foreign_key="actor.id", index=True)
    quantities: list[dict[str, Any]] = Field(default_factory=list, sa_type=JSONType)


class Quantity(BaseModel):
    what: str = Field(description="killed, injured, displaced, fighters or other.")
    value: int | None = Field(description="The number; null for vague counts ('hundreds').")
    approx: bool
    qualifier: str | None = Field(description="at_least, nearly, over, less_than, some...")
    surface: str


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


class ClaimPublic(ClaimBase):
    id: int
    source_id: int
    claimant: ActorRef | None = Field(default=None, description="The claimant as an actor.")
    quantities: list[Quantity] = Field(default_factory=list)
    actors: list[ClaimActorPublic] = Field(default_factory=list)
    places: list[ClaimPlacePublic] = Field(default_factory=list)


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


class ClaimDetail(ClaimPublic):
    source: SourceRef
    evidence: Evidence
