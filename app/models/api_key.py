"""API keys: who may read, review and correct, or manage; only the key's hash is stored."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

import sqlalchemy as sa
from pydantic import BaseModel
from sqlmodel import Field, SQLModel

from app.models.base import TZDateTime, utcnow

Role = Literal["reader", "editor", "admin"]
ROLES: tuple[Role, ...] = ("reader", "editor", "admin")  # each may do what those before it may


class ApiKey(SQLModel, table=True):
    __tablename__ = "api_key"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(sa_type=sa.String(64), unique=True, description="Who holds the key.")
    role: Role = Field(sa_type=sa.String(8))
    # sha256 of the key: a key is 256 random bits, so a plain hash cannot be reversed
    key_hash: str = Field(sa_type=sa.String(64), unique=True)
    created_at: datetime = Field(default_factory=utcnow, sa_type=TZDateTime)
    revoked_at: datetime | None = Field(default=None, sa_type=TZDateTime)


class ApiKeyPublic(BaseModel):
    name: str
    role: Role
    created_at: datetime
    revoked_at: datetime | None
