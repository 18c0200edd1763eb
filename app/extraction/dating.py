"""The event date of each claim, and why (docs/annotation.md §5).

1. a date the claim states is its date (the most precise one; "since March 2011" and "the
   war which began in March 2011 has killed" are the range up to the reference day; a date only compared with, "the deadliest attack since
   2011", dates nothing);
2. a claim that goes on about the incident a dated claim reported ("the attack", "the
   toll", the same speaker going on) takes that incident's date; "at the time" goes back to
   the incident the text dated last;
3. a claim about a present state ("remain trapped", "is besieged", "has suspended")
   is dated to the reference day;
4. anything else (background, another incident told without a date) has no date.

In a timeline, a bare date heading ("July 2011 Bashar al-Assad sacks ...") dates its entry
and the undated sentences after it; a sentence told again (a timeline repeated without its
headings) keeps the date it got the first time.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from app.extraction.types import MAX_EVENT_SPAN_DAYS, DateMention, Why

_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
# "the deadliest attack since 2011": the date is a yardstick, not the event's
_COMPARED = re.compile(
    r"\b(?:first|largest|biggest|deadliest|worst|heaviest|highest|lowest|most \w+|fiercest"
    r"|bloodiest|strongest|longest|latest|only|(?<!at )least|ever)\b[^.;]{0,80}\bsince\b[^.;]{0,60}$",
    re.I,
)
_SINCE_WAR = re.compile(
    r"\bsince\s+(?:the\s+)?(?:(?:start|beginning|outbreak|onset)\s+of\s+(?:the\s+)?(?:Syrian\s+|"
    r"Syrias\s+|countrys\s+|six-year\s+|\w+\s+)?(?:war|conflict|uprising|crisis|revolt|revolution)"
    r"|(?:the\s+)?(?:Syrian\s+|Syrias\s+|Syria['’]s\s+)?(?:war|conflict|uprising|crisis|revolt|"
    r"revolution)\s+"
    r"(?:began|started|erupted|broke out))",
    re.I,
)
WAR_START = date(2011, 3, 1)
_IN_YEAR = re.compile(r"\s+in\s+((?:19|20)\d\d)\b")
# "said on Tuesday": the day of a statement, which dates an incident only when nothing else
# has (docs/annotation.md §5 rule 2)
_STATEMENT_DATE = re.compile(
    r"\b(?:said|says|told|tells|reported|announced|added|stated|confirmed|denied|claimed|"
    r"warned|statement|briefing|tweeted|wrote)\s+(?:\w+\s+){0,3}?(?:on\s+|late\s+|early\s+)?$",
    re.I,
)
# "said the late Monday strike", "said Monday's attack killed": the date names the event
# that follows it, not the day of the statement
_NAMES_EVENT = re.compile(
    r"(?:['’]?s)?\s+(?:\w+\s+)?(?:air\s*strikes?|strikes?|attacks?|raids?|bombings?|blasts?|"
    r"explosions?|shelling|massacre|assault|offensive|ambush|clashes)\b",
    re.I,
)


def _stated(text: str, start: int, d: DateMention) -> bool:
    """Is d the day of a statement ("said on Tuesday that ...")?"""
    return (
        _STATEMENT_DATE.search(text, max(start, d.start - 40), d.start) is not None
        and _NAMES_EVENT.match(text, d.end) is None
    )


# a date in a relative clause about something else: "the ceasefire that came into force
# on September 12", "the coalition which launched an air war last September"
_BACKGROUND_CLAUSE = re.compile(
    r"\b(?:a|an|the|its|their)\s+(?:[\w.-]+\s+){0,4}?(?:ceasefire|truce|deal|agreement|"
    r"coalition|war|campaign|offensive|resolution|talks|conflict|uprising|revolt|protests?)\s+"
    r"(?:that|which)\s+(?:[\w-]+\s+){0,8}?(?:(?:on|in|since|last)\s+(?:the\s+)?"
    r"(?:(?:evening|morning|night|afternoon|early hours|eve)\s+of\s+)?)?$",
    re.I,
)
# "zones under a deal brokered by Russia in May", "despite the ceasefire announced on July
# 22": the date of the agreement, not of the claim's event (docs/annotation.md §5 rule 1)
_BACKGROUND_AGREEMENT = re.compile(
    r"\b(?:a|an|the|its|their)\s+(?:[\w.-]+\s+){0,4}?(?:ceasefire|truce|deal|agreement|"
    r"resolution|talks)\s+(?:brokered|announced|signed|agreed|reached|declared|passed|adopted|"
    r"struck)\s+(?:[\w-]+\s+){0,8}?(?:(?:on|in|last)\s+(?:the\s+)?)?$",
    re.I,
)
# "Kurdish groups which had in 2013 declared autonomy": a relative clause in the past
# perfect tells what came before the claim's event
_EARLIER_CLAUSE = re.compile(
    r"\b(?:which|who|that)\s+had\s+(?:\w+\s+){0,2}?(?:in|on|since)\s+$", re.I
)
# "opened an investigation into whether its strikes last week killed civilians": the date
# of what is in question, not of the claim's event
_QUESTIONED = re.compile(r"\bwhether\b[^.;]*$", re.I)
# "Since then more than 250,000 have been killed", "groups have since called for": from the
# date the sentence before gave
_SINCE_THEN = re.compile(r"\bsince then\b|\b(?:have|has|had)\s+since\b", re.I)
_SINCE_THEN_REACH = 300  # characters before the claim its antecedent date may stand in
# "U.S. officials said at the time that ...", "at the time of the attack": the time of the
# incident the text dated last, which the claims after it go on about
_AT_THE_TIME = re.compile(r"\bat the time\b(?!\s+of\s+writing)", re.I)
# "broke out in 2011 and has since claimed 200,000 lives", "from 10 June to date": what the
# claim counts runs from its date to the reference
_ON_SINCE = re.compile(
    r"(?:\s*\([^()]{0,80}\))?\s+(?:\w+\s+){0,8}?(?:and\s+)?(?:(?:has|have|had)\s+since|"
    r"(?:to date|until now|till now)\b)",
    re.I,
)
# "The war which started in March 2011 (...) has killed 200000": the toll of the whole war,
# from its start to the reference, like "since the war began"
_WAR_THAT_BEGAN = re.compile(
    r"\b(?:war|conflict|uprising|crisis|revolt|revolution)\b[^.;]{0,30}?\b(?:which|that)\s+"
    r"(?:first\s+)?(?:started|began|erupted|broke out)\s+(?:in\s+)?",
    re.I,
)
_HAS_TAKEN = re.compile(
    r"[^.;]{0,120}?\b(?:has|have)\s+(?:\w+\s+)?(?:killed|claimed|left|caused|displaced|cost|"
    r"forced|uprooted)\b",
    re.I,
)
# A reaction to an incident ("condemned the attack", "denied it") happened some other time,
# which an undated sentence does not tell (docs/annotation.md §5)
_REACTION = re.compile(
    r"\b(?:condemn(?:ed|s|ing)?|denounc(?:ed|es|ing)|horrified|outrage|with concern)\b", re.I
)
# A stance taken on an incident (a rejection, dismay) is dated by its own words or not at
# all: it is no detail of the incident it is about. An accusation does take the incident's
# day: whom it blames links it to the incident and to the denial answering it (issue 13);
# one told in the present perfect ("The US has accused the regime of being behind the
# attack", "an official has denied the attack") is a standing position, not that day's
_STANCE = re.compile(
    r"\b(?:reject(?:ed|s|ing)|dismay|looking into)\b"
    r"|\b(?:has|have)\s+(?:also\s+|long\s+|repeatedly\s+)?(?:accused|denied)\b",
    re.I,
)
# Words that point back to an incident already told (one more word may qualify the noun:
# "these heinous actions", "the Boukamal strike")
_BACK = re.compile(
    r"\b(?:the|this|that|these|those|its|their|some)\s+(?:(?:deadly|latest|suspected|alleged|twin|"
    r"double|suicide|chemical|gas|car|truck|bomb|terrorist|air|aerial|same|initial|"
    r"reported)\s+)*(?:(?!(?:the|a|an|this|that|these|those|its|their)\b)[a-z][\w-]*\s+)?(?:attacks?|bombings?|blasts?|explosions?|strikes?|airstrikes?|raids?|"
    r"massacre|toll|death toll|incident|assault|shelling|bombardment|killings?|victims|dead|"
    r"wounded|injured|casualties|bombers?|attackers?|explosives?|convoy|operation|offensive|"
    r"battle|clashes|fighting|ambush|siege|evacuation|deaths|carnage|tragedy|fatalities|"
    r"bodies|corpses|scene|wreckage|actions?|crimes?|atrocit(?:y|ies)|aggression)\b"
    r"|\b(?:a|the|gave a|put the)\s+(?:new\s+|higher\s+|final\s+)?(?:death\s+)?toll\b"
    r"|\b(?:adding|added)\b",
    re.I,
)
# Told as happening alongside the incident, or answering it: the incident's day, unless
# what is told stands now ("Meantime, a food convoy is making its way to West Aleppo")
_ALONGSIDE = re.compile(
    r"\b(?:meanwhile|meantime|at the same time|in response|(?:later|earlier) (?:in|on) the day|"
    r"(?:later|earlier) that day|the same day|hours (?:later|earlier))\b",
    re.I,
)
# "Meanwhile" ties no time: told elsewhere, what follows is another incident; "the same
# day", "hours later" do tie it to the incident's day
_VAGUE_ALONGSIDE = ("meanwhile", "meantime")
# Words that open a new thread: what follows is not the incident just told
_NEW_THREAD = re.compile(
    r"\b(?:previously|elsewhere|in the past|last year|once|regularly|repeatedly|frequently|often|usually|"
    r"recently|have long|has long|in a separate|in another|for (?:the )?(?:(?:more than|over|"
    r"nearly|almost|about|some|the past|the last)\s+)?(?:\w+\s+)?(?:years|months|decades|"
    r"a decade|weeks|a week|a year|a month)|(?:result of|during|throughout|over the course of)"
    r"\s+the\s+(?:\w+-year\s+)?(?:war|conflict|crisis|civil war)"
    r"|the\s+(?:\w+-year\s+)?(?:war|conflict|crisis)\s+(?:has|have|had)\b"
    r"|toll\s+(?:from|of|in)\s+the\s+(?:\w+-year(?:-old)?\s+)?(?:civil\s+)?(?:war|conflict|crisis)"
    # "in Syria's three-year war", "a month of infighting": a whole duration, no date
    r"|\w+-year(?:-old)?\s+(?:civil\s+)?(?:war|conflict|crisis)"
    r"|(?:a|one|two|three|four|five|six|several)\s+(?:months?|years?)\s+of\s+(?:fighting|"
    r"infighting|war|clashes|conflict|siege|bombardment)"
    r")\b",
    re.I,
)
# "The Observatory relies on a network of sources ... and says it determines whose planes
# carry out raids": how a source works, a general statement tied to no time (§5 rule 5);
# not in a relative clause about the speaker ("The Observatory, which relies on ...")
_METHOD = re.compile(r"(?<!which )(?<!who )\b(?:relies|rely) on\b|\bdetermines\b", re.I)
# "the deadliest in the city for years": a yardstick, not another thread
_SUPERLATIVE = re.compile(
    r"\b(?:first|largest|biggest|deadliest|worst|heaviest|bloodiest|fiercest|most \w+)\b"
    r"[^.;]*$",
    re.I,
)
_NEW_THREAD_REACH = 120  # characters into what is said
# a date in the first words of a sentence opens a new incident ("On Saturday two women
# were among eight people killed..."); elsewhere a date dates its own claim only
_OPENING_DATE = 40
# "July 2011 Bashar al-Assad sacks the governor ...": a timeline's heading, a date with its
# year standing bare before the entry it dates (no "in", no "on"); the sentences of the
# entry after it are told at that date (a caption without a full stop may run into the
# heading: "... as anti-terror bulwark April 2013 Powerful Iran-backed ...")
_HEADING = re.compile(r"\s+[A-Z]")
_HEADING_YEAR = re.compile(r"\b(?:19|20)\d\d$")
_NOT_HEADING = re.compile(
    r"\b(?:in|on|of|since|until|till|from|by|before|after|during|to|and|or|between|through"
    r"|throughout|early|late|mid|the|at|than|as of)\s+$",
    re.I,
)
# a repeated entry may carry the caption before it ("<caption> Powerful Iran-backed ...")
_TOLD_TAIL = 60
_PRESENT = re.compile(
    r"(?<!-)\b(?:is|are|remains?|continues?|controls?|holds?|lives?|faces?|needs?|lacks?|comes|"
    r"coincides?|considers?|includes?|houses|lies|sits|seeks?|wants?|plans?|aims?|hopes?|"
    r"fears?|accuses?|denies|deny|demands|insists|rejects|supports|backs|opposes|bears|says|"
    r"has been|have been|is being|are being|makes|means|now(?!\s+that))\b",
    re.I,
)
# a speech verb in the present before what was said: the statement stands today
_PRESENT_CUE = re.compile(
    r"\b(?:says|say|accuses|accuse|warns|warn|insists|insist|denies|deny|believes|believe|"
    r"argues|argue|maintains|maintain|fears|fear|estimates|estimate)\b",
    re.I,
)
# "is said to have died", "are believed to have fled": a past event, reported now
_HEARSAY = re.compile(
    r"\s+(?:said|believed|reported|thought|understood|alleged|estimated|feared|known|"
    r"presumed|suspected)\s+to\s+have\b",
    re.I,
)
# "have been killed", "has been destroyed": an event told in the present perfect, which
# dates nothing by itself (a state, "has been besieged", stands at the reference day)
_PERFECT_EVENT = re.compile(
    r"\s+(?:\w+\s+)?(?:killed|wounded|injured|executed|destroyed|damaged|hit|targeted|"
    r"struck|bombed|shelled|attacked|kidnapped|abducted|arrested|detained|captured|"
    r"displaced|evacuated|launched|carried out|reported|recorded|documented)\b",
    re.I,
)
_PERFECT = ("has been", "have been")
# "the situation will get worse": a prediction happens at no date yet
_FUTURE = re.compile(r"\b(?:will|shall|won't|wont)\b", re.I)
_PAST = re.compile(
    r"(?<!-)\b(?:was|were|had|did|took|fled|fought|struck|left|came|began|broke|shot|led|held|"
    r"drove|fell|rose|went|gave|made|saw|killed|wounded|injured|died|seized|captured|"
    r"launched|attacked|hit|bombed|shelled|targeted|carried|caused|destroyed|damaged|fired|"
    r"dropped|stormed)\b",
    re.I,
)


# a date written after these (within so many characters) is not the date of the claim's event
_NOT_ITS_DATE = (
    (_COMPARED, 120),
    (_BACKGROUND_CLAUSE, 90),
    (_BACKGROUND_AGREEMENT, 90),
    (_QUESTIONED, 80),
    (_EARLIER_CLAUSE, 40),
)


@dataclass(frozen=True, slots=True)
class Dated:
    date: DateMention | None
    why: Why | None


def _own(
    text: str, start: int, end: int, dates: Sequence[DateMention], reference: date | None
) -> DateMention | None:
    found = []
    for d in dates:
        if not (start <= d.start and d.end <= end):
            continue
        if any(r.search(text, max(start, d.start - reach), d.start) for r, reach in _NOT_ITS_DATE):
            continue
        found.append(d)
    if not found:
        return None
    # the day a statement was made dates the claim only when the event has no date of its
    # own ("HRW said Tuesday that ... a March 16 airstrike killed dozens": March 16)
    return min(
        found,
        key=lambda d: (
            _stated(text, start, d),
            _PRECISION_RANK[d.precision],
            d.date_end - d.date_start,  # "in the last 24 hours ... on Monday": Monday
            d.start,
        ),
    )


def since_war(text: str, start: int, end: int, reference: date | None) -> DateMention | None:
    """ "since the war began": from the start of the war (March 2011) to the reference."""
    m = _SINCE_WAR.search(text, start, end)
    if (
        m is None
        or reference is None
        or _COMPARED.search(text, max(start, m.start() - 120), m.start() + 6)
    ):
        return None
    year = _IN_YEAR.match(text, m.end(), end)
    if year is not None:  # "since the war began in 2011": from that year, as written
        began = date(int(year.group(1)), 1, 1)
        return DateMention(
            began, reference, "year", m.start(), year.end(), text[m.start() : year.end()]
        )
    return DateMention(WAR_START, reference, "month", m.start(), m.end(), m.group())


def _tense(text: str, start: int, end: int, content_from: int) -> str:
    """present | past | future | unknown: the first finite verb of the content decides."""
    present = _PRESENT.search(text, content_from, end)
    if present and (
        _HEARSAY.match(text, present.end())  # "is said to have died": past
        or (present.group().lower() in _PERFECT and _PERFECT_EVENT.match(text, present.end()))
    ):
        present = _PRESENT.search(text, present.end(), end)
    past = _PAST.search(text, content_from, end)
    future = _FUTURE.search(text, content_from, end)
    first = min((m.start() for m in (present, past) if m), default=end)
    if future and future.start() < first:
        return "future"
    if present and (past is None or present.start() < past.start()):
        return "present"
    if past:
        return "past"
    if _PRESENT_CUE.search(text, start, content_from):  # "Al-Qaeda accuses BM of ..."
        return "present"
    return "unknown"


def _inherit_note(d: DateMention) -> str:
    return f"goes on about the incident dated by {d.surface!r}"


class Dater:
    """Dates the claims of one article in text order (it remembers the last incident)."""

    def __init__(
        self,
        text: str,
        dates: Sequence[DateMention],
        reference: date | None,
        first_incident: DateMention | None = None,
    ) -> None:
        self.text = text
        self.dates = dates
        self.reference = reference
        # the date of the incident told last; before the first one is dated, the first
        # (a standfirst or lede often tells the incident that the next sentence dates)
        self.incident: DateMention | None = first_incident
        # taken from further on, or from the day a statement was made: the first incident
        # the article itself dates replaces it
        self.tentative = first_incident is not None
        # the governorates where the incident was told to happen (empty: not known)
        self.where: frozenset[str] = frozenset()
        # the incident an event told elsewhere interrupted, and where it happened: the text
        # may come back to it ("In Aleppo ..." after an aside on Homs)
        self.left: tuple[DateMention, frozenset[str]] | None = None
        # the heading of the timeline entry being read, if any
        self.heading: DateMention | None = None
        # what each claim said (without its heading) and the date it got: a page that
        # repeats a timeline without its headings tells the same events again
        self.told: dict[str, Dated] = {}

    def own(self, start: int, end: int) -> DateMention | None:
        """The date text[start:end] states for itself, if any."""
        return _own(self.text, start, end, self.dates, self.reference)

    def _since_then(self, start: int, end: int) -> Dated | None:
        """ "Since then ...": from the last date written just before the claim (else the
        incident's, "have since called for investigations into the attack") to the
        reference day."""
        m = _SINCE_THEN.search(self.text, start, end)
        if m is None or self.reference is None:
            return None
        before = [d for d in self.dates if start - _SINCE_THEN_REACH <= d.start and d.end <= start]
        then = before[-1] if before else self.incident
        if then is None or then.date_start > self.reference:
            return None
        d = DateMention(
            then.date_start, self.reference, then.precision, m.start(), m.end(), m.group()
        )
        return Dated(d, Why("since", m.start(), m.end(), m.group(), f"since {then.surface!r}"))

    def _war_toll(self, start: int, end: int) -> DateMention | None:
        """ "The war which began in March 2011 has killed ...": from its start to the
        reference."""
        m = _WAR_THAT_BEGAN.search(self.text, start, end)
        if m is None or self.reference is None:
            return None
        began = next((d for d in self.dates if d.start == m.end()), None)
        if began is None or began.date_start > self.reference:
            return None
        taken = _HAS_TAKEN.match(self.text, began.end, end)
        if taken is None:
            return None
        surface = self.text[began.start : taken.end()]
        return DateMention(
            began.date_start, self.reference, began.precision, began.start, taken.end(), surface
        )

    def _at_the_time(self, start: int, end: int) -> Dated | None:
        """ "At the time": the incident the last date before the claim dates becomes the one
        told about."""
        m = _AT_THE_TIME.search(self.text, start, end)
        if m is None:
            return None
        before = [d for d in self.dates if start - _SINCE_THEN_REACH <= d.start and d.end <= start]
        if not before:
            return None
        self.incident, self.tentative = before[-1], False
        return self._inherited(before[-1], m.group())

    def _elsewhere(self, incident: DateMention, where: frozenset[str]) -> Dated:
        """An event told elsewhere without a date: another incident, which the claims
        going on about it do not date either; the one it interrupts is kept to go back to."""
        self.left = (incident, self.where)
        self.incident, self.where = None, where
        return Dated(None, None)

    def _inherited(self, d: DateMention, cue: str) -> Dated:
        return Dated(d, Why("inherited", d.start, d.end, cue or d.surface, _inherit_note(d)))

    def _heading(self, start: int, end: int) -> DateMention | None:
        """The date the claim opens with as a timeline heading ("2013 Jihadists expand")."""
        return next(
            (
                d
                for d in self.dates
                if start <= d.start
                and d.end <= end
                and _HEADING_YEAR.search(d.surface)
                and _HEADING.match(self.text, d.end)
                and not _NOT_HEADING.search(self.text, max(start, d.start - 12), d.start)
            ),
            None,
        )

    def date(
        self,
        start: int,
        end: int,
        *,
        content_from: int,
        continues_speaker: bool,
        reports_event: bool,
        where: frozenset[str] = frozenset(),
    ) -> Dated:
        """`where`: the governorates the claim names (an event told elsewhere than the
        incident, with nothing pointing back to it, is another incident)."""
        heading = self._heading(start, end)
        said = self.text[heading.end if heading else start : end].strip()
        before = self.told.get(said) or next(
            (v for k, v in self.told.items() if len(k) >= _TOLD_TAIL and said.endswith(k)), None
        )
        if heading is None and before is not None and before.date is not None:
            d = before.date
            why = Why("inherited", d.start, d.end, d.surface, "told before: " + _inherit_note(d))
            return Dated(d, why)
        if heading is not None:  # the entry is what follows its heading
            self.heading = heading
            start, content_from = heading.end, max(content_from, heading.end)
        dated = self._date(
            start,
            end,
            content_from=content_from,
            continues_speaker=continues_speaker,
            reports_event=reports_event,
            where=where,
        )
        self.told.setdefault(said, dated)
        return dated

    def _date(
        self,
        start: int,
        end: int,
        *,
        content_from: int,
        continues_speaker: bool,
        reports_event: bool,
        where: frozenset[str],
    ) -> Dated:
        text = self.text
        own = _own(text, start, end, self.dates, self.reference)
        war = since_war(text, start, end, self.reference) or self._war_toll(start, end)
        if war is not None and (own is None or own.start >= war.start):
            own = war
        on = _ON_SINCE.match(text, own.end, end) if own is not None else None
        if on is not None and self.reference is not None and own.date_start <= self.reference:
            surface = text[own.start : on.end()]
            own = DateMention(
                own.date_start, self.reference, own.precision, own.start, on.end(), surface
            )
        if own is not None and (own.date_end - own.date_start).days > MAX_EVENT_SPAN_DAYS:
            own = None  # "since 1970": the background of a whole era, not an event's date
        if own is not None:
            stated = _stated(text, start, own)
            opening = own.start - start <= _OPENING_DATE
            if (
                reports_event
                and not _REACTION.search(text, start, end)  # "condemned Monday's attack"
                and own.precision in ("day", "week")
                and (own.date_end - own.date_start).days < 7
                and (self.incident is None or self.tentative or (opening and not stated))
            ):
                self.incident = own
                self.tentative = stated
                self.where = where
                self.left = None
            since = own.date_end != own.date_start and (
                on is not None
                or own == war
                or "since" in text[max(start, own.start - 8) : own.start + 6].lower()
            )
            rule = "since" if since else ("statement" if stated else "own")
            return Dated(own, Why(rule, own.start, own.end, own.surface))
        if self.heading is not None:  # the rest of a timeline entry
            return self._inherited(self.heading, "the timeline heading")
        then = self._since_then(start, end) or self._at_the_time(start, end)
        if then is not None:
            return then
        # a new thread opens where what is said begins; "for 3 years" further on is the
        # duration of something in a clause ("the airport, which has been surrounded...")
        fresh = _NEW_THREAD.search(text, start, min(end, content_from + _NEW_THREAD_REACH))
        if fresh is not None and not _SUPERLATIVE.search(
            text, max(start, fresh.start() - 60), fresh.start()
        ):
            return Dated(None, None)
        if _METHOD.search(text, start, end):
            return Dated(None, None)
        tense = _tense(text, start, end, content_from)
        back = _BACK.search(text, start, end)
        if back is None and tense != "present":
            back = _ALONGSIDE.search(text, start, end)
        if (
            self.left is not None
            and reports_event
            and tense not in ("present", "future")
            and where
            and not where.isdisjoint(self.left[1])
        ):
            self.incident, self.where = self.left  # an event back where it happened
            self.left = None
        incident = self.incident
        if _REACTION.search(text, start, end) or _STANCE.search(text, start, end):
            incident = None
        # the same speaker going on about a present state speaks of today
        going_on = continues_speaker and not (tense == "present" and self.reference is not None)
        elsewhere = bool(reports_event and where and self.where and where.isdisjoint(self.where))
        vague = back is None or back.group().lower() in _VAGUE_ALONGSIDE
        if incident is not None and elsewhere and vague and tense not in ("present", "future"):
            return self._elsewhere(incident, where)  # "In Homs ...", "Meanwhile ... in Homs"
        if incident is not None and (going_on or back):
            cue = back.group() if back else "the same speaker"
            if back is not None and not vague and _ALONGSIDE.fullmatch(back.group()):
                # "Earlier on the day ... in Damascus": the incident's day reaches there too
                self.where = self.where | where
            return self._inherited(incident, cue)
        if self.reference is not None and tense == "present":
            r = self.reference
            d = DateMention(r, r, "day", start, start, "")
            return Dated(d, Why("present", note="a present state: dated to the reference day"))
        if incident is not None and reports_event and tense not in ("present", "future"):
            return self._inherited(incident, "")
        return Dated(None, None)
