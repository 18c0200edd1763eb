"""Curation on real databases through real HTTP: keys and roles, corrections with ETags,
reviews, the audit trail, soft delete, and corrections that survive re-extraction."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa

from app.importer import run_import
from app.ingest import read_documents
from tests.api.conftest import Site
from tests.commands import claimdb_here as claimdb
from tests.conftest import SEEDS
from tests.problems import assert_problem

MERGE = "application/merge-patch+json"
DENIAL = "has denied the attack"  # the chlorine denial in seeds/002


def test_the_review_workflow(site: Site) -> None:
    """The issue's done-when, end to end."""
    denial = site.claim_id(DENIAL)
    before = site.client.get(f"/claims/{denial}").json()
    assert before["review_status"] == "unreviewed" and before["corrected_fields"] == []

    # an editor corrects the claimant of the chlorine denial
    fixed = site.patch(
        "eddie",
        denial,
        {
            "claimant": "Syrian Ministry of Defence",
            "reason": "The official speaks for the ministry.",
        },
    )
    assert fixed.status_code == 200, fixed.text
    assert fixed.json()["claimant"]["name"] == "Syrian Ministry of Defence"
    assert fixed.json()["review_status"] == "corrected"
    assert fixed.json()["reviewed_by"] == "eddie"
    assert fixed.json()["corrected_fields"] == ["claimant"]
    assert fixed.headers["ETag"] == site.client.get(f"/claims/{denial}").headers["ETag"]

    # confirms another claim, rejects a junk one
    other = site.client.get("/claims", params={"limit": 3}).json()["data"]
    confirmed, junk = other[0]["id"], other[1]["id"]
    ok = site.patch("eddie", confirmed, {"review_status": "confirmed", "reason": "Checked."})
    assert ok.status_code == 200 and ok.json()["review_status"] == "confirmed"
    assert ok.json()["corrected_fields"] == []
    junk_claim = site.client.get(f"/claims/{junk}").json()
    source_path = f"/sources/{junk_claim['source_id']}"
    linked = [a["id"] for a in junk_claim["actors"]]
    actor_path = f"/actors/{linked[0]}" if linked else None

    def counts() -> tuple[int, int | None]:
        source = site.client.get(source_path).json()["claim_count"]
        actor = site.client.get(actor_path).json()["claim_count"] if actor_path else None
        return source, actor

    counted = counts()
    gone = site.patch("erin", junk, {"review_status": "rejected", "reason": "Not a claim."})
    assert gone.status_code == 200
    # a rejected claim leaves the counts that say how many claims a list would show
    assert counts() == (counted[0] - 1, None if counted[1] is None else counted[1] - 1)

    # a reader sees the corrected values, the reviews and the history
    listed = {c["id"] for c in site.client.get("/claims", params={"limit": 500}).json()["data"]}
    assert junk not in listed and confirmed in listed and denial in listed
    with_rejected = site.client.get("/claims", params={"limit": 500, "include_rejected": True})
    assert junk in {c["id"] for c in with_rejected.json()["data"]}
    only = site.client.get("/claims", params={"review_status": "rejected"}).json()
    assert [c["id"] for c in only["data"]] == [junk]
    csv = site.client.get("/claims", params={"format": "csv", "review_status": "corrected"})
    assert "corrected" in csv.text.splitlines()[1] and "claimant" in csv.text.splitlines()[1]
    history = site.client.get(f"/claims/{denial}/history", headers=site.auth("rita")).json()
    assert history["count"] == 1
    entry = history["data"][0]
    assert entry["by"] == "eddie" and entry["action"] == "correct"
    assert entry["reason"] == "The official speaks for the ministry."
    assert entry["before"]["claimant_id"] == before["claimant"]["id"]
    assert entry["after"]["claimant_id"] == fixed.json()["claimant"]["id"]
    audit = site.client.get("/revisions", params={"by": "erin"}).json()
    assert [r["entity_id"] for r in audit["data"]] == [junk]

    # re-extraction keeps the correction, the reviews and the ids
    done = claimdb(site.url, "reextract", "--all", "--json")
    assert '"reviewed_claims_kept": 3' in done.stdout
    again = site.client.get(f"/claims/{denial}").json()
    assert again["claimant"]["name"] == "Syrian Ministry of Defence"
    assert again["text"] == before["text"] and again["corrected_fields"] == ["claimant"]
    assert again["review_status"] == "corrected"
    assert "claimant_id" in done.stdout  # the disagreement with the new extraction, reported
    assert site.client.get(f"/claims/{confirmed}").json()["review_status"] == "confirmed"
    assert site.client.get(f"/claims/{junk}").json()["review_status"] == "rejected"
    assert site.client.get(f"/claims/{denial}/history").json()["count"] == 1


