"""Curation of actors and places on real databases through real HTTP: corrections with
ETags and their history, the merge of two actors, places editors add, and editors'
additions reaching the next extraction (import, upload, re-extraction) while syncing the
shipped registry (migrate, seed) keeps them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlalchemy as sa
from fastapi.testclient import TestClient
from sqlmodel import Session

from app.importer import run_import
from app.ingest import read_documents
from app.models import Place
from app.services.claim_records import gazetteer
from tests.api.conftest import MERGE, Site
from tests.commands import claimdb_here as claimdb
from tests.problems import assert_problem

# Names no registry or gazetteer knows: only an editor's addition can make them match.
BRIGADE = "Blorbington Brigade"
VILLAGE = "Tell Qarzaba"
REPORT = (
    f"The {BRIGADE} shelled {VILLAGE} on Monday, killing five civilians, "
    "the Syrian Observatory for Human Rights said."
)


def _actor(site: Site, name: str) -> dict[str, Any]:
    found = site.client.get("/actors", params={"q": name}).json()["data"]
    return next(a for a in found if a["name"] == name)


def _send(site: Site, who: str, method: str, path: str, body: dict, etag: str | None = None):  # noqa: ANN202
    headers = {"Content-Type": MERGE, **({"If-Match": etag} if etag else {})}
    return site.client.request(method, path, json=body, headers=site.auth(who, **headers))


def _aliases(actor: dict[str, Any]) -> list[dict[str, Any]]:
    """An actor's aliases as a PATCH body lists them."""
    return [{k: a[k] for k in ("alias", "valid_from", "valid_to")} for a in actor["aliases"]]


def _import(site: Site, tmp_path: Path, text: str, name: str) -> list[dict[str, Any]]:
    """Import `text` with the importer (worker processes included); its claims."""
    folder = tmp_path / name
    folder.mkdir()
    # the first line of a text file is its headline, not a claim
    (folder / f"{name}.txt").write_text(f"Shelling in Idlib\n\n{text}\n", encoding="utf-8")
    report = run_import(read_documents([folder]), origin=name, engine=site.engine, workers=1)
    assert report.added == 1, report.as_json()
    source_id = report.source_ids[0]
    return site.client.get(f"/sources/{source_id}/claims").json()["data"]


