"""Claim segmentation, attribution, hedging, roles and event types.

Actor mentions are built by hand here so that these rules are tested apart from the
registry; tests/extraction/test_pipeline.py runs the real matchers end to end.
"""

from datetime import date
from pathlib import Path

import pytest

from app.extraction.attribution import find_attribution
from app.extraction.boilerplate import find_body_end
from app.extraction.claims import find_claims, is_hedged
from app.extraction.dates import find_dates
from app.extraction.events import event_type
from app.extraction.published import title_end
from app.extraction.quantities import find_quantities
from app.extraction.segment import sentences as segments
from app.extraction.types import ActorMention, ClaimDraft

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def mention(text: str, surface: str, kind: str, nth: int = 0) -> ActorMention:
    at = -1
    for _ in range(nth + 1):
        at = text.index(surface, at + 1)
    key = surface.lower().replace(" ", "-")
    return ActorMention(key, surface, kind, True, at, at + len(surface), surface)


def claims_of(text: str, ref: date | None, actors=(), outlet="Outlet", **kw) -> list[ClaimDraft]:
    out = find_claims(
        text,
        actors=list(actors),
        places=[],
        dates=find_dates(text, reference=ref),
        quantities=find_quantities(text),
        body_end=find_body_end(text),
        outlet=outlet,
        **kw,
    )
    for c in out:
        # the claimant may be named outside the claim (the speaker of a quotation)
        content = [a.actor for a in c.actors if a.role != "claimant"]
        for item in (*c.quantities, *c.places, *content):
            assert c.start <= item.start and item.end <= c.end
        for item in (*c.quantities, *c.places, *(a.actor for a in c.actors)):
            assert text[item.start : item.end] == item.surface
    return out


def claim_with(claims: list[ClaimDraft], text: str, snippet: str) -> ClaimDraft:
    for c in claims:
        if snippet in text[c.start : c.end]:
            return c
    raise AssertionError(f"no claim contains {snippet!r}")


def no_claim_with(claims: list[ClaimDraft], text: str, snippet: str) -> None:
    assert not any(snippet in text[c.start : c.end] for c in claims), snippet


# --- seed 002 ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def s002():
    text = seed("002")
    actors = [
        mention(text, "Wassam Zarqa", "person"),
        mention(text, "Associated Press", "media"),
        mention(text, "Sergey Rudskoy", "person"),
    ]
    return text, claims_of(text, date(2016, 8, 12), actors, outlet="Morning Star")


def test_reportedly_killed_is_hedged(s002):
    text, claims = s002
    c = claim_with(claims, text, "Yousef Za’ou’a was reportedly killed yesterday")
    assert c.hedged and c.event_type == "casualties"
    assert c.date is not None and c.date.date_start == date(2016, 8, 11)


def test_speaker_before_told_is_the_claimant_not_the_agency(s002):
    text, claims = s002
    c = claim_with(claims, text, "Local resident Wassam Zarqa told the Associated Press")
    assert c.claimant is not None and c.claimant.surface == "Wassam Zarqa"
    assert c.claimant.kind == "person"
    assert c.claimant_text == "Local resident Wassam Zarqa"
    # the agency he spoke to is the channel: neither the claimant nor an actor of the claim
    roles = {a.actor.surface: a.role for a in c.actors}
    assert roles == {"Wassam Zarqa": "claimant"}


def test_pronoun_carries_the_previous_claimant_and_claimed_hedges(s002):
    text, claims = s002
    c = claim_with(claims, text, "He claimed that since Sunday")
    assert c.claimant is not None and c.claimant.surface == "Sergey Rudskoy"
    assert c.claimant_text.endswith("Lieutenant General Sergey Rudskoy")
    assert c.hedged
    assert [(q.what, q.value, q.qualifier) for q in c.quantities] == [
        ("killed", 1000, "nearly"),
        ("injured", 2000, "over"),
    ]
    assert c.date.date_start == date(2016, 8, 7) and c.date.date_end == date(2016, 8, 12)


