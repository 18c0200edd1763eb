"""The bodies of PATCH: what a person may correct, as JSON merge patches (RFC 7396).

A field left out stays as it is; a list (actors, places, quantities) is replaced whole;
`null` clears what may be empty (the claimant, the event date). Every patch carries its
`reason`, kept in the audit trail."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
)

from app.models.base import ActorRole, DatePrecision, EventType, no_nul

MAX_ID = 2**31 - 1
Offset = Annotated[int, Field(ge=0, le=MAX_ID)]
Words = Annotated[str, StringConstraints(min_length=1, max_length=200), AfterValidator(no_nul)]
Reason = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=3, max_length=2000),
    AfterValidator(no_nul),
]
# an actor or place: its id, or any of its names or aliases
Ref = Annotated[int, Field(ge=1, le=MAX_ID)] | Words


class _Body(BaseModel):
    # strict: "true" is not a boolean and "12" not an offset; unknown fields are mistakes
    model_config = ConfigDict(extra="forbid", strict=True)


class ActorLinkIn(_Body):
    actor: Ref = Field(description="Actor id, name or alias.")
    role: ActorRole
    char_start: Offset | None = Field(None, description="Span of the name in the source.")
    char_end: Offset | None = None


class PlaceLinkIn(_Body):
    place: Ref = Field(description="Place id, name or alias.")
    char_start: Offset = Field(description="Span of the name in the source.")
    char_end: Offset


class QuantityIn(_Body):
    what: Literal["killed", "injured", "displaced", "fighters", "other"]
    value: Annotated[int, Field(ge=0, le=10**9)] | None
    approx: bool = False
    qualifier: (
        Literal["at_least", "over", "nearly", "up_to", "less_than", "about", "range", "vague"]
        | None
    ) = None
    surface: Annotated[str, StringConstraints(min_length=1, max_length=200), AfterValidator(no_nul)]
    value_min: Annotated[int, Field(ge=0, le=10**9)] | None = None
    value_max: Annotated[int, Field(ge=0, le=10**9)] | None = None
    subset: bool = False
    char_start: Offset | None = None
    char_end: Offset | None = None
    cue: Words | None = None


# fields that take no null: leaving one out keeps it, null would erase what must be there
_NOT_NULL = (
    "review_status",
    "hedged",
    "event_type",
    "char_start",
    "char_end",
    "actors",
    "places",
    "quantities",
)


class ClaimPatch(_Body):
    """A correction or review of one claim."""

    reason: Reason = Field(description="Why: kept in the audit trail (required).")
    review_status: Literal["unreviewed", "confirmed", "rejected"] | None = Field(
        None,
        description="confirmed or rejected after checking the source; a patch that "
        "changes any other field marks the claim `corrected` unless this says otherwise.",
    )
    claimant: Ref | None = Field(None, description="The claimant: actor id, name or alias.")
    claimant_text: (
        Annotated[str, StringConstraints(max_length=512), AfterValidator(no_nul)] | None
    ) = Field(None, description="Who makes the claim, as written.")
    hedged: bool | None = None
    event_type: EventType | None = None
    event_date_start: date | None = None
    event_date_end: date | None = None
    event_date_precision: DatePrecision | None = None
    char_start: Offset | None = Field(None, description="New span; `text` follows it.")
    char_end: Offset | None = None
    actors: list[ActorLinkIn] | None = Field(None, max_length=100)
    places: list[PlaceLinkIn] | None = Field(None, max_length=100)
    quantities: list[QuantityIn] | None = Field(None, max_length=50)

    @field_validator(*_NOT_NULL, mode="before")
    @classmethod
    def _not_null(cls, value: Any) -> Any:
        if value is None:
            raise ValueError("must not be null (leave the field out to keep it)")
        return value


class SourcePatch(_Body):
    """A correction of a source's metadata (its text never changes)."""

    reason: Reason = Field(description="Why: kept in the audit trail (required).")
    title: Annotated[str, StringConstraints(max_length=1000), AfterValidator(no_nul)] | None = None
    author: Annotated[str, StringConstraints(max_length=512), AfterValidator(no_nul)] | None = None
    outlet: Annotated[str, StringConstraints(max_length=256), AfterValidator(no_nul)] | None = None
    url: Annotated[str, StringConstraints(max_length=2048), AfterValidator(no_nul)] | None = None
    published_on: date | None = None
    published_precision: Literal["day", "month", "year", "unknown"] | None = None

    @field_validator("published_precision", mode="before")
    @classmethod
    def _precision_not_null(cls, value: Any) -> Any:
        if value is None:
            raise ValueError("must not be null (leave the field out to keep it)")
        return value


SOURCE_PATCH_EXAMPLES: dict[str, dict[str, Any]] = {
    "published": {
        "summary": "Correct the publication date",
        "value": {
            "published_on": "2016-11-27",
            "published_precision": "day",
            "reason": "The dateline says 27 November.",
        },
    },
    "outlet": {
        "summary": "Correct the outlet",
        "value": {"outlet": "Reuters", "reason": "A Reuters wire, not the aggregator."},
    },
}


class ReasonBody(_Body):
    """The body of a delete or restore: why."""

    reason: Reason = Field(description="Why: kept in the audit trail (required).")


CLAIM_PATCH_EXAMPLES: dict[str, dict[str, Any]] = {
    "claimant": {
        "summary": "Correct the claimant",
        "value": {
            "claimant": "Syrian Arab Army",
            "claimant_text": "a Syrian military official",
            "reason": "The denial is the army's, as the sentence says.",
        },
    },
    "confirm": {
        "summary": "Confirm after checking the source",
        "value": {"review_status": "confirmed", "reason": "Checked against the article."},
    },
    "reject": {
        "summary": "Reject a junk claim",
        "value": {"review_status": "rejected", "reason": "Boilerplate, not a claim."},
    },
    "date": {
        "summary": "Correct the event date",
        "value": {
            "event_date_start": "2016-11-26",
            "event_date_end": "2016-11-26",
            "event_date_precision": "day",
            "reason": "'Saturday' is the 26th: the article is dated the 27th.",
        },
    },
}
