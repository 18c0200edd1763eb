"""Numbers as news writes them: "1,500", "two", "a dozen", "dozens", "100-150", with the
qualifier before them ("at least", "nearly", "some") and the bounds they allow.

Used by quantities.py, which decides whose count a number is and what happened to them.
"""

from __future__ import annotations

import re

from app.extraction.normalize import word_set

_TOKEN = re.compile(r"\d[\d,]*(?:\.\d+)?|[A-Za-z]+(?:['’-][A-Za-z]+)*|[.;:!?\"“”()\[\],]")
UNITS = {
    w: i
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
        ]
    )
}
TENS = {
    w: 10 * (i + 2)
    for i, w in enumerate(
        ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    )
}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
_FRACTIONS = {
    ("a", "quarter", "of", "a", "million"): 250_000,
    ("half", "a", "million"): 500_000,
    ("a", "half", "million"): 500_000,
    ("a", "third", "of", "a", "million"): 333_333,
}
VAGUE = word_set("dozens scores hundreds thousands tens millions several")
_QUALIFIERS = {
    ("at", "least"): "at_least",
    ("a", "minimum", "of"): "at_least",
    ("nearly",): "nearly",
    ("almost",): "nearly",
    ("close", "to"): "nearly",
    ("over",): "over",
    ("more", "than"): "over",
    ("upwards", "of"): "over",
    ("less", "than"): "less_than",
    ("fewer", "than"): "less_than",
    ("some",): "about",
    ("about",): "about",
    ("around",): "about",
    ("approximately",): "about",
    ("roughly",): "about",
    ("an", "estimated"): "about",
    ("estimated",): "about",
    ("up", "to"): "up_to",
    ("as", "many", "as"): "up_to",
    ("as", "high", "as"): "up_to",
}


class Toks:
    """The text's tokens as parallel lists: match objects (for offsets and original
    case) and lower-cased strings. Cheaper than one object per token, and most of the
    work only needs the lower-cased form."""

    __slots__ = ("ms", "low")

    def __init__(self, text: str) -> None:
        self.ms = list(_TOKEN.finditer(text))
        self.low = [m.group().lower() for m in self.ms]

    def __len__(self) -> int:
        return len(self.low)

    def is_num(self, i: int) -> bool:
        return self.low[i][0].isdigit()

    def is_word(self, i: int) -> bool:
        return self.low[i][0].isalpha()

    def is_punct(self, i: int) -> bool:
        c = self.low[i][0]
        return not (c.isalnum() or c == ",")

    def text(self, i: int) -> str:
        return self.ms[i].group()


def _word_value(low: str) -> int | None:
    tens, _, unit = low.partition("-")
    if unit and tens in TENS and unit in UNITS:
        return TENS[tens] + UNITS[unit]
    return UNITS.get(low) or TENS.get(low)


def number(toks: Toks, i: int) -> tuple[int | None, bool, int] | None:
    """(value, approx, index after the number) for a count starting at token i."""
    low = toks.low[i]
    nxt = toks.low[i + 1] if i + 1 < len(toks) else ""
    if toks.is_num(i):
        if "." in low and nxt not in _SCALES:
            return None
        value = float(low.replace(",", ""))
        if nxt in _SCALES:
            return int(value * _SCALES[nxt]), False, i + 2
        return int(value), False, i + 1
    if low == "several" and nxt in ("dozen", "hundred", "thousand"):
        return None, True, i + 2  # "several dozen dead"
    if low in VAGUE:
        # "tens of thousands", "hundreds of thousands"
        if nxt == "of" and i + 2 < len(toks) and toks.low[i + 2] in VAGUE:
            return None, True, i + 3
        return None, True, i + 1
    if low == "a" and nxt == "dozen":
        return 12, True, i + 2
    if toks.low[i : i + 4] == ["a", "large", "number", "of"]:
        return None, True, i + 4  # "wounding a large number of citizens"
    # "a quarter of a million", "half a million", "a third of a million"
    ahead = tuple(toks.low[i : i + 5])
    for words, value in _FRACTIONS.items():
        if ahead[: len(words)] == words:
            return value, False, i + len(words)
    value = _word_value(low)
    if value is None or (low == "one" and nxt == "of"):
        return None
    j = i + 1
    if low in TENS and 0 < UNITS.get(nxt, 0) < 10:  # "sixty nine": FA-KES drops hyphens
        value, j = value + UNITS[nxt], i + 2
    while j < len(toks) and toks.low[j] in _SCALES:
        value, j = value * _SCALES[toks.low[j]], j + 1
    return value, False, j


def qualifier(toks: Toks, i: int) -> tuple[str | None, int]:
    """(qualifier, index of its first token) for the count at token i."""
    for words, name in _QUALIFIERS.items():
        n = len(words)
        if i >= n and tuple(toks.low[i - n : i]) == words:
            return name, i - n
    return None, i


_LOWER_BOUND = frozenset({"at_least", "over"})
_UPPER_BOUND = frozenset({"nearly", "up_to", "less_than"})


def bounds(
    value: int | None, qualifier: str | None, upper: int | None = None
) -> tuple[int | None, int | None]:
    """(value_min, value_max) of a count, as docs/annotation.md §8 defines them."""
    if value is None:
        return None, None
    if qualifier == "range":
        return value, upper
    if qualifier in _LOWER_BOUND:
        return value, None
    if qualifier in _UPPER_BOUND:
        return None, value
    return value, value
