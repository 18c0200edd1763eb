"""Issue 10, class 2 (claimants): the speaker behind wordings the attribution rules missed.

Each sentence is written on the pattern (FA-KES style: commas and apostrophes stripped) and
runs through the whole extraction, registry and gazetteer included.
"""

from __future__ import annotations

from datetime import date

from app.extraction import extract
from app.extraction.attribution import find_attribution
from app.extraction.types import Extraction
from tests.extraction.test_error_classes import claim


def run(text: str) -> Extraction:
    return extract(text, published=date(2016, 8, 12), outlet="reuters")


def claimant(text: str, snippet: str) -> tuple[str | None, str]:
    c = claim(run(text), text, snippet)
    return (c.claimant.key if c.claimant else None), c.claimant_why.rule


def test_a_name_written_with_al_is_part_of_the_speaker():
    text = (
        "We will not leave the town opposition spokesman Khaled al-Hamwi added to a Turkish "
        "channel as regime jets struck the market. The weekly newspaper al-Watan reports that "
        "the army has reopened the road to the airport."
    )
    assert claimant(text, "Khaled al-Hamwi") == ("khaled-al-hamwi", "attribution")
    assert claimant(text, "reopened the road") == ("al-watan-syria", "attribution")


def test_a_place_written_with_al_is_not_part_of_the_speaker():
    text = (
        "Regime jets struck a bakery in the north on Sunday killing nine people a doctor at "
        "a clinic in al-Bab told AFP."
    )
    assert "al-bab" in [p.key for p in claim(run(text), text, "bakery").places]


def test_an_acronym_in_square_brackets_stays_with_its_name():
    text = (
        "The Syrian Observatory for Human Rights [SOHR] said ten fighters were killed in "
        "clashes near Palmyra on Thursday."
    )
    assert claimant(text, "ten fighters") == ("sohr", "attribution")


def test_an_organisations_sized_report_speaks_for_it_and_it_goes_on():
    text = (
        "Amnesty Internationals 40-page report said it found evidence of torture in Saydnaya "
        "prison. It said thousands of detainees were hanged there between 2011 and 2015."
    )
    assert claimant(text, "evidence of torture") == ("amnesty-international", "attribution")
    assert claimant(text, "detainees were hanged") == ("amnesty-international", "anaphor")


def test_declared_with_an_object_is_a_deed_not_speech():
    text = (
        "Kobani is held by the YPG which has declared self-rule across the mainly Kurdish "
        "areas it controls in northern Syria. The jihadists seized Raqqa in 2014 where the "
        "group declared a caliphate spanning Syria and Iraq."
    )
    assert claimant(text, "self-rule") == ("reuters", "outlet")
    assert claimant(text, "caliphate") == ("reuters", "outlet")


def test_declared_before_that_is_speech():
    text = "The Syrian army declared on Monday that it had retaken the town of Qaryatain."
    assert claimant(text, "Qaryatain") == ("syrian-arab-army", "attribution")


def test_a_long_relative_clause_between_speaker_and_verb_keeps_the_speaker():
    text = (
        "Local activist Yaser Hamdan who left the town last year but keeps in touch with "
        "relatives still living in its eastern neighbourhoods said 14 people were killed. "
        "He said the market was hit twice within an hour."
    )
    assert claimant(text, "14 people") == ("yaser-hamdan", "attribution")
    assert claimant(text, "hit twice") == ("yaser-hamdan", "anaphor")


def test_an_organisation_named_by_its_head_and_what_it_is_of():
    text = (
        "The Damascus Centre for Legal Studies said it had counted 40 barrel bombs dropped "
        "on Daraya in June. The Centre pointed out that most of them hit residential areas."
    )
    assert claimant(text, "40 barrel bombs") == ("damascus-centre-for-legal-studies", "attribution")
    assert claimant(text, "residential areas") == (
        "damascus-centre-for-legal-studies",
        "attribution",
    )


def test_an_acronym_after_an_unlisted_organisation_is_not_its_name():
    text = "Free Syrian Lawyers Commission FSLC say regime jets bombed a school in Douma."
    assert claimant(text, "school") == ("free-syrian-lawyers-commission", "attribution")


