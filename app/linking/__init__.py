"""Pure cross-source analysis: claim records in, same-event links, relations and grades out.

Like extraction, nothing here touches the database: app/services/events.py loads claim
records, asks this package which pairs are about one incident and how they relate, and
stores the answer. Every decision carries a reason a person can read and the fields that
agree or differ, so a link can be checked against the two spans it joins.
"""

from app.linking.pairs import link_pair, link_within_source
from app.linking.records import ActorRef, Claimant, ClaimRecord, Figure, PlaceRef
from app.linking.relate import Link
from app.linking.summary import EventSummary, summarize

__all__ = [
    "ActorRef",
    "ClaimRecord",
    "Claimant",
    "EventSummary",
    "Figure",
    "Link",
    "PlaceRef",
    "link_pair",
    "link_within_source",
    "summarize",
]
