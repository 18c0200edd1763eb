"""Actors named without a name: "Russian strikes", "regime planes", "the army".

The rules are data (data/generic_actors.toml): a modifier before a head noun names an
actor, and a few bare nouns name the one actor they mean in reporting on the Syrian war.
Only words that no registry name covers are looked at, so "Turkish Armed Forces" stays
the registry's and "the Iraqi army" is never the Syrian one.
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from app.extraction.normalize import Token, scan_cached, word_set
from app.extraction.registry import DATA_DIR, actor_entry
from app.extraction.types import ARMED_GROUP_KINDS, ActorMention


@dataclass(frozen=True, slots=True)
class _Rules:
    phrases: dict[tuple[str, ...], str]  # modifier + head words -> actor key
    firsts: frozenset[str]  # the words phrases start with (the only ones worth a look)
    longest: int
    bare: dict[str, str]
    context: dict[str, tuple[str, ...]]  # bare word -> actors it may mean, by article
    blockers: frozenset[str]
    categories: frozenset[str]


def _words(phrase: str) -> tuple[str, ...]:
    return tuple(phrase.casefold().replace("-", " ").replace(".", "").split())


@cache
def _rules() -> _Rules:
    with (DATA_DIR / "generic_actors.toml").open("rb") as f:
        data = tomllib.load(f)
    phrases: dict[tuple[str, ...], str] = {}
    for rule in data["rule"]:
        if actor_entry(rule["actor"]) is None:
            raise ValueError(f"generic_actors.toml: unknown actor {rule['actor']!r}")
        for modifier in rule["modifiers"]:
            for head in rule["heads"]:
                phrases.setdefault(_words(modifier) + _words(head), rule["actor"])
    return _Rules(
        phrases=phrases,
        firsts=frozenset(words[0] for words in phrases),
        longest=max(map(len, phrases)),
        bare=dict(data["bare"]),
        context={w: tuple(keys) for w, keys in data.get("bare_context", {}).items()},
        blockers=frozenset(_words(" ".join(data["bare_blockers"]["words"]))),
        categories=frozenset(s.casefold() for s in data["categories"]["surfaces"]),
    )


def is_category(surface: str) -> bool:
    """A name for a kind of fighter ("rebels", "militants"), not for one actor."""
    words = surface.casefold().split()
    # "the extremists" that refer back to one actor (_the_kind) name that actor
    if words and words[0] in ("a", "an", "some", "other", "many"):
        words = words[1:]
    return " ".join(words) in _rules().categories


def _word(t: Token) -> str:
    return t.text.casefold().replace(".", "")


def _mention(text: str, key: str, start: int, end: int) -> ActorMention:
    entry = actor_entry(key)
    assert entry is not None  # checked when the rules load
    return ActorMention(key, entry.name, entry.kind, True, start, end, text[start:end])


def _in_context(word: str, at: int, rules: _Rules, named: Sequence[tuple[int, str]]) -> str | None:
    """The actor a bare word means here: the last of its candidates named before it
    (`named` in text order)."""
    candidates = rules.context.get(word, ())
    if not candidates:
        return None
    for n in range(bisect_left(named, (at,)) - 1, -1, -1):
        if named[n][1] in candidates:
            return named[n][1]
    return None


def _armed_group_before(at: int, named: Sequence[tuple[int, str]]) -> bool:
    """Is the registry name covering the word at `at` an armed group's (not a person's:
    "Assads regime" is still the government)?"""
    n = bisect_left(named, (at + 1,))  # the last named at or before `at` (in text order)
    entry = actor_entry(named[n - 1][1]) if n else None
    return entry is not None and entry.kind in ARMED_GROUP_KINDS


def find_generic(
    text: str, covered: list[tuple[int, int]], named: list[tuple[int, str]] = ()
) -> list[ActorMention]:
    """Generic actor mentions in the parts of `text` that `covered` spans leave free;
    `named` are (start, key) of the registry names found, in text order, for bare words'
    context."""
    rules = _rules()
    toks = scan_cached(text)
    taken = _taken(toks, covered)
    words = [_word(t) for t in toks]
    out: list[ActorMention] = []
    i, n = 0, len(toks)
    while i < n:
        if taken[i]:
            i += 1
            continue
        hit = None
        first = words[i]
        if first not in rules.firsts and first.endswith("s") and first[:-1] in rules.firsts:
            first = first[:-1]  # "the coalitions airstrike": a possessive without apostrophe
        if first in rules.firsts:
            j = i
            while j < n and j - i < rules.longest and not taken[j]:
                if j > i and not toks[j].joined:
                    break
                key = rules.phrases.get((first, *words[i + 1 : j + 1]))
                if key is not None and j > i:
                    hit = (j, key)
                j += 1
        if hit is not None:
            j, key = hit
            out.append(_mention(text, key, toks[i].start, toks[j].end))
            i = j + 1
            continue
        if (
            words[i] in rules.firsts
            and i + 2 < n
            and toks[i + 1].hyphen
            and toks[i + 2].joined
            and (key := rules.phrases.get((words[i], words[i + 2]))) is not None
        ):  # "a Russian-US brokered ceasefire": Russia brokered it too
            out.append(_mention(text, key, toks[i].start, toks[i].end))
            i += 1
            continue
        if words[i] in rules.firsts and i + 1 < n and words[i + 1] in ("and", "or"):
            shared = _shared_head(toks, words, i, rules)
            if shared is not None:  # "Syrian and Russian warplanes": the Syrian ones too
                out.append(_mention(text, shared, toks[i].start, toks[i].end))
                i += 1
                continue
        owner = _predicated(words, i, rules)
        if owner is not None:  # "whether the raid was Syrian or Russian"
            out.append(_mention(text, owner, toks[i].start, toks[i].end))
            i += 1
            continue
        if _loyal(words, i):  # "the forces loyal to President Bashar al-Assad"
            out.append(_mention(text, "syrian-arab-army", toks[i].start, toks[i].end))
            i += 1
            continue
        group = _the_group(toks, words, i, named) or _the_kind(toks, words, i, named)
        if group is not None:
            out.append(_mention(text, group, toks[i - 1].start, toks[i].end))
            i += 1
            continue
        key = rules.bare.get(words[i])
        if i > 0 and taken[i - 1] and toks[i].joined:
            # "Al-Qaeda loyalists", "Hezbollah troops": the group's men
            key = None if _armed_group_before(toks[i - 1].start, named) else key
        if key is not None and _theirs(text, toks[i].start, named):
            key = None  # "Russia has so far lost at least 12 soldiers": its own men
        if key is not None and _bare_ok(toks, i, rules):
            key = _in_context(words[i], toks[i].start, rules, named) or key
            out.append(_mention(text, key, toks[i].start, toks[i].end))
        i += 1
    return out


def widen(text: str, actors: list[ActorMention]) -> list[ActorMention]:
    """A registry name that is a rule's modifier takes the head after it: "Syrian regime
    troops" is the army (one mention), not the regime and then troops."""
    rules = _rules()
    toks = scan_cached(text)
    starts = [t.start for t in toks]
    out = []
    for a in actors:
        words = _words(a.surface)
        # a person's forces are named by the surname: "President Bashar al-Assad's forces"
        names = (words, words[-1:]) if a.kind == "person" else (words,)
        k = bisect_left(starts, a.end)
        hit = None
        for length in (1, 2, 3):
            head = tuple(_word(t) for t in toks[k : k + length])
            if len(head) < length or not all(t.joined for t in toks[k : k + length]):
                break
            key = next((key for w in names if (key := rules.phrases.get(w + head))), None)
            if key is not None:
                hit = (key, toks[k + length - 1].end)
        hit = hit or _led(toks, k, a.key)
        if hit and hit[0] != a.key and _word(toks[k]) == "backed":
            # "US-backed fighters": the backer stays named beside the fighters it backs
            out += [a, _mention(text, hit[0], toks[k].start, hit[1])]
            continue
        out.append(_mention(text, hit[0], a.start, hit[1]) if hit else a)
    return out