def test_an_editors_alias_and_place_reach_the_next_extraction(site: Site, tmp_path: Path) -> None:
    """The issue: "a new alias or place added by an editor is used by the next
    extraction", and syncing the shipped data (migrate, seed) keeps both."""
    fsa = _actor(site, "Free Syrian Army")
    claims = _import(site, tmp_path, REPORT, "before")
    assert BRIGADE in claims[0]["text"]
    assert fsa["id"] not in {a["id"] for a in claims[0]["actors"]}
    assert claims[0]["places"] == []

    # an editor adds the alias (the list it is to have) and the village
    got = site.client.get(f"/actors/{fsa['id']}")
    body = {"aliases": [*_aliases(got.json()), {"alias": BRIGADE}], "reason": "Its name in 2016."}
    fixed = _send(site, "eddie", "PATCH", f"/actors/{fsa['id']}", body, got.headers["ETag"])
    assert fixed.status_code == 200, fixed.text
    added = [a for a in fixed.json()["aliases"] if a["added_by"]]
    assert added == [{"alias": BRIGADE, "valid_from": None, "valid_to": None, "added_by": "eddie"}]
    assert fixed.json()["corrected_fields"] == []  # the registry's aliases are all still there
    village = _send(
        site,
        "eddie",
        "POST",
        "/places",
        {
            "name": VILLAGE,
            "kind": "village",
            "lat": 35.93,
            "lon": 36.63,
            "parent": "Idlib",
            "aliases": ["Tal Qarzaba"],
            "reason": "Named by SOHR; not in GeoNames.",
        },
    )
    assert village.status_code == 201, village.text
    place = village.json()
    assert village.headers["Location"] == f"/places/{place['id']}"
    assert (place["governorate"], place["added_by"]) == ("Idlib", "eddie")
    assert sorted(place["aliases"]) == ["Tal Qarzaba", VILLAGE]

    # the next import finds both
    claims = _import(site, tmp_path, REPORT.replace("Monday", "Tuesday"), "after")
    assert [(a["id"], a["role"]) for a in claims[0]["actors"] if a["id"] == fsa["id"]] == [
        (fsa["id"], "agent")
    ]
    assert [p["id"] for p in claims[0]["places"]] == [place["id"]]
    # and so does an upload, by the other spelling
    upload = site.client.post(
        "/sources",
        json={"text": REPORT.replace(VILLAGE, "Tal Qarzaba").replace("Monday", "Sunday")},
        headers=site.auth("eddie"),
    )
    assert upload.status_code == 201, upload.text
    uploaded = site.client.get(f"/sources/{upload.json()['id']}/claims").json()["data"]
    assert [p["id"] for p in uploaded[0]["places"]] == [place["id"]]
    assert fsa["id"] in {a["id"] for a in uploaded[0]["actors"]}

    # re-extraction of the first text links it now too
    claimdb(site.url, "reextract", "--all")
    assert site.client.get(f"/places/{place['id']}/claims").json()["count"] == 3
    # syncing the shipped data again (migrate, seed) keeps the editor's alias and place
    claimdb(site.url, "migrate")
    claimdb(site.url, "seed")
    again = site.client.get(f"/actors/{fsa['id']}").json()
    assert BRIGADE in {a["alias"] for a in again["aliases"]}
    assert {a["alias"] for a in fsa["aliases"]} <= {a["alias"] for a in again["aliases"]}
    kept = site.client.get(f"/places/{place['id']}").json()
    assert (kept["name"], kept["lat"], kept["added_by"]) == (VILLAGE, 35.93, "eddie")
    history = site.client.get(f"/places/{place['id']}/history").json()["data"]
    assert [(r["action"], r["by"]) for r in history] == [("add", "eddie")]


def test_corrected_fields_survive_the_registry_sync(site: Site) -> None:
    """A corrected name, kind, parent, coordinates or removed alias is the editor's: the
    shipped registry and gazetteer, synced again, leave it as corrected."""
    fsa = _actor(site, "Free Syrian Army")
    got = site.client.get(f"/actors/{fsa['id']}")
    keep = [a for a in _aliases(got.json()) if a["alias"] != "FSA"]
    body = {
        "name": "Free Syrian Army (FSA)",
        "kind": "other",
        "aliases": keep,
        "reason": "Our style guide.",
    }
    fixed = _send(site, "erin", "PATCH", f"/actors/{fsa['id']}", body, got.headers["ETag"])
    assert fixed.status_code == 200, fixed.text
    assert fixed.json()["corrected_fields"] == ["aliases", "kind", "name"]
    assert fixed.headers["ETag"] == site.client.get(f"/actors/{fsa['id']}").headers["ETag"]
    assert_problem(
        _send(site, "eddie", "PATCH", f"/actors/{fsa['id']}", body, got.headers["ETag"]), 412
    )

    aleppo = site.client.get("/places", params={"q": "Aleppo", "kind": "city"}).json()["data"][0]
    got = site.client.get(f"/places/{aleppo['id']}")
    moved = _send(
        site,
        "erin",
        "PATCH",
        f"/places/{aleppo['id']}",
        {"lat": 36.25, "lon": 37.0, "reason": "The citadel, not the airport."},
        got.headers["ETag"],
    )
    assert moved.status_code == 200, moved.text
    assert moved.json()["corrected_fields"] == ["lat", "lon"]

    claimdb(site.url, "migrate")
    actor = site.client.get(f"/actors/{fsa['id']}").json()
    assert (actor["name"], actor["kind"]) == ("Free Syrian Army (FSA)", "other")
    assert "FSA" not in {a["alias"] for a in actor["aliases"]}
    place = site.client.get(f"/places/{aleppo['id']}").json()
    assert (place["lat"], place["lon"]) == (36.25, 37.0)
    trail = site.client.get("/revisions", params={"entity": "actor", "entity_id": fsa["id"]})
    entry = trail.json()["data"][0]
    assert entry["before"]["name"] == "Free Syrian Army" and entry["by"] == "erin"
    assert site.client.get(f"/actors/{fsa['id']}/history").json()["data"] == trail.json()["data"]
    assert site.client.get("/revisions", params={"entity": "place"}).json()["count"] == 1


