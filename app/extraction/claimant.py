"""The claimant of a claim: who asserts what one unit of a sentence says.

The attribution of the unit is read first (outside any quotation it holds; "and says"
after a sentence's subject; a medium citing someone passes on to the one it cites), then
resolved: a quotation's speaker, "he"/"it"/"the source" to the speaker they refer to, a
description ("the group") to the speaker just heard, a phrase to an actor
(:func:`app.extraction.speakers.resolve`); Why("none") when nobody is named, which the
caller gives to the outlet. :class:`Context` carries what an article's claims are read
against, and who spoke last.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from app.extraction.attribution import Attribution, coordinated, find_attribution
from app.extraction.clauses import RELATIVE_DENIAL
from app.extraction.segment import quotations
from app.extraction.speakers import describes, medium_then_name, name_start, resolve
from app.extraction.types import ActorMention, PlaceMention, QuantityMention, Why

_PRONOUN = re.compile(
    r"^(?:he|she|they|it|we|the (?:same )?(?:source|sources|statement|spokesman|"
    r"spokeswoman|official|officials|report))$",
    re.I,
)
# a quotation ending its sentence: '... people." The U.S. said' (the next words are not its
# attribution), unlike '... people" he said'
_CLOSES_SENTENCE = re.compile(r"[.!?][\"”]\s+[A-Z\"“]")
# "he said" is the last person who spoke, never a government or a state, nor a person
# the article only talks about
_PERSONAL = re.compile(r"(?:he|she)$", re.I)
# "Another five civilians were killed", "And 313 people died": the count goes on
_MORE = re.compile(
    r"(?:Another|A further|And)\s+(?:\w+\s+)?(?:[\d,]+|one|two|three|four|five|six|seven|eight|nine|ten)\b"
)
_REPORTER_AFTER = re.compile(
    r"\s+(?:correspondents?|photographers?|reporters?|journalists?|cameram[ae]n)\b", re.I
)
_PLURAL = re.compile(r"\b[a-z]+[^su]s$")  # "medical sources", "activists"
# "X is believed to", "are thought to": the outlet's own claim, hedged (not hearsay)
_OWN_HEDGE = re.compile(r"\b(?:believed|thought|understood|said(?=\s+to\b))\b", re.I)
_SPEAKING = ("person", "monitor", "media", "international_org", "government", "state")
# ", on Monday citing", " quoting": a medium about to name the one it passes on
CITES = r"(?:\s+(?:on\s+)?[A-Z]\w+day)?\s*,?\s+(?:citing|quoting)"
# "SANA reported citing a source at the Police Command": the medium passes on what the one it
# cites said, who is the speaker (docs/annotation.md §3, the speaker, not the channel)
_CITING = re.compile(
    rf"{CITES}\s+(?!(?:an?\s+|the\s+|its\s+)?(?:figures?|reports?|data|statistics|victims)\b)"
)
_CITED_END = re.compile(r"[.,;:\"“”]|\s+(?:that|who|which|as|and|saying|adding)\b")
_MEDIA_HEAD = re.compile(
    r"\b(?:media|agency|television|tv|channel|broadcaster|newspaper|reporter|correspondent)$",
    re.I,
)


@dataclass(slots=True)
class Voice:
    """The speaker of the last claim, for "he said", "the source added" and quotes."""

    actor: ActorMention | None
    text: str | None
    why: Why


@dataclass(frozen=True, slots=True)
class Unit:
    start: int
    end: int
    paragraph: int
    sentence: int  # where the sentence the unit was cut from starts


class Context:
    """Everything one article's claims are read against."""

    def __init__(
        self,
        text: str,
        actors: Sequence[ActorMention],
        places: Sequence[PlaceMention],
        quantities: Sequence[QuantityMention],
    ) -> None:
        self.text = text
        self.actors = sorted(actors, key=lambda a: a.start)
        self.starts = [a.start for a in self.actors]
        self.places = places
        self.quantities = quantities
        self.quotes = quotations(text)
        # persons named so far, the registry's and the ones found as speakers
        self.people: list[ActorMention] = [a for a in self.actors if a.kind == "person"]
        # the last "source" that spoke ("a military source told SANA"), for "the source"
        self.source: tuple[ActorMention | None, str] | None = None
        # the last person who spoke, for "he said" further on; the last organisation, for
        # "it said" after its spokesman
        self.person_spoke: ActorMention | None = None
        self.body_spoke: ActorMention | None = None

    def actors_in(self, start: int, end: int) -> list[ActorMention]:
        at = bisect_left(self.starts, start)
        out = []
        for a in self.actors[at:]:
            if a.start >= end:
                break
            if a.end <= end:
                out.append(a)
        return out

    def quote_at(self, start: int, end: int) -> tuple[int, int] | None:
        """The quotation that covers most of text[start:end], if it covers half of it."""
        for q in self.quotes:
            inside = min(end, q[1]) - max(start, q[0])
            if inside * 2 >= end - start:
                return q
        return None


