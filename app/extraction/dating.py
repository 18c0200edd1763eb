"""The event date of each claim, and why (docs/annotation.md §5).

1. a date the claim states is its date (the most precise one; "since March 2011" and "the
   war which began in March 2011 has killed" are the range up to the reference day; a date
   only compared with, "the deadliest attack since 2011", dates nothing; one in an
   "after"/"following" clause hung on a present state dates the cause, not the state; one
   before what a speaker says, "X on Thursday said that", is the saying's);
2. a claim that goes on about the incident a dated claim reported ("the attack", "the
   toll", the same speaker going on) takes that incident's date; "at the time" goes back to
   the incident the text dated last; an incident dated to a month is one too while no other
   is told; "Meanwhile ... last night" opens an aside, after which the text may go back to
   a round-up it interrupted; a round-up's lead ("attacks on Sunday in a number of
   provinces") dates the incidents told after it elsewhere without a date; a present
   perfect deed told by the text ("has also killed", "have been displaced") is no detail
   of an incident, nor is a reaction ("is concerned about the attack", "this was
   horrific");
3. a claim about a present state ("remain trapped", "is besieged", "has suspended")
   is dated to the reference day;
4. anything else (background, another incident told without a date) has no date.

In a timeline, a bare date heading ("July 2011 Bashar al-Assad sacks ...") dates its entry
and the undated sentences after it, up to where the entry ends (a sentence opening a new
thread, "The conflict has left 320000 dead", is no part of it); a sentence told again (a timeline repeated without its
headings) keeps the date it got the first time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from app.extraction.date_words import (
    ACCOUNT,
    ALONGSIDE,
    ANOTHER_DEVELOPMENT,
    ANSWER,
    AT_THE_TIME,
    BACK,
    BACKGROUND_AGREEMENT,
    BACKGROUND_CLAUSE,
    CAME_AFTER,
    COMPARED,
    COUNT_WORDS,
    EARLIER_CLAUSE,
    FUTURE,
    HAS_DONE,
    HAS_TAKEN,
    HEADING,
    HEADING_YEAR,
    HEARSAY,
    IN_YEAR,
    INCIDENT_BACK,
    INQUIRY,
    METHOD,
    NAMES_EVENT,
    NEW_THREAD,
    NOT_HEADING,
    OLD_CLAUSE,
    ON_SINCE,
    PAST,
    PERFECT,
    PERFECT_EVENT,
    PERFECT_STATE,
    PRESENT,
    PRESENT_CUE,
    QUESTIONED,
    REACTION,
    RELATIVE_BEFORE,
    ROUND_UP,
    SINCE_THEN,
    SINCE_WAR,
    STANCE,
    STATE_OF_MIND,
    STATEMENT_DATE,
    STATEMENT_NAMED,
    STILL,
    SUPERLATIVE,
    VAGUE_ALONGSIDE,
    WAR_THAT_BEGAN,
    YEARS_LONG,
)
from app.extraction.types import MAX_EVENT_SPAN_DAYS, DateMention, Why

_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
WAR_START = date(2011, 3, 1)
_SINCE_THEN_REACH = 300  # characters before the claim its antecedent date may stand in
_NEW_THREAD_REACH = 120  # characters into what is said
# a date in the first words of a sentence opens a new incident ("On Saturday two women
# were among eight people killed..."); elsewhere a date dates its own claim only
_OPENING_DATE = 40
# a timeline entry runs a few short sentences after its heading; an undated sentence further
# on is no part of it (the timeline has ended, or this entry is told without a heading)
_ENTRY_REACH = 400
# a repeated entry may carry the caption before it ("<caption> Powerful Iran-backed ...")
_TOLD_TAIL = 60


def _stated(text: str, start: int, d: DateMention) -> bool:
    """Is d the day of a statement ("said on Tuesday that ...", "In a Sunday statement")?"""
    if STATEMENT_NAMED.match(text, d.end) is not None:
        return True
    return (
        STATEMENT_DATE.search(text, max(start, d.start - 40), d.start) is not None
        and NAMES_EVENT.match(text, d.end) is None
    )


# a date in a relative clause this long before the reference tells the history of what
# the clause describes, not the claim's event
_YEARS_AGO = 365
# a date written after these (within so many characters) is not the date of the claim's event
_NOT_ITS_DATE = (
    (COMPARED, 120),
    (BACKGROUND_CLAUSE, 90),
    (BACKGROUND_AGREEMENT, 90),
    (QUESTIONED, 80),
    (EARLIER_CLAUSE, 40),
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
        if (
            reference is not None
            and (reference - d.date_end).days > _YEARS_AGO
            and OLD_CLAUSE.search(text, max(start, d.start - 80), d.start)
        ):
            continue  # "the Opera House which was inaugurated by Assad in 2004": its history
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


def is_heading(text: str, d: DateMention, start: int = 0) -> bool:
    """Does d stand as a timeline heading at or after `start` ("2013 Jihadists expand")?"""
    return (
        start <= d.start
        and bool(HEADING_YEAR.search(d.surface))
        and HEADING.match(text, d.end) is not None
        and not NOT_HEADING.search(text, max(start, d.start - 12), d.start)
    )


def since_war(text: str, start: int, end: int, reference: date | None) -> DateMention | None:
    """ "since the war began": from the start of the war (March 2011) to the reference."""
    m = SINCE_WAR.search(text, start, end)
    if (
        m is None
        or reference is None
        or COMPARED.search(text, max(start, m.start() - 120), m.start() + 6)
    ):
        return None
    year = IN_YEAR.match(text, m.end(), end)
    if year is not None:  # "since the war began in 2011": from that year, as written
        began = date(int(year.group(1)), 1, 1)
        return DateMention(
            began, reference, "year", m.start(), year.end(), text[m.start() : year.end()]
        )
    return DateMention(WAR_START, reference, "month", m.start(), m.end(), m.group())


def _tense(text: str, start: int, end: int, content_from: int) -> str:
    """present | past | future | perfect | unknown: the first finite verb of the content
    decides ("have taken" is a present perfect only with no present verb beside it: "have
    entered and are advancing" is a present state; "have been killed" is a present perfect
    deed, not a state)."""
    present = PRESENT.search(text, content_from, end)
    deed = None  # "have been killed", "has been displaced"
    if present and present.group().lower() in PERFECT:
        deed = PERFECT_EVENT.match(text, present.end())
    if present and (deed or HEARSAY.match(text, present.end())):  # "is said to have died"
        perfect_at = present.start()
        present = PRESENT.search(text, present.end(), end)
    past = PAST.search(text, content_from, end)
    future = FUTURE.search(text, content_from, end)
    if deed and (past is None or past.start() < deed.end()):
        past = PAST.search(text, deed.end(), end)  # the participle is no past verb
        first = min((m.start() for m in (present, past, future) if m), default=end)
        if perfect_at < first:
            return "perfect"
    first = min((m.start() for m in (present, past) if m), default=end)
    if future and future.start() < first:
        return "future"
    perfect = HAS_DONE.search(text, content_from, end)
    if perfect and perfect.start() < first and present is None:
        return "perfect"
    if present and (past is None or present.start() < past.start()):
        return "present"
    if past:
        return "past"
    if PRESENT_CUE.search(text, start, content_from):  # "Al-Qaeda accuses BM of ..."
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
        # the day of a round-up's lead ("attacks on Sunday in a number of provinces"):
        # what is told elsewhere after it without a date is one of its incidents
        self.round_up: DateMention | None = None
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
        m = SINCE_THEN.search(self.text, start, end)
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
        m = WAR_THAT_BEGAN.search(self.text, start, end)
        if m is None or self.reference is None:
            return None
        began = next((d for d in self.dates if d.start == m.end()), None)
        if began is None or began.date_start > self.reference:
            return None
        taken = HAS_TAKEN.match(self.text, began.end, end)
        if taken is None:
            return None
        surface = self.text[began.start : taken.end()]
        return DateMention(
            began.date_start, self.reference, began.precision, began.start, taken.end(), surface
        )

    def _at_the_time(self, start: int, end: int) -> Dated | None:
        """ "At the time": the incident the last date before the claim dates becomes the one
        told about."""
        m = AT_THE_TIME.search(self.text, start, end)
        if m is None:
            return None
        before = [d for d in self.dates if start - _SINCE_THEN_REACH <= d.start and d.end <= start]
        if not before:
            return None
        self.incident, self.tentative = before[-1], False
        return self._inherited(before[-1], m.group())

    def _came_after(self, start: int, end: int) -> Dated | None:
        """ "The attack comes one week after a suicide bomber blew himself up at ...": the
        earlier incident the claim tells, counted back from the day of the incident gone on
        about."""
        m = CAME_AFTER.search(self.text, start, end)
        incident = self.incident
        if m is None or incident is None or incident.precision != "day":
            return None
        count, unit = m.group(1).lower(), m.group(2).lower()
        n = int(count) if count.isdigit() else COUNT_WORDS[count]
        day = incident.date_start - timedelta(days=n * (7 if unit.startswith("week") else 1))
        d = DateMention(day, day, "day", m.start(), m.end(), m.group())
        note = f"{m.group()} the incident dated by {incident.surface!r}"
        return Dated(d, Why("inherited", m.start(), m.end(), m.group(), note))

    def _elsewhere(self, incident: DateMention, where: frozenset[str]) -> Dated:
        """An event told elsewhere without a date: another incident, which the claims
        going on about it do not date either; the one it interrupts is kept to go back to."""
        self.left = (incident, self.where)
        self.incident, self.where = None, where
        return Dated(None, None)

    def _told_again(
        self, own: DateMention, stated: bool, content_from: int, end: int
    ) -> Dated | None:
        """ "In a statement late on Tuesday the Civil Defence confirmed that warplanes were
        behind the attacks that targeted the convoy": a later statement about the incident
        told before dates the statement; what it says happened keeps the incident's day."""
        incident = self.incident
        if not stated or incident is None or own.date_start <= incident.date_end:
            return None
        back = INCIDENT_BACK.search(self.text, max(content_from, own.end), end)
        return self._inherited(incident, back.group()) if back is not None else None

    def _years_long(self, start: int, end: int) -> bool:
        """Does the claim tell of years counted back from now ("has killed more than 280000
        people over the past five years")? Not in a clause about a noun ("Khaldiyeh which
        has been held by the terrorists over the past two years")."""
        m = YEARS_LONG.search(self.text, start, end)
        return m is not None and not RELATIVE_BEFORE.search(
            self.text, max(start, m.start() - 60), m.start()
        )

    @staticmethod
    def _today(reference: date, start: int) -> Dated:
        d = DateMention(reference, reference, "day", start, start, "")
        return Dated(d, Why("present", note="a present state: dated to the reference day"))

    def _inherited(self, d: DateMention, cue: str) -> Dated:
        return Dated(d, Why("inherited", d.start, d.end, cue or d.surface, _inherit_note(d)))

    def _heading(self, start: int, end: int) -> DateMention | None:
        """The date the claim opens with as a timeline heading ("2013 Jihadists expand")."""
        return next(
            (d for d in self.dates if d.end <= end and is_heading(self.text, d, start)), None
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
        on = ON_SINCE.match(text, own.end, end) if own is not None else None
        if on is not None and self.reference is not None and own.date_start <= self.reference:
            surface = text[own.start : on.end()]
            own = DateMention(
                own.date_start, self.reference, own.precision, own.start, on.end(), surface
            )
        if own is not None and (own.date_end - own.date_start).days > MAX_EVENT_SPAN_DAYS:
            own = None  # "since 1970": the background of a whole era, not an event's date
        if own is not None:
            # "On Tuesday the ministry said that ...": a date before what is said dates the saying
            stated = _stated(text, start, own) or own.end <= content_from
            told = self._told_again(own, stated, content_from, end)
            if told is not None:
                return told
            # "Meanwhile a source said an army unit destroyed last night a car bomb": a
            # sentence that says it tells another development opens a new incident
            aside = bool(ANOTHER_DEVELOPMENT.match(text, start))
            opening = own.start - start <= _OPENING_DATE or aside
            # an incident dated only to its month ("documented 270 killed during April")
            # is gone on about when none is told yet; it never replaces one of a day
            if (
                reports_event
                and not REACTION.search(text, start, end)  # "condemned Monday's attack"
                and not INQUIRY.search(text, own.end, end)  # "on Friday ... to investigate"
                and own.precision in ("day", "week", "month")
                and (own.date_end - own.date_start).days < (31 if own.precision == "month" else 7)
                and (
                    self.incident is None
                    or (own.precision != "month" and (self.tentative or (opening and not stated)))
                )
            ):
                # an aside keeps the incident it interrupts to go back to when the text
                # moves on elsewhere
                self.left = (self.incident, self.where) if aside and self.incident else None
                self.incident = own
                self.tentative = stated
                self.where = where
                if ROUND_UP.search(text, start, end) and own.precision == "day":
                    self.round_up = own
            elif (
                reports_event
                and self.incident is not None
                and self.incident.date_start == self.incident.date_end == own.date_start
                and own.date_end == self.reference
                and own.date_start < own.date_end
            ):
                # "at least 112 civilians have been killed since the rebel assault began on
                # Sunday": the incident's toll runs to today, and so do the parts of it told
                # after ("The deaths include 65 people")
                self.incident = own
            since = own.date_end != own.date_start and (
                on is not None
                or own == war
                or "since" in text[max(start, own.start - 8) : own.start + 6].lower()
            )
            rule = "since" if since else ("statement" if stated else "own")
            return Dated(own, Why(rule, own.start, own.end, own.surface))
        then = (
            self._since_then(start, end)
            or self._at_the_time(start, end)
            or self._came_after(start, end)
        )
        if then is not None:
            return then
        # a state that holds today ("has been under siege for two years", "talks have
        # stalled"): §5 rule 4, whatever duration it names
        state = PERFECT_STATE.search(text, content_from, end) is not None
        # a new thread opens where what is said begins; "for 3 years" further on is the
        # duration of something in a clause ("the airport, which has been surrounded...")
        fresh = NEW_THREAD.search(text, start, min(end, content_from + _NEW_THREAD_REACH))
        if (
            fresh is not None
            and not (state and self.reference is not None)
            and not SUPERLATIVE.search(text, max(start, fresh.start() - 60), fresh.start())
        ):
            return Dated(None, None)
        if self.heading is not None and start - self.heading.end > _ENTRY_REACH:
            self.heading = None  # the timeline has ended: the text goes on without headings
        if self.heading is not None:  # the rest of a timeline entry
            return self._inherited(self.heading, "the timeline heading")
        if METHOD.search(text, start, end) or self._years_long(start, end):
            # how a monitor works; a toll "over the past five years" (a duration, §5)
            return Dated(None, None)
        tense = "present" if state else _tense(text, start, end, content_from)
        back = BACK.search(text, start, end)
        if back is None and tense != "present":
            back = ALONGSIDE.search(text, start, end)
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
        reaction = REACTION.search(text, start, end)
        if (reaction and (back is None or STATE_OF_MIND.match(reaction.group()))) or STANCE.search(
            text, start, end
        ):
            # a reaction takes the day of the incident it names ("condemned the attack",
            # §11); one that names none ("expressed concern"), or a state of mind ("is
            # seriously concerned about the attack"), is not dated by it
            incident = None
        # the same speaker going on about a present state speaks of today
        going_on = continues_speaker and not (tense == "present" and self.reference is not None)
        elsewhere = bool(reports_event and where and self.where and where.isdisjoint(self.where))
        vague = back is None or back.group().lower() in VAGUE_ALONGSIDE
        if incident is not None and elsewhere and vague and tense not in ("present", "future"):
            if self.left is not None and not self.left[1]:
                # the aside is over: the text goes back to the incident it interrupted, a
                # round-up told in no one place ("army units killed terrorists on Tuesday")
                back_to, self.where = self.left
                self.incident, self.left = back_to, None
                return self._inherited(back_to, "")
            if self.round_up is not None:  # another of the round-up's incidents
                self.incident, self.where = self.round_up, where
                return self._inherited(self.round_up, "the round-up's day")
            return self._elsewhere(incident, where)  # "In Homs ...", "Meanwhile ... in Homs"
        if tense == "present" and self.reference is not None and STILL.search(text, start, end):
            # "The bodies of these terrorists are still with the Kurdish militants": a state
            # that holds today, whatever incident it goes back to
            return self._today(self.reference, start)
        if incident is not None and (going_on or back):
            cue = back.group() if back else "the same speaker"
            if back is not None and not vague and ALONGSIDE.fullmatch(back.group()):
                # "Earlier on the day ... in Damascus": the incident's day reaches there too
                self.where = self.where | where
            return self._inherited(incident, cue)
        if self.reference is not None and tense == "present":
            return self._today(self.reference, start)
        answers = ANSWER.search(text, start, end) is not None
        account = ACCOUNT.search(text, start, end)
        if (
            incident is not None
            and (reports_event or answers)
            and tense not in ("present", "future")
            # a present perfect deed ("has caused", "have brokered a series of deals") tells
            # no day and is no detail of the incident, even one of the reference day
            # (docs/annotation.md §11); a state in it ("has been besieged") is dated above
            and not (tense == "perfect" and account is None)
        ):
            return self._inherited(incident, "")
        if incident is not None and account is not None and tense not in ("present", "future"):
            return self._inherited(incident, account.group())  # an account of it
        return Dated(None, None)
