"""Who a sentence attributes its content to, and whether the writer hedges it.

Rules over surface text (no parser is available offline), tuned to wire copy whose
commas were stripped ("... on Sunday a monitoring group said"):

* "according to X" / "as reported by X": X is the noun phrase that follows;
* "X said/told/claimed/reported/announced/accused/denied/added...": X is the noun phrase
  right before the verb, grown leftwards over capitalised words, source nouns ("media",
  "monitor", "official") and name-internal "of/for/at" until a determiner;
* "... said the Observatory." / '"...," said X, a resident' (inverted): X follows the
  verb and ends the clause;
* when that phrase cannot be delimited but the verb opens the sentence ("However
  residents in the east of the city reported that ..."), the whole opening is X;
* pronouns and definite source nouns ("He claimed", "The source added", "the monitoring
  group said") are anaphors: the caller carries the previous claimant over;
* "it was reported", "reports say": hedged, with nobody named.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from app.extraction.normalize import word_set
from app.extraction.places import is_place_name

AttributionKind = Literal["named", "anaphor", "passive"]


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


_TOKEN = re.compile(r"[A-Za-z0-9][\w'’.\-]*[\w]|[A-Za-z0-9]")
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
    r"|proposed|proposes|stressed|stresses|emphasi[sz]ed|asserted|argued|argues|estimated|estimates|estimate|believes"
    r"|believe|dismissed|rejected|rejects|affirmed|reaffirmed|reiterated|insists|maintained"
    r"|maintains|called|calls|appealed|documented|recorded|counted|wrote|writes|tweeted"
    r"|considered|described|expressed|voiced|welcomed|praised|critici[sz]ed|continued"
    r"|pointed out|underlined|underscored|lamented|refuted|refutes|saw|witnessed|held|holds|renewed"
    r"|announcing|saying|adding|stating|warning|denying|accusing"
    r"|(?:gave|give|gives|put|puts|raised) (?:a |the |an )?"
    r"(?:new |latest |updated |higher |lower |revised |final |different )?"
    r"(?:death )?toll|released (?:a |the )?(?:joint )?statement"
    r"|issued (?:a |the )?(?:joint )?statement|published (?:a |an )?(?:statement|article|report)"
    rf"|{_PICTURES} show(?:ed|s)|(?:declined|refused) to comment)\b"
)
# participles that report the same speaker's words ("..., adding that", "claiming that"):
# an attribution only when nothing else in the sentence is one
_PARTICIPLES = frozenset(
    {"announcing", "saying", "adding", "stating", "warning", "denying", "accusing", "claiming"}
)
# "called" reports speech only before these ("called for", "called on X to")
_CALLED_OK = re.compile(r"\s+(?:(?:on\s+)?[A-Z]\w*day\s+)?(?:for|on|upon)\b")
_SPEECH_WORDS = frozenset(
    [
        "said",
        "says",
        "say",
        "told",
        "tells",
        "claimed",
        "claims",
        "reported",
        "reports",
        "announced",
        "accused",
        "denied",
        "added",
        "stated",
        "confirmed",
    ]
)
# verbs by which an outlet passes on what a speaker named before said
_CHANNEL_VERBS = frozenset({"reported", "reports"})
_CLOSING_REACH = 60  # characters after a sentence-closing speech verb
# participles that put an aside between a speaker and the verb ("speaking at X said")
_ASIDE = frozenset({"speaking", "talking", "writing", "addressing", "commenting", "standing"})
_QUOTED_AS = re.compile(r"\b(?:quoted|cited)\s+(?=[^.;]{2,80}?\bas\s+(?:saying|stating|telling))")
_ACCORDING = re.compile(
    r"\b(?:[Aa]ccording to|(?:as )?reported by|quoted by|cited by"
    rf"|{_PICTURES} (?:circulated|posted|shared|published|released) by)\s+"
)
# a second verb of the sentence's subject that reports speech ("X relies on Y and says Z")
AND_SAYS = re.compile(r"and\s+(?:also\s+)?(says|adds|insists)\b")
_PASSIVE = re.compile(
    r"\b(?:it\s+)?(?:was|is|were|are|has\s+(?:also\s+)?been|had\s+(?:also\s+)?been)\s+"
    r"(?:reportedly\s+|also\s+)?"
    r"(?:reported|claimed(?!\s+(?:by|responsibility))|believed|alleged|said)\b"
    r"|\breports\s+(?:say|said|suggest|indicate)",
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
# "said it had documented/counted": what the speaker recorded is what it said, and the
# pronoun before the record verb is that same speaker
_SAID_IT = re.compile(r"\s+(?:that\s+)?(?:it|they)\s+(?:\w+\s+){0,2}")
_RECORD_VERBS = frozenset({"documented", "recorded", "counted"})
_NOT_SPEECH_AFTER = re.compile(r"\s+(?:responsibility|the\s+li(?:fe|ves)|lives|by)\b", re.I)
# "strikes claimed more than 100 lives": claimed = killed
_CLAIMED_HARM = re.compile(
    r"\s+(?:(?:at least|more than|over|nearly|some|about|around|up to|almost)\s+)?"
    r"(?:[\d,]+|\w+)\s+(?:more\s+)?(?:lives|victims)\b",
    re.I,
)
_CLAIMED_DEED = re.compile(
    r"\s+(?:the\s+|this\s+|that\s+|both\s+)?(?:\w+\s+)?(?:attacks?|bombings?|blasts?|"
    r"assault|explosions?|killings?|operation|kidnapping|downing|shooting)\b",
    re.I,
)
_SOURCE = word_set(
    "source sources official officials spokesman spokeswoman spokesperson monitor monitors "
    "monitoring group groups observatory activist activists resident residents media state "
    "television tv agency news correspondent reporter reporters ministry army military "
    "command police commander commanders doctor doctors medic medics witness witnesses "
    "opposition rebels rebel government authorities authority officer officers statement report "
    "reports security medical local human rights war defence defense civil hospital network "
    "council coalition forces force general staff chief head director minister president "
    "leader leaders envoy diplomat diplomats analyst analysts expert experts member members "
    "unnamed senior top foreign interior battlefield field daily newspaper paper website "
    "channel broadcaster outlet watchdog organisation organization charity mp lawmaker "
    "governor mayor journalist journalists photographer volunteers rescuers team delegation "
    "investigators inspectors workers worker department directorate office spokesmen "
    "sources' breaking initial preliminary new latest eyewitness eyewitnesses pro-government "
    "pro-regime toll count tally figures estimate estimates coordinator president secretary "
    "representative adviser advisor chairman chairwoman founder researcher nurse surgeon "
    "teacher engineer mukhtar ambassador deputy negotiator mediator prosecutor judge "
    "lawyer campaigner campaigners monitors observer observers child children boy girl "
    "father mother survivor survivors rescuer relatives locals villagers refugee refugees "
    "staff employee employees worker personnel delegate delegates dispatch dispatches conflict "
    "militia militias faction factions commission inquiry committee panel mission"
)
_DOTTED = re.compile(r"\b(?:[A-Z]\.){2,}$")  # "U.N.", "U.S." up to their last dot
_PARTICLES = word_set("al el bin ibn abu abd de van von")
_CONNECTORS = word_set("of for at in from and on")
_DETERMINERS = word_set("a an the its his her their this that these those")
_PREPOSITIONS = word_set(
    "with to by amid despite after following over about among against before during since "
    "under without within upon"
)
_PRONOUNS = word_set("he she they it we")
_AUX = word_set(
    "has have had also further later reportedly allegedly previously earlier then again "
    "separately subsequently initially officially repeatedly publicly did does do not never "
    "would will could can may might must have had has been however meanwhile yesterday today "
    "quickly immediately strongly firmly flatly categorically swiftly since both all jointly"
)
_ANAPHOR_HEADS = word_set(
    "source sources monitor group observatory official spokesman agency ministry statement "
    "report organisation organization watchdog network"
)
# Capitalised words that open clauses rather than names.
_CAP_STOP = word_set(
    "On In At But However Meanwhile Elsewhere And Also Earlier Later Yesterday Today If When "
    "While After Before During As Since Separately Moreover It He She They We I This That "
    "These Those There Monday Tuesday Wednesday Thursday Friday Saturday Sunday January "
    "February March April May June July August September October November December Last "
    "Overnight Tonight Furthermore Additionally Meantime Then So Now Still Yet"
)
_DISCOURSE = _CAP_STOP | word_set("however meanwhile also earlier later and but")
_INVERTED_TAIL = re.compile(
    r"[\s\"”’'.!;:)\]]*$|\s*,|\s*[\"“]|\s+(?:which|who|whose|adding|citing|noting|explaining|"
    r"stressing|saying|referring|on [A-Z]\w+day|in a statement|at a|during|late|early|earlier|"
    r"later|today|yesterday|with a|a|an|the\s+\w+\s+(?:of|for|at|in)|[A-Z]\w+day|in|at|from|"
    r"based|near|inside)\b"
)
# Nouns of a deed: they end the clause before a speaker ("killed in a coalition *operation*
# security sources said", FA-KES has no commas), never modify or open the speaker's phrase.
_EVENT_NOUNS = word_set(
    "operation operations offensive attack attacks raid raids strike strikes airstrike "
    "airstrikes bombing shelling"
)
# Nouns of a place not named: "medical workers in the rebel-held *area* said"
_AREA_NOUNS = word_set(
    "district city town village province area neighbourhood neighborhood suburb region "
    "country countryside"
)
# Nouns that end a locative, temporal or event phrase rather than modify a speaker.
_NOT_MODIFIER = (
    _EVENT_NOUNS
    | _AREA_NOUNS
    | word_set("time day week month year morning night evening afternoon moment")
)
_BE = word_set("be been being is are was were")
_FINITE = word_set("is are was were has have had will would can could be been")
_QUOTES = '"“”'
_MAX_NP = 14
_LONG_RELATIVE = 32  # words a relative clause may run when nothing else names the speaker
_MAX_OPENING = 12


def _acceptable(w: str) -> bool:
    low = w.lower()
    if w[0].isupper():
        return w not in _CAP_STOP
    if low in _SOURCE or low in _PARTICLES:
        return True
    if "-" in w:
        parts = low.split("-")
        if parts[0] in _PARTICLES and w[len(parts[0]) + 1 : len(parts[0]) + 2].isupper():
            # "Ahmed al-Jarba", "the newspaper al-Safir": a name; "in al-Bab" is where
            return not is_place_name(w)
        return any(p in _SOURCE for p in parts) or parts[-1] in ("based", "backed", "run", "led")
    return False


# "a 16-page report", "a 30-minute statement": a size that may modify a head
_SIZED = re.compile(r"\d+-[a-z]+$")


def _modifier(words: list[re.Match[str]], i: int) -> bool:
    """An unknown lowercase word inside a noun phrase: "a medical source at the *town*
    hospital". It may modify a head already found, never be the head itself."""
    w = words[i].group()
    if i == 0 or ("-" in w and not _SIZED.match(w)) or w in _NOT_MODIFIER:
        return False
    left = words[i - 1].group()
    return left.lower() in _DETERMINERS or _acceptable(left)


