"""Issue 10, error class 1 (event dates), a further pass: each cause fixed is pinned by a
sentence written on its pattern (docs/annotation.md §5), run through the whole extraction."""

from __future__ import annotations

from datetime import date

from tests.extraction.test_error_classes import REF, claim, dated, run

# "at the time": the incident the text dated last ----------------------------------------


def test_at_the_time_goes_back_to_the_incident_dated_last() -> None:
    text = (
        "Rebels shelled the town of Mhardeh on Thursday killing two children, activists said. "
        "Amnesty said in a report that a July 3 airstrike on a market in Maarat al-Numan "
        "killed 40 civilians. Russian officials said at the time that the strike hit a rebel "
        "depot. Residents said 15 children were among the dead in the market."
    )
    x = run(text)
    july_3 = (date(2016, 7, 3),) * 2
    assert dated(claim(x, text, "at the time")) == july_3
    assert claim(x, text, "at the time").date_why.cue == "at the time"
    # the claims after it go on about that incident, not the Thursday shelling
    assert dated(claim(x, text, "among the dead")) == july_3


# "said the Monday strike": a date naming the event after it is no statement's day -----


def test_a_date_that_names_the_event_after_a_speech_verb_is_the_events() -> None:
    text = (
        "A mortar shell hit a school in the town of Daraya on Friday killing three pupils, "
        "activists said. Residents said the late Wednesday raid on the town of Muadamiya "
        "killed a family of five. Local medics said the raid also wounded 12 people."
    )
    x = run(text)
    wednesday = (date(2016, 8, 10),) * 2
    assert dated(claim(x, text, "late Wednesday raid")) == wednesday
    assert claim(x, text, "late Wednesday raid").date_why.rule == "own"
    # so the raid is the incident the next claim goes on about
    assert dated(claim(x, text, "also wounded")) == wednesday


# an aside on another governorate interrupts the incident; the text may come back to it ---


def test_the_incident_resumes_where_it_happened_after_an_aside_elsewhere() -> None:
    text = (
        "Rebel shells hit the Aleppo neighbourhood of al-Hamdaniyeh on Monday killing three "
        "civilians, a police source said. In Homs a car bomb killed two soldiers. "
        "Two more shells fell in Aleppo city wounding five people."
    )
    x = run(text)
    assert dated(claim(x, text, "car bomb")) is None
    assert dated(claim(x, text, "Two more shells")) == (date(2016, 8, 8),) * 2


def test_a_present_state_back_where_the_incident_happened_does_not_resume_it() -> None:
    text = (
        "Rebel shells hit the Aleppo neighbourhood of al-Hamdaniyeh on Monday killing three "
        "civilians, a police source said. In Homs a car bomb killed two soldiers. "
        "Aleppo is now the scene of fierce clashes between the army and rebels."
    )
    assert dated(claim(run(text), text, "now the scene")) == (REF, REF)


def test_elsewhere_opens_another_thread() -> None:
    text = (
        "Warplanes struck a bakery in Aleppo on Monday killing nine people, the monitor said. "
        "Elsewhere rebels shelled a district of Aleppo city killing two people."
    )
    assert dated(claim(run(text), text, "Elsewhere")) is None


def test_meanwhile_elsewhere_is_another_incident_the_same_day_is_not() -> None:
    lede = (
        "Rebel shells hit the Aleppo neighbourhood of al-Hamdaniyeh on Monday killing three "
        "civilians, a police source said. "
    )
    text = lede + "Meanwhile a woman was wounded when gunmen attacked a checkpoint in Homs."
    assert dated(claim(run(text), text, "checkpoint")) is None
    text = lede + "Later on the day a child was killed by a sniper in Homs."
    assert dated(claim(run(text), text, "sniper")) == (date(2016, 8, 8),) * 2


def test_the_same_speaker_going_on_about_an_event_elsewhere_tells_another_incident() -> None:
    text = (
        "Warplanes struck a bakery in Aleppo on Monday killing nine people, the monitor said. "
        '"Mortar rounds fired by the army hit a school in Daraa wounding children," it said.'
    )
    assert dated(claim(run(text), text, "school in Daraa")) is None


# "at least" counts; it is no yardstick like "the deadliest attack since 2011" -----------


def test_at_least_before_since_the_war_is_a_count_not_a_comparison() -> None:
    text = (
        "Warplanes struck a bakery in Aleppo on Monday killing nine people, the monitor said. "
        "At least 300000 people have been killed since Syrias war started in 2011."
    )
    assert dated(claim(run(text), text, "300000")) == (date(2011, 1, 1), REF)


def test_the_toll_of_a_war_that_began_in_a_month_runs_to_the_reference() -> None:
    text = (
        "Warplanes struck a bakery in Aleppo on Monday killing nine people, the monitor said. "
        "The conflict which began in March 2011 with peaceful protests has killed more than "
        "290000 people."
    )
    assert dated(claim(run(text), text, "290000")) == (date(2011, 3, 1), REF)
    assert claim(run(text), text, "290000").date_why.rule == "since"


