"""The same searches give the same claims on SQLite and on PostgreSQL: the seeds and a
synthetic corpus in one database of each, the same queries, the matched claims compared
(by source and span, as ids need not agree) with each other and with the grammar
evaluated in Python."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy import Engine
from sqlmodel import Session

from app.db import make_engine
from app.models import Claim, Source
from app.params import ClaimFilters
from app.services import claim_query
from app.synth import generate
from tests.commands import claimdb_here
from tests.search_reference import matches

QUERIES = [
    # the seeds
    "terrorist", "terrorists", "kill", "killed OR wounded", '"Syrian army"', "terror*",
    "milit*", "al-Qaeda", "rebels OR opposition Aleppo", '"the army"', "the", "attack",
    "Palmyra OR Tadmur", "2016", "civilian", '"civilians in" OR "killed by"',
    # the synthetic corpus (real claims, app/synth.py): verbs in other forms, names, phrases
    "shell", "bombing", "besiege", "attacks", "destroy building", '"chemical attack"',
    "kill civilians", "capture", "Islamic State OR Hezbollah", "Dar*", "Aleppo*",
    "forced OR besieged Homs",
]  # fmt: skip


@pytest.fixture(scope="module")
def engines(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Engine]]:
    from tests.conftest import create_database, drop_database

    urls = {b: create_database(b, tmp_path_factory.mktemp(b)) for b in ("sqlite", "postgresql")}
    engines = {}
    for backend, url in urls.items():
        claimdb_here(url, "seed")
        engines[backend] = make_engine(url)
        generate(engines[backend], 3000)
    yield engines
    for backend, engine in engines.items():
        engine.dispose()
        drop_database(urls[backend])


def _found(engine: Engine, q: str) -> set[tuple[str, int]]:
    with Session(engine) as session:
        ids = claim_query.filtered(session, ClaimFilters(q=q)).with_only_columns(Claim.id)
        rows = session.execute(
            sa.select(Source.external_id, Claim.char_start)
            .join(Source, Source.id == Claim.source_id)
            .where(Claim.id.in_(ids))
        ).all()
    return {tuple(r) for r in rows}


def _reference(engine: Engine, q: str) -> set[tuple[str, int]]:
    with Session(engine) as session:
        rows = session.execute(
            sa.select(Source.external_id, Claim.char_start, Claim.text).join(
                Source, Source.id == Claim.source_id
            )
        ).all()
    return {(r.external_id, r.char_start) for r in rows if matches(q, r.text)}


@pytest.mark.slow
@pytest.mark.parametrize("q", QUERIES)
def test_both_databases_find_the_same_claims(engines: dict[str, Engine], q: str) -> None:
    sqlite, postgres = _found(engines["sqlite"], q), _found(engines["postgresql"], q)
    assert sqlite, q  # each query finds something
    assert sqlite == postgres
    assert sqlite == _reference(engines["sqlite"], q)


def test_nothing_to_search_matches_nothing(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'empty.sqlite3'}"
    claimdb_here(url, "seed")
    engine = make_engine(url)
    try:
        for q in ("!!!", '""', "OR", "*"):
            assert _found(engine, q) == set(), q
    finally:
        engine.dispose()
