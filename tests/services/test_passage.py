"""After "Meanwhile ... in Rityan", a claim naming no place is about Rityan, not about the
article's town (FA-KES dev articles 1914947538 and 1965495332, through the real import, on
SQLite and PostgreSQL). AFP's story of the Qardaha hospital bombing turns, under a
subheading, to the executions in Rityan ("- Troops kill 10 children - Meanwhile the
Observatory said ..."); its next claims name no place ("The killings took place after
troops entered the town Tuesday", the quote of the one rebel who resisted and was
executed), and standing at Qardaha they joined the bombing, whose four dead Sputnik's
report then "contradicted" with the rebel's one."""

from __future__ import annotations

import sqlalchemy as sa
from sqlmodel import Session

from app.models import Claim
from app.models.event import ClaimRelation, EventClaim
from app.services.claim_records import load_records
from tests.factories import imported_dev_articles

ARTICLES = {"1914947538", "1965495332"}


def _claim(session: Session, start: str) -> Claim:
    """The first claim whose text begins with `start`."""
    found = (
        session.execute(sa.select(Claim).where(Claim.text.startswith(start)).order_by(Claim.id))
        .scalars()
        .first()
    )
    assert found is not None, start
    return found


def _relations(session: Session, claim_id: int, kind: str | None = None) -> list[tuple[str, str]]:
    """The relations (kind, reason) a claim takes part in, of one kind if given."""
    query = sa.select(ClaimRelation.kind, ClaimRelation.reason).where(
        sa.or_(ClaimRelation.claim_a_id == claim_id, ClaimRelation.claim_b_id == claim_id)
    )
    if kind is not None:
        query = query.where(ClaimRelation.kind == kind)
    return [tuple(row) for row in session.execute(query).all()]


def test_claims_after_a_meanwhile_are_at_its_place(fresh_url: str) -> None:
    with (
        imported_dev_articles(fresh_url, ARTICLES, "passage test") as engine,
        Session(engine) as session,
    ):
        records = load_records(session, set(session.execute(sa.select(Claim.id)).scalars()))
        for start in ("The killings took place", '"There was no resistance'):
            record = records[_claim(session, start).id]
            assert record.places_inherited, start
            assert [p.name for p in record.places] == ["Ratyan"], start
        # before the turn, and in another article, the article's own town
        bomber = _claim(session, "A suicide bomber driving").id
        assert [p.name for p in records[bomber].places] == ["Qardaha"]
        quote = _claim(session, '"There was no resistance').id
        assert _relations(session, quote, "contradicts") == []


def test_a_claim_in_a_roundups_passage_is_at_the_place_the_passage_opened_with(
    fresh_url: str,
) -> None:
    """SANA's roundup of 30 October 2016 (FA-KES dev article 1926479317) goes governorate
    by governorate, each passage opening with its place ("Daraa Army units on Sunday
    destroyed..."); after the passage's villages, "The source added that a number of
    terrorists were killed in the bombardments" names no place. It is in Daraa, not at the
    article's Aleppo, and so not in one event with the air force's strikes west of
    Aleppo told just before the passage."""
    with (
        imported_dev_articles(fresh_url, {"1926479317"}, "roundup test") as engine,
        Session(engine) as session,
    ):
        added = _claim(session, "The source added that a number of terrorists were killed").id
        aleppo = _claim(session, "Later a military source said that the Syrian Air Force").id
        records = load_records(session, {added, aleppo})
        assert records[added].places_inherited
        assert [p.name for p in records[added].places] == ["Daraa"]
        events = dict(
            session.execute(
                sa.select(EventClaim.claim_id, EventClaim.event_id).where(
                    EventClaim.claim_id.in_([added, aleppo])
                )
            ).all()
        )
        assert events.get(added) is None or events.get(added) != events.get(aleppo)


def test_a_claim_naming_only_a_country_abroad_is_there_not_at_its_articles_place(
    fresh_url: str,
) -> None:
    """AFP's report of US strikes on Raqa (FA-KES dev article 1923848263) turns to Iraq:
    "IS has also been under attack in neighbouring Iraq." The claim names no Syrian place;
    standing at the article's Raqa, it joined the strikes there. Daily Sabah's Manbij
    report (1924058173) turns to Iraq too ("In neighboring Iraq meanwhile ... having
    retaken the cities of Ramadi and Fallujah"): its towns are Iraq's, no place in Syria,
    and it joins none of the Manbij claims."""
    with (
        imported_dev_articles(fresh_url, {"1923848263", "1924058173"}, "abroad test") as engine,
        Session(engine) as session,
    ):
        iraq = _claim(session, "IS has also been under attack").id
        towns = _claim(session, "In neighboring Iraq").id
        records = load_records(session, {iraq, towns})
        assert not records[iraq].places_inherited
        assert [p.name for p in records[iraq].places] == ["Iraq"]
        assert not records[towns].places_inherited
        assert {p.name for p in records[towns].places} == {"Ramadi", "Fallujah"}
        assert all(p.governorate is None for p in records[towns].places)
        for claim_id in (iraq, towns):
            assert _relations(session, claim_id) == [], claim_id
