"""Text search narrowed to a governorate is answered by the full-text index, which files each
claim under its places' governorates (app.services.search, `areas`). Whoever changes a
claim's places or a place's governorate files the claims again: checked here through HTTP
on the seeds, on SQLite and PostgreSQL, for each writer."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import command
from sqlmodel import Session

from app.db import alembic_config, migrate
from app.services import search
from tests.api.conftest import Site
from tests.commands import claimdb_here as claimdb

MERGE = "application/merge-patch+json"
MILLION = "Homs was a city of about a million"  # seeds: placed at Homs (the city) only
PRESSURE = "put pressure on al-Waar"  # seeds: placed at al-Waar (a district of Homs) only


def _found(site: Site, q: str, governorate: str) -> set[int]:
    got = site.client.get("/claims", params={"q": q, "governorate": governorate, "limit": 200})
    assert got.status_code == 200, got.text
    return {c["id"] for c in got.json()["data"]}


def _send(site: Site, path: str, body: dict) -> None:
    etag = site.client.get(path).headers["ETag"]
    headers = site.auth("eddie", **{"If-Match": etag, "Content-Type": MERGE})
    done = site.client.patch(path, json=body, headers=headers)
    assert done.status_code == 200, done.text


def test_text_and_governorate_find_what_each_finds_alone(site: Site) -> None:
    for q, governorate in (("siege", "Homs"), ("killed", "Aleppo"), ("city", "Homs")):
        text = site.client.get("/claims", params={"q": q, "limit": 200}).json()["data"]
        placed = site.client.get("/claims", params={"governorate": governorate, "limit": 200})
        both = {c["id"] for c in text} & {c["id"] for c in placed.json()["data"]}
        assert _found(site, q, governorate) == both
    assert _found(site, "million", "Homs") == {site.claim_id(MILLION)}


def test_a_claims_corrected_places_file_it_under_their_governorate(site: Site) -> None:
    claim = site.claim_id(MILLION)
    text = site.client.get(f"/claims/{claim}").json()["text"]
    start = text.index("Homs")
    places = [{"place": "Aleppo", "char_start": start, "char_end": start + 4}]
    _send(site, f"/claims/{claim}", {"places": places, "reason": "Read again."})
    assert claim not in _found(site, "million", "Homs")
    assert claim in _found(site, "million", "Aleppo")


def test_a_place_moved_to_another_governorate_takes_its_claims_along(site: Site) -> None:
    claim = site.claim_id(PRESSURE)
    assert _found(site, "pressure", "Homs") == {claim}
    district = site.client.get(f"/claims/{claim}").json()["places"][0]
    _send(site, f"/places/{district['id']}", {"parent": "Hama", "reason": "Moved, for a test."})
    assert site.client.get(f"/places/{district['id']}").json()["governorate"] == "Hama"
    assert _found(site, "pressure", "Homs") == set()
    assert _found(site, "pressure", "Hama") == {claim}


def test_syncing_the_shipped_places_files_their_claims_again(site: Site) -> None:
    """A place whose governorate the shipped data changes (here: the database's is made
    wrong, with the index filed by it) has its claims filed under the shipped one."""
    claim = site.claim_id(PRESSURE)
    with Session(site.engine) as session:
        district = session.execute(
            sa.text("SELECT place_id FROM claim_place WHERE claim_id = :c"), {"c": claim}
        ).scalar_one()
        session.execute(
            sa.text("UPDATE place SET governorate = 'Hama' WHERE id = :p"), {"p": district}
        )
        search.reindex_places(session, [district])
        session.commit()
    assert _found(site, "pressure", "Hama") == {claim}
    claimdb(site.url, "seed")  # syncs the shipped data
    assert _found(site, "pressure", "Homs") == {claim}
    assert _found(site, "pressure", "Hama") == set()


def test_the_revision_files_stored_claims_as_the_application_does(site: Site) -> None:
    """0015 fills `areas` for the claims stored before it: the same terms the application
    writes (claim by claim), and the way down drops them."""
    areas = "SELECT {key}, areas FROM claim_fts ORDER BY 1"
    key = "claim_id" if site.engine.dialect.name == "postgresql" else "rowid"

    def filed() -> list[tuple[int, list[str]]]:  # each claim's terms (in any order)
        with site.engine.connect() as conn:
            rows = conn.execute(sa.text(areas.format(key=key))).all()
        return [(i, sorted(str(a).replace("'", "").split())) for i, a in rows]

    written = filed()
    assert [a for _, a in written if a]  # some claims are filed under a governorate
    command.downgrade(alembic_config(site.url), "0014")
    with site.engine.connect() as conn:
        columns = list(conn.execute(sa.text("SELECT * FROM claim_fts LIMIT 1")).keys())
    assert "areas" not in columns
    migrate(site.url)
    assert filed() == written
