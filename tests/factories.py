"""Small factories: the rows a test relies on, made in its rolled-back session, so that
the test says what it needs instead of depending on what seeds/ happens to contain."""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine
from sqlmodel import Session

from app.config import PROJECT_ROOT
from app.db import make_engine, migrate
from app.importer import run_import
from app.ingest import RawDocument, read_documents
from app.ingest.types import content_sha256
from app.models import Actor, Claim, Source
from app.models.links import ClaimActor

_serial = itertools.count(1)


def make_source(session: Session, text: str | None = None, **fields: Any) -> Source:
    """A stored source (no extraction run on it); the text is unique unless given."""
    n = next(_serial)
    text = text if text is not None else f"Test document {n}: the army entered a town."
    source = Source(
        origin="test",
        external_id=f"test-{n}",
        text=text,
        content_sha256=content_sha256(text),
        **fields,
    )
    session.add(source)
    session.flush()
    return source


def make_actor(session: Session, name: str | None = None, **fields: Any) -> Actor:
    n = next(_serial)
    name = name or f"Test Brigade {n}"
    actor = Actor(name=name, slug=f"test-actor-{n}", kind=fields.pop("kind", "militia"), **fields)
    session.add(actor)
    session.flush()
    return actor


def make_claim(
    session: Session,
    source: Source | None = None,
    *,
    actors: Sequence[tuple[Actor, str]] = (),
    **fields: Any,
) -> Claim:
    """A claim spanning all of its source's text (a new source unless given), naming
    `actors` (actor, role)."""
    source = source or make_source(session)
    claim = Claim(
        source_id=source.id,
        text=source.text,
        char_start=0,
        char_end=len(source.text),
        **fields,
    )
    session.add(claim)
    session.flush()
    for actor, role in actors:
        session.add(ClaimActor(claim_id=claim.id, actor_id=actor.id, role=role))
    session.flush()
    return claim


FAKES_DEV = PROJECT_ROOT / "tests" / "data" / "fakes" / "fakes_dev.csv"


@contextmanager
def imported_dev_articles(url: str, ids: set[str], origin: str) -> Iterator[Engine]:
    """A fresh database at `url` with these FA-KES dev articles imported (and linked) by the
    real import, every one added."""
    docs = [
        d
        for d in read_documents([FAKES_DEV], preset="fakes")
        if isinstance(d, RawDocument) and d.external_id in ids
    ]
    assert len(docs) == len(ids)
    migrate(url)
    engine = make_engine(url)
    try:
        report = run_import(docs, origin=origin, engine=engine)
        assert report.added == len(ids) and not report.failed
        yield engine
    finally:
        engine.dispose()
