"""A claim that puts itself "in northern Syria" does not stand at its article's place when
that place is elsewhere (FA-KES dev articles 1924058145 and 1924058146, through the real
import, on SQLite and PostgreSQL): Daily Sabah's article on coalition strikes around
Albu Kamal (Deir ez-Zor) ends with an airstrike "in northern Syria" on a village the
gazetteer does not know; its toll of 10 is no rival of the Albu Kamal tolls."""

from __future__ import annotations

import sqlalchemy as sa
from sqlmodel import Session

from app.linking import where
from app.models import Claim, Source
from app.models.event import ClaimRelation
from app.services.claim_records import load_records
from tests.factories import imported_dev_articles

ARTICLES = {"1924058145", "1924058146"}


def test_words_for_a_part_of_syria() -> None:
    assert where.outside_region("On Tuesday in northern Syria an airstrike", "Deir ez-Zor")
    assert where.outside_region("in the east of the country", "Daraa")
    assert where.outside_region("in northwest Syria", "Deir ez-Zor")
    for text, governorate in (
        ("in northern Syria", "Aleppo"),
        ("in northwestern Syria", "Hama"),
        ("in southern Syria", "Daraa"),
        ("in Syria", "Daraa"),
    ):
        assert where.outside_region(text, governorate) is None, text


def test_a_claim_in_northern_syria_is_not_at_its_article_s_deir_ez_zor_town(
    fresh_url: str,
) -> None:
    with (
        imported_dev_articles(fresh_url, ARTICLES, "region test") as engine,
        Session(engine) as session,
    ):
        north = session.execute(
            sa.select(Claim).where(Claim.text.startswith("On Tuesday in northern Syria"))
        ).scalar_one()
        ids = set(session.execute(sa.select(Claim.id)).scalars())
        records = load_records(session, ids)
        assert records[north.id].places == ()
        # a claim naming no place stands at its article's town, or, after "Meanwhile Human
        # Rights Watch said ... a March 16 airstrike ... in the northern Syrian province of
        # Aleppo", at the place of that passage (tests/services/test_passage.py)
        meanwhile = session.execute(
            sa.select(Claim).where(Claim.text.startswith("Meanwhile Human Rights Watch"))
        ).scalar_one()
        inherited = [r for r in records.values() if r.places_inherited]
        before = [
            r
            for r in inherited
            if r.source_id != meanwhile.source_id or r.start < meanwhile.char_start
        ]
        assert before and all(r.places[0].governorate == "Deir ez-Zor" for r in before)
        after = min((r for r in inherited if r not in before), key=lambda r: r.start)
        assert after.text.startswith("U.S. officials said at the time")
        assert after.places[0].governorate == "Aleppo"
        related = session.execute(
            sa.select(ClaimRelation.kind, ClaimRelation.reason).where(
                sa.or_(ClaimRelation.claim_a_id == north.id, ClaimRelation.claim_b_id == north.id),
                ClaimRelation.kind == "contradicts",
            )
        ).all()
        assert related == []
        sources = session.execute(sa.select(sa.func.count()).select_from(Source)).scalar()
        assert sources == 2
