"""Claim fields, stop 56: a deed told in the passive present perfect with no date ("Millions
have been displaced", "Hundreds of people have been killed there since peace talks broke
off") tells no day and is no detail of the incident told before it, as the active present
perfect is not since version 150 (docs/annotation.md §11); one that names the incident
("have been killed in the strike") still goes on about it (version 155). Syria or Damascus
that used, imprisoned, joined or is investigating is the Syrian government acting, as one
that denied or warned was already (version 156). A calendar date between a subject and its
verb ("The regime on July 22 announced") is stepped over as a weekday is; the second party
to fighting named after "fighters from the" or "a joint force of" is one too ("between
fighters from the YPG on the one hand and fighters from the Islamic State") (version 157).
"The Army and Armed Forces established", "IS dealt a blow" and "Damascus and its allies aim
to" are subjects that act (version 158). "Jabhat al-Nusra both outlawed in Russia" is the
group's status, no verb of its own: the verb after it is its; "eliminated over 75 militants
of the Nusra Front" hits the group, as "more than 75" does (version 159). A "by" phrase of no
deed ("a clinic managed by", "districts dominated by", "salaries offered by", "inaugurated
by", "regarded by", "provided by") names no agent (version 160). Displacement, destruction,
an initiative, a trip or a visit "by" someone is theirs, as an attack "by" them is (version
161; "actions by" was tried too and dropped: it moved one unread set each way). "X claims the
attacks are carried out" is X's claim, a clause whose "that" was dropped; not after "While"
(version 162). Blasts "claiming 4 martyrs" kill them: no one speaks (version 163)."""

from __future__ import annotations

from datetime import date

from tests.extraction.test_error_classes import claim, dated, roles, run


def test_a_passive_present_perfect_deed_is_no_detail_of_the_incident() -> None:
    ref = date(2016, 6, 13)
    saturday = (date(2016, 6, 11), date(2016, 6, 11))
    lead = "Two civilians were killed in an airstrike on Aleppo on Saturday the Observatory said. "
    for sentence in (
        "Millions have been displaced both inside and outside of Syria.",
        "Hundreds of people have been killed there since peace talks broke off.",
        "More than 150000 people have been killed in the three-year-old rebellion.",
    ):
        text = lead + sentence
        assert dated(claim(run(text, published=ref), text, sentence[:20])) is None, sentence
    # the deed that names the incident goes on about it; a dated one keeps its own day
    text = lead + "Three children have been killed in the strike."
    assert dated(claim(run(text, published=ref), text, "Three children")) == saturday
    text = lead + "Five fighters have been killed in Idlib on Sunday."
    assert dated(claim(run(text, published=ref), text, "Five fighters")) == (
        date(2016, 6, 12),
        date(2016, 6, 12),
    )
    # a passive deed in the past is still a detail: "were killed", as before
    text = lead + "Among the dead were three children."
    assert dated(claim(run(text, published=ref), text, "Among the dead")) == saturday


def test_syria_that_acts_is_its_government() -> None:
    for text in (
        "Israeli television quoted the minister as saying that Syria had used chemical weapons.",
        "Syria then imprisoned much of the membership of the local Islamist group.",
        "The Russian Defense Ministry said Syria is currently investigating the number of dead.",
        "Damascus officially joined the Chemical Weapons Convention in 2013.",
    ):
        c = claim(run(text), text, text[:15])
        assert roles(c).get("syrian-government") == "agent", text
        assert not {p.key for p in c.places} & {"syria", "damascus"}, text
    # a place still, where nothing is done by it
    text = "Two men were killed in Syria then buried near Idlib."
    assert "syria" in {p.key for p in claim(run(text), text, "Two men").places}


def test_a_calendar_date_between_subject_and_verb_is_stepped_over() -> None:
    for text, key in (
        (
            "The regime on July 22 announced a ceasefire with rebels in the area.",
            "syrian-government",
        ),
        ("The army on 22 July 2016 shelled the town of Douma.", "syrian-arab-army"),
        ("The army in July shelled the town of Douma.", "syrian-arab-army"),
    ):
        assert roles(claim(run(text), text, "The "))[key] == "agent", text
    # "in" a place is no date: the rebels there do not act by it alone
    text = "Rebels in Douma shelled the town of Harasta."
    assert "syrian-opposition" not in roles(claim(run(text), text, "Rebels"))


