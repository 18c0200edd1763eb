"""Claim fields, stop 49: "the president said" is the president the article named; a
name after an office of a directorate speaks; a side killed "on Tuesday in clashes with"
another was killed by it; "has also been under attack" undergoes it; a country "against"
which force is used, or "the Syria issue", is no place; "and another 23 people" after a
toll is more dead, "breathing difficulties" are injuries; a photo caption that ends with
a place and its day is no claim (version 90). "X its ally Y" without commas are two; a side
whose stronghold is entered is the target (version 91). "Damascus denied responsibility"
is its claim, and "accused Damascus of", "force against Syria" name the state (version 92).
Version 93's roles of an actor's later mentions are undone; "Prince Saud" is Saud al-Faisal
named before, and people "interviewed" or "contacted by Reuters" speak themselves (version
94). "Damascus denounced" is its statement, and what "was announced by" someone or a video
"released on Friday by" someone shows is theirs (version 95). "The inquiry said" is the commission
of inquiry named before; "The governor of Homs Talal Barazi" is Talal Barazi (version 96).
"Syrias President" and "affiliate in Syria" place nothing (version 97). "Southern Aleppo" is a
side of the city, as "East Aleppo" is (version 98). "rural Damascus" and "the Damascus suburb of"
are Rif Dimashq (version 99). A toll "since the assault began on Sunday" carries the range to
today to the parts of it told after (version 100). Who was told ("told a Reuters photographer")
is no count (version 101). Who holds talks, or is to, holds them (version 102). Who uses a
thing struck did not strike it (version 103). Suicide bombers are fighters, bomber aircraft no
count (version 104). A holder named with its acronym only holds (version 105). "The Syrian
fighter jet" is the Syrian air force (version 106)."""

from __future__ import annotations

from datetime import date

from app.extraction.pipeline import extract
from app.extraction.quantities import find_quantities
from tests.extraction.test_claimants_round3 import claimant
from tests.extraction.test_error_classes import claim, no_claim, run
from tests.extraction.test_roles_issue10b import roles


def test_the_president_is_the_president_named_before() -> None:
    text = (
        "President Barack Obama said on Thursday he is shifting his focus to domestic "
        "priorities. Secretary of State John Kerry will meet Russian officials in Geneva. "
        "We have a lot more stuff to do here in this government the president said before a "
        "meeting with his Cabinet."
    )
    assert claimant(text, "a lot more stuff")[0] == "barack-obama"


def test_a_title_nobody_was_named_with_stays_unresolved() -> None:
    text = (
        "Secretary of State John Kerry will meet Russian officials in Geneva on Friday. "
        "The president said the talks would decide whether strikes go ahead."
    )
    assert claimant(text, "the talks would decide")[0] is None


def test_a_name_after_the_office_of_a_directorate_speaks() -> None:
    text = (
        "Director of Daraa Health Directorate Abdel Wadoud al-Homsi said that the three "
        "injured persons arrived at Izraa National Hospital. The director said that two of "
        "them were children."
    )
    assert claimant(text, "three injured persons") == (
        "abdel-wadoud-al-homsi",
        "Director of Daraa Health Directorate Abdel Wadoud al-Homsi",
    )
    assert claimant(text, "two of them were children")[0] == "abdel-wadoud-al-homsi"


def test_killed_on_a_day_in_clashes_with_a_side_is_killed_by_it() -> None:
    got = roles(
        "At least 10 Syrian soldiers were killed on Tuesday in clashes with Islamic State "
        "group jihadists in the eastern province of Deir Ezzor a monitor said."
    )
    assert got == {"syrian-arab-army": "target", "islamic-state": "agent"}


def test_has_also_been_under_attack_undergoes_it() -> None:
    assert roles("IS has also been under attack in neighbouring Iraq.") == {
        "islamic-state": "target"
    }


def test_a_country_force_is_used_against_is_no_place() -> None:
    text = (
        "Obama has asked Congress to authorize military strikes against Syria in response to "
        "a chemical weapons attack. We have spent a lot of time on the Syria issue the "
        "president said. Thousands of refugees fled across Syria to Turkey."
    )
    x = run(text)
    assert claim(x, text, "military strikes").places == ()
    assert claim(x, text, "the Syria issue").places == ()
    assert [p.key for p in claim(x, text, "fled across").places] == ["syria", "turkey"]


def test_another_count_after_a_toll_shares_its_fate() -> None:
    text = (
        "The air raids killed 19 people including six children outside the city of Saraqeb "
        "and another 23 people among them 10 children in the town of Ehsim."
    )
    got = [(q.what, q.value, q.subset) for q in find_quantities(text)]
    assert ("killed", 23, False) in got
    # with a verb of its own, the other count keeps it
    text = "Fifty terrorists were killed and another 30 sealed off in the tunnels."
    assert [(q.what, q.value) for q in find_quantities(text)] == [("killed", 50)]


def test_breathing_difficulties_are_injuries() -> None:
    text = "Five people died and eight others experienced breathing difficulties."
    got = [(q.what, q.value) for q in find_quantities(text)]
    assert got == [("killed", 5), ("injured", 8)]


