"""What a count of people counts: its head noun ("six people", "a hospital employee",
"30 of them children"), or no people at all ("a dozen airstrikes", "31 lorries").

Used by quantities.py and figure_cues.py.
"""

from __future__ import annotations

from app.extraction.count_words import (
    AUX,
    EXTRA,
    FIGHTERS,
    HOW_BADLY,
    NOT_PEOPLE,
    ONE,
    ONE_PERSON,
    PEOPLE,
    RELATIVE,
    STOP,
    UNIT_NOUNS,
    fate_of,
)
from app.extraction.normalize import word_set
from app.extraction.numbers import UNITS, VAGUE, Toks, number

FOLLOW_REACH = 8
_NOT_FIGHTING = word_set("civilians families residents")
PARTITIVE = [[w, "of", "them"] for w in ("most", "many", "some", "all")]


def _singular_fate(toks: Toks, k: int) -> bool:
    """Is the one person ending at token k-1 killed or injured by a "was" in the same clause
    (and not named right after, which app/extraction/claims.py counts)?"""
    if k >= len(toks) or toks.text(k)[:1].isupper():
        return False
    for n in range(k, min(k + FOLLOW_REACH, len(toks) - 1)):
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
        low not in STOP | AUX | RELATIVE | HOW_BADLY
        and fate_of(low) is None
        and not low.endswith(("ed", "ing"))
    )


# A count is of its head noun: "a dozen airstrikes", "31 lorries", "50 aircraft" are not
# counts of people, whatever happened near them.


_OWNERS = [[w] for w in ("its", "their", "the", "his", "her")]
# verbs in -s that follow a bare count ("wounding 120 says the Observatory"): no plural
_SAYS = frozenset({"says", "adds", "reports", "claims", "states", "notes", "confirms"})


def counts_things(toks: Toks, j: int, reach: int = 3) -> bool:
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
        if low in NOT_PEOPLE or _aircraft(toks, k - 1):
            return True
        if low in STOP | AUX | UNIT_NOUNS | PEOPLE | VAGUE | EXTRA | _SAYS or fate_of(low):
            return False
        if low.endswith("s") and not low.endswith("ss"):
            return True
    return False


def count_at(toks: Toks, i: int) -> tuple[int | None, bool, int] | None:
    """(value, approx, index after the number) of a count starting at token i: a number,
    or one person ("a woman", "a hospital employee")."""
    low = toks.low[i]
    if low == "another" and i + 1 < len(toks) and (toks.is_num(i + 1) or toks.low[i + 1] in UNITS):
        return number(toks, i + 1)  # "another five rebel fighters"
    scaled = i + 1 < len(toks) and toks.low[i + 1] in ("hundred", "thousand", "million")
    if (low in ("a", "half") or (low == "one" and scaled)) and (
        counted := number(toks, i)
    ) is not None:
        return counted  # "a dozen", "a quarter of a million", "half a million", "one million"
    if low == "the":  # "the Al-Nusra Front commander in Lattakia was killed": one person
        for j in range(i + 1, min(i + 5, len(toks))):
            if toks.low[j] in ONE_PERSON:
                if j + 1 < len(toks) and toks.low[j + 1] in ONE_PERSON:
                    continue  # "the terrorist commander"
                return (1, False, j) if _singular_fate(toks, j + 1) else None
            if not toks.is_word(j) or toks.low[j] in STOP or fate_of(toks.low[j]):
                break
        return None
    if (
        low == "one"
        and i > 0
        and toks.low[i - 1] == "and"
        and toks.low[i + 1 : i + 2] in (["in"], ["at"], ["near"], ["outside"])
        and not (i + 2 < len(toks) and (toks.is_num(i + 2) or toks.low[i + 2] in UNITS))
    ):
        return 1, False, i + 1  # "five were killed in Saqba and one in Harasta" ("one in ten" no)
    if low in ONE:  # "a woman", "a hospital employee", "its pilot": one person
        for j in range(i + 1, min(i + 5, len(toks))):
            # "a rebel counter-offensive": the person word only qualifies the noun after it
            if toks.low[j] in ONE_PERSON and not counts_things(toks, j + 1):
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
FATE_ADJECTIVES = frozenset({"displaced"})


def _aircraft(toks: Toks, k: int) -> bool:
    """Bombers at toks[k] that are aircraft ("six long-range Tu-22M3 bombers"), not men
    ("two suicide bombers")."""
    return toks.low[k] == "bombers" and toks.low[k - 1] != "suicide"


def noun_phrase(toks: Toks, j: int, vague: bool) -> tuple[int | None, int]:
    """(index of the person noun or None, index just after the noun phrase)."""
    k = j
    for _ in range(5):
        if k >= len(toks) or not toks.is_word(k):
            break
        low = toks.low[k]
        adjective = low in FATE_ADJECTIVES and k + 1 < len(toks) and toks.low[k + 1] in PEOPLE
        if fate_of(low) and not adjective:  # "18 wounded", "82 dead": a predicate, not a noun
            break
        if toks.low[k : k + 3] in PARTITIVE:  # "injuring 22 most of them women": 22 people
            break
        if _aircraft(toks, k):
            break
        if low in PEOPLE:
            while (  # "rebel fighters", but not "people dead"
                k + 1 < len(toks) and toks.low[k + 1] in PEOPLE and not fate_of(toks.low[k + 1])
            ):
                k += 1
            # "thousands of fighters and civilians": a mixed crowd is no force
            if (
                toks.low[k] in FIGHTERS
                and toks.low[k + 1 : k + 2] == ["and"]
                and toks.low[k + 2 : k + 3] in ([w] for w in _NOT_FIGHTING)
            ):
                k += 2
            return k, k + 1
        if low == "of" and (vague or (k + 1 < len(toks) and toks.low[k + 1] == "them")):
            k += 1
            continue
        if low == "of" and toks.low[k + 1 : k + 2] in _OWNERS:  # "three of its fighters"
            k += 2
            continue
        if low in STOP or low in AUX or low in UNIT_NOUNS:
            break
        k += 1
    return None, j
