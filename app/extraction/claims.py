"""Sentence-level factual claims with their claimant, actors, places, date and counts.

Decisions where a reading had to be chosen:

* a claim is a sentence (spaCy sentencizer, split again at line breaks); sentences are
  not cut into clauses, because attributions in this corpus are mostly sentence-final
  ("... on Sunday a monitoring group said") and a clause split would orphan them;
* skipped: the header (publication date, repeated headline), questions, fragments under
  five words, bylines, image captions and credits, page furniture, first-person opinion
  ("I think", "I bet"), and unattributed speculation ("would", "could", "it is likely
  that", "probably", "If ..."). Attributed modal statements ("the monitor said the toll
  could rise") are reports and kept;
* a sentence with no event cue, no count of people and no attribution is background
  ("Palmyra is home to some of the worlds oldest ruins") and skipped;
* with no attribution the claimant is the outlet; "it was reported" and the like are
  hedged with nobody named (claimant and claimant_text None); so are reader comments,
  whose anonymous authors the outlet does not speak for;
* a claim's date is the most precise date expression in its sentence ("last month on
  December 12th 2016" is the 12th); a sentence without one inherits the date of the
  previous claim in the same paragraph: news paragraphs keep the time frame their first
  sentence set.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from app.extraction.attribution import Attribution, find_attribution
from app.extraction.boilerplate import is_boilerplate
from app.extraction.nlp import get_nlp
from app.extraction.roles import actor_role, event_type
from app.extraction.types import (
    ActorMention,
    ClaimActor,
    ClaimDraft,
    DateMention,
    PlaceMention,
    Quantity,
    Why,
)

_MIN_WORDS = 5
_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
_TAGS = re.compile(r"\bTags\s")
_TAGS_END = re.compile(r"\s(?:The|A|An)\s")
_LEAD_JUNK = re.compile(
    r"\(?[^()]{0,40}\)\s*[-–—]*\s*"
    r"|.{0,200}?pic\.twitter\.com\S*.{0,120}?\b(?:19|20)\d\d\s+"
    r"|Get short URL(?:\s+\d+)*\s*"
    # datelines: "BEIRUT (Reuters) -", "DEIR EZ-ZOR (Syria) (Sputnik)", "Aleppo SANA-"
    r"|(?:[A-Z][A-Z'-]+(?:\s+[A-Z][A-Z'-]+){0,2}|[A-Z][a-z]+)\s+(?:\([A-Za-z .]+\)\s*)*"
    r"\((?:Reuters|AFP|AP|Sputnik|Xinhua|SANA|RIA Novosti|Anadolu|AA|UPI|IRNA|TASS)\)"
    r"\s*[-–—]*\s*"
    r"|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?,?\s+SANA\s*[-–—]\s*"
)
_TRAILING_OPEN_QUOTE = re.compile(r"\s[\"“(\[]\s*$")
_BYLINE = re.compile(r"^By\s+[A-Z]")
_CAPTION = re.compile(
    r"\b(?:photo|pictured|file picture|featured image|image credit|in this (?:image|picture)"
    r"|seen in this)\b",
    re.I,
)
_CREDIT = re.compile(r"\((?:[^()]*\b(?:Reuters|AFP|AP|AA|TRT ?World|agencies|[Pp]hoto)\b)[^()]*\)")
_BARE_DATE = re.compile(
    r"^\W*(?:[A-Z][a-z]+\.?\s+\d{1,2}\s+\d{4}|\d{1,2}\s+[A-Z][a-z]+\s+\d{4})\W*$"
)
_OPINION = re.compile(
    r"\bI(?:\s+am|['’]m)?\s+(?:think|bet|suspect|believe|guess|hope|feel|sure)\b"
    r"|\bin my (?:opinion|view)\b"
)
_SPECULATION = re.compile(
    r"\b(?:would|should|could|might|must)\b|\bit is (?:very |quite |highly )?"
    r"(?:likely|possible|probable)\b|\b(?:probably|perhaps|maybe|likely)\b|^\W*If\b"
)
_HEDGE = re.compile(
    r"\b(?:reportedly|apparently|allegedly|alleged|purportedly|purported|suspected|unconfirmed"
    r"|claim(?:s|ed|ing)?|it is believed|(?:is|are|was|were) believed to"
    r"|(?:is|are|was|were) thought to|(?:it )?(?:is|was|has been) reported|reports say"
    r"|(?:is|are|was|were) said to)\b",
    re.I,
)
_NOT_HEDGE_AFTER = re.compile(r"\s+(?:responsibility|the\s+li(?:fe|ves)|lives|by)\b", re.I)
_OPEN_QUOTE = re.compile(r"^\W*[\"“]")


@dataclass(frozen=True, slots=True)
class Segment:
    start: int
    end: int
    paragraph: int  # line number: paragraphs are lines in every source we read


def segments(text: str) -> list[Segment]:
    """Sentences, split again at line breaks and at a "Tags ..." keyword run."""
    out: list[Segment] = []
    for sent in get_nlp()(text).sents:
        pos = sent.start_char
        # slicing the text is much cheaper than Span.text, which walks its tokens
        for line in text[pos : sent.end_char].split("\n"):
            _add_trimmed(text, pos, pos + len(line), out)
            pos += len(line) + 1
    return out


def _add_trimmed(text: str, start: int, end: int, out: list[Segment]) -> None:
    tags = _TAGS.search(text, start, end)
    if tags:
        # Flattened pages put keyword tags mid-sentence; the prose resumes at the next
        # article-initial determiner.
        resume = _TAGS_END.search(text, tags.end(), end)
        _add_trimmed(text, start, tags.start(), out)
        if resume:
            _add_trimmed(text, resume.start() + 1, end, out)
        return
    start, end = _trim(text, start, end)
    if start < end:
        out.append(Segment(start, end, text.count("\n", 0, start)))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop what precedes or follows the prose of a sentence: datelines, a caption's
    credit or an embedded tweet running into it ("(TRT World and Agencies) A bomb
    blast...", "pic.twitter.com/x ... July 27 2016 State TV rolled footage..."), and
    the opening quote of the next sentence."""
    while start < end and text[start].isspace():
        start += 1
    while (lead := _LEAD_JUNK.match(text, start, end)) is not None and lead.end() > start:
        start = lead.end()
    tail = _TRAILING_OPEN_QUOTE.search(text, start, end)
    if tail is not None:
        end = tail.start()
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _skip(text: str, seg: Segment, nxt: Segment | None) -> bool:
    s = text[seg.start : seg.end]
    if len(s.split()) < _MIN_WORDS or s.rstrip("\"”’' ").endswith("?"):
        return True
    if is_boilerplate(s) or _BYLINE.match(s) and len(s.split()) < 15:
        return True
    if _CAPTION.search(s) or _CREDIT.search(s):
        return True
    next_text = text[nxt.start : nxt.end] if nxt else ""
    # A caption is followed by its date line or credit ("... border. July 27 2016.")
    return bool(nxt and (_BARE_DATE.match(next_text) or _CREDIT.match(next_text)))


