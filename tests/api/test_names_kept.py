"""Resolved names are kept across requests under the registry's tags (issue 15): a name
means what the registry says now, whoever wrote it and whether or not the write stayed."""

from __future__ import annotations

import sqlalchemy as sa
from sqlmodel import Session

from app.models import Actor, Place, RegistryTag
from app.params import ClaimFilters
from app.services import resolve
from tests.api.conftest import Site


def _resolved(site: Site, **params: str) -> dict:
    response = site.client.get("/claims", params={**params, "limit": 1})
    assert response.status_code == 200, response.text
    (name,) = next(iter(response.json()["resolved"].values()))
    return name


def test_a_name_asked_for_again_follows_a_write_made_by_hand(site: Site) -> None:
    """What "Free Syrian Army" and "Aleppo" take in is read once, then kept; a unit put
    under the army and a district put inside the city by SQL outside the API (a new tag
    for each) are in the next answer."""
    army = _resolved(site, actor="Free Syrian Army")
    city = _resolved(site, place="Aleppo")
    assert _resolved(site, actor="Free Syrian Army") == army  # kept
    assert resolve._kept, "the answers are kept"
    with site.engine.begin() as conn:
        conn.execute(
            sa.insert(Actor).values(
                name="Test Brigade", kind="armed_group", curated=False, slug="test-brigade",
                parent_id=army["id"],
            )
        )  # fmt: skip
        conn.execute(
            sa.insert(Place).values(
                name="Test District", kind="neighbourhood", slug="test-district",
                parent_id=city["id"], country_code="SY", geo_precision="centroid",
            )
        )  # fmt: skip
    assert _resolved(site, actor="Free Syrian Army")["includes"] == army["includes"] + 1
    assert _resolved(site, place="Aleppo")["includes"] == city["includes"] + 1


def test_a_write_rolled_back_leaves_no_answer_behind(site: Site) -> None:
    """A unit of work that moves an actor reads its own move (its tag is drawn at once);
    rolled back, the database's tag is the one before, and so is the answer."""
    filters = ClaimFilters(actor=["Free Syrian Army"])
    with Session(site.engine) as session:
        before = resolve.claim_names(session, filters).actors
        assert before
        tags = session.execute(sa.select(RegistryTag.actors, RegistryTag.places)).one()
        other = session.execute(
            sa.select(Actor).where(Actor.parent_id.is_(None), Actor.id.not_in(before)).limit(1)
        ).scalar_one()
        other.parent_id = min(before)
        session.add(other)
        moved = resolve.claim_names(session, filters).actors
        assert moved is not None and other.id in moved
        inside = session.execute(sa.select(RegistryTag.actors, RegistryTag.places)).one()
        assert inside.actors != tags.actors and inside.places == tags.places
        session.rollback()
        assert session.execute(sa.select(RegistryTag.actors)).scalar_one() == tags.actors
        assert resolve.claim_names(session, filters).actors == before
