"""Claims: one assertion by one claimant, with its actors, places, figures and date.

A claim is a sentence, or the part of a sentence that one claimant asserts ("The UN will
investigate the accusation | however a Syrian military official has denied the attack").
For each the claimant is found (:mod:`app.extraction.claimant`: attribution, a quotation's
speaker, a description of an actor the article names, the previous speaker for "he" and
"the source"; here, the outlet when nobody is named, nobody for "it was reported" and
reader comments), then its content is read: hedge, event type, actors and their roles, places, figures and date. Every value
keeps a :class:`Why`.

Skipped: the header, questions, fragments under five words, bylines, captions and
credits, page furniture, the writer's first-person opinion, unattributed speculation,
what a source did not say, and background that names no actor, place, figure or event.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from app.extraction.attribution import Attribution, find_attribution, lead_in
from app.extraction.boilerplate import is_boilerplate
from app.extraction.claimant import CITES, Context, Unit, Voice, claimant_of, unit_attribution
from app.extraction.clauses import split_by_claimant
from app.extraction.date_words import ANOTHER_DEVELOPMENT, EARLIER_INCIDENT, ON_SINCE
from app.extraction.dating import Dater
from app.extraction.entries import entries
from app.extraction.events import event_cue
from app.extraction.figure_lists import told_once
from app.extraction.generic import is_category
from app.extraction.registry import governorate_of, place_entry
from app.extraction.roles import (
    actor_role,
    blown_back_roles,
    coordinated_roles,
    counted_roles,
)
from app.extraction.segment import Sentence, sentences, trim
from app.extraction.speakers import PEOPLE, located
from app.extraction.types import (
    ActorMention,
    ClaimDraft,
    DateMention,
    DraftActor,
    PlaceMention,
    QuantityMention,
    Why,
)

_MIN_WORDS = 5
# "the correspondent said", "our reporter": the outlet's own, when no agency is named
_REPORTER = re.compile(r"(?:the|our|a|an)\s+(?:\w+\s+)?(?:correspondent|reporter)s?$", re.I)
_BYLINE = re.compile(r"^By\s+[A-Z]")
_CAPTION = re.compile(
    r"\b(?:photo|pictured|file picture|featured image|image credit|in this (?:image|picture)"
    r"|seen in this|(?:picture|image|photograph)\s+(?:taken|shows))\b",
    re.I,
)
_CREDIT = re.compile(r"\((?:[^()]*\b(?:Reuters|AFP|AP|AA|TRT ?World|agencies|[Pp]hoto)\b)[^()]*\)")
_BARE_DATE = re.compile(
    r"^\W*(?:[A-Z][a-z]+\.?\s+\d{1,2}\s+\d{4}|\d{1,2}\s+[A-Z][a-z]+\s+\d{4})\W*$"
)
_FURNITURE = re.compile(
    r"\b(?:READ MORE|Read more|WATCH|Related|Topic|Community standards|Comment via"
    r"|SUBSCRIBE|Subscribe|Copyright|Privacy Policy|Terms of Use)\b"
)
# a photo caption's tail ("... in Meles, Idlib province, Syria August 6 2016.", "...
# speaks during a cabinet meeting in Washington September 12 2013."): a place, then its day
_CAPTION_TAIL = re.compile(
    r"(?:\bSyria|\b(?:in|at|near|outside)\s+(?:the\s+)?[A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,2})"
    r"\W+(?:[A-Z][a-z]+\.?\s+\d{1,2}\W+\d{4}|\d{1,2}\s+[A-Z][a-z]+\W+\d{4})\W*$"
)
# a line that introduces a picture, a map or a video ("Here's a visual of the region:")
_LEAD_IN = re.compile(
    r"^\W*(?:Here(?:'s|’s|\s+is|\s+are)|(?:A|The)\s+(?:map|video|visual|photo|picture|graphic"
    r"|footage)s?\s+of|Look\s+at|Watch|Click)\b"
)
# encyclopedic facts, not about the conflict (docs/annotation.md §2)
_ENCYCLOPEDIC = re.compile(
    r"(?<!where )\b(?:[\w-]+\s+)(?:is|are|was|were)\s+(?:located|situated)\b"
    r"|\b(?:is|was)\s+home\s+to\b"
)
# "It did not say whether any fighters were also killed": what a source left unsaid
_UNSAID = re.compile(
    r"^\W*(?:but\s+)?(?:it|he|she|they)\s+(?:did|could|would)\s+not\s+say\s+(?:whether|if)\b",
    re.I,
)
_OPINION = re.compile(
    r"\bI(?:\s+am|['’]m)?\s+(?:think|bet|suspect|believe|guess|hope|feel|sure)\b"
    r"|\bin my (?:opinion|view)\b|\byou (?:should|will|might|may|can)\b"
)
# the writer telling their own story ("When I went in April ..."); in a quotation it is a
# witness's account ('"I was coming out of school when the shell hit"'), a claim
_FIRST_PERSON = re.compile(r"\bI\s+(?:have|had|was)\b")
_SPECULATION = re.compile(
    r"\b(?:would|should|could|might|must)\b|\bit is (?:very |quite |highly )?"
    r"(?:likely|possible|probable)\b|\b(?:probably|perhaps|maybe)\b|^\W*If\b"
)
_HEDGE = re.compile(
    r"\b(?:reportedly|apparently|allegedly|alleged|purportedly|purported|supposedly|suspected"
    r"|unconfirmed"
    r"|claim(?:s|ed|ing)?|accus(?:e|ed|es|ing)|blam(?:ed|es|ing)"
    r"|(?:has|have|had) (?:also )?been reported|reports emerged"
    r"|not in a position to|did not know whether|if (?:it is |it was )?confirmed"
    r"|it is believed|(?:is|are|was|were) (?:widely )?believed|believes?"
    r"|(?:is|are|was|were) thought to|thought\s+to\s+(?:be|have)\b"
    r"|(?:is|are|was|were)\s+estimated\s+to|(?:it )?(?:is|was|has been) reported|reports say"
    r"|reports? that|reports?\s+suggest(?:s|ed|ing)?|(?:is|are|was|were) said to|said to have"
    r"|seem(?:s|ed)?"
    r"|appear(?:s|ed)? (?:to|as (?:though|if))"
    r"|likely|may|might|could|possibly|probably|presumably|(?:were|was)\s+(?:also\s+)?reported"
    r"|believed\s+to|suspects?"
    r"|(?:is|are|was|were)\s+(?:usually\s+|widely\s+)?(?:feared|deemed)\s+to"
    r"|(?:their|its|his|her)\s+assertions?\s+that"
    r"|(?:toll|number|figure)\s+(?:\w+\s+){0,2}?(?:is|was|are|were)\s+expected\s+to\s+rise"
    r"|held\s+(?:[\w-]+\s+){1,6}?responsible"
    r"|a reported|the reported)\b",
    re.I,
)
# "claimed responsibility", "claimed lives"; "claimed by X", "were reported by the Observatory":
# someone named, not the unattributed "it was reported"
_NOT_HEDGE_AFTER = re.compile(
    r"\s+(?:responsibility|of\s+responsibility|the\s+li(?:fe|ves)|lives|by)\b", re.I
)
# "Daesh claimed the attack", "has claimed previous bombings": owning a deed, no hedge (the
# claim of responsibility is the outlet's report); "claiming scores of terrorists": killing.
# Not "claimed the attack was carried out by rebels", which asserts something of it
_CLAIMS_DEED = re.compile(
    r"\s+(?:(?:the|a|an|previous|both|several|its|their)\s+)?(?:(?!(?:that|of)\b)[\w-]+\s+){0,3}?"
    r"(?:attacks?|bombings?|blasts?|explosions?|operations?|assault|ambush|killings?)\b"
    r"(?!\s+(?:was|were|is|are|had|has)\b)"
    # "has claimed more than 300000 lives", "claiming scores of terrorists": a toll
    r"|\s+(?:(?:more\s+than|over|at\s+least|nearly|almost|about|some|around)\s+)?"
    r"(?:scores|dozens|hundreds|thousands|\d+)\b"
    # not "claiming over 60 regime fighters were killed", which asserts it
    r"(?!(?:\s+[\w-]+){0,3}\s+(?:was|were|is|are|had|have)\b)",
    re.I,
)
_REPORTS = re.compile(r"reports?\b", re.I)
# an unnamed person speaking: "A Madaya resident", "Another opposition activist from ..."
_SOMEONE = re.compile(
    r"(?:a|an|another|one)\s+(?:[\w-]+\s+){0,3}?(?:resident|activist|witness|man|woman|"
    r"official|source|doctor|medic|volunteer|fighter|rebel|soldier|commander|survivor|nurse|"
    r"teacher|worker|member)\b",
    re.I,
)
# "could not confirm details", "could not specify what kind": the speaker cannot tell more,
# which hedges nothing it told; "could not be verified" does
_COULD_NOT_DO = re.compile(r"\s+not\s+(?:immediately\s+)?(?!be\b)[a-z]+", re.I)
# "a pretext for accusing", "by blaming": a gerund after a preposition names an act, nobody's
# accusation
_GERUND_AFTER = re.compile(r"\b(?:for|of|by|from|without|in|at)\s+$", re.I)
_POSSESSIVE = re.compile(r"['’]s\s+[\"“]?")
# a medium passing on what someone else said
_CHANNEL = re.compile(
    r"(?:\s+(?:news\s+)?(?:agency|channel|broadcaster|television|tv|reporter|correspondent|"
    r"journalist|photographer|cameraman))?\s+(?:quoted|cited|(?:reported|reports?|said|added)"
    rf"{CITES}|citing|quoting|reported(?=\s*[.,;]|\s*$))\b",
    re.I,
)
# what may stand between "told" and the one told, which is a channel, not a speaker
# the one a speaker told ("told Reuters", "telling AFP"); after a bare "to" only a medium or
# a person ("speaking to AFP"), not a state ("pointed to Russian responsibility")
_SPEAKS = re.compile(
    r"\s+[\"“]?(?:also\s+)?(?:said|says|added|adds|commented|(?:has\s+|had\s+)?documented)\b",
    re.I,
)
_TOLD = re.compile(r"\b(told\s+(?:the\s+)?|telling\s+)$|\bto\s+(?:the\s+)?$", re.I)


def is_hedged(text: str, start: int = 0, end: int | None = None) -> Why | None:
    """The first hedge word of text[start:end], as a Why; None when nothing hedges it."""
    end = len(text) if end is None else end
    for m in _HEDGE.finditer(text, start, end):
        word = m.group().lower()
        if (word.startswith("claim") or word.endswith("reported")) and _NOT_HEDGE_AFTER.match(
            text, m.end()
        ):
            continue
        if word.startswith("claim") and _CLAIMS_DEED.match(text, m.end()):
            continue
        if m.group() == "May":  # the month
            continue
        if word == "could" and _COULD_NOT_DO.match(text, m.end()):
            continue  # "the Observatory could not say whether": what the speaker cannot tell
        if word.endswith("ing") and _GERUND_AFTER.search(
            text, max(start, m.start() - 12), m.start()
        ):
            continue
        return Why("hedge", m.start(), m.end(), m.group())
    return None


def _too_short(text: str, s: Sentence, n: int) -> bool:
    """A fragment under five words, unless four name a speaker ("Syria denies the charges.")."""
    if n >= _MIN_WORDS:
        return False
    said = find_attribution(text, s.start, s.end) if n == _MIN_WORDS - 1 else None
    return said is None or said.kind != "named"


def _skip(text: str, s: Sentence, nxt: Sentence | None) -> bool:
    words = text[s.start : s.end]
    if _too_short(text, s, len(words.split())) or words.rstrip("\"”’' ").endswith("?"):
        return True
    if is_boilerplate(words) or _BYLINE.match(words) and len(words.split()) < 15:
        return True
    if _CAPTION.search(words) or _CREDIT.search(words) or _FURNITURE.search(words):
        return True
    if _CAPTION_TAIL.search(words) or _LEAD_IN.match(words):
        return True
    following = text[nxt.start : nxt.end] if nxt else ""
    # A caption is followed by its date line or credit ("... border. July 27 2016.")
    return bool(nxt and (_BARE_DATE.match(following) or _CREDIT.match(following)))


def find_claims(
    text: str,
    *,
    actors: Sequence[ActorMention],
    places: Sequence[PlaceMention],
    dates: Sequence[DateMention],
    quantities: Sequence[QuantityMention],
    body_end: int | None,
    header_end: int = 0,
    outlet: str | None = None,
    outlet_actor: ActorMention | None = None,
    exclude_dates: Sequence[DateMention] = (),
    reference: date | None = None,
) -> list[ClaimDraft]:
    ctx = Context(text, actors, places, quantities)
    usable = [d for d in dates if d not in exclude_dates]
    sents = entries(text, sentences(text), usable)
    units: list[Unit] = []
    for n, s in enumerate(sents):
        if s.end <= header_end:
            continue
        if s.start < header_end:  # the rest of a sentence the header runs into
            s = Sentence(*trim(text, header_end, s.end), s.paragraph)
        nxt = sents[n + 1] if n + 1 < len(sents) else None
        if _skip(text, s, nxt):
            continue
        # a lede printed twice in a row is claimed twice, as the gold does (only the
        # headline repeated at the start is no claim, docs/annotation.md §2)
        # what a source left unsaid, also in a part cut off ("... said | but it could not say")
        units += [
            Unit(a, b, s.paragraph, s.start)
            for a, b in split_by_claimant(text, s.start, s.end)
            if not _UNSAID.match(text[a:b])
        ]
    dater = Dater(text, usable, reference, _first_incident(text, units, usable, reference, ctx))
    claims: list[ClaimDraft] = []
    voice: Voice | None = None
    last_end = -1
    introduced: tuple[ActorMention | None, str | None, Why] | None = None
    for u in units:
        in_comments = body_end is not None and u.start >= body_end
        follows = voice is not None and text[last_end : u.start].strip(' "”“\n') == ""
        attr = unit_attribution(text, u, ctx)
        claimant, claimant_text, why = claimant_of(text, u, attr, ctx, voice if follows else None)
        said, introduced = introduced, None
        if attr is not None and not in_comments and lead_in(text, u.start, u.end, attr):
            introduced = claimant, claimant_text, why  # "X said." introduces what follows
            continue
        if in_comments:  # a reader comment is its anonymous writer's, whoever it quotes
            claimant, claimant_text = None, None
            why = Why("comment", note="a reader comment: its writer is anonymous")
        elif why.rule == "none" and said is not None:
            claimant, claimant_text = said[0], said[1]
            why = Why("quote", said[2].start, said[2].end, said[2].cue, "introduced by 'X said.'")
        elif why.rule == "none":
            claimant, claimant_text = outlet_actor, outlet
            why = Why("outlet", note=f"nobody is named: {outlet or 'the outlet'} speaks")
        elif claimant is None and claimant_text and _REPORTER.match(claimant_text):
            claimant = outlet_actor
            why = Why(why.rule, why.start, why.end, why.cue, "the outlet's own reporter")
        sentence = text[u.start : u.end]
        named = attr is not None and attr.kind != "passive"
        # a quotation's sentence is its speaker's, not the writer's, whatever it names
        spoken = named or why.rule == "quote"
        if _OPINION.search(sentence) and not named or _FIRST_PERSON.search(sentence) and not spoken:
            continue
        if not named and why.rule in ("outlet", "comment") and _SPECULATION.search(sentence):
            continue
        content = _content_actors(text, u, attr, ctx)
        if claimant is not None and why.rule == "attribution":
            # the mention the claimant was read from is its attribution, not the content
            # ("The Observatory a British-based war monitor said"); one that "the statement"
            # refers back to stays
            content = [a for a in content if (a.start, a.end) != (claimant.start, claimant.end)]
        in_places = [
            p
            for p in places
            if u.start <= p.start
            and p.end <= u.end
            and not (
                named
                and attr is not None
                and attr.start <= p.start < _speaker_end(attr)
                and not _speakers_in(text, attr.start, p)
            )
        ]
        counts = told_once(q for q in quantities if u.start <= q.start and q.end <= u.end)
        mentions = ctx.actors_in(u.start, u.end)
        counts += _named_victims(text, mentions, counts)
        cue = event_cue(sentence)
        kind = cue[0] if cue else "other"
        scored = [q for q in counts if q.what != "other"]  # "One man ran": no figure
        if kind == "other" and _ENCYCLOPEDIC.search(sentence) and not scored and not named:
            continue
        if kind == "other" and not scored and not content and not in_places and not spoken:
            continue
        voice = (
            Voice(claimant, claimant_text, why) if why.rule not in ("outlet", "comment") else None
        )
        if claimant is not None and claimant.kind == "person":
            ctx.person_spoke = claimant
        elif claimant is not None and why.rule not in ("outlet", "comment"):
            ctx.body_spoke = claimant
        elif claimant is None and claimant_text and _SOMEONE.match(claimant_text):
            # "Another opposition activist said ...; he said": "he" is that nobody, not the
            # person named before
            ctx.person_spoke = None
        last_end = u.end
        # what was said starts after a leading "X said (that)"; a trailing one follows it
        leading = attr is not None and attr.cue_end and attr.start <= u.start + 3
        content_from = attr.cue_end if leading else u.start
        dated = dater.date(
            u.start,
            u.end,
            content_from=content_from,
            continues_speaker=follows and why.rule in ("quote", "anaphor"),
            reports_event=kind != "other" or bool(counts),
            where=_governorates(in_places),
        )
        hedge = is_hedged(text, u.start, u.end)
        if (
            attr is not None
            and named
            and hedge is not None
            and hedge.start == attr.cue_start
            and _REPORTS.match(hedge.cue)
        ):
            # "The newspaper al-Safir reports that ...": the speaker's verb, a plain report
            hedge = is_hedged(text, hedge.end, u.end)
        if attr is not None and attr.kind == "passive" and hedge is None:
            hedge = Why("hedge", attr.start, attr.cue_end or attr.end, "it was reported")
        roles = blown_back_roles(
            text,
            u.start,
            u.end,
            content,
            coordinated_roles(
                text,
                content,
                counted_roles(
                    content,
                    [actor_role(text, a, u.start, u.end, content, mentions) for a in content],
                    counts,
                ),
            ),
        )
        roles = tuple(
            DraftActor(a, role, why)
            for a, (role, why) in zip(content, roles, strict=True)
            # a medium that neither acts nor suffers is a channel ("State TV rolled footage")
            if not (a.kind == "media" and role == "mentioned")
        )
        claimant_link = (
            (DraftActor(claimant, "claimant", why),)
            if claimant is not None and claimant.end > claimant.start
            else ()
        )
        claims.append(
            ClaimDraft(
                start=u.start,
                end=u.end,
                claimant=claimant,
                claimant_text=claimant_text,
                hedged=hedge is not None,
                in_comments=in_comments,
                event_type=kind,
                date=dated.date,
                quantities=counts,
                actors=roles + claimant_link,
                places=tuple(_unique_places(in_places)),
                claimant_why=why,
                hedge_why=hedge,
                type_why=Why("event_cue", u.start + cue[1], u.start + cue[2], cue[3])
                if cue
                else None,
                date_why=dated.why,
            )
        )
    return claims


# "an area near Damascus" is often in Rif Dimashq: for telling incidents apart the two are one
_AREA = {"Rif Dimashq": "Damascus"}


def _governorates(places: Sequence[PlaceMention]) -> frozenset[str]:
    """Where the claim's places lie, as far as telling one incident from another goes."""
    found = (p.unlisted.governorate if p.unlisted else governorate_of(p.key) for p in places)
    return frozenset(_AREA.get(g, g) for g in found if g)