def _then_acceptable(words: list[re.Match[str]], i: int) -> bool:
    """Forward counterpart: "Lebanese Shiite *paramilitary* group Hezbollah"."""
    return i + 1 < len(words) and _acceptable(words[i + 1].group())


def _word_at(words: list[re.Match[str]], start: int) -> int | None:
    """Index of the word that starts at `start`, if any."""
    return next((n for n, w in enumerate(words) if w.start() == start), None)


def _gap_breaks(text: str, a: int, b: int) -> bool:
    """Punctuation between two words ends a noun phrase (the closing dot of "U.N." or
    "U.S." does not)."""
    gap = text[a:b]
    if gap.startswith(".") and _DOTTED.search(text, max(0, a - 4), a + 1):
        gap = gap[1:]
    return any(c in ",;:.!?()[]" or c in _QUOTES for c in gap)


def _acronym_before(text: str, words: list[re.Match[str]], v: int) -> int:
    """Index of the word before a parenthesised acronym that ends right before words[v]
    ("the OPCW (OPCW) said", "the Observatory [SOHR] said" read as "the OPCW said"); v
    itself when there is none."""
    if v < 2:
        return v
    closing = text[words[v - 1].end() : words[v].start()].strip()
    opening = text[words[v - 2].end() : words[v - 1].start()].strip()
    if (opening, closing) in (("(", ")"), ("[", "]")):
        return v - 1
    return v


