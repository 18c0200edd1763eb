"""Date expressions in news text, resolved against the publication date.

Absolute dates ("4 October 2016", "Oct 30, 2016", "17-08-2013", "2016-10-30") need no
reference. Relative ones ("on Wednesday", "yesterday", "this past week", "early
October", "December 18th") are resolved against ``reference`` and dropped when there is
none: a guessed year is worse than no date.

Conventions (news style, checked against the seed documents):

* a bare weekday is the most recent such day on or before the reference ("Sunday" in a
  Sunday paper is that day); "last Wednesday" is strictly before, "next Monday" after;
* "this past week" / "last week" / "past week" are the 7 days ending at the reference
  (precision week), as is "this week" on a Monday (a weekend's wire copy carried on
  Monday: "earlier this week"); "this week" otherwise runs from Monday to the reference;
  "the weekend" is the last Saturday-Sunday not after the reference;
* "early/mid/late October" keeps month precision but narrows the range to days 1-10,
  11-20 and 21-end; "the first (second, third, fourth) week of October" is days 1-7
  (8-14, 15-21, 22-28) and "the last week of October" its last seven, precision week; a
  month without a year is the most recent one not after the reference; "since X" is the
  range from X to the reference, with X's precision;
* "two weeks ago", "a year ago": counted back from the reference, with the unit's
  precision (a week ago is the 7 days from that day; a year ago is that calendar year);
* precision is the unit of the anchor, like UCDP's date_prec: a range is given by
  date_start/date_end.

For speed every expression is found from its one distinctive word (a capitalised month
or weekday, "yesterday", "week", a digit run) and the words around it are then checked
with anchored patterns, instead of scanning the text once per expression. Month and
weekday names must be capitalised, as they always are in English.
"""

from __future__ import annotations

import re
from calendar import monthrange
from datetime import date, timedelta

from app.extraction.date_words import COUNT_WORDS
from app.extraction.types import DateMention, DatePrecision

_FULL = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
]  # fmt: skip
MONTHS: dict[str, int] = {name: i + 1 for i, name in enumerate(_FULL)}
MONTHS |= {name[:3]: n for name, n in MONTHS.items()} | {"sept": 9}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

_Y = r"((?:19|20)\d\d)(?!\d)"
_MONTH = re.compile(r"[JFMASOND][a-z]{2,8}\b\.?")
_WEEKDAY = re.compile(r"[MTWFS][a-z]{2,5}day(?:['’]?s)?\b")
_DAY_WORD = re.compile(
    r"(?:[Yy]esterday|[Tt]oday|[Tt]onight|[Tt]omorrow|[Ll]ast\s+night"
    r"|[Tt]his\s+(?:morning|afternoon|evening))\b"
)
_OVERNIGHT = re.compile(r"\b[Oo]vernight\b")
_UNIT = re.compile(r"(?:week|seven\s+days|7\s+days|weekend|month|year)\b")
# "nearly two weeks ago", "just over a year ago" (found from "ago")
_AGO = re.compile(
    r"\b(?:(?:nearly|almost|about|around|some|roughly|just|over|more\s+than|less\s+than)\s+)*"
    r"(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})\s+"
    r"(day|week|month|year)s?\s+ago\b",
    re.I,
)
_NUMERIC = re.compile(r"(\d{1,4})([-./])(\d{1,2})\2(\d{1,4})(?![\d])")
_YEAR = re.compile(r"(?:19|20)\d\d\b(?![-./]\d)")

