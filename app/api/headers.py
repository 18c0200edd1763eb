"""`If-Match`, the one header the routes that change an entity take: the ETag that
entity's GET answered with, so that two people who read the same version cannot both
write over it (app.services.revisions.check_version: 428 without it, 412 when stale)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Header


def _if_match(entity: str, note: str = "") -> Any:
    return Header(
        description=f"The {entity}'s ETag, from GET /{entity}s/{{id}}; `*` skips the check{note}.",
        examples=["*"],
    )


# one per entity, as each is documented: the same header, the GET it names differs
ClaimIfMatch = Annotated[
    str | None, _if_match("claim", " (the change then overwrites whatever is current)")
]
SourceIfMatch = Annotated[str | None, _if_match("source")]
ActorIfMatch = Annotated[str | None, _if_match("actor")]
PlaceIfMatch = Annotated[str | None, _if_match("place")]