def test_unattributed_sentence_is_claimed_by_the_outlet(s002):
    text, claims = s002
    c = claim_with(claims, text, "SYRIAN troops and their allies launched a big push")
    assert c.claimant_text == "Morning Star" and c.claimant is None and not c.hedged
    assert c.date.date_start == date(2016, 8, 11)


def test_event_types_of_seed_002(s002):
    text, claims = s002
    assert claim_with(claims, text, "daily three-hour ceasefire").event_type == "ceasefire"
    assert claim_with(claims, text, "releasing chlorine gas").event_type == "chemical_attack"
    assert claim_with(claims, text, "supersonic bombers").event_type == "airstrike"
    assert claim_with(claims, text, "retook several villages").event_type == "capture_territory"


# --- seed 003 ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def s003():
    text = seed("003")
    actors = [mention(text, "Reuters", "media")]
    header_end = title_end(text, "Thousands Flee Aleppo, Syria As Army Advances")
    return text, claims_of(
        text, date(2016, 11, 27), actors, outlet="The Inquisitr", header_end=header_end
    )


def test_state_media_claim(s003):
    text, claims = s003
    c = claim_with(claims, text, "Syria’s state media claimed")
    assert c.claimant_text == "Syria’s state media" and c.hedged
    assert [(q.what, q.value, q.qualifier) for q in c.quantities] == [
        ("displaced", 1500, "at_least")
    ]
    assert c.event_type == "displacement"


def test_according_to_reuters(s003):
    text, claims = s003
    c = claim_with(claims, text, "According to Reuters, the offensive")
    assert c.claimant is not None and c.claimant.surface == "Reuters"
    assert c.claimant_text == "Reuters"
    assert c.date.date_start == date(2016, 11, 26)  # "began Saturday"


def test_quote_with_speaker_after_it(s003):
    text, claims = s003
    c = claim_with(claims, text, "The shelling and aerial bombing does not stop")
    assert c.claimant_text == "Abdullah Ansari"


def test_image_credit_after_body_end_is_no_claim(s003):
    text, claims = s003
    no_claim_with(claims, text, "Featured Image")
    assert not any(c.in_comments for c in claims)


def test_headline_line_is_not_a_claim(s003):
    text, claims = s003
    assert all(c.start > len("Thousands Flee Aleppo, Syria As Army Advances") for c in claims)


# --- seeds 000, 001, 004 -------------------------------------------------------------


def test_seed_000_correspondent_and_the_source_added():
    text = seed("000")
    claims = claims_of(text, date(2016, 2, 21), header_end=text.index("\n"))
    first = claim_with(claims, text, "According to a battlefield correspondent")
    assert first.claimant_text == "a battlefield correspondent at the Kuweires Military Airport"
    added = claim_with(claims, text, "The source added that some 700 ISIL terrorists fled")
    assert added.claimant_text == first.claimant_text
    assert {(q.what, q.value, q.qualifier) for q in added.quantities} == {
        ("fighters", 700, "about"),
        ("fighters", 100, "range"),
    }
    assert added.date.precision == "week" and added.date.date_end == date(2016, 2, 21)
    no_claim_with(claims, text, "ISIS is now in serious trouble")  # a heading
    no_claim_with(claims, text, "it is very likely that")  # speculation


def test_seed_001_comments_and_hedged_report():
    text = seed("001")
    claims = claims_of(text, date(2015, 11, 5), outlet="Informed Comment")
    body_end = find_body_end(text)
    reported = claim_with(claims, text, "it was reported that the SAA made")
    assert reported.hedged and reported.claimant is None and reported.claimant_text is None
    assert reported.date.date_start == date(2015, 11, 4)
    early = claim_with(claims, text, "in early October")
    assert early.date.date_start == date(2015, 10, 1) and early.claimant_text == "Informed Comment"
    comments = [c for c in claims if c.start >= body_end]
    assert comments and all(c.in_comments and c.claimant_text is None for c in comments)
    assert all(not c.in_comments for c in claims if c.start < body_end)
    no_claim_with(claims, text, "Related video")
    no_claim_with(claims, text, "Comments are closed")
    no_claim_with(claims, text, "I bet they")  # opinion
    no_claim_with(claims, text, "By Juan Cole")  # byline
    thought = claim_with(claims, text, "were thought to be negotiating")
    assert thought.hedged


