"""Query parameters of the lists other than claims and events: sources, outlets, actors,
places, import runs and revisions (claims' and events' are app/params.py's and
app/event_params.py's, which this shares the value types of)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Self

from pydantic import Field, field_validator, model_validator

from app.errors import InvalidParameter
from app.models.base import ActorKind, PlaceKind, Text
from app.models.page import ListParams, PageParams
from app.models.revision import EntityType
from app.params import MAX_REPEAT, GeoParams, Id, parse_partial_date


class SourceFilters(ListParams):
    # min_length: an empty value is a mistake to name (a 422), not a filter to drop
    outlet: Text | None = Field(
        None,
        min_length=1,
        max_length=256,
        description="Outlet key, name or alias (see /outlets): sana or Syrian Arab News Agency.",
        examples=["Syrian Arab News Agency"],
    )
    q: Text | None = Field(
        None,
        min_length=1,
        max_length=500,
        description="Sources with a claim matching this search (the grammar of /claims `q`).",
        examples=["terrorist OR rebels"],
    )
    published_from: str | None = Field(
        None,
        max_length=10,
        description="Published on or after this (YYYY, YYYY-MM or YYYY-MM-DD).",
        examples=["2016-11"],
    )
    published_to: str | None = Field(
        None,
        max_length=10,
        description="Published on or before this, inclusive (a month or year: its last day).",
        examples=["2016-12-31"],
    )

    @field_validator("published_from", "published_to")
    @classmethod
    def _partial_date(cls, value: str | None) -> str | None:
        if value is not None:
            parse_partial_date(value, end=False)
        return value

    @model_validator(mode="after")
    def _order(self) -> Self:
        start, end = self.published_range
        if start and end and start > end:
            raise InvalidParameter("published_to", "published_to: is before published_from.")
        return self

    @property
    def published_range(self) -> tuple[date | None, date | None]:
        start = self.published_from and parse_partial_date(self.published_from, end=False)
        end = self.published_to and parse_partial_date(self.published_to, end=True)
        return start or None, end or None


class OutletFilters(PageParams):
    cursor: Text | None = Field(
        None,
        max_length=2048,
        description="Opaque token from the previous page's `next`; omit for the first page.",
        examples=["WyJrZXkiLFsibW9ybmluZy1zdGFyIl1d"],  # outlets are listed by key
    )
    curated: bool | None = Field(
        None,
        description="true: curated outlets only; false: outlets found in imports only.",
        examples=[True],
    )
    country: Text | None = Field(
        None,
        min_length=2,
        max_length=2,
        description="Country code (ISO 3166-1 alpha-2) where the outlet is based.",
        examples=["RU"],
    )


class ActorFilters(ListParams):
    q: Text | None = Field(
        None,
        min_length=1,
        max_length=200,
        description="Name or alias, any spelling (Daesh, ISIL...); prefix match.",
        examples=["daesh"],
    )
    kind: list[ActorKind] | None = Field(
        None, max_length=MAX_REPEAT, description="Actor kind; repeatable.", examples=[["militia"]]
    )
    curated: bool | None = Field(
        None,
        description="true: registry actors only; false: names found in text only.",
        examples=[True],
    )


class PlaceFilters(ListParams, GeoParams):
    q: Text | None = Field(
        None,
        min_length=1,
        max_length=200,
        description="Name or alias, any transliteration (Kuweires, Kweires...); prefix match.",
        examples=["aleppo"],
    )
    kind: list[PlaceKind] | None = Field(
        None, max_length=MAX_REPEAT, description="Place kind; repeatable.", examples=[["city"]]
    )
    governorate: Text | None = Field(
        None,
        min_length=1,
        max_length=100,
        description="Governorate id, name or alias (resolved as for /claims).",
        examples=["Homs"],
    )


class ImportFilters(ListParams):
    cursor: Text | None = Field(
        None,
        max_length=2048,
        description="Opaque token from the previous page's `next`; omit for the first page.",
        examples=["WyItaWQiLFs1MF1d"],  # runs are listed newest first: a cursor of that ordering
    )


class RevisionFilters(ListParams):
    entity: EntityType | None = Field(
        None, description="Only changes to claims, sources, actors or places.", examples=["claim"]
    )
    entity_id: Id | None = Field(None, description="With `entity`: only this one.", examples=[1])
    by: Text | None = Field(
        None,
        min_length=1,
        max_length=64,
        description="Only changes made with this key name.",
        examples=["ana"],
    )
    since: datetime | None = Field(
        None,
        description="Only changes at or after this time (RFC 3339).",
        examples=["2026-11-30T00:00:00Z"],
    )

    @model_validator(mode="after")
    def _entity_id_needs_entity(self) -> Self:
        if self.entity_id is not None and self.entity is None:
            raise InvalidParameter("entity_id", "entity_id: needs `entity`.")
        return self