def test_an_admin_merges_a_duplicate_actor(site: Site) -> None:
    fsa = _actor(site, "Free Syrian Army")
    found = site.client.get("/actors", params={"curated": False, "limit": 500}).json()["data"]
    dup = next(a for a in found if a["claim_count"])
    path = f"/actors/{dup['id']}/merge"
    etag = site.client.get(f"/actors/{dup['id']}").headers["ETag"]
    body = {"into": fsa["id"], "reason": "The same brigade."}
    assert_problem(_send(site, "eddie", "POST", path, body, etag), 403)
    assert_problem(_send(site, "ada", "POST", path, body), 428)
    assert_problem(_send(site, "ada", "POST", path, {**body, "into": dup["id"]}, etag), 422, "into")
    merged = _send(site, "ada", "POST", path, body, etag)
    assert merged.status_code == 200, merged.text
    assert merged.json()["id"] == fsa["id"]
    assert merged.json()["claim_count"] == fsa["claim_count"] + dup["claim_count"]
    assert dup["name"] in {a["alias"] for a in merged.json()["aliases"]}

    # the old id answers with where it went
    old = site.client.get(f"/actors/{dup['id']}", follow_redirects=False)
    assert old.status_code == 308 and old.headers["Location"] == f"/actors/{fsa['id']}"
    assert old.json()["merged_into"]["id"] == fsa["id"]
    assert site.client.get(f"/actors/{dup['id']}").json()["id"] == fsa["id"]
    assert dup["id"] not in {a["id"] for a in site.client.get("/actors?limit=500").json()["data"]}
    assert site.client.get(f"/actors/{dup['id']}/claims").json()["count"] == 0
    # a claim filter naming the old id finds the claims where they went
    by_old = site.client.get("/claims", params={"actor": dup["id"]}).json()
    by_new = site.client.get("/claims", params={"actor": fsa["id"]}).json()
    assert by_old["resolved"]["actor"][0]["id"] == fsa["id"]
    assert [c["id"] for c in by_old["data"]] == [c["id"] for c in by_new["data"]] != []
    assert_problem(_send(site, "ada", "POST", path, body, "*"), 409)
    assert_problem(
        _send(
            site,
            "eddie",
            "PATCH",
            f"/actors/{dup['id']}",
            {"kind": "other", "reason": "x" * 3},
            "*",
        ),
        409,
    )
    for actor_id in (dup["id"], fsa["id"]):
        history = site.client.get(f"/actors/{actor_id}/history").json()["data"]
        assert [(r["action"], r["by"]) for r in history] == [("merge", "ada")]
    # a correction naming the old id names the actor it went into
    claim = site.claim_id("has denied the attack")
    fixed = site.patch("eddie", claim, {"claimant": dup["id"], "reason": "The brigade's denial."})
    assert fixed.status_code == 200 and fixed.json()["claimant"]["id"] == fsa["id"]

    # re-extraction and the registry sync keep the claims with the actor that stayed
    claimdb(site.url, "reextract", "--all")
    claimdb(site.url, "migrate")
    after = site.client.get(f"/actors/{fsa['id']}").json()
    assert after["claim_count"] == fsa["claim_count"] + dup["claim_count"] + 1
    assert site.client.get(f"/actors/{dup['id']}", follow_redirects=False).status_code == 308