def test_a_caption_ending_with_a_place_and_its_day_is_no_claim() -> None:
    text = (
        "Obama has asked Congress to authorize military strikes against Syria over a chemical "
        "weapons attack that killed more than 1400 people on August 21. The issue is on hold "
        "pending diplomatic efforts. U.S. President Barack Obama speaks about the chemical "
        "attack that killed hundreds during a cabinet meeting at the White House in Washington "
        "September 12 2013. Kerry and Lavrov were to hold talks on Syria in Geneva on Thursday."
    )
    x = run(text)
    no_claim(x, text, "speaks about the chemical attack")
    claim(x, text, "hold talks on Syria")


def test_x_its_ally_y_without_commas_are_two_doers() -> None:
    got = roles(
        "The Syrian government its ally Russia and a US-led coalition have all carried out "
        "air strikes against IS in Raqa."
    )
    assert got["syrian-government"] == "agent"
    assert got["russia"] == "agent"


def test_a_side_whose_stronghold_is_entered_is_the_target() -> None:
    got = roles("The SDF were advancing inside the Islamic State [IS] bastion of Manbij.")
    assert got == {"sdf": "agent", "islamic-state": "target"}
    got = roles(
        "The SDF seized a key road junction last week pushing further into the Islamic State "
        "group stronghold."
    )
    assert got["islamic-state"] == "target"


def test_a_state_that_denies_responsibility_is_the_claimant() -> None:
    text = (
        "The United States accused the Syrian army of killing 1429 people in the attack. "
        "Damascus denied responsibility and blamed rebels."
    )
    assert claimant(text, "denied responsibility")[0] == "syrian-government"
    # claiming responsibility is still told by the outlet, no statement of the group
    text = "Islamic State claimed responsibility for the bombing that killed 20 people in Homs."
    assert claimant(text, "claimed responsibility")[0] == "reuters"  # the outlet's


def test_the_seat_or_the_country_held_to_account_is_the_state() -> None:
    text = (
        "The United States accused Damascus of that attack which it estimates killed 1429 "
        "people including at least 426 children. Obama sought approval to use military force "
        "against Syria for its suspected use of chemical weapons."
    )
    x = run(text)
    accused = claim(x, text, "accused Damascus")
    assert ("syrian-government", "agent") in {(a.actor.key, a.role) for a in accused.actors}
    assert accused.places == ()
    force = claim(x, text, "military force")
    assert ("syrian-government", "target") in {(a.actor.key, a.role) for a in force.actors}
    assert force.places == ()


def test_a_title_and_a_given_name_are_the_person_named_before() -> None:
    text = (
        "It is time to act against the chemical attack Foreign Minister Prince Saud al-Faisal "
        "said in a statement. Prince Saud whose country has been a major supporter of rebels "
        "fighting to topple Assad also urged European Union foreign ministers to discuss the "
        "Syrian crisis."
    )
    assert claimant(text, "also urged")[0] == "saud-al-faisal"
    text = (
        "John Kerry said the strikes killed 40 people in Aleppo. The US and France said Syria "
        "and Russia were responsible for the attack."
    )
    assert claimant(text, "were responsible")[0] != "john-kerry"


def test_people_interviewed_speak_not_who_interviewed_them() -> None:
    text = "Two men interviewed said barrel bombs were dropped on the town of Saraqeb on Monday."
    assert claimant(text, "barrel bombs") == (None, "Two men")
    text = "Residents interviewed by Reuters said barrel bombs were dropped on Saraqeb on Monday."
    assert claimant(text, "barrel bombs") == (None, "Residents")


def test_a_denunciation_is_a_statement_of_who_denounces() -> None:
    text = "Damascus denounced the intervention as a breach of its sovereignty."
    assert claimant(text, "denounced")[0] == "syrian-government"
    text = (
        "The regime previously said that rebels holed up in Aleppo can leave with their "
        "families but the opposition has denounced that offer as a deception."
    )
    x = run(text)
    assert claim(x, text, "denounced that offer").claimant_text == "the opposition"


def test_what_was_announced_by_or_released_by_someone_is_theirs() -> None:
    text = (
        "The capture of Tel Hamis was announced by the Kurdish YPG militia and confirmed by "
        "the Syrian Observatory for Human Rights."
    )
    assert claimant(text, "capture of Tel Hamis")[0] == "ypg"
    text = (
        "A video released on Friday by the Syrian military media center shows heavy fighting "
        "between Syrian government forces and Islamic State militants near Palmyra."
    )
    assert claimant(text, "heavy fighting")[0] == "syrian-arab-army"


def test_the_inquiry_is_the_commission_of_inquiry_named_before() -> None:
    text = (
        "The UN Commission of Inquiry on Syria has documented attacks on hospitals. In a report "
        "in October last year the inquiry said that government forces used chemical weapons "
        "at least three times."
    )
    assert claimant(text, "chemical weapons")[0] == "un-commission-of-inquiry"


