"""Query parameters of each list, one typed model per resource (FastAPI `Query()` models).

Values are checked here (a malformed value is a 422 naming its parameter); names are
resolved and the SQL for each filter is written once, in that resource's service.
"""

from __future__ import annotations

from typing import Annotated, Literal, Self

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

from app.errors import InvalidParameter
from app.models.base import ActorKind, ActorRole, DatePrecision, EventType, PlaceKind
from app.models.date_range import DateRange
from app.services.paging import DEFAULT_LIMIT, MAX_LIMIT

MAX_REPEAT = 50
MAX_ID = 2**31 - 1  # ids are 32-bit INTEGER columns on both databases


def _no_nul(value: str) -> str:
    # PostgreSQL refuses NUL in any text value: caught here it is a 422 naming the parameter.
    if "\x00" in value:
        raise ValueError("must not contain NUL (\\x00) characters")
    return value


Text = Annotated[str, AfterValidator(_no_nul)]
Name = Annotated[  # an id, a name or any alias
    str, StringConstraints(min_length=1, max_length=200), AfterValidator(_no_nul)
]
Id = Annotated[int, Field(ge=1, le=MAX_ID)]


def _floats(value: str, n: int, what: str) -> list[float]:
    parts = value.split(",")
    if len(parts) != n:
        raise ValueError(f"give {n} comma-separated numbers: {what}")
    try:
        numbers = [float(p) for p in parts]
    except ValueError:
        raise ValueError(f"give {n} comma-separated numbers: {what}") from None
    if any(x != x or x in (float("inf"), float("-inf")) for x in numbers):
        raise ValueError("numbers must be finite")
    return numbers


def _check_lat_lon(lat: float, lon: float) -> None:
    if not -90 <= lat <= 90:
        raise ValueError(f"latitude {lat} is outside -90..90")
    if not -180 <= lon <= 180:
        raise ValueError(f"longitude {lon} is outside -180..180")


class ListParams(BaseModel):
    model_config = ConfigDict(extra="forbid")

    limit: int = Field(
        DEFAULT_LIMIT,
        ge=1,
        le=MAX_LIMIT,
        description=f"Items per page (1-{MAX_LIMIT}).",
        examples=[DEFAULT_LIMIT],
    )
    cursor: Text | None = Field(
        None,
        max_length=2048,
        description="Opaque token from the previous page's `next`; omit for the first page.",
        examples=["WyJpZCIsWzUwXV0"],
    )


class GeoParams(BaseModel):
    bbox: str | None = Field(
        None,
        max_length=200,
        description="min_lon,min_lat,max_lon,max_lat (WGS84): only places inside the box.",
        examples=["38.0,34.3,38.5,34.8"],
    )

    @field_validator("bbox")
    @classmethod
    def _bbox(cls, value: str | None) -> str | None:
        if value is None:
            return None
        min_lon, min_lat, max_lon, max_lat = _floats(value, 4, "min_lon,min_lat,max_lon,max_lat")
        _check_lat_lon(min_lat, min_lon)
        _check_lat_lon(max_lat, max_lon)
        if min_lat > max_lat or min_lon > max_lon:
            raise ValueError("the minimum must not exceed the maximum")
        return value

    @property
    def bbox_values(self) -> tuple[float, float, float, float] | None:
        return tuple(float(p) for p in self.bbox.split(",")) if self.bbox else None  # type: ignore[return-value]


class SourceFilters(ListParams):
    # min_length: an empty value is a mistake to name (a 422), not a filter to drop
    outlet: Text | None = Field(
        None,
        min_length=1,
        max_length=256,
        description="Outlet, case-insensitive.",
        examples=["reuters"],
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
        description="Governorate name, any spelling.",
        examples=["Homs"],
    )


