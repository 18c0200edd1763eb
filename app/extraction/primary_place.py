"""The place an article's main events happen in: its mentions vote for their governorate,
weighted by where they stand (title, lede, captions) and by kind of place."""

from __future__ import annotations

import math
import re
from collections import defaultdict

from .places import find_places
from .registry import place_entry
from .types import PlaceMention

# How much one mention counts towards "where this happens", by kind of place: a road or
# a wide region only hints at it.
_KIND_WEIGHT = {"region": 0.8, "road": 0.5, "neighbourhood": 1.1}
_TITLE_WEIGHT = 4.0
# Reports lead with the event: a mention's weight is 1 + 2*exp(-offset/400), then cut
# to 70% in the last 40% of the body, where background and other fronts go.
_LEDE_BOOST, _LEDE_CHARS = 2.0, 400.0
_LATE_FROM, _LATE_WEIGHT = 0.6, 0.7
_FIRST_BONUS = 3.0  # for the governorate named first in the title or the lede
# The n-th mention of a governorate counts 1/sqrt(n) of its weight: a city the background
# keeps returning to ("the road to Aleppo", ten times) does not outvote the lede's.
# Photo captions, the sentence before a photo credit, show whatever picture was at hand
# (often another town, another day): their mentions count little, whatever their place.
_CAPTION_WEIGHT = 0.5
_PHOTO_CREDIT = re.compile(
    r"\((?:TRT World and Agencies|(?:AP|AFP|Reuters|AA|EPA) (?:[Pp]hoto|Archive)|File photo)\)"
    r"|\bAA Photo\b"
)
_SENTENCE_END = re.compile(r"[.!?]\s+")


def _captions(text: str) -> list[tuple[int, int]]:
    """Spans of photo captions: from the sentence start before a credit to the credit.
    A caption's closing date ("... Idlib province. June 12 2016.") is not its start."""
    spans = []
    for credit in _PHOTO_CREDIT.finditer(text):
        start = 0
        for end in _SENTENCE_END.finditer(text, 0, credit.start()):
            if credit.start() - end.end() >= 40:
                start = end.end()
        spans.append((start, credit.end()))
    return spans


def primary_place(
    text: str,
    places: list[PlaceMention],
    *,
    title: str | None = None,
    body_end: int | None = None,
) -> str | None:
    """Key of the place where the article's main events happen, or None.

    Mentions vote for their governorate, weighted by position (title, then the lede)
    and by kind; the winning governorate's best-scoring place is returned. "Syria"
    alone only wins when nothing inside the country is named.
    """
    end = len(text) if body_end is None else body_end
    weighted: list[tuple[PlaceMention, float, bool]] = []  # mention, weight, early
    if title:
        weighted += [(m, _TITLE_WEIGHT, True) for m in find_places(title)]
    captions = _captions(text[:end])
    for m in places:
        if m.start >= end:
            continue
        if any(s <= m.start < e for s, e in captions):
            weighted.append((m, _CAPTION_WEIGHT, False))
            continue
        w = 1.0 + _LEDE_BOOST * math.exp(-m.start / _LEDE_CHARS)
        late = m.start > _LATE_FROM * end
        weighted.append((m, w * _LATE_WEIGHT if late else w, m.start < _LEDE_CHARS))
    by_gov: dict[str, float] = defaultdict(float)
    by_place: dict[str, float] = defaultdict(float)
    order: dict[str, int] = {}
    seen: dict[str, int] = defaultdict(int)  # mentions of each governorate so far
    country = None
    for n, (m, w, early) in enumerate(weighted):
        # a place the gazetteer lacks ("Jarez village in the countryside of Azaz") votes
        # like one of its kind, for the gazetteer place it lies in
        key = m.unlisted.parent if m.unlisted is not None else m.key
        e = place_entry(key)
        if e is None:
            continue
        if e.governorate is None:
            country = country or key
            continue
        if not by_gov and early:
            by_gov[e.governorate] += _FIRST_BONUS
        kind = m.unlisted.kind if m.unlisted is not None else e.kind
        seen[e.governorate] += 1
        score = w * _KIND_WEIGHT.get(kind, 1.0) / math.sqrt(seen[e.governorate])
        by_gov[e.governorate] += score
        by_place[key] += score
        order.setdefault(key, n)
    if not by_gov:
        return country
    gov = max(by_gov, key=lambda g: by_gov[g])
    candidates = [k for k in by_place if place_entry(k).governorate == gov]
    return max(candidates, key=lambda k: (by_place[k], -order[k]))
