"""End to end over the seed documents, with the real place and actor matchers."""

import tomllib
from datetime import date
from pathlib import Path

import pytest

from app.extraction import Extraction, extract
from app.extraction.pipeline import outlet_actor

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
MANIFEST = {
    d["file"][:3]: d for d in tomllib.loads((SEEDS / "manifest.toml").read_text())["document"]
}
FAKES = ROOT / "tests" / "data" / "fakes" / "fakes_dev.csv"


def run_seed(prefix: str) -> tuple[str, Extraction]:
    meta = MANIFEST[prefix]
    text = (SEEDS / meta["file"]).read_text(encoding="utf-8")
    x = extract(
        text,
        published=date.fromisoformat(meta["published"]),
        published_precision=meta["published_precision"],
        title=meta["title"],
        outlet=meta["outlet"],
    )
    return text, x


def claim_with(text: str, x: Extraction, snippet: str):
    for c in x.claims:
        if snippet in text[c.start : c.end]:
            return c
    raise AssertionError(f"no claim contains {snippet!r}")


@pytest.mark.parametrize("prefix", sorted(MANIFEST))
def test_every_span_holds(prefix):
    text, x = run_seed(prefix)
    items = [*x.actors, *x.places, *x.dates, *x.quantities]
    for c in x.claims:
        assert 0 <= c.start < c.end <= len(text)
        items += [*c.quantities, *c.places, *(a.actor for a in c.actors)]
        if c.date is not None:
            items.append(c.date)
        content = [a.actor for a in c.actors if a.role != "claimant"]
        for inner in (*c.quantities, *c.places, *content):  # a speaker may be named outside
            assert c.start <= inner.start and inner.end <= c.end
        if c.claimant is not None:
            items.append(c.claimant)
    if x.published is not None:
        items.append(x.published)
    for item in items:
        assert text[item.start : item.end] == item.surface, item


def test_seed_002_pinned_cases():
    text, x = run_seed("002")
    wednesday = claim_with(text, x, "On Wednesday Russian general staff")
    assert wednesday.date.date_start == date(2016, 8, 10)
    c = claim_with(text, x, "Local resident Wassam Zarqa told the Associated Press")
    assert c.claimant is not None and c.claimant.kind == "person"
    assert c.claimant.surface == "Wassam Zarqa"
    assert claim_with(text, x, "was reportedly killed yesterday").hedged
    since = claim_with(text, x, "He claimed that since Sunday")
    assert since.date.date_start == date(2016, 8, 7)
    assert {(q.what, q.value, q.qualifier) for q in since.quantities} == {
        ("killed", 1000, "nearly"),
        ("injured", 2000, "over"),
    }
    assert x.body_end is None and x.published is None


def test_seed_001_comments_follow_related_video():
    text, x = run_seed("001")
    assert text[x.body_end :].startswith("Related video:")
    assert claim_with(text, x, "on Wednesday it was reported").date.date_start == date(2015, 11, 4)
    early = claim_with(text, x, "in early October")
    assert (early.date.date_start, early.date.precision) == (date(2015, 10, 1), "month")
    for c in x.claims:
        assert c.in_comments == (c.start >= x.body_end)
    assert any(c.in_comments for c in x.claims)


def test_seed_003_state_media_reuters_and_image_credit():
    text, x = run_seed("003")
    media = claim_with(text, x, "Syria’s state media claimed")
    assert media.hedged and media.claimant_text == "Syria’s state media"
    assert [(q.what, q.value, q.qualifier) for q in media.quantities] == [
        ("displaced", 1500, "at_least")
    ]
    reuters = claim_with(text, x, "According to Reuters")
    assert reuters.claimant is not None and reuters.claimant.key == "reuters"
    assert reuters.date.date_start == date(2016, 11, 26)
    assert claim_with(text, x, "On Sunday, the Syrian forces").date.date_start == date(2016, 11, 27)
    assert text[x.body_end :].startswith("[Featured Image by Manu Brabo/AP Images]")
    assert all(c.end <= x.body_end for c in x.claims)


def test_seed_004_dates_and_licence():
    text, x = run_seed("004")
    assert text[x.body_end :].startswith("This Content Was Created Under")
    assert claim_with(text, x, "It was not until December 18th").date.date_start == date(
        2016, 12, 18
    )
    assert claim_with(text, x, "Middle East Eye reported").date.date_start == date(2016, 12, 12)
    assert claim_with(text, x, "as reported by BBC World News").date.date_start == date(2016, 3, 28)


def test_seed_000_week_ranges_and_correspondent():
    text, x = run_seed("000")
    c = claim_with(text, x, "According to a battlefield correspondent")
    assert c.claimant_text == "a battlefield correspondent at the Kuweires Military Airport"
    added = claim_with(text, x, "The source added")
    assert added.claimant_text == c.claimant_text
    assert added.date.precision == "week" and added.date.date_end == date(2016, 2, 21)
    assert not any(text[c.start : c.end].startswith("Syrian Army Liberates") for c in x.claims)


def test_published_from_text_is_reported_and_used_as_reference():
    text = "Wed 05 Apr 2017 Strike kills 15 in Idlib. An air strike killed 15 civilians on Tuesday."
    x = extract(text, title="Strike kills 15 in Idlib", outlet="ahram")
    assert x.published is not None and x.published.value == date(2017, 4, 5)
    (c,) = x.claims
    assert c.date.date_start == date(2017, 4, 4)  # resolved against the text's own date
    assert text[c.start : c.end].startswith("An air strike killed 15")


def test_supplied_metadata_wins_over_the_text():
    text = "Wed 05 Apr 2017 An air strike killed 15 civilians in Idlib on Tuesday."
    x = extract(text, published=date(2017, 4, 12), published_precision="day")
    assert x.published.value == date(2017, 4, 5)  # still reported
    assert x.claims[0].date.date_start == date(2017, 4, 11)


def test_no_relative_dates_without_a_day_precise_reference():
    text = "An air strike killed 15 civilians in Idlib on Tuesday."
    assert extract(text).claims[0].date is None
    x = extract(text, published=date(2017, 4, 1), published_precision="month")
    assert x.claims[0].date is None


def test_outlet_claimant_for_known_media_only():
    reuters = outlet_actor("Reuters")
    assert reuters is not None and reuters.kind in ("media", "monitor")
    assert (reuters.start, reuters.end, reuters.surface) == (0, 0, "")
    assert outlet_actor("Informed Comment") is None
    text = "Syrian troops captured the town of Khanaser on Sunday after heavy fighting."
    (c,) = extract(text, outlet="Reuters").claims
    assert c.claimant == reuters and c.claimant_text == "Reuters"
    assert text[c.claimant.start : c.claimant.end] == c.claimant.surface


def test_a_name_inside_a_place_name_is_no_actor():
    # FA-KES 1965511186 and 1923848281: "al-Assad" names a suburb and a district here,
    # not the president; the places stay
    text = (
        "On Tuesday seven civilians were killed in terrorist attacks with rocket shells on "
        "al-Assad suburb and Dahiyet al-Assad in Aleppo."
    )
    x = extract(text, published=date(2016, 5, 3))
    assert [a.key for a in x.actors] == []
    names = [text[p.start : p.end] for p in x.places]
    assert names == ["al-Assad suburb", "Dahiyet al-Assad", "Aleppo"]
    (c,) = x.claims
    assert c.actors == ()
    # a country named as a place is still no actor, and a state acting still is one
    text = "Turkey shelled Kurdish positions after refugees fled to Turkey."
    keys = [(text[a.start : a.end], a.key) for a in extract(text).actors]
    assert keys == [("Turkey", "turkey")]