# Patterns anchored right after a month name...
_AFTER_DAY_YEAR = re.compile(rf"\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s*{_Y}")
_AFTER_DAY = re.compile(r"\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?!,?\s*\d{4})")  # not "13 2016": a year
_AFTER_YEAR = re.compile(rf"\.?,?\s+{_Y}")
_AND_MONTH_YEAR = re.compile(rf"\s+(?:and|or|to)\s+[A-Z][a-z]+,?\s+{_Y}")
# ...and right before one (searched up to the anchor: `$` is the anchor).
_BEFORE_DAY = re.compile(r"(?:\bthe\s+)?(?<![\d.])(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?$")
_BEFORE_WEEKDAY = re.compile(
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Tues?|Wed|Thu(?:rs?)?"
    r"|Fri|Sat|Sun|Mon)\.?,?\s+$"
)
_BEFORE_PART = re.compile(
    r"\b(early|mid|late|(?:the\s+)?(?:beginning|start|middle|end)\s+of)[\s-]*$", re.I
)
# "the first week of July", "the last week of August": seven days of the month
_BEFORE_WEEK_OF = re.compile(
    r"\b(?:the\s+)?(first|second|third|fourth|last|final)\s+week\s+of\s+$", re.I
)
_NTH_WEEK = {"first": 1, "second": 2, "third": 3, "fourth": 4}
_BEFORE_MONTH_ALONE = re.compile(
    r"\b(in|since|during|until|till|by|from|through|throughout|last|of)\s+$"
    r"|\b(since)\s+an?\s+$",  # "since a February ceasefire deal"
    re.I,
)
_BEFORE_MODIFIER = re.compile(r"\b(last|this|past|next)\s+$", re.I)
_BEFORE_WEEK = re.compile(r"\b(?:(?:this|the)\s+past|last|past|the\s+last|this)\s+$", re.I)
_BEFORE_WEEKEND = re.compile(r"\b(?:the|last|this|past)\s+$", re.I)
_BEFORE_PERIOD = re.compile(r"\b(last|this|next|earlier\s+this|later\s+this)\s+$", re.I)
# "... heavy shelling. 2013 Jihadists expand in the north": a timeline's heading, a year
# standing bare at the head of a sentence before the entry it dates
_HEADING_YEAR = re.compile(r"(?:^|[.!?]\s+)$")
_HEADING_ENTRY = re.compile(r"\s+[A-Z][a-z]")
_BEFORE_YEAR = re.compile(
    r"\b(?:in|since|of|during|until|till|by|from|before|after|through|throughout)\s+"
    r"(?:(?:early|late|mid-?|the\s+(?:beginning|end|middle)\s+of)\s*|the\s+)?$",
    re.I,
)
_BEFORE_DAY_BEFORE = re.compile(r"\bthe\s+day\s+before\s+$", re.I)
_SINCE = re.compile(
    r"\bsince\s+(?:the\s+|an?\s+)?(?:(?:early|mid|late|(?:beginning|start|middle|end)\s+of)[\s-]*)?$",
    re.I,
)
_SINCE_CLAUSE = re.compile(
    r"\bsince\b[^.;]{0,60}?\b(?:began|started|erupted|broke out|took hold|came into force|"
    r"was launched|was signed|first broke)\s+(?:there\s+)?(?:in|on)?\s*(?:the\s+)?$"
    # "since rebels broke the siege of the city on Saturday": the clause's own date
    r"|\bsince\s+(?:[\w.'’-]+\s+){1,12}?(?:on|in)\s+(?:the\s+)?$",
    re.I,
)
# "since the Council passed a resolution last year", "since it intervened a year ago": a
# time counted back from the reference ends the clause "since" opened
_SINCE_CLAUSE_BACK = re.compile(r"\bsince\s+(?:[\w.'’-]+\s+){1,12}?$", re.I)
# a full stop not after a capital ("U.N.", "U.S." go on) before the next sentence
_SENTENCE_END = re.compile(r"(?<![A-Z])[.!?][\"”’]?\s+(?=[A-Z\"“])")
_COUNTED_BACK = re.compile(r"^last\b|\bago$", re.I)
# "in August last year": that month of the year before the reference
_MONTH_LAST_YEAR = re.compile(r"\s+(last|this)\s+year\b", re.I)
# "on Saturday and Sunday", "Saturday night ... till Sunday morning": one range
_RANGE_OPENS = re.compile(r"\b(?:between|from)\s+(?:on\s+)?$", re.I)
_OPEN_RANGE_DAYS = 2 * 366  # "between" / "from" one day and another: a period, if not longer


