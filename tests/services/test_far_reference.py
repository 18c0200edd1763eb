"""A place a hundred kilometres away is where a distance is measured from, not where the
claim happened (FA-KES dev articles 1962495698 and 1965511212, through the real import, on
SQLite and PostgreSQL): Press TV's twin car bombs "in al-Zahraa district of the city
located 162 kilometers (101 miles) north of the capital Damascus" were in Homs, and are
no report of Al-Manar's blasts near Sayyeda Zeinab in Damascus the same Sunday. The claim
still names Damascus (its places are what it names); linking reads it as in Homs."""

from __future__ import annotations

import sqlalchemy as sa
from sqlmodel import Session

from app.linking import where
from app.models import Claim, ClaimPlace, Place
from app.models.event import ClaimRelation
from app.services.claim_records import load_records
from tests.factories import imported_dev_articles

ARTICLES = {"1962495698", "1965511212"}


def test_words_that_measure_from_a_far_place() -> None:
    text = "It hit the city located 162 kilometers (101 miles) north of the capital Damascus."
    assert where.far_reference(text, text.index("Damascus")) is not None
    for near in ("A town 30 km (20 miles) south of Idlib.", "Some 100 people fled Idlib."):
        assert where.far_reference(near, near.index("Idlib")) is None, near


def test_a_claim_measured_from_damascus_is_not_at_damascus(fresh_url: str) -> None:
    with (
        imported_dev_articles(fresh_url, ARTICLES, "far test") as engine,
        Session(engine) as session,
    ):
        homs = session.execute(
            sa.select(Claim).where(Claim.text.contains("162 kilometers"))
        ).scalar_one()
        named = session.execute(
            sa.select(Place.name)
            .join(ClaimPlace, ClaimPlace.place_id == Place.id)
            .where(ClaimPlace.claim_id == homs.id)
        ).scalars()
        assert "Damascus" in set(named)
        ids = set(session.execute(sa.select(Claim.id)).scalars())
        record = load_records(session, ids)[homs.id]
        assert record.places and "Damascus" not in {p.name for p in record.places}
        corroborated = session.execute(
            sa.select(sa.func.count())
            .select_from(ClaimRelation)
            .where(
                sa.or_(ClaimRelation.claim_a_id == homs.id, ClaimRelation.claim_b_id == homs.id),
                ClaimRelation.kind.in_(("corroborates", "contradicts")),
            )
        ).scalar()
        assert corroborated == 0
