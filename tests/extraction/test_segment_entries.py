"""Claim segmentation of fresh3's causes: a timeline or caption written without a full stop
runs into the next entry, which must become a claim of its own (docs/annotation.md §1)."""

from __future__ import annotations

from datetime import date

from tests.extraction.test_error_classes import claim, dated, run

TIMELINE = (
    "At least 72 people were killed in a suspected gas attack on a rebel-held town in Idlib "
    "province on Tuesday, a monitor said. "
    "January 2017 Russia Iran and Turkey agree to a nationwide ceasefire between regime and "
    "rebels following talks in Kazakhstan. "
    "Ceasefire repeatedly violated by regime forces in several areas "
    "March 15 2017 At least two suicide car bombs detonate in the Syrian capital on the "
    "anniversary of the uprising. "
)


def test_a_heading_inside_a_sentence_starts_a_new_claim() -> None:
    x = run(TIMELINE)
    before = claim(x, TIMELINE, "Ceasefire repeatedly violated")
    entry = claim(x, TIMELINE, "suicide car bombs")
    assert TIMELINE[before.start : before.end].endswith("in several areas")
    assert TIMELINE[entry.start :].startswith("March 15 2017 At least")
    assert dated(entry) == (date(2017, 3, 15), date(2017, 3, 15))
    assert dated(before) != dated(entry)


REPEATED = (
    "At least 72 people were killed in a suspected gas attack on a rebel-held town in Idlib "
    "province on Tuesday, a monitor said. "
    "2013 Jihadists of the al-Nusra Front expand in the north at the expense of rebels. "
    "Assad accused of freeing extremist prisoners to portray his regime as a bulwark "
    "April 2013 Lebanese Shia militia Hizballah says it is fighting alongside regime forces. "
    "Timeline "
    "Jihadists of the al-Nusra Front expand in the north at the expense of rebels. "
    "Assad accused of freeing extremist prisoners to portray his regime as a bulwark "
    "Lebanese Shia militia Hizballah says it is fighting alongside regime forces. "
)


def test_a_caption_told_before_whole_ends_where_it_ended_then() -> None:
    x = run(REPEATED)
    second = REPEATED.rindex("Assad accused")
    caption = "Assad accused of freeing extremist prisoners to portray his regime as a bulwark"
    spans = {(c.start, c.end) for c in x.claims}
    assert all(not (c.start <= second < c.end) or c.end == second + len(caption) for c in x.claims)
    assert (REPEATED.rindex("Lebanese Shia"), len(REPEATED.rstrip())) in spans


def test_a_passage_told_again_further_on_is_claimed_again_a_doubled_lede_too() -> None:
    lede = "A bomb killed 18 people in the Damascus suburb of Jaramana on Tuesday, TV said. "
    entry = "The regime repressed the demonstrations in Damascus and Daraa by force. "
    text = (
        "At least 72 people were killed in a suspected gas attack on a town in Idlib "
        "province on Tuesday, a monitor said. "
        + lede
        + lede
        + "March 15 2011 Protests demand freedom for political prisoners. "
        + entry
        + "Timeline Protests demand freedom for political prisoners. "
        + entry
    )
    x = run(text)
    assert len([c for c in x.claims if "Jaramana" in text[c.start : c.end]]) == 2
    assert len([c for c in x.claims if "repressed" in text[c.start : c.end]]) == 2


def test_a_headline_passive_accused_of_names_the_accused_not_a_speaker() -> None:
    x = run(REPEATED)
    caption = next(c for c in x.claims if REPEATED[c.start :].startswith("Assad accused"))
    assert caption.claimant_why.rule == "outlet"


def test_a_stop_before_a_lower_case_sentence_opener_ends_the_sentence() -> None:
    from app.extraction.segment import sentences

    text = (
        "Some 50 civilians were killed in coalition airstrikes a UN report says. "
        "the coalition continued airstrikes against ISIL on a near daily basis. "
        "Aleppo saw raids in recent weeks in the worst fighting of the war. with hundreds "
        "killed since the truce broke down."
    )
    said = [text[s.start : s.end] for s in sentences(text)]
    assert said[1].startswith("the coalition continued")
    assert said[2].endswith("truce broke down.")  # "with" goes on the sentence