def test_seed_004_questions_opinion_background_and_licence():
    text = seed("004")
    claims = claims_of(text, date(2017, 1, 20), outlet="bankruptmedia.com")
    no_claim_with(claims, text, "What are you to think")
    no_claim_with(claims, text, "I bet you would not")
    no_claim_with(claims, text, "Palmyra is home to some of the worlds oldest")
    no_claim_with(claims, text, "Alt_Publishers License")
    c = claim_with(claims, text, "Middle East Eye reported how")
    assert c.claimant_text == "Middle East Eye" and c.date.date_start == date(2016, 12, 12)
    assert claim_with(claims, text, "It was not until December 18th").date.date_start == date(
        2016, 12, 18
    )


# --- FA-KES style: no commas, attribution at the end -----------------------------------


def test_sentence_final_monitor_attribution():
    text = (
        "Air strikes on two hospitals in rebel-held northwestern Syria on Thursday left 10 "
        "people dead including two babies in incubators a monitor said. The monitoring group "
        "said the strike on the village was suspected to have been carried out by Russian "
        "planes."
    )
    claims = claims_of(text, date(2017, 4, 27))
    first, second = claims
    assert first.claimant_text == "a monitor" and first.event_type == "airstrike"
    assert first.date.date_start == date(2017, 4, 27)
    # "the monitoring group" is the monitor of the previous sentence; "suspected" hedges
    assert second.claimant_text == "The monitoring group" and second.hedged
    assert second.claimant_why.rule == "descriptor"
    assert second.date == first.date  # the same strikes


def test_agents_and_targets():
    text = "The Syrian Arab Army (SAA) and its allies have pushed ISIS out of East Aleppo."
    actors = [
        mention(text, "Syrian Arab Army", "state_military"),
        mention(text, "ISIS", "jihadist_group"),
    ]
    (c,) = claims_of(text, None, actors)
    assert {a.actor.surface: a.role for a in c.actors} == {
        "Syrian Arab Army": "agent",
        "ISIS": "target",
    }
    assert c.event_type == "capture_territory"


@pytest.mark.parametrize(
    ("text", "agent", "target"),
    [
        ("Daesh launched a fierce attack on the village of Shaikh Hilal.", "Daesh", None),
        ("Eleven children were killed by Russian jets in Idlib today.", "Russian", None),
        ("US-led strikes killed 20 Islamic State fighters near the border.", "US", "Islamic State"),
        ("The offensive against ISIS in Raqqa continued on Sunday.", None, "ISIS"),
    ],
)
def test_roles_from_surrounding_words(text, agent, target):
    names = [n for n in (agent, target) if n]
    actors = [mention(text, n, "other") for n in names]
    (c,) = claims_of(text, date(2016, 1, 3), actors)
    roles = {a.actor.surface: a.role for a in c.actors}
    if agent:
        assert roles[agent] == "agent"
    if target:
        assert roles[target] == "target"


def test_outlet_actor_is_used_when_unattributed():
    outlet = ActorMention("reuters", "Reuters", "media", True, 0, 0, "")
    text = "Syrian troops captured the town of Khanaser on Sunday after heavy fighting."
    (c,) = claims_of(text, None, outlet="reuters", outlet_actor=outlet)
    assert c.claimant == outlet and c.claimant_text == "reuters"


