"""Framing counts: which words each article uses around each actor (app.linking.framing),
stored per source when it is imported and read back per actor or per source."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from app.errors import NotFound
from app.linking.framing import ActorSpan, framing
from app.models import Actor, Mention, Source
from app.models.event import (
    ActorFraming,
    Framing,
    FramingTerm,
    OutletFraming,
    SourceActorFraming,
    SourceFraming,
)
from app.services import resolve

# built once: each import runs them (building and keying a statement cost more than running it)
_SOURCE = sa.select(Source.text, Source.body_end).where(Source.id == sa.bindparam("source_id"))
_MENTIONS = sa.select(Mention.actor_id, Mention.char_start, Mention.char_end).where(
    Mention.source_id == sa.bindparam("source_id"), Mention.kind == "actor"
)


def count_source(session: Session, source_id: int) -> int:
    """Count the framing words of one stored source (its article, not its comments)."""
    session.flush()  # Core from here: the source and its mentions as written
    conn = session.connection()
    source = conn.execute(_SOURCE, {"source_id": source_id}).one()
    spans = [
        ActorSpan(a, s, e)
        for a, s, e in conn.execute(_MENTIONS, {"source_id": source_id}).all()
        if a is not None
    ]
    rows = [
        {"source_id": source_id, "actor_id": c.actor_id, "term": c.term, "count": c.count,
         "char_start": c.start, "char_end": c.end}
        for c in framing(source.text, spans, source.body_end)
    ]  # fmt: skip
    if rows:
        conn.execute(Framing.__table__.insert(), rows)
    return len(rows)


def clear_source(session: Session, source_id: int) -> None:
    session.execute(sa.delete(Framing).where(Framing.source_id == source_id))


def clear_all(session: Session) -> None:
    session.execute(sa.delete(Framing))


def _example(source_id: int, text: str, start: int, end: int) -> dict[str, Any]:
    return {
        "source_id": source_id,
        "char_start": start,
        "char_end": end,
        "context": text[max(0, start - 80) : end + 80],
    }


def actor_framing(session: Session, actor_id: int) -> ActorFraming:
    """Per outlet, the words its articles use for this actor (its units and affiliates
    included, as for the claim filters), most frequent first."""
    actor = session.get(Actor, actor_id)
    if actor is None:
        raise NotFound("actor", actor_id)
    ids = resolve.with_affiliates(session, {actor_id})
    rows = session.execute(
        sa.select(Framing.term, Framing.count, Framing.source_id, Framing.char_start,
                  Framing.char_end, Source.outlet)
        .join(Source, Source.id == Framing.source_id)
        .where(Framing.actor_id.in_(ids))
        .order_by(Framing.source_id, Framing.char_start)
    ).all()  # fmt: skip
    texts = dict(
        session.execute(
            sa.select(Source.id, Source.text).where(Source.id.in_({r.source_id for r in rows}))
        ).all()
    )
    by_outlet: dict[str, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
    for r in rows:
        by_outlet[r.outlet or "(no outlet)"][r.term].append(r)
    return ActorFraming(
        actor_id=actor.id,
        actor=actor.name,
        outlets=[
            OutletFraming(outlet=outlet, terms=_terms(terms, texts))
            for outlet, terms in sorted(by_outlet.items())
        ],
    )


def _terms(terms: dict[str, list[Any]], texts: dict[int, str]) -> list[FramingTerm]:
    out = [
        FramingTerm(
            term=term,
            count=sum(r.count for r in rs),
            sources=len({r.source_id for r in rs}),
            example=_example(
                rs[0].source_id, texts[rs[0].source_id], rs[0].char_start, rs[0].char_end
            ),
        )
        for term, rs in terms.items()
    ]
    return sorted(out, key=lambda t: (-t.count, t.term))


def source_framing(session: Session, source_id: int) -> SourceFraming:
    """Per actor named in this source, the framing words used around it."""
    source = session.get(Source, source_id)
    if source is None:
        raise NotFound("source", source_id)
    rows = session.execute(
        sa.select(Framing.term, Framing.count, Framing.source_id, Framing.char_start,
                  Framing.char_end, Framing.actor_id, Actor.name)
        .join(Actor, Actor.id == Framing.actor_id)
        .where(Framing.source_id == source_id)
        .order_by(Actor.name, Framing.term)
    ).all()  # fmt: skip
    by_actor: dict[tuple[str, int], dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
    for r in rows:
        by_actor[(r.name, r.actor_id)][r.term].append(r)
    return SourceFraming(
        source_id=source.id,
        outlet=source.outlet,
        actors=[
            SourceActorFraming(
                actor_id=actor_id, actor=name, terms=_terms(terms, {source.id: source.text})
            )
            for (name, actor_id), terms in sorted(by_actor.items())
        ],
    )
