"""Sources: imported documents, kept exactly as read so every stored offset stays true."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from pydantic import BaseModel
from sqlmodel import Field, SQLModel

from app.models.base import JSONType, PublishedOrigin, PublishedPrecision, TZDateTime, utcnow
from app.models.place import PlaceRef


class SourceBase(SQLModel):
    title: str | None = Field(default=None, description="Headline, or the manifest's title.")
    author: str | None = None
    outlet: str | None = Field(
        default=None, index=True, description="Publishing outlet, e.g. 'reuters'."
    )
    url: str | None = None
    published_on: date | None = Field(default=None, index=True, description="Publication date.")
    published_precision: PublishedPrecision = Field(
        default="unknown", sa_type=sa.String(8), description="How much of published_on is known."
    )
    published_origin: PublishedOrigin = Field(
        default="none",
        sa_type=sa.String(8),
        description="Where the date came from: import metadata, the text itself, or nowhere.",
    )


class Source(SourceBase, table=True):
    __table_args__ = (
        sa.UniqueConstraint("origin", "external_id", "version"),
        # every claim list leaves deleted sources' claims out (services/listed.py): this
        # finds the (few) deleted sources without reading every source's text (issue #15)
        sa.Index(
            "ix_source_deleted",
            "id",
            sqlite_where=sa.text("deleted_at IS NOT NULL"),
            postgresql_where=sa.text("deleted_at IS NOT NULL"),
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    origin: str = Field(
        sa_type=sa.String(16), description="How it came in: text, csv, jsonl, http."
    )
    external_id: str = Field(sa_type=sa.String(512), index=True)
    version: int = Field(default=1, description="1 for the first content seen for external_id.")
    supersedes_id: int | None = Field(default=None, foreign_key="source.id", index=True)
    text: str = Field(sa_type=sa.Text)
    encoding: str = Field(default="utf-8", sa_type=sa.String(16))
    body_end: int | None = None
    content_sha256: str = Field(sa_type=sa.String(64), unique=True)
    extra: dict[str, Any] = Field(default_factory=dict, sa_type=JSONType)
    imported_at: datetime = Field(default_factory=utcnow, sa_type=TZDateTime)
    import_run_id: int | None = Field(default=None, foreign_key="import_run.id", index=True)
    extractor_version: str | None = Field(default=None, sa_type=sa.String(16))
    primary_place_id: int | None = Field(default=None, foreign_key="place.id", index=True)
    # a soft delete: the source and its claims leave every list until an admin restores it
    deleted_at: datetime | None = Field(default=None, sa_type=TZDateTime)
    # the metadata fields a person corrected, so re-import and re-extraction keep them
    corrected_fields: list[str] | None = Field(default=None, sa_type=JSONType)


class SourcePublic(SourceBase):
    id: int
    origin: str
    external_id: str
    version: int
    supersedes_id: int | None
    encoding: str
    length: int = Field(description="Length of the text in characters; offsets index into it.")
    body_end: int | None = Field(description="Offset where comments or boilerplate begin.")
    content_sha256: str
    imported_at: datetime
    extractor_version: str | None
    primary_place: PlaceRef | None = Field(
        default=None, description="Where the source's main events happen."
    )
    claim_count: int = 0
    deleted_at: datetime | None = Field(
        default=None, description="When an admin deleted it (it is then in no list)."
    )
    corrected_fields: list[str] = Field(
        default_factory=list, description="Metadata fields a person corrected."
    )


class MentionPublic(BaseModel):
    kind: str = Field(description="actor, place, date or quantity.")
    entity_id: int | None = Field(description="Actor or place id for actor/place mentions.")
    entity: str | None = Field(description="Canonical name of the actor or place.")
    surface: str = Field(description="The text exactly as written: text[char_start:char_end].")
    char_start: int
    char_end: int
    value: dict[str, Any] | None = Field(
        default=None, description="Resolved date range or quantity for date/quantity mentions."
    )


class SourceDetail(SourcePublic):
    text: str = Field(description="The document exactly as imported.")
    extra: dict[str, Any]
    mentions: list[MentionPublic] = Field(default_factory=list)
