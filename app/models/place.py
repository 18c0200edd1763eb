"""Places: a gazetteer of Syria with coordinates and a parent chain up to the country."""

from __future__ import annotations

import sqlalchemy as sa
from pydantic import BaseModel
from sqlmodel import Field, SQLModel

from app.models.base import GeoPrecision, JSONType, PlaceKind


class PlaceBase(SQLModel):
    name: str = Field(sa_type=sa.String(256))
    kind: PlaceKind = Field(sa_type=sa.String(16), index=True)
    governorate: str | None = Field(
        default=None, sa_type=sa.String(64), index=True, description="Governorate name."
    )
    country_code: str = Field(default="SY", sa_type=sa.String(2))
    lat: float | None = Field(default=None, description="WGS84 latitude.")
    lon: float | None = Field(default=None, description="WGS84 longitude.")
    geo_precision: GeoPrecision = Field(
        default="exact",
        sa_type=sa.String(12),
        description="exact, approximate, or centroid (of a governorate/country/region).",
    )
    geonames_id: int | None = None


class Place(PlaceBase, table=True):
    __table_args__ = (sa.Index("ix_place_lat_lon", "lat", "lon"),)

    id: int | None = Field(default=None, primary_key=True)
    slug: str = Field(sa_type=sa.String(256), unique=True)
    parent_id: int | None = Field(default=None, foreign_key="place.id", index=True)
    corrected_fields: list[str] | None = Field(default=None, sa_type=JSONType)
    # the key name of the editor who added the place (None: the shipped gazetteer's)
    added_by: str | None = Field(default=None, sa_type=sa.String(64))


class PlaceAlias(SQLModel, table=True):
    __tablename__ = "place_alias"
    __table_args__ = (sa.UniqueConstraint("place_id", "alias"),)

    id: int | None = Field(default=None, primary_key=True)
    place_id: int = Field(foreign_key="place.id", ondelete="CASCADE")
    alias: str = Field(sa_type=sa.String(256))
    key: str = Field(sa_type=sa.String(256), index=True, description="normalize_key(alias)")
    added_by: str | None = Field(default=None, sa_type=sa.String(64))


class PlaceRef(BaseModel):
    id: int
    name: str
    kind: str
    governorate: str | None = None


class PlacePublic(PlaceBase):
    id: int
    slug: str
    parent: PlaceRef | None = None
    aliases: list[str] = Field(default_factory=list)
    claim_count: int = 0
    corrected_fields: list[str] = Field(
        default_factory=list,
        description="Fields a person corrected (name, aliases, lat, lon, parent...); the "
        "others are the gazetteer's.",
    )
    added_by: str | None = Field(
        default=None, description="The editor who added this place; null for the gazetteer's."
    )
    found_in_text: bool = Field(
        default=False,
        description="A place the shipped gazetteer lacks, created by an import from a source "
        'that names it as a place ("the village of Thalthana") and places it in a '
        "governorate or city (its parent). It has no coordinates until an editor adds them.",
    )


class PlaceDetail(PlacePublic):
    ancestors: list[PlaceRef] = Field(
        default_factory=list, description="Parent chain, nearest first, up to the country."
    )
