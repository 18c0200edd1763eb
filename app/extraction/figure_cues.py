"""The fate of a count of people told around it: a verb before it ("killing at least
58", "the death toll rose to 86"), a predicate after it ("... militants were killed"),
or a cue further along the clause.

Used by quantities.py.
"""

from __future__ import annotations

from app.extraction.count_heads import FOLLOW_REACH, PARTITIVE, noun_phrase
from app.extraction.count_words import (
    AUX,
    EXTRA,
    GASES,
    HOW_BADLY,
    OF_CUES,
    PEOPLE,
    RELATIVE,
    WANTS,
    fate_of,
)
from app.extraction.normalize import word_set
from app.extraction.numbers import TENS, UNITS, VAGUE, Toks, number, qualifier

APPOSITION = word_set("including them whom")
_SUBSET_LEAD = word_set("including among")
_QUOTES = frozenset('"“”')
# verbs whose object, when it is people, is dead (things are no count: "lost two tanks")
_TOOK_LIVES = frozenset({"claimed", "claiming", "lost", "losing"})
# "the death toll from [...] has risen to 86": how far back "toll" may stand.
_TOLL_REACH = 20


_BREATHLESS = frozenset({"asphyxiation", "suffocation"})
_BREATHING = frozenset({"breathing", "respiratory"})
_DIFFICULTY = [[w] for w in ("difficulties", "difficulty", "problems", "problem", "distress")]
_UNDERWENT = frozenset({"experienced", "experiencing", "developed", "showed", "had"})
_INCLUDE = frozenset({"include", "includes", "included"})
_INCLUDED_REACH = 10  # words back from "include" to the victims it lists


def _fate_included(toks: Toks, at: int) -> str | None:
    """The fate of the victims a clause lists with "include" at index `at`: "those killed
    in two attacks include", "the dead included"; none across a clause boundary."""
    for n in range(at - 1, max(-1, at - _INCLUDED_REACH), -1):
        if toks.is_punct(n):
            return None
        if toks.low[n] in ("those", "the") and (fate := fate_of(toks.low[n + 1])) is not None:
            return fate
    return None


# "killing and injuring scores", "several dozen dead and wounded": one count, two fates
_HARM = ("killed", "injured")


def paired_cue(toks: Toks, q: int, np_end: int, cue: str | None, immediate: bool) -> str | None:
    """The second fate of a count told with two ("killing and injuring scores of them")."""
    if cue not in _HARM:
        return None
    # "claiming two lives and injuring three people": the other fate has a count of its own
    if immediate:
        n = np_end
        while n < len(toks) and toks.low[n] in AUX:
            n += 1
        window = toks.low[n : n + 3]
        own_count = _starts_count(toks, n + 3)
    else:
        p = q - 1
        while p >= 0 and toks.low[p] in EXTRA | {"a", "an", "all", "the"}:
            p -= 1
        window = toks.low[max(0, p - 2) : p + 1][::-1]
        own_count = p >= 3 and _starts_count(toks, p - 3)
    if len(window) == 3 and fate_of(window[0]) == cue and window[1] == "and" and not own_count:
        other = fate_of(window[2])
        return other if other in _HARM and other != cue else None
    return None


def fate_of_whole(toks: Toks, at: int) -> str | None:
    """ "killing civilians including ...": the fate told of the uncounted whole before the
    apposition at index `at`."""
    k = at - 1
    while k >= 0 and toks.low[k] in PEOPLE:
        k -= 1
    return fate_of(toks.low[k]) if 0 <= k < at - 1 else None


_COUNT_START = frozenset(UNITS) | frozenset(TENS) | VAGUE | {"many", "a", "an", "another"}


def _starts_count(toks: Toks, k: int) -> bool:
    if k >= len(toks):
        return False
    return (
        toks.is_num(k)
        or toks.low[k] in _COUNT_START
        or any(qualifier(toks, k + n)[1] == k for n in (1, 2, 3))
    )