@pytest.mark.parametrize(
    ("sentence", "hedged"),
    [
        ("The commander was reportedly killed.", True),
        ("A suspected chemical attack killed dozens.", True),
        ("Rebels were thought to be negotiating.", True),
        ("It is believed that 20 died.", True),
        ("Daesh claimed responsibility for the blast.", False),
        ("The blast claimed the lives of 40 people.", False),
        ("The army captured the town.", False),
        ("The raid appeared to target a convoy.", True),
        ("Rebels accused the army of using chlorine.", True),
        ("The toll may rise.", True),
        # the month is no modal; the nouns "accusation(s)" report that someone accused
        ("Rebels shelled the district on 12 May killing four.", False),
        ("Moscow rejected the accusations against its air force.", False),
        ("The jets probably took off from Hmeimim.", True),
        ("It appeared as though the building had been hit twice.", True),
    ],
)
def test_hedging(sentence, hedged):
    assert (is_hedged(sentence) is not None) is hedged


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Russian warplanes pounded the town.", "airstrike"),
        ("Rebel mortar shells hit the district.", "shelling"),
        ("A car bomb exploded near the checkpoint.", "bombing"),
        ("The army tightened the siege of Madaya.", "siege"),
        ("A truce came into force at midnight.", "ceasefire"),
        ("Thousands fled the city.", "displacement"),
        ("Three civilians were killed.", "casualties"),
        ("Sarin was used against civilians.", "chemical_attack"),
        ("An aid convoy reached the town.", "humanitarian"),
        ("Talks resumed in Geneva.", "negotiation"),
        ("The old city was reduced to rubble.", "destruction"),
        ("Clashes continued on the outskirts.", "battle"),
        ("The museum reopened.", "other"),
        ("Russian bombers struck a chemical weapons factory.", "airstrike"),
        # FA-KES 1914947538 (dev3): the Qardaha hospital bombing told in the monitor's words
        ("A man drove an ambulance packed with explosives into the parking.", "bombing"),
        ("An explosives-laden truck hit the security headquarters.", "bombing"),
        ("A booby-trapped car went off near the mosque.", "bombing"),
        ("The attacker detonated his vest at the gate.", "bombing"),
        # FA-KES 1965495332 (relations dev2): the dead named as "the deceased"
        ("A nurse and two soldiers are reportedly among the deceased.", "casualties"),
        ("The toll rose to 40.", "casualties"),
        ("Ten civilians lost their lives in the village.", "casualties"),
    ],
)
def test_event_types(sentence, kind):
    assert event_type(sentence) == kind


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Six were killed on Sunday a monitoring group said.", "a monitoring group"),
        (
            "Strikes killed 20 fighters near Iraq an organisation monitoring the conflict said.",
            "an organisation monitoring the conflict",
        ),
        ("The Arab League called Wednesday on inspectors to visit the site.", "The Arab League"),
        ("Rights groups have since called for investigations.", "Rights groups"),
        (
            "Government and opposition forces have both denied using gas.",
            "Government and opposition forces",
        ),
        (
            "Foreign Minister Mevlut Cavusoglu proposed joint operations.",
            "Foreign Minister Mevlut Cavusoglu",
        ),
        ("Dozens were killed in Lattakia on Friday FNA dispatches said.", "FNA dispatches"),
        (
            "According to the Firat news agency the SDF advanced 0.3 miles in the city.",
            "the Firat news agency",
        ),
        (
            "A source at Aleppo Police Command told SANA reporter that shells hit the city.",
            "A source at Aleppo Police Command",
        ),
        (
            "Activists in northern rural Homs said that the regime intensified attacks.",
            "Activists in northern rural Homs",
        ),
        (
            "Three were killed on Sunday an official from the forces said.",
            "an official from the forces",
        ),
        (
            "According to the Al-Quds hospital four people died in the attack.",
            "the Al-Quds hospital",
        ),
        (
            '"The strikes have severely constricted movement" spokesman Thomas Gilleran said.',
            "spokesman Thomas Gilleran",
        ),
        ("Fourteen consecutive strikes were made Konashenkov added.", "Konashenkov"),
        (
            "Syrian officials have called allegations against their forces illogical and "
            "fabricated.",
            "Syrian officials",
        ),
        ("Moscow called the Western accusations baseless.", "Moscow"),
    ],
)
def test_attribution_phrases(sentence, speaker):
    a = find_attribution(sentence, 0, len(sentence))
    assert a is not None and a.kind == "named"
    assert sentence[a.start : a.end] == speaker


