"""The publication date as stated by the text itself.

News pages put it in the header: before the headline ("Wed 05 Apr 2017 ..."), just
after it ("... Monitor AFP Friday 15 Jul 2016"), behind a cue ("Posted on",
"Published", "Date of publication", "Last updated at") or in a dateline
("BEIRUT, Oct 30, 2016 (Reuters) -"). Dates further into the body are event dates,
so only the header is searched: the first fully specified date there wins, and a
month-and-year is the fallback.
"""

from __future__ import annotations

import re

from app.extraction.dates import absolute_dates
from app.extraction.types import DateMention, PublishedDate

# How far past the headline the header may run (bylines, agency, "Get short URL").
_HEADER_CHARS = 160
_NO_TITLE_HEADER_CHARS = 260
# A date behind one of these is the date of an event, not of the page.
_EVENT_PREP = re.compile(
    r"\b(?:on|since|in|until|till|by|from|before|after|of|between|and|to)\s+(?:the\s+)?$", re.I
)
_PUBLISH_CUE = re.compile(
    r"\b(?:posted|published|updated|publication|date|dated|issued|created)\b[\s:]*(?:on|at)?\s*$",
    re.I,
)
_ALNUM = re.compile(r"[^0-9a-z]+")
_ALNUM_RUN = re.compile(r"[0-9A-Za-z]+")


def _squash(s: str) -> str:
    return _ALNUM.sub("", s.lower())


def title_end(text: str, title: str | None, *, within: int = 200) -> int | None:
    """Offset just past the headline when the text repeats it near its start.

    Comparison ignores case, spaces and punctuation, because the corpus strips
    apostrophes and commas from the body but not always from the title. A site suffix
    ("... | Jordan Times") is dropped from the title first.
    """
    if not title:
        return None
    key = _squash(title.split(" | ")[0])
    if len(key) < 8:
        return None
    runs = list(_ALNUM_RUN.finditer(text, 0, within + len(title) * 2))
    squashed = "".join(m.group() for m in runs).lower()
    at = squashed.find(key)
    if at < 0:
        return None
    # map squashed offsets back to text offsets through the runs
    pos = 0
    start = end = None
    for m in runs:
        n = m.end() - m.start()
        if start is None and at < pos + n:
            start = m.start() + at - pos
        if at + len(key) <= pos + n:
            end = m.start() + at + len(key) - pos
            break
        pos += n
    return end if start is not None and start <= within else None


def _acceptable(text: str, d: DateMention) -> bool:
    before = text[max(0, d.start - 40) : d.start]
    return bool(_PUBLISH_CUE.search(before)) or not _EVENT_PREP.search(before)


def find_published(text: str, *, title: str | None = None) -> PublishedDate | None:
    head_end = title_end(text, title)
    limit = (head_end + _HEADER_CHARS) if head_end is not None else _NO_TITLE_HEADER_CHARS
    candidates = [
        d for d in absolute_dates(text[: limit + 40]) if d.start < limit and _acceptable(text, d)
    ]
    for precision in ("day", "month"):
        for d in candidates:
            if d.precision == precision:
                return PublishedDate(d.date_start, precision, d.start, d.end, d.surface)
    return None