def _led(toks: tuple[Token, ...], k: int, leader: str) -> tuple[str, int] | None:
    """The (key, end) of "US-led anti-terror coalition" after a name ending at toks[k]: the
    coalition the named actor leads, when the bare word it ends on means one of that
    actor's bodies (one mention, not the US and then the coalition)."""
    if k >= len(toks) or _word(toks[k]) != "led" or not toks[k].hyphen:
        return None
    for m in range(k + 1, min(len(toks), k + 4)):
        if not toks[m].joined:
            return None
        key = _rules().bare.get(_word(toks[m]))
        if key is not None:
            entry = actor_entry(key)
            return (key, toks[m].end) if entry is not None and entry.parent == leader else None
    return None


def _shared_head(toks: tuple[Token, ...], words: list[str], i: int, rules: _Rules) -> str | None:
    """The actor of modifier toks[i] when it shares the head of the next phrase
    ("Syrian and Russian warplanes", "Syrian or Russian jets", "regime and rebel fighters",
    "Russian and regime bombing")."""
    if i + 3 >= len(toks) or not (
        toks[i + 2].capital or _side(words[i + 2], rules) or words[i + 2] in rules.firsts
    ):
        return None
    # the next phrase may carry a word of its own before the shared head: "Russian or
    # Syrian regime war planes" are Russian war planes
    for skip in (0, 1):
        for length in (3, 2, 1):
            head = tuple(words[i + 3 + skip : i + 3 + skip + length])
            if skip and not (
                len(head) == length
                and rules.phrases.get((words[i + 2], *words[i + 3 : i + 3 + skip], *head))
            ):
                continue
            if len(head) == length and (key := rules.phrases.get((words[i], *head))) is not None:
                return key
    return None


