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
"""

from __future__ import annotations

import re
from dataclasses import replace

from app.extraction.count_words import (
    AUX,
    EXTRA,
    GASES,
    NOT_PEOPLE,
    OF_CUES,
    ONE,
    ONE_PERSON,
    PEOPLE,
    RELATIVE,
    STOP,
    UNIT_NOUNS,
    WANTS,
    count_kind,
    fate_of,
)
from app.extraction.figure_lists import AMONG, merge_lists, parts_of_later_totals
from app.extraction.normalize import word_set
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
    | {"a", "an", "another", "half", "several", "the", "his", "her", "its", "their"}
    | frozenset(f"{t}-{u}" for t in TENS for u in UNITS if 0 < UNITS[u] < 10)
)
_APPOSITION = word_set("including them whom")
_SUBSET_LEAD = word_set("including among")
_RANGE_GLUE = ("-", "–", " - ", " to ")
_PARTITIVE = [[w, "of", "them"] for w in ("most", "many", "some", "all")]
# "... as well as three fighters", "... in addition to a member of the security forces":
# a count added to the list before it
_ADDED = [["as", "well", "as"], ["in", "addition", "to"]]
_FOLLOW_REACH = 8
_QUOTES = frozenset('"“”')
# verbs whose object, when it is people, is dead (things are no count: "lost two tanks")
_TOOK_LIVES = frozenset({"claimed", "claiming", "lost", "losing"})
# "the death toll from [...] has risen to 86": how far back "toll" may stand.
_TOLL_REACH = 16


# "killing and injuring scores", "several dozen dead and wounded": one count, two fates
_HARM = ("killed", "injured")


def _paired_cue(toks: Toks, q: int, np_end: int, cue: str | None, immediate: bool) -> str | None:
    """The second fate of a count told with two ("killing and injuring scores of them")."""
    if cue not in _HARM:
        return None
    if immediate:
        n = np_end
        while n < len(toks) and toks.low[n] in AUX:
            n += 1
        window = toks.low[n : n + 3]
    else:
        p = q - 1
        while p >= 0 and toks.low[p] in EXTRA | {"a", "an", "all", "the"}:
            p -= 1
        window = toks.low[max(0, p - 2) : p + 1][::-1]
    if len(window) == 3 and fate_of(window[0]) == cue and window[1] == "and":
        other = fate_of(window[2])
        return other if other in _HARM and other != cue else None
    return None


def _singular_fate(toks: Toks, k: int) -> bool:
    """Is the one person ending at token k-1 killed or injured by a "was" in the same clause
    (and not named right after, which app/extraction/claims.py counts)?"""
    if k >= len(toks) or toks.text(k)[:1].isupper():
        return False
    for n in range(k, min(k + _FOLLOW_REACH, len(toks) - 1)):
        if toks.low[n] == "was":
            m = n + 1
            while m < len(toks) and toks.low[m] in AUX:
                m += 1
            return m < len(toks) and fate_of(toks.low[m]) in ("killed", "injured")
        # only a place or a unit may stand between: "commander in Lattakia was killed"
        if not (toks.low[n] in STOP and toks.low[n] != "and" or toks.text(n)[:1].isupper()):
            return False
    return False


def _modified(toks: Toks, k: int) -> bool:
    """Is token k a lower-case noun that the word before it qualifies ("a rebel
    counter-offensive")? Verb forms and relative words follow a head noun instead."""
    if k >= len(toks) or not toks.is_word(k) or toks.text(k)[:1].isupper():
        return False
    low = toks.low[k]
    return (
        low not in STOP | AUX | RELATIVE
        and fate_of(low) is None
        and not low.endswith(("ed", "ing"))
    )


# A count is of its head noun: "a dozen airstrikes", "31 lorries", "50 aircraft" are not
# counts of people, whatever happened near them.


def _counts_things(toks: Toks, j: int, reach: int = 3) -> bool:
    """Does the noun phrase from token j (no person noun in it) end in a plural noun of
    things? "31 lorries", "tens of rocket shells", "two besieged government-held towns".
    After a person noun only the next word may be the head ("six fighter jets"): reach 1,
    so "4 others sustained serious injuries" stays a count of people."""
    if j < len(toks) and toks.low[j] == "of":
        j += 1
    k, stop = j, min(j + reach, len(toks))
    while k < stop:
        if toks.is_word(k) and toks.text(k)[:1].isupper() and k + 1 < stop:
            # a name qualifying the head: "dozens of Syrian regime air strikes"
            k, stop = k + 1, min(stop + 1, len(toks))
            continue
        if not toks.is_word(k) or toks.text(k)[:1].isupper():
            return False
        low = toks.low[k]
        k += 1
        if low in NOT_PEOPLE:
            return True
        if low in STOP | AUX | UNIT_NOUNS | PEOPLE | VAGUE | EXTRA or fate_of(low):
            return False
        if low.endswith("s") and not low.endswith("ss"):
            return True
    return False


def _count(toks: Toks, i: int) -> tuple[int | None, bool, int] | None:
    """(value, approx, index after the number) of a count starting at token i: a number,
    or one person ("a woman", "a hospital employee")."""
    low = toks.low[i]
    if low == "another" and i + 1 < len(toks) and (toks.is_num(i + 1) or toks.low[i + 1] in UNITS):
        return number(toks, i + 1)  # "another five rebel fighters"
    if low in ("a", "half") and (counted := number(toks, i)) is not None:
        return counted  # "a dozen", "a quarter of a million", "half a million"
    if low == "the":  # "the Al-Nusra Front commander in Lattakia was killed": one person
        for j in range(i + 1, min(i + 5, len(toks))):
            if toks.low[j] in ONE_PERSON:
                if j + 1 < len(toks) and toks.low[j + 1] in ONE_PERSON:
                    continue  # "the terrorist commander"
                return (1, False, j) if _singular_fate(toks, j + 1) else None
            if not toks.is_word(j) or toks.low[j] in STOP or fate_of(toks.low[j]):
                break
        return None
    if low in ONE:  # "a woman", "a hospital employee", "its pilot": one person
        for j in range(i + 1, min(i + 5, len(toks))):
            # "a rebel counter-offensive": the person word only qualifies the noun after it
            if toks.low[j] in ONE_PERSON and not _counts_things(toks, j + 1):
                nxt = toks.low[j + 1] if j + 1 < len(toks) else ""
                if nxt in ONE_PERSON:  # "a terrorist commander"
                    continue
                if _modified(toks, j + 1):
                    return None
                return 1, False, j
            if not toks.is_word(j) or toks.low[j] in STOP or fate_of(toks.low[j]):
                break
        return None
    return number(toks, i)


# "killed 26 displaced people": an adjective of the people counted, whose fate the verb
# tells (left alone, "26 displaced people" are displaced)
_FATE_ADJECTIVES = frozenset({"displaced"})


def _fate_of_whole(toks: Toks, at: int) -> str | None:
    """ "killing civilians including ...": the fate told of the uncounted whole before the
    apposition at index `at`."""
    k = at - 1
    while k >= 0 and toks.low[k] in PEOPLE:
        k -= 1
    return fate_of(toks.low[k]) if 0 <= k < at - 1 else None


def _noun_phrase(toks: Toks, j: int, vague: bool) -> tuple[int | None, int]:
    """(index of the person noun or None, index just after the noun phrase)."""
    k = j
    for _ in range(5):
        if k >= len(toks) or not toks.is_word(k):
            break
        low = toks.low[k]
        adjective = low in _FATE_ADJECTIVES and k + 1 < len(toks) and toks.low[k + 1] in PEOPLE
        if fate_of(low) and not adjective:  # "18 wounded", "82 dead": a predicate, not a noun
            break
        if toks.low[k : k + 3] in _PARTITIVE:  # "injuring 22 most of them women": 22 people
            break
        if low in PEOPLE:
            while (  # "rebel fighters", but not "people dead"
                k + 1 < len(toks) and toks.low[k + 1] in PEOPLE and not fate_of(toks.low[k + 1])
            ):
                k += 1
            return k, k + 1
        if low == "of" and (vague or (k + 1 < len(toks) and toks.low[k + 1] == "them")):
            k += 1
            continue
        if low in STOP or low in AUX or low in UNIT_NOUNS:
            break
        k += 1
    return None, j


_COUNT_START = frozenset(UNITS) | frozenset(TENS) | VAGUE | {"many", "a", "an", "another"}


def _starts_count(toks: Toks, k: int) -> bool:
    if k >= len(toks):
        return False
    return (
        toks.is_num(k)
        or toks.low[k] in _COUNT_START
        or any(qualifier(toks, k + n)[1] == k for n in (1, 2, 3))
    )


def _following_cue(toks: Toks, k: int, verb_before: bool = False) -> tuple[str | None, bool]:
    """(kind, immediate) of the first cue after index k within the clause.

    A number stops the search (it starts a coordinated count with its own predicate)
    unless it is an apposition ("11 civilians including three children were killed").
    ``verb_before``: a cue stands right before the count ("killed more than 220000 people
    wounded at least one million": "wounded" is the next count's).
    """
    immediate = True
    n, stop = k, min(k + _FOLLOW_REACH, len(toks))
    if toks.low[k : k + 3] in _PARTITIVE:  # "50 terrorists most of them from al-Nusra ..."
        immediate, n, stop = False, k + 3, min(k + 3 + _FOLLOW_REACH, len(toks))
    elif k < len(toks) and toks.low[k] == "from":
        # where the people are from is no clause of its own: "Three women from the besieged
        # town of Madaya west of the Syrian capital Damascus were killed"
        stop = min(k + 2 * _FOLLOW_REACH, len(toks))
    while n < stop:
        # "30 soldiers and 39 rebel fighters had been killed": a count listed with this one
        # shares the predicate after the list
        if toks.low[n] == "and" and n + 1 < len(toks) and toks.is_num(n + 1):
            parsed = number(toks, n + 1)
            noun_at, end = _noun_phrase(toks, parsed[2], parsed[0] is None) if parsed else (None, 0)
            if noun_at is not None:
                n, stop = end, min(end + _FOLLOW_REACH, len(toks))
                continue
        if toks.is_punct(n) or (toks.is_num(n) and toks.low[n - 1] not in _APPOSITION):
            return None, False
        low = toks.low[n]
        if low in _SUBSET_LEAD:  # "23 civilians among them eight children and six women were"
            stop = min(n + 1 + _FOLLOW_REACH, len(toks))
        kind = fate_of(low)
        # "killing 2 children injuring 9 others": a verb right before a count is that
        # count's, not this one's
        if kind and _starts_count(toks, n + 1) and (low.endswith("ing") or verb_before):
            return None, False
        # "An AFP photographer ... saw the bodies of four children": likewise a noun whose
        # "of" introduces a count
        if low in OF_CUES and toks.low[n + 1 : n + 2] == ["of"] and _starts_count(toks, n + 2):
            return None, False
        if kind == "injured" and low.startswith("suffer") and _suffers_want(toks, n + 1):
            kind = "other"
        if low == "affected" and _by_gas(toks, n + 1):
            kind = "injured"
        if kind:
            return kind, immediate
        if low not in AUX:
            immediate = False
        n += 1
    return None, False


def _suffers_want(toks: Toks, k: int) -> bool:
    """Is what is suffered from token k (after "from" and an adjective) a want, not harm?"""
    window = toks.low[k : k + 3]
    return any(w in WANTS for w in window)


def _by_gas(toks: Toks, k: int) -> bool:
    """ "33 people were affected by the gas": "by" and a gas within the next words."""
    return toks.low[k : k + 1] == ["by"] and any(w in GASES for w in toks.low[k + 1 : k + 4])


def _fate_of_number(toks: Toks, q: int) -> str | None:
    """ "The number of rebel fighters killed in battles [...] has risen to 39": the fate
    told after "number of" before the count at index q."""
    window = toks.low[max(0, q - 2 * _TOLL_REACH) : q]
    if "number" not in window:
        return None
    at = len(window) - 1 - window[::-1].index("number")
    if window[at + 1 : at + 2] != ["of"]:
        return None
    return next((f for w in window[at + 2 :] if (f := fate_of(w)) is not None), None)


def _preceding_cue(toks: Toks, q: int) -> str | None:
    while q and toks.low[q - 1] in _QUOTES:  # initially killing "50 terrorists."
        q -= 1
    if q == 0:
        return None
    # "killed another six people", "harm on an additional 200", "killing all five"
    while q >= 2 and toks.low[q - 1] in EXTRA | {"a", "an", "all", "the"}:
        q -= 1
    if q >= 2 and toks.low[q - 1] == "on" and fate_of(toks.low[q - 2]) == "injured":
        q -= 1  # "inflicted harm on"
    prev = toks.low[q - 1]
    if prev == "of" and q >= 2 and toks.low[q - 2] in OF_CUES:
        return OF_CUES[toks.low[q - 2]]
    if prev == "of" and q >= 2 and toks.low[q - 2] == "lives":
        return "killed"
    if (
        prev in ("to", "at", "reached", "hits", "of")
        and "toll" in toks.low[max(0, q - _TOLL_REACH) : q]
    ):
        return "killed"
    if prev in ("to", "at", "reached") and (fate := _fate_of_number(toks, q)) is not None:
        return fate
    if prev == "toll":  # "according to the latest toll 44 civilians"
        return "killed"
    if prev in _TOOK_LIVES:  # "claiming scores of terrorists", "ISIL lost 13 of its fighters"
        return "killed"
    if prev in ("dead", "died"):  # "28 dead 40 injured": not the verb of this count
        return None
    return fate_of(prev)


def find_quantities(text: str) -> list[QuantityMention]:
    toks = Toks(text)
    out: list[QuantityMention] = []
    last_kind: str | None = None  # kind of the previous count in the same sentence
    last_end = -1  # index of its last token
    last_subset = False
    i = 0
    while i < len(toks):
        low = toks.low[i]
        parsed = _count(toks, i) if low[0].isdigit() or low in _NUMBER_WORDS else None
        if parsed is None or is_date_or_measure(toks, i, parsed[2]):
            if low in (".", ";", "!", "?"):
                last_kind = None
            i += 1
            continue
        value, approx, j = parsed
        qual, q = qualifier(toks, i)
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
        noun_at, np_end = _noun_phrase(toks, j, value is None)
        if noun_at is None and qual is None and (named := age_after_name(toks, i)) is not None:
            value, approx, q = 1, False, named  # the person, not the age
        if _counts_things(toks, j) if noun_at is None else _counts_things(toks, noun_at + 1, 1):
            i = max(np_end, i + 1)  # "a dozen airstrikes", "six fighter jets"
            continue
        noun = toks.low[noun_at] if noun_at is not None else None
        before = _preceding_cue(toks, q)
        cue, immediate = _following_cue(toks, np_end, before is not None)
        if not immediate:
            cue = before or cue
        if cue is None and noun_at is not None and toks.low[noun_at - 1] in _FATE_ADJECTIVES:
            cue = fate_of(toks.low[noun_at - 1])
        subset = (q > 0 and toks.low[q - 1] in _APPOSITION) or "them" in toks.low[j:np_end]
        if subset and last_kind is None and q >= 2 and toks.low[q - 2] in PEOPLE:
            # "killing civilians including three children": of a whole not counted, the part
            # is the figure
            subset = False
            cue = cue or _fate_of_whole(toks, q - 1)
        part_of_previous = subset or (qual is not None and noun is None)
        # "129 loyalists and 116 rebels", "a nurse a hospital employee and two soldiers": a
        # count listed right after another, or added to a list of victims ("killed 15
        # civilians including women and children as well as three fighters") shares its fate
        listed = last_kind is not None and (
            last_end == q - 1
            or (q > 1 and toks.low[q - 1] == "and" and last_end == q - 2)
            or toks.low[max(0, q - 3) : q] in _ADDED
        )
        # "five civilians including a child and a woman were killed": both are the subset
        subset = subset or (listed and last_subset)
        if listed and not immediate:
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
            if (also := _paired_cue(toks, q, np_end, what, immediate)) is not None:
                out.append(replace(out[-1], what=also))
            last_kind, last_end, last_subset = what, np_end - 1, out[-1].subset
        i = max(np_end, i + 1)
    return merge_lists(text, parts_of_later_totals(text, out))