def test_two_editors_with_one_etag_and_validation_that_writes_nothing(site: Site) -> None:
    fsa = _actor(site, "Free Syrian Army")
    sohr = _actor(site, "Syrian Observatory for Human Rights")
    etag = site.client.get(f"/actors/{fsa['id']}").headers["ETag"]
    first = _send(
        site, "eddie", "PATCH", f"/actors/{fsa['id']}", {"kind": "other", "reason": "one"}, etag
    )
    second = _send(
        site, "erin", "PATCH", f"/actors/{fsa['id']}", {"name": "FSA", "reason": "two"}, etag
    )
    assert first.status_code == 200 and second.status_code == 412
    assert_problem(
        _send(
            site, "eddie", "PATCH", f"/actors/{fsa['id']}", {"kind": "militia", "reason": "r" * 3}
        ),
        428,
    )
    revisions = site.count("revision")
    etag = site.client.get(f"/actors/{fsa['id']}").headers["ETag"]
    taken = {"aliases": [{"alias": "SOHR"}], "reason": "Theirs, wrongly."}
    assert_problem(
        _send(site, "eddie", "PATCH", f"/actors/{fsa['id']}", taken, etag), 422, "aliases.0.alias"
    )
    # a unit of its own as its parent is a cycle
    child = site.client.get(f"/actors/{fsa['id']}").json()["children"]
    if child:
        cycle = {"parent": child[0]["id"], "reason": "upside down"}
        assert_problem(
            _send(site, "eddie", "PATCH", f"/actors/{fsa['id']}", cycle, etag), 422, "parent"
        )
    itself = {"parent": fsa["id"], "reason": "itself"}
    assert_problem(
        _send(site, "eddie", "PATCH", f"/actors/{fsa['id']}", itself, etag), 422, "parent"
    )
    assert site.count("revision") == revisions
    assert site.client.get(f"/actors/{fsa['id']}").headers["ETag"] == etag
    assert sohr["id"] != fsa["id"]


def test_linking_reads_a_moved_place_at_once(site: Site) -> None:
    """Event linking's gazetteer (cached per database) follows an editor's move of a place:
    the next comparison sees the new parent, not the one read before."""
    town = site.client.get("/places", params={"q": "Khan Shaykhun"}).json()["data"][0]
    aleppo = site.client.get("/places", params={"q": "Aleppo", "kind": "governorate"})
    target = aleppo.json()["data"][0]["id"]
    with Session(site.engine) as s:
        assert target not in gazetteer(s).ref(town["id"]).chain
    got = site.client.get(f"/places/{town['id']}")
    body = {"parent": target, "reason": "Test: filed under another governorate."}
    moved = _send(site, "erin", "PATCH", f"/places/{town['id']}", body, got.headers["ETag"])
    assert moved.status_code == 200, moved.text
    with Session(site.engine) as s:
        assert target in gazetteer(s).ref(town["id"]).chain


def test_places_inside_a_moved_place_stay_moved_after_the_registry_sync(site: Site) -> None:
    city = site.client.get("/places", params={"q": "Tartus", "kind": "city"}).json()["data"][0]
    with Session(site.engine) as s:
        inside = s.execute(sa.select(Place.id).where(Place.parent_id == city["id"])).all()
    assert inside, "Tartus has a place inside it in the shipped gazetteer"
    latakia = site.client.get("/places", params={"q": "Latakia", "kind": "governorate"})
    target = latakia.json()["data"][0]
    got = site.client.get(f"/places/{city['id']}")
    body = {"parent": target["id"], "reason": "Test: filed under another governorate."}
    moved = _send(site, "erin", "PATCH", f"/places/{city['id']}", body, got.headers["ETag"])
    assert moved.status_code == 200, moved.text
    claimdb(site.url, "migrate")  # the shipped gazetteer, synced again
    for place_id in [city["id"], *(row.id for row in inside)]:
        assert site.client.get(f"/places/{place_id}").json()["governorate"] == target["name"]


