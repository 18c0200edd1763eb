"""Query parameters of the claim lists, facets and exports, one typed model each (FastAPI
`Query()` models), and the value types every list shares (the other resources' are in
app/list_params.py, events' in app/event_params.py).

Values are checked here (a malformed value is a 422 naming its parameter); names are
resolved and the SQL for each filter is written once, in that resource's service. The
routes take these models and the services read them, so they sit below both (not in
app/api/, which services must not import); paging's own parameters are models/page.py's.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal, Self

from pydantic import (
    AfterValidator,
    BaseModel,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

from app.errors import InvalidParameter
from app.extraction.types import QuantityKind
from app.ingest.dates import last_day, parse_iso
from app.models.base import ActorRole, DatePrecision, EventType, Text, no_nul
from app.models.page import CountParam, PageParams
from app.models.revision import ReviewStatus

MAX_REPEAT = 50
# what /claims can be exported as, and counted by: written here once, for the parameters
# and for the services that act on them
ExportFormat = Literal["csv", "geojson", "jsonl"]
FacetBy = Literal["actor", "place", "governorate", "month", "event_type", "claimant", "outlet"]
MAX_ID = 2**31 - 1  # ids are 32-bit INTEGER columns on both databases


Name = Annotated[  # an id, a name or any alias
    str, StringConstraints(min_length=1, max_length=200), AfterValidator(no_nul)
]
Id = Annotated[int, Field(ge=1, le=MAX_ID)]


def parse_partial_date(value: str, *, end: bool) -> date:
    """YYYY, YYYY-MM or YYYY-MM-DD as the first (or, with end=True, last) day it covers."""
    try:
        found = parse_iso(value)
    except ValueError as exc:
        raise ValueError(f"{value} is not a real date ({exc})") from None
    if found is None:
        raise ValueError("use YYYY, YYYY-MM or YYYY-MM-DD")
    return last_day(*found) if end else found[0]


class DateRange(BaseModel):
    """The date range a list is filtered by, for claims and events. Put first among a
    filter model's bases, so its fields come first in /docs."""

    date_from: str | None = Field(
        None,
        max_length=10,
        description="Events on or after this (YYYY, YYYY-MM or YYYY-MM-DD).",
        examples=["2016-11"],
    )
    date_to: str | None = Field(
        None,
        max_length=10,
        description="Events on or before this, inclusive (a month or year means its last day).",
        examples=["2016-12-15"],
    )

    @field_validator("date_from", "date_to")
    @classmethod
    def _partial_date(cls, value: str | None) -> str | None:
        if value is not None:
            parse_partial_date(value, end=False)
        return value

    def check_date_order(self) -> None:
        """For the model's own after-validator (the 422 names `date_to`)."""
        if self.start_date and self.end_date and self.start_date > self.end_date:
            raise InvalidParameter("date_to", "date_to: is before date_from.")

    @property
    def start_date(self) -> date | None:
        return parse_partial_date(self.date_from, end=False) if self.date_from else None

    @property
    def end_date(self) -> date | None:
        return parse_partial_date(self.date_to, end=True) if self.date_to else None


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


Count = Annotated[int, Field(ge=0, le=MAX_ID)]


def _figure_range(kind: str, noun: str, example: int) -> tuple[Any, Any]:
    return (
        Field(
            None,
            description=f"Claims giving a {noun} figure of at least this (the number as "
            "stated: 'at least 70' is 70, 'nearly 1,000' 1000; vague counts never match).",
            examples=[example],
        ),
        Field(
            None,
            description=f"Claims giving a {noun} figure of at most this (with {kind}_min: one "
            "figure within both).",
            examples=[example * 10],
        ),
    )


_KILLED, _INJURED, _DISPLACED = (
    _figure_range("killed", "killed", 10),
    _figure_range("injured", "injured", 5),
    _figure_range("displaced", "displaced", 1000),
)


