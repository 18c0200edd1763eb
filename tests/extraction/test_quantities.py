from pathlib import Path

import pytest

from app.extraction.quantities import find_quantities

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def facts(text: str) -> list[tuple]:
    out = []
    for q in find_quantities(text):
        assert text[q.start : q.end] == q.surface
        out.append((q.what, q.value, q.approx, q.qualifier, q.surface))
    return out


def test_seed_002_killed_and_injured_with_qualifiers():
    got = facts(seed("002"))
    assert ("killed", 1000, True, "nearly", "nearly 1,000 militants") in got
    assert ("injured", 2000, True, "over", "over 2,000") in got
    assert ("fighters", 7000, True, "about", "some 7,000 insurgents") in got
    assert ("killed", 2, True, "at_least", "at least two people") in got


def test_seed_003_displaced_counts_vague_and_exact():
    got = facts(seed("003"))
    assert ("displaced", 1500, True, "at_least", "at least 1,500 people") in got
    assert ("displaced", None, True, "vague", "Thousands of residents") in got
    assert ("displaced", None, True, "vague", "Hundreds") in got  # "Hundreds more have fled"
    assert ("killed", 470000, True, "about", "some 470,000 people") in got


def test_seed_000_fleeing_fighters_ranges_and_ellipsis():
    got = facts(seed("000"))
    assert ("fighters", 700, True, "about", "some 700 ISIL terrorists") in got
    assert ("fighters", 100, True, "range", "100-150 fighters") in got
    # "Hundreds of ISIS fighters ... fled, leaving less than 200": the same fighters
    assert ("fighters", 200, True, "less_than", "less than 200") in got


def test_seed_001_population_and_durations_are_not_counts():
    surfaces = [f[4] for f in facts(seed("001"))]
    assert not any("4 million" in s or "2 million" in s or "years" in s for s in surfaces)
    assert not any("13 days" in s or "7 miles" in s for s in surfaces)


def test_seed_004_has_no_casualty_counts():
    assert [f for f in facts(seed("004")) if f[0] in ("killed", "injured")] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A bomb blast killed six people and injured 32 in Aleppo.",
            [("killed", 6, False, None, "six people"), ("injured", 32, False, None, "32")],
        ),
        (
            "At least 48 people dead over 100 injured after the truck bomb.",
            [
                ("killed", 48, True, "at_least", "At least 48 people"),
                ("injured", 100, True, "over", "over 100"),
            ],
        ),
        (
            "At least 11 civilians including three children were killed Thursday.",
            [
                ("killed", 11, True, "at_least", "At least 11 civilians"),
                ("killed", 3, False, None, "three children"),
            ],
        ),
        (
            "The death toll from a suspected chemical weapons attack on a rebel-held Syrian "
            "town has risen to 86 30 of them children.",
            [("killed", 86, False, None, "86"), ("killed", 30, False, None, "30 of them children")],
        ),
        (
            "The conflict has claimed the lives of over 470000 people.",
            [("killed", 470000, True, "over", "over 470000 people")],
        ),
        (
            "Syrian government air strikes on Tuesday killed at least 39 people.",
            [("killed", 39, True, "at_least", "at least 39 people")],
        ),
        (
            "Hundreds of thousands of people have been displaced.",
            [("displaced", None, True, "vague", "Hundreds of thousands of people")],
        ),
        (
            "Some 120 ISIS fighters were killed in strikes.",
            [("killed", 120, True, "about", "Some 120 ISIS fighters")],
        ),
        (
            "About twenty-five gunmen stormed the checkpoint.",
            [("fighters", 25, True, "about", "About twenty-five gunmen")],
        ),
        (  # FA-KES strips hyphens: "thirty four" is one number
            "He said thirty four soldiers were killed in the ambush.",
            [("killed", 34, False, None, "thirty four soldiers")],
        ),
        (
            "Up to 1429 people died in the Ghouta attack.",
            [("killed", 1429, True, "up_to", "Up to 1429 people")],
        ),
        (
            "Dozens more were injured.",
            [("injured", None, True, "vague", "Dozens")],
        ),
    ],
)
def test_fakes_style_snippets(text, expected):
    assert facts(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The war began in 2011 and by 2016 it had spread.",
        "Aleppo was a city of 4 million before the war.",
        "The airport has been surrounded for 3 years, 7 miles from the front.",
        "Wed 05 Apr 2017 the army displayed two US-made anti-tank missiles.",
        "Russian jets flew 468 sorties in 24 hours.",
        "the seventh senior insurgent leader to die",
        "Rebels advance. 2013 Jihadists notably al-Nusra Front expand in the north.",
    ],
)
def test_not_counts_of_people(text):
    assert find_quantities(text) == []


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_spans_hold_on_every_seed(prefix):
    text = seed(prefix)
    for q in find_quantities(text):
        assert text[q.start : q.end] == q.surface
        assert q.what in ("killed", "injured", "displaced", "fighters", "other")