def test_a_subject_that_goes_on_to_say_something_is_its_own_claim():
    text = (
        "The Britain-based monitor relies on a network of activists inside Syria and "
        "says it tells Russian from Syrian raids by the aircraft used."
    )
    x = run(text)
    told = claim(x, text, "network of activists")
    said = claim(x, text, "and says")
    assert told.claimant_why.rule == "outlet"
    assert text[said.start : said.end].startswith("and says")
    assert said.claimant is not None and said.claimant.key == "sohr"


def test_a_child_who_speaks_is_nobody_in_particular_not_the_outlet():
    text = "The roof fell on us and my brother was hurt one child told AFP at the clinic."
    c = claim(run(text), text, "roof fell")
    assert c.claimant_why.rule == "attribution" and c.claimant is None
    assert c.claimant_text == "child"


def test_an_ngo_is_the_monitor_the_article_names():
    text = (
        "At least 30 fighters were killed in clashes near Tal Abyad an NGO said on Monday. "
        "The Syrian Observatory for Human Rights said the toll was likely to rise."
    )
    assert claimant(text, "Tal Abyad") == ("sohr", "descriptor")


def test_the_group_right_after_a_speaker_is_that_speaker_not_the_group_it_talks_about():
    text = (
        '"Jihadists of the Islamic State group seized the village at dawn" said the Syrian '
        "Observatory for Human Rights. The group said IS lost 11 of its fighters in the "
        "assault."
    )
    assert claimant(text, "lost 11") == ("sohr", "anaphor")


def test_a_tag_line_ending_in_place_names_with_an_article_is_no_sentence():
    from app.extraction.segment import sentences

    text = (
        "Jets struck a bakery in Maarat al-Numan on Friday. Tags Syria air strike Idlib Tal "
        "al-Nasr Maarat an-Numan bakery. Nine people were killed in the strike activists said."
    )
    assert [text[s.start : s.end] for s in sentences(text)] == [
        "Jets struck a bakery in Maarat al-Numan on Friday.",
        "Nine people were killed in the strike activists said.",
    ]


def test_also_reported_is_unattributed():
    text = (
        "Four more people were also reported killed in shelling of the old city. It has also "
        "been reported that the militants executed 12 prisoners near Raqqa."
    )
    assert claimant(text, "Four more") == (None, "passive")
    assert claimant(text, "12 prisoners") == (None, "passive")


def test_said_to_is_the_outlets_own_hedged_claim():
    text = "The commander is said to have died of his wounds in a field hospital near Homs."
    c = claim(run(text), text, "commander")
    assert c.claimant_why.rule == "outlet" and c.hedged


def test_the_subject_of_a_passive_accusation_is_not_its_claimant():
    text = "The Assad regime has been accused of shelling hospitals in Idlib by rebel groups."
    c = claim(run(text), text, "shelling hospitals")
    assert c.claimant_why.rule == "outlet" and c.hedged


def test_where_generic_people_speak_from_is_where_it_happened():
    text = "Doctors in Douma said regime jets struck a hospital killing seven people."
    c = claim(run(text), text, "hospital")
    assert c.claimant is None and "douma" in [p.key for p in c.places]


def test_with_a_speaker_saying_is_that_speakers_own_claim():
    text = (
        "Rebel shelling of western Aleppo has grown heavier over the past days with the "
        "Britain-based monitor saying a shell hit a school in the Hamdaniyeh district."
    )
    x = run(text)
    outlet = claim(x, text, "grown heavier")
    said = claim(x, text, "hit a school")
    assert outlet.claimant_why.rule == "outlet"
    assert text[said.start : said.end].startswith("with the Britain-based monitor saying")
    assert said.claimant is not None and said.claimant.key == "sohr"


def test_a_four_word_denial_with_its_speaker_is_a_claim():
    text = "Washington blamed the regime for the chlorine attack on Sunday. Damascus denied the accusation."
    c = claim(run(text), text, "Damascus denied")
    assert c.claimant is not None and c.claimant.key == "syrian-government"
    assert not [x for x in run("Fighting continued overnight there.").claims]


def test_an_operation_before_unnamed_sources_is_not_their_name():
    # unpunctuated: the deed's noun ends the clause; the coalition is no speaker here
    text = (
        "Fighting went on in the north on Monday. Jets hit 20 positions of the group near "
        "Kilis in a joint coalition operation security sources said."
    )
    c = claim(run(text), text, "20 positions")
    assert (c.claimant, c.claimant_text) == (None, "security sources")


