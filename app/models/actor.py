"""Actors: armed groups, states, people, media and monitors, with aliases and affiliations."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from pydantic import BaseModel
from sqlmodel import Field, SQLModel

from app.models.base import ActorKind


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


class ActorAlias(SQLModel, table=True):
    __tablename__ = "actor_alias"
    __table_args__ = (sa.UniqueConstraint("actor_id", "alias"),)

    id: int | None = Field(default=None, primary_key=True)
    actor_id: int = Field(foreign_key="actor.id", ondelete="CASCADE")
    alias: str = Field(sa_type=sa.String(256))
    key: str = Field(sa_type=sa.String(256), index=True, description="normalize_key(alias)")
    valid_from: date | None = None
    valid_to: date | None = None


class AliasPublic(BaseModel):
    alias: str
    valid_from: date | None = None
    valid_to: date | None = None


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


class ActorDetail(ActorPublic):
    children: list[ActorRef] = Field(
        default_factory=list, description="Units and affiliates one level down."
    )
