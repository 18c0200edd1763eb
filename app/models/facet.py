"""The facet envelope: counts of matching claims per value, every bucket accounted for."""

from __future__ import annotations

from pydantic import BaseModel, Field

from app.models.resolved import RESOLVED_DESCRIPTION, ResolvedName


class FigureSum(BaseModel):
    """A figure summed over a facet bucket's claims, reports of one event counted once."""

    kind: str = Field(description="killed, injured or displaced.", examples=["killed"])
    low: int = Field(description="Sum over the bucket's events of each one's lowest report.")
    high: int = Field(description="Sum over the bucket's events of each one's highest report.")
    max: int = Field(description="The largest figure a single claim in the bucket gives.")
    claims: int = Field(description="Claims in the bucket with a figure of this kind.")
    events: int = Field(description="Events (a claim in none counts as one) they report.")


class FacetValue(BaseModel):
    value: str | None = Field(
        description="The actor/place name, governorate, outlet, event type or month: "
        "YYYY-MM, or YYYY-xx for claims dated only to a year. Null for the unknown bucket."
    )
    id: int | None = Field(None, description="Actor or place id, for actor/place/claimant.")
    count: int = Field(description="Matching claims with this value.")
    unknown: bool = Field(
        False,
        description="true for the one bucket of matching claims without any value (no "
        "claimant, no place, undated...); it comes last, on the last page.",
    )
    figures: list[FigureSum] | None = Field(
        None, description="With `sum=`: the figures of these claims, summed (see `sum`)."
    )


class Facets(BaseModel):
    by: str
    total: int = Field(description="All matching claims (a claim may count under several values).")
    unknown: int = Field(
        0, description="Matching claims without a value: the count of the unknown bucket."
    )
    data: list[FacetValue] = Field(description="This page's buckets.")
    next: str | None = Field(
        None, description="Pass as `cursor=` for the next buckets; null when none are left."
    )
    next_url: str | None = Field(
        None, description="This request with `cursor=next`; null on the last page."
    )
    resolved: dict[str, list[ResolvedName]] = Field(
        default_factory=dict, description=RESOLVED_DESCRIPTION
    )