def test_nouns_reports_and_claims_are_not_speech_verbs():
    s = "The news comes amid reports that Russian jets struck the town on Saturday."
    assert find_attribution(s, 0, len(s)) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "The group is called Jaish al-Islam and holds the town.",
        "The town was called the capital of the revolution by its residents.",
    ],
)
def test_called_naming_is_not_speech(sentence):
    # "called" reports speech before "for"/"on" or what it judges ("called the
    # allegations fabricated"), not when it names something
    assert find_attribution(sentence, 0, len(sentence)) is None


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_claim_spans_on_every_seed(prefix):
    text = seed(prefix)
    for c in claims_of(text, date(2016, 6, 1)):
        claim = text[c.start : c.end]
        assert claim == claim.strip() and len(claim.split()) >= 5
        assert c.event_type in (
            "capture_territory", "battle", "airstrike", "shelling", "bombing", "siege",
            "ceasefire", "displacement", "casualties", "chemical_attack", "humanitarian",
            "negotiation", "destruction", "other",
        )  # fmt: skip


def test_segments_drop_datelines_credits_tags_and_tweets():
    text = (
        "Hezbollah (Lebanon) fighters killed 20 militants on Sunday. DEIR EZ-ZOR (Syria) "
        "(Sputnik) Reportedly the shelling was carried out by Daesh. BEIRUT (Reuters) - Syrian "
        "troops advanced on Sunday. Aleppo SANA- Terrorists fired shells on the city. A man "
        "walks past a damaged site. July 27 2016. (TRT World and Agencies) A bomb blast killed "
        "48 people. The brigade announced gains Tags Syria Idlib Nusra The brigade said it "
        "killed six fighters. pic.twitter.comezhmZ1GOG4 Leith (leithfadel) July 27 2016 State "
        "TV rolled footage from the scene."
    )
    assert [text[g.start : g.end] for g in segments(text)] == [
        "Hezbollah (Lebanon) fighters killed 20 militants on Sunday.",
        "Reportedly the shelling was carried out by Daesh.",
        "Syrian troops advanced on Sunday.",
        "Terrorists fired shells on the city.",
        "A man walks past a damaged site.",
        "July 27 2016.",
        "A bomb blast killed 48 people.",
        "The brigade announced gains",
        "The brigade said it killed six fighters.",
        "State TV rolled footage from the scene.",
    ]
    claims = claims_of(text, date(2016, 7, 27))
    no_claim_with(claims, text, "A man walks past")  # a caption: its date line follows


def test_a_sentence_opening_with_a_lost_quote_mark_is_its_own():
    """FA-KES lost some opening quote marks to replacement characters ("��"): the sentence
    before them still ends there (dev article 1962495675)."""
    text = (
        "Major General Igor Konashenkov denied the reports. \ufffd\ufffdWe urge people to "
        "remain critical of any horror stories he said."
    )
    assert [text[g.start : g.end] for g in segments(text)] == [
        "Major General Igor Konashenkov denied the reports.",
        "\ufffd\ufffdWe urge people to remain critical of any horror stories he said.",
    ]


def test_a_lede_printed_twice_is_claimed_twice_as_the_gold_does():
    lede = "A bomb killed 18 people in the Damascus suburb of Jaramana on Tuesday. "
    text = lede + lede + "The car bomb also wounded 56 people the broadcaster said."
    claims = claims_of(text, date(2013, 8, 6))
    assert [text[c.start : c.end] for c in claims].count(lede.strip()) == 2
