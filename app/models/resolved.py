"""What a name parameter resolved to: the block every list and facet envelope carries."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

Matched = Literal["id", "name", "alias", "key"]


class Alternative(BaseModel):
    id: int | None = Field(None, description="Actor or place id (null for an outlet).")
    key: str | None = Field(None, description="Slug or outlet key.")
    name: str
    kind: str | None = Field(None, description="Actor or place kind.")
    governorate: str | None = Field(None, description="For places: its governorate.")


class ResolvedName(Alternative):
    input: str = Field(description="The value as given.")
    matched: Matched = Field(
        description="How it matched: an `id`, the canonical `name`, an `alias` (both "
        "compared without case, accents or the Arabic article), or the `key` (slug)."
    )
    includes: int = Field(
        0,
        description="How many more entities the filter takes in with it: units and "
        "affiliates of an actor, places inside a place or governorate.",
    )
    alternatives: list[Alternative] = Field(
        default_factory=list,
        description="Other entities the same name could mean (a city and its governorate, "
        "two villages): the filter used this one; ask for another by id.",
    )


Resolved = dict[str, list[ResolvedName]]
RESOLVED_DESCRIPTION = (
    "What each name parameter (actor, claimant, place, governorate, outlet) resolved to, "
    "by parameter, in the order given."
)