class ClaimFilters(DateRange, ListParams, GeoParams):
    """Every filter of /claims; repeatable ones are OR within themselves, all AND together."""

    date_mode: Literal["overlap", "within"] = Field(
        "overlap",
        description="overlap: the claim's date range touches the query range; "
        "within: it lies wholly inside it.",
    )
    date_field: Literal["event", "published"] = Field(
        "event", description="Filter on the event's date or on the source's publication date."
    )
    max_date_precision: DatePrecision | None = Field(
        None,
        description="Drop claims dated more vaguely than this (day < week < month < year).",
        examples=["week"],
    )
    place: list[Name] | None = Field(
        None,
        max_length=MAX_REPEAT,
        description="Place id, name or alias (any spelling); includes every place inside it "
        "(Aleppo includes Hanano). Repeatable.",
        examples=[["Aleppo"]],
    )
    governorate: list[Name] | None = Field(
        None,
        max_length=MAX_REPEAT,
        description="Governorate name, any spelling; repeatable.",
        examples=[["Homs"]],
    )
    near: str | None = Field(
        None,
        max_length=100,
        description="lat,lon: claims at places within radius_km of it.",
        examples=["36.2,37.15"],
    )
    radius_km: float | None = Field(
        None, gt=0, le=1000, description="Radius for `near` in km (default 10).", examples=[20]
    )
    include_imprecise: bool = Field(
        False,
        description="Let bbox/near match claims placed only at a governorate, region "
        "or country centroid.",
    )
    actor: list[Name] | None = Field(
        None,
        max_length=MAX_REPEAT,
        description="Actor id, name or alias (Daesh, ISIL and ISIS are one actor). Repeatable.",
        examples=[["Daesh"]],
    )
    include_affiliates: bool = Field(
        True, description="With `actor`/`claimant`: also match its units and affiliates."
    )
    actor_role: ActorRole | None = Field(
        None, description="With `actor`: the role it must have in the claim.", examples=["agent"]
    )
    claimant: list[Name] | None = Field(
        None,
        max_length=MAX_REPEAT,
        description="Who makes the claim (id, name or alias).",
        examples=[["SOHR"]],
    )
    source: list[Id] | None = Field(
        None, max_length=MAX_REPEAT, description="Source id; repeatable.", examples=[[1]]
    )
    outlet: list[Annotated[Text, StringConstraints(min_length=1, max_length=256)]] | None = Field(
        None,
        max_length=MAX_REPEAT,
        description="Outlet, case-insensitive; repeatable.",
        examples=[["reuters"]],
    )
    event_type: list[EventType] | None = Field(
        None,
        max_length=MAX_REPEAT,
        description="Event type; repeatable.",
        examples=[["capture_territory"]],
    )
    hedged: bool | None = Field(
        None, description="true: only hedged claims (reportedly...).", examples=[False]
    )
    in_comments: bool | None = Field(
        None,
        description="true: only claims from reader comments; false: only the article.",
        examples=[False],
    )
    event: list[Id] | None = Field(
        None,
        max_length=MAX_REPEAT,
        description="Event id (GET /events): only the claims grouped into it. Repeatable.",
        examples=[[1]],
    )
    contradicted: bool | None = Field(
        None,
        description="true: only claims another claim about the same event contradicts; "
        "false: only claims nothing contradicts.",
        examples=[True],
    )
    corroborated_by_min: int | None = Field(
        None,
        ge=1,
        le=1000,
        description="Only claims that at least this many independent claimants corroborate "
        "(the same claimant through several outlets, or a copy, counts once).",
        examples=[2],
    )
    q: Text | None = Field(
        None,
        min_length=1,
        max_length=500,
        description="Full-text search in the claim text: every word must appear; "
        '"quoted words" must appear together.',
        examples=["thermal power plant"],
    )
    sort: Literal["id", "event_date", "-event_date", "published", "-published"] = Field(
        "id",
        description="Order: id (import order), event_date or published; '-' for newest "
        "first. Undated claims come last.",
    )

    @field_validator("near")
    @classmethod
    def _near(cls, value: str | None) -> str | None:
        if value is not None:
            lat, lon = _floats(value, 2, "lat,lon")
            _check_lat_lon(lat, lon)
        return value

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        # InvalidParameter (not ValueError) passes through pydantic, so the 422 names the
        # parameter rather than the whole query.
        if self.radius_km is not None and self.near is None:
            raise InvalidParameter("radius_km", "radius_km: needs `near=lat,lon`.")
        if self.actor_role is not None and not self.actor:
            raise InvalidParameter("actor_role", "actor_role: needs `actor`.")
        self.check_date_order()
        return self

    @property
    def near_point(self) -> tuple[float, float] | None:
        if not self.near:
            return None
        lat, lon = (float(p) for p in self.near.split(","))
        return lat, lon


class ImportFilters(ListParams):
    cursor: Text | None = Field(
        None,
        max_length=2048,
        description="Opaque token from the previous page's `next`; omit for the first page.",
        examples=["WyItaWQiLFs1MF1d"],  # runs are listed newest first: a cursor of that ordering
    )


class ClaimListParams(ClaimFilters):
    format: Literal["json", "csv", "geojson", "jsonl"] = Field(
        "json",
        description="json: one page in the list envelope. csv, geojson (one feature "
        "per claim and place) or jsonl: every matching claim, streamed; limit/cursor ignored.",
    )


class FacetParams(ClaimFilters):
    by: Literal["actor", "place", "governorate", "month", "event_type", "claimant", "outlet"] = (
        Field(description="What to count matching claims by.", examples=["actor"])
    )