def _first_incident(
    text: str,
    units: Sequence[Unit],
    dates: Sequence[DateMention],
    reference: date | None,
    ctx: Context,
) -> DateMention | None:
    """The day (or the few days) of the first incident the article dates (for a standfirst
    before it)."""
    probe = Dater(text, dates, reference)
    # where the first event told happened: the first governorates an event's sentence names
    # (the lede may name none: "The bomber was on a motorcycle", then "in Hasakah city")
    lede: frozenset[str] = frozenset()
    for u in units:
        counts = any(u.start <= q.start < u.end for q in ctx.quantities)
        if not counts and event_cue(text[u.start : u.end]) is None:
            continue
        where = _governorates([p for p in ctx.places if u.start <= p.start < u.end])
        lede = lede or where
        d = probe.own(u.start, u.end)
        if (
            d is None
            or d.precision != "day"
            or (d.date_end - d.date_start).days >= 7
            or ON_SINCE.match(text, d.end, u.end)  # "From 10 June to date": a range's start
            or EARLIER_INCIDENT.search(text, u.start, d.start)  # "The last attack ... on April 25"
        ):
            continue
        if ANOTHER_DEVELOPMENT.match(text, u.start) or (lede and where and lede.isdisjoint(where)):
            return None  # another development, or an incident elsewhere than the lede's
        return d
    return None


