"""Counts of people in news text: killed, injured, displaced, fighters, other.

A count is a number ("1,500", "nearly 1,000", "100-150", "two", "dozens") usually
followed by a noun phrase. Its kind comes from the nearest casualty/flight cue:

1. a predicate right after the noun phrase ("... militants were killed", "over 2,000
   injured", "1,500 people have fled");
2. a verb right before the number ("killed six people", "killing at least 58", "claimed
   the lives of 60", "the death toll rose to 86");
3. a cue further along the same clause ("Thousands of residents of Aleppo are fleeing");
4. otherwise the noun: combatants (militants, terrorists, troops...) are ``fighters``,
   other people ``other``. A count inside or elliptical to the previous one ("including
   three children", "30 of them children", "leaving less than 200") takes its kind.
   Anything else is not a count of people and is skipped: years, "a city of 4 million",
   "3 years", "7 miles", "two missiles".

Combatants who flee are ``fighters``, not ``displaced``: displacement is about civilians,
and "some 700 ISIL terrorists fled" reports a force's size, not a flight of residents.
Killed or injured combatants are ``killed``/``injured`` like anyone else.

``value`` is None for vague counts ("hundreds"); for a range it is the lower bound.
``approx`` is true whenever the figure is not stated as exact (any qualifier, ranges,
vague counts).

The head noun of a count is found by count_heads.py, the cues of its fate by
figure_cues.py, lists of counts that make one figure by figure_lists.py.
"""

from __future__ import annotations

import re
from dataclasses import replace

from app.extraction.count_heads import FATE_ADJECTIVES, count_at, counts_things, noun_phrase
from app.extraction.count_words import PEOPLE, count_kind, fate_of
from app.extraction.figure_cues import (
    AGE_UNITS,
    APPOSITION,
    clause_verb,
    fate_of_whole,
    following_cue,
    paired_cue,
    preceding_cue,
)
from app.extraction.figure_lists import AMONG, merge_lists, parts_of_later_totals
from app.extraction.numbers import (
    TENS,
    UNITS,
    VAGUE,
    Toks,
    age_after_name,
    bounds,
    is_date_or_measure,
    number,
    qualifier,
)
from app.extraction.types import QuantityMention

# "20 women among the dead", "10 of the dead": parts of a toll told before them
_OF_THE_DEAD = re.compile(
    r"\s+(?:of|among)\s+the\s+(?:dead|killed|victims|casualties|wounded|injured)\b", re.I
)
_NUMBER_WORDS = (
    frozenset(UNITS)
    | frozenset(TENS)
    | VAGUE
    | {"a", "an", "another", "half", "several", "many", "the", "his", "her", "its", "their"}
    | frozenset(f"{t}-{u}" for t in TENS for u in UNITS if 0 < UNITS[u] < 10)
)
_RANGE_GLUE = ("-", "–", " - ", " to ")
# "... as well as three fighters", "... in addition to a member of the security forces":
# a count added to the list before it
_ADDED = [["as", "well", "as"], ["in", "addition", "to"]]
_AND_THEIR = [["and", w] for w in ("their", "its", "his", "her")]
_TOLD = frozenset({"told", "tells", "telling", "informed", "informing", "briefed", "briefing"})
_WHERE = frozenset(
    {"in", "inside", "outside", "near", "at", "on", "around", "across", "among", "including"}
)


