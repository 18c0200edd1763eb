"""The registry overlay: what editors added, given to extraction as a value
(registry.Additions), laid over the shipped data for that extraction only, and carried
to the import's worker processes with each job."""

from __future__ import annotations

import pickle
from datetime import date

from app.extraction import extract
from app.extraction.registry import Additions, actor_entry, place_entry, using
from app.extraction.types import ActorEntry, AliasEntry, PlaceEntry
from app.workers import extract_all

TEXT = (
    "The Blorbington Brigade shelled Tell Qarzaba on Monday, killing five civilians, "
    "the Syrian Observatory for Human Rights said."
)
FSA = actor_entry("free-syrian-army")
assert FSA is not None
ADDITIONS = Additions(
    actors=(
        ActorEntry(
            FSA.key,
            FSA.name,
            FSA.kind,
            FSA.parent,
            (*FSA.aliases, AliasEntry("Blorbington Brigade")),
        ),
    ),
    places=(
        PlaceEntry(
            "tell-qarzaba",
            "Tell Qarzaba",
            "village",
            "idlib",
            "Idlib",
            "SY",
            35.93,
            36.63,
            "exact",
            None,
        ),
    ),
)


def _linked(text: str, additions: Additions | None = None) -> tuple[set[str], set[str]]:
    extraction = extract(text, published=date(2016, 11, 28), additions=additions)
    actors = {a.actor.key for c in extraction.claims for a in c.actors}
    places = {p.key for c in extraction.claims for p in c.places}
    return actors, places


def test_additions_link_names_the_shipped_data_lacks() -> None:
    assert _linked(TEXT) == ({"blorbington-brigade", "sohr"}, set())  # found in text
    assert _linked(TEXT, ADDITIONS) == ({"free-syrian-army", "sohr"}, {"tell-qarzaba"})


def test_the_overlay_holds_for_its_extraction_only() -> None:
    _linked(TEXT, ADDITIONS)
    assert _linked(TEXT) == ({"blorbington-brigade", "sohr"}, set())  # not reused
    assert place_entry("tell-qarzaba") is None
    with using(ADDITIONS):
        assert place_entry("tell-qarzaba").governorate == "Idlib"
        assert "Blorbington Brigade" in {a.alias for a in actor_entry(FSA.key).aliases}
    assert place_entry("tell-qarzaba") is None


def test_equal_contents_are_one_overlay_and_survive_pickling() -> None:
    again = Additions(actors=ADDITIONS.actors, places=ADDITIONS.places)
    assert again == ADDITIONS and hash(again) == hash(ADDITIONS)
    assert pickle.loads(pickle.dumps(ADDITIONS)) == ADDITIONS
    assert Additions(places=ADDITIONS.places) != ADDITIONS
    assert not Additions() and Additions() == Additions(actors=(), places=())


def test_worker_processes_extract_with_the_additions_of_each_job() -> None:
    """An import extracts in worker processes: the overlay goes with every job."""
    items = [TEXT, TEXT.replace("Monday", "Tuesday")] * 10  # more than IN_PROCESS_FIRST

    def request(text: str) -> dict:
        return {"text": text, "published": date(2016, 11, 28), "additions": ADDITIONS}

    results = list(extract_all(items, request, workers=1, wait_for_workers=True))
    assert len(results) == len(items)
    for text, outcome in results:
        assert not isinstance(outcome, str), outcome
        assert outcome == extract(**request(text))
        assert {p.key for c in outcome.claims for p in c.places} == {"tell-qarzaba"}