def _content_actors(
    text: str, u: Unit, attr: Attribution | None, ctx: Context
) -> list[ActorMention]:
    """The actors the claim is about: not its speaker's words, not the one told ("told
    Reuters"), not a category of fighters ("rebels"), not a descriptor ("Al-Qaeda
    affiliate Al-Nusra Front" is about Al-Nusra), each actor once."""
    out: list[ActorMention] = []
    keys: set[str] = set()
    mentions = ctx.actors_in(u.start, u.end)
    speaker = next((m for m in mentions if attr and attr.start <= m.start < attr.end), None)
    for n, a in enumerate(mentions):
        if (
            attr is not None
            and attr.kind != "passive"
            and (
                attr.start <= a.start < attr.end
                or attr.cue_start <= a.start < attr.cue_end
                or _describes_speaker(text, attr, a, speaker)
            )
        ):
            continue
        if (
            attr is not None
            and attr.cue_end
            and (told := _TOLD.search(text, max(u.start, a.start - 12), a.start))
            and (told.group(1) or a.kind in ("media", "person", "monitor"))
        ):
            continue
        if (
            speaker is not None
            and a.key == speaker.key
            and a.end <= speaker.start
            and _KNOWN_AS.fullmatch(text, a.end, speaker.start)
        ):
            continue  # "The civil defence also known as the White Helmets said": one speaker
        if located(text, a):
            continue  # "the Britain-based monitor": where it is based, not who acts
        if a.kind == "media" and _CHANNEL.match(text, a.end):
            continue  # "Reuters quoted X as saying", "SANA reported citing a source"
        if _SPEAKS.match(text, a.end, u.end) and not any(
            q.start <= a.start < q.end for q in ctx.quantities
        ):  # "the Observatory said citing medical sources": a speaker, not "two soldiers said"
            continue
        if is_category(a.surface):
            continue
        nxt = _next_other(mentions, n)
        if nxt is not None and (
            _describes(text, a, nxt) or _POSSESSIVE.fullmatch(text, a.end, nxt.start)
        ):
            continue  # "the Syrian Arab Army's Tiger Forces" is about the Tiger Forces
        if n and _describes_after(text, mentions[n - 1], a):
            continue
        if a.kind == "person" and (
            _OWNER.search(text, max(u.start, a.start - 30), a.start) or _OWNED.match(text, a.end)
        ):
            continue  # "forces loyal to Assad", "the Bashar Assad regime": the forces, the regime
        if a.key in keys:
            continue
        keys.add(a.key)
        out.append(a)
    return out


