"""The words an article uses for an actor: "terrorists", "rebels", "regime", "liberated"...

Each framing word found in the text goes to the actor mention it belongs to: the mention
that contains it ("the Assad regime"), else the nearest one in the same sentence within
WINDOW characters. A word is counted once, for one actor, so "the regime bombed the
rebels" gives "regime" to the government and "rebels" to the opposition, not both to both.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

WINDOW = 60

# surface form -> the term it is counted as
_TERMS = {
    "terrorist": "terrorists", "terrorists": "terrorists", "terror": "terrorists",
    "rebel": "rebels", "rebels": "rebels",
    "insurgent": "insurgents", "insurgents": "insurgents",
    "militant": "militants", "militants": "militants",
    "jihadist": "jihadists", "jihadists": "jihadists",
    "extremist": "extremists", "extremists": "extremists",
    "mercenary": "mercenaries", "mercenaries": "mercenaries",
    "gang": "gangs", "gangs": "gangs",
    "opposition": "opposition",
    "moderate": "moderate", "moderates": "moderate",
    "regime": "regime", "regime's": "regime",
    "loyalist": "loyalists", "loyalists": "loyalists",
    "liberated": "liberated", "liberate": "liberated", "liberation": "liberated",
    "liberating": "liberated",
    "occupied": "occupied", "occupation": "occupied", "occupying": "occupied",
    "occupiers": "occupied",
    "invaders": "invaders", "invasion": "invaders",
    "aggression": "aggression",
    "massacre": "massacre", "massacres": "massacre",
}  # fmt: skip
TERMS = tuple(sorted(set(_TERMS.values())))
_WORD = re.compile(
    r"\b(" + "|".join(sorted(map(re.escape, _TERMS), key=len, reverse=True)) + r")\b", re.IGNORECASE
)
_SENTENCE_END = re.compile(r"[.!?\n]")


@dataclass(frozen=True, slots=True)
class ActorSpan:
    actor_id: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class FramingCount:
    actor_id: int
    term: str
    count: int
    start: int  # the first occurrence
    end: int


def _same_sentence(text: str, a: int, b: int) -> bool:
    lo, hi = min(a, b), max(a, b)
    return _SENTENCE_END.search(text, lo, hi) is None


def framing(
    text: str, mentions: Iterable[ActorSpan], limit: int | None = None
) -> list[FramingCount]:
    """Framing words per actor in `text[:limit]` (the article without its comments)."""
    spans = sorted(mentions, key=lambda m: (m.start, m.end, m.actor_id))
    if not spans:
        return []
    counts: dict[tuple[int, str], list[tuple[int, int]]] = {}
    for match in _WORD.finditer(text, 0, limit if limit is not None else len(text)):
        s, e = match.span()
        best: tuple[int, int, int] | None = None  # (distance, start, actor)
        for m in spans:
            if m.start > e + WINDOW:
                break
            if m.start <= s and e <= m.end:
                dist = 0
            elif m.end <= s:
                dist = s - m.end
            elif m.start >= e:
                dist = m.start - e
            else:
                dist = 0
            if dist > WINDOW or not _same_sentence(text, min(s, m.start), max(e, m.end) - 1):
                continue
            cand = (dist, m.start, m.actor_id)
            if best is None or cand < best:
                best = cand
        if best is not None:
            counts.setdefault((best[2], _TERMS[match.group(1).lower()]), []).append((s, e))
    return [
        FramingCount(actor, term, len(spots), spots[0][0], spots[0][1])
        for (actor, term), spots in sorted(counts.items())
    ]
