"""The bodies of the actor and place corrections: PATCH (JSON merge patch, RFC 7396),
the merge of two actors and the addition of a missing place. Strict like the claim and
source patches (app.models.corrections): unknown fields and wrong types are 422."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, Field, StringConstraints, field_validator

from app.models.base import ActorKind, GeoPrecision, PlaceKind, no_nul
from app.models.corrections import Reason, Ref, _Body

Name = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=256),
    AfterValidator(no_nul),
]
Latitude = Annotated[float, Field(ge=-90, le=90, allow_inf_nan=False)]
Longitude = Annotated[float, Field(ge=-180, le=180, allow_inf_nan=False)]


class AliasIn(_Body):
    alias: Name = Field(description="Another name the actor goes by, as written.")
    valid_from: date | None = Field(None, description="First day the name was in use.")
    valid_to: date | None = Field(None, description="First day it no longer was.")


def _not_null(value: Any) -> Any:
    # an "after" validator: a "before" one would make pydantic validate the nested
    # values in Python mode, where strict refuses an ISO string for a date
    if value is None:
        raise ValueError("must not be null (leave the field out to keep it)")
    return value


class ActorPatch(_Body):
    """A correction of one actor. `aliases` replaces the whole list (send the ones to keep
    too); the canonical name is always one of its aliases."""

    reason: Reason = Field(description="Why: kept in the audit trail (required).")
    name: Name | None = None
    kind: ActorKind | None = None
    parent: Ref | None = Field(
        None, description="The unit or affiliation it belongs to: id, name or alias; null: none."
    )
    aliases: list[AliasIn] | None = Field(None, max_length=200)

    @field_validator("name", "kind", "aliases", mode="after")
    @classmethod
    def _keep_or_set(cls, value: Any) -> Any:
        return _not_null(value)


class ActorMerge(_Body):
    """Merge this actor into another: everything that points at it moves there."""

    into: Ref = Field(description="The actor that stays: id, name or alias.")
    reason: Reason = Field(description="Why: kept in the audit trail (required).")


class PlacePatch(_Body):
    """A correction of one place. `aliases` replaces the whole list of other spellings."""

    reason: Reason = Field(description="Why: kept in the audit trail (required).")
    name: Name | None = None
    kind: PlaceKind | None = None
    lat: Latitude | None = Field(None, description="WGS84 latitude, -90 to 90.")
    lon: Longitude | None = Field(None, description="WGS84 longitude, -180 to 180.")
    geo_precision: GeoPrecision | None = None
    parent: Ref | None = Field(None, description="The place it lies in: id, name or alias.")
    aliases: list[Name] | None = Field(None, max_length=200)

    @field_validator(
        *("name", "kind", "lat", "lon", "geo_precision", "parent", "aliases"), mode="after"
    )
    @classmethod
    def _keep_or_set(cls, value: Any) -> Any:
        return _not_null(value)


class PlaceCreate(_Body):
    """A place the gazetteer lacks. Its parent chain must reach a governorate."""

    reason: Reason = Field(description="Why: kept in the audit trail (required).")
    name: Name
    kind: Literal[
        "district",
        "city",
        "town",
        "village",
        "neighbourhood",
        "airport",
        "facility",
        "region",
        "road",
    ]
    lat: Latitude = Field(description="WGS84 latitude, -90 to 90.")
    lon: Longitude = Field(description="WGS84 longitude, -180 to 180.")
    geo_precision: GeoPrecision = "exact"
    parent: Ref = Field(description="The place it lies in (id, name or alias).")
    aliases: list[Name] = Field(default_factory=list, max_length=200)


ACTOR_PATCH_EXAMPLES: dict[str, dict[str, Any]] = {
    "alias": {
        "summary": "Add an alias (send the list it is to have)",
        "value": {
            "aliases": [
                {"alias": "Syrian government"},
                {"alias": "Assad government"},
                {"alias": "Damascus government"},
                {"alias": "Government of National Unity", "valid_from": "2012-06-23"},
            ],
            "reason": "Its name in the 2012 cabinet's statements.",
        },
    },
    "name": {
        "summary": "Correct the name",
        "value": {"name": "Government of Syria", "reason": "Our style guide."},
    },
    "parent": {
        "summary": "Correct the affiliation (null: none)",
        "value": {"parent": None, "kind": "state", "reason": "Not a unit of anything."},
    },
}
ACTOR_MERGE_EXAMPLES: dict[str, dict[str, Any]] = {
    "merge": {
        "summary": "Merge a duplicate into the registry's actor",
        "value": {"into": "Tiger Forces", "reason": "'Tiger Force' is the same unit."},
    }
}
PLACE_PATCH_EXAMPLES: dict[str, dict[str, Any]] = {
    "coordinates": {
        "summary": "Correct the coordinates",
        "value": {"lat": 36.2021, "lon": 37.1343, "reason": "GeoNames put it 20 km off."},
    },
    "alias": {
        "summary": "Add a spelling (send the list it is to have)",
        "value": {"aliases": ["Kafr Nabl", "Kafranbel"], "reason": "Spelled so by SOHR."},
    },
}
PLACE_CREATE_EXAMPLES: dict[str, dict[str, Any]] = {
    "village": {
        "summary": "Add a missing village",
        "value": {
            "name": "Tell Dadiq",
            "kind": "village",
            "lat": 35.89,
            "lon": 36.82,
            "parent": "Idlib Governorate",
            "aliases": ["Tal Dadeq"],
            "reason": "Named in SOHR reports; not in GeoNames.",
        },
    }
}
