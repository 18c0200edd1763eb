"""Sentences cut into timeline entries where the page ran two into one.

A timeline or caption written without a full stop runs into the next entry: at a date
heading ("... in some areas March 15 2017 Amid continuing violence ..."), or, where the
page repeats its timeline without the headings, right after an entry told before whole
("Assad accused of releasing prisoners ... bulwark Powerful Iran-backed militia ...").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.extraction.dating import is_heading
from app.extraction.segment import Sentence, trim
from app.extraction.types import DateMention

# an entry told before, that a repeated timeline runs into the next one, is a whole caption
# or sentence, not a few words that many sentences open with
_MIN_ENTRY = 40
_NEXT_ENTRY = re.compile(r"\s+[A-Z]")


def entries(text: str, sents: Sequence[Sentence], dates: Sequence[DateMention]) -> list[Sentence]:
    """The sentences, cut where a date heading opens an entry mid-sentence and after an
    entry told before whole."""
    ordered = sorted(dates, key=lambda d: d.start)
    out: list[Sentence] = []
    for s in sents:
        start = s.start
        for d in ordered:
            if start < d.start < s.end and is_heading(text, d, start):
                a, b = trim(text, start, d.start)
                if a < b:
                    out.append(Sentence(a, b, s.paragraph))
                start = d.start
        out.append(Sentence(start, s.end, s.paragraph))
    return _told_again(text, out)


def _told_again(text: str, sents: Sequence[Sentence]) -> list[Sentence]:
    """Sentences cut after an entry told before whole: a page that repeats its timeline
    without the headings runs a caption into the next entry ("Assad accused of releasing
    extremist prisoners ... bulwark Powerful Iran-backed ... militia says ...")."""
    told: list[str] = []
    out: list[Sentence] = []
    for s in sents:
        said = text[s.start : s.end]
        k = next((k for k in told if said.startswith(k) and _NEXT_ENTRY.match(said, len(k))), "")
        if k:
            out.append(Sentence(s.start, s.start + len(k), s.paragraph))
            s = Sentence(*trim(text, s.start + len(k), s.end), s.paragraph)
        out.append(s)
        if len(said) >= _MIN_ENTRY:
            told.append(said)
    return out