def find_quantities(text: str) -> list[QuantityMention]:
    toks = Toks(text)
    out: list[QuantityMention] = []
    last_kind: str | None = None  # kind of the previous count in the same sentence
    last_end = -1  # index of its last token
    last_subset = False
    i = 0
    while i < len(toks):
        low = toks.low[i]
        parsed = count_at(toks, i) if low[0].isdigit() or low in _NUMBER_WORDS else None
        if parsed is None or is_date_or_measure(toks, i, parsed[2]):
            if low in (".", ";", "!", "?"):
                last_kind = None
            i += 1
            continue
        value, approx, j = parsed
        qual, q = qualifier(toks, i)
        if q > 0 and toks.low[q - 1] in _TOLD:
            i = max(j, i + 1)  # "told a Reuters photographer": who was told, no one counted
            continue
        if q > 0 and toks.low[q - 1] == "between":  # "between 200 and 400": the range
            q -= 1
        upper = None
        nxt: int | None = None
        if (
            j + 1 < len(toks)
            and toks.is_num(j + 1)
            and (
                toks.low[j] == "to"
                or (toks.low[j] == "and" and i > 0 and toks.low[i - 1] == "between")
            )
        ):
            nxt = j + 1  # "100 to 150", "between 200 and 400"
        elif (
            j < len(toks)
            and toks.is_num(j)
            and text[toks.ms[j - 1].end() : toks.ms[j].start()] in _RANGE_GLUE
        ):
            nxt = j  # "100-150"
        if nxt is not None:
            upper_parsed = number(toks, nxt)
            upper = upper_parsed[0] if upper_parsed else None
            qual, j = "range", (upper_parsed[2] if upper_parsed else nxt + 1)
            if toks.low[j : j + 1] in AGE_UNITS:
                i = j + 1  # "eight students between 7 and 12 years old": their ages
                continue
        noun_at, np_end = noun_phrase(toks, j, value is None)
        if noun_at is None and qual is None and (named := age_after_name(toks, i)) is not None:
            value, approx, q = 1, False, named  # the person, not the age
        if counts_things(toks, j) if noun_at is None else counts_things(toks, noun_at + 1, 1):
            i = max(np_end, i + 1)  # "a dozen airstrikes", "six fighter jets"
            continue
        noun = toks.low[noun_at] if noun_at is not None else None
        before = preceding_cue(toks, q)
        cue, immediate = following_cue(toks, np_end, before is not None)
        if not immediate:
            cue = before or cue
        if cue is None and noun_at is not None and toks.low[noun_at - 1] in FATE_ADJECTIVES:
            cue = fate_of(toks.low[noun_at - 1])
        cue = cue or clause_verb(toks, q)
        subset = (
            (q > 0 and toks.low[q - 1] in APPOSITION)
            or "them" in toks.low[j:np_end]
            # "the deaths of 14456 people 110 of them under 18": a part of the count just told
            or (last_end == q - 1 and toks.low[j : j + 2] in (["of", "them"], ["of", "whom"]))
        )
        if subset and last_kind is None and q >= 2 and toks.low[q - 2] in PEOPLE:
            # "killing civilians including three children": of a whole not counted, the part
            # is the figure
            subset = False
            cue = cue or fate_of_whole(toks, q - 1)
        part_of_previous = subset or (qual is not None and noun is None)
        # "129 loyalists and 116 rebels", "a nurse a hospital employee and two soldiers": a
        # count listed right after another, or added to a list of victims ("killed 15
        # civilians including women and children as well as three fighters") shares its fate
        listed = (
            last_kind is not None
            and (
                last_end == q - 1
                or (q > 1 and toks.low[q - 1] == "and" and last_end == q - 2)
                # "killed two women and their seven children"
                or (q > 2 and toks.low[q - 2 : q] in _AND_THEIR and last_end == q - 3)
                or toks.low[max(0, q - 3) : q] in _ADDED
                # "were killed along with six Al-Nusra Front terrorists"
                or toks.low[max(0, q - 2) : q] == ["along", "with"]
            )
        )
        # "five civilians including a child and a woman were killed": both are the subset
        subset = subset or (listed and last_subset)
        # "killed 19 people including six children outside Saraqeb and another 23 people
        # in Ehsim": another count of the same, with no verb of its own ("and another 30
        # sealed off", "and another 27 were injured")
        again = (
            cue is None
            and last_kind not in (None, "other")
            # "Five civilians were killed in Saqba and one in Harasta": a bare count after
            # "and", somewhere else
            and (toks.low[q : q + 1] == ["another"] or toks.low[q - 1 : q + 1] == ["and", "one"])
            and (np_end >= len(toks) or toks.low[np_end] in _WHERE or toks.is_punct(np_end))
        )
        if (listed or again) and not immediate and not (last_kind == "other" and cue is not None):
            # (a list whose first count had no fate of its own takes this one's: "A woman
            # and her three children as well as another child were killed")
            what: str | None = last_kind
        elif cue is None and part_of_previous and last_kind is not None:
            what = last_kind
        else:
            what = count_kind(cue, noun)
        if what is not None:
            start, end = toks.ms[q].start(), toks.ms[np_end - 1].end()
            if value is None:
                qual = "vague"
            low, high = bounds(value, qual, upper)
            out.append(
                QuantityMention(
                    what,
                    value,
                    approx or qual is not None,
                    qual,
                    text[start:end],
                    start,
                    end,
                    value_min=low,
                    value_max=high,
                    subset=subset
                    or AMONG.match(text, end) is not None
                    or _OF_THE_DEAD.match(text, end) is not None,
                )
            )
            if (also := paired_cue(toks, q, np_end, what, immediate)) is not None:
                out.append(replace(out[-1], what=also))
            last_kind, last_end, last_subset = what, np_end - 1, out[-1].subset
        i = max(np_end, i + 1)
    return merge_lists(text, parts_of_later_totals(text, out))