_COPULA = word_set("was were is are")
_CLAUSE_START = word_set("whether if that said say says")


def _predicated(words: list[str], i: int, rules: _Rules) -> str | None:
    """The owner a state's adjective names when it is said of an attack or aircraft after
    "was"/"were" ("whether the raid was Syrian or Russian", "if the planes involved in the
    attack were Syrian"): the head noun the clause opens with ("the planes"), or None."""
    k = i - 1
    while k >= 0 and (words[k] in ("or", "and") or words[k] in rules.firsts):
        k -= 1  # "Syrian or Russian": back over the other adjectives
    if k < 0 or words[k] not in _COPULA or words[i] not in rules.firsts:
        return None
    opening = next((m for m in range(k - 1, max(-1, k - 9), -1) if words[m] in _CLAUSE_START), None)
    if opening is None:
        return None
    m = opening + 1
    while m < k and words[m] in ("the", "a", "an"):
        m += 1
    head = words[m]
    return rules.phrases.get((words[i], head)) or rules.phrases.get((words[i], head + "s"))


_LOYAL_HEADS = word_set("forces troops fighters militias militiamen soldiers units")
_SYRIAN_RULE = word_set("assad assads regime government damascus")


def _loyal(words: list[str], i: int) -> bool:
    """Do words[i:] read "forces loyal to ... Assad/the regime/the government"? ("forces
    loyal to Syrian President Bashar al-Assad" puts "assad" five words on)"""
    return (
        words[i] in _LOYAL_HEADS
        and words[i + 1 : i + 3] == ["loyal", "to"]
        and any(w in _SYRIAN_RULE for w in words[i + 3 : i + 8])
    )


# kinds of actor "the group" may refer back to, and the armed ones among them
_BODIES = frozenset({"jihadist_group", "rebel_group", "militia", "monitor", "media", "other"})


def _the_group(
    toks: tuple[Token, ...], words: list[str], i: int, named: Sequence[tuple[int, str]]
) -> str | None:
    """ "The group seized large areas": the armed group a sentence's "The group" refers to, when
    the last body (group, monitor, medium) named before it is one; no name follows it
    ("the group Jaish al-Islam" is that name's)."""
    if words[i] != "group" or i == 0 or toks[i - 1].text != "The" or not toks[i].joined:
        return None
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if nxt is not None and nxt.joined and nxt.capital:
        return None
    at = toks[i].start
    kinds = [(key, e.kind) for start, key in named if start < at and (e := actor_entry(key))]
    bodies = [(key, kind) for key, kind in kinds if kind in _BODIES]
    return bodies[-1][0] if bodies and bodies[-1][1] in ARMED_GROUP_KINDS else None


# nouns for the kind of an actor that, after "the", refer back to one actor of that kind
_KIND_NOUNS = {"jihadists": "jihadist_group", "extremists": "jihadist_group"}


def _the_kind(
    toks: tuple[Token, ...], words: list[str], i: int, named: Sequence[tuple[int, str]]
) -> str | None:
    """ "the extremists have since lost most of the territory": the actor of that kind the
    article has named most often before it (the latest on a tie), as "the group" refers back;
    bare "jihadists" or "extremists" name no one (a category, docs/annotation.md §6)."""
    kind = _KIND_NOUNS.get(words[i])
    if kind is None or i == 0 or words[i - 1] != "the" or not toks[i].joined:
        return None
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if nxt is not None and nxt.joined and nxt.capital:  # "the jihadists Jabhat al-Nusra"
        return None
    at = toks[i].start
    seen = [
        key for start, key in named if start < at and (e := actor_entry(key)) and e.kind == kind
    ]
    return max(reversed(seen), key=seen.count) if seen else None


def _side(word: str, rules: _Rules) -> bool:
    """Does the word name the other side of a fight ("rebel", "opposition")?"""
    return word == "opposition" or word in rules.categories


def qualified_away(words: set[str]) -> bool:
    """Does one of the (lowercase) words make a noun someone else's than Syria's ("Jordanian
    state TV", "Russian military sources", "opposition military sources")?"""
    return bool(words & _rules().blockers)