def test_a_new_version_of_the_text_keeps_the_reviews(site: Site, tmp_path: Path) -> None:
    """Re-importing a changed text (same file name) makes a new version: reviewed claims
    whose words are unchanged there carry their corrections and reviews over, shifted to
    the new offsets; a claim whose words changed is reported, not guessed."""
    denial = site.claim_id(DENIAL)
    fixed = site.patch(
        "eddie",
        denial,
        {"claimant": "Syrian Ministry of Defence", "reason": "The official speaks for it."},
    )
    assert fixed.status_code == 200, fixed.text
    source_id = fixed.json()["source_id"]
    others = site.client.get("/claims", params={"source": source_id, "limit": 3}).json()
    edited = next(c for c in others["data"] if c["id"] != denial)
    assert site.patch("erin", edited["id"], {"review_status": "confirmed", "reason": "Checked."})
    old = site.client.get(f"/sources/{source_id}").json()

    folder = tmp_path / "v2"
    folder.mkdir()
    original = (SEEDS / old["external_id"]).read_text(encoding="utf-8")
    assert original.count(edited["text"]) == 1
    changed = "Updated on publication day.\n\n" + original.replace(
        edited["text"], edited["text"].replace(" ", "  ", 1)
    )
    (folder / old["external_id"]).write_text(changed, encoding="utf-8")
    report = run_import(read_documents([folder]), origin="test seed", engine=site.engine)
    assert report.superseded == 1
    assert [r["reason"] for r in report.not_carried] == [
        f"claim {edited['id']}: its words or a corrected span changed in version 2; "
        "its review stays on version 1 only"
    ]
    [new_id] = report.source_ids
    carried = [
        c
        for c in site.client.get("/claims", params={"source": new_id, "limit": 500}).json()["data"]
        if c["review_status"] != "unreviewed"
    ]
    assert [(c["text"], c["claimant"]["name"], c["corrected_fields"]) for c in carried] == [
        (fixed.json()["text"], "Syrian Ministry of Defence", ["claimant"])
    ]
    assert carried[0]["char_start"] == changed.index(fixed.json()["text"])  # moved with its words
    history = site.client.get(f"/claims/{carried[0]['id']}/history").json()["data"]
    assert [(r["action"], r["reason"]) for r in history] == [
        ("carry", f"carried from claim {denial} of version 1 of this text")
    ]
    # the earlier version keeps its own
    assert site.client.get(f"/claims/{denial}").json()["corrected_fields"] == ["claimant"]


def test_two_editors_with_the_same_etag_get_one_200_and_one_412(site: Site) -> None:
    denial = site.claim_id(DENIAL)
    etag = site.client.get(f"/claims/{denial}").headers["ETag"]
    first = site.patch("eddie", denial, {"claimant_text": "an official", "reason": "shorter"}, etag)
    second = site.patch(
        "erin", denial, {"event_type": "chemical_attack", "reason": "chlorine"}, etag
    )
    assert first.status_code == 200, first.text
    assert_problem(second, 412)
    assert site.client.get(f"/claims/{denial}").json()["event_type"] != "chemical_attack"
    assert site.count("revision") == 1
    missing = site.client.patch(
        f"/claims/{denial}",
        json={"hedged": False, "reason": "again"},
        headers=site.auth("eddie", **{"Content-Type": MERGE}),
    )
    assert_problem(missing, 428)


def test_a_corrected_event_type_is_what_actor_and_place_filters_find(site: Site) -> None:
    """The links carry a copy of their claim's event type (issue #15): a correction moves
    the claim between the lists of its actors and places by type, as it does unfiltered."""
    claim = site.client.get(f"/claims/{site.claim_id(DENIAL)}").json()
    old, new = claim["event_type"], "chemical_attack"
    assert old != new and claim["actors"]
    by = {"actor": claim["actors"][0]["name"]}
    if claim["places"]:
        by["place"] = claim["places"][0]["name"]

    def found(event_type: str) -> list[bool]:
        def listed(params: dict) -> bool:
            page = site.client.get("/claims", params={**params, "event_type": event_type})
            return claim["id"] in {c["id"] for c in page.json()["data"]}

        return [listed({k: v}) for k, v in by.items()]

    assert found(old) == [True] * len(by) and found(new) == [False] * len(by)
    fixed = site.patch("eddie", claim["id"], {"event_type": new, "reason": "chlorine"})
    assert fixed.status_code == 200, fixed.text
    assert found(old) == [False] * len(by) and found(new) == [True] * len(by)