def _attribution(text: str, u: Unit, ctx: Context) -> Attribution | None:
    """The unit's attribution, looked for outside any quotation it contains first."""
    if u.start > u.sentence and (said := coordinated(text, u.sentence, u.start)) is not None:
        return said  # "... | and says it determines": the sentence's subject
    spans = [
        (max(u.start, q[0]), min(u.end, q[1] + 1))
        for q in ctx.quotes
        if q[0] < u.end and u.start <= q[1]
    ]
    if spans:
        outside = _outside(u.start, u.end, spans)
        for s, e in outside:
            if len(text[s:e].split()) >= 2:
                a = find_attribution(text, s, e)
                if a is not None and a.kind != "passive":
                    return a
        inner = [(s, e) for s, e in spans]
        if sum(e - s for s, e in inner) * 2 >= u.end - u.start:
            return None  # a quotation with no attribution of its own
    return find_attribution(text, u.start, u.end)


def _through_channel(text: str, attr: Attribution | None, ctx: Context) -> Attribution | None:
    """The attribution to whom a medium cites, when the speaker found is a medium citing
    someone ("Kurdish media reported citing a source in the YPG": the source)."""
    if attr is None or attr.kind == "passive":
        return attr
    m = _CITING.match(text, max(attr.end, attr.cue_end))
    if m is None:
        return attr
    stop = _CITED_END.search(text, m.end(), m.end() + 90)
    end = stop.start() if stop else m.end()
    if end - m.end() < 3:
        return attr
    phrase = text[attr.start : attr.end].strip()
    speaker = resolve(text, attr.start, attr.end, ctx.actors, ctx.starts, ctx.people).actor
    if not _MEDIA_HEAD.search(phrase) and (speaker is None or speaker.kind != "media"):
        return attr
    return Attribution("named", attr.start, end, attr.cue_start, attr.cue_end, cited=m.end())


def _medium_first(text: str, attr: Attribution | None, ctx: Context) -> Attribution | None:
    """ "According to SANA al-Nusra militants tried to infiltrate": the medium speaks and
    the name right after it (the comma stripped) opens what it said, outside the phrase."""
    if attr is None or attr.kind == "passive" or attr.cue_end > attr.start:
        return attr
    inside = ctx.actors_in(attr.start, attr.end)
    if not medium_then_name(text, inside):
        return attr
    return Attribution(
        attr.kind, attr.start, inside[0].end, attr.cue_start, attr.cue_end, attr.cited
    )


def unit_attribution(text: str, u: Unit, ctx: Context) -> Attribution | None:
    """The unit's attribution, passed on to whom a medium cites."""
    return _through_channel(text, _medium_first(text, _attribution(text, u, ctx), ctx), ctx)