def test_a_place_before_a_name_after_an_office_is_the_offices() -> None:
    text = "The governor of Homs Talal Barazi said 20 people were killed in the blasts."
    assert claimant(text, "20 people")[1] == "The governor of Homs Talal Barazi"
    x = run(text)
    assert claim(x, text, "20 people").claimant.name == "Talal Barazi"


def test_syria_named_as_a_title_s_or_a_group_s_home_is_no_place() -> None:
    text = (
        "Syrias President Bashar al-Assad said the army would retake Aleppo. Clashes erupted "
        "between the regime and Al-Qaedas affiliate in Syria Al-Nusra Front. At least 25 "
        "civilians have been killed by government airstrikes in Syrias central province of Hama."
    )
    x = run(text)
    assert [p.key for p in claim(x, text, "President Bashar").places] == ["aleppo"]
    assert claim(x, text, "affiliate in Syria").places == ()
    assert "syria" in [p.key for p in claim(x, text, "central province").places]


def test_a_side_of_a_city_with_sides_of_its_own_is_the_city() -> None:
    text = (
        "At least 70 militants were killed in clashes with the army in Southern Aleppo. "
        "Government forces pressed their attack in northwestern Idlib on Friday."
    )
    x = run(text)
    assert [p.key for p in claim(x, text, "Southern Aleppo").places] == ["aleppo"]
    assert [p.key for p in claim(x, text, "northwestern Idlib").places] == ["idlib-governorate"]


def test_rural_damascus_and_its_suburbs_are_rif_dimashq() -> None:
    text = (
        "Rebels attacked one of the military posts in rural Damascus on Monday. A bomb killed "
        "18 people in the Damascus suburb of Jaramana on Tuesday."
    )
    x = run(text)
    assert [p.key for p in claim(x, text, "military posts").places] == ["rif-dimashq-governorate"]
    keys = [p.key for p in claim(x, text, "Jaramana").places]
    assert sorted(keys) == ["jaramana", "rif-dimashq-governorate"]


def test_a_toll_since_the_incident_began_is_gone_on_about_to_today() -> None:
    text = (
        "Tue 05 Aug 2016 Rebels launched an assault on government-held districts of Aleppo on "
        "Sunday. According to the Observatory at least 112 civilians including 33 children "
        "have been killed in Aleppo since the rebel assault began on Sunday. The deaths include "
        "65 people among them 22 children killed in rebel fire on government neighbourhoods "
        "the Observatory said."
    )
    x = extract(text, published=None, outlet="afp")
    c = claim(x, text, "The deaths include")
    assert (c.date.date_start, c.date.date_end) == (date(2016, 7, 31), date(2016, 8, 5))


def test_who_was_told_is_no_count() -> None:
    text = "The doctor told a Reuters photographer that two children had died in the raid."
    assert [(q.what, q.value) for q in find_quantities(text)] == [("killed", 2)]


def test_who_holds_talks_holds_them() -> None:
    got = roles(
        "Secretary of State John Kerry and Russian Foreign Minister Sergei Lavrov were to hold "
        "talks on Syria in Geneva."
    )
    assert got == {"john-kerry": "agent", "sergei-lavrov": "agent"}
    assert (
        roles("John Kerry held talks with Russian officials in Geneva on Friday.")["john-kerry"]
        == "agent"
    )
    # a holder of ground is still only its holder
    held = roles("Government-held districts of Aleppo were shelled on Friday.")
    assert set(held.values()) == {"mentioned"}


def test_who_uses_a_thing_struck_did_not_strike_it() -> None:
    got = roles(
        "The coalition said it had carried out two strikes near Raqa on Monday hitting a bridge "
        "used by Islamic State militants as well as oil facilities."
    )
    assert got["islamic-state"] == "mentioned"
    got = roles("The town was used by Islamic State militants to protect the city of Palmyra.")
    assert got["islamic-state"] == "agent"


def test_suicide_bombers_are_fighters_and_bomber_aircraft_no_count() -> None:
    text = "Two suicide bombers have conducted an attack near police headquarters in Damascus."
    assert [(q.what, q.value) for q in find_quantities(text)] == [("fighters", 2)]
    text = "Six long-range Tu-22M3 bombers carried out strikes on Daesh near Deir ez-Zor."
    assert find_quantities(text) == []


def test_a_holder_named_with_its_acronym_only_holds() -> None:
    got = roles(
        "Observatory chief Rami Abdul Rahman said the Syrian Democratic Forces [SDF] now held "
        "70 percent of the town."
    )
    assert got["sdf"] == "mentioned"
    got = roles('"The fleeing increased after the Syrian Democratic Force [SDF] besieged Manbij".')
    assert got["sdf"] == "agent"


def test_a_fighter_jet_is_its_air_force() -> None:
    got = roles("The Syrian fighter jet meantime targeted ISILs positions in Jubb al-Jarrah.")
    assert got == {"syrian-air-force": "agent", "islamic-state": "target"}
    got = roles("A Russian fighter plane struck a convoy near Idlib on Monday.")
    assert got["russian-air-force"] == "agent"
