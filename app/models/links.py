"""Link tables with attributes: which actors and places a claim names, where, in what role."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from app.models.base import ActorRole, JSONType


class ClaimActor(SQLModel, table=True):
    __tablename__ = "claim_actor"
    __table_args__ = (sa.Index("ix_claim_actor_actor_role", "actor_id", "role", "claim_id"),)

    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claim.id", index=True, ondelete="CASCADE")
    actor_id: int = Field(foreign_key="actor.id")
    role: ActorRole = Field(sa_type=sa.String(12))
    # Null when the actor is not named in the text: the outlet itself as the claimant.
    char_start: int | None = None
    char_end: int | None = None


class ClaimPlace(SQLModel, table=True):
    __tablename__ = "claim_place"
    __table_args__ = (sa.Index("ix_claim_place_place_claim", "place_id", "claim_id"),)

    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claim.id", index=True, ondelete="CASCADE")
    place_id: int = Field(foreign_key="place.id")
    char_start: int
    char_end: int


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