def _write(
    client: TestClient, headers: dict[str, str], method: str, path: str, body: dict, etag: str
) -> str:
    """Send `body` with `etag` as If-Match; the ETag the write answers with, checked to be
    the one a GET of the entity now answers with."""
    done = client.request(
        method, path, json=body, headers={**headers, "Content-Type": MERGE, "If-Match": etag}
    )
    assert done.status_code == 200, done.text
    assert done.headers["ETag"] != etag
    entity = f"/actors/{done.json()['id']}" if "/merge" in path else path
    assert done.headers["ETag"] == client.get(entity).headers["ETag"]
    return done.headers["ETag"]


def test_the_etag_a_write_answers_is_the_one_the_next_write_checks(
    client: TestClient, people: dict[str, dict[str, str]]
) -> None:
    """GET, a PATCH with its ETag, then a PATCH with the ETag that PATCH answered, for
    each entity (and for the actor a merge keeps, and a place just added): the version a
    write answers with and the one If-Match is checked against are one computation. Were
    they two that disagreed, the second PATCH would be a 412."""
    editor, admin = people["editor"], people["admin"]
    fsa = _id(client, "actors", "Free Syrian Army")
    path = f"/actors/{fsa}"
    first = client.get(path).headers["ETag"]
    etag = _write(client, editor, "PATCH", path, {"kind": "militia", "reason": "One."}, first)
    dated = [*_aliases(client.get(path).json()), {"alias": "FSA-N", "valid_from": "2012-03-01"}]
    etag = _write(client, editor, "PATCH", path, {"aliases": dated, "reason": "Two."}, etag)
    hawks = _id(client, "actors", "Desert Hawks Brigade")
    merge = f"/actors/{hawks}/merge"
    hawks_etag = client.get(f"/actors/{hawks}").headers["ETag"]
    etag = _write(client, admin, "POST", merge, {"into": fsa, "reason": "Three."}, hawks_etag)
    _write(
        client, editor, "PATCH", path, {"name": "FSA (Free Syrian Army)", "reason": "Four."}, etag
    )
    assert_problem(
        _send_as(client, editor, path, {"kind": "other", "reason": "Stale."}, first), 412
    )

    village = {
        "name": VILLAGE,
        "kind": "village",
        "lat": 35.93,
        "lon": 36.63,
        "parent": "Idlib",
        "reason": "Missing.",
    }
    added = client.post("/places", json=village, headers={**editor, "Content-Type": MERGE})
    assert added.status_code == 201, added.text
    path = added.headers["Location"]
    assert added.headers["ETag"] == client.get(path).headers["ETag"]
    etag = _write(client, editor, "PATCH", path, {"aliases": ["Tal Qarzaba"], "reason": "One."},
                  added.headers["ETag"])  # fmt: skip
    _write(client, editor, "PATCH", path, {"lat": 35.94, "reason": "Two."}, etag)

    source = client.get("/sources", params={"limit": 1}).json()["data"][0]
    path = f"/sources/{source['id']}"
    etag = client.get(path).headers["ETag"]
    etag = _write(client, editor, "PATCH", path, {"outlet": "Reuters", "reason": "One."}, etag)
    body = {"published_on": "2016-11-20", "published_precision": "day", "reason": "Two."}
    _write(client, editor, "PATCH", path, body, etag)


def _id(client: TestClient, resource: str, name: str) -> int:
    found = client.get(f"/{resource}", params={"q": name}).json()["data"]
    return next(x["id"] for x in found if x["name"] == name)


def _send_as(client: TestClient, headers: dict[str, str], path: str, body: dict, etag: str):  # noqa: ANN202
    return client.patch(
        path, json=body, headers={**headers, "Content-Type": MERGE, "If-Match": etag}
    )