def _backward(text: str, words: list[re.Match[str]], v: int) -> tuple[int, int, bool, bool] | None:
    """(start, end, is_anaphor, closed) of the noun phrase ending before words[v].

    A parenthesised acronym between the phrase and words[v] is stepped over.

    ``closed``: the phrase reached a determiner, so it is complete; an open phrase may
    be the tail of a longer speaker ("Activists in northern rural *Homs* said").
    """
    acronym = _acronym_before(text, words, v) < v
    i = v - 2 if acronym else v - 1
    while i >= 0 and words[i].group().lower() in _AUX:
        i -= 1
    if i < 0 or (not acronym and _gap_breaks(text, words[i].end(), words[v].start())):
        return None
    if words[i].group().lower() in _PRONOUNS:
        return words[i].start(), words[i].end(), True, True
    last = i
    first = None  # index of the leftmost accepted word
    pending = None  # a connector waiting for an acceptable word on its left
    closed = False
    while i >= 0 and v - i <= _MAX_NP:
        w = words[i].group()
        low = w.lower()
        if first is not None and _gap_breaks(text, words[i].end(), words[first].start()):
            break
        if low in _DETERMINERS:
            if first is None or pending is not None:
                break
            first, closed = i, True
            # "an official *from the* forces": the phrase goes on past "from the", and
            # "an organisation *monitoring the* conflict" past "monitoring the"
            if (
                i >= 2
                and words[i - 1].group().lower() in _CONNECTORS | {"monitoring"}
                and _acceptable(words[i - 2].group())
            ):
                pending, closed = i - 1, False
                i -= 2
                continue
            break
        if low in _CONNECTORS and first is not None and pending is None:
            pending = i
        elif _acceptable(w) or (first is not None and pending is None and _modifier(words, i)):
            first, pending = i, None
        else:
            break
        i -= 1
    if first is None:
        return None
    phrase = text[words[first].start() : words[last].end()].split()
    anaphor = (
        phrase[0].lower() in ("the", "this", "that")
        and words[last].group().lower() in _ANAPHOR_HEADS
        and not any(t[0].isupper() for t in phrase[1:])
    )
    # the acronym stepped over names the speaker too: "the Office for ... Affairs (OCHA)"
    gap = text[words[v - 1].end() : words[v].start()]
    end = words[v - 1].end() + len(gap.rstrip()) if acronym else words[last].end()
    return words[first].start(), end, anaphor, closed


