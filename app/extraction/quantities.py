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

from app.extraction.dates import MONTHS
from app.extraction.types import Quantity


def _split(s: str) -> list[str]:
    return s.split()


def _words(s: str) -> frozenset[str]:
    return frozenset(_split(s))


_TOKEN = re.compile(r"\d[\d,]*(?:\.\d+)?|[A-Za-z]+(?:['’-][A-Za-z]+)*|[.;:!?\"“”()\[\],]")
_UNITS = {
    w: i
    for i, w in enumerate(
        _split(
            "zero one two three four five six seven eight nine ten eleven twelve thirteen "
            "fourteen fifteen sixteen seventeen eighteen nineteen"
        )
    )
}
_TENS = {
    w: 10 * (i + 2)
    for i, w in enumerate(_split("twenty thirty forty fifty sixty seventy eighty ninety"))
}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
_VAGUE = _words("dozens scores hundreds thousands tens millions")
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
}
_KILLED = _words(
    "killed kill kills killing killings dead died die dies dying death deaths martyred "
    "massacred executed executing execute executes beheaded slain perished lives toll bodies"
)
_INJURED = _words(
    "injured injure injures injuring wounded wound wounds wounding hurt injuries suffocation"
)
_DISPLACED = _words(
    "fled flee flees fleeing displaced displacing evacuated evacuating evacuees refugees "
    "uprooted exodus"
)
_FIGHTERS = _words(
    "fighters fighter militants militant insurgents insurgent terrorists terrorist troops "
    "soldiers soldier rebels rebel jihadists jihadist gunmen gunman mercenaries operatives "
    "extremists servicemen militiamen guerrillas commanders"
)
_PEOPLE = _FIGHTERS | _words(
    "people persons person civilians civilian children child kids women woman men man "
    "residents members individuals others victims families citizens policemen officers "
    "leaders activists workers medics doctors nurses journalists patients students "
    "schoolchildren babies infants pilots airmen elements personnel volunteers hostages "
    "prisoners detainees syrians kurds martyrs casualties deaths dead wounded evacuees "
    "refugees villagers worshippers passengers staff"
)
# Words that may stand between a count and the predicate saying what happened to it.
_AUX = _words(
    "were was have has had been being are is be got get reportedly allegedly also later all "
    "both already now either to feared believed thought said confirmed more others"
)
_STOP = _words(
    "in on at of from by with for near into across during since after before as and or but "
    "while when because than the a an this that these those their its his her"
)
_UNIT_NOUNS = _words(
    "percent per km kilometres kilometers kilometre kilometer miles mile metres meters hours "
    "hour days day weeks week months month years year minutes times year-old years-old"
)
_NUMBER_WORDS = (
    frozenset(_UNITS)
    | frozenset(_TENS)
    | _VAGUE
    | {"a"}
    | frozenset(f"{t}-{u}" for t in _TENS for u in _UNITS if 0 < _UNITS[u] < 10)
)
_APPOSITION = _words("including among them whom")
_RANGE_GLUE = ("-", "–", " - ", " to ")
_FOLLOW_REACH = 8
# "the death toll from [...] has risen to 86": how far back "toll" may stand.
_TOLL_REACH = 16


class _Toks:
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


def _cue(word: str) -> str | None:
    if word in _KILLED:
        return "killed"
    if word in _INJURED:
        return "injured"
    if word in _DISPLACED:
        return "displaced"
    return None


def _word_value(low: str) -> int | None:
    tens, _, unit = low.partition("-")
    if unit and tens in _TENS and unit in _UNITS:
        return _TENS[tens] + _UNITS[unit]
    return _UNITS.get(low) or _TENS.get(low)


def _number(toks: _Toks, i: int) -> tuple[int | None, bool, int] | None:
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
    if low in _VAGUE:
        # "tens of thousands", "hundreds of thousands"
        if nxt == "of" and i + 2 < len(toks) and toks.low[i + 2] in _VAGUE:
            return None, True, i + 3
        return None, True, i + 1
    if low == "a" and nxt == "dozen":
        return 12, True, i + 2
    value = _word_value(low)
    if value is None or (low == "one" and nxt == "of"):
        return None
    j = i + 1
    while j < len(toks) and toks.low[j] in _SCALES:
        value, j = value * _SCALES[toks.low[j]], j + 1
    return value, False, j


def _qualifier(toks: _Toks, i: int) -> tuple[str | None, int]:
    """(qualifier, index of its first token) for the count at token i."""
    for words, name in _QUALIFIERS.items():
        n = len(words)
        if i >= n and tuple(toks.low[i - n : i]) == words:
            return name, i - n
    return None, i


