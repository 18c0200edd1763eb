"""Issue 10, error class 4 (actors and roles), eighth pass (errors of dev, fresh, fresh2 and
fresh3): each cause fixed is pinned by a sentence written on its pattern (docs/annotation.md
§6), run through the whole extraction."""

from __future__ import annotations

from tests.extraction.test_roles_issue10b import roles

# a relative clause saying what the subject is made of --------------------------------------


def test_a_clause_of_what_a_force_consists_of_does_not_hide_its_verb() -> None:
    got = roles(
        "In November 2016 the SDF which mainly consists of Kurdish fighters but also includes "
        "Arab units launched an operation to seize Raqqa."
    )
    assert got["sdf"] == "agent"


def test_a_clause_of_what_a_force_includes_does_not_hide_its_passive() -> None:
    got = roles("The SDF, which includes Arab units, was attacked by IS on Monday.")
    assert got == {"sdf": "target", "islamic-state": "agent"}


# the groups a fight is against, named after "including" ----------------------------------


def test_a_group_included_among_those_fought_against_is_the_target() -> None:
    got = roles(
        "ISIL has been fighting a war against rebels including the Al-Qaeda affiliate "
        "Al-Nusra Front since January."
    )
    assert got == {"islamic-state": "agent", "al-nusra-front": "target"}


# what a group owns hit in a passive ---------------------------------------------------------


def test_a_groups_sites_and_vehicles_targeted_make_it_the_target() -> None:
    got = roles(
        "ISILs sites and military vehicles loaded with ammunition were targeted by the Syrian "
        "army aircraft near the town of Khneifes."
    )
    assert got["islamic-state"] == "target"


# "pro-" and "anti-" a side of the war: someone else's allegiance --------------------------


def test_a_side_named_after_pro_or_anti_is_no_actor() -> None:
    got = roles(
        "Eleven civilians including a journalist for pro-opposition television were killed "
        "in Eastern Ghouta on Sunday."
    )
    assert "syrian-opposition" not in got
    got = roles("Much of Idlib is controlled by the anti-Assad rebels.")
    assert "bashar-al-assad" not in got


def test_a_foreign_sponsor_after_pro_is_still_named() -> None:
    got = roles("Pro-Turkey Syrian rebels are preparing an operation to oust HTS from Idlib.")
    assert got["turkey"] == "mentioned"


def test_pro_regime_before_a_unit_the_text_names_adds_no_regime() -> None:
    got = roles(
        "Two members of the (pro-regime militia) National Defence Forces were killed when an "
        "Israeli drone targeted their car."
    )
    assert got == {"national-defence-forces": "target", "israeli-military": "agent"}
    got = roles("An Israeli airstrike killed five pro-regime forces on Wednesday.")
    assert got["syrian-arab-army"] == "target"


# a sponsor named with "-backed" outside its alias -----------------------------------------


def test_a_capital_backing_a_force_is_its_sponsor() -> None:
    got = roles(
        "Turkey launched an operation in Aleppo province to tackle both IS and "
        "Washington-backed Kurdish militias."
    )
    assert got["united-states"] == "mentioned"
    assert got["islamic-state"] == "target"


# "at times" between the subject and its verb ----------------------------------------------


def test_at_times_does_not_hide_the_verb() -> None:
    got = roles(
        "In the countryside both government and rebel forces have at times sought to "
        "encircle their opponents and besiege them."
    )
    assert got["syrian-arab-army"] == "agent"


# a monitor that has documented the killings is their reporter -----------------------------


def test_a_monitor_that_has_documented_killings_is_no_content_actor() -> None:
    got = roles(
        'The Observatory "has documented the killing of 5812 civilians in barrel bombings and '
        '(other) air raids" over the past year.'
    )
    assert "sohr" not in got
