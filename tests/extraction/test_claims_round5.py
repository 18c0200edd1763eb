"""Claims, round 5: segmentation, claimant and hedge causes of the development sets'
class-2, class-7 and hedge errors.

Each sentence is written on the pattern (FA-KES style: commas and apostrophes stripped) and
runs through the whole extraction, registry and gazetteer included.
"""

from __future__ import annotations

from datetime import date

from app.extraction import extract
from app.extraction.types import Extraction
from tests.extraction.test_error_classes import claim, no_claim


def run(text: str) -> Extraction:
    return extract(text, published=date(2017, 4, 5), outlet="reuters")


def test_a_quotation_s_sentence_is_a_claim_even_when_it_names_nothing():
    text = (
        'Valerie Amos told the Security Council on Tuesday: "The situation in Syria keeps '
        "getting worse. Unemployment now exceeds 54 per cent. The appeal is less than half "
        'funded."'
    )
    x = run(text)
    c = claim(x, text, "Unemployment now exceeds")
    assert c.claimant_why.rule == "quote"
    claim(x, text, "less than half funded")


def test_a_witness_telling_their_own_story_in_a_quotation_is_a_claim():
    text = (
        'Ahmad a 12-year-old boy wounded in Douma told AFP: "The shell hit the street '
        'outside. I was coming out of school when it hit."'
    )
    claim(run(text), text, "I was coming out of school")


def test_the_writer_s_own_story_and_a_speaker_s_hope_stay_out():
    text = (
        "When I was in Aleppo in April the university was working normally. "
        '"The war goes on" the UN official said. "I hope for the sake of the people of '
        'Syria that a solution is found soon."'
    )
    x = run(text)
    no_claim(x, text, "When I was")
    no_claim(x, text, "I hope")


def test_reported_by_a_named_source_is_no_hedge():
    text = (
        "Civilian casualties from government bombardment were reported by the Syrian "
        "Observatory for Human Rights in the al-Sekkari neighbourhood of Aleppo. Civilian "
        "casualties were also reported in the al-Merja neighbourhood of Aleppo."
    )
    x = run(text)
    assert not claim(x, text, "reported by the Syrian").hedged
    assert claim(x, text, "also reported").hedged  # reported by nobody named


def test_a_speech_verb_in_a_relative_clause_of_the_opening_is_no_attribution():
    text = (
        "The government which denied its forces were behind the Ghouta attack also agreed to "
        "hand over its stockpile of chemical weapons. The strikes benefit Kurdish groups "
        'which had in 2013 declared "autonomous administrations" in northern Syria. The '
        "deaths in Deir Ezzor on Wednesday prompted outrage from the opposition Syrian "
        "National Coalition which described the incident as a heinous crime."
    )
    x = run(text)
    assert claim(x, text, "also agreed").claimant_why.rule == "outlet"
    assert claim(x, text, "benefit Kurdish").claimant_why.rule == "outlet"
    c = claim(x, text, "heinous crime")  # late in the sentence: the clause is its point
    assert c.claimant is not None and c.claimant.key == "syrian-national-coalition"


def test_what_a_source_left_unsaid_is_no_claim_when_cut_off_a_sentence_either():
    text = (
        "On Saturday an air raid on another hospital in Idlib had wounded five people the "
        "Observatory said but it could not say whether the raid was Syrian or Russian."
    )
    x = run(text)
    claim(x, text, "wounded five people")
    no_claim(x, text, "could not say")


def test_a_plural_descriptor_anywhere_in_the_phrase_is_nobody_in_particular():
    from app.extraction.speakers import resolve

    text = (
        "The Syrian Observatory for Human Rights said 20 people died. Shelling went on "
        "monitors and sources said."
    )
    at = text.index("monitors and sources")
    who = resolve(text, at, at + len("monitors and sources"), [], [])
    assert (who.actor, who.how) == (None, "generic")


