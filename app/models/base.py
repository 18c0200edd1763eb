"""What every table shares: the metadata naming convention and column helpers."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Literal

import sqlalchemy as sa
from sqlmodel import SQLModel

# The domain vocabulary (kinds, roles, event types) is defined once, beside extraction.
from app.extraction.types import (  # noqa: F401  (re-exported for the model modules)
    ActorKind,
    ActorRole,
    DatePrecision,
    EventType,
    GeoPrecision,
    PlaceKind,
)

# Named constraints make migrations deterministic and downgrades possible on SQLite.
SQLModel.metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

JSONType = sa.JSON()
TZDateTime = sa.DateTime(timezone=True)

PublishedPrecision = Literal["day", "month", "year", "unknown"]
PublishedOrigin = Literal["metadata", "text", "none"]


def utcnow() -> datetime:
    return datetime.now(UTC)
