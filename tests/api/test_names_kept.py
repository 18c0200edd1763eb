"""What a query's names and places mean is kept across requests under the registry's tags
(issue 15): a name, or the places near a point, mean what the registry says now, whoever
wrote it and whether or not the write stayed. Whether a page merges its links is kept
under the claims' newest id."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from sqlmodel import Session

from app.models import Actor, ClaimActor, ClaimPlace, Place, RegistryTag
from app.params import ClaimFilters
from app.services import claim_query, resolve
from app.services.kept import Kept
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
    assert len(resolve._kept), "the answers are kept"
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


def _ids(site: Site, **params: str) -> set[int]:
    response = site.client.get("/claims", params={**params, "limit": 200})
    assert response.status_code == 200, response.text
    return {c["id"] for c in response.json()["data"]}


def test_the_places_near_a_point_follow_a_place_moved_by_hand(site: Site) -> None:
    """`near=` reads the gazetteer's places around its point once, then keeps them under
    the places' tag: a town moved by SQL outside the API is where the next answer looks."""
    with Session(site.engine) as session:
        place_id, claims = session.execute(
            sa.select(ClaimPlace.place_id, sa.func.count(sa.distinct(ClaimPlace.claim_id)))
            .join(Place, Place.id == ClaimPlace.place_id)
            .where(Place.lat.is_not(None), Place.geo_precision != "centroid")
            .group_by(ClaimPlace.place_id)
            .order_by(sa.func.count(sa.distinct(ClaimPlace.claim_id)).desc(), ClaimPlace.place_id)
            .limit(1)
        ).one()
    far = {"near": "30.0,30.0", "radius_km": "5"}  # in Egypt's desert: no place of the seeds
    assert _ids(site, **far) == set()
    assert _ids(site, **far) == set()  # kept
    with site.engine.begin() as conn:
        conn.execute(sa.update(Place).where(Place.id == place_id).values(lat=30.0, lon=30.0))
    moved = _ids(site, **far)
    assert len(moved) == claims, "the claims of the moved town are found where it is now"


def test_whether_a_page_merges_links_is_counted_again_when_claims_arrive(
    site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On SQLite a page of an actor's claims merges the actor's links in claim order when
    they are more than MERGE_BOUND; the count that decides it is kept until new claims
    arrive (an upload here), then counted again."""
    if site.engine.dialect.name != "sqlite":
        pytest.skip("only SQLite merges link walks")
    filters = ClaimFilters(actor=["Syrian Observatory for Human Rights"])
    monkeypatch.setattr(claim_query, "_MANY", Kept(8))

    def merges() -> bool:
        with Session(site.engine) as session:
            names = resolve.claim_names(session, filters)
            return claim_query.walked(session, filters, names=names)[1] is not None

    with Session(site.engine) as session:
        names = resolve.claim_names(session, filters)
        assert names.actors
        links = session.execute(
            sa.select(sa.func.count()).where(ClaimActor.actor_id.in_(names.actors))
        ).scalar_one()
    monkeypatch.setattr(claim_query, "MERGE_BOUND", links)  # as many as there are: a list
    assert not merges()
    assert not merges()
    assert len(claim_query._MANY) == 1, "the count is kept"
    upload = site.client.post(
        "/sources",
        json={"text": "Five people were killed in Aleppo on Monday, the Syrian Observatory "
              "for Human Rights said."},
        headers=site.auth("eddie"),
    )  # fmt: skip
    assert upload.status_code == 201, upload.text
    assert merges(), "one link more than the bound: the links are merged"
