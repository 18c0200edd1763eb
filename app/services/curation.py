"""Corrections and reviews of claims: the one place a person's change is validated and
applied, whether it comes from PATCH or is applied again after re-extraction
(app.services.reextraction). Every change appends a revision. Never commits.

A claim's editable state is a dict of its columns and links (`state`); a correction is
the part of that dict a person set, kept on the claim (`Claim.corrections`) with the span
extraction gave it, so a new extraction of the same text can find it again.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from app.errors import InvalidParameter, NotFound
from app.extraction.types import MAX_EVENT_SPAN_DAYS
from app.models import Actor, Claim, ClaimActor, ClaimPlace, Source
from app.models.base import utcnow
from app.models.corrections import ClaimPatch
from app.services import events, resolve, revisions, store

SCALARS = (
    "claimant_id",
    "claimant_text",
    "hedged",
    "event_type",
    "event_date_start",
    "event_date_end",
    "event_date_precision",
    "quantities",
    "char_start",
    "char_end",
)
# how a state key is named to people: the public field it belongs to
FIELD_OF = {
    "claimant_id": "claimant",
    "event_date_start": "event_date",
    "event_date_end": "event_date",
    "event_date_precision": "event_date",
    "char_start": "span",
    "char_end": "span",
}


def corrected_fields(corrections: dict[str, Any] | None) -> list[str]:
    values = (corrections or {}).get("values", {})
    return sorted({FIELD_OF.get(k, k) for k in values})


def state(session: Session, claim: Claim) -> dict[str, Any]:
    """What a person can change about `claim`: its ETag is computed from this."""
    links = session.execute(
        sa.select(ClaimActor)
        .where(ClaimActor.claim_id == claim.id, ClaimActor.role != "claimant")
        .order_by(ClaimActor.char_start, ClaimActor.id)
    ).scalars()
    places = session.execute(
        sa.select(ClaimPlace)
        .where(ClaimPlace.claim_id == claim.id)
        .order_by(ClaimPlace.char_start, ClaimPlace.id)
    ).scalars()
    return {
        **{k: getattr(claim, k) for k in SCALARS},
        "actors": [
            {
                "actor_id": a.actor_id,
                "role": a.role,
                "char_start": a.char_start,
                "char_end": a.char_end,
            }
            for a in links
        ],
        "places": [
            {"place_id": p.place_id, "char_start": p.char_start, "char_end": p.char_end}
            for p in places
        ],
        "review_status": claim.review_status,
    }


def load(session: Session, claim_id: int, *, for_update: bool = False) -> Claim:
    claim = session.get(Claim, claim_id, with_for_update=for_update or None)
    if claim is None:
        raise NotFound("claim", claim_id)
    return claim


def _bad(field: str, detail: str) -> InvalidParameter:
    return InvalidParameter(field, f"{field}: {detail}", location="body")


def _one(session: Session, kind: str, value: int | str, field: str) -> int:
    """The actor or place `value` names (an id, a name or an alias); a name several share
    resolves by the rule the query parameters follow (the answer shows which one)."""
    entities = resolve.ACTORS if kind == "actor" else resolve.PLACES
    try:
        name = resolve.find(session, entities, str(value), field)
    except InvalidParameter as exc:
        raise InvalidParameter(field, exc.detail, exc.suggestions, location="body") from None
    assert name.id is not None
    if kind == "actor":  # an actor merged into another is that one now
        merged = session.get(Actor, name.id)
        if merged is not None and merged.merged_into_id is not None:
            return merged.merged_into_id
    return name.id


def _span(field: str, start: int | None, end: int | None, length: int) -> None:
    if (start is None) != (end is None):
        raise _bad(field, "give both char_start and char_end, or neither.")
    if start is not None and end is not None and not 0 <= start < end <= length:
        raise _bad(
            field,
            f"[{start}, {end}) is not a span of the source text (0 <= char_start < "
            f"char_end <= {length}).",
        )


def _changes(session: Session, claim: Claim, patch: ClaimPatch, text: str) -> dict[str, Any]:
    """The state keys `patch` sets, checked like an import's; raises before any write."""
    given = patch.model_fields_set - {"reason", "review_status"}
    out: dict[str, Any] = {}
    for key in ("claimant_text", "hedged", "event_type"):
        if key in given:
            out[key] = getattr(patch, key)
    if "claimant" in given:
        out["claimant_id"] = (
            None if patch.claimant is None else _one(session, "actor", patch.claimant, "claimant")
        )
    if given & {"char_start", "char_end"}:
        start = patch.char_start if "char_start" in given else claim.char_start
        end = patch.char_end if "char_end" in given else claim.char_end
        _span("char_end", start, end, len(text))
        out |= {"char_start": start, "char_end": end}
    date_keys = {"event_date_start", "event_date_end", "event_date_precision"}
    if given & date_keys:
        dates = {k: getattr(patch if k in given else claim, k) for k in sorted(date_keys)}
        start, end, precision = (
            dates["event_date_start"],
            dates["event_date_end"],
            dates["event_date_precision"],
        )
        if len({start is None, end is None, precision is None}) > 1:
            raise _bad(
                "event_date_start", "give start, end and precision together, or null all three."
            )
        if start is not None and end is not None:
            if start > end:
                raise _bad("event_date_end", "is before event_date_start.")
            if (end - start).days > MAX_EVENT_SPAN_DAYS:
                raise _bad(
                    "event_date_end", f"a claim's dates span at most {MAX_EVENT_SPAN_DAYS} days."
                )
        out |= dates
    if "actors" in given:
        out["actors"] = []
        for i, link in enumerate(patch.actors or []):
            if link.role == "claimant":
                raise _bad(f"actors.{i}.role", "the claimant is set with `claimant`.")
            _span(f"actors.{i}", link.char_start, link.char_end, len(text))
            out["actors"].append(
                {
                    "actor_id": _one(session, "actor", link.actor, f"actors.{i}.actor"),
                    "role": link.role,
                    "char_start": link.char_start,
                    "char_end": link.char_end,
                }
            )
    if "places" in given:
        out["places"] = []
        for i, link in enumerate(patch.places or []):
            _span(f"places.{i}", link.char_start, link.char_end, len(text))
            out["places"].append(
                {
                    "place_id": _one(session, "place", link.place, f"places.{i}.place"),
                    "char_start": link.char_start,
                    "char_end": link.char_end,
                }
            )
    if "quantities" in given:
        out["quantities"] = []
        for i, q in enumerate(patch.quantities or []):
            _span(f"quantities.{i}", q.char_start, q.char_end, len(text))
            if q.value_min is not None and q.value_max is not None and q.value_min > q.value_max:
                raise _bad(f"quantities.{i}.value_max", "is below value_min.")
            out["quantities"].append(q.model_dump())
    return out


