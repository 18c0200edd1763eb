"""Link tables with attributes: which actors and places a claim names, where, in what role."""

from __future__ import annotations

from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from app.extraction.types import MAX_EVENT_SPAN_DAYS
from app.models.base import ActorRole, JSONType

# Links hold a copy of their claim's event dates and the class of its span (how many days
# from start to end, at most SPAN_CLASSES[class]), indexed after the actor or place: an
# actor or place with a date range is then, per class, one index range on the start date
# that reaches back only as far as that class's spans can (issue #15). One bound for all
# (20 years) would make every range reach back 20 years. services/store.py writes them.
SPAN_CLASSES = (7, 31, 366, MAX_EVENT_SPAN_DAYS)


def span_class(days: int) -> int:
    return next((i for i, most in enumerate(SPAN_CLASSES) if days <= most), len(SPAN_CLASSES) - 1)


def _dated(key: str, table: str) -> sa.Index:
    return sa.Index(
        f"ix_{table}_{key.removesuffix('_id')}_dates",
        key,
        "event_span",
        "event_date_start",
        "event_date_end",
        "claim_id",
    )


def _in_claim_order(key: str, table: str) -> sa.Index:
    """The links of one actor or place in claim order, with their dates: a page of claims in
    id order merges these ranges and stops at its end (services/claim_query.Merge)."""
    name = f"ix_{table}_{key.removesuffix('_id')}_claim_dates"
    return sa.Index(name, key, "claim_id", "event_date_start", "event_date_end")


def _typed(key: str, table: str) -> sa.Index:
    """The links of one actor or place with one event type, in claim order: an actor or
    place with `event_type` is one index range, where the claim's own event_type cost a
    lookup of every linked claim (Palmyra + shelling at 1M: 8,056 claims read for 220)."""
    return sa.Index(f"ix_{table}_{key.removesuffix('_id')}_type", key, "event_type", "claim_id")


class ClaimActor(SQLModel, table=True):
    __tablename__ = "claim_actor"
    __table_args__ = (
        sa.Index("ix_claim_actor_actor_role", "actor_id", "role", "claim_id"),
        _dated("actor_id", "claim_actor"),
        _in_claim_order("actor_id", "claim_actor"),
        _typed("actor_id", "claim_actor"),
    )

    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claim.id", index=True, ondelete="CASCADE")
    actor_id: int = Field(foreign_key="actor.id")
    role: ActorRole = Field(sa_type=sa.String(12))
    # Null when the actor is not named in the text: the outlet itself as the claimant.
    char_start: int | None = None
    char_end: int | None = None
    # the claim's, copied (see SPAN_CLASSES and _typed)
    event_date_start: date | None = None
    event_date_end: date | None = None
    event_span: int | None = Field(default=None, sa_type=sa.SmallInteger)
    event_type: str | None = Field(default=None, sa_type=sa.String(24))


class ClaimPlace(SQLModel, table=True):
    __tablename__ = "claim_place"
    __table_args__ = (
        # a claim's links, and whether one names a place, from the index alone
        sa.Index("ix_claim_place_claim_place", "claim_id", "place_id"),
        _dated("place_id", "claim_place"),
        _in_claim_order("place_id", "claim_place"),
        _typed("place_id", "claim_place"),
    )

    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claim.id", ondelete="CASCADE")
    place_id: int = Field(foreign_key="place.id")
    char_start: int
    char_end: int
    # the claim's, copied (see SPAN_CLASSES and _typed)
    event_date_start: date | None = None
    event_date_end: date | None = None
    event_span: int | None = Field(default=None, sa_type=sa.SmallInteger)
    event_type: str | None = Field(default=None, sa_type=sa.String(24))


class Mention(SQLModel, table=True):
    """Every actor, place, date and quantity found in a source, claim or not."""

    id: int | None = Field(default=None, primary_key=True)
    source_id: int = Field(foreign_key="source.id", ondelete="CASCADE")
    kind: str = Field(sa_type=sa.String(12))
    actor_id: int | None = Field(default=None, foreign_key="actor.id", index=True)
    place_id: int | None = Field(default=None, foreign_key="place.id", index=True)
    surface: str = Field(sa_type=sa.String(512))
    char_start: int
    char_end: int
    value: dict[str, Any] | None = Field(default=None, sa_type=JSONType)

    __table_args__ = (sa.Index("ix_mention_source_start", "source_id", "char_start"),)