def test_an_incident_told_the_same_day_elsewhere_reaches_there() -> None:
    text = (
        "Rebel shells hit the Aleppo neighbourhood of al-Hamdaniyeh on Monday killing three "
        "civilians, a police source said. Earlier on the day four people were wounded by "
        "mortar shells in Damascus. A police source told SANA that two mortar shells fell on "
        "a school in Damascus."
    )
    x = run(text)
    monday = (date(2016, 8, 8),) * 2
    assert dated(claim(x, text, "Earlier on the day")) == monday
    assert dated(claim(x, text, "on a school")) == monday


# an accusation or a denial told in the present perfect is a standing position -----------


def test_a_present_perfect_accusation_is_no_detail_of_the_incident() -> None:
    text = (
        "Warplanes struck a bakery in Aleppo on Monday killing nine people, the monitor said. "
        "Washington has accused the regime of carrying out the attack. "
        "The rebels accused the regime of the strike, the monitor added."
    )
    x = run(text)
    assert dated(claim(x, text, "has accused")) is None
    # told as that day's accusation it still goes on about the incident (issue 13)
    assert dated(claim(x, text, "The rebels accused")) == (date(2016, 8, 8),) * 2


def test_have_since_with_no_date_near_runs_from_the_incident() -> None:
    text = (
        "Warplanes struck a bakery in Aleppo on Monday killing nine people, the monitor said. "
        "Rescuers pulled the bodies of four children from the rubble of the building and took "
        "the wounded to a field hospital in the east of the city where doctors worked through "
        "the night with little power and few supplies to treat dozens of burns and fractures, "
        "a doctor at the hospital said. "
        "Rights groups have since called for an inquiry into the attack."
    )
    assert dated(claim(run(text), text, "have since")) == (date(2016, 8, 8), REF)


# "these heinous attacks", "the Boukamal strike": any one word may qualify what points back


def test_a_qualified_noun_points_back_to_the_incident() -> None:
    text = (
        "Warplanes struck a bakery in Aleppo on Monday killing nine people, the monitor said. "
        "A UN official said these horrific attacks are a war crime."
    )
    x = run(text)
    assert dated(claim(x, text, "horrific attacks")) == (date(2016, 8, 8),) * 2
    assert claim(x, text, "horrific attacks").date_why.cue == "these horrific attacks"


# how a source works is a general statement tied to no time ------------------------------


def test_a_sources_method_is_undated() -> None:
    text = (
        "Warplanes struck a bakery in Aleppo on Monday killing nine people, the monitor said. "
        "The monitor relies on a network of doctors and activists across the country and says "
        "it determines which jets carried out a raid from their flight paths. "
        "The monitor which relies on doctors in the city said six of the dead were children."
    )
    x = run(text)
    # the method is the monitor's own claim ("and says ..."), cut from the outlet's part
    assert dated(claim(x, text, "determines which jets")) is None
    # a relative clause describing the speaker does not stop the claim going on
    assert dated(claim(x, text, "six of the dead")) == (date(2016, 8, 8),) * 2


# "IS" is the group, not the verb -------------------------------------------------------


def test_is_the_group_is_no_present_tense() -> None:
    text = (
        '"At least 20 members of IS were killed in air strikes targeting an IS training base '
        'in Raqa" said the Syrian Observatory for Human Rights.'
    )
    # an undated strike told in the past: no date, not the reference day
    assert dated(claim(run(text), text, "At least 20 members")) is None


# a denial answers the incident told ----------------------------------------------------


def test_a_denial_takes_the_day_of_the_incident_it_answers() -> None:
    text = (
        "A suspected gas attack killed at least 58 people in the province of Idlib on "
        "Tuesday, a war monitor said. A Syrian military source strongly denied the army had "
        "used any such weapons."
    )
    x = run(text)
    assert dated(claim(x, text, "strongly denied")) == (date(2016, 8, 9),) * 2


def test_what_a_speaker_said_about_the_incident_takes_its_day() -> None:
    text = (
        "A suspected gas attack killed at least 58 people in the town of Khan Sheikhoun on "
        "Tuesday, a war monitor said. Most of the town's streets had become empty a witness "
        "said."
    )
    x = run(text)
    assert dated(claim(x, text, "streets had become empty")) == (date(2016, 8, 9),) * 2


def test_pictures_of_the_incident_take_its_day() -> None:
    text = (
        "A car bomb killed at least eight people in the Damascus suburb of Jaramana on "
        "Tuesday, state media said. State television aired footage of wrecked shop fronts "
        "around the square and dozens of burned out vehicles."
    )
    x = run(text)
    assert dated(claim(x, text, "aired footage")) == (date(2016, 8, 9),) * 2


def test_blame_for_the_incident_takes_its_day() -> None:
    text = (
        "A suspected gas attack killed at least 58 people in the town of Khan Sheikhoun on "
        "Tuesday, a war monitor said. Many pointed their fingers at the Syrian regime."
    )
    x = run(text)
    assert dated(claim(x, text, "pointed their fingers")) == (date(2016, 8, 9),) * 2


