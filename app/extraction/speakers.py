"""Who a claimant phrase is: the words of an attribution resolved to an actor.

"Observatory director Rami Abdel Rahman" is the person (his organisation is the one he
speaks for); "a spokesman for the coalition" is the coalition; "the Britain-based
monitor" is the monitor the article names (SOHR by default: "Britain-based" says where
it sits, never who speaks); "Kevin Kennedy OCHAs regional coordinator" is a named person
the registry does not know; "activists", "residents", "a medical source" are nobody in
particular. A pronoun or "the source" is resolved by the caller (the previous speaker).
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from app.extraction.generic import is_category, qualified_away, syrian
from app.extraction.normalize import slugify, word_set
from app.extraction.places import find_places, is_place_name
from app.extraction.registry import DATA_DIR, actor_entry
from app.extraction.role_words import DESCRIBED, OWNED_DEEDS, WEAPONS
from app.extraction.types import ActorMention


@dataclass(frozen=True, slots=True)
class Speaker:
    actor: ActorMention | None
    how: str  # actor | person | named | descriptor | generic
    note: str = ""


@dataclass(frozen=True, slots=True)
class _Descriptor:
    words: frozenset[str]
    kinds: frozenset[str]
    default: str | None
    default_when: frozenset[str]  # modifiers that make the default certain
    needs: frozenset[str]  # one of these must be in the phrase too ("activist group")
    not_heads: frozenset[str]  # not when the phrase has one ("a rights activist from")

    def fits(self, bare: set[str]) -> bool:
        """Does a phrase of words `bare` (plurals made singular as well) have it?"""
        return bool(
            bare & self.words
            and not (self.needs and not bare & self.needs)
            and not bare & self.not_heads
        )


@cache
def _descriptors() -> tuple[_Descriptor, ...]:
    with (DATA_DIR / "speakers.toml").open("rb") as f:
        data = tomllib.load(f)
    return tuple(
        _Descriptor(
            frozenset(d["words"]),
            frozenset(d["kinds"]),
            d.get("default"),
            frozenset(d.get("default_when", ())),
            frozenset(d.get("needs", ())),
            frozenset(d.get("not_heads", ())),
        )
        for d in data["descriptor"]
    )


_BASED = re.compile(r"\s*-?\s*(?:based|headquartered)\b", re.I)
_NAME_WORD = re.compile(r"[A-Z][a-z][\w'’.-]*|(?:al|el|bin|ibn|abu|abd|de|van|von)(?=[\s-])")
_NOT_NAME = frozenset(
    [
        "The",
        "A",
        "An",
        "On",
        "In",
        "At",
        "But",
        "And",
        "However",
        "Meanwhile",
        "According",
        "He",
        "She",
        "They",
        "It",
        "We",
        "This",
        "That",
        "Dr",
        "Mr",
        "Mrs",
        "Ms",
        "Sheikh",
        "General",
        "Colonel",
        "Col",
        "Lt",
        "Gen",
        "Brig",
        "Maj",
        "Captain",
        "Commander",
        "President",
        "Minister",
        "Prime",
        "Foreign",
        "Defence",
        "Defense",
        "Secretary",
        "High",
        "Commissioner",
        "Spokesman",
        "Spokeswoman",
        "Director",
        "Chief",
        "Head",
        "Deputy",
        "Ambassador",
        "Envoy",
        "Governor",
        "Mayor",
        "Senator",
        "King",
        "Prince",
        "Emir",
        "Syrian",
        "Russian",
        "Turkish",
        "Iranian",
        "Iraqi",
        "Kurdish",
        "American",
        "British",
        "French",
        "Israeli",
        "Lebanese",
        "Jordanian",
        "Saudi",
        "Local",
        "Northern",  # "in Northern Homs FNA reports": a region, not a person's first name
        "Southern",
        "Eastern",
        "Western",
        "Central",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "UN",
        "US",
        "U.S.",
        "EU",
    ]
)
# Words of an organisation's name: a run holding one names no person ("the Office for the
# Coordination of Humanitarian Affairs", "the International Federation of Red Crescent")
_ORG_WORDS = word_set(
    "affairs rights federation committee committees society societies council office "
    "coordination ministry agency network commission institute center centre union "
    "association foundation command campaign organisation organization movement party "
    "front brigade brigades forces army military coalition observatory directorate department "
    "administration authority"
)


def located(text: str, m: ActorMention) -> bool:
    """ "Britain-based", "London-headquartered": a place, not the speaker."""
    return _BASED.match(text, m.end) is not None


_OF_THE = re.compile(r"\s+(?:of|for)\s+(?:the\s+)?")


def _person_name(
    text: str, start: int, end: int, taken: Sequence[ActorMention]
) -> tuple[int, int] | None:
    """The first run of 2-4 capitalised name words in text[start:end] that no actor
    covers and that is not a place: "Mohamad Abu Rajab", "Laila Kiki"."""
    words = [m for m in _NAME_WORD.finditer(text, start, end)]
    run: list[re.Match[str]] = []

    def flush() -> tuple[int, int] | None:
        while run and not run[-1].group()[0].isupper():
            run.pop()
        # "UN High Commissioner for Human Rights Navi Pillay": the name after the office
        # (not a subheading's first word: "Military Rejects Claims")
        org = [n for n, w in enumerate(run) if w.group().casefold() in _ORG_WORDS]
        last = org[-1] if org else 0
        if (
            last >= 1
            and len(run) - last - 1 >= 2
            and text[run[last].end() : run[last + 1].start()] == " "
        ):
            del run[: last + 1]
        if (
            len(run) > 2
            and text[max(0, run[0].start() - 5) : run[0].start()].endswith((" of ", " for "))
            and _whole_place(run[0].group())
        ):
            del run[0]  # "The governor of Homs Talal Barazi": the place is the office's
        caps = [w for w in run if w.group()[0].isupper()]
        if 2 <= len(caps) <= 4 and run and not any(w.group().casefold() in _ORG_WORDS for w in run):
            s, e = run[0].start(), run[-1].end()
            name = text[s:e]
            if not any(a.start < e and s < a.end for a in taken) and not (
                is_place_name(name) or _whole_place(name)  # "Deir Ezzor", spelled loosely
            ):
                return s, e
        return None

    prev_end = None
    for w in words:
        word = w.group().rstrip(".")
        joined = prev_end is not None and text[prev_end : w.start()] in (" ", "-")
        if (
            word in _NOT_NAME
            or (word.endswith("s") and word[:-1] in ("Observatory",))
            or DESCRIBED.search(word)  # "Daesh-linked" describes the name after it
        ):
            if (hit := flush()) is not None:
                return hit
            run, prev_end = [], None
            continue
        # "the Damascus Centre for Legal Studies": the words after "for" go on the name
        org_name = any(x.group().casefold() in _ORG_WORDS for x in run) and _OF_THE.fullmatch(
            text, prev_end or 0, w.start()
        )
        if run and not joined and not org_name:
            if (hit := flush()) is not None:
                return hit
            run = []
        if run or word[0].isupper():
            run.append(w)
        prev_end = w.end()
    return flush()


def _whole_place(word: str) -> bool:
    return any(p.start == 0 and p.end == len(word) for p in find_places(word))


def _part_of_longer_name(text: str, m: ActorMention) -> bool:
    """A one-word registry name inside a longer one: "Abdulrahman Attar" is not Rami
    Abdel Rahman, "Ibrahim al-Assad" not the president."""
    if " " in m.surface.strip() or "-" in m.surface:
        return False
    before = re.search(
        r"((?:[A-Z][a-z]+-)*[A-Z][a-z]+)[\s-]+(?:al-|el-)?$", text[max(0, m.start - 30) : m.start]
    )
    if before and _whole_place(before.group(1)):  # "the city of Khan-Shaikhoun Rudskoi said"
        before = None
    after = re.match(r"\s+([A-Z][a-z]+)", text[m.end : m.end + 30])
    return bool(
        (before and before.group(1) not in _NOT_NAME) or (after and after.group(1) not in _NOT_NAME)
    )


def _surname(text: str, m: ActorMention) -> bool:
    """ "Nabil al-Arabi": a family name written "al-X" after a given name is the person's,
    not the outlet or group the registry spells alike."""
    if not m.surface.startswith(("al-", "el-")):
        return False
    before = re.search(r"\b([A-Z][a-z]+)\s+$", text[max(0, m.start - 20) : m.start])
    return bool(before and before.group(1) not in _NOT_NAME and not _whole_place(before.group(1)))


_ARTICLE = re.compile(r"^(?:al|el|as|ad|ar|ash|at|az)-")


def _by_surname(
    text: str, start: int, end: int, people: Sequence[ActorMention]
) -> ActorMention | None:
    """ "Blinken said", "said Kiki", "Ban had demanded", "Prince Saud urged": a person the
    article named in full before (by the end of the name, or by its first word: "Ban
    Ki-moon"), a title before it aside."""
    words = text[start:end].rstrip(".").split()  # "said Kurdi." ends the sentence
    if len(words) > 1 and words[0] in _NOT_NAME and not words[1].isupper():
        # "Prince Saud" is Saud al-Faisal, named before as a minister; "The General Command"
        # the General Command of the Army ("The US" is no one's surname)
        words = words[1:]
    # "says al-Hajj": a surname may open with its article in lower case
    if not 1 <= len(words) <= 2 or not all(_ARTICLE.sub("", w)[:1].isupper() for w in words):
        return None
    tail = " ".join(words).casefold()
    for p in reversed(people):
        name = p.surface.casefold()
        if (
            p.start < start
            and name != tail
            and (name.endswith((" " + tail, "-" + tail)) or name.startswith(tail + " "))
        ):
            return ActorMention(p.key, p.name, p.kind, p.curated, start, end, text[start:end])
    return None


def name_start(
    text: str, start: int, end: int, actors: Sequence[ActorMention], starts: Sequence[int]
) -> int:
    """Where the speaker phrase text[start:end] starts once a name the registry knows is
    whole: "the Russian center for reconciliation of the warring parties (in) Syria said"
    stopped at the lower-case words inside or after the name."""
    at = bisect_left(starts, start)
    for a in actors[max(0, at - 3) : at]:
        if a.start < start < a.end <= end or _in_syria(text, a, start, end):
            return a.start
    return start


def medium_then_name(text: str, inside: Sequence[ActorMention]) -> bool:
    """ "According to SANA al-Nusra militants tried to infiltrate": a medium or monitor
    with the next name right after it (the dataset stripped the comma) speaks; the name
    opens what it said."""
    return (
        len(inside) > 1
        and inside[0].kind in ("media", "monitor")
        and inside[1].kind not in ("person", "media", "monitor")  # "news agency SANA"
        and not text[inside[0].end : inside[1].start].strip()
    )


def resolve(
    text: str,
    start: int,
    end: int,
    actors: Sequence[ActorMention],
    starts: Sequence[int],
    people: Sequence[ActorMention] = (),
) -> Speaker:
    """The speaker of the claimant phrase text[start:end]. `actors` are the document's
    actor mentions in text order, `starts` their start offsets (for bisecting); `people`
    the persons the article named so far (for "Blinken said")."""
    if text[end : end + 1] == ".":  # "The U.S" said: the phrase stops before the dot
        end += 1
    fronted = _FRONTED.match(text, start, end)
    if fronted is None and _TOLD_TO.search(text, max(0, start - 8), start):
        # "In a phone call with SANA reporter local sources said": the reporter listened
        fronted = _REPORTER.match(text, start, end)
    if fronted is not None:
        # "Of the Daesh executioners one resident of the town told": the speaker follows
        return resolve(text, fronted.end(), end, actors, starts, people)
    modifier = _MODIFIER.search(text, start, end)
    if modifier is not None and text[start : modifier.start()].strip():
        # "The Jaysh al-Islam militant group fighting government forces in Syria has
        # admitted", "the YPG militia backed by the US said": the speaker is the head
        end = modifier.start()
    joint = _JOINT.fullmatch(text, start, end)
    if joint is not None:
        # "a monitor and rebels said": the first named leads, as "SARC, the ICRC and ..."
        first = resolve(text, start, joint.end(1), actors, starts, people)
        if first.actor is not None:
            return first
    inside = [a for a in actors[bisect_left(starts, start) :] if a.start < end]
    inside = [
        a
        for a in inside
        if a.end <= end and not located(text, a) and not DESCRIBED.match(text, a.end)
    ]
    words = text[start:end].split()
    if is_category(" ".join(w for w in words if w.casefold() not in ("the", "many"))):
        # "Rebels say", "the rebels said": a kind of fighter (§6), nobody in particular
        return Speaker(None, "generic", f"{text[start:end]!r}: a kind of fighter, no one actor")
    if words and words[-1].casefold() in PEOPLE and "of" not in words:
        # "Syrian opposition activists", not "a network of activists"
        return Speaker(None, "generic", f"{words[-1]!r}: people, nobody in particular")
    for n, w in enumerate(words[:3]):
        # "Activists in Damascus", "Another opposition activist from Deir al-Zor": where they
        # are ("Damascus" also describes the government), their side only a word about them
        low_w = w.casefold()
        crowd = low_w in PEOPLE or f"{low_w}s" in PEOPLE
        where = n + 2 < len(words) and words[n + 1] in ("in", "inside", "from")
        if crowd and where and words[n + 2][:1].isupper():
            return Speaker(None, "generic", f"{w!r}: people, nobody in particular")
    inside = [
        a
        for a in inside
        if not (a.kind == "person" and _part_of_longer_name(text, a)) and not _surname(text, a)
    ]
    surname = _by_surname(text, start, end, people)
    if surname is not None:
        return Speaker(surname, "person", f"{surname.surface!r} is {surname.name}, named before")
    people_here = [a for a in inside if a.kind == "person"]
    if people_here:
        return Speaker(people_here[-1], "person")
    name = _person_name(text, start, end, inside)
    if name is not None:
        s, e = name
        surface = text[s:e]
        return Speaker(
            ActorMention(slugify(surface), surface, "person", False, s, e, surface), "named"
        )
    living = _LIVING.match(text, start, end)
    if living is not None:
        # "One Syrian living in an area of IS control": where the speaker lives
        return Speaker(None, "generic", f"{living.group(1)!r}: nobody in particular")
    if _SYRIA.fullmatch(text, start, end) and (entry := actor_entry("syrian-government")):
        # "Syria condemned the action": the country as a speaker is its government
        m = ActorMention(entry.key, entry.name, entry.kind, True, start, end, text[start:end])
        return Speaker(m, "descriptor", "Syria as a speaker is its government")
    org = _named_org(text, start, end) if not inside else None
    if org is not None:
        return Speaker(org, "named")
    if inside:
        # "SARC, the ICRC and the IFRC released a statement": the first named leads
        joined = len(inside) > 1 and " and " in text[inside[0].end : inside[-1].start]
        if medium_then_name(text, inside):
            joined = True
        return Speaker(inside[0] if joined else inside[-1], "actor")
    if (org := _by_head(text, start, end, people, actors, starts)) is not None:
        return Speaker(org, "named", f"{text[start:end]!r} is {org.name}, named before")
    if (person := _by_title(text, start, end, people, actors, starts)) is not None:
        return Speaker(person, "person", f"{text[start:end]!r} is {person.name}, named before")
    return _described(text, start, end, actors, starts)


# heads of a phrase that names an organisation by a proper name the registry lacks
# ("the Firat news agency", "the Kurdish Hawar news agency"), by the kind it is
_ORG_HEADS = {
    "agency": "media", "broadcaster": "media", "channel": "media", "television": "media",
    "newspaper": "media", "daily": "media", "website": "media", "network": "other",
    "committee": "other", "committees": "other", "council": "other", "group": "other",
    "organisation": "other", "organization": "other", "centre": "other", "center": "other",
    "governorate": "government", "command": "government", "directorate": "government",
    "institute": "other", "commission": "other", "administration": "government",
}  # fmt: skip
# "opposition activists said": people of that side, nobody in particular
PEOPLE = word_set(
    "activists residents witnesses medics doctors rescuers locals volunteers minority community"
)
_SYRIA = re.compile(r"\s*Syria\s*")
# a participle after a speaker's head that names others: who it fights, who backs it
_MODIFIER = re.compile(
    r"\s(?:fighting|battling|backed|supported|allied|affiliated|opposed|linked)\s", re.I
)
_WHERE_IT_IS = re.compile(r"\s+in\s+")


def _in_syria(text: str, a: ActorMention, start: int, end: int) -> bool:
    """Is the phrase text[start:end] "Syria", after "<a> in" where `a` names a body, not
    its arms ("Russian strikes in Syria saying" is no speaker "Russian strikes")?"""
    return bool(
        _WHERE_IT_IS.fullmatch(text, a.end, start)
        and _SYRIA.fullmatch(text, start, end)
        and a.surface.split()[-1].lower() not in WEAPONS | OWNED_DEEDS
    )


# a partitive put first: "Of the Daesh executioners one resident ...", up to the speaker
_FRONTED = re.compile(r"\s*of\s+the\s+[^,]{3,60}?\s(?=(?:one|a|an)\s)", re.I)
# "(a call with) SANA reporter local sources": the reporter, then the speaker
_TOLD_TO = re.compile(r"\b(?:with|to)\s+$", re.I)
_REPORTER = re.compile(
    r"\s*(?:the\s+)?[\w.-]+\s+(?:reporter|correspondent)\s+(?!(?:in|at|from|on|for)\b)(?=\w)", re.I
)
# someone described by where they live: "One Syrian living in an area of IS control"
_LIVING = re.compile(
    r"\s*(?:one|a|an)\s+(?:[\w-]+\s+)?(resident|syrian|man|woman|civilian|citizen|local)"
    r"\s+(?:living|trapped|staying|sheltering|hiding)\b",
    re.I,
)
# two speakers of a few words each, joined: "a monitor and rebels", "the army and its allies"
# "a monitor and rebels", "a human rights monitoring group and activists": two speakers, the
# first a description in lower case after its first two words
_JOINT = re.compile(
    r"((?:[Tt]he|[Aa]n?)\s+[\w-]+(?:\s+[\w-]+)?(?:\s+[a-z][\w-]*){0,2}?)\s+and\s+(?:\S+\s*){1,3}"
)
# an acronym after the name it abbreviates: "... Commission SRGC", "... (SRGC)", "[SRGC]"
_ACRONYM_AFTER = re.compile(r"\s+[(\[]?[A-Z]{2,}[)\]]?\s*$")
# a head noun its name follows: "Institute of Justice", "Commission for Human Rights"
_HEAD_OF = re.compile(r"\s(?:of|for)(?:\s+the)?(?:\s+[A-Z][\w'’-]*)+\s*$")
# "a source at Homs Governorate": the institution the source speaks from
_SOURCE_AT = re.compile(r"(?:[^.;]*?)\bsources?\s+(?:at|from|in)\s+(?:the\s+)?", re.I)


def _named_org(text: str, start: int, end: int) -> ActorMention | None:
    """An organisation the phrase names with a proper name and a head noun, when the
    registry knows neither: "the Firat news agency" is Firat news agency, not the
    nearest news agency the article named."""
    if (at := _SOURCE_AT.match(text, start, end)) is not None:
        start = at.end()
    if (acronym := _ACRONYM_AFTER.search(text, start, end)) is not None:
        end = acronym.start()  # "the Syrian Revolution General Commission SRGC"
    phrase = text[start:end]
    words = phrase.split()
    lead = 1 if words and words[0].casefold() in ("the", "a", "an") else 0
    while lead < len(words) and (DESCRIBED.search(words[lead]) or _BASED.search(words[lead])):
        lead += 1  # "the Daesh-linked Aamaq news agency" is Aamaq news agency
    head = len(words) - 1
    if (of := _HEAD_OF.search(phrase)) is not None:
        head = len(phrase[: of.start()].split()) - 1  # "the Syrian Institute of Justice"
    if head - lead < 1 or words[head].casefold() not in _ORG_HEADS:
        return None
    before = text[:start].rstrip()
    opens = not before or before[-1] in '.!?"“”'  # a sentence's first word is capitalised
    named = [
        w
        for n, w in enumerate(words[lead:head] + words[head + 1 :])
        if w[:1].isupper() and (lead or n > 0 or at is not None or not opens) and w not in _NOT_NAME
    ]
    if not named:
        return None
    s = start + phrase.index(words[lead]) if lead else start
    surface = text[s:end]
    return ActorMention(
        slugify(surface), surface, _ORG_HEADS[words[head].casefold()], False, s, end, surface
    )


def _by_head(
    text: str,
    start: int,
    end: int,
    named: Sequence[ActorMention],
    actors: Sequence[ActorMention],
    starts: Sequence[int],
) -> ActorMention | None:
    """ "The Institute pointed out": the organisation the article named with that head
    word before ("the Syrian Institute of Justice said"), which the registry lacks; "the
    center said": a body with that head word among the actors named before."""
    words = text[start:end].split()
    if len(words) != 2 or words[0].casefold() != "the":
        return None
    head = words[1].casefold()
    if not words[1][:1].isupper():
        if head not in _BODY_HEADS:
            return None
        named = actors[: bisect_left(starts, start)]  # "the center": a body named before
    for a in reversed(named):
        if a.kind != "person" and a.start < start and head in a.surface.casefold().split():
            return _at(a, start, end, text)
    return None


# "the president said": the person the article named before with that title
_TITLED = re.compile(
    r"the\s+(?:[\w.-]+\s+){0,2}(president|minister|secretary-general|spokesman|spokeswoman|"
    r"envoy|ambassador|governor|director|king|prince)",
    re.I,
)


def _by_title(
    text: str,
    start: int,
    end: int,
    people: Sequence[ActorMention],
    actors: Sequence[ActorMention],
    starts: Sequence[int],
) -> ActorMention | None:
    """ "The president said": the last person named before with that title written around
    the name ("President Barack Obama", "Director of Daraa Health Directorate Abdel Wadoud
    al-Homsi", "Obama the US president"); nobody when none was."""
    m = _TITLED.fullmatch(text, start, end)
    if m is None:
        return None
    title = re.compile(rf"\b{m.group(1)}\b", re.I)
    persons = [a for a in actors[: bisect_left(starts, start)] if a.kind == "person"]
    persons += [p for p in people if p.end <= start]
    for a in sorted(persons, key=lambda a: a.start, reverse=True):
        if title.search(text, max(0, a.start - 60), min(a.end + 40, start)):
            return _at(a, start, end, text)
    return None


# heads by which "the center said" names again a body named before with it
_BODY_HEADS = word_set("center centre committee council commission institute directorate inquiry")


def _words(text: str, start: int, end: int) -> tuple[list[str], set[str]]:
    """The phrase's lowercase words, and the same with plurals made singular as well."""
    words = re.findall(r"[a-z]+(?:-[a-z]+)*", text[start:end].casefold())
    return words, {w.removesuffix("s") for w in words} | set(words)


def describes(text: str, start: int, end: int, actor: ActorMention) -> bool:
    """Could the description text[start:end] ("the group", "the monitor") be `actor`?"""
    _, bare = _words(text, start, end)
    d = next((d for d in _descriptors() if d.fits(bare)), None)
    return d is not None and actor.kind in d.kinds


def _described(
    text: str, start: int, end: int, actors: Sequence[ActorMention], starts: Sequence[int]
) -> Speaker:
    """A phrase that names no actor but describes one ("the monitor", "a war monitor",
    "the state news agency"): the nearest actor of that kind the article names, before
    the phrase first, then after it; a descriptor's default when the article names none."""
    words, bare = _words(text, start, end)
    if words and words[-1] in _GROUPS:
        return Speaker(None, "generic")  # "Rights groups have criticised": several, none named
    for d in _descriptors():
        if not d.fits(bare):
            continue
        if _plural(words, d.words):
            break  # "humanitarian groups said": nobody in particular
        at = bisect_left(starts, start)
        away = qualified_away(bare)  # "Jordanian state TV": no Syrian actor

        if (
            not away
            and bare & _SOURCES
            and (default := _certain_default(d, bare, start, end, text))
        ):
            # "military sources said": an insider of the Syrian army, whoever the article
            # named before (the Russian jets whose raids they tell of)
            return default

        # "Syrian officials": the Syrian government's, never Moscow's foreign ministry
        home = "syrian" in bare and d.kinds <= _STATE_KINDS

        def fits(a: ActorMention, d: _Descriptor = d, away: bool = away, home: bool = home) -> bool:
            return (
                a.kind in d.kinds
                and a.curated
                and not (away and syrian(a.key))
                and not (home and not syrian(a.key))
            )

        before = _echoing([a for a in reversed(actors[:at]) if fits(a)], bare)
        after = _echoing([a for a in actors[at:] if fits(a) and a.start >= end], bare & d.words)
        found = (
            before[0] if before else (after[0] if after and after[0].start - end < 600 else None)
        )
        if found is not None:
            note = f"{text[start:end]!r} refers to {found.name}, named at {found.start}"
            return Speaker(_at(found, start, end, text), "descriptor", note)
        if away:
            # the default is Syria's ("state TV" is SANA); "Jordanian state TV" is another
            # country's medium, one the registry lacks
            if "media" in d.kinds and words[-1] in d.words:
                name = re.sub(r"^(?:the|a|an)\s+", "", text[start:end], flags=re.I)
                m = ActorMention(slugify(name), name, "media", False, start, end, name)
                return Speaker(m, "named", f"{name!r}: another country's medium")
            break
        default = _certain_default(d, bare, start, end, text)
        if default is not None:
            return default
        # the first descriptor decides: "a correspondent at the Kuweires Military Airport"
        # is nobody in particular when no medium is named, never the army named before
        break
    return Speaker(None, "generic")


# plural heads of nobody in particular: "rights groups", "independent monitors", "diplomats"
_GROUPS = word_set(
    "groups organizations organisations ngos monitors diplomats analysts experts observers"
)
_SOURCES = frozenset({"source", "sources"})
_STATE_KINDS = frozenset({"government", "state_military", "state"})


def _certain_default(
    d: _Descriptor, bare: set[str], start: int, end: int, text: str
) -> Speaker | None:
    """The descriptor's default actor, when the phrase's words make it certain."""
    if not d.default or d.default_when and not bare & d.default_when:
        return None
    entry = actor_entry(d.default)
    if entry is None:
        return None
    m = ActorMention(entry.key, entry.name, entry.kind, True, start, end, text[start:end])
    return Speaker(m, "descriptor", f"{text[start:end]!r} is {entry.name}")


def _plural(words: list[str], singular: frozenset[str]) -> bool:
    """Do the phrase's descriptor words stand in the plural, as its head or joined to
    another ("monitors and sources on the ground")? A plural before a noun is a possessive
    whose apostrophe was stripped ("the monitors director")."""
    found = [i for i, w in enumerate(words) if w in singular or w.removesuffix("s") in singular]
    last = len(words) - 1
    return bool(found) and all(
        words[i] not in singular and (i == last or words[i + 1] in ("and", "or")) for i in found
    )


def _echoing(candidates: list[ActorMention], bare: set[str]) -> list[ActorMention]:
    """Candidates whose name shares a word with the phrase first: "the general staff" is
    the Russian General Staff named before, not US strikes named since."""

    def echoes(a: ActorMention) -> bool:
        names = f"{a.name} {a.surface}".casefold().replace("-", " ").split()
        return bool({w.removesuffix("s") for w in names} & bare)

    return sorted(candidates, key=lambda a: not echoes(a))


def _at(actor: ActorMention, start: int, end: int, text: str) -> ActorMention:
    """The actor, at the span of the words that describe it."""
    return ActorMention(
        actor.key, actor.name, actor.kind, actor.curated, start, end, text[start:end]
    )
