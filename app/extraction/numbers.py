"""Numbers as news writes them: "1,500", "two", "a dozen", "dozens", "100-150", with the
qualifier before them ("at least", "nearly", "some") and the bounds they allow; and the
numbers that count no one: dates, years, measures, ages.

Used by quantities.py, which decides whose count a number is and what happened to them.
"""

from __future__ import annotations

import re

from app.extraction.count_words import AUX, PEOPLE, STOP, UNIT_NOUNS, fate_of
from app.extraction.dates import MONTHS, WEEKDAYS
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
        if nxt in ("am", "pm", "a.m.", "p.m.", "gmt", "hrs"):
            return None  # "07-08-2013 0147 PM": a time of day, no count
        value = float(low.replace(",", ""))
        if nxt in _SCALES:
            return int(value * _SCALES[nxt]), False, i + 2
        return int(value), False, i + 1
    if low == "several" and nxt in ("dozen", "hundred", "thousand"):
        return None, True, i + 2  # "several dozen dead"
    if low == "many" and nxt == "more":
        return None, True, i + 2  # "three civilians were killed and many more injured"
    if low in VAGUE:
        # "tens of thousands", "hundreds of thousands"
        if nxt == "of" and i + 2 < len(toks) and toks.low[i + 2] in VAGUE:
            return None, True, i + 3
        return None, True, i + 1
    if low == "a" and nxt == "dozen":
        return 12, True, i + 2
    if low == "a" and nxt in _SCALES:  # "wounded at least a million"
        value, j = 1, i + 1
        while j < len(toks) and toks.low[j] in _SCALES:
            value, j = value * _SCALES[toks.low[j]], j + 1
        return value, False, j
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


# Numbers that count no one: dates, years, measures, ages.

# capitalised words before a number that are no name: the sentence's first word ("Only 13
# were killed", "Meanwhile 13 were killed" once FA-KES has dropped the comma), a
# headline's ("Rebels Say 30 killed")
_NO_NAME = (
    STOP
    | AUX
    | PEOPLE
    | word_set(
        "only just all some another also meanwhile earlier later today yesterday overall "
        "altogether elsewhere separately then now however moreover besides previously "
        "recently say says"
    )
)


def age_after_name(toks: Toks, i: int) -> int | None:
    """ "Ziad 13 suffered a head injury" (FA-KES drops the commas of "Ziad, 13,"): a bare
    number right after a name is that person's age; the index where the name starts, or
    None. Not after a weekday ("On Sunday 13 were killed") or a place ("in Douma 13 were
    killed": the name follows a preposition)."""
    low = toks.low[i]
    if not (low.isdigit() and int(low) < 100):
        return None
    # a headline's capitals are no name: a capital after the number ("3 Killed 40 Injured"),
    # a fate word or a word of _NO_NAME before it ("Bomb Kills 18 in", "Rebels Say 30")
    if i + 1 >= len(toks) or not toks.is_word(i + 1) or not toks.text(i + 1).islower():
        return None
    k = i
    while k and toks.is_word(k - 1) and toks.text(k - 1)[:1].isupper():
        k -= 1
        if toks.low[k] in _NO_NAME or fate_of(toks.low[k]) is not None:
            return None
    if k == i or toks.low[i - 1] in WEEKDAYS:
        return None
    return None if k and toks.low[k - 1] in STOP else k


def is_date_or_measure(toks: Toks, i: int, j: int) -> bool:
    """Is the number from token i (up to token j) a date, a year or a measure ("7 miles",
    "a 48-year-old"), not a count?"""
    if i and toks.text(i - 1)[:1].isupper() and toks.low[i - 1].rstrip(".") in MONTHS:
        return True
    if j >= len(toks):
        return False
    after = toks.low[j]
    if toks.text(j)[:1].isupper() and after in MONTHS:
        return True
    if after in UNIT_NOUNS or after.endswith("-year-old"):
        return True
    # a bare 19xx/20xx is a year unless people follow it directly; a timeline's entry
    # starts with one ("2013 Jihadists notably al-Nusra Front expand in the north")
    low = toks.low[i]
    if not (len(low) == 4 and low[:2] in ("19", "20") and low.isdigit()):
        return False
    entry = (i == 0 or toks.low[i - 1] in (".", "!", "?")) and toks.text(j)[:1].isupper()
    return entry or after not in PEOPLE


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