def test_according_to_after_a_word_in_lower_case_opens_a_sentence_without_a_stop() -> None:
    from app.extraction.segment import sentences

    text = (
        "Six civilians were killed on Thursday in rocket attacks on Aleppo city "
        "According to a police source two people were killed in Homs. "
        "Airstrikes Against IS Help Assad Former US Ambassador According to the UN official "
        "the economy continues to decline."
    )
    said = [text[s.start : s.end] for s in sentences(text)]
    assert said[0].endswith("Aleppo city")
    assert said[1].startswith("According to a police source")
    assert len(said) == 3  # not after a run-in headline's capitalised word


def test_a_channels_subscription_and_legal_links_are_no_claims() -> None:
    text = (
        "At least 72 people were killed in a suspected gas attack on a town in Idlib "
        "province on Tuesday, a monitor said. "
        "SUBSCRIBE TRT World on Youtube Subscribe to our Youtube channel for all the latest "
        "reporting from around the world. "
        "TRT World Watch Live TV Schedule Where to Watch Connect with TRT World Careers "
        "Press Releases Contact Us Legal Terms of Use Privacy Policy Cookie Policy"
    )
    x = run(text)
    assert [text[c.start : c.end][:8] for c in x.claims] == ["At least"]


def test_what_a_source_did_not_say_is_no_claim() -> None:
    text = (
        "Coalition aircraft killed 12 civilians in a raid on a village near Raqqa on Monday, "
        "the ministry said. It did not say whether any Daesh fighters were also killed."
    )
    x = run(text)
    assert [text[c.start : c.end][:9] for c in x.claims] == ["Coalition"]


TAGGED = (
    "{lead} Tags Madaya Syria hunger siege women Hizbollah Three women from the besieged town "
    "of Madaya were killed by artillery shells on Thursday. Tags Syria Idlib gas attack "
    "chlorine Observatory Assad Warplanes carried out a gas attack on a town in Idlib on "
    "Tuesday. Tags Syria Aleppo civilians airstrikes At least 51 civilians were killed in "
    "air raids on Aleppo on Saturday."
).format(lead="Shelling hit the town on Thursday, a monitor said.")


def test_prose_after_tags_in_lower_case_starts_where_a_sentence_would() -> None:
    """alaraby's tag lines mix names with lower-case keywords; the prose resumed at the
    first capitalised word before a lower-case one ("Syria hunger siege"), so the tags'
    places (Syria) and actors (Hizbollah) became the claim's."""
    from app.extraction.segment import sentences

    starts = [TAGGED[s.start : s.end].split(" of ")[0] for s in sentences(TAGGED)]
    assert starts[1:] == [
        "Three women from the besieged town",
        "Warplanes carried out a gas attack on a town in Idlib on Tuesday.",
        "At least 51 civilians were killed in air raids on Aleppo on Saturday.",
    ]
    women = claim(run(TAGGED), TAGGED, "Three women")
    assert {p.key for p in women.places} == {"madaya"}


def test_the_initials_of_a_country_or_body_end_a_sentence_before_an_opener() -> None:
    """ "... a UN report to the U.N. The Syrian Center ..." ran two claimants' figures into
    one claim (dev article 1924058178); "the U.S. Secretary of State" goes on."""
    from app.extraction.segment import sentences

    text = (
        "The toll was given in a report to the U.N. The Syrian Center for Policy Research "
        "put it at 470000. He met the U.S. Secretary of State in Geneva. Aid came from the "
        "U.S. In a statement the U.N. Security Council said so."
    )
    assert [text[s.start : s.end] for s in sentences(text)] == [
        "The toll was given in a report to the U.N.",
        "The Syrian Center for Policy Research put it at 470000.",
        "He met the U.S. Secretary of State in Geneva.",
        "Aid came from the U.S.",
        "In a statement the U.N. Security Council said so.",
    ]


def test_a_photo_credit_inside_a_sentence_ends_the_caption_before_the_story() -> None:
    """ "In this photo ... (AP photo) BEIRUT Air strikes ... killed 21 civilians Sunday":
    the lede was lost with the caption, and its incident's date with it (fresh6 article
    1924058060)."""
    text = (
        "In this photo taken on June 8 civil defence workers help an injured woman after "
        "warplanes attacked a street in Aleppo Syria (AP photo) BEIRUT Air strikes on a "
        "market in Idlib killed at least 21 civilians Sunday. Five children were among "
        "those killed in the air raids on Idlib the Observatory said."
    )
    x = run(text, published=date(2016, 6, 13))
    lede = claim(x, text, "Air strikes on a market")
    assert text[lede.start :].startswith("Air strikes on a market")
    sunday = (date(2016, 6, 12), date(2016, 6, 12))
    assert dated(lede) == dated(claim(x, text, "Five children")) == sunday