def test_a_timeline_speaks_in_the_present_tense():
    text = (
        "March 3 2015 Syrian regime forces announce an offensive to retake Palmyra from the "
        "jihadists. April 9 2015 The government declares it has retaken the ancient city. "
        "May 2 2015 Rebels said they would announce a counter-offensive near Homs."
    )
    assert claimant(text, "offensive to retake") == ("syrian-arab-army", "attribution")
    assert claimant(text, "ancient city") == ("syrian-government", "attribution")
    # "would announce" is a plan: the speaker is who says so
    assert claim(run(text), text, "counter-offensive").claimant_text == "Rebels"


def test_the_regime_opening_a_sentence_speaks():
    text = (
        "Rebels shelled the airport road on Friday. The regime declares it has reopened the "
        "road to the airport."
    )
    assert claimant(text, "reopened the road") == ("syrian-government", "attribution")


def test_a_subheading_on_the_military_is_no_persons_name():
    # a flattened page glues its subheading to the next sentence
    text = (
        "Rebels said jets shelled the market in Saraqeb on Sunday. Military Rejects Claims The "
        "Syrian military source on Monday denied that the army had shelled the market."
    )
    assert claimant(text, "denied that") == ("syrian-arab-army", "attribution")


def test_speakers_in_an_unnamed_area_speak_before_it():
    text = (
        "Shelling killed six people in the east of the city on Monday a war monitor and "
        "hospital staff in the besieged area said."
    )
    assert claimant(text, "Shelling killed") == ("sohr", "descriptor")


def test_pictures_are_told_by_who_took_or_spread_them():
    text = (
        "Jets struck Saraqeb on Monday. AFP photographs showed rescuers pulling a boy from "
        "the rubble of a bakery. Footage posted by activists showed a crater near the school."
    )
    assert claimant(text, "pulling a boy") == ("afp", "attribution")
    c = claim(run(text), text, "a crater")
    assert (c.claimant, c.claimant_text) == (None, "activists")


def test_a_region_before_an_agency_is_no_persons_name():
    text = (
        "Fighting went on near the dam. A rebel commander was killed in clashes with the army "
        "in Northern Hama FNA reports."
    )
    assert claimant(text, "rebel commander") == ("fars-news-agency", "attribution")


def test_and_said_after_a_first_verb_is_the_subjects_speech():
    text = (
        "The Britain-based monitoring group could not confirm the nature of the gas and said "
        "it was unclear whose jets struck Saraqeb."
    )
    assert claimant(text, "unclear whose jets") == ("sohr", "descriptor")


def test_people_in_the_capital_are_not_its_government():
    text = (
        "The Assad regime has stepped up its bombing of the capital. Residents in Damascus said "
        "that jets have struck the Jobar district every night this week."
    )
    c = claim(run(text), text, "Jobar")
    assert (c.claimant, c.claimant_text) == (None, "Residents in Damascus")


def test_syrian_officials_speak_for_the_government():
    text = (
        "Rebels shelled the town on Monday. Syrian officials say the shelling shows the "
        "opposition does not respect the truce."
    )
    assert claimant(text, "shelling shows") == ("syrian-government", "descriptor")


def test_a_timeline_entry_speaks_past_its_date():
    # the entry's date heading opens the sentence the speaker opens
    text = "December 22 2016 The regime declares it has full control of the city."
    found = find_attribution(text, 0, len(text))
    assert found is not None and text[found.start : found.end] == "The regime"


def test_declining_to_comment_is_the_speakers():
    text = "Jets struck the village on Friday. A Russian Defence Ministry spokesman declined to comment."
    assert claimant(text, "declined to comment") == ("russian-mod", "attribution")


def test_what_a_speaker_has_not_acknowledged_is_the_outlets():
    text = (
        "Jets struck the market in Ariha on Friday. The coalition has never acknowledged any "
        "civilian deaths from its raids on the town."
    )
    assert claimant(text, "never acknowledged") == ("reuters", "outlet")


def test_a_name_after_a_quote_keeps_the_authority_he_heads():
    text = (
        'Jets struck Saraqeb at dawn. "The planes dropped barrels on the market" said Omar '
        "Haddad head of Idlibs civil authority adding that nine people were killed."
    )
    assert claimant(text, "dropped barrels") == ("omar-haddad", "attribution")


