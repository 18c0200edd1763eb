"""Last resort for one unmatched word: a place whose consonants it spells.

Transliterations of one Arabic name differ in their vowels, in where the words split and
in the article's assimilated letter: Kafrya/Kafraya, Kafarbatna/Kafar Batna,
al-Sqeilbiyeh/Suqaylibiyah, al-Shrafiyeh/al-Ashrafiyeh. normalize_key folds each vowel
run to "a" but keeps it; here only the consonants count. So that this never reads a
person or a piece of a longer unknown name as a place, it takes a capitalised word that
is not English, not a given name, with no unmatched capitalised word beside it, whose
four or more consonants (and a final vowel, if any) belong to one place and to no actor;
the text must call it a place: a kind word after it ("al-Sqeilbiyeh city") or before it
("the town of"), or a list it stands in with places ("al-Foaa and Kafrya", "Arbin
Kafarbatna Jisreen"); and a place named near it must lie in the same governorate, since
GeoNames often knows only one of several villages of a name.
"""

from __future__ import annotations

from bisect import bisect_left

from .normalize import Token, normalize_key, word_set
from .place_words import GIVEN_NAMES
from .registry import (
    actor_entries,
    common_word,
    governorate_of,
    per_registry,
    place_entries,
    place_rules,
)

_MIN_CONSONANTS = 4
_KINDS = word_set(
    "city town village villages towns neighborhood neighbourhood neighborhoods neighbourhoods "
    "district districts quarter area region countryside suburb"
)
_LIST = word_set("and or")


_NEAR = 300  # characters


def _skeleton(key: str) -> str:
    """Consonants, and whether it ends in a vowel: Zebdin is not Zabadani."""
    return key.replace("a", "").replace(" ", "") + ("-" if key.endswith("a") else "")


@per_registry()
def _skeletons() -> dict[str, str]:
    """Consonant skeleton -> the one place key it belongs to."""
    rules = place_rules()
    owners: dict[str, set[str]] = {}
    for e in place_entries():
        for alias in (e.name, *e.aliases):
            k = normalize_key(alias)
            if k and k not in rules.never and k not in rules.needs_article:
                owners.setdefault(_skeleton(k), set()).add(e.key)
    for a in actor_entries():
        for alias in (a.name, *(x.alias for x in a.aliases)):
            owners.setdefault(_skeleton(normalize_key(alias)), set()).add("<actor>")
    return {
        sk: next(iter(keys))
        for sk, keys in owners.items()
        if len(sk.rstrip("-")) >= _MIN_CONSONANTS and len(keys) == 1 and "<actor>" not in keys
    }


def _free_name(toks: tuple[Token, ...], k: int, covered: set[int]) -> bool:
    """Is token k a capitalised word that is not matched and not an article?"""
    t = toks[k]
    return t.capital and not t.article and k not in covered


def skeleton_matches(
    toks: tuple[Token, ...], found: list[tuple[int, int, tuple[str, ...]]], covered: set[int]
) -> list[tuple[int, int, tuple[str, ...]]]:
    """(start, end, (key,)) for each lone unmatched word spelling a place's consonants;
    `found` are the places matched so far, `covered` the indices of their tokens."""
    table = _skeletons()
    out = []
    for k, t in enumerate(toks):
        if k in covered or not t.capital or t.article or t.text.isupper():
            continue
        key = table.get(_skeleton(t.key))
        if key is None or common_word(t.text.casefold()) or t.text.casefold() in GIVEN_NAMES:
            continue
        left = k - 1 if k and toks[k - 1].text.casefold() in ("al", "el") and t.hyphen else k
        if left and toks[left].joined and _free_name(toks, left - 1, covered):
            continue
        if k + 1 < len(toks) and toks[k + 1].joined:
            right = k + 2 if toks[k + 1].article else k + 1
            if right < len(toks) and _free_name(toks, right, covered):
                continue
        if _called_a_place(toks, left, k, covered) and _placed_near(found, t.start, key):
            out.append((toks[left].start, t.end, (key,)))
    return out


def _placed_near(found: list[tuple[int, int, tuple[str, ...]]], at: int, key: str) -> bool:
    """Is a place of `key`'s governorate named within _NEAR characters of `at`?"""
    lo = bisect_left(found, (at - _NEAR,))
    hi = bisect_left(found, (at + _NEAR,))
    gov = governorate_of(key)
    return any(governorate_of(ks[0]) == gov for _, _, ks in found[lo:hi])


def _called_a_place(toks: tuple[Token, ...], left: int, k: int, covered: set[int]) -> bool:
    after = toks[k + 1].text.casefold() if k + 1 < len(toks) else ""
    before = [t.text.casefold() for t in toks[max(0, left - 2) : left]]
    if after in _KINDS or (len(before) == 2 and before[1] == "of" and before[0] in _KINDS):
        return True
    # in a list: "A and X", "X and B", or "A X B" (FA-KES strips the commas)
    prev_and = left >= 2 and toks[left - 1].text.casefold() in _LIST and left - 2 in covered
    next_and = after in _LIST and k + 2 in covered
    return prev_and or next_and or (left - 1 in covered and k + 1 in covered)