def _range_reach(text: str, first: DateMention) -> int:
    """How many days apart two days joined into one range may be."""
    return (
        _OPEN_RANGE_DAYS if _RANGE_OPENS.search(text, max(0, first.start - 14), first.start) else 7
    )


_DAY_RANGE_GLUE = re.compile(
    r"\s*(?:night|morning|evening|afternoon)?\s*(?:and|to|through|till|until|-|–|"
    r"(?:and\s+(?:continued|lasted|went\s+on|raged|carried\s+on)\s+)?(?:into|until|till|through)"
    # "began on Friday and was continuing on Saturday"
    r"|and\s+(?:was|is|were|are)\s+(?:still\s+)?(?:continuing|ongoing|going\s+on))\s+"
    r"(?:early\s+|late\s+)?(?:on\s+)?$",
    re.I,
)
_YEAR_PART = re.compile(r"\b(early|mid|late)[\s-]*$", re.I)
# "in recent days", "over the past few weeks", "the last 24 hours", "in the past year":
# periods that end at the reference (docs/annotation.md §5)
_RECENT = re.compile(
    r"\b(?:in|over|during|within|for)\s+(?:the\s+)?(?:(?:past|last|recent)\s+)"
    r"((?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})\s+days|24\s+hours|"
    r"48\s+hours|twelve\s+months|12\s+months|(?:(?:few|several|couple\s+of|two|three)\s+)?"
    r"(?:days|weeks|months|year))\b"
    r"|\bin\s+recent\s+(days|weeks|months)\b",
    re.I,
)
_RECENT_SPAN = {
    "days": (6, "week"), "weeks": (27, "month"), "months": (89, "month"), "year": (364, "year"),
    # "the past 48 hours" are yesterday and today (and so are "the past two days": _counted)
    "24 hours": (1, "day"), "48 hours": (1, "day"),
    "twelve months": (364, "year"), "12 months": (364, "year"),
}  # fmt: skip


def _recent_span(unit: str, reference: date) -> tuple[int, str]:
    """How many days before the reference a recent period starts, and its precision:
    "the past ten days" are the reference and the nine days before it, "the past two
    weeks" it and the thirteen before it, "the last two months" it and the days back to
    the day after the same day two months before."""
    if unit in _RECENT_SPAN:
        return _RECENT_SPAN[unit]
    count, last = unit.split()[0], unit.split()[-1]
    if last == "months" and count in COUNT_WORDS:
        back = reference.month - 1 - COUNT_WORDS[count]
        year, month = reference.year + back // 12, back % 12 + 1
        day = min(reference.day, monthrange(year, month)[1])
        return (reference - date(year, month, day)).days - 1, "month"
    if last == "days" and (count in COUNT_WORDS or count.isdigit()):
        n = COUNT_WORDS.get(count) or int(count)
        return n - 1, "day" if n <= 3 else "week"
    # "the past two weeks": 14 days, the reference's last
    if last == "weeks" and count in COUNT_WORDS:
        n = COUNT_WORDS[count]
        return 7 * n - 1, "week" if n <= 2 else "month"
    return _RECENT_SPAN[last]  # "the past few weeks", "the past two months"


_AFTER_PART_OF_DAY = re.compile(r"\s+(?:morning|afternoon|evening|night)\b")
_PARTS = {
    "early": (1, 10), "beginning": (1, 10), "start": (1, 10), "mid": (11, 20),
    "middle": (11, 20), "late": (21, 31), "end": (21, 31),
}  # fmt: skip
_DAY_OFFSET = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1, "last": -1, "this": 0}
_LOOKBACK = 24