class FigureFilters(BaseModel):
    """Casualty and displacement figures as numbers (app.services.figures has the rules)."""

    killed_min: Count | None = _KILLED[0]
    killed_max: Count | None = _KILLED[1]
    injured_min: Count | None = _INJURED[0]
    injured_max: Count | None = _INJURED[1]
    displaced_min: Count | None = _DISPLACED[0]
    displaced_max: Count | None = _DISPLACED[1]
    figure: list[QuantityKind] | None = Field(
        None,
        max_length=MAX_REPEAT,
        description="Claims giving a figure of this kind (killed, injured, displaced, "
        "fighters, other), vague ones ('dozens') included; repeatable.",
        examples=[["injured"]],
    )

    def check_figure_ranges(self) -> None:
        """For the model's own after-validator (the 422 names the `_max`)."""
        for kind in ("killed", "injured", "displaced"):
            low, high = getattr(self, f"{kind}_min"), getattr(self, f"{kind}_max")
            if low is not None and high is not None and low > high:
                raise InvalidParameter(f"{kind}_max", f"{kind}_max: is below {kind}_min.")


class ClaimFilters(DateRange, PageParams, GeoParams, FigureFilters):
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
        description="Place id, slug, name or alias, spelled as listed (up to case, accents and "
        "al-); includes every place inside it (Aleppo includes Hanano). A name two places "
        "share means the city over its governorate, then the larger place; `resolved` in "
        "the answer says which, with the others. Repeatable.",
        examples=[["Aleppo"]],
    )
    governorate: list[Name] | None = Field(
        None,
        max_length=MAX_REPEAT,
        description="Governorate id, name or alias; repeatable.",
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
        "or country centroid, and put such places in the GeoJSON export.",
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
        description="Outlet key, name or alias (see /outlets): sana or Syrian Arab News "
        "Agency. Repeatable.",
        examples=[["Syrian Arab News Agency"]],
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
        description="Full-text search in the claim text: every word must appear, in any "
        'form (terrorist finds terrorists); "quoted words" side by side; `word*` any word '
        "starting so; `a OR b` either.",
        examples=['"power plant" OR refinery'],
    )
    review_status: list[ReviewStatus] | None = Field(
        None,
        max_length=4,
        description="unreviewed, confirmed, corrected or rejected; repeatable. Asking for "
        "rejected includes rejected claims.",
        examples=[["confirmed", "corrected"]],
    )
    include_rejected: bool = Field(
        False, description="Also list claims a reviewer rejected (left out by default)."
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
        self.check_figure_ranges()
        return self

    @property
    def near_point(self) -> tuple[float, float] | None:
        if not self.near:
            return None
        lat, lon = (float(p) for p in self.near.split(","))
        return lat, lon


class ClaimListParams(ClaimFilters):
    format: Literal["json", ExportFormat] = Field(
        "json",
        description="json: one page in the list envelope. csv, geojson (one feature "
        "per claim and distinct located place; centroid-only places with "
        "include_imprecise=true) or jsonl: every matching claim, streamed; limit/cursor "
        "ignored.",
    )
    count: CountParam = "auto"


class FacetParams(ClaimFilters):
    by: FacetBy = Field(description="What to count matching claims by.", examples=["actor"])
    cursor: Text | None = Field(
        None,
        max_length=2048,
        description="Opaque token from the previous page's `next`, for the same `by`; omit "
        "for the first buckets.",
        examples=["WyJmYWNldHM6bW9udGgiLFs0XV0"],  # the 5th bucket on of by=month
    )
    zero_fill: bool = Field(
        False,
        description="With by=month: also list the months without claims (count 0) between "
        "the first and the last month that has some.",
        examples=[True],
    )
    format: Literal["json", "csv"] = Field(
        "json",
        description="json: `limit` buckets a page, with `next`. csv: every bucket "
        "(value,id,count,unknown), limit/cursor ignored.",
        examples=["csv"],
    )
    sum: list[Literal["killed", "injured", "displaced"]] | None = Field(
        None,
        max_length=3,
        description="Also sum these figures per value: `low`/`high` add up each event's "
        "lowest and highest report (overlapping reports of one event count once), `max` "
        "is the largest single claim's figure. Repeatable.",
        examples=[["killed"]],
    )

    @model_validator(mode="after")
    def _zero_fill_months(self) -> Self:
        if self.zero_fill and self.by != "month":
            raise InvalidParameter("zero_fill", "zero_fill: only with by=month.")
        return self