# "Activists in Daraya west of Damascus said": where the speakers are (the generic people
# of speakers.PEOPLE, or sources) is where what they report happens (a country only says
# they are in it)
_SPEAKERS_IN = re.compile(rf"\b(?:{'|'.join(sorted(PEOPLE | {'sources'}))})\s+in\b", re.I)


# how long a clause describing a speaker before its verb may be (characters)
_DESCRIBED_REACH = 100


def _speaker_end(attr: Attribution) -> int:
    """Where the words about the speaker end: at its verb when a clause describing it
    stands between ("US Central Command which oversees operations in the Middle East
    said"), else at the speaker's name."""
    if attr.end <= attr.cue_start <= attr.end + _DESCRIBED_REACH:
        return attr.cue_start
    return attr.end


def _speakers_in(text: str, start: int, p: PlaceMention) -> bool:
    """Does place `p` say where the speakers of an attribution starting at `start` are?"""
    entry = place_entry(p.key)
    return (entry is None or entry.kind != "country") and bool(
        _SPEAKERS_IN.search(text, start, p.start)
    )


def _describes_speaker(
    text: str, attr: Attribution, a: ActorMention, speaker: ActorMention | None
) -> bool:
    """Is mention `a` part of the attribution's description of its speaker? "Rami Abdulrahman
    who runs the Observatory said" (a person's office, not what was said; the source a
    medium cites is the attribution's own, `_through_channel`), or the office named right
    after the person ("said Rami Abdel Rahman the head of SOHR"). Any other description
    after the verb ("said X, a nurse at a hospital supported by Y") is not read: dropping
    it lowered held-out roles."""
    if speaker is None or speaker.kind != "person":
        return False
    between = attr.end <= a.start < attr.cue_start and attr.cue_start - attr.end <= 80
    # "said Rami Abdel Rahman the head of SOHR": the speaker's office, right after the name
    return between or _OFFICE_OF.fullmatch(text, speaker.end, a.start) is not None