def _outside(start: int, end: int, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out, pos = [], start
    for s, e in sorted(spans):
        if s > pos:
            out.append((pos, s))
        pos = max(pos, e)
    if pos < end:
        out.append((pos, end))
    return out


def claimant_of(
    text: str,
    u: Unit,
    attr: Attribution | None,
    ctx: Context,
    voice: Voice | None,
) -> tuple[ActorMention | None, str | None, Why]:
    """(claimant, claimant as written, why); Why("none") when nobody is named."""
    cue = text[attr.cue_start : attr.cue_end] if attr and attr.cue_end > attr.cue_start else ""
    relative = RELATIVE_DENIAL.match(text, u.start, u.end)  # a unit clauses.py cut off
    if relative is not None:  # "[the regime] which denied ...": the actor just named
        back = _previous_actor(ctx, u.start)
        if back is not None:
            note = f"{relative.group(1)!r} refers to {back.name}"
            cue = relative.group(2)
            return back, relative.group(1), Why("anaphor", u.start, relative.end(), cue, note)
    if attr is None:
        q = ctx.quote_at(u.start, u.end)
        if q is not None:
            speaker = _quote_speaker(text, q, ctx, voice)
            if speaker is not None:
                return speaker
            if voice is not None:
                return (
                    voice.actor,
                    voice.text,
                    Why("quote", note="goes on with the previous speaker"),
                )
        if voice is not None and _MORE.match(text, u.start):
            note = "adds to the count the previous speaker gave"
            return voice.actor, voice.text, Why("anaphor", note=note)
        return None, None, Why("none")
    if attr.kind == "passive":
        if _OWN_HEDGE.search(text, attr.start, (attr.cue_end or attr.end) + 3):
            return None, None, Why("none")  # "are believed to", "is said to": the outlet's, hedged
        return None, None, Why("passive", attr.start, attr.cue_end or attr.end, cue or "reported")
    phrase = text[attr.cited or attr.start : attr.end]
    if _PRONOUN.match(phrase.strip()):
        sources = phrase.strip().lower().startswith(("the source", "the same source"))
        source = sources and ctx.source is not None
        personal = _PERSONAL.match(phrase.strip()) is not None
        # "it said" is no person: not the spokesman who spoke last, but his organisation;
        # nor the people who spoke last ("medical sources reported ... it said": the monitor)
        impersonal = phrase.strip().lower() in ("it", "the statement", "the report") and (
            voice is not None
            and (
                (voice.actor is not None and voice.actor.kind == "person")
                or (voice.actor is None and _PLURAL.search(voice.text or "") is not None)
            )
        )
        # "FNA reports ... the sources said": a medium passes on its sources, it is none
        if (
            sources
            and not source
            and voice is not None
            and voice.actor is not None
            and voice.actor.kind == "media"
        ):
            return None, phrase, Why("anaphor", attr.start, attr.end, cue)
        if voice is not None and not source and not impersonal:
            note = f"{phrase!r} is the previous speaker"
            return voice.actor, voice.text, Why("anaphor", attr.start, attr.end, cue, note)
        if source:  # "the source added": the last source named, however far back
            actor, said = ctx.source
            note = f"{phrase!r} is the source named before ({said!r})"
            return actor, said, Why("anaphor", attr.start, attr.end, cue, note)
        if personal:
            back = ctx.person_spoke
        elif impersonal:  # the organisation that spoke last, else one named before
            back = ctx.body_spoke or _previous_actor(ctx, attr.start, impersonal=True)
        else:
            back = _previous_actor(ctx, attr.start)
        if back is not None:
            note = f"{phrase!r} refers to {back.name}"
            return back, phrase, Why("anaphor", attr.start, attr.end, cue, note)
        return None, phrase, Why("anaphor", attr.start, attr.end, cue)
    start = attr.cited or _apposed_name(text, attr.start, ctx)
    whole = name_start(text, start, attr.end, ctx.actors, ctx.starts)
    if whole < start:
        start, phrase = whole, text[whole : attr.end]
    speaker = resolve(text, start, attr.end, ctx.actors, ctx.starts, ctx.people)
    heard = voice.actor if voice is not None else None
    if (
        attr.kind == "anaphor"
        and heard is not None
        and (speaker.actor is None or speaker.actor.key != heard.key)
        and describes(text, attr.start, attr.end, heard)
    ):  # '"..." said the Observatory. The group said': the speaker just heard, not IS
        note = f"{phrase!r} is the previous speaker"
        return heard, phrase, Why("anaphor", attr.start, attr.end, cue, note)
    if speaker.how == "named" and speaker.actor is not None:
        ctx.people.append(speaker.actor)
    if re.search(r"\bsources?\b", phrase, re.I):
        ctx.source = (speaker.actor, phrase)
    rule = (
        "according_to"
        if cue.lower().startswith(("according", "as reported", "reported by"))
        else "attribution"
    )
    if speaker.how == "descriptor":
        rule = "descriptor"
    note = speaker.note
    if attr.cited:
        channel = text[attr.start : attr.cue_end or attr.cited].strip()
        note = "; ".join(filter(None, (f"{channel!r} passes on what it cites", note)))
    return speaker.actor, phrase, Why(rule, start, attr.end, cue, note)


_ROLE_START = re.compile(r"(?:a|an|the)\s", re.I)
_ROLE_LEAD = re.compile(r"\b(?:a|an)\s+(?:[\w'’-]+\s+){1,2}$")
# the name, and the acronym it may be followed by: "The Local Coordination Committees (LCC)"
_NAME_BEFORE = re.compile(r"((?:[A-Z][\w'’-]+\s+){0,3}[A-Z][\w'’-]+)(?:\s+\([A-Z]{2,}\))?\s+$")


def _apposed_name(text: str, start: int, ctx: Context) -> int:
    """Where a speaker phrase really starts: "Mona Kurdi a spokesperson for SARC" is
    Mona Kurdi, whose role the phrase found ("a spokesperson for SARC") only describes.
    A known name before it is not part of it ("Speaking to The New Arab Mona Kurdi")."""
    found = start
    if not _ROLE_START.match(text, start):
        # the phrase kept only the role's noun: "Manal a 28-year-old teacher"
        lead = _ROLE_LEAD.search(text, max(0, start - 30), start)
        if lead is None:
            return found
        start = lead.start()
    m = _NAME_BEFORE.search(text, max(0, start - 60), start)
    if m is None:
        return found
    name_start, name_end = m.start(1), m.end(1)
    one_word = " " not in m.group(1)
    for a in ctx.actors_in(max(0, name_start - 40), name_end):
        if one_word and (a.curated or a.kind != "person"):
            continue  # one word is a name only as a person's ("Manal a 28-year-old teacher")
        if a.start < name_end and a.end > name_start:
            if a.end >= name_end:  # a known name the role describes: "The LCC a network of"
                return a.start
            name_start = max(name_start, a.end)
    while name_start < name_end and not text[name_start].isalpha():
        name_start += 1
    return name_start if len(text[name_start:name_end].split()) >= 2 else found


def _quote_speaker(
    text: str, q: tuple[int, int], ctx: Context, voice: Voice | None
) -> tuple[ActorMention | None, str | None, Why] | None:
    """The speaker of a quotation: the attribution right after it closes ('..." said X')
    or right before it opens ('X said: "...'). A quotation that closes its own sentence
    ('... own people." Camp residents told') has nobody after it."""
    ended = _CLOSES_SENTENCE.match(text, q[1] - 1) is not None
    for s, e in ((q[1] + 1, min(len(text), q[1] + 160)), (max(0, q[0] - 160), q[0])):
        window_end = e
        if s >= q[1]:  # after: up to the end of that sentence
            if ended:
                continue
            stop = re.search(r"[.!?](?:\s|$)|[\"“]", text[s:window_end])
            window_end = s + stop.start() if stop else window_end
        else:  # before: from the start of that sentence
            begin = max(text.rfind(". ", s, e), text.rfind("\n", s, e))
            s = begin + 2 if begin >= 0 else s
        if len(text[s:window_end].split()) < 2:
            continue
        a = find_attribution(text, s, window_end)
        if a is None or a.kind == "passive":
            continue
        cue = text[a.cue_start : a.cue_end]
        phrase = text[a.start : a.end].strip()
        if _PERSONAL.match(phrase) and ctx.person_spoke is not None:  # '..." he said'
            note = f"{phrase!r} is the last person who spoke"
            person = ctx.person_spoke
            return person, person.surface, Why("quote", a.start, a.end, cue, note)
        speaker = resolve(text, a.start, a.end, ctx.actors, ctx.starts, ctx.people)
        if speaker.how == "named" and speaker.actor is not None:
            ctx.people.append(speaker.actor)
        note = "the speaker of the quotation this sentence is part of"
        return speaker.actor, text[a.start : a.end], Why("quote", a.start, a.end, cue, note)
    return None


def _previous_actor(ctx: Context, at: int, impersonal: bool = False) -> ActorMention | None:
    """The actor "it" or a relative refers to: the last speaker-like one named before
    (`impersonal`: not a person)."""
    i = bisect_left(ctx.starts, at)
    for a in reversed(ctx.actors[max(0, i - 12) : i]):
        if _REPORTER_AFTER.match(ctx.text, a.end):
            continue  # "An AFP correspondent saw": the channel, not who "it" is
        if a.kind in _SPEAKING and not (impersonal and a.kind == "person"):
            return a
    return None
