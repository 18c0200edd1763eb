"""Issue 10, error class 4 (actors and roles), ninth pass (errors of dev, fresh, fresh2 and
fresh3): each cause fixed is pinned by a sentence written on its pattern (docs/annotation.md
§6), run through the whole extraction."""

from __future__ import annotations

from tests.extraction.test_roles_issue10b import roles

# the accused of a reduced passive ---------------------------------------------------------


def test_a_name_accused_of_a_deed_without_its_verb_be_is_the_accused() -> None:
    got = roles("Assad accused of freeing jailed extremists to pose as a bulwark against terror")
    assert got["bashar-al-assad"] == "agent"


def test_fighters_accused_of_atrocities_inside_a_clause_are_the_accused() -> None:
    got = roles(
        "On Friday the monitor said IS fighters accused of atrocities are expected to be "
        "added to a UN list."
    )
    assert got["islamic-state"] == "agent"


def test_a_name_that_accuses_another_of_a_deed_is_not_accused() -> None:
    got = roles("Russia accused the rebels of staging the attack.")
    assert got.get("russia") != "agent"


# "the extremists", "the jihadists" refer back to the jihadist group the article names -------


def _claim_roles(text: str, start: str) -> dict[str, str]:
    from app.extraction import extract

    claim = next(c for c in extract(text).claims if text[c.start :].startswith(start))
    return {a.actor.key: a.role for a in claim.actors if a.role != "claimant"}


def test_the_extremists_are_the_jihadist_group_named_most_before() -> None:
    text = (
        "Islamic State fighters seized the town in 2014. Al-Nusra Front fought IS there. "
        "The US-led coalition has stepped up its battle against the extremists this month."
    )
    got = _claim_roles(text, "The US-led coalition")
    assert got["islamic-state"] == "target"
    assert "al-nusra-front" not in got


def test_bare_jihadists_name_no_one() -> None:
    text = "Islamic State fighters seized the town. Jihadists shelled the army on Monday."
    assert "islamic-state" not in _claim_roles(text, "Jihadists")


def test_the_jihadists_with_no_jihadist_group_named_before_name_no_one() -> None:
    text = "The army shelled the town on Monday. The jihadists hit back with rockets."
    assert _claim_roles(text, "The jihadists") == {}


# eradicating is a verb of harm ---------------------------------------------------------------


def test_the_group_a_coalition_aims_to_eradicate_is_its_target() -> None:
    got = roles(
        "Some 50 civilians have been killed in airstrikes conducted by a US-led coalition that "
        "aims to eradicate Islamic State (IS) extremists, a UN report says."
    )
    assert got["islamic-state"] == "target"


# "seems to"/"appears to" raise the subject of the deed that follows --------------------------


def test_a_subject_that_seems_to_have_done_a_deed_is_its_agent() -> None:
    got = roles("The U.S.-led coalition appears to have failed to check the building it struck.")
    assert got["us-led-coalition"] == "agent"


def test_a_subject_that_seems_to_be_something_is_no_agent() -> None:
    got = roles("The U.S.-led coalition seems to be a reluctant partner in Syria.")
    assert got.get("us-led-coalition") != "agent"


# a second predicate shares the subject of a first that tells a state -------------------------


def test_an_ally_that_has_also_sent_fighters_is_their_agent() -> None:
    got = roles(
        "Lebanons Hezbollah is a close ally of the Syrian government and has sent fighters to "
        "bolster the army against the uprising."
    )
    assert got["hezbollah"] == "agent"
    assert got["syrian-government"] == "mentioned"


def test_a_second_predicate_after_a_relative_clause_is_not_the_subjects() -> None:
    got = roles(
        "Hezbollah is an ally of the Syrian army which lost the town and has launched a "
        "counter-attack."
    )
    assert got.get("hezbollah") != "agent"


# "lost" is a loss unless a deed of the loser's own follows -----------------------------------


def test_a_group_that_lost_fighters_is_the_target() -> None:
    assert roles("The IS lost at least 28 jihadist fighters in the battle, he said.") == {
        "islamic-state": "target"
    }