def test_a_deleted_source_disappears_and_is_restored(site: Site) -> None:
    denial = site.claim_id(DENIAL)
    source_id = site.client.get(f"/claims/{denial}").json()["source_id"]
    claims_before = site.client.get("/claims").json()["count"]
    in_source = site.client.get(f"/sources/{source_id}/claims").json()["count"]
    events_before = site.client.get("/events", params={"limit": 500}).json()
    assert any(source_id in _sources_of(site, e["id"]) for e in events_before["data"])
    body = {"reason": "A duplicate."}
    assert_problem(
        site.client.request(
            "DELETE", f"/sources/{source_id}", json=body, headers=site.auth("eddie")
        ),
        403,
    )
    deleted = site.client.request(
        "DELETE", f"/sources/{source_id}", json=body, headers=site.auth("ada")
    )
    assert deleted.status_code == 200, deleted.text
    assert deleted.json()["deleted_at"]
    assert source_id not in {s["id"] for s in site.client.get("/sources").json()["data"]}
    assert site.client.get("/claims").json()["count"] == claims_before - in_source
    facets = site.client.get("/claims/facets", params={"by": "event_type"}).json()
    assert sum(v["count"] for v in facets["data"]) == claims_before - in_source
    assert site.client.get(f"/sources/{source_id}/claims").json()["count"] == 0
    linked = site.client.get("/events", params={"limit": 500}).json()["data"]
    assert all(source_id not in _sources_of(site, e["id"]) for e in linked)
    again = site.client.request(
        "DELETE", f"/sources/{source_id}", json=body, headers=site.auth("ada")
    )
    assert again.status_code == 200 and again.json()["deleted_at"] == deleted.json()["deleted_at"]
    restored = site.client.post(
        f"/sources/{source_id}/restore",
        json={"reason": "Not a duplicate."},
        headers=site.auth("ada"),
    )
    assert restored.status_code == 200 and restored.json()["deleted_at"] is None
    assert site.client.get("/claims").json()["count"] == claims_before
    assert (
        site.client.get("/events", params={"limit": 500}).json()["count"] == events_before["count"]
    )
    history = site.client.get(f"/sources/{source_id}/history").json()["data"]
    assert [(r["action"], r["by"]) for r in history] == [("delete", "ada"), ("restore", "ada")]


def _sources_of(site: Site, event_id: int) -> set[int]:
    event = site.client.get(f"/events/{event_id}").json()
    return {s["id"] for s in event["sources"]}


def test_source_corrections_are_kept_by_reextraction(site: Site) -> None:
    source = site.client.get("/sources/1")
    etag = source.headers["ETag"]
    body = {
        "outlet": "Reuters",
        "published_on": "2016-11-20",
        "published_precision": "day",
        "reason": "The wire's own dateline.",
    }
    headers = site.auth("eddie", **{"If-Match": etag, "Content-Type": MERGE})
    fixed = site.client.patch("/sources/1", json=body, headers=headers)
    assert fixed.status_code == 200, fixed.text
    assert fixed.json()["corrected_fields"] == ["outlet", "published_on"]
    assert fixed.headers["ETag"] == site.client.get("/sources/1").headers["ETag"] != etag
    assert_problem(site.client.patch("/sources/1", json=body, headers=headers), 412)
    claimdb(site.url, "reextract", "--all")
    again = site.client.get("/sources/1").json()
    assert (again["outlet"], again["published_on"]) == ("Reuters", "2016-11-20")
    assert again["corrected_fields"] == ["outlet", "published_on"]
    history = site.client.get("/sources/1/history").json()["data"]
    assert [(r["action"], r["by"], r["after"]["outlet"]) for r in history] == [
        ("correct", "eddie", "Reuters")
    ]


def test_concurrent_patches_with_one_etag_write_once(site: Site) -> None:
    """Sent at the same moment, not one after the other: the version check and the write
    are one transaction, so exactly one of them wins."""
    from concurrent.futures import ThreadPoolExecutor

    denial = site.claim_id(DENIAL)
    etag = site.client.get(f"/claims/{denial}").headers["ETag"]
    bodies = [
        ("eddie", {"claimant_text": "the army", "reason": "one"}),
        ("erin", {"claimant_text": "the ministry", "reason": "two"}),
    ] * 3
    with ThreadPoolExecutor(len(bodies)) as pool:
        answers = list(pool.map(lambda nb: site.patch(nb[0], denial, nb[1], etag), bodies))
    assert sorted(a.status_code for a in answers) == [200] + [412] * (len(bodies) - 1)
    assert site.count("revision") == 1


