"""The words around an actor's mention that stand between it and its verb, read by
app.extraction.role_subject: the rest of its noun phrase ("and its allies", "the army in
cooperation with the popular forces", "the government of President Assad"), an owner's
adjectives ("Assads most horrible massacres"), adverbs, time phrases and asides ("the source
added")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.extraction.normalize import word_set
from app.extraction.role_tokens import index_at, low, named
from app.extraction.role_words import (
    ACTION,
    AUX,
    COPULA,
    DEEDS,
    DET,
    HARM,
    HEADS,
    OWNED_DEEDS,
    PASSIVE_NEUTRAL,
    SIDES,
    SPEECH,
    STATIVE,
    WEAPONS,
)
from app.extraction.types import ActorMention

_TIME_PREPOSITIONS = frozenset({"since", "during", "throughout", "after", "before"})


def time_phrase_end(toks: list[re.Match[str]], k: int) -> int:
    """The index of the auxiliary after a time phrase between a subject and its verb
    ("Turkish military since the beginning of the operation have been taking"), or k."""
    if low(toks, k) not in _TIME_PREPOSITIONS:
        return k
    for m in range(k + 2, min(len(toks), k + 7)):
        if low(toks, m) in COPULA | {"has", "have", "had"}:
            return m
        if not toks[m].group().islower():
            return k
    return k


def possessive(toks: list[re.Match[str]], k: int) -> bool:
    """Is toks[k] an owner in the possessive, the apostrophe kept or not ("Assad's",
    "Assads", "the Assad regimes")?"""
    raw = toks[k].group()
    w = raw.lower()
    return (
        raw.endswith(("'s", "’s"))
        or (w.endswith("s") and w[:-1] in HEADS and w not in HEADS)
        or (raw[:1].isupper() and w.endswith("s") and not w.endswith("ss") and w not in HEADS)
    )


def past_adjectives(toks: list[re.Match[str]], k: int) -> int:
    """The index of a noun of attack after up to three adjectives at toks[k] ("most horrible
    massacres", "random attacks"), or k when none follows them."""
    for m in range(k, min(len(toks), k + 4)):
        w = low(toks, m)
        if w in WEAPONS | OWNED_DEEDS | DEEDS:
            return m
        if not toks[m].group().islower() or participle(w) or w in HARM | AUX | STATIVE | SPEECH:
            return k
    return k


def participle(w: str) -> bool:
    return w.endswith(("ed", "en")) or w in ACTION


_COMPOSING = frozenset({"includes", "include", "consists", "consist", "comprises", "comprise"})
# ... or where it stands: "Al-Nusra which controls the pumping station ... had cut off",
# "the Ahrar al-Sham group which has positions in Harasta launched", "groups who fortify in"
_STANDING = frozenset({"controls", "control", "holds", "hold", "fortify", "fortifies"})
_STOOD_IN = frozenset({"positions", "bases", "presence", "fighters"})


def past_composition(toks: list[re.Match[str]], k: int) -> int:
    """The index of the main verb after a relative clause telling what the subject is made
    of ("the SDF which consists of Kurdish fighters but also includes Arab units launched an
    operation": "launched") or where it stands, or k when the clause at toks[k] is no such
    clause."""
    m = k
    while adverb(toks, m):
        m += 1
    standing = low(toks, m) in _STANDING or (
        low(toks, m - 1) in ("has", "have") and low(toks, m) in _STOOD_IN
    )
    if low(toks, m) not in _COMPOSING and not standing:
        return k
    for v in range(m + 1, min(len(toks), m + 20)):
        w = low(toks, v)
        if w in ("who", "which", "that"):
            break
        if w in _COMPOSING or not toks[v].group().islower() or low(toks, v - 1) in DET:
            continue
        if w in ACTION | COPULA | {"has", "have", "had"} or (
            w.endswith("ed") and w not in PASSIVE_NEUTRAL and low(toks, v + 1) != "by"
        ):
            return v
    return k


# words in -ly that are no adverbs
_LY_NOUNS = frozenset({"ally", "family", "assembly", "supply", "rally", "anomaly", "holy"})


def adverb(toks: list[re.Match[str]], k: int) -> bool:
    """A word that changes nothing about who acts: an auxiliary, a time word, or an adverb
    in -ly ("is currently carrying out", "have systematically targeted")."""
    w = low(toks, k)
    at_times = (w, low(toks, k + 1)) == ("at", "times") or (low(toks, k - 1), w) == ("at", "times")
    return (
        w in AUX
        or at_times  # "have at times sought to encircle"
        or (len(w) > 4 and w.endswith("ly") and toks[k].group().islower() and w not in _LY_NOUNS)
    )


def companions(toks: list[re.Match[str]], k: int) -> int | None:
    """The index after "its allies", "other militant groups", "its Arab and European allies",
    "international partners" or "rebel fighters" standing at toks[k], or None."""
    if low(toks, k) not in {"its", "their", "allied", "other", "a", "several", "many"} | SIDES:
        # "the government and international partners continue", "Syrian army and resistance
        # forces have started": one plain word before allies or a force's head
        # "the Syrian air force and artillery regiment ambushed", "Opposition fighters and
        # Islamic militants have launched": an adjective, capitalised or not, before a head
        partners = low(toks, k + 1) in _PARTNER_HEADS and (
            toks[k].group().islower() or low(toks, k) in _PARTNER_ADJECTIVES
        )
        if partners:
            return k + 2
        # "Russia along with Iran and local militia forces has been assisting": two
        # plain words before the head
        two = (
            k + 2 < len(toks)
            and low(toks, k + 2) in _PARTNER_HEADS
            and toks[k].group().isalpha()
            and toks[k].group().islower()
            and toks[k + 1].group().isalpha()
            and toks[k + 1].group().islower()
        )
        return k + 3 if two else None
    for m in range(k + 1, min(len(toks), k + 5)):
        if low(toks, m) in HEADS | {"allies", "ally", "groups"}:
            return m + 1
    return None


JOINT = frozenset({"cooperation", "coordination", "conjunction"})
_PARTNER_HEADS = word_set(
    "allies partners forces fighters militias troops units militants regiment regiments "
    "brigades battalions gunmen insurgents rebels"
)
_PARTNER_ADJECTIVES = word_set("islamic islamist jihadist kurdish arab allied armed")


def partner_end(toks: list[re.Match[str]], k: int, others: Sequence[ActorMention]) -> int:
    """The index after the partner named at toks[k] ("the popular forces", "Hezbollah")."""
    if low(toks, k) in DET:
        k += 1
    other = next((o for o in others if k < len(toks) and o.start == toks[k].start()), None)
    if other is not None:
        k = index_at(toks, other.end)
    else:
        k = next((m for m in range(k, min(len(toks), k + 3)) if low(toks, m) in HEADS), k - 1) + 1
    while low(toks, k) in HEADS:
        k += 1
    return k


def of_name(toks: list[re.Match[str]], k: int) -> int:
    """The index after a naming "of" phrase standing at toks[k] ("the government of President
    Bashar Assad", "the coalition of 68 nations"), or k when there is none."""
    if low(toks, k) != "of":
        return k
    m = k + 1
    while m < len(toks) and m - k <= 5 and (named(toks[m].group()) or toks[m].group()[0].isdigit()):
        m += 1
    if low(toks, m) in ("nations", "countries", "states"):
        m += 1
    return m if m > k + 1 else k


def speech_aside(toks: list[re.Match[str]], k: int) -> int | None:
    """The index after "the source (also) added" standing at toks[k], if it does."""
    m = k
    if low(toks, m) in ("the", "a", "an"):
        m += 1
    if low(toks, m) not in ("source", "sources", "official", "officials", "spokesman", "monitor"):
        return None
    m += 1
    while low(toks, m) in ("also", "further", "then"):
        m += 1
    return m + 1 if low(toks, m) in ("said", "added", "says", "adds", "noted") else None