def _forward(text: str, words: list[re.Match[str]], i: int) -> tuple[int, int] | None:
    """The noun phrase starting at words[i]."""
    if i >= len(words):
        return None
    first = i
    if words[i].group().lower() in _DETERMINERS:
        i += 1
    last = None
    while i < len(words) and i - first < _MAX_NP:
        if i > first and _gap_breaks(text, words[i - 1].end(), words[i].start()):
            break
        w = words[i].group()
        if last is not None and (w.lower() in _DETERMINERS or _looks_verbal(w)):
            break  # "According to the Firat news agency | the SDF advanced", "by activists | showed"
        if w.lower() in _CONNECTORS and last is not None:
            # "a correspondent at (the) Kuweires Military Airport"
            k = i + 1
            if k < len(words) and words[k].group().lower() in _DETERMINERS:
                k += 1
            if k < len(words) and _acceptable(words[k].group()):
                i = k
                continue
            break
        # "the oppositions chief negotiator": a possessive that lost its apostrophe
        possessive = w.endswith("s") and len(w) > 3 and _acceptable(w[:-1])
        if not (
            _acceptable(w)
            or (last is not None and _then_acceptable(words, i))
            or (possessive and _then_acceptable(words, i))
        ):
            break
        last = i
        i += 1
    if last is None:
        return None
    return words[first].start(), words[last].end()