def test_a_group_that_has_since_lost_territory_is_the_target() -> None:
    got = roles("Islamic State has since lost most of the territory it once held in the east.")
    assert got["islamic-state"] == "target"


def test_a_group_that_lost_fighters_as_it_took_a_town_is_the_agent() -> None:
    got = roles(
        "The monitor said ISIL lost 13 of its fighters as it took total control of Markada."
    )
    assert got["islamic-state"] == "agent"


# the owner of an attack in the possessive, adjectives between; "not only" denies nothing ----


def test_the_owner_of_massacres_named_with_adjectives_between_is_the_agent() -> None:
    got = roles(
        "The world chose to remain silent over one of Assads most horrible massacres "
        "committed not only against the people of Raqqa but against all humanity."
    )
    assert got["bashar-al-assad"] == "agent"


def test_an_owner_with_an_apostrophe_and_an_adjective_is_the_agent() -> None:
    got = roles("Dozens of civilians died in Russia's relentless bombardment of Idlib on Monday.")
    assert got["russia"] == "agent"


def test_not_only_is_no_denial_of_the_deed() -> None:
    got = roles("Syrian regime forces shelled not only the town but also its outskirts on Monday.")
    assert got["syrian-arab-army"] == "agent"


# one list of the participles by which a name describes another actor ------------------------


def test_every_sponsoring_or_linking_participle_describes_the_name_after_it() -> None:
    from app.extraction.role_words import DESCRIBED, LINKED, SPONSOR_SURFACE

    assert all(DESCRIBED.search(f"gulf-{w}") for w in ("funded", "mediated", "inspired", "run"))
    assert SPONSOR_SURFACE.search("Russian-mediated") and not LINKED.match("-backed")


def test_a_funded_adjective_before_a_name_leaves_the_name_the_object() -> None:
    got = roles("The army killed dozens of Gulf-funded Nusra Front terrorists in Idlib on Monday.")
    assert got["al-nusra-front"] == "target"


# "the YPG-dominated SDF": the dominant part only describes the whole ------------------------


def test_a_dominated_adjective_names_no_actor_of_its_own() -> None:
    got = roles("The YPG-dominated SDF seized three villages near Manbij on Thursday.")
    assert got == {"sdf": "agent"}


def test_a_dominant_part_with_its_acronym_only_describes_the_whole() -> None:
    got = roles(
        "The Peoples Protection Units (YPG) dominated Syrian Democratic Forces have seized "
        "three villages near Manbij."
    )
    assert got == {"sdf": "agent"}


# "countries, mainly the USA and Turkey": the members named take the noun's place ------------


def test_members_named_after_mainly_take_the_role_of_the_noun_before() -> None:
    got = roles(
        "Damascus accuses foreign states mainly the USA Turkey and Qatar of arming the "
        "terrorist groups in the country."
    )
    assert got == {"united-states": "agent", "turkey": "agent", "qatar": "agent"}


# a name ending in "Forces" owns no attack by its last word ----------------------------------


def test_a_named_force_that_only_has_fighters_is_mentioned() -> None:
    got = roles("The National Defence Forces has fighters operating throughout Syria.")
    assert got == {"national-defence-forces": "mentioned"}


def test_members_of_a_named_force_killed_in_a_list_are_not_its_agent() -> None:
    got = roles(
        "IS killed 270 security guards employees and members of the paramilitary National "
        "Defence Forces during an assault on a gas field in Homs."
    )
    assert got.get("national-defence-forces") != "agent"


def test_a_quoted_named_force_and_its_allies_act() -> None:
    got = roles(
        "The Syrian Arab Army’s “Tiger Forces” and their allies have captured every village "
        "in the Al-Safira Plains."
    )
    assert got["tiger-forces"] == "agent"


