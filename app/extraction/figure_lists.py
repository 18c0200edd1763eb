"""Lists of counts that make one figure, or parts of one: "a nurse a hospital employee
and two soldiers" killed are 4; "10 children and 13 rebels were among 48 people" are
parts of the 48.

Used by quantities.py on the counts it found in a text, in order.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from app.extraction.count_words import ONE
from app.extraction.normalize import word_set
from app.extraction.types import QuantityMention

# "10 children and 13 rebels were among 48 people": parts of a count given after them
AMONG = re.compile(r"\s+(?:were|are|was|is)\s+(?:also\s+)?among\b", re.I)


def parts_of_later_totals(text: str, counts: list[QuantityMention]) -> list[QuantityMention]:
    """ "10 children and 13 rebels were among 48 people executed": the listed counts are
    parts of the 48, and share its fate."""
    out = list(counts)
    for n, c in enumerate(out):
        m = AMONG.match(text, c.end)
        if m is None or n + 1 >= len(out) or out[n + 1].start - m.end() > 12:
            continue
        total = out[n + 1]
        k = n
        while True:
            out[k] = replace(out[k], what=total.what, subset=True)
            if k == 0 or text[out[k - 1].end : out[k].start].strip(" ,") not in ("and", ""):
                break
            k -= 1
    return out


def _one(q: QuantityMention) -> bool:
    return q.surface.split(" ", 1)[0].casefold() in ONE


# "two brothers and their mother": one family
_KIN = word_set("his her their")


def _kin(q: QuantityMention) -> bool:
    return q.surface.split(" ", 1)[0].casefold() in _KIN


def merge_lists(text: str, counts: list[QuantityMention]) -> list[QuantityMention]:
    """A list of victims is one figure: "a nurse a hospital employee and two soldiers"
        were killed is 4 killed, "a man and a woman" 2. Two counts of which only one is a
        person stay two figures ("five women and a child", "a woman and nine children") unless
    the person is kin of the others ("two brothers and their mother")."""
    out: list[QuantityMention] = []
    merged = False  # is out[-1] already a list of several counts?
    for c in counts:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.what == c.what
            and prev.subset == c.subset
            # "129 loyalists and 116 rebels" stay two figures
            and (_one(prev) and (_one(c) or merged) or _kin(c))
            and text[prev.end : c.start].strip(" ,") in ("", "and")
            and prev.qualifier is None
            and c.qualifier is None
            and prev.value is not None
            and c.value is not None
        ):
            total = prev.value + c.value
            out[-1] = QuantityMention(
                c.what, total, False, None, text[prev.start : c.end], prev.start, c.end,
                value_min=total, value_max=total, subset=c.subset, why=prev.why,
            )  # fmt: skip
            merged = True
        else:
            out.append(c)
            merged = False
    return out


def told_once(counts: Iterable[QuantityMention]) -> tuple[QuantityMention, ...]:
    """A claim's counts, each told once: a headline that the lede repeats in the same unit
    ("A woman injured in a mortar attack on al-Fouaa In the meantime a woman was injured
    ...") is one figure. The same number of the same head noun with the same fate is the
    same count, whatever qualifies it ("Some 50 civilians" ... "including 50 civilians"),
    and a part of a total if either telling says so ("Troops kill 10 children - ... 10
    children and 13 rebels were among 48 people executed"). Vague counts are the same only
    in the same words ("dozens of people" are not "hundreds of people")."""
    seen: dict[tuple[str, str], int] = {}
    out: list[QuantityMention] = []
    for c in counts:
        said = c.surface.casefold()
        key = (c.what, said if c.value is None else f"{c.value} {said.rsplit(' ', 1)[-1]}")
        if key not in seen:
            seen[key] = len(out)
            out.append(c)
        elif c.subset:
            out[seen[key]] = replace(out[seen[key]], subset=True)
    return tuple(out)
