"""Corrections survive re-extraction: before a source's claims are replaced, the ones a
person reviewed are kept aside; after, each is found again by the span extraction gave
it, keeps its id (so its history and links stay true) and gets its corrections and review
applied again (app.services.curation.apply, the one writer of corrections). Where the new
extraction disagrees with a correction, the correction wins and the difference is
reported. A reviewed claim the new extraction no longer finds is kept as it was.
Never commits."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from app.models import Claim, ClaimActor, ClaimPlace, Source
from app.services import curation, revisions, store


@dataclass
class Kept:
    row: dict[str, Any]
    actors: list[dict[str, Any]]
    places: list[dict[str, Any]]

    @property
    def span(self) -> tuple[int, int]:
        extracted = (self.row["corrections"] or {}).get("span")
        return tuple(extracted) if extracted else (self.row["char_start"], self.row["char_end"])  # type: ignore[return-value]


@dataclass
class Reapplied:
    kept: int = 0
    disagreements: list[str] = field(default_factory=list)


def _links(session: Session, model: Any, claim_id: int) -> list[dict[str, Any]]:
    rows = session.execute(sa.select(model.__table__).where(model.claim_id == claim_id))
    return [{k: v for k, v in r._mapping.items() if k != "id"} for r in rows]


def keep(session: Session, source_id: int) -> list[Kept]:
    """The source's reviewed or corrected claims, as rows, before they are deleted."""
    claims = session.execute(
        sa.select(Claim.__table__).where(
            Claim.source_id == source_id,
            sa.or_(Claim.review_status != "unreviewed", Claim.corrections.is_not(None)),
        )
    ).all()
    return [
        Kept(
            dict(c._mapping),
            _links(session, ClaimActor, c.id),
            _links(session, ClaimPlace, c.id),
        )
        for c in claims
    ]


def _move(session: Session, new_id: int, old_id: int) -> None:
    """Give the claim `new_id` the id `old_id` (free: its claim was just deleted). Links
    move with it."""
    actors, places = _links(session, ClaimActor, new_id), _links(session, ClaimPlace, new_id)
    session.execute(sa.delete(ClaimActor).where(ClaimActor.claim_id == new_id))
    session.execute(sa.delete(ClaimPlace).where(ClaimPlace.claim_id == new_id))
    store.clear_claim_rows(session, new_id)  # written again under old_id by curation.apply
    table = Claim.__table__
    session.execute(table.update().where(table.c.id == new_id).values(id=old_id))
    _insert_links(session, old_id, actors, places)


def _insert_links(
    session: Session, claim_id: int, actors: list[dict[str, Any]], places: list[dict[str, Any]]
) -> None:
    for model, rows in ((ClaimActor, actors), (ClaimPlace, places)):
        if rows:
            session.execute(model.__table__.insert(), [{**r, "claim_id": claim_id} for r in rows])


def reapply(session: Session, source: Source, kept: list[Kept]) -> Reapplied:
    """Put the kept reviews and corrections back onto the new claims of `source`."""
    done = Reapplied()
    new = {
        (r.char_start, r.char_end): r.id
        for r in session.execute(
            sa.select(Claim.id, Claim.char_start, Claim.char_end).where(
                Claim.source_id == source.id
            )
        )
    }
    for k in kept:
        old_id = k.row["id"]
        new_id = new.pop(k.span, None)
        if new_id is None:
            session.execute(Claim.__table__.insert(), [k.row])
            _insert_links(session, old_id, k.actors, k.places)
            kept_claim = session.get(Claim, old_id)
            assert kept_claim is not None
            store.write_claim_rows(session, kept_claim)
            done.disagreements.append(
                f"claim {old_id}: the new extraction no longer finds it; kept as reviewed"
            )
            done.kept += 1
            continue
        _move(session, new_id, old_id)
        claim = session.get(Claim, old_id, populate_existing=True)
        assert claim is not None
        values = (k.row["corrections"] or {}).get("values", {})
        extracted = revisions.plain(curation.state(session, claim))
        for key, value in values.items():
            if extracted.get(key) != value:
                done.disagreements.append(
                    f"claim {old_id}: extraction now gives {key}={extracted.get(key)!r}; "
                    f"kept the correction {value!r}"
                )
        curation.apply(session, claim, curation.typed(values), source.text)
        for key in ("review_status", "reviewed_by", "reviewed_at", "corrections"):
            setattr(claim, key, k.row[key])
        done.kept += 1
    session.flush()
    return done
