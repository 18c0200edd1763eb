"""The word tokens the role rules read (app.extraction.roles): words, numbers, brackets and
quotes, each a regex match so that its offsets stay the source text's."""

from __future__ import annotations

import re

from app.extraction.role_words import NEGATIONS
from app.extraction.types import ActorRole, Why

WORD = re.compile(r"[A-Za-z][\w'’-]*|\d[\d,]*|[()\"“”]")


def tokens(text: str, start: int, end: int) -> list[re.Match[str]]:
    return list(WORD.finditer(text, start, end))


def index_at(toks: list[re.Match[str]], pos: int) -> int:
    for k, t in enumerate(toks):
        if t.start() >= pos:
            return k
    return len(toks)


def low(toks: list[re.Match[str]], k: int) -> str:
    return toks[k].group().lower().strip("'’") if 0 <= k < len(toks) else ""


def wordy(w: str) -> bool:
    """A word, hyphenated or not ("Al-Qaeda" in "the Al-Qaeda affiliate")."""
    return w.replace("-", "").isalpha()


def named(word: str) -> bool:
    """A word of a name: capitalised, or after a lower-case article ("al-Assads")."""
    return word[:1].isupper() or word[:3] in ("al-", "el-") and word[3:4].isupper()


def span(toks: list[re.Match[str]], a: int, b: int) -> tuple[int, int, str]:
    return toks[a].start(), toks[b].end(), " ".join(t.group() for t in toks[a : b + 1])


# what a side undergoes "under": an attack, not the fire of critics (`under_attack`)
_UNDERGONE = frozenset(
    {"attack", "attacks", "fire", "bombardment", "bombardments", "shelling", "siege", "assault"}
    | {"airstrikes", "strikes", "raids"}
)
_CRITICS = frozenset({"human", "rights", "amnesty", "critics", "activists"})


def under_attack(toks: list[re.Match[str]], k: int) -> bool:
    """Is toks[k] the "under" of an attack undergone ("came under the heavy airstrikes of",
    "is under attack", "have been under siege"), not of critics' fire ("came under fire
    from Human Rights Watch")?"""
    if low(toks, k) != "under":
        return False
    for m in range(k + 1, min(len(toks), k + 5)):
        if low(toks, m) in _UNDERGONE:
            after = {low(toks, x) for x in range(m + 1, m + 4)}
            return not (low(toks, m) == "fire" and after & _CRITICS)
    return False


_ACCUSED_DEEDS = frozenset({"carried", "use", "used"})
_ADDING = frozenset({"only", "just", "merely"})  # "not only ... but also": an addition


def denial(toks: list[re.Match[str]], a: int, b: int) -> tuple[ActorRole, Why] | None:
    """A "not"/"never" among toks[a:b]: the verb there denies the deed, so no one does
    it or suffers it. A denial of having carried out or used something ("Russian planes had
    not carried out strikes", "the army does not use them") answers an accusation: its
    subject stays the accused, the agent (as in "denied the army had used gas")."""
    for m in range(a, min(b, len(toks))):
        w = low(toks, m)
        if w in NEGATIONS and low(toks, m + 1) in _ADDING:
            continue  # "committed not only against the people of Raqqa": no denial
        if w in NEGATIONS and not any(low(toks, x) in _ACCUSED_DEEDS for x in range(m + 1, m + 6)):
            return "mentioned", Why(
                "negated", toks[m].start(), toks[m].end(), toks[m].group(), "the deed is denied"
            )
    return None