def apply(session: Session, claim: Claim, values: dict[str, Any], text: str) -> None:
    """Write state `values` onto `claim` and its links: the one writer of corrections."""
    assert claim.id is not None
    store.clear_claim_rows(session, claim.id)
    for key in SCALARS:
        if key in values:
            setattr(claim, key, values[key])
    if "char_start" in values:
        claim.text = text[claim.char_start : claim.char_end]
    if "claimant_id" in values:
        session.execute(
            sa.delete(ClaimActor).where(
                ClaimActor.claim_id == claim.id, ClaimActor.role == "claimant"
            )
        )
        if claim.claimant_id is not None:
            session.add(ClaimActor(claim_id=claim.id, actor_id=claim.claimant_id, role="claimant"))
    if "actors" in values:
        session.execute(
            sa.delete(ClaimActor).where(
                ClaimActor.claim_id == claim.id, ClaimActor.role != "claimant"
            )
        )
        session.add_all(ClaimActor(claim_id=claim.id, **a) for a in values["actors"])
    if "places" in values:
        session.execute(sa.delete(ClaimPlace).where(ClaimPlace.claim_id == claim.id))
        session.add_all(ClaimPlace(claim_id=claim.id, **p) for p in values["places"])
    session.flush()
    store.write_claim_rows(session, claim)


def _relink(session: Session, source_id: int) -> None:
    """Events and relations follow the claims: a corrected or rejected claim is linked
    again with the rest of its source."""
    events.source_removed(session, source_id)
    events.source_added(session, source_id)


def correct(
    session: Session, claim_id: int, patch: ClaimPatch, by: str, if_match: str | None
) -> Claim:
    """Apply `patch` to the claim if `if_match` is its current version; one revision."""
    claim = load(session, claim_id, for_update=True)
    before = state(session, claim)
    revisions.check_version(before, if_match)
    source = session.get(Source, claim.source_id)
    assert source is not None
    values = revisions.plain(_changes(session, claim, patch, source.text))
    changed = {k: v for k, v in values.items() if revisions.plain({k: before[k]})[k] != v}
    status = patch.review_status or ("corrected" if changed else None)
    if not changed and status is None:
        raise _bad(
            "reason", "the patch changes nothing: send the fields to correct or a review_status."
        )
    if changed:
        corrections = dict(claim.corrections or {})
        corrections.setdefault("span", [claim.char_start, claim.char_end])  # as extracted
        corrections["values"] = {**corrections.get("values", {}), **changed}
        claim.corrections = corrections
        apply(session, claim, typed(changed), source.text)
    if status is not None:
        claim.review_status, claim.reviewed_by, claim.reviewed_at = status, by, utcnow()
    session.flush()
    action = "correct" if changed else "review"
    revisions.record(
        session, by, "claim", claim.id, action, before, state(session, claim), patch.reason
    )
    if changed or "rejected" in (status, before["review_status"]):
        _relink(session, claim.source_id)
    return claim


def typed(values: dict[str, Any]) -> dict[str, Any]:
    """Stored (JSON) correction values as column values: dates back to dates."""
    return {
        k: date.fromisoformat(v)
        if k.startswith("event_date_") and k != "event_date_precision" and v
        else v
        for k, v in values.items()
    }