_KNOWN_AS = re.compile(
    r"\s+(?:[\w-]+\s+){0,3}?(?:(?:also|popularly|commonly|widely)\s+)?known\s+as\s+(?:the\s+)?",
    re.I,
)
_OFFICE_OF = re.compile(
    r"\s+(?:the\s+)?(?:head|director|chief|spokesman|spokeswoman|spokesperson|leader"
    r"|founder|chairman)\s+of\s+(?:the\s+)?",
    re.I,
)


_DESCRIPTOR_NOUNS = re.compile(
    # "the Assad regime and its ally Russia", "The Syrian government its ally Russia and a
    # US-led coalition" (commas lost) are two
    r"(?!\s+(?:and|its|their)\s)[\s)-]*(?:\([^()]{1,12}\)\s*)?"  # "(YPG) dominated"
    r"(?:['’]?s\s+)?(?:\w+\s+){0,2}?(?:affiliate|offshoot|branch|wing|arm|ally|allies|"
    r"franchise|proxy|proxies|faction|splinter group|linked|-linked|affiliated|-affiliated|"
    r"dominated|-dominated)"  # "the YPG-dominated SDF": the YPG is part of the SDF
    # "al-Qaedas affiliate in Syria the Nusra Front", "Al Qaedas Syrian arm the Nusra Front"
    # "al-Qaida-linked group the Levant Liberation Committee"
    r"(?:\s+(?:in|for)\s+(?:Syria|Iraq|the\s+Levant)\s+|[\s-]+)(?:group\s+the\s+|(?:the\s+)?(?:group\s+)?)$",
    re.I,
)