def test_sources_on_the_ground_closing_a_but_sentence_tell_all_of_it():
    text = (
        "The Syrian Observatory for Human Rights said 20 people died in Idlib. Ankara has "
        "massed forces and tanks on its border with Syria but the assault has yet to begin "
        "in earnest monitors and sources on the ground said."
    )
    x = run(text)
    c = claim(x, text, "Ankara has massed")
    assert "yet to begin" in text[c.start : c.end]  # one claim, not cut at "but"
    assert c.claimant is None and c.claimant_text == "monitors and sources"


def test_the_monitors_director_is_still_the_monitor():
    text = "Twenty people died in the raid the monitors director told AFP."
    assert claim(run(text), text, "the raid").claimant.key == "sohr"


def test_a_speaker_and_said_alone_introduce_the_next_sentence():
    text = (
        "Many experts saw the attack as a message to Moscow. Director of the Levant Institute "
        "for Strategic Affairs (LISA) Sami Nader said. This crime will constitute a turning "
        "point in the war because it has embarrassed the Russians. Two people were slightly "
        "hurt in Nusaybin a witness said. The attack was claimed by Daesh."
    )
    x = run(text)
    no_claim(x, text, "Sami Nader said")
    c = claim(x, text, "This crime")
    assert c.claimant_text == "Sami Nader"
    assert claim(x, text, "slightly hurt").claimant_text == "a witness"  # content, then speaker
    assert claim(x, text, "claimed by Daesh").claimant_why.rule == "outlet"


def test_another_country_s_state_tv_is_not_syrian_state_media():
    text = (
        "Jordanian war planes carried out bombing raids against Islamic State targets on "
        "Thursday Jordanian state TV reported without giving the location. Rebels shelled "
        "Aleppo on Friday state TV reported."
    )
    x = run(text)
    c = claim(x, text, "Jordanian war planes")
    assert c.claimant is not None and c.claimant.key == "jordanian-state-tv"
    assert not c.claimant.curated
    c = claim(x, text, "Rebels shelled")
    assert c.claimant is not None and c.claimant.key == "syrian-state-media"


def test_a_minority_or_community_is_nobody_in_particular_whoever_it_belongs_to():
    text = (
        "Israels own significant Druze minority has expressed concern that their brethren in "
        "Syria would be targeted by rebels there."
    )
    c = claim(run(text), text, "expressed concern")
    assert c.claimant is None and c.claimant_text == "Israels own significant Druze minority"


def test_a_named_medium_that_reports_that_is_no_hedge_but_reports_that_alone_are():
    text = (
        "The leftist Lebanese newspaper al-Safir reports that the army is attempting to open "
        "the road to Aleppo. Amid reports that the army advanced rebels fled the town of Bab."
    )
    x = run(text)
    assert not claim(x, text, "al-Safir reports").hedged
    assert claim(x, text, "Amid reports").hedged


def test_accusing_hedges_but_not_as_a_gerund_after_a_preposition():
    from app.extraction.claims import is_hedged

    assert is_hedged(
        "Activists said regime planes were flying over the area accusing the forces loyal to "
        "President Bashar al-Assad of using chemical agents."
    )
    assert not is_hedged(
        "The aim of these actions is to forge another pretext for accusing the Syrian "
        "government of using chemical weapons."
    )


def test_x_said_a_and_y_said_b_is_two_claims():
    text = (
        "The observatory reported that 56 civilians were killed in strikes near Manbij on "
        "July 19 and Colonel Chris Garver said there was sufficient credible evidence of "
        "civilian victims to warrant a probe. Fighting went on in Manbij the monitor said and "
        "medics said."
    )
    x = run(text)
    first = claim(x, text, "56 civilians")
    assert "Garver" not in text[first.start : first.end]
    assert claim(x, text, "credible evidence").claimant_text == "Colonel Chris Garver"
    claim(x, text, "medics said")  # one claim: the second speaker adds nothing of its own