def following_cue(toks: Toks, k: int, verb_before: bool = False) -> tuple[str | None, bool]:
    """(kind, immediate) of the first cue after index k within the clause.

    A number stops the search (it starts a coordinated count with its own predicate)
    unless it is an apposition ("11 civilians including three children were killed").
    ``verb_before``: a cue stands right before the count ("killed more than 220000 people
    wounded at least one million": "wounded" is the next count's).
    """
    immediate = True
    n, stop = k, min(k + FOLLOW_REACH, len(toks))
    if toks.low[k : k + 3] in PARTITIVE:  # "50 terrorists most of them from al-Nusra ..."
        immediate, n, stop = False, k + 3, min(k + 3 + FOLLOW_REACH, len(toks))
    elif k < len(toks) and toks.low[k] in ("from", "of"):
        # where the people are from, or whose they are, is no clause of its own: "Three women
        # from the besieged town of Madaya west of the Syrian capital Damascus were killed",
        # "Four staff of the Union of Syrian Medical Relief Organisations were killed"
        stop = min(k + 2 * FOLLOW_REACH, len(toks))
    while n < stop:
        # "30 soldiers and 39 rebel fighters had been killed": a count listed with this one
        # shares the predicate after the list
        if toks.low[n] == "and" and n + 1 < len(toks) and toks.is_num(n + 1):
            parsed = number(toks, n + 1)
            noun_at, end = noun_phrase(toks, parsed[2], parsed[0] is None) if parsed else (None, 0)
            if noun_at is not None:
                n, stop = end, min(end + FOLLOW_REACH, len(toks))
                continue
        # an aside in brackets is no clause boundary: "two members of Syrias (pro-regime
        # militia) National Defence Forces were killed"
        if toks.low[n] == "(" and ")" in toks.low[n + 1 : stop]:
            aside = toks.low.index(")", n + 1) + 1 - n
            n, stop = n + aside, min(stop + aside, len(toks))
            continue
        if toks.is_num(n) and _age_at(toks, n):
            n += 1  # "eight students between 7 and 12 years old were killed"
            continue
        if toks.is_punct(n) or (toks.is_num(n) and toks.low[n - 1] not in APPOSITION):
            return None, False
        low = toks.low[n]
        if low in _SUBSET_LEAD:  # "23 civilians among them eight children and six women were"
            stop = min(n + 1 + FOLLOW_REACH, len(toks))
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
        if low in _BREATHING and toks.low[n + 1 : n + 2] in _DIFFICULTY:
            kind = "injured"  # "eight others experienced breathing difficulties"
        if kind:
            return kind, immediate
        if low not in AUX and low not in HOW_BADLY and low not in _UNDERWENT:
            immediate = False
        n += 1
    return None, False


# the word after a number that makes it an age: "12 years old"
AGE_UNITS = (["years"], ["year"])


def _age_at(toks: Toks, n: int) -> bool:
    """Is the number at n an age ("12 years old", "between 7 and 12 years old")?"""
    if toks.low[n + 1 : n + 2] in AGE_UNITS:
        return True
    return (
        toks.low[n + 1 : n + 2] in (["and"], ["to"])
        and n + 2 < len(toks)
        and toks.is_num(n + 2)
        and toks.low[n + 3 : n + 4] in AGE_UNITS
    )


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


# how far back a participle may govern a list of counts
_CLAUSE_REACH = 20


def clause_verb(toks: Toks, q: int) -> str | None:
    """The fate of a count listed after "and" under a participle further back in its
    clause: "killing two men from (Lebanese Shia group) Hezballah and three men from the
    pro-regime popular committees"."""
    if q < 2 or toks.low[q - 1] != "and":
        return None
    n = q - 2
    while n >= max(0, q - _CLAUSE_REACH):
        low = toks.low[n]
        if low == ")" and "(" in toks.low[max(0, n - 8) : n]:
            n = max(0, n - 8) + toks.low[max(0, n - 8) : n].index("(") - 1
            continue
        if toks.is_punct(n) and low not in _QUOTES or low in RELATIVE:
            return None
        if (fate := fate_of(low)) is not None:
            return fate if low.endswith("ing") else None
        n -= 1
    return None


def preceding_cue(toks: Toks, q: int) -> str | None:
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
    if prev == "of" and q >= 2 and toks.low[q - 2] in ("lives", "life"):
        return "killed"  # "claiming the lives of 60", "claiming the life of a girl"
    if prev == "to" and q >= 2 and toks.low[q - 2] in _BREATHLESS:
        return "injured"  # "causing cases of asphyxiation to more than 35 people" (§8)
    if prev in _INCLUDE and (fate := _fate_included(toks, q - 1)) is not None:
        return fate  # "those killed in the two attacks include 14 children"
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
