"""The claim scorer's field rules (`claimdb eval --claims`), on claims written here."""

from __future__ import annotations

from app.evaluation.claims import SystemClaim, SystemPlace, judge
from app.evaluation.gold import GoldClaim, GoldPlace


def _places(gold: list[GoldPlace], system: list[SystemPlace]) -> bool:
    text = "Rockets fired from Syria hit Kilis."
    g = GoldClaim(
        span=(0, len(text)), text=text, claimant=None, hedged=False, event_date=None,
        places=tuple(gold),
    )  # fmt: skip
    s = SystemClaim(0, len(text), "none", None, None, False, None, None, places=tuple(system))
    return judge(g, s)["places"]


KILIS = SystemPlace("kilis", "Kilis", None)  # in the gazetteer since stop 40, in Turkey


def test_a_place_over_the_border_the_gazetteer_lacked_matches_it_by_name() -> None:
    # annotators wrote the country of a place outside Syria in free text
    for written in ("outside Syria", "Turkey", "(outside Syria)", None):
        gold = GoldPlace(place=None, name="Kilis", span=(29, 34), kind="city", governorate=written)
        assert _places([gold], [KILIS]), written


def test_an_unlisted_place_still_needs_its_governorate() -> None:
    # a Syrian governorate is no country over the border, and a gazetteer place in a
    # governorate needs the same one
    gold = GoldPlace(place=None, name="Kilis", span=(29, 34), kind="city", governorate="Aleppo")
    assert not _places([gold], [KILIS])
    baath = GoldPlace(place=None, name="al-Baath", span=(0, 8), kind="town", governorate="Quneitra")
    assert _places([baath], [SystemPlace("al-baath", "al-Baath", "Quneitra")])
    assert not _places([baath], [SystemPlace("al-baath", "al-Baath", "Hama")])
    assert not _places([baath], [SystemPlace("al-baath", "al-Baath", None)])


def test_a_wrong_date_is_listed_with_how_the_system_decided_it(tmp_path) -> None:
    """`--errors` shows the system's stored reason beside the annotator's note, so a
    person can tell a wrong rule from a wrong cue without re-running the extraction."""
    import json

    from app.evaluation.run import evaluate_claims

    text = "Jets struck a market in Idlib on Tuesday killing 12 people a monitor said."
    gold = {
        "document": {"dataset": "other", "id": "why", "text": text, "published": "2017-04-05"},
        "annotator": "test",
        "published": None,
        "reference": "2017-04-05",
        "claims": [
            {
                "span": [0, len(text)],
                "text": text,
                "claimant": {"generic": "monitor"},
                "hedged": False,
                "event_date": {"start": "2017-04-05", "end": "2017-04-05", "precision": "day"},
                "event_date_note": "written wrong on purpose: Tuesday is 2017-04-04",
            }
        ],
    }
    path = tmp_path / "other-why.json"
    path.write_text(json.dumps(gold), encoding="utf-8")
    errors = evaluate_claims(path, with_errors=True)["errors"]
    dated = next(e["event_date"] for e in errors if "event_date" in e.get("wrong", ()))
    assert dated["system"] == ["2017-04-04", "2017-04-04"]
    assert dated["system_why"].startswith("own; cue: Tuesday")


def test_a_claimant_named_before_the_registry_knew_it_matches_it_by_any_of_its_names() -> None:
    """Annotators wrote "Local Coordination Committee" by name while the registry lacked it;
    it matches the registry's LCC now, but a name only sharing a word does not."""
    from app.evaluation.claims import _same_actor

    lcc = ("local-coordination-committees", "Local Coordination Committees")
    assert _same_actor(None, "Local Coordination Committee", *lcc)
    assert _same_actor(None, "LCC", *lcc)
    assert not _same_actor(None, "Syrian Center for Policy Research", "syrian-government", "Syria")
    assert not _same_actor(None, "Coordination Committee of Homs", *lcc)


def test_an_actor_matches_its_registry_parents_however_far() -> None:
    """docs/annotation.md §6: "Russian strikes" is `russia` or `russian-air-force`, which
    sits three parents below it (armed forces, ministry, state)."""
    from app.evaluation.claims import _same_actor

    air = ("russian-air-force", "Russian Aerospace Forces")
    assert _same_actor("russia", "Russian", *air)
    assert _same_actor("russian-armed-forces", "Russian forces", *air)
    assert not _same_actor("syrian-government", "the regime", *air)
    assert not _same_actor("russian-air-force", "Russian jets", "syrian-air-force", "Syrian jets")
