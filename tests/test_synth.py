"""`claimdb synth`: synthetic claims resampled from real ones, written into the configured
database, the same rows for the same seed, with every invariant an import keeps (spans
that slice their source, figure rows, full-text rows, consistent dates), and the names
users filter by resolving to claims."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlmodel import Session

from app.db import make_engine
from app.models import Claim
from app.params import ClaimFilters
from app.services import claim_query, search
from app.services.figures import figure_rows
from app.synth import load_profile
from tests.commands import claimdb_here as claimdb
from tests.conftest import create_database, drop_database

# (table, its columns in a fixed order); imported_at is the one value that is not the seed's
TABLES = {
    "source": "id, external_id, outlet, published_on, title, text, content_sha256",
    "claim": "id, source_id, text, char_start, char_end, claimant_id, claimant_text, hedged, "
    "in_comments, event_type, event_date_start, event_date_end, event_date_precision, "
    "quantities, review_status",
    "claim_actor": "claim_id, actor_id, role, char_start, char_end",
    "claim_place": "claim_id, place_id, char_start, char_end",
    "claim_figure": "claim_id, kind, value, value_min, value_max, qualifier, subset",
}


def _rows(url: str) -> dict[str, list[tuple]]:
    engine = make_engine(url)
    with engine.connect() as conn:
        found = {
            table: [tuple(r) for r in conn.execute(sa.text(f"SELECT {cols} FROM {table} ORDER BY 1, 2, 3"))]
            for table, cols in TABLES.items()
        }  # fmt: skip
    engine.dispose()
    return found


def test_the_same_seed_gives_the_same_rows(tmp_path: Path) -> None:
    urls = [create_database("sqlite", tmp_path) for _ in range(3)]
    for url, seed in zip(urls, (3, 3, 4), strict=True):
        done = claimdb(url, "synth", "--claims", "300", "--seed", str(seed), "--per-source", "7")
        assert "added 300 synthetic claims" in done.stdout
        assert "created the schema" in done.stderr  # a new database is migrated first
    first, second, other = (_rows(url) for url in urls)
    assert len(first["claim"]) == 300 and len(first["source"]) == 43  # 42 of 7, one of 6
    assert first == second
    assert first["claim"] != other["claim"]


def test_synthetic_claims_keep_every_invariant(backend: str, tmp_path: Path) -> None:
    url = create_database(backend, tmp_path)
    try:
        claimdb(url, "synth", "--claims", "2000")
        claimdb(url, "synth", "--claims", "500", "--seed", "8")  # on top: ids go on
        engine = make_engine(url)
        with engine.connect() as conn:
            q = lambda sql: conn.execute(sa.text(sql)).all()  # noqa: E731
            assert q("SELECT count(*) FROM claim") == [(2500,)]
            assert q("SELECT count(*) FROM claim_actor WHERE role = 'claimant'")[0][0] > 0
            texts = {r.id: r.text for r in q("SELECT id, text FROM source")}
            claims = q(
                "SELECT id, source_id, text, char_start, char_end, event_date_start, "
                "event_date_end, event_date_precision, quantities FROM claim"
            )
            for c in claims:
                assert texts[c.source_id][c.char_start : c.char_end] == c.text
                assert (c.event_date_start is None) == (c.event_date_precision is None)
                if c.event_date_start is not None:
                    assert str(c.event_date_start) <= str(c.event_date_end)
            by_claim = {c.id: c for c in claims}
            for table in ("claim_actor", "claim_place"):
                for link in q(f"SELECT claim_id, char_start, char_end FROM {table}"):
                    c = by_claim[link.claim_id]
                    if link.char_start is not None:  # a span inside its claim, not empty
                        assert c.char_start <= link.char_start < link.char_end <= c.char_end
            figures, quantities = q("SELECT count(*) FROM claim_figure")[0][0], []
            for c in claims:  # figures moved with their claim
                for quantity in (
                    json.loads(c.quantities) if isinstance(c.quantities, str) else c.quantities
                ):
                    quantities.append(quantity)
                    if quantity["char_start"] is not None:
                        at = texts[c.source_id][quantity["char_start"] : quantity["char_end"]]
                        assert at == quantity["surface"]
            assert figures == len(figure_rows(0, quantities)) > 0
        with Session(engine) as session:
            for filters in (
                {"actor": ["Daesh"]},
                {"place": ["Aleppo"]},
                {"governorate": ["Homs"]},
                {"claimant": ["SOHR"]},
                {"q": "besieged"},
                {"hedged": True},
                {"killed_min": 10},
            ):
                ids = claim_query.filtered(session, ClaimFilters(**filters))
                found = session.execute(ids.with_only_columns(Claim.id).limit(1)).all()
                assert found, filters
            # every claim has its full-text row, as an import writes it
            one = session.execute(sa.select(Claim.id, Claim.text).limit(1)).one()
            word = search.words(one.text)[0]
            ids = claim_query.filtered(session, ClaimFilters(q=word))
            assert one.id in session.execute(ids.with_only_columns(Claim.id)).scalars().all()
        engine.dispose()
    finally:
        drop_database(url)


def test_the_profile_is_real_extracted_data() -> None:
    profile = load_profile()
    assert len(profile) > 4000
    slugs = {a[0] for t in profile for a in t["actors"]}
    places = {p[0] for t in profile for p in t["places"]}
    assert {"islamic-state", "sohr"} <= slugs
    assert {"aleppo", "homs"} <= places


@pytest.mark.parametrize("args", [["--claims", "0"], ["--claims", "5", "--per-source", "0"]])
def test_synth_refuses_nonsense(args: list[str], tmp_path: Path) -> None:
    done = claimdb(create_database("sqlite", tmp_path), "synth", *args, check_code=2)
    assert "at least 1" in done.stderr
