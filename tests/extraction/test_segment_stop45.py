"""Sentences, stop 45 (errors of fresh6): a story resumes after a promoted link's headline
or a caption's bare agency credit run into it, as it does after a tag line."""

from __future__ import annotations

from app.extraction.segment import sentences


def test_a_story_resumes_after_a_promoted_headline_or_a_bare_credit() -> None:
    text = (
        "Troops took the villages the statement added. READ MORE WATCH Rebels Flee Heavy "
        "Shelling in Hama In a separate operation the army freed 19 civilians held by Daesh."
    )
    said = [text[s.start : s.end] for s in sentences(text)]
    assert said[-1] == "In a separate operation the army freed 19 civilians held by Daesh."
    text = (
        "Coalition strikes go on in Syria (Reuters) Around 600 civilians have been killed "
        "in coalition strikes since 2014 according to the Observatory."
    )
    said = [text[s.start : s.end] for s in sentences(text)]
    assert said == [text[text.index("Around") :]]


def test_reuters_trailer_is_no_claim() -> None:
    from app.extraction import extract

    text = (
        "The army took the town of Deir Hafer on Monday killing 20 rebels. Additional "
        "reporting by Tom Perry in Beirut; Editing by Robin Pomeroy Our Standards:The "
        "Thomson Reuters Trust Principles."
    )
    claims = [text[c.start : c.end] for c in extract(text).claims]
    assert claims == ["The army took the town of Deir Hafer on Monday killing 20 rebels."]
    text = "Reporting by Suleiman al-Khalidi; Editing by Alison Williams and Tom Brown"
    assert extract(text).claims == []
