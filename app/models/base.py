"""What every table shares: the metadata naming convention and column helpers."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Literal

import sqlalchemy as sa
from pydantic import AfterValidator
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


class UTCDateTime(sa.TypeDecorator[datetime]):
    """A timestamp that is timezone-aware UTC on every backend.

    SQLite keeps no offset, so its values come back naive and the API would answer
    "2016-11-27T10:00:00", which is not an RFC 3339 date-time; PostgreSQL answers in the
    session's zone. Both are normalised to UTC here, once, for every reader.
    """

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: sa.Dialect) -> datetime | None:
        if value is not None and value.tzinfo is not None:
            value = value.astimezone(UTC)
        return value

    def process_result_value(self, value: datetime | None, dialect: sa.Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


TZDateTime = UTCDateTime()

PublishedPrecision = Literal["day", "month", "year", "unknown"]
PublishedOrigin = Literal["metadata", "text", "none"]


def no_nul(value: str) -> str:
    # PostgreSQL refuses NUL in any text value: caught in a parameter, it is a 422 naming it.
    if "\x00" in value:
        raise ValueError("must not contain NUL (\\x00) characters")
    return value


Text = Annotated[str, AfterValidator(no_nul)]  # text any database can store


def utcnow() -> datetime:
    return datetime.now(UTC)