def _next_other(mentions: Sequence[ActorMention], n: int) -> ActorMention | None:
    """The mention after mentions[n], past the same actor's acronym right after it ("the
    Peoples Protection Units (YPG) dominated SDF": the SDF)."""
    m = n + 1
    while (
        m < len(mentions)
        and mentions[m].key == mentions[n].key
        and mentions[m].start - mentions[m - 1].end <= 3
    ):
        m += 1
    return mentions[m] if m < len(mentions) else None


def _describes(text: str, a: ActorMention, b: ActorMention) -> bool:
    """Is mention `a` only a description of the next one ("Al-Qaeda affiliate Al-Nusra")?"""
    between = text[a.end : b.start]
    return len(between) < 40 and _DESCRIPTOR_NOUNS.fullmatch(between) is not None


# "Al-Nusra Front the Syrian branch of Al Qaeda": Al Qaeda only describes Al-Nusra
_BRANCH_OF = re.compile(
    r"\s*(?:the\s+)?(?:[\w-]+\s+){0,2}(?:branch|affiliate|offshoot|wing|arm)\s+of\s+(?:the\s+)?",
    re.I,
)
# "Al-Nusra Front Al-Qaedas Syrian affiliate"
_OWNS = re.compile(
    r"(?:['’]s|s)?\s+(?:[\w-]+\s+)?(?:affiliate|offshoot|branch|wing|arm|ally|proxy|franchise)\b",
    re.I,
)
_ASIDE_ONLY = re.compile(r"\s*\([^()]{1,40}\)\s*")  # "(OPCW)" between speaker and verb
_OWNED = re.compile(r"(?:['’]?s)?\s+(?:regime|government|forces|troops|army|loyalists)\b", re.I)
_OWNER = re.compile(
    r"\b(?:loyal to|regime of|government of|forces of|troops of|army of|loyalists of)\s+"
    r"(?:(?:Syrian\s+)?President\s+)?$",
    re.I,
)