# "after"/"following" hung on a present state: the date is the cause's --------------------


def test_a_present_perfect_does_not_go_on_about_an_incident_of_an_earlier_day() -> None:
    text = (
        "Government jets struck the town of Saraqeb on Thursday killing four people. "
        "Rebel shelling has also killed three civilians in the nearby town of Binnish."
    )
    x = run(text)
    assert dated(claim(x, text, "Saraqeb")) == (date(2016, 8, 11),) * 2
    assert dated(claim(x, text, "has also killed")) is None
    # nor of one of the reference day: a present perfect deed with no date is `null`
    # (docs/annotation.md §11, fresh15)
    today = text.replace("on Thursday", "on Friday")
    assert dated(claim(run(today), today, "has also killed")) is None
    # in what a speaker said, the perfect is relative to the speech, which the incident dates
    said = text.replace("Rebel shelling", '"Rebel shelling').replace(
        "Binnish.", 'Binnish" a monitor said.'
    )
    assert dated(claim(run(said), said, "has also killed")) == (date(2016, 8, 11),) * 2


# "The Observatory on Thursday said that ...": the date of the saying opens no incident ---


def test_a_date_in_the_leading_attribution_dates_the_saying_not_a_new_incident() -> None:
    text = (
        "A car bomb killed 12 people in the town of Azaz on Wednesday, activists said. "
        "The Observatory on Thursday said that the bomb had been hidden in a vegetable truck. "
        "Medics said the wounded included four children."
    )
    x = run(text)
    c = claim(x, text, "vegetable truck")
    assert dated(c) == (date(2016, 8, 11),) * 2 and c.date_why.rule == "statement"
    # the incident told after it is still Wednesday's bombing
    assert dated(claim(x, text, "the wounded")) == (date(2016, 8, 10),) * 2


# "most of" is a quantity, not a superlative that makes "since" a yardstick ----------------


def test_most_of_does_not_make_a_since_date_a_yardstick() -> None:
    text = "IS jihadists control most of the province of Deir Ezzor since routing troops in July."
    assert dated(claim(run(text), text, "routing troops")) == (date(2016, 7, 1), REF)
    # a superlative still does: "the most intense shelling since July" dates nothing
    text = "It was the most intense shelling of Deir Ezzor since July, activists said."
    assert dated(claim(run(text), text, "most intense")) is None


# an incident dated to its month is gone on about too -----------------------------------


def test_an_incident_dated_to_a_month_is_gone_on_about_when_none_is_told_yet() -> None:
    text = (
        "The Syrian Institute of Justice said it had documented 270 civilians killed by "
        "Russian and regime bombing in Aleppo during April. The regime and Russian attacks "
        "targeted 517 civilian homes and six hospitals the Institute said. On Thursday "
        "government jets struck the town of Saraqeb killing four people. Rescuers said two "
        "children were among the dead."
    )
    x = run(text)
    april = (date(2016, 4, 1), date(2016, 4, 30))
    assert dated(claim(x, text, "517 civilian homes")) == april
    # an incident dated to a day, told later, replaces it
    assert dated(claim(x, text, "among the dead")) == (date(2016, 8, 11),) * 2


# "Meanwhile ... last night": another development opens its incident, an aside ----------


def test_another_development_opens_an_incident_and_the_round_up_is_gone_back_to() -> None:
    text = (
        "Army units killed dozens of terrorists in several provinces on Tuesday, a military "
        "source said. Meanwhile a source in Aleppo province said an army unit destroyed last "
        "night a car packed with explosives near the Zahraa neighborhood. The car was "
        "completely destroyed before it reached the neighborhood the source said. In Hasaka "
        "the air force carried out strikes against IS hideouts killing 20 terrorists."
    )
    x = run(text)
    assert dated(claim(x, text, "completely destroyed")) == (date(2016, 8, 11),) * 2
    # told elsewhere, the round-up of Tuesday (no one place) is taken up again
    assert dated(claim(x, text, "In Hasaka")) == (date(2016, 8, 9),) * 2


# concern and a judgement said of an incident are reactions, at their own time --------------


def test_concern_and_a_judgement_of_the_incident_are_reactions() -> None:
    text = (
        "A gas attack killed 70 people in the town of Khan Sheikhoun on Thursday, activists "
        "said. The OPCW said it is seriously concerned about the attack. The UN envoy said "
        "this was horrific and called for a meeting of the Security Council."
    )
    x = run(text)
    assert dated(claim(x, text, "seriously concerned")) == (REF, REF)  # a present state
    assert dated(claim(x, text, "was horrific")) is None
    # "horrific" qualifying the event is no reaction
    text = "A horrific attack killed 70 people in the town of Khan Sheikhoun on Thursday."
    assert dated(claim(run(text), text, "horrific")) == (date(2016, 8, 11),) * 2
