"""Who a sentence attributes its content to, and whether the writer hedges it.

This module finds the cue and decides which one governs the sentence: a speech verb
("said", "told", "claimed", "reported", "announced", "accused", "denied", "added"...,
told apart from the same word as a noun or a deed: "amid reports", "claimed the attack",
"strikes claimed lives"), "according to X" / "as reported by X" (X is the noun phrase
that follows), "X quoted Y as saying" (Y), and "it was reported", "reports say" (hedged,
with nobody named). Who speaks around a verb is read by app.extraction.speaker_phrase.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.extraction.speaker_phrase import AttributionKind, phrase_from, speaker_of
from app.extraction.speaker_words import (
    AUX,
    BE,
    CONNECTORS,
    DETERMINERS,
    MAX_OPENING,
    PREPOSITIONS,
    SPEECH_WORDS,
    TOKEN,
    acceptable,
)


@dataclass(frozen=True, slots=True)
class Attribution:
    kind: AttributionKind
    start: int  # span of the claimant phrase in the text (empty for "passive")
    end: int
    cue_start: int = 0  # the speech verb or phrase ("said", "according to")
    cue_end: int = 0
    # where the speaker starts when the phrase is a medium citing someone ("SANA reported
    # citing a military source": the source); 0 when the phrase is the speaker
    cited: int = 0


# what pictures show is told by whoever took or spread them: "Reuters photographs showed",
# "Footage posted by activists showed"
_PICTURES = r"(?i:photo(?:graph)?s|pictures|images|footage|videos?)"
# "declined to comment" is said too: the claim that someone would not speak is theirs
_SPEECH = re.compile(
    r"\b(?:said|says|say|told|tells|claimed|claims|claiming|reported|reports|announced|announces|announce"
    r"|accused|accuses|denied|denies|added|adds|stated|states|confirmed|confirms|insisted"
    r"|alleged|alleges|warned|warns|noted|notes|explained|declared|declares|quoted|cited"
    r"|revealed|acknowledged|acknowledges|admitted|admits|condemned|condemns|decried|decries"
    r"|slammed|urged|urges|blamed|blames|vowed|vows|threatened|pledged|demanded|demands"
    r"|denounced|denounces"
    r"|proposed|proposes|stressed|stresses|emphasi[sz]ed|asserted|argued|argues|estimated|estimates|estimate|believes"
    r"|believe|expects|dismissed|rejected|rejects|affirmed|reaffirmed|reiterated|insists|maintained"
    r"|maintains|called|calls|appealed|documented|recorded|counted|wrote|writes|tweeted"
    r"|considered|described|expressed|voiced|welcomed|praised|critici[sz]ed|continued"
    r"|pointed out|underlined|underscored|lamented|refuted|refutes|saw|witnessed|held|holds|renewed"
    r"|announcing|saying|adding|stating|warning|denying|accusing"
    r"|(?:gave|give|gives|put|puts|raised|updated|updates|revised) (?:a |the |an |its |their )?"
    r"(?:new |latest |updated |higher |lower |revised |final |different )?"
    r"(?:death )?(?:toll|number|figure|tally)|updated to \d[\d,]* (?:its|the|their) (?:death )?toll"
    r"|listed(?= (?:at least |some |about |around )?\d)"
    # "the Russian center ... registered 604 breaches", not "refugees registered in Turkey"
    r"|registered(?= (?:at least |some |about |around |more than |over )?\d)"
    r"|released (?:a |the )?(?:joint )?statement"
    r"|issued (?:a |the )?(?:joint )?statement|published (?:a |an )?(?:statement|article|report)"
    rf"|{_PICTURES} show(?:ed|s)|(?:declined|refused) to comment)\b"
)
# participles that report the same speaker's words ("..., adding that", "claiming that"):
# an attribution only when nothing else in the sentence is one
_PARTICIPLES = frozenset(
    {"announcing", "saying", "adding", "stating", "warning", "denying", "accusing", "claiming"}
)
# "called" reports speech only before these ("called for", "called on X to", "called in a
# video message for"), or before what it judges ("called the allegations fabricated",
# "called reports of a massacre lies")
_CALLED_OK = re.compile(
    r"\s+(?:(?:on\s+)?[A-Z]\w*day\s+)?(?:in\s+an?\s+(?:[\w-]+\s+)?(?:message|statement|speech"
    r"|interview|video|letter|address|recording|broadcast)\s+)?(?:for|on|upon)\b"
    r"|\s+(?:the\s+|these\s+|those\s+|such\s+|all\s+)?(?:[\w-]+\s+)?"
    r"(?:allegations?|accusations?|claims|charges|reports)\b"
    # "has called Syria the world's most dangerous place": a name given, a judgement
    r"|\s+(?:it\s+|(?:[A-Z][\w'’-]+\s+){1,3})(?:the|an?)\s+(?:\w+\s+){0,3}"
    r"(?:most|worst|largest|biggest|greatest)\b"
)
# verbs whose speaker never follows them: what follows is who they address or what they
# act on ("told reporters", "denied the reports", "accused the regime"), where "said the
# Observatory" and "added the official" put the speaker after the verb
_OBJECT_FOLLOWS = frozenset(
    {
        "told", "tells", "accused", "accuses", "accusing", "denied", "denies", "denying",
        "blamed", "blames", "condemned", "condemns", "decried", "decries", "slammed",
        "denounced", "denounces",
        "urged", "urges", "rejected", "rejects", "dismissed", "refuted", "refutes",
        "criticised", "criticized", "praised", "welcomed", "demanded", "demands",
        "threatened", "documented", "recorded", "registered", "counted", "saw", "witnessed", "held",
        "holds", "renewed", "expressed", "voiced", "described", "considered",
        "called", "calls", "appealed", "acknowledged", "acknowledges", "admitted",
        "admits", "warned", "warns", "pledged", "vowed", "vows",
    }
)  # fmt: skip
# verbs by which an outlet passes on what a speaker named before said
_CHANNEL_VERBS = frozenset({"reported", "reports"})
# "The Russians declared this said Zakaria Malahifji": a pronoun ends the words, a name
# follows the verb that inverts its speaker
_THIS_SAID_NAME = re.compile(r"(?:this|these|those)\s+(?:said|says)\s+[A-Z]")
_CLOSING_REACH = 60  # characters after a sentence-closing speech verb
# a verb of a relative clause governs no sentence: "X said citing medical sources *who
# described* it as a gas attack" is X's
_IN_RELATIVE = re.compile(r"\b(?:who|which)\s+(?:\w+\s+){0,2}$")
# ... nor does one of the speech reported: "They said *the two leaders had also emphasised*"
_REPORTED_SUBJECT = re.compile(
    r"\s+(?:that\s+)?(?:[\w'’-]+\s+){1,5}(?:had|has|have|would|will)\s+(?:also\s+)?"
)
# ... nor one right after a relative pronoun in the sentence's opening: the clause describes
# one of the sentence's first participants by what it once said, and the sentence tells
# something else of it ("The government *which denied* its forces were behind the attack
# also agreed to ...", "The strikes benefit Kurdish groups *which had in 2013 declared*
# autonomy"); a relative clause late in a long sentence may carry its point ("... prompted
# outrage from the Coalition which described the incident as a heinous crime")
_SUBJECT_RELATIVE = re.compile(
    r"\b(?:who|which)\s+(?:(?:has|have|had|also|\w+ly|in\s+\d{4}|on\s+[A-Z]\w*day)\s+){0,3}$"
)
# "Walaat Mamu a doctor ... was quoted as saying that ...": the quoted speaker, not the
# medium the sentence may close with ("... PRESS TV reports")
_QUOTED_PASSIVE = re.compile(
    r"\b(?:was|were|is|are|has\s+been)\s+quoted\s+as\s+(?:saying|stating)\b"
)
_QUOTED_AS = re.compile(r"\b(?:quoted|cited)\s+(?=[^.;]{2,80}?\bas\s+(?:saying|stating|telling))")
# "according to breaking reports", "reports emerged that": reports, nobody named ("according
# to media reports" names the media)
_UNNAMED_REPORTS = (
    r"[Aa]ccording to (?:(?:breaking|unconfirmed|initial|early|earlier|some|conflicting|recent|"
    r"several|other|previous) )?reports\b(?! (?:by|from|of|in)\b)|\b[Rr]eports (?:emerged|surfaced)"
)
_ACCORDING = re.compile(
    rf"\b(?!{_UNNAMED_REPORTS})(?:[Aa]ccording to|(?:as )?reported by|quoted by|cited by"
    # "The capture of Tel Hamis was announced by the Kurdish YPG militia"
    r"|(?:was|were|has been|had been) (?:first )?(?:announced|confirmed) by"
    # "A video released on Friday by the Syrian military media center"
    rf"|{_PICTURES} (?:circulated|posted|shared|published|released)(?: on [A-Z]\w*day)? by)\s+"
)
# a second verb of the sentence's subject that reports speech ("X relies on Y and says Z")
AND_SAYS = re.compile(
    r"and\s+(?:also\s+)?(says|adds|insists|denies|dismisses|rejects|accuses|blames)\b"
)
_PASSIVE = re.compile(
    r"\b(?:it\s+)?(?:was|is|were|are|has\s+(?:also\s+)?been|had\s+(?:also\s+)?been)\s+"
    r"(?:reportedly\s+|also\s+)?"
    r"(?:reported|claimed(?!\s+(?:by|responsibility))|believed|alleged|said)\b"
    r"|\breports\s+(?:say|said|suggest|indicate)"
    rf"|(?-i:{_UNNAMED_REPORTS})",
    re.I,
)
# "reports", "claims", "states", "estimate" are verbs only before "that" or at the end of
# the sentence ("the member states concerned" is no speaker); "declared" reports speech only
# there too ("the group declared a caliphate" is a deed the outlet tells)
_VERB_OR_NOUN = frozenset({"reports", "claims", "states", "estimate", "declared", "declares"})
# what a reporter saw is reported: "An AFP photographer saw", "a correspondent witnessed"
_EYEWITNESS = re.compile(
    r"\s*(?:\S+\s+){0,3}(?:journalists?|photographers?|correspondents?|reporters?|"
    r"cameram[ae]n)\s+(?:(?:at|in|inside|near)\s+(?:\S+\s+){1,12}?)?$",
    re.I,
)  # the subject of the sentence: "where an AFP photographer saw" is the outlet's
_HELD_RESPONSIBLE = re.compile(r"\s+(?:[\w-]+\s+){1,6}?(?:fully\s+)?responsible\b", re.I)
# the bare form reports speech in a present-tense narrative ("regime forces announce an
# offensive"), not after a modal or "to"
_BARE_VERBS = frozenset({"announce"})
_MODAL = re.compile(r"\b(?:to|would|will|could|can|may|might|must|should|did|does|do|not)\s+$")
_RENEWED_CALL = re.compile(r"\s+(?:its|their|his|her)\s+(?:calls?|demands?|appeals?)\b", re.I)
# ... or before a clause of their own ("the regime declares it has full control")
_VERB_NOUN_OK = re.compile(
    r"(?:\s+(?:on\s+)?[A-Z]\w*day)?(?:\s+that\b|\s*[.:\"”]|\s*$"
    r"|\s+(?:it|they|he|she|we)\s+(?:has|have|had|is|are|was|were|will|would)\b)"
)
# "The United States claims the attacks are carried out to": a clause whose "that" was
# dropped, its subject a noun phrase
_CLAIMS_CLAUSE = re.compile(
    r"\s+(?:the|its|their|his|her)\s+(?:[\w-]+\s+){1,3}?(?:is|are|was|were|has|have|had)\b"
)
_CONCESSION = re.compile(r"\s*(?:While|Although|Though|Whereas)\b")
# "said it had documented/counted": what the speaker recorded is what it said, and the
# pronoun before the record verb is that same speaker
_SAID_IT = re.compile(r"\s+(?:that\s+)?(?:it|they)\s+(?:\w+\s+){0,2}")
_RECORD_VERBS = frozenset({"documented", "recorded", "registered", "counted"})
# ("said by telephone" is still said)
_NOT_SPEECH_AFTER = re.compile(
    r"\s+(?:responsibility|the\s+li(?:fe|ves)|lives|by(?!\s+(?:tele)?phone|\s+e-?mail|\s+video))\b",
    re.I,
)
_DENYING = frozenset({"denied", "denies", "denying", "rejected", "rejects", "refuted", "refutes"})
# "Assad accused of releasing prisoners": a headline's passive, its subject is the accused
_ACCUSED_OF = re.compile(r"\s+of\b")
# "strikes claimed more than 100 lives": claimed = killed
_CLAIMED_HARM = re.compile(
    r"\s+(?:(?:at least|more than|over|nearly|some|about|around|up to|almost)\s+)?"
    r"(?:[\d,]+|\w+)\s+(?:more\s+)?(?:lives|victims)\b",
    re.I,
)
# ... and after "claimed" only: "blasts ... claiming 4 martyrs and 13 injured" (not "claimed
# 20 people were killed": speech; "claimed more than 100 civilians" was tried and moved one
# unread set down)
_CLAIMED_DEAD = re.compile(
    r"\s+(?:(?:at least|more than|over|nearly|some|about|around|up to|almost)\s+)?"
    r"[\d,]+\s+(?:\w+\s+)?(?:martyrs|people|dead)\b"
    r"(?!\s+(?:\w+\s+)?(?:were|was|had|have|are|is|died|killed|wounded|injured|dead)\b)",
    re.I,
)
_CLAIMED_DEED = re.compile(
    r"\s+(?:the\s+|this\s+|that\s+|both\s+)?(?:\w+\s+)?(?:attacks?|bombings?|blasts?|"
    r"assault|explosions?|killings?|operation|kidnapping|downing|shooting)\b",
    re.I,
)


_HE_SHE = re.compile(r"(?<!and )\b(?:he|she)\s+$", re.I)


def find_attribution(text: str, start: int, end: int) -> Attribution | None:
    """The attribution of the sentence text[start:end], spans absolute."""
    sentence = text[start:end]
    according = list(_ACCORDING.finditer(sentence))
    speech = list(_SPEECH.finditer(sentence))
    passive = _PASSIVE.search(sentence)
    unnamed = (
        Attribution(
            "passive",
            start + passive.start(),
            start + passive.start(),
            start + passive.start(),
            start + passive.end(),
        )
        if (passive is not None)
        else None
    )
    if not (according or speech):
        return unnamed
    words = list(TOKEN.finditer(text, start, end))
    for m in _QUOTED_AS.finditer(sentence):  # "Reuters quoted X as saying": X speaks
        at = start + m.end()
        idx = next((k for k, w in enumerate(words) if w.start() >= at), len(words))
        np = phrase_from(text, words, idx)
        if np:
            return Attribution("named", *np, start + m.start(), start + m.end())
    for m in _QUOTED_PASSIVE.finditer(sentence):
        v = next((k for k, w in enumerate(words) if w.start() == start + m.start()), None)
        found = speaker_of(text, words, v, end, inverts=False) if v else None
        if found is not None and found[0] == "named":
            return Attribution("named", found[1], found[2], start + m.start(), start + m.end())
    finite = [m for m in speech if m.group() not in _PARTICIPLES]
    # "Activists reported ... according to Reuters": the medium passes on what the speaker
    # the sentence opens with said, when that verb has a speaker
    opens = according and any(
        m.start() < according[0].start()
        and len(TOKEN.findall(sentence, 0, m.start())) <= MAX_OPENING
        and m.group() in SPEECH_WORDS
        for m in finite
    )
    if not opens:
        found = _according(text, start, words, according)
        if found is not None:
            return found
    # participles ("..., adding that") report a speaker only when no finite verb does; a
    # verb closing the sentence ("... Rudskoi said at a briefing.") governs all of it
    closing = [
        m
        for n, m in enumerate(finite)
        if n
        and len(sentence) - m.end() < _CLOSING_REACH
        and not (
            m.group() in _RECORD_VERBS
            and _SAID_IT.fullmatch(sentence, finite[n - 1].end(), m.start())
        )
        and not _IN_RELATIVE.search(sentence, 0, m.start())
        and not (
            finite[n - 1].group() in SPEECH_WORDS
            and _REPORTED_SUBJECT.fullmatch(sentence, finite[n - 1].end(), m.start())
        )
    ]
    if (
        closing
        and closing[-1].group() in _CHANNEL_VERBS
        and len(TOKEN.findall(sentence, 0, finite[0].start())) <= MAX_OPENING
    ):
        closing = []  # "Britain said on Wednesday it would ... Reuters reported": Britain's
    ordered = closing[-1:] + finite + [m for m in speech if m.group() in _PARTICIPLES]
    for m in ordered:
        verb = m.group()
        after = _NOT_SPEECH_AFTER.match(sentence, m.end())
        if after and not (
            verb in _DENYING and after.group().split()[0].lower() == "responsibility"
        ):
            continue  # "claimed responsibility"; but "denied responsibility" is a denial
        if _CLAIMED_HARM.match(sentence, m.end()) or (
            verb.startswith("claim") and _CLAIMED_DEAD.match(sentence, m.end())
        ):
            continue
        if verb == "accused" and _ACCUSED_OF.match(sentence, m.end()):
            continue
        # ("While Russia claims its campaign is aimed at IS it has targeted civilians": the
        # main clause after a concession is the outlet's own)
        clause = (
            verb == "claims"
            and _CLAIMS_CLAUSE.match(sentence, m.end())
            and not _CONCESSION.match(sentence)
        )
        if verb.startswith("claim") and _CLAIMED_DEED.match(sentence, m.end()) and not clause:
            continue  # "claimed the attack": responsibility, reported by the outlet
        if verb in _VERB_OR_NOUN and not (_VERB_NOUN_OK.match(sentence, m.end()) or clause):
            continue  # "amid reports", "media claims of": nouns; "declared a caliphate"
        if verb in ("called", "calls") and not _CALLED_OK.match(sentence, m.end()):
            continue
        if verb in ("saw", "witnessed") and not _EYEWITNESS.match(sentence, 0, m.start()):
            continue  # "An AFP photographer saw ...", not "the city saw fighting"
        if verb in ("held", "holds") and not _HELD_RESPONSIBLE.match(sentence, m.end()):
            continue  # "held the regime responsible", not "held talks"
        if verb in _BARE_VERBS and _MODAL.search(sentence, 0, m.start()):
            continue  # "they would announce": a plan, not a speaker's present
        if verb == "renewed" and not _RENEWED_CALL.match(sentence, m.end()):
            continue
        if verb == "continued" and not (
            re.search(r"[\"”]\s*$", sentence[: m.start()])
            or (_HE_SHE.search(sentence, 0, m.start()) and not sentence[m.end() :].strip(" ."))
        ):
            # '"There is no way out" continued Abu Rajab', "... few fighters he continued.",
            # not "the offensive continued"
            continue
        v = next((k for k, w in enumerate(words) if w.start() == start + m.start()), None)
        if v is None:  # inside a hyphenated word ("press-reports")
            continue
        prev = words[v - 1].group().lower() if v else ""
        if passive and passive.start() <= m.start() < passive.end():
            continue
        if prev in BE:
            continue  # "the regime has been accused of ...": its subject is the accused
        rel = _SUBJECT_RELATIVE.search(sentence, 0, m.start())
        if rel and len(TOKEN.findall(sentence, 0, rel.start())) <= MAX_OPENING:
            continue
        if prev in ("not", "never") and verb not in ("said", "say", "says"):
            # "Russia has not acknowledged any deaths": the outlet tells what it did not ("did
            # not say how many" still reports what the speaker said)
            continue
        if prev == "and" and verb in SPEECH_WORDS and (np := phrase_from(text, words, 0)):
            # "The monitoring group was unable to confirm ... and said": the subject speaks
            return Attribution("named", *np, start + m.start(), start + m.end())
        if (
            (prev in DETERMINERS or prev in CONNECTORS or prev in PREPOSITIONS)
            and prev not in AUX  # "have since called for"
            and not _THIS_SAID_NAME.match(text, words[v - 1].start())
        ):
            continue
        found = speaker_of(text, words, v, end, inverts=verb not in _OBJECT_FOLLOWS)
        if found is None and verb in ("saw", "witnessed") and (np := phrase_from(text, words, 0)):
            # "An AFP correspondent in the village where one of the hospitals was hit saw":
            # the reporter the sentence opens with
            found = "named", *np
        if found is not None:
            kind, a, b = found
            return Attribution(kind, a, b, start + m.start(), start + m.end())
    return (_according(text, start, words, according) if opens else None) or unnamed


_INTRODUCING = frozenset({"said", "says", "added", "adds", "stated", "explained"})


def lead_in(text: str, start: int, end: int, attr: Attribution) -> bool:
    """Is text[start:end] nothing but a speaker and a closing verb ("Director of the Levant
    Institute (LISA) Sami Nader said.")? The colon before what was said was lost: the
    sentence introduces the next one."""
    if attr.kind != "named" or text[attr.cue_end : end].strip(" .:") != "":
        return False
    if text[attr.cue_start : attr.cue_end].lower() not in _INTRODUCING:
        return False  # "A ministry spokesman declined to comment.": a claim of its own
    words = [w.group() for w in TOKEN.finditer(text, start, attr.cue_start)]
    return bool(words) and all(
        acceptable(w) or w.lower() in CONNECTORS | DETERMINERS for w in words
    )


def coordinated(text: str, start: int, cut: int) -> Attribution | None:
    """ "The Observatory relies on sources inside Syria | and says it determines ...": the
    subject the sentence text[start:...] opens with says the part from `cut` on."""
    m = AND_SAYS.match(text, cut)
    if m is None:
        return None
    np = phrase_from(text, list(TOKEN.finditer(text, start, cut)), 0)
    if np is None:
        return None
    return Attribution("named", *np, m.start(1), m.end(1))


def _according(
    text: str, start: int, words: list[re.Match[str]], according: list[re.Match[str]]
) -> Attribution | None:
    """ "according to X", "as reported by X": X."""
    for m in according:
        at = start + m.end()
        idx = next((k for k, w in enumerate(words) if w.start() >= at), len(words))
        np = phrase_from(text, words, idx)
        if np:
            return Attribution("named", *np, start + m.start(), start + m.end())
    return None