def foreign_before(toks: tuple[Token, ...], i: int, key: str) -> bool:
    """Does another country's adjective qualify the generic name at toks[i] ("Jordanian
    state TV", "Iraqi government forces")? Names of Syrian actors only, by their key."""
    if i == 0 or not toks[i].joined:
        return False
    return syrian(key) and qualified_away({_word(toks[i - 1])})


def syrian(key: str) -> bool:
    """Is the registry actor a Syrian one (its key or its parent's says so)?"""
    entry = actor_entry(key)
    return entry is not None and (
        key.startswith("syrian") or bool(entry.parent and entry.parent.startswith("syrian"))
    )


_THEIRS = re.compile(
    r"\b(?:(?:lost|loses|losing)\s+(?:(?:at\s+least|more\s+than|about|some|nearly|over)\s+)?"
    r"[\w-]+\s+(?:of\s+its\s+)?|(?:its|their)\s+(?:own\s+)?(?:[\w-]+\s+)?)$",
    re.I,
)
_OWNER_REACH = 80  # characters before "lost" or "its" in which the owner is named
# "The Pentagon has reportedly deployed more than 200 special forces troops", "The Turkish
# army stepped up security ... following days of deploying troops": the sender's men
_SENT = re.compile(
    r"\b(?:deploy|deploys|deployed|deploying|send|sends|sent|sending|dispatched)\s+"
    r"(?:[\w-]+\s+){0,5}$",
    re.I,
)
_SENDER_REACH = 160


def _theirs(text: str, at: int, named: Sequence[tuple[int, str]]) -> bool:
    """Do the men at `at` belong to another party, one that lost them, owns them or sent
    them ("Russia has so far lost at least 12 soldiers", "the Turkish military said four of
    its soldiers", "the Pentagon has deployed 200 troops")? Not the Syrian army's, then."""
    owner, reach = _THEIRS.search(text, max(0, at - 40), at), _OWNER_REACH
    if owner is None:
        owner, reach = _SENT.search(text, max(0, at - 60), at), _SENDER_REACH
    if owner is None:
        return False
    since = owner.start() - reach
    before = [key for start, key in named if since <= start < owner.start()]
    return bool(before) and not syrian(before[-1])


def _bare_ok(toks: tuple[Token, ...], i: int, rules: _Rules) -> bool:
    t = toks[i]
    prev = _word(toks[i - 1]) if i > 0 and t.joined else ""
    nxt = toks[i + 1].text.casefold() if i + 1 < len(toks) and toks[i + 1].joined else ""
    if prev in rules.blockers or _indefinite(toks, i):
        return False
    if prev in ("anti", "pro") and t.hyphen:  # "anti-government protests", "pro-regime militia"
        return False
    # "Army of Conquest", "Coalition for ...": part of a name the registry lacks; a people
    # is none ("blame the Russians for the attacks", "accused the Turks of shelling")
    return not (
        t.capital
        and nxt in ("of", "for")
        and i > 0
        and not toks[i - 1].capital
        and _word(t) not in _PEOPLES
    )


_PEOPLES = frozenset({"russians", "turks", "americans", "iranians", "kurds"})


# words that end a noun phrase whose head is the word before them
_PHRASE_ENDS = word_set(
    "of that which who including led backed formed comprising made called named and or in "
    "with to for from is was has had against between"
)


def _indefinite(toks: tuple[Token, ...], i: int) -> bool:
    """Is the bare noun at toks[i] the head of an indefinite phrase ("a Salafi hard line
    coalition that includes", "an army of volunteers")? Then it names some coalition or
    army, not the one the bare word means ("a coalition airstrike" still does)."""
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if nxt is not None and nxt.joined and _word(nxt) not in _PHRASE_ENDS:
        return False
    k = i
    while k > 0 and i - k < 4 and toks[k].joined:
        k -= 1
        w = _word(toks[k])
        if w in ("a", "an", "another"):
            return True
        if w in ("the", "its", "their", "his", "this", "that", "between") or (
            w in _PHRASE_ENDS and not toks[k].hyphen  # "a newly-formed coalition" goes on
        ):
            return False
    return False


def _taken(toks: tuple[Token, ...], covered: list[tuple[int, int]]) -> list[bool]:
    taken = [False] * len(toks)
    spans = sorted(covered)
    k = 0
    for idx, t in enumerate(toks):
        while k < len(spans) and spans[k][1] <= t.start:
            k += 1
        taken[idx] = k < len(spans) and spans[k][0] < t.end
    return taken