def _opening(text: str, words: list[re.Match[str]], v: int) -> tuple[int, int] | None:
    """The sentence opening before the verb, minus discourse words and a leading date."""
    i = 0
    # a leading date too: "December 22 2016 The regime declares" (a timeline's entry)
    while i < v and (
        words[i].group() in _DISCOURSE
        or words[i].group().lower() in ("on", "in")
        or (
            words[i].group().isdigit()
            and i
            and (words[i - 1].group() in _CAP_STOP or words[i - 1].group().isdigit())
        )
    ):
        i += 1
    j = v - 1
    while j >= i and words[j].group().lower() in _AUX:
        j -= 1
    if (
        j < i
        or j - i + 1 > _MAX_OPENING
        or words[j].group().lower()
        in (_DETERMINERS | _CONNECTORS | word_set("to with by as that which who"))
    ):
        return None
    if any(_gap_breaks(text, words[k].end(), words[k + 1].start()) for k in range(i, j)):
        return None
    head = i + 1 if words[i].group().lower() in _DETERMINERS and i < j else i
    # "The regime declares": a speaker when it is the whole opening (before a phrase's end it
    # is the deed's: "attacks by the regime activists said")
    whole = head == j and words[head].group().lower() == "regime"
    if any(_looks_verbal(w.group()) for w in words[i : j + 1]) or not (
        whole or _acceptable(words[head].group())
    ):  # "Meanwhile a source in Aleppo province told SANA": past the discourse word
        return None
    return words[i].start(), words[j].end()


def _looks_verbal(w: str) -> bool:
    """A clause rather than a speaker: "*Fourteen strikes were made* Konashenkov added"."""
    return w[0].isdigit() or w in _FINITE or (w.endswith("ed") and w.islower() and "-" not in w)


def _inverted(text: str, words: list[re.Match[str]], v: int, end: int) -> tuple[int, int] | None:
    """ "... near the border said the Observatory." / "..." said Abdullah Ansari, a resident":
    the speaker follows the verb, and nothing but a relative clause or an adjunct follows
    the speaker (else it is the subject of reported speech: "said the army shelled")."""
    np = _forward(text, words, v + 1)
    if np is None:
        return None
    if _INVERTED_TAIL.match(text, np[1], end):
        return np
    return None


def _relative(
    text: str, words: list[re.Match[str]], v: int, reach: int = _MAX_NP
) -> tuple[int, int, bool, bool] | None:
    """ "The monitor which relies on sources on the ground said": the speaker before a
    relative clause that runs up to the verb (FA-KES has no commas to mark it), at most
    `reach` words back."""
    for k in range(v - 1, max(0, v - reach) - 1, -1):
        w = words[k].group().lower()
        if w in ("which", "who", "whose"):
            return _backward(text, words, k)
        if w in _SPEECH_WORDS:
            return None
    return None


# heads of a complete noun phrase that speak for themselves, even after a relative clause
# ("... against Daesh which controls the city the Syrian state broadcaster reported")
_SPEAKER_HEADS = word_set(
    "broadcaster agency television tv channel ministry spokesman spokeswoman spokesperson "
    "observatory monitor newspaper daily website"
)


def _speaker_head(text: str, np: tuple[int, int, bool, bool]) -> bool:
    words = text[np[0] : np[1]].lower().split()
    return np[3] and bool(words) and words[-1] in _SPEAKER_HEADS


_LOCATIVE_LEAD = word_set("in from near at inside outside")


