"""Actors: armed groups, states, people, media and monitors, with aliases and affiliations."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from pydantic import BaseModel
from sqlmodel import Field, SQLModel

from app.models.base import ActorKind, JSONType


class ActorBase(SQLModel):
    name: str = Field(sa_type=sa.String(256), description="Canonical name.")
    kind: ActorKind = Field(sa_type=sa.String(24), index=True)
    curated: bool = Field(
        default=False, description="True for registry actors; false for names found in text."
    )


class Actor(ActorBase, table=True):
    id: int | None = Field(default=None, primary_key=True)
    slug: str = Field(sa_type=sa.String(256), unique=True)
    parent_id: int | None = Field(default=None, foreign_key="actor.id", index=True)
    # set by a merge: this row is a tombstone, its claims and names moved there
    merged_into_id: int | None = Field(default=None, index=True)
    corrected_fields: list[str] | None = Field(default=None, sa_type=JSONType)


class ActorAlias(SQLModel, table=True):
    __tablename__ = "actor_alias"
    __table_args__ = (sa.UniqueConstraint("actor_id", "alias"),)

    id: int | None = Field(default=None, primary_key=True)
    actor_id: int = Field(foreign_key="actor.id", ondelete="CASCADE")
    alias: str = Field(sa_type=sa.String(256))
    key: str = Field(sa_type=sa.String(256), index=True, description="normalize_key(alias)")
    valid_from: date | None = None
    valid_to: date | None = None
    # the key name of the editor who added it (None: the shipped registry's)
    added_by: str | None = Field(default=None, sa_type=sa.String(64))


class AliasPublic(BaseModel):
    alias: str
    valid_from: date | None = None
    valid_to: date | None = None
    added_by: str | None = Field(
        default=None, description="The editor who added it; null for the registry's."
    )


class ActorRef(BaseModel):
    id: int
    name: str
    kind: str


class ActorPublic(ActorBase):
    id: int
    slug: str
    parent: ActorRef | None = None
    aliases: list[AliasPublic] = Field(default_factory=list)
    claim_count: int = 0
    corrected_fields: list[str] = Field(
        default_factory=list,
        description="Fields a person corrected (name, kind, parent, aliases); the others "
        "are the registry's or as found in the text.",
    )
    merged_into: ActorRef | None = Field(
        default=None, description="Set when this actor was merged into another one."
    )


class ActorDetail(ActorPublic):
    children: list[ActorRef] = Field(
        default_factory=list, description="Units and affiliates one level down."
    )