def _day(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _month_range(y: int, m: int) -> tuple[date, date]:
    return date(y, m, 1), date(y, m, monthrange(y, m)[1])


def _before(pattern: re.Pattern[str], text: str, at: int) -> re.Match[str] | None:
    return pattern.search(text, max(0, at - _LOOKBACK), at)


def _weekday_on_or_before(ref: date, weekday: int) -> date:
    return ref - timedelta(days=(ref.weekday() - weekday) % 7)


def _latest_month(ref: date, month: int, *, strictly_before: bool = False) -> int:
    """Year of the most recent `month` whose first day is not after `ref`."""
    year = ref.year if month <= ref.month else ref.year - 1
    return year - 1 if strictly_before and year == ref.year and month == ref.month else year


def _latest_day(ref: date, month: int, day: int) -> date | None:
    for year in (ref.year, ref.year - 1):
        d = _day(year, month, day)
        if d is not None and d <= ref:
            return d
    return None


# a date that names a street, a square or a bridge ("April 7th Street", "the 8 March
# Square", "6th October Bridge") dates nothing
_NAMES_A_SITE = re.compile(
    r"\s+(?:Street|Square|Bridge|Road|Avenue|Roundabout|Stadium|Hospital|School|Park|Dam)\b"
)


class _Found:
    """Collects mentions; offsets are absolute."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.items: list[DateMention] = []

    def add(
        self, start: int, end: int, lo: date | None, hi: date | None, prec: DatePrecision
    ) -> None:
        if lo is not None and hi is not None and not _NAMES_A_SITE.match(self.text, end):
            self.items.append(DateMention(lo, hi, prec, start, end, self.text[start:end]))


def _with_weekday(text: str, start: int) -> int:
    """Extend a date back over a weekday prefix ("Wed 05 Apr 2017")."""
    m = _before(_BEFORE_WEEKDAY, text, start)
    return m.start() if m else start


def _month_anchor(found: _Found, m: re.Match[str], ref: date | None) -> None:
    text = found.text
    name = m.group().rstrip(".")
    month = MONTHS.get(name.lower())
    if month is None:
        return
    ms, me = m.start(), m.start() + len(name)
    full = name.lower() in _FULL
    if (a := _AFTER_DAY_YEAR.match(text, me)) is not None:
        d = _day(int(a.group(2)), month, int(a.group(1)))
        found.add(_with_weekday(text, ms), a.end(), d, d, "day")
        return
    year = _AFTER_YEAR.match(text, me)
    if (b := _before(_BEFORE_DAY, text, ms)) is not None and year is not None:
        d = _day(int(year.group(1)), month, int(b.group(1)))
        found.add(_with_weekday(text, b.start()), year.end(), d, d, "day")
        return
    # a part of the month before it: "early October", "the first week of July"
    part = _before(_BEFORE_PART, text, ms) if full else None
    week = _before(_BEFORE_WEEK_OF, text, ms) if full and part is None else None
    if (part or week) and (year is not None or ref is not None):
        y = int(year.group(1)) if year else _latest_month(ref, month)  # type: ignore[arg-type]
        last = monthrange(y, month)[1]
        end = year.end() if year else me
        if part is not None:
            key = next(w for w in part.group(1).lower().split() if w in _PARTS)
            lo, hi = _PARTS[key]
            found.add(part.start(), end, date(y, month, lo), date(y, month, min(hi, last)), "month")
        elif week is not None:
            nth = _NTH_WEEK.get(week.group(1).lower())
            first = 7 * nth - 6 if nth else last - 6  # "the last week of": its last seven days
            found.add(week.start(), end, date(y, month, first), date(y, month, first + 6), "week")
        return
    if year is not None:
        found.add(ms, year.end(), *_month_range(int(year.group(1)), month), "month")
        return
    if ref is None:
        return
    dotted = m.group().endswith(".")  # "Sept. 30", "Oct. 2"
    if b is not None:
        _day_of(found, b.start(), me, month, int(b.group(1)), ref)
    elif (full or dotted) and (a := _AFTER_DAY.match(text, me)) is not None:
        _day_of(found, ms, a.end(), month, int(a.group(1)), ref)
    elif full and (which := _MONTH_LAST_YEAR.match(text, me)) is not None:
        y = ref.year - (which.group(1).lower() == "last")
        found.add(ms, which.end(), *_month_range(y, month), "month")
    elif full and (prep := _before(_BEFORE_MONTH_ALONE, text, ms)) is not None:
        if (shared := _AND_MONTH_YEAR.match(text, me)) is not None:
            y = int(shared.group(1))  # "in April and June 2014"
        else:
            last = (prep.group(1) or "").lower() == "last"
            y = _latest_month(ref, month, strictly_before=last)
        found.add(ms, me, *_month_range(y, month), "month")


# "on Sept. 30 of last year", "May 5 this year": the day in the year named
_DAY_OF_YEAR = re.compile(r"\s+(?:of\s+)?(last|this)\s+year\b", re.I)


def _day_of(found: _Found, start: int, end: int, month: int, day: int, ref: date) -> None:
    """A day and month without a year: the latest such day up to the reference, or the one
    of the year "of last year" / "this year" after it names."""
    which = _DAY_OF_YEAR.match(found.text, end)
    if which is None:
        d = _latest_day(ref, month, day)
    else:
        d = _day(ref.year - (which.group(1).lower() == "last"), month, day)
        end = which.end()
    found.add(start, end, d, d, "day")


def _weekday_anchor(found: _Found, m: re.Match[str], ref: date) -> None:
    text = found.text
    name = m.group().rstrip("s’'").lower()
    if name not in WEEKDAYS or (m.start() and text[m.start() - 1].isalpha()):
        return
    wd = WEEKDAYS.index(name)
    start, end = m.start(), m.end()
    if (tail := _AFTER_PART_OF_DAY.match(text, end)) is not None:
        end = tail.end()
    d = _weekday_on_or_before(ref, wd)
    if (mod := _before(_BEFORE_MODIFIER, text, start)) is not None:
        start = mod.start()
        which = mod.group(1).lower()
        if which == "last" and d == ref:
            d -= timedelta(days=7)
        elif which == "next":
            d = ref + timedelta(days=(wd - ref.weekday() - 1) % 7 + 1)
    found.add(start, end, d, d, "day")


def _unit_anchor(found: _Found, m: re.Match[str], ref: date) -> None:
    text = found.text
    unit = m.group().split()[-1]
    if m.start() and text[m.start() - 1].isalpha():
        return
    if unit in ("week", "days"):
        if (b := _before(_BEFORE_WEEK, text, m.start())) is not None:
            if (
                b.group().lower().startswith("this")
                and "past" not in b.group().lower()
                and ref.weekday() != 0
            ):
                found.add(b.start(), m.end(), ref - timedelta(days=ref.weekday()), ref, "week")
            else:
                found.add(b.start(), m.end(), ref - timedelta(days=6), ref, "week")
    elif unit == "weekend":
        if (b := _before(_BEFORE_WEEKEND, text, m.start())) is not None:
            sat = _weekday_on_or_before(ref, 5)
            found.add(b.start(), m.end(), sat, sat + timedelta(days=1), "week")
    elif (b := _before(_BEFORE_PERIOD, text, m.start())) is not None:
        step = {"last": -1, "this": 0, "next": 1}[b.group(1).lower().split()[-1]]
        if unit == "year":
            y = ref.year + step
            found.add(b.start(), m.end(), date(y, 1, 1), date(y, 12, 31), "year")
        else:
            y, mo = divmod(ref.year * 12 + ref.month - 1 + step, 12)
            found.add(b.start(), m.end(), *_month_range(y, mo + 1), "month")


def _ago_anchor(found: _Found, m: re.Match[str], ref: date) -> None:
    n, unit = COUNT_WORDS.get(m.group(1).lower()) or int(m.group(1)), m.group(2).lower()
    if unit == "day":
        d = ref - timedelta(days=n)
        found.add(m.start(), m.end(), d, d, "day")
    elif unit == "week":
        d = ref - timedelta(days=7 * n)
        found.add(m.start(), m.end(), d, min(ref, d + timedelta(days=6)), "week")
    elif unit == "month":
        y, mo = divmod(ref.year * 12 + ref.month - 1 - n, 12)
        found.add(m.start(), m.end(), *_month_range(y, mo + 1), "month")
    else:
        y = ref.year - n
        found.add(m.start(), m.end(), date(y, 1, 1), date(y, 12, 31), "year")


def _numeric(found: _Found, m: re.Match[str]) -> None:
    if m.start() and found.text[m.start() - 1] in "0123456789.":
        return
    a, sep, b, c = m.group(1), m.group(2), m.group(3), m.group(4)
    if len(a) == 4 and sep == "-" and len(b) == 2 and len(c) == 2:
        d = _day(int(a), int(b), int(c))
    elif len(a) <= 2 and len(c) == 4 and c[:2] in ("19", "20"):
        # Day-month-year is every outlet's convention here; a middle field over 12 can
        # only be the day of a US month/day/year.
        day, month = int(a), int(b)
        if month > 12 >= day:
            day, month = month, day
        d = _day(int(c), month, day)
    else:
        return
    found.add(m.start(), m.end(), d, d, "day")


def absolute_dates(text: str) -> list[DateMention]:
    """Fully specified calendar dates (day or month precision); no reference needed."""
    found = _Found(text)
    for m in _MONTH.finditer(text):
        _month_anchor(found, m, None)
    for m in _NUMERIC.finditer(text):
        _numeric(found, m)
    return _non_overlapping(found.items)


def _non_overlapping(items: list[DateMention]) -> list[DateMention]:
    """Keep the longest match where candidates overlap (a full date beats its weekday)."""
    items.sort(key=lambda d: (d.start, -(d.end - d.start)))
    kept: list[DateMention] = []
    for item in items:
        if kept and item.start < kept[-1].end:
            continue
        kept.append(item)
    return kept


def _since(text: str, mention: DateMention, ref: date | None) -> DateMention:
    """'since Sunday' / 'since 2011' / 'since the war began in March 2011': from the
    anchor up to the reference."""
    if ref is None or mention.date_start > ref:
        return mention
    clause = (
        _SINCE_CLAUSE_BACK if _COUNTED_BACK.search(mention.surface) is not None else _SINCE_CLAUSE
    )
    lo = max(0, mention.start - 90)
    # "... civil war since March 2011. The U.N. in August said": a clause ends with its sentence
    lo = max((m.end() for m in _SENTENCE_END.finditer(text, lo, mention.start)), default=lo)
    if (
        _before(_SINCE, text, mention.start) is None
        and clause.search(text, lo, mention.start) is None
    ):
        return mention
    return DateMention(
        mention.date_start, ref, mention.precision, mention.start, mention.end, mention.surface
    )


def find_dates(text: str, *, reference: date | None) -> list[DateMention]:
    found = _Found(text)
    for m in _MONTH.finditer(text):
        _month_anchor(found, m, reference)
    for m in _NUMERIC.finditer(text):
        _numeric(found, m)
    for m in _YEAR.finditer(text):
        heading = (
            _before(_HEADING_YEAR, text, m.start()) is not None
            and _HEADING_ENTRY.match(text, m.end()) is not None
        )
        if heading or _before(_BEFORE_YEAR, text, m.start()) is not None:
            y = int(m.group())
            # "early 2011", "mid-2012", "late 2015": the year (docs/annotation.md §11)
            part = _before(_YEAR_PART, text, m.start())
            start = part.start() if part is not None else m.start()
            found.add(start, m.end(), date(y, 1, 1), date(y, 12, 31), "year")
    if reference is not None:
        for m in _RECENT.finditer(text):
            unit = " ".join((m.group(1) or m.group(2)).lower().split())
            days, precision = _recent_span(unit, reference)
            found.add(m.start(), m.end(), reference - timedelta(days=days), reference, precision)
        for m in _WEEKDAY.finditer(text):
            _weekday_anchor(found, m, reference)
        for m in _DAY_WORD.finditer(text):
            if m.start() and text[m.start() - 1].isalpha():
                continue
            key = m.group().lower().split()[0]
            start, offset = m.start(), _DAY_OFFSET[key]
            if key == "yesterday" and (b := _before(_BEFORE_DAY_BEFORE, text, start)):
                start, offset = b.start(), -2
            d = reference + timedelta(days=offset)
            found.add(start, m.end(), d, d, "day")
        for m in _OVERNIGHT.finditer(text):
            # "overnight" alone is last night (docs/annotation.md §11); "overnight Tuesday",
            # "yesterday overnight" are the day named beside it
            near = text[max(0, m.start() - 24) : m.end() + 24]
            if not _WEEKDAY.search(near) and not _DAY_WORD.search(near):
                d = reference - timedelta(days=1)
                found.add(m.start(), m.end(), d, d, "day")
        for m in _UNIT.finditer(text):
            _unit_anchor(found, m, reference)
        for m in _AGO.finditer(text):
            _ago_anchor(found, m, reference)
    items = [_shared_month(text, d) for d in _non_overlapping(found.items)]
    return [_since(text, d, reference) for d in _day_ranges(text, items)]


# what joins the two ends of a range of months or days: "from March 2011 to June 2016",
# "21-26 September"
_RANGE_GLUE = re.compile(r"\s+(?:and|to|through|till|until)\s+|\s*[-–]\s*", re.I)
# "between 21 and 26 of September", "21-26 September": the first day shares the month
_FIRST_DAY = re.compile(rf"(?<![\d.,])(\d{{1,2}})(?:st|nd|rd|th)?(?:{_RANGE_GLUE.pattern})$", re.I)
# "between September 21 and 26", "from September 21 to 26": the last day does
_LAST_DAY = re.compile(rf"(?:{_RANGE_GLUE.pattern})(\d{{1,2}})(?:st|nd|rd|th)?\b(?![\d.,])", re.I)


def _shared_month(text: str, d: DateMention) -> DateMention:
    """A day whose month another day shares, written once, is a range of days ("Between 21
    and 26 of September the Directorate reported"). After the month, "between" or "from"
    must open it: "September 21 and 26 people" is a day and a count."""
    if d.precision != "day" or d.date_start != d.date_end:
        return d
    first = _FIRST_DAY.search(text, max(0, d.start - 14), d.start)
    if first is not None and d.surface[:1].isdigit():
        day = int(first.group(1))
        if 1 <= day < d.date_start.day:
            start = d.date_start.replace(day=day)
            return DateMention(
                start, d.date_end, "day", first.start(), d.end, text[first.start() : d.end]
            )
    last = _LAST_DAY.match(text, d.end)
    if (
        last is not None
        and d.surface[:1].isalpha()
        and _RANGE_OPENS.search(text, max(0, d.start - 14), d.start)
        and d.date_start.day
        < int(last.group(1))
        <= monthrange(d.date_start.year, d.date_start.month)[1]
    ):
        end = d.date_start.replace(day=int(last.group(1)))
        return DateMention(
            d.date_start, end, "day", d.start, last.end(), text[d.start : last.end()]
        )
    return d


def _day_ranges(text: str, items: list[DateMention]) -> list[DateMention]:
    """Two days joined by "and"/"till" ("on Saturday and Sunday") are one range; so are
    two days further apart that "between" or "from" opens ("between September 30 2015 and
    March 15 2016"), and two months it opens ("from March 2011 to June 2016")."""
    out: list[DateMention] = []
    for d in items:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.precision == d.precision == "day"
            and 0 < (d.date_start - prev.date_end).days <= _range_reach(text, prev)
            and _DAY_RANGE_GLUE.fullmatch(text, prev.end, d.start) is not None
        ):
            out[-1] = DateMention(
                prev.date_start, d.date_end, "day", prev.start, d.end, text[prev.start : d.end]
            )
        elif (
            prev is not None
            and prev.precision == d.precision == "month"
            and prev.date_end < d.date_start
            and _RANGE_OPENS.search(text, max(0, prev.start - 14), prev.start)
            and _RANGE_GLUE.fullmatch(text, prev.end, d.start)
        ):  # "from March 2011 to June 2016", "between May 2011 and August 2013"
            out[-1] = DateMention(
                prev.date_start, d.date_end, "month", prev.start, d.end, text[prev.start : d.end]
            )
        else:
            out.append(d)
    return out