def _past_locative(
    text: str, words: list[re.Match[str]], back: tuple[int, int, bool, bool]
) -> tuple[int, int, bool, bool]:
    """ "a teacher living in Midan said": a place at the end of a locative phrase is where
    the speaker is, not who speaks; the speaker is the phrase before it."""
    phrase = text[back[0] : back[1]]
    k = _word_at(words, back[0])
    if k is None or k < 2 or words[k - 1].group().lower() not in _LOCATIVE_LEAD:
        return back
    if not is_place_name(phrase.removeprefix("the ").strip()):
        return back
    j = k - 1
    if words[j - 1].group().lower().endswith(("ing", "based")):  # "living in", "based in"
        j -= 1
    return _backward(text, words, j) or back


def _after_leading_place(
    text: str, words: list[re.Match[str]], back: tuple[int, int, bool, bool]
) -> tuple[int, int, bool, bool]:
    """ "what happened in Khan Sheikhoun UN special envoy Staffan de Mistura said": with the
    commas stripped, the place that ends the clause before runs into the speaker's phrase;
    the speaker starts after it."""
    k = _word_at(words, back[0])
    if k is None or k == 0 or words[k - 1].group().lower() not in _LOCATIVE_LEAD | {"of"}:
        return back
    inside = [w for w in words[k:] if w.end() <= back[1]]
    for n in range(min(3, len(inside) - 1), 0, -1):  # the longest place name first
        if is_place_name(text[inside[0].start() : inside[n - 1].end()]):
            rest = inside[n]
            if _acceptable(rest.group()):  # "west of Raqqa local media reported"
                return rest.start(), back[1], back[2], back[3]
            return back
    return back


def _before_area(
    text: str, words: list[re.Match[str]], v: int
) -> tuple[int, int, bool, bool] | None:
    """ "medical workers in the rebel-held area said": an unnamed place where the speaker is
    ("in the area", "in the besieged town") ends no speaker; the speaker is before it."""
    k = v - 1
    if k < 0 or words[k].group().lower() not in _AREA_NOUNS:
        return None
    k -= 1
    while k >= 0 and v - k <= 4 and words[k].group().lower() not in _LOCATIVE_LEAD:
        if words[k].group()[0].isupper():
            return None  # "in Idlib province": a named place, read by _past_locative
        k -= 1
    if k < 1 or words[k].group().lower() not in _LOCATIVE_LEAD:
        return None
    return _backward(text, words, k)


_DASH = re.compile(r"\s[-–—]\s")


def _before_aside(text: str, words: list[re.Match[str]], v: int) -> int:
    """ "The civil defence - a rescue service that operates in Syria - said": the speaker
    stands before the aside set off by dashes (the word index to look back from)."""
    if v < 2 or not _DASH.search(text, words[v - 1].end() - 1, words[v].start() + 1):
        return v
    opening = list(_DASH.finditer(text, words[0].start(), words[v - 1].start()))
    if not opening:
        return v
    k = _word_at(words, opening[-1].end())
    return k if k is not None and k > 0 else v