def _is_date_or_measure(toks: _Toks, i: int, j: int) -> bool:
    if i and toks.text(i - 1)[:1].isupper() and toks.low[i - 1].rstrip(".") in MONTHS:
        return True
    if j >= len(toks):
        return False
    after = toks.low[j]
    if toks.text(j)[:1].isupper() and after in MONTHS:
        return True
    if after in _UNIT_NOUNS or after.endswith("-year-old"):
        return True
    # a bare 19xx/20xx is a year unless people follow it directly
    low = toks.low[i]
    return len(low) == 4 and low[:2] in ("19", "20") and low.isdigit() and after not in _PEOPLE


def _noun_phrase(toks: _Toks, j: int, vague: bool) -> tuple[int | None, int]:
    """(index of the person noun or None, index just after the noun phrase)."""
    k = j
    for _ in range(5):
        if k >= len(toks) or not toks.is_word(k):
            break
        low = toks.low[k]
        if _cue(low):  # "18 wounded", "82 dead": a predicate, not a noun
            break
        if low in _PEOPLE:
            return k, k + 1
        if low == "of" and (vague or (k + 1 < len(toks) and toks.low[k + 1] == "them")):
            k += 1
            continue
        if low in _STOP or low in _AUX or low in _UNIT_NOUNS:
            break
        k += 1
    return None, j


def _following_cue(toks: _Toks, k: int) -> tuple[str | None, bool]:
    """(kind, immediate) of the first cue after index k within the clause.

    A number stops the search (it starts a coordinated count with its own predicate)
    unless it is an apposition ("11 civilians including three children were killed").
    """
    immediate = True
    for n in range(k, min(k + _FOLLOW_REACH, len(toks))):
        if toks.is_punct(n) or (toks.is_num(n) and toks.low[n - 1] not in _APPOSITION):
            return None, False
        low = toks.low[n]
        kind = _cue(low)
        if kind:
            return kind, immediate
        if low not in _AUX:
            immediate = False
    return None, False


def _preceding_cue(toks: _Toks, q: int) -> str | None:
    if q == 0:
        return None
    prev = toks.low[q - 1]
    if prev == "of" and q >= 2 and toks.low[q - 2] == "lives":
        return "killed"
    if (
        prev in ("to", "at", "reached", "hits", "of")
        and "toll" in toks.low[max(0, q - _TOLL_REACH) : q]
    ):
        return "killed"
    if prev in ("dead", "died", "toll"):  # "28 dead 40 injured": not the verb of this count
        return None
    return _cue(prev)


def _kind(cue: str | None, noun: str | None) -> str | None:
    fighter = noun is not None and noun in _FIGHTERS
    if cue in ("killed", "injured"):
        return cue
    if cue == "displaced":
        return "fighters" if fighter else "displaced"
    if fighter:
        return "fighters"
    return "other" if noun is not None else None


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


def find_quantities(text: str) -> list[Quantity]:
    toks = _Toks(text)
    out: list[Quantity] = []
    last_kind: str | None = None  # kind of the previous count in the same sentence
    i = 0
    while i < len(toks):
        low = toks.low[i]
        parsed = _number(toks, i) if low[0].isdigit() or low in _NUMBER_WORDS else None
        if parsed is None or _is_date_or_measure(toks, i, parsed[2]):
            if low in (".", ";", "!", "?"):
                last_kind = None
            i += 1
            continue
        value, approx, j = parsed
        qualifier, q = _qualifier(toks, i)
        upper = None
        if (
            j < len(toks)
            and toks.is_num(j)
            and text[toks.ms[j - 1].end() : toks.ms[j].start()] in _RANGE_GLUE
        ):
            upper_parsed = _number(toks, j)
            upper = upper_parsed[0] if upper_parsed else None
            qualifier, j = "range", (upper_parsed[2] if upper_parsed else j + 1)
        noun_at, np_end = _noun_phrase(toks, j, value is None)
        noun = toks.low[noun_at] if noun_at is not None else None
        cue, immediate = _following_cue(toks, np_end)
        if not immediate:
            cue = _preceding_cue(toks, q) or cue
        part_of_previous = (
            (q > 0 and toks.low[q - 1] in _APPOSITION)
            or "them" in toks.low[j:np_end]
            or (qualifier is not None and noun is None)
        )
        if cue is None and part_of_previous and last_kind is not None:
            what: str | None = last_kind
        else:
            what = _kind(cue, noun)
        if what is not None:
            start, end = toks.ms[q].start(), toks.ms[np_end - 1].end()
            if value is None:
                qualifier = "vague"
            low, high = bounds(value, qualifier, upper)
            out.append(
                Quantity(
                    what,
                    value,
                    approx or qualifier is not None,
                    qualifier,
                    text[start:end],
                    start,
                    end,
                    value_min=low,
                    value_max=high,
                )
            )
            last_kind = what
        i = max(np_end, i + 1)
    return out