def test_the_partner_forces_are_joined_with_is_an_agent() -> None:
    got = roles(
        "Hezbollah joined forces with the army’s Tiger Forces in a bid to close the breach "
        "near Aleppo."
    )
    assert got == {"hezbollah": "agent", "tiger-forces": "agent"}


# a state named by its adjective with its support, allies, deals or attacks -----------------


def test_russian_support_names_russia_as_a_sponsor() -> None:
    got = roles("With Russian support the regime begins to retake territory near Aleppo.")
    assert got == {"russia": "mentioned", "syrian-government": "agent"}


def test_iranian_allies_listed_with_an_agent_are_iran_acting() -> None:
    got = roles(
        "Terrorism swept the region with the direct support of Assad and his Iranian allies, "
        "the coalition said."
    )
    assert got["iran"] == got["bashar-al-assad"]


# a seat of government standing for its state is that state's actor ---------------------------


def test_a_capital_standing_for_its_state_is_the_government() -> None:
    got = roles("Britain called on Damascus to give U.N. inspectors access to the site.")
    assert got["syrian-government"] == "mentioned"


def test_a_capital_where_speakers_are_is_no_actor() -> None:
    got = roles("Activists in Damascus said the regime shelled Douma on Monday.")
    assert got == {"syrian-government": "agent"}


# names side by side with no "and" or comma are no list --------------------------------------


def test_keywords_before_a_lede_do_not_share_its_agents_role() -> None:
    got = roles(
        "Israeli airstrike Hezbollah SOHR An Israeli airstrike on a village in the Golan "
        "killed five pro-regime fighters on Wednesday a monitoring group said."
    )
    assert got.get("hezbollah") != "agent"


def test_an_unpunctuated_list_with_its_and_still_shares_the_verb() -> None:
    got = roles("Hezbollah Harakat al-Nujaba and the Quds brigade joined the assault on Aleppo.")
    assert got["hezbollah"] == "agent"


# "X has been a key force battling Y": the predicate's participle is X's deed ----------------


def test_a_subject_that_is_the_force_battling_a_group_is_its_agent() -> None:
    got = roles(
        "Kurdish YPG fighters have been a key force battling Islamic State in northern Syria."
    )
    assert got == {"ypg": "agent", "islamic-state": "target"}


def test_a_subject_that_is_a_force_with_no_deed_stays_mentioned() -> None:
    got = roles("The YPG has been a key force in northern Syria since 2012, the monitor said.")
    assert got.get("ypg") != "agent"


# "Syrian rebels" are the Syrian opposition; bare "rebels" stay a category --------------------


def test_syrian_rebels_are_the_syrian_opposition() -> None:
    got = roles("The government and its ally Russia have blamed Syrian rebels for the attack.")
    assert got["syrian-opposition"] == "agent"


def test_bare_rebels_name_no_actor() -> None:
    got = roles("The government and its ally Russia have blamed rebels for the attack.")
    assert "syrian-opposition" not in got


# a state's adjective said of an attack or aircraft names its owner ---------------------------


def test_planes_said_to_be_syrian_name_the_syrian_air_force() -> None:
    got = roles(
        "The monitor said it was unclear if the planes involved in the attack were Syrian or "
        "Russian."
    )
    assert got == {"syrian-air-force": "mentioned", "russian-air-force": "mentioned"}


def test_a_people_said_to_be_syrian_name_no_actor() -> None:
    assert roles("The monitor said most of the dead in the attack on Idlib were Syrian.") == {}


# "is put under pressure": the subject undergoes it ------------------------------------------


def test_a_group_put_under_pressure_is_the_target() -> None:
    got = roles(
        "The Islamic State group is put under further pressure in its remaining strongholds "
        "by Kurdish forces."
    )
    assert got["islamic-state"] == "target"


# a time phrase between a subject and its verb -------------------------------------------------


def test_a_time_phrase_between_subject_and_verb_leaves_the_subject_acting() -> None:
    got = roles(
        "The Turkish military since the beginning of the operation have been shelling YPG "
        "positions near Afrin."
    )
    assert got["turkish-armed-forces"] == "agent"