def _speaker_of(
    text: str, words: list[re.Match[str]], v: int, end: int, told: bool
) -> tuple[AttributionKind, int, int] | None:
    if not told:
        inverted = _inverted(text, words, v, end)
        if inverted:
            return "named", *inverted
    relative = _relative(text, words, v)
    back = _backward(text, words, _before_aside(text, words, v)) or _before_area(text, words, v)
    if back is not None and not back[2]:
        # "Tony Blinken speaking at the Carnegie Endowment said": past the participle
        k = _word_at(words, back[0])
        aside = (
            k is not None
            and k >= 2
            and words[k - 1].group().lower() in _CONNECTORS | _PREPOSITIONS | {"alongside"}
            and words[k - 2].group().lower() in _ASIDE
        )
        if aside:
            back = _backward(text, words, k - 2) or back
    if back is not None and not back[2]:
        back = _past_locative(text, words, back)
        back = _after_leading_place(text, words, back)
    if relative is not None and not (back and (back[2] or _speaker_head(text, back))):
        back = relative  # "The Observatory which relies on medics said": the Observatory
    elif back is None:
        # nothing names a speaker right before the verb: a longer relative clause ("Omar Abu
        # Laila who lives in Europe but is from the province ... said")
        back = _relative(text, words, v, _LONG_RELATIVE)
    opening = _opening(text, words, v) if v <= _MAX_OPENING else None
    if back and not (back[2] or back[3]) and opening and opening[0] < back[0]:
        return "named", *opening
    if back:
        return ("anaphor" if back[2] else "named"), back[0], back[1]
    if opening:
        return "named", *opening
    return None


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
    words = list(_TOKEN.finditer(text, start, end))
    for m in _QUOTED_AS.finditer(sentence):  # "Reuters quoted X as saying": X speaks
        at = start + m.end()
        idx = next((k for k, w in enumerate(words) if w.start() >= at), len(words))
        np = _forward(text, words, idx)
        if np:
            return Attribution("named", *np, start + m.start(), start + m.end())
    finite = [m for m in speech if m.group() not in _PARTICIPLES]
    # "Activists reported ... according to Reuters": the medium passes on what the speaker
    # the sentence opens with said, when that verb has a speaker
    opens = according and any(
        m.start() < according[0].start()
        and len(_TOKEN.findall(sentence, 0, m.start())) <= _MAX_OPENING
        and m.group() in _SPEECH_WORDS
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
    ]
    if (
        closing
        and closing[-1].group() in _CHANNEL_VERBS
        and len(_TOKEN.findall(sentence, 0, finite[0].start())) <= _MAX_OPENING
    ):
        closing = []  # "Britain said on Wednesday it would ... Reuters reported": Britain's
    ordered = closing[-1:] + finite + [m for m in speech if m.group() in _PARTICIPLES]
    for m in ordered:
        verb = m.group()
        if _NOT_SPEECH_AFTER.match(sentence, m.end()) or _CLAIMED_HARM.match(sentence, m.end()):
            continue
        if verb.startswith("claim") and _CLAIMED_DEED.match(sentence, m.end()):
            continue  # "claimed the attack": responsibility, reported by the outlet
        if verb in _VERB_OR_NOUN and not _VERB_NOUN_OK.match(sentence, m.end()):
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
        if verb == "continued" and not re.search(r"[\"”]\s*$", sentence[: m.start()]):
            continue  # '"There is no way out" continued Abu Rajab', not "the offensive continued"
        v = next((k for k, w in enumerate(words) if w.start() == start + m.start()), None)
        if v is None:  # inside a hyphenated word ("press-reports")
            continue
        prev = words[v - 1].group().lower() if v else ""
        if passive and passive.start() <= m.start() < passive.end():
            continue
        if prev in _BE:
            continue  # "the regime has been accused of ...": its subject is the accused
        if prev in ("not", "never") and verb not in ("said", "say", "says"):
            # "Russia has not acknowledged any deaths": the outlet tells what it did not ("did
            # not say how many" still reports what the speaker said)
            continue
        if prev == "and" and verb in _SPEECH_WORDS and (np := _forward(text, words, 0)):
            # "The monitoring group was unable to confirm ... and said": the subject speaks
            return Attribution("named", *np, start + m.start(), start + m.end())
        if (prev in _DETERMINERS or prev in _CONNECTORS or prev in _PREPOSITIONS) and (
            prev not in _AUX  # "have since called for"
        ):
            continue
        found = _speaker_of(text, words, v, end, told=verb in ("told", "tells"))
        if found is not None:
            kind, a, b = found
            return Attribution(kind, a, b, start + m.start(), start + m.end())
    return (_according(text, start, words, according) if opens else None) or unnamed


def coordinated(text: str, start: int, cut: int) -> Attribution | None:
    """ "The Observatory relies on sources inside Syria | and says it determines ...": the
    subject the sentence text[start:...] opens with says the part from `cut` on."""
    m = AND_SAYS.match(text, cut)
    if m is None:
        return None
    np = _forward(text, list(_TOKEN.finditer(text, start, cut)), 0)
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
        np = _forward(text, words, idx)
        if np:
            return Attribution("named", *np, start + m.start(), start + m.end())
    return None
