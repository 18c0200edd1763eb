"""Issue 10, error class 4 (actors and roles), third pass: each cause fixed is pinned by a
sentence written on its pattern (docs/annotation.md §6), run through the whole extraction."""

from __future__ import annotations

from app.extraction import extract
from tests.extraction.test_roles_issue10b import REF, roles

# an actor named twice: the mention that decides its role wins ------------------------


def test_a_later_mention_gives_the_role_the_first_does_not() -> None:
    got = roles(
        "The shelling was the work of the regime and one more massacre by the regime "
        "against the people of Douma, activists said on Monday."
    )
    assert got == {"syrian-government": "agent"}


def test_an_actor_named_twice_with_no_deed_stays_mentioned() -> None:
    got = roles("The regime says the regime is ready for talks in Geneva next month.")
    assert got.get("syrian-government", "mentioned") == "mentioned"


# the doer of a passive behind a particle or an adverb ----------------------------------


def test_taken_over_by_gives_the_agent() -> None:
    got = roles("The district was taken over by the Syrian army in an advance in December.")
    assert got["syrian-arab-army"] == "agent"


def test_an_adverb_before_by_still_gives_the_agent() -> None:
    got = roles("The sieges pursued mainly by the regime have starved the town of Madaya.")
    assert got["syrian-government"] == "agent"


def test_backed_mainly_by_stays_a_sponsor() -> None:
    got = roles("The rebels backed mainly by Turkey shelled the town of Tal Rifaat on Monday.")
    assert got["turkey"] == "mentioned"


# adjectives that share one head ---------------------------------------------------------


def test_two_adjectives_share_a_head_behind_a_second_modifier() -> None:
    got = roles("Russian or Syrian regime war planes bombed a camp near Sarmada on Monday.")
    assert got["russian-air-force"] == "agent"
    assert got["syrian-air-force"] == "agent"


def test_an_adjective_shares_the_head_of_a_modifier_after_it() -> None:
    # FA-KES 1926479108: "killed by Russian and regime bombing" named only the regime
    got = roles("The group documented 270 civilians killed by Russian and regime bombing in April.")
    assert got["russian-air-force"] == "agent"
    assert got["syrian-government"] == "agent"
    # a head no rule gives the adjective is no actor of it
    assert "russian-air-force" not in roles("Russian and government officials met in Geneva.")


def test_a_russian_air_raid_names_the_air_force() -> None:
    got = roles("A suspected Russian air raid on the camp left dozens dead on Monday.")
    assert got["russian-air-force"] == "agent"


# "The group" refers back to the armed group named last --------------------------------


def test_the_group_opening_a_sentence_is_the_armed_group_named_before() -> None:
    x = extract(
        "Islamic State fighters shelled the town of Kobani on Monday. The group seized "
        "large areas of Syria and Iraq in a lightning 2014 campaign.",
        published=REF,
        outlet="reuters",
    )
    last = x.claims[-1]
    got = {a.actor.key: a.role for a in last.actors if a.role != "claimant"}
    assert got == {"islamic-state": "agent"}


def test_the_group_after_a_monitor_is_not_resolved_to_an_armed_group() -> None:
    x = extract(
        "Islamic State fighters shelled the town of Kobani on Monday, the Syrian Observatory "
        "for Human Rights said. The group said 12 civilians were killed in the shelling.",
        published=REF,
        outlet="reuters",
    )
    last = x.claims[-1]
    assert "islamic-state" not in {a.actor.key for a in last.actors}


# a medium that only carries the words is a channel, not an actor of the claim ------------


def test_a_reporter_of_an_agency_who_quotes_a_source_is_a_channel() -> None:
    got = roles(
        "SANA reporter quoted a source at the police command as saying that two women were "
        "killed when terrorists fired rocket shells on the Midan neighborhood."
    )
    assert "sana" not in got


def test_an_agency_reporting_at_the_end_is_a_channel() -> None:
    got = roles(
        "Britain said on Wednesday it would raise the attack by the Syrian army at the UN "
        "Security Council, Reuters reported."
    )
    assert "reuters" not in got
    assert got["syrian-arab-army"] == "agent"


# the object's noun phrase: what stands between the verb and the name -------------------


def test_a_capitalised_sponsor_adjective_stays_in_the_object_phrase() -> None:
    got = roles(
        "Syrian troops launched a push to reimpose the siege on Western-backed al-Qaida "
        "terrorists in east Aleppo on Monday."
    )
    assert got["al-qaeda"] == "target"


def test_such_as_names_the_object_of_the_fight() -> None:
    got = roles(
        "The army continues fighting against terrorist organizations such as the Islamic "
        "State near Palmyra."
    )
    assert got["islamic-state"] == "target"


def test_known_as_names_the_ones_killed() -> None:
    got = roles(
        "A suicide blast killed six members of the Kurdish internal security force known "
        "as the Asayish in Qamishli on Monday."
    )
    assert got["asayish"] == "target"


def test_numerous_and_a_title_stay_in_the_object_phrase() -> None:
    got = roles("Government forces are fighting numerous opposition factions near Hama.")
    assert got["syrian-opposition"] == "target"
    got = roles("Al-Nusra has focused on the fight against President Bashar al-Assads regime.")
    assert got["syrian-government"] == "target"


def test_only_before_by_still_gives_the_agent() -> None:
    got = roles("These strikes near Aleppo were undertaken only by US assets, the statement said.")
    assert got["united-states"] == "agent"


# diplomacy and procedure are no deed on the ground --------------------------------------


def test_passing_a_resolution_or_submitting_evidence_is_no_deed() -> None:
    got = roles(
        "More than 7000 people have been killed since the UN Security Council passed a "
        "resolution ordering an end to sieges, the monitor said."
    )
    assert got["un-security-council"] == "mentioned"
    got = roles("Britain and France have submitted evidence on the Homs attacks to the UN.")
    assert got["united-kingdom"] == "mentioned"


def test_a_truce_agreed_by_two_sponsors_is_theirs_only_as_sponsors() -> None:
    got = roles(
        "A truce agreed by Russia and the United States has been violated around Aleppo, "
        "the monitor said."
    )
    assert got["russia"] == "mentioned"


def test_an_army_that_agreed_a_ceasefire_grants_it() -> None:
    got = roles("The Syrian army agreed a daily three-hour ceasefire in east Aleppo on Monday.")
    assert got["syrian-arab-army"] == "agent"


# accusations without an accusing verb, and a deed's doer after "is by" ------------------


def test_held_responsible_makes_the_accused_the_agent() -> None:
    got = roles(
        "The Syrian Coalition held the Assad regime responsible for the destruction of Aleppo."
    )
    assert got["syrian-government"] == "agent"


def test_a_deed_that_is_by_an_actor_makes_it_the_agent() -> None:
    got = roles(
        "One offensive against the jihadists is by Syrian regime forces near Deir Ezzor, "
        "the monitor said."
    )
    assert got["syrian-arab-army"] == "agent"


def test_fingers_pointed_at_an_actor_accuse_it() -> None:
    got = roles("Many pointed their fingers at the Syrian regime after the attack on Douma.")
    assert got["syrian-government"] == "agent"