def test_the_second_party_to_fighting_is_one_too() -> None:
    for text, first, second in (
        (
            "Clashes erupted on Friday between fighters from the YPG on the one hand and "
            "fighters from the Islamic State on the other.",
            "ypg",
            "islamic-state",
        ),
        (
            "The fighting in Azaz was between hardline Islamic State militants and a joint "
            "force of al-Nusra and Western-backed rebels.",
            "islamic-state",
            "al-nusra-front",
        ),
    ):
        found = roles(claim(run(text), text, "between"))
        assert found[first] == found[second] == "agent", text


def test_more_subjects_that_act() -> None:
    for text, keys in (
        (
            "A military source announced that the Army and Armed Forces established full "
            "control over the town of Minian.",
            ("syrian-arab-army",),
        ),
        ("The airstrikes came after IS dealt a significant blow to the army.", ("islamic-state",)),
        (
            "The opposition says Damascus and its Russian and Iranian allies aim to win the war "
            "by depopulating rebel-held areas.",
            ("syrian-government", "russia", "iran"),
        ),
    ):
        found = roles(claim(run(text), text, text[:12]))
        assert all(found.get(k) == "agent" for k in keys), (text, found)


def test_a_groups_legal_status_and_an_over_figure_change_no_role() -> None:
    # "outlawed in Russia" is where the group is banned, no verb of its own: the verb after
    # it is the group's
    text = "Islamic State as well as Jabhat al-Nusra both outlawed in Russia continue attacks."
    found = roles(claim(run(text), text, "outlawed"))
    assert found["al-nusra-front"] == found["islamic-state"] == "agent"
    text = "The Nusra Front banned in Russia said it would fight on."
    assert roles(claim(run(text), text, "banned")).get("al-nusra-front") != "agent"
    # "over 75 militants of" a group killed is the group hit, as "more than 75" is
    for text in (
        "The army eliminated over 75 militants of the Nusra Front in Daraa.",
        "Weve killed over 20 of ISILs external operators in Raqqa.",
    ):
        found = roles(claim(run(text), text, "over"))
        assert "target" in found.values(), text
    text = "The army took control over the Nusra Front positions near Daraa."
    assert roles(claim(run(text), text, "control")).get("al-nusra-front") != "target"


def test_a_by_phrase_of_no_deed_names_no_agent() -> None:
    for text, key in (
        (
            "An attack on a clinic managed by the Qatar Red Crescent killed two patients.",
            "qatar-red-crescent",
        ),
        (
            "Rebels shelled districts dominated by Assad forces with hundreds of missiles.",
            "syrian-arab-army",
        ),
        (
            "For youths without work salaries offered by Islamic State are a source of income.",
            "islamic-state",
        ),
        (
            "The attack damaged the Opera House which was inaugurated by President Bashar al-Assad.",
            "bashar-al-assad",
        ),
    ):
        assert roles(claim(run(text), text, text[:10])).get(key) != "agent", text
    # a deed's "by" phrase still names its doer
    text = "The attack was carried out by Islamic State fighters near Palmyra."
    assert roles(claim(run(text), text, "carried"))["islamic-state"] == "agent"


def test_a_deed_noun_before_by_names_its_doer() -> None:
    for text, key in (
        (
            "The Coalition warned that mass killings destruction and displacement by the Assad "
            "regime undermine all chances of a settlement.",
            "syrian-government",
        ),
        (
            "The explosions coincided with a rare trip by President Bashar Assad to Daraya.",
            "bashar-al-assad",
        ),
        (
            "The group is believed to refer to an initiative by Al-Qaedas central command.",
            "al-qaeda",
        ),
    ):
        assert roles(claim(run(text), text, text[:12])).get(key) == "agent", text


def test_claims_before_a_clause_is_speech() -> None:
    text = "The United States claims the attacks are carried out to assist Syrian Kurds."
    assert claim(run(text), text, "claims").claimant_text == "The United States"
    # a claimed deed stays the outlet's report; a toll "claims" lives; a concession's main
    # clause is the outlet's own
    for text in (
        "IS claims the attack on the checkpoint near Homs.",
        "The conflict claims the lives of dozens every day.",
        "While Russia claims its campaign is aimed at IS it has targeted civilian areas.",
    ):
        assert claim(run(text), text, "claims").claimant_why.rule != "attribution", text


def test_blasts_claiming_martyrs_name_no_speaker() -> None:
    text = "Twin suicide blasts targeted a checkpoint on the Highway near Damascus claiming 4 martyrs and 13 injured."
    assert claim(run(text), text, "claiming").claimant_why.rule == "outlet"
    for text in ("The group claimed 20 people were killed.", "The group claimed 20 people died."):
        assert claim(run(text), text, "claimed").claimant_text == "The group", text