def is_hedged(sentence: str) -> bool:
    return any(
        not (m.group().lower().startswith("claim") and _NOT_HEDGE_AFTER.match(sentence, m.end()))
        for m in _HEDGE.finditer(sentence)
    )


def _inside(items: Sequence, start: int, end: int) -> list:
    return [x for x in items if start <= x.start and x.end <= end]


def _actor_in(actors: Sequence[ActorMention], start: int, end: int) -> ActorMention | None:
    """The speaker among the actors of a claimant phrase: the one nearest its head."""
    inside = [a for a in actors if a.start < end and start < a.end]
    return max(inside, key=lambda a: (a.end, a.end - a.start)) if inside else None


@dataclass(slots=True)
class _Said:
    """The attribution of the previous segment, for anaphora and quote runs."""

    index: int
    claimant: ActorMention | None
    text: str | None


def find_claims(
    text: str,
    *,
    actors: Sequence[ActorMention],
    places: Sequence[PlaceMention],
    dates: Sequence[DateMention],
    quantities: Sequence[Quantity],
    body_end: int | None,
    header_end: int = 0,
    outlet: str | None = None,
    outlet_actor: ActorMention | None = None,
    exclude_dates: Sequence[DateMention] = (),
) -> list[ClaimDraft]:
    segs = segments(text)
    claims: list[ClaimDraft] = []
    said: _Said | None = None
    last_date: tuple[int, DateMention | None] = (-1, None)
    seen: set[str] = set()
    for n, seg in enumerate(segs):
        start = max(seg.start, header_end)
        if start >= seg.end:
            continue
        seg = Segment(*_trim(text, start, seg.end), seg.paragraph)
        if _skip(text, seg, segs[n + 1] if n + 1 < len(segs) else None):
            continue
        sentence = text[seg.start : seg.end]
        if sentence in seen:  # flattened pages repeat the lede
            continue
        seen.add(sentence)
        attr = find_attribution(text, seg.start, seg.end)
        claimant, claimant_text, said, why = _claimant(text, attr, n, said, sentence, actors)
        if _OPINION.search(sentence) or (attr is None and _SPECULATION.search(sentence)):
            continue
        kind = event_type(sentence)
        counts = tuple(_inside(quantities, seg.start, seg.end))
        in_actors = _inside(actors, seg.start, seg.end)
        in_places = tuple(_inside(places, seg.start, seg.end))
        named = attr is not None and attr.kind != "passive"
        if kind == "other" and not counts and not (named and (in_actors or in_places)):
            continue
        in_comments = body_end is not None and seg.start >= body_end
        if claimant_text is None and attr is None:
            if in_comments:
                why = Why("comment", note="a reader comment: its author is not the outlet")
            else:
                claimant, claimant_text = outlet_actor, outlet
                why = Why("outlet", note="no attribution: the outlet speaks")
        own = [d for d in _inside(dates, seg.start, seg.end) if d not in exclude_dates]
        # the most precise date the sentence gives; none: the paragraph's time frame
        date = (
            min(own, key=lambda d: _PRECISION_RANK[d.precision])
            if own
            else (last_date[1] if last_date[0] == seg.paragraph else None)
        )
        last_date = (seg.paragraph, date)
        date_why = (
            None
            if date is None
            else Why("own" if own else "inherited", date.start, date.end, date.surface)
        )
        roles = tuple(
            ClaimActor(
                a,
                "claimant"
                if attr and attr.start <= a.start < attr.end
                else actor_role(text, a, seg.start, seg.end),
            )
            for a in in_actors
        )
        claims.append(
            ClaimDraft(
                start=seg.start,
                end=seg.end,
                claimant=claimant,
                claimant_text=claimant_text,
                hedged=is_hedged(sentence) or (attr is not None and attr.kind == "passive"),
                in_comments=in_comments,
                event_type=kind,
                date=date,
                quantities=counts,
                actors=roles,
                places=in_places,
                claimant_why=why,
                date_why=date_why,
            )
        )
    return claims


def _claimant(
    text: str,
    attr: Attribution | None,
    n: int,
    said: _Said | None,
    sentence: str,
    actors: Sequence[ActorMention],
) -> tuple[ActorMention | None, str | None, _Said | None, Why]:
    """(claimant, claimant_text, attribution state to carry on, how it was decided)."""
    follows = said is not None and said.index == n - 1
    if attr is None:
        # an unattributed quote continues the previous speaker's quote
        if follows and _OPEN_QUOTE.match(sentence):
            return said.claimant, said.text, _Said(n, said.claimant, said.text), Why("quote")
        return None, None, None, Why("outlet")
    if attr.kind == "passive":
        return None, None, None, Why("passive", attr.start, attr.end)
    if attr.kind == "anaphor" and follows:
        why = Why("anaphor", attr.start, attr.end)
        return said.claimant, said.text, _Said(n, said.claimant, said.text), why
    phrase = text[attr.start : attr.end]
    actor = _actor_in(actors, attr.start, attr.end)
    return actor, phrase, _Said(n, actor, phrase), Why("attribution", attr.start, attr.end)