def bounded(text: str) -> list[tuple]:
    return [(q.what, q.value_min, q.value_max, q.subset) for q in find_quantities(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # bounds by qualifier (docs/annotation.md §8)
        ("At least 70 people were killed.", [("killed", 70, None, False)]),
        ("Nearly 1,000 people fled.", [("displaced", None, 1000, False)]),
        ("Some 700 fighters fled.", [("fighters", 700, 700, False)]),
        ("Between 100-150 people were wounded.", [("injured", 100, 150, False)]),
        ("Dozens of people were killed.", [("killed", None, None, False)]),
        # parts of a figure already given are subsets, not more dead
        (
            "The attack killed 48 people including 10 children.",
            [("killed", 48, 48, False), ("killed", 10, 10, True)],
        ),
        (
            "10 children and 13 rebels were among 48 people executed.",
            [("killed", 10, 10, True), ("killed", 13, 13, True), ("killed", 48, 48, False)],
        ),
        # a list of victims is one figure; single people count one
        (
            "The blast killed a nurse a hospital employee and two soldiers.",
            [("killed", 4, 4, False)],
        ),
        (
            "Shells hit the village claiming the lives of a man and a woman.",
            [("killed", 2, 2, False)],
        ),
        # a count and one person listed stay two figures
        (
            "Warplanes bombed a refugee camp killing five women and a child.",
            [("killed", 5, 5, False), ("killed", 1, 1, False)],
        ),
        (
            "An airstrike hit a village on Tuesday killing a woman and nine children.",
            [("killed", 1, 1, False), ("killed", 9, 9, False)],
        ),
        (
            "A girl was killed and a woman was injured.",
            [("killed", 1, 1, False), ("injured", 1, 1, False)],
        ),
        # the fate before the count: "another", "the death of", "eliminated"
        ("Air raids killed another six people.", [("killed", 6, 6, False)]),
        (
            "The clashes resulted in the death of over 100 militants.",
            [("killed", 100, None, False)],
        ),
        ("The SDF eliminated 12 Islamic State militants.", [("killed", 12, 12, False)]),
        # "toll" far before the number it rose to
        (
            "The death toll from a Syrian government raid on an Islamic State stronghold "
            "in eastern Syria has risen to 18 a monitor said.",
            [("killed", 18, 18, False)],
        ),
        # an aside in brackets does not cut the count from its predicate
        (
            "Two members of Syrias (pro-regime militia) National Defence Forces were killed.",
            [("killed", 2, 2, False)],
        ),
        # a count listed after "and" under a participle further back in its clause
        (
            "An Israeli plane hit a car killing two men from (Lebanese Shia group) Hezballah "
            "and three men from the pro-regime popular committees in the town.",
            [("killed", 2, 2, False), ("killed", 3, 3, False)],
        ),
        # fighters and civilians moved out together are displaced, not a force
        (
            "Idlib has ballooned with thousands of fighters and civilians shuttled out of Aleppo.",
            [("displaced", None, None, False)],
        ),
        # "many more" is a vague count; martyrs are dead
        (
            "Three civilians were killed and many more injured in mortar shelling.",
            [("killed", 3, 3, False), ("injured", None, None, False)],
        ),
        (
            "Airstrikes hit the city killing three civilians and wounding many more.",
            [("killed", 3, 3, False), ("injured", None, None, False)],
        ),
        ("A car bomb went off in Latakia leaving 5 martyrs.", [("killed", 5, 5, False)]),
        # two sides' dead stay two figures
        (
            "The fighting claimed the lives of 129 loyalists and 116 rebels.",
            [("killed", 129, 129, False), ("killed", 116, 116, False)],
        ),
    ],
)
def test_figures_bound_to_their_fate(text, expected):
    assert bounded(text) == expected
