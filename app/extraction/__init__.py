"""Pure extraction: text and metadata in, spans and claim drafts out (no DB, no web)."""

from app.extraction.pipeline import EXTRACTOR_VERSION, extract
from app.extraction.types import (
    ACTOR_KINDS,
    EVENT_TYPES,
    PLACE_KINDS,
    QUANTITY_KINDS,
    ActorEntry,
    ActorMention,
    AliasEntry,
    ClaimDraft,
    DateMention,
    DraftActor,
    Extraction,
    PlaceEntry,
    PlaceMention,
    PublishedDate,
    QuantityMention,
)

__all__ = [
    "ACTOR_KINDS",
    "EVENT_TYPES",
    "EXTRACTOR_VERSION",
    "PLACE_KINDS",
    "QUANTITY_KINDS",
    "ActorEntry",
    "ActorMention",
    "AliasEntry",
    "DraftActor",
    "ClaimDraft",
    "DateMention",
    "Extraction",
    "PlaceEntry",
    "PlaceMention",
    "PublishedDate",
    "QuantityMention",
    "extract",
]