def test_a_place_that_ends_the_clause_is_not_part_of_the_speaker_after_it():
    """With the commas stripped, "forces in Northern Homs" runs into "FNA reports": the
    speaker is FNA, and the forces and Homs stay the claim's (dev article 1962495658)."""
    text = (
        "A commander of the Nusra Front was killed in clashes with the Syrian military forces "
        "in Northern Homs FNA reports. Activists in northern rural Homs said 12 people died."
    )
    commander = claim(run(text), text, "A commander")
    assert commander.claimant is not None and commander.claimant.key == "fars-news-agency"
    assert "syrian-arab-army" in {a.actor.key for a in commander.actors}
    assert {p.key for p in commander.places} == {"homs-governorate"}
    activists = claim(run(text), text, "12 people")
    assert activists.claimant_text == "Activists in northern rural Homs"


def test_a_named_person_before_an_apposition_is_the_speaker():
    """With the commas stripped, "NAME a ROLE ..." and "NAME head of ..." are one speaker:
    the person, not the group the apposition names (fresh4 articles 1918150034,
    1962495691; dev half 1924058203)."""
    text = (
        "Wird Furati head of press office at Fastaqim Kama Umirt told Asharq Al-Awsat that "
        "the operation aims to open all fronts. There is a media embargo over the battle "
        "said Furati. Ibrahim al-Hajj a volunteer with the group said residents could not "
        "flee. Walaat Mamu a doctor working at a local hospital was quoted as saying that "
        "several victims came with symptoms of suffocation PRESS TV reports. A bomb killed "
        "three people including a journalist working for a publication of the ruling Baath "
        "party state-run news agency SANA said. Jihadists executed three officers of the "
        "rebel Free Syrian Army a monitor said Saturday."
    )
    assert claimant(text, "the operation aims") == ("wird-furati", "attribution")
    assert claimant(text, "media embargo") == ("wird-furati", "attribution")
    assert claimant(text, "could not flee") == ("ibrahim-al-hajj", "attribution")
    assert claimant(text, "symptoms of suffocation") == ("walaat-mamu", "attribution")
    assert claimant(text, "A bomb killed") == ("sana", "attribution")
    # a monitor is no person's apposition: the army before it is not the speaker's name
    assert claim(run(text), text, "executed three").claimant_text == "a monitor"


def test_a_speaker_closing_the_sentence_with_where_they_said_it_tells_all_of_it():
    text = (
        "Rebels refused to leave. I wish civilians would exit ... but I expect that wont "
        "happen not under these circumstances Fadi Ismail an official based in Aleppo in "
        "Syrias reconciliation ministry told Reuters via telephone."
    )
    wish = claim(run(text), text, "I wish")
    assert text[wish.start : wish.end].endswith("via telephone.")


def test_two_speakers_joined_the_first_leads_and_the_lcc_and_syria_tv_are_known():
    """ "a monitor and rebels said" is the monitor's (as "SARC, the ICRC and ..." is
    SARC's); the LCC and, before 2018, "Syria TV" are in the registry (fresh4 articles
    1915433694, 1918150034, 1926479276)."""
    joint = "Insurgents began an offensive on Aleppo a monitor and rebels said on Thursday."
    assert claimant(joint, "began an offensive")[0] == "sohr"
    text = "The LCC said 27 people were killed. Eight people died according to Syria TV."
    assert claimant(text, "27 people") == ("local-coordination-committees", "attribution")
    assert claimant(text, "Eight people")[0] == "syrian-state-media"


def test_a_title_held_in_a_named_body_marks_the_name_after_it():
    """The Syrian Coalition's releases open "Secretary-General of the Syrian Coalition Abdul
    Ilah al-Fahd sent ...", a sentence mostly in capitals: the name is a person (whom "Fahd
    said" names later), and that Secretary-General is not the UN's (fresh6 1926479104)."""
    text = (
        "Secretary-General of the Syrian Coalition Abdul Ilah al-Fahd sent a letter of "
        "condolence to the Civil Defense Corps in Aleppo. We were shocked to hear of the death "
        "of five rescue workers in Al-Atareb Fahd said. The UN Secretary-General said the "
        "attack was a war crime."
    )
    assert claimant(text, "We were shocked") == ("abdul-ilah-al-fahd", "attribution")
    keys = {a.actor.key for a in claim(run(text), text, "Secretary-General of").actors}
    assert "un-secretary-general" not in keys
    assert claimant(text, "war crime")[0] == "un-secretary-general"