def _describes_after(text: str, a: ActorMention, b: ActorMention) -> bool:
    """Is mention `b` only a description of the mention `a` before it?"""
    between = text[a.end : b.start]
    if _BRANCH_OF.fullmatch(between):
        return True
    # "Al-Nusra Front Al-Qaedas Syrian affiliate", "al-Nusra (Qaeda branch in the Levant)"
    return between.strip() in ("", "the", "(") and _OWNS.match(text, b.end) is not None


_VICTIM = re.compile(
    r"\s+(?:was|has been|had been)\s+(?:reportedly\s+|also\s+|allegedly\s+)?"
    r"(?P<harm>killed|executed|assassinated|beheaded|shot dead|wounded|injured)\b"
    r"|\s+(?:reportedly\s+)?(?P<died>died)\b",
    re.I,
)


def _named_victims(
    text: str, actors: Sequence[ActorMention], counts: Sequence[QuantityMention]
) -> tuple[QuantityMention, ...]:
    """A named person killed or wounded counts one ("commander Yousef Za'ou'a was
    reportedly killed"), unless a figure already counts him."""
    out = []
    for a in actors:
        if a.kind != "person":
            continue
        m = _VICTIM.match(text, a.end)
        if m is None or any(q.start <= a.start < q.end for q in counts):
            continue
        harm = (m.group("harm") or m.group("died")).lower()
        what = "injured" if harm in ("wounded", "injured") else "killed"
        cue = Why("named_person", m.start(), m.end(), harm.strip(), f"{a.surface} counts one")
        out.append(
            QuantityMention(
                what, 1, False, None, a.surface, a.start, a.end, value_min=1, value_max=1, why=cue
            )
        )
    return tuple(out)


def _unique_places(places: Sequence[PlaceMention]) -> list[PlaceMention]:
    seen: set[str] = set()
    out = []
    for p in places:
        if p.key not in seen:
            seen.add(p.key)
            out.append(p)
    return out
