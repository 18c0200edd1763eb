"""Tables and their API shapes. Importing this package registers every table on the metadata."""

from app.models.base import SQLModel  # noqa: I001  (sets the naming convention first)
from app.models.api_key import ApiKey, ApiKeyPublic
from app.models.actor import Actor, ActorAlias, ActorDetail, ActorPublic, ActorRef, AliasPublic
from app.models.claim import Claim, ClaimDetail, ClaimPublic, Evidence, SourceRef
from app.models.figure import ClaimFigure
from app.models.event import ClaimRelation, ClaimSlot, Event, EventClaim, Framing
from app.models.import_run import ImportRun, ImportRunPublic
from app.models.links import ClaimActor, ClaimPlace, Mention
from app.models.registry import RegistryTag
from app.models.revision import Revision, RevisionPublic
from app.models.place import Place, PlaceAlias, PlaceDetail, PlacePublic, PlaceRef
from app.models.source import MentionPublic, Source, SourceDetail, SourcePublic

__all__ = [
    "Actor",
    "ActorAlias",
    "ActorDetail",
    "ActorPublic",
    "ActorRef",
    "ApiKey",
    "ApiKeyPublic",
    "AliasPublic",
    "Claim",
    "ClaimActor",
    "ClaimDetail",
    "ClaimFigure",
    "ClaimPlace",
    "ClaimPublic",
    "ClaimRelation",
    "ClaimSlot",
    "Event",
    "EventClaim",
    "Evidence",
    "Framing",
    "ImportRun",
    "ImportRunPublic",
    "Mention",
    "MentionPublic",
    "Place",
    "PlaceAlias",
    "PlaceDetail",
    "PlacePublic",
    "PlaceRef",
    "RegistryTag",
    "Revision",
    "RevisionPublic",
    "SQLModel",
    "Source",
    "SourceDetail",
    "SourcePublic",
    "SourceRef",
]
