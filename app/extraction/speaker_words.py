"""The words a speaker's phrase is made of: source nouns ("monitor", "official"),
name particles, connectors, determiners, auxiliaries, and the tests that tell whether a
word may stand in the phrase (app.extraction.speaker_phrase reads the phrase)."""

from __future__ import annotations

import re

from app.extraction.normalize import word_set
from app.extraction.places import is_place_name

TOKEN = re.compile(r"[A-Za-z0-9][\w'’.\-]*[\w]|[A-Za-z0-9]")
SPEECH_WORDS = frozenset(
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
_SOURCE = word_set(
    "source sources official officials spokesman spokeswoman spokesperson monitor monitors "
    "monitoring group groups observatory activist activists resident residents media state "
    "television tv agency news correspondent reporter reporters ministry army military "
    "command police commander commanders doctor doctors medic medics witness witnesses "
    "opposition rebels rebel government authorities authority officer officers statement report "
    "reports security medical local human rights war defence defense civil hospital network "
    "council coalition forces force general staff chief head director minister president "
    "leader leaders envoy diplomat diplomats analyst analysts expert experts member members "
    "unnamed independent senior top foreign interior battlefield field frontline front-line daily "
    "newspaper paper website channel broadcaster outlet watchdog organisation organization "
    "charity mp lawmaker center centre "
    "governor mayor journalist journalists photographer volunteers rescuers team delegation "
    "investigators inspectors workers worker department directorate office spokesmen "
    "sources' breaking initial preliminary new latest eyewitness eyewitnesses pro-government "
    "pro-regime toll count tally figures estimate estimates coordinator president secretary "
    "representative adviser advisor chairman chairwoman founder researcher nurse surgeon "
    "teacher engineer mukhtar ambassador deputy negotiator mediator prosecutor judge "
    "lawyer campaigner campaigners monitors observer observers child children boy girl "
    "father mother survivor survivors rescuer relatives locals villagers refugee refugees "
    "staff employee employees worker personnel delegate delegates dispatch dispatches conflict "
    "militia militias faction factions commission inquiry committee panel mission humanitarian "
    "regional"
)
_DOTTED = re.compile(r"\b(?:[A-Z]\.){2,}$")  # "U.N.", "U.S." up to their last dot
_PARTICLES = word_set("al el bin ibn abu abd de van von")
CONNECTORS = word_set("of for at in from and on")
DETERMINERS = word_set("a an the its his her their this that these those")
PREPOSITIONS = word_set(
    "with to by amid despite after following over about among against before during since "
    "under without within upon"
)
PRONOUNS = word_set("he she they it we")
AUX = word_set(
    "has have had also further later reportedly allegedly previously earlier then again "
    "separately subsequently initially officially repeatedly publicly did does do not never "
    "would will could can may might must have had has been however meanwhile yesterday today "
    "quickly immediately strongly firmly flatly categorically swiftly since both all jointly"
)
ANAPHOR_HEADS = word_set(
    "source sources monitor group observatory official spokesman agency ministry statement "
    "report organisation organization watchdog network"
)
# Capitalised words that open clauses rather than names.
CAP_STOP = word_set(
    "On In At But However Meanwhile Elsewhere And Also Earlier Later Yesterday Today If When "
    "While After Before During As Since Separately Moreover It He She They We I This That "
    "These Those There Monday Tuesday Wednesday Thursday Friday Saturday Sunday January "
    "February March April May June July August September October November December Last "
    "Overnight Tonight Furthermore Additionally Meantime Then So Now Still Yet"
)
DISCOURSE = CAP_STOP | word_set("however meanwhile also earlier later and but")
# Nouns of a deed: they end the clause before a speaker ("killed in a coalition *operation*
# security sources said", FA-KES has no commas), never modify or open the speaker's phrase.
_EVENT_NOUNS = word_set(
    "operation operations offensive attack attacks raid raids strike strikes airstrike "
    "airstrikes bombing shelling"
)
# Nouns of a place not named: "medical workers in the rebel-held *area* said"
AREA_NOUNS = word_set(
    "district city town village province area neighbourhood neighborhood suburb region "
    "country countryside ground"
)
# Nouns that end a locative, temporal or event phrase rather than modify a speaker.
_NOT_MODIFIER = (
    _EVENT_NOUNS
    | AREA_NOUNS
    | word_set("time day week month year morning night evening afternoon moment")
)
BE = word_set("be been being is are was were")
_FINITE = word_set("is are was were has have had will would can could be been")
_QUOTES = '"“”'
MAX_OPENING = 12


def acceptable(w: str) -> bool:
    low = w.lower()
    if w[0].isupper():
        return w not in CAP_STOP
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


def modifier(words: list[re.Match[str]], i: int) -> bool:
    """An unknown lowercase word inside a noun phrase: "a medical source at the *town*
    hospital". It may modify a head already found, never be the head itself."""
    w = words[i].group()
    if i == 0 or ("-" in w and not _SIZED.match(w)) or w in _NOT_MODIFIER:
        return False
    left = words[i - 1].group()
    return left.lower() in DETERMINERS or acceptable(left)


def then_acceptable(words: list[re.Match[str]], i: int) -> bool:
    """Forward counterpart: "Lebanese Shiite *paramilitary* group Hezbollah"."""
    return i + 1 < len(words) and acceptable(words[i + 1].group())


def word_at(words: list[re.Match[str]], start: int) -> int | None:
    """Index of the word that starts at `start`, if any."""
    return next((n for n, w in enumerate(words) if w.start() == start), None)


def gap_breaks(text: str, a: int, b: int) -> bool:
    """Punctuation between two words ends a noun phrase (the closing dot of "U.N." or
    "U.S." does not)."""
    gap = text[a:b]
    if gap.startswith(".") and _DOTTED.search(text, max(0, a - 4), a + 1):
        gap = gap[1:]
    return any(c in ",;:.!?()[]" or c in _QUOTES for c in gap)


def looks_verbal(w: str) -> bool:
    """A clause rather than a speaker: "*Fourteen strikes were made* Konashenkov added"."""
    return w[0].isdigit() or w in _FINITE or (w.endswith("ed") and w.islower() and "-" not in w)