def test_keys_from_the_command_line(site: Site) -> None:
    created = claimdb(site.url, "keys", "create", "zed", "--role", "editor")
    key = created.stdout.strip().splitlines()[-1]
    assert key.startswith("cdb_") and len(key) > 40
    listed = claimdb(site.url, "keys", "list", "--json").stdout
    assert '"name": "zed"' in listed and '"role": "editor"' in listed and key not in listed
    site.keys["zed"] = key
    denial = site.claim_id(DENIAL)
    ok = site.patch("zed", denial, {"review_status": "confirmed", "reason": "Checked."})
    assert ok.status_code == 200 and ok.json()["reviewed_by"] == "zed"
    claimdb(site.url, "keys", "create", "zed", "--role", "admin", check_code=2)
    claimdb(site.url, "keys", "create", "yan", "--role", "boss", check_code=2)
    claimdb(site.url, "keys", "revoke", "zed")
    assert_problem(site.patch("zed", denial, {"review_status": "rejected", "reason": "No."}), 401)
    assert "revoked" in claimdb(site.url, "keys", "list").stdout
    claimdb(site.url, "keys", "revoke", "nobody", check_code=2)


def test_a_reviewed_claim_extraction_no_longer_finds_is_kept_whole(
    site: Site, tmp_path: Path
) -> None:
    """A reviewed claim at a span the extractor no longer gives (as one an earlier
    extractor version found) is kept as it was by `claimdb reextract`, and copied onto a
    new version of its text: with its links, its figures and its entry in the search."""
    listed = site.client.get("/claims", params={"limit": 500}).json()["data"]
    claim = next(c for c in listed if c["actors"] and c["figures"] and len(c["text"]) > 40)
    reviewed = site.patch(
        "eddie", claim["id"], {"review_status": "confirmed", "reason": "Checked."}
    )
    assert reviewed.status_code == 200, reviewed.text
    # the span an earlier extractor gave it: one character shorter
    words = claim["text"][:-1]
    with site.engine.begin() as conn:
        conn.execute(
            sa.text("UPDATE claim SET char_end = char_end - 1, text = :t WHERE id = :id"),
            {"t": words, "id": claim["id"]},
        )
    word = max(words.split(), key=len).strip(".,;:\"'")

    def kept(claim_id: int) -> tuple:
        got = site.client.get(f"/claims/{claim_id}").json()
        return (got["text"], got["review_status"], got["actors"], got["figures"])

    done = claimdb(site.url, "reextract", "--all", "--json")
    assert f"claim {claim['id']}: the new extraction no longer finds it" in done.stdout
    assert kept(claim["id"]) == (words, "confirmed", claim["actors"], claim["figures"])
    found = site.client.get("/claims", params={"q": word, "limit": 500}).json()["data"]
    assert claim["id"] in {c["id"] for c in found}

    folder = tmp_path / "v2"
    folder.mkdir()
    external_id = site.client.get(f"/sources/{claim['source_id']}").json()["external_id"]
    changed = "Updated on publication day.\n\n" + (SEEDS / external_id).read_text("utf-8")
    assert changed.count(words) == 1
    (folder / external_id).write_text(changed, encoding="utf-8")
    report = run_import(read_documents([folder]), origin="test seed", engine=site.engine)
    assert report.superseded == 1 and report.not_carried == []
    [new_source] = report.source_ids
    copies = site.client.get("/claims", params={"source": new_source, "q": word}).json()["data"]
    [copy] = [c for c in copies if c["review_status"] == "confirmed"]
    assert copy["id"] != claim["id"] and copy["char_start"] == changed.index(words)
    delta = copy["char_start"] - claim["char_start"]  # its links moved with its words
    moved = [{**a, "char_start": a["char_start"] + delta, "char_end": a["char_end"] + delta}
             for a in claim["actors"]]  # fmt: skip
    assert kept(copy["id"]) == (words, "confirmed", moved, claim["figures"])
    history = site.client.get(f"/claims/{copy['id']}/history").json()["data"]
    assert [r["action"] for r in history] == ["carry"]
