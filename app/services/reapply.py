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


def _by_span(session: Session, source_id: int) -> dict[tuple[int, int], int]:
    """The ids of the source's claims, by their span: where a kept claim is found again."""
    rows = session.execute(
        sa.select(Claim.id, Claim.char_start, Claim.char_end).where(Claim.source_id == source_id)
    )
    return {(r.char_start, r.char_end): r.id for r in rows}


def _insert(session: Session, k: Kept) -> Claim:
    """Store the kept claim as it was, with its links and the rows written from it; under
    its own id when `k.row` has one."""
    inserted = session.execute(Claim.__table__.insert().values(k.row))
    claim_id = inserted.inserted_primary_key[0]
    _insert_links(session, claim_id, k.actors, k.places)
    claim = session.get(Claim, claim_id, populate_existing=True)
    assert claim is not None
    store.write_claim_rows(session, claim)
    return claim


def reapply(session: Session, source: Source, kept: list[Kept]) -> Reapplied:
    """Put the kept reviews and corrections back onto the new claims of `source`."""
    done = Reapplied()
    new = _by_span(session, source.id)
    for k in kept:
        old_id = k.row["id"]
        new_id = new.pop(k.span, None)
        if new_id is None:
            _insert(session, k)
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


def _shift(value: Any, delta: int) -> Any:
    """Offsets inside a stored correction moved by `delta` (lists of links included)."""
    if isinstance(value, list):
        return [_shift(v, delta) for v in value]
    if isinstance(value, dict):
        return {
            k: v + delta if k in ("char_start", "char_end") and isinstance(v, int) else v
            for k, v in value.items()
        }
    return value


def _spans(values: dict[str, Any], claim_span: tuple[int, int]) -> list[tuple[int, int]]:
    """Every span a correction names: the claim's own and each link's."""
    out = [claim_span]
    if "char_start" in values:
        out.append((values["char_start"], values["char_end"]))
    for key in ("actors", "places", "quantities"):
        for link in values.get(key) or ():
            if link.get("char_start") is not None and link.get("char_end") is not None:
                out.append((link["char_start"], link["char_end"]))
    return out


def _carried(k: Kept, old_text: str, new_text: str) -> Kept | None:
    """`k` moved into the new text, or None when its words are not there exactly once or
    a span its correction names would read differently there."""
    start, end = k.row["char_start"], k.row["char_end"]
    words = old_text[start:end]
    at = new_text.find(words)
    if at < 0 or new_text.find(words, at + 1) >= 0:
        return None
    delta = at - start
    values = (k.row["corrections"] or {}).get("values", {})
    for s, e in _spans(values, (start, end)):
        if old_text[s:e] != new_text[s + delta : e + delta]:
            return None
    corrections = k.row["corrections"]
    if corrections:
        corrections = {
            **corrections,
            "span": [x + delta for x in k.span],
            "values": {key: _shift(v, delta) if key in ("actors", "places", "quantities")
                       else v + delta if key in ("char_start", "char_end") else v
                       for key, v in values.items()},
        }  # fmt: skip
    row = {**k.row, "char_start": start + delta, "char_end": end + delta}
    return Kept(
        {**row, "corrections": corrections}, _shift(k.actors, delta), _shift(k.places, delta)
    )


def carry(session: Session, previous: Source, source: Source) -> Reapplied:
    """A new version of a text (same external_id, new words) takes over what people
    reviewed and corrected in the version before: each such claim whose words are found
    once in the new text, with every span its correction names reading the same there,
    gets its review and corrections on the new version's claim at that place (a copy of
    it where the new extraction found none). The rest stay on the earlier version only,
    and are reported. Each carried claim gets a revision naming where it came from."""
    done = Reapplied()
    new = _by_span(session, source.id)
    for k in keep(session, previous.id):
        old_id = k.row["id"]
        moved = _carried(k, previous.text, source.text)
        if moved is None:
            done.disagreements.append(
                f"claim {old_id}: its words or a corrected span changed in version "
                f"{source.version}; its review stays on version {previous.version} only"
            )
            continue
        row = moved.row
        claim_id = new.pop((row["char_start"], row["char_end"]), None)
        if claim_id is None:  # a copy on the new version, under a new id
            row = {**{key: v for key, v in row.items() if key != "id"}, "source_id": source.id}
            claim = _insert(session, Kept(row, moved.actors, moved.places))
        else:
            claim = session.get(Claim, claim_id, populate_existing=True)
        assert claim is not None
        before = curation.state(session, claim)
        values = (row["corrections"] or {}).get("values", {})
        curation.apply(session, claim, curation.typed(values), source.text)
        for key in ("review_status", "reviewed_by", "reviewed_at", "corrections"):
            setattr(claim, key, row[key])
        session.flush()
        revisions.record(
            session,
            row["reviewed_by"] or "claimdb",
            "claim",
            claim.id,
            "carry",
            before,
            curation.state(session, claim),
            f"carried from claim {old_id} of version {previous.version} of this text",
        )
        done.kept += 1
    session.flush()
    return done
