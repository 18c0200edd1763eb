"""A corroboration across two FA-KES dev articles about the same attack (the Khan
Sheikhoun gas attack of 4 April 2017), through the real import, on SQLite and PostgreSQL:
SOHR's "at least 72" (via Al-Araby) and TRT World's "at least 58" are independent
claimants agreeing on the toll; the event they land in counts both."""

from __future__ import annotations

import sqlalchemy as sa
from sqlmodel import Session

from app.models import Actor, Claim, Source
from app.models.event import ClaimRelation, Event, EventClaim
from tests.factories import imported_dev_articles

ARTICLES = {"1923102872", "1919191759"}


def _claim(session: Session, external_id: str, starts: str) -> Claim:
    return session.execute(
        sa.select(Claim)
        .join(Source, Source.id == Claim.source_id)
        .where(Source.external_id == external_id, Claim.text.startswith(starts))
    ).scalar_one()


def _relation(session: Session, a: Claim, b: Claim) -> ClaimRelation:
    """The one relation stored between two claims."""
    [relation] = session.execute(
        sa.select(ClaimRelation).where(
            ClaimRelation.claim_a_id.in_([a.id, b.id]), ClaimRelation.claim_b_id.in_([a.id, b.id])
        )
    ).scalars()
    return relation


def test_two_outlets_corroborate_the_khan_sheikhoun_toll(fresh_url: str) -> None:
    with (
        imported_dev_articles(fresh_url, ARTICLES, "corroboration test") as engine,
        Session(engine) as session,
    ):
        sohr = _claim(session, "1923102872", "At least 72 people")
        trt = _claim(session, "1919191759", "An alleged chemical attack that killed")
        relation = _relation(session, sohr, trt)
        assert relation.kind == "corroborates", relation.reason
        assert "killed" in relation.agree and relation.differ == []
        assert "at least 72 and at least 58 agree" in relation.reason
        assert "Independent claimants" in relation.reason
        events = {
            e
            for (e,) in session.execute(
                sa.select(EventClaim.event_id).where(EventClaim.claim_id.in_([sohr.id, trt.id]))
            ).all()
        }
        assert len(events) == 1
        event = session.get(Event, events.pop())
        assert event.source_count == 2 and event.claimant_count >= 2
        by = {f["claimant"]: f["value"] for f in event.figures["killed"]["by_claimant"]}
        assert by.get("Syrian Observatory for Human Rights") == "at least 72", by


def test_a_police_command_quoted_by_sana_is_the_government_s_voice(fresh_url: str) -> None:
    """SANA's toll for a day's rocket fire on Aleppo and "a source at Aleppo Police
    Command" giving the figures of some of its neighbourhoods (FA-KES dev 1926479084): the
    police command is a state body, one voice with SANA, so its smaller figures neither
    contradict nor corroborate SANA's; before, it counted as an independent claimant and
    its 19 injured "contradicted" SANA's 72."""
    with (
        imported_dev_articles(fresh_url, {"1926479084"}, "police command test") as engine,
        Session(engine) as session,
    ):
        police = _claim(session, "1926479084", "A source at Aleppo Police Command")
        chain = []
        actor = session.get(Actor, police.claimant_id)
        while actor is not None:
            chain.append(actor.name)
            actor = session.get(Actor, actor.parent_id) if actor.parent_id else None
        assert chain[0] == "Aleppo Police Command", chain
        assert chain[-1] == "Syrian government", chain
        kinds = {
            r.kind: r.reason
            for r in session.execute(
                sa.select(ClaimRelation).where(
                    (ClaimRelation.claim_a_id == police.id)
                    | (ClaimRelation.claim_b_id == police.id)
                )
            ).scalars()
        }
        assert kinds, "the police command's claim is linked to its article's toll"
        assert "contradicts" not in kinds and "corroborates" not in kinds, kinds


def _one_claimant_twice(fresh_url: str, a: tuple[str, str], b: tuple[str, str]) -> None:
    """Import two dev articles; the claims starting so in each (article id, first words)
    agree but are one claimant's: `related`, not a corroboration."""
    with (
        imported_dev_articles(fresh_url, {a[0], b[0]}, "one claimant test") as engine,
        Session(engine) as session,
    ):
        relation = _relation(session, _claim(session, *a), _claim(session, *b))
        assert relation.kind == "related", relation.reason
        assert "Same claimant" in relation.reason, relation.reason


def test_a_source_that_told_sana_speaks_with_sana_s_voice(fresh_url: str) -> None:
    """ "Medical sources in the city told SANA's reporter that ... hospitals received the
    bodies of 44 victims as well as 140 injured" (Al-Manar, FA-KES dev 1965511170) and
    "Syrian state media gave a toll of 44 dead and 140 injured" (TRT World, 1924058046)
    are one report, SANA's: they agree, but do not corroborate each other (the dev2 pair
    1919191742 / 1965511170 calls such a pair related)."""
    _one_claimant_twice(
        fresh_url,
        ("1965511170", "Medical sources in the city told SANA"),
        ("1924058046", "Syrian state media gave a toll"),
    )


def test_an_outlet_in_its_own_words_is_its_registry_actor(fresh_url: str) -> None:
    """The New Arab's own "The Islamic State group claims the double suicide bomb attack
    ... killing at least 17 people" (FA-KES dev 1923102965, outlet `alaraby`) and its
    "IS also claimed an October 2 bomb attack ... that killed at least 17 people" in a
    later article (1923102970, where the extraction names it Al-Araby Al-Jadeed) are one
    claimant twice (audit-dev7), not two agreeing."""
    _one_claimant_twice(
        fresh_url,
        ("1923102965", "The Islamic State group claims the double"),
        ("1923102970", "IS also claimed an October 2 bomb attack"),
    )
