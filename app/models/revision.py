"""The audit trail: one append-only row per change a person made, with its reason."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

import sqlalchemy as sa
from pydantic import BaseModel
from sqlmodel import Field, SQLModel

from app.models.base import JSONType, TZDateTime, utcnow

EntityType = Literal["claim", "source", "actor", "place"]
ReviewStatus = Literal["unreviewed", "confirmed", "corrected", "rejected"]


class Revision(SQLModel, table=True):
    __table_args__ = (sa.Index("ix_revision_entity", "entity_type", "entity_id", "id"),)

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow, sa_type=TZDateTime, index=True)
    made_by: str = Field(sa_type=sa.String(64), index=True, description="The key's name.")
    entity_type: str = Field(sa_type=sa.String(8))
    entity_id: int
    action: str = Field(
        sa_type=sa.String(16), description="correct, review, delete, restore, carry, merge, add."
    )
    before: dict[str, Any] | None = Field(default=None, sa_type=JSONType)
    after: dict[str, Any] | None = Field(default=None, sa_type=JSONType)
    reason: str = Field(sa_type=sa.Text)


class RevisionPublic(BaseModel):
    id: int
    at: datetime
    by: str = Field(description="Name of the key that made the change (never the key).")
    entity_type: EntityType
    entity_id: int
    action: str = Field(
        description="correct, review, delete, restore, reapply, carry (a review taken over "
        "by a new version of the text), merge (an actor merged into another, recorded on "
        "both) or add (a place an editor added)."
    )
    before: dict[str, Any] | None = Field(description="The fields that changed, before.")
    after: dict[str, Any] | None = Field(description="The same fields, after.")
    reason: str
