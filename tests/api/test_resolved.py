"""Every list and facet response says what each name parameter resolved to (issue 14).

A name resolves when it is an id, a slug, or an entity's name or alias spelled as given
(up to case, accents and the Arabic article); a spelling that only folds alike is a 422
that suggests the name. A name several entities share resolves by the documented rule
(app/services/resolve.py) and lists the others as alternatives.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient
from pydantic import SecretStr
from sqlmodel import Session

from app.config import settings
from app.extraction.normalize import light_key
from app.extraction.registry import place_rank
from app.models import Actor, ActorAlias, Place, PlaceAlias
from app.services import resolve
from tests.problems import assert_problem

KEY = "resolved-key"


@pytest.fixture
def writable(monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    monkeypatch.setattr(settings, "api_key", SecretStr(KEY))
    return {"Authorization": f"Bearer {KEY}"}


def resolved(client: TestClient, url: str, parameter: str) -> list[dict[str, Any]]:
    response = client.get(url)
    assert response.status_code == 200, response.text
    return response.json()["resolved"][parameter]


def test_an_alias_resolves_and_says_what_it_became(client: TestClient) -> None:
    [daesh] = resolved(client, "/claims?actor=Daesh", "actor")
    assert daesh["input"] == "Daesh" and daesh["matched"] == "alias"
    assert daesh["name"] == client.get(f"/actors/{daesh['id']}").json()["name"]
    assert daesh["name"] != "Daesh" and daesh["alternatives"] == []
    # includes: the affiliates the filter takes in, none without them
    children = client.get(f"/actors/{daesh['id']}").json()["children"]
    assert daesh["includes"] >= len(children)
    [alone] = resolved(client, "/claims?actor=Daesh&include_affiliates=false", "actor")
    assert alone["includes"] == 0 and alone["id"] == daesh["id"]
    [by_name] = resolved(client, f"/claims?actor={daesh['name']}", "actor")
    assert by_name["matched"] == "name"
    [by_id] = resolved(client, f"/claims?actor={daesh['id']}", "actor")
    assert by_id["matched"] == "id"
    # an actor found in text has no aliases: its name and its slug find it
    found = client.get("/actors?curated=false&limit=500").json()["data"]
    actor = next(a for a in found if a["slug"] != a["name"].lower())
    [by_name] = resolved(client, f"/claims?actor={actor['name']}", "actor")
    [by_key] = resolved(client, f"/claims?actor={actor['slug']}", "actor")
    assert by_name["id"] == by_key["id"] == actor["id"] and by_name["matched"] == "name"


def test_every_name_parameter_is_reported_in_order(client: TestClient) -> None:
    body = client.get(
        "/claims?actor=ISIL&actor=Tiger Forces&place=Aleppo&claimant=SOHR"
        "&governorate=Homs&outlet=Morning Star"
    ).json()
    assert [r["input"] for r in body["resolved"]["actor"]] == ["ISIL", "Tiger Forces"]
    assert set(body["resolved"]) == {"actor", "place", "claimant", "governorate", "outlet"}
    assert client.get("/claims").json()["resolved"] == {}


@pytest.mark.parametrize(
    ("query", "parameter", "meant"),
    [
        ("actor=Deash", "actor", "Daesh"),
        ("place=Aleppoo", "place", "Aleppo"),
        ("claimant=SOHRR", "claimant", "SOHR"),
        ("governorate=Homss", "governorate", "Homs"),
        ("outlet=Syrian Arab News Agencyy", "outlet", "Syrian Arab News Agency"),
    ],
)
def test_a_spelling_that_only_folds_alike_is_422_suggesting_the_name(
    client: TestClient, query: str, parameter: str, meant: str
) -> None:
    body = assert_problem(client.get(f"/claims?{query}"), 422, parameter)
    assert body["suggestions"][0] == meant
    assert f"Did you mean: {meant}" in body["detail"]


def test_a_prefix_suggests_what_the_actor_search_finds_first(client: TestClient) -> None:
    body = assert_problem(client.get("/claims?actor=Ahrar"), 422, "actor")
    first = client.get("/actors?q=Ahrar").json()["data"][0]
    assert first["name"].startswith("Ahrar")
    spellings = {first["name"], *(a["alias"] for a in first["aliases"])}
    assert body["suggestions"][0] in spellings  # not "Al Ahram", "HRW" or "WHO"


def test_china_is_not_sana(client: TestClient, writable: dict[str, str]) -> None:
    # the two names fold to one key; each means only itself
    text = (
        "China said on Monday that the resolution was unbalanced. "
        "SANA reported that 12 civilians were killed by shelling in Aleppo."
    )
    created = client.post(
        "/sources", json={"text": text, "outlet": "sana", "title": "t"}, headers=writable
    )
    assert created.status_code == 201, created.text
    [china] = resolved(client, "/claims?claimant=China", "claimant")
    [sana] = resolved(client, "/claims?claimant=SANA", "claimant")
    assert china["name"] == "China" and china["matched"] == "name"
    assert sana["name"] == "Syrian Arab News Agency" and sana["id"] != china["id"]
    by_china = client.get("/claims?claimant=China&limit=500").json()["data"]
    by_sana = client.get("/claims?claimant=SANA&limit=500").json()["data"]
    assert by_china and by_sana
    assert {c["claimant"]["name"] for c in by_china} == {"China"}
    assert "China" not in {c["claimant"]["name"] for c in by_sana}


def test_place_homs_says_which_homs(client: TestClient) -> None:
    [homs] = resolved(client, "/claims?place=Homs", "place")
    assert homs["kind"] == "city" and homs["matched"] == "name"
    [governorate] = homs["alternatives"]
    assert governorate["kind"] == "governorate" and governorate["name"] == "Homs"
    # the alternative is one id away, and takes in more than the city
    city = client.get("/claims?place=Homs").json()["count"]
    whole = client.get(f"/claims?place={governorate['id']}").json()
    assert whole["resolved"]["place"][0]["includes"] > homs["includes"]
    assert whole["count"] >= city
    [by_governorate] = resolved(client, "/claims?governorate=Homs", "governorate")
    assert by_governorate["id"] == governorate["id"] and by_governorate["includes"] > 0
    assert client.get("/claims?governorate=Homs").json()["count"] == whole["count"]


def test_two_places_with_one_name_resolve_by_the_rule(client: TestClient) -> None:
    # Suran is a town in Hama and a village in Aleppo: the more populous, the other listed
    [suran] = resolved(client, "/claims?place=Suran", "place")
    assert suran["alternatives"], suran
    for other in suran["alternatives"]:
        assert place_rank(other["key"]) <= place_rank(suran["key"])
        assert other["governorate"] != suran["governorate"]


def test_events_places_and_sources_say_what_their_names_meant(client: TestClient) -> None:
    [event_place] = resolved(client, "/events?place=Homs", "place")
    assert event_place["kind"] == "city"
    [place_governorate] = resolved(client, "/places?governorate=Homs", "governorate")
    assert place_governorate["kind"] == "governorate"
    [outlet] = resolved(client, "/sources?outlet=morning-star", "outlet")
    assert outlet["name"] == "Morning Star" and outlet["matched"] == "key"
    facets = client.get("/claims/facets?by=month&actor=Daesh").json()
    assert facets["resolved"]["actor"][0]["input"] == "Daesh"
    assert_problem(client.get("/events?actor=Deash"), 422, "actor")


def _names(session: Session, model: Any, alias_model: Any, owner: str) -> list[tuple[int, str]]:
    owner_col = getattr(alias_model, owner)
    return [
        (row[0], row[1])
        for row in session.execute(
            sa.select(owner_col, alias_model.alias).join(model, model.id == owner_col)
        ).all()
    ]


@pytest.mark.parametrize("which", ["actors", "places"])
def test_every_registry_and_gazetteer_name_resolves_to_its_own_entity(
    session: Session, which: str
) -> None:
    """No two different entities share a key: every name of every entity in the database
    resolves to that entity, or to a namesake spelled the same (listing it as an
    alternative); never to an entity that merely folds alike (China and SANA)."""
    kind = resolve.ACTORS if which == "actors" else resolve.PLACES
    model, alias_model, owner = (
        (Actor, ActorAlias, "actor_id") if which == "actors" else (Place, PlaceAlias, "place_id")
    )
    spellings: dict[int, set[str]] = defaultdict(set)
    names = _names(session, model, alias_model, owner)
    for ident, name in names:
        spellings[ident].add(light_key(name))
    assert len(names) > 100
    wrong = []
    for ident, name in names:
        found = resolve.find(session, kind, name, "name")
        candidates = {found.id, *(a.id for a in found.alternatives)}
        if ident not in candidates or light_key(name) not in spellings[found.id]:
            wrong.append((name, ident, found.id))
    assert wrong == []
