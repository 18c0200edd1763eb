"""Actor mentions: curated names from actors.toml, then named groups and people that the
registry does not know (curated=False), so that no named claimant is lost.

Curated names match like places do (folded keys, exact spellings always, folded-alike
spellings only when close and free of common English words), with the case rules in
the header of actors.toml. An alias shared by several actors goes to the one whose
validity window holds the publication date ``on``. Mentions never overlap: the longest
curated name wins, uncurated ones fill the gaps, and a curated title followed by a name
("Turkish Foreign Minister Mevlut Cavusoglu", "US President Barack Obama") is one span.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from .generic import foreign_before
from .normalize import (
    ARTICLES,
    Token,
    close_spelling,
    could_start,
    first_words,
    key_prefixes,
    light_key,
    longest_match,
    name_tokens,
    normalize_key,
    scan_cached,
    slugify,
    span_literal,
)
from .numbers import TENS, UNITS, VAGUE
from .places import find_places, is_place_name, state_seats
from .registry import (
    actor_entries,
    actor_entry,
    common_word,
    contested_keys,
    per_registry,
    uncurated_rules,
)
from .types import ActorEntry, ActorMention, AliasEntry


@dataclass(frozen=True, slots=True)
class _Alias:
    actor: ActorEntry
    literal: str
    case: str  # exact (as written) | capital (needs one capital in the text) | any
    caps: tuple[int, ...]  # words written in capitals ("US" in "US President") stay so
    valid_from: date | None
    valid_to: date | None

    def valid_on(self, on: date) -> bool:
        return (self.valid_from is None or self.valid_from <= on) and (
            self.valid_to is None or on < self.valid_to
        )


def _case(alias: str) -> tuple[str, tuple[int, ...]]:
    toks = [t for t in name_tokens(alias) if t.casefold() not in ARTICLES]
    if len(toks) == 1 and toks[0].isupper():
        return "exact", (0,)
    caps = tuple(k for k, t in enumerate(toks) if t.isupper() and len(t) > 1)
    return ("capital" if any(c.isupper() for c in alias) else "any"), caps


@dataclass(frozen=True, slots=True)
class _Index:
    keys: dict[str, list[_Alias]]
    prefixes: frozenset[str]
    exact: dict[str, list[_Alias]]  # ALL-CAPS aliases by their letters ("US" for U.S.)
    firsts: frozenset[str]


@per_registry()
def _index() -> _Index:
    keys: dict[str, list[_Alias]] = {}
    exact: dict[str, list[_Alias]] = {}
    for a in actor_entries():
        for al in (AliasEntry(a.name), *a.aliases):
            lit = light_key(al.alias)
            entry = _Alias(a, lit, *_case(al.alias), al.valid_from, al.valid_to)
            if entry.case == "exact":
                exact.setdefault("".join(name_tokens(al.alias)), []).append(entry)
            elif k := normalize_key(al.alias):
                keys.setdefault(k, []).append(entry)
    return _Index(keys, key_prefixes(keys), exact, first_words(keys))


def _choose(pool: list[_Alias], on: date | None) -> ActorEntry:
    if on is not None:
        pool = [a for a in pool if a.valid_on(on)] or pool
    else:  # without a date, prefer names that are not tied to a period
        pool = [a for a in pool if a.valid_from is None and a.valid_to is None] or pool
    return pool[0].actor


def _accept(toks: tuple[Token, ...]):
    def accept(pool: list[_Alias], i: int, j: int, possessive: bool) -> list[_Alias] | None:
        words = [t for t in toks[i : j + 1] if not t.article]
        capital = any(w.capital for w in words)
        pool = [
            a
            for a in pool
            if (a.case == "any" or capital)
            and all(k < len(words) and words[k].text.replace(".", "").isupper() for k in a.caps)
        ]
        if possessive and not toks[j].capital and i > 0 and _counting(toks[i - 1].text):
            return None  # "two U.N. envoys went": a plural, not the envoy's
        lit = span_literal(words, possessive)
        same = [a for a in pool if a.literal == lit]
        if same or possessive or any(w.text.isupper() and len(w.text) > 1 for w in words):
            return same or None
        if (len(words) == 1 and common_word(lit)) or is_place_name(" ".join(w.text for w in words)):
            return None  # a place spelled exactly is the place (Mayadin is not Al Mayadeen)
        if " ".join(w.key for w in words) in contested_keys():
            return None  # "Sina" is neither China nor SANA
        return [a for a in pool if close_spelling(lit, (a.literal,))] or None

    return accept


_COUNTING = frozenset({*UNITS, *TENS, *VAGUE, "many", "some", "other", "both", "few", "all"})


def _counting(word: str) -> bool:
    """A word that counts what follows it, so a name's last word ending in s is plural."""
    return word[:1].isdigit() or word.casefold() in _COUNTING


def _exact(word: str, i: int, exact: dict[str, list[_Alias]]):
    """An acronym spelled exactly, or with the possessive s of a text that lost its
    apostrophes ("SANAs correspondent")."""
    if word in exact:
        return i, exact[word], False
    if word.endswith("s") and word[:-1].isupper() and word[:-1] in exact:
        return i, exact[word[:-1]], True
    return None


def find_actors(text: str, *, on: date | None = None) -> list[ActorMention]:
    """Curated and uncurated actor mentions in text order, never overlapping.

    ``on`` is the publication date: it picks between actors sharing a time-bound alias
    ("US President" is Obama in 2016, Trump in 2018).
    """
    idx = _index()
    toks = scan_cached(text)
    accept = _accept(toks)
    covered = [False] * len(toks)
    found: list[ActorMention] = []
    i, n = 0, len(toks)
    while i < n:
        m = (
            longest_match(toks, i, idx.keys, idx.prefixes, accept, lower_possessive=True)
            if could_start(toks[i], idx.firsts)
            else None
        )
        if m is None:
            m = _exact(toks[i].text.replace(".", ""), i, idx.exact)
        if m is None:
            i += 1
            continue
        j, pool, possessive = m
        actor = _choose(pool, on)
        # "so-called Islamic State of Iraq and the Levant": a longer name of the same actor
        # starting inside the match carries it on (else "Iraq" is left over as a state)
        for k in range(i + 1, j + 1):
            longer = longest_match(toks, k, idx.keys, idx.prefixes, accept, lower_possessive=True)
            if longer is not None and longer[0] > j and _choose(longer[1], on).key == actor.key:
                j, possessive = longer[0], longer[2]
                break
        if toks[i].text[0].islower() and foreign_before(toks, i, actor.key):
            i = j + 1  # "Jordanian state TV" is not Syrian state media
            continue
        if (
            actor.key in _SIDES
            and i > 0
            and toks[i].hyphen
            and toks[i - 1].text.casefold() in _LEANING
        ):
            i = j + 1  # "pro-opposition television", "anti-Assad rebels": someone else
            continue
        if (
            toks[j].text.islower()
            and j + 1 < n
            and toks[j + 1].joined
            and toks[j + 1].text.casefold() in _MODIFIED
        ):
            i = j + 1  # "the Syrian military conflict": a modifier of the conflict, no actor
            continue
        if actor.key == "un-secretary-general" and _OF_ANOTHER_BODY.match(text, toks[j].end):
            i = j + 1  # "Secretary-General of the Syrian Coalition": another body's
            continue
        s, e = toks[i].start, toks[j].end - (1 if possessive else 0)
        branch = _SYRIAN_BRANCH.match(text, toks[j].end) if possessive else None
        apposed = bool(found) and not text[found[-1].end : s].strip()
        if (
            branch is not None
            and not apposed  # "Al-Nusra Front Al-Qaedas Syria affiliate": describes it
            and (entry := actor_entry(_BRANCHES.get(actor.key, "")))
        ):
            # "a group led by Al-Qaedas former Syria affiliate": the branch, named by its owner
            # (the apostrophe lost, which the registry's "al-Qaeda's Syria affiliate" needs)
            actor, e = entry, branch.end()
        found.append(ActorMention(actor.key, actor.name, actor.kind, True, s, e, text[s:e]))
        covered[i : j + 1] = [True] * (j + 1 - i)
        i = j + 1
    found += _uncurated(text, toks, covered)
    found.sort(key=lambda m: m.start)
    return _merge(text, found)


# "Secretary-General of the Syrian Coalition", "of NATO": a title of another body than the UN
_OF_ANOTHER_BODY = re.compile(r"\s+of\s+(?:the\s+)?(?!United\s+Nations|UN\b|U\.N\.)[A-Z]")
# a title, then the body it is held in, right before a name: "Secretary-General of the
# Syrian Coalition Abdul Ilah al-Fahd sent"
_TITLE_OF_BODY = re.compile(
    r"\b(?:[Ss]ecretary-[Gg]eneral|[Ss]ecretary|[Hh]ead|[Cc]hairman|[Pp]resident|[Ll]eader"
    r"|[Ss]pokesman|[Dd]irector|[Cc]ommander|[Mm]ember|[Vv]ice-[Pp]resident)"
    r"\s+of\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+){1,5}$"
)
# an owner's Syrian branch named by the owner alone ("al-Qaedas former Syrian affiliate"),
# not when the branch's own name follows ("Al Qaedas Syrian arm the Nusra Front")
_SYRIAN_BRANCH = re.compile(
    r"\s+(?:former\s+)?Syrian?\s+(?:affiliate|branch|offshoot|franchise)\b"
    r"(?!\s+(?:the\s+)?[A-Z])"
)
_BRANCHES = {"al-qaeda": "al-nusra-front"}
# the sides of the war, which "pro-" and "anti-" turn into someone else's allegiance
_SIDES = frozenset({"syrian-government", "syrian-opposition", "bashar-al-assad"})
_LEANING = frozenset({"pro", "anti"})
# nouns that a name ending in a lower-case word only modifies ("Syrian military conflict")
_MODIFIED = frozenset(
    {"conflict", "conflicts", "crisis", "analyst", "analysts", "expert", "experts"}
)


def seat_actors(text: str, *, on: date | None = None) -> list[ActorMention]:
    """A seat of government standing for its state ("whether Damascus is adhering to its
    commitments"): the actor that "<seat> government" names."""
    out = []
    for start, end, state in state_seats(text):
        found = find_actors(state, on=on)
        if len(found) == 1:
            a = found[0]
            out.append(ActorMention(a.key, a.name, a.kind, True, start, end, text[start:end]))
    return out


def _merge(text: str, found: list[ActorMention]) -> list[ActorMention]:
    """Join a mention to the previous one when they name the same actor side by side,
    or when a curated title ("Russian Foreign Minister") precedes an uncurated name."""
    out: list[ActorMention] = []
    for m in found:
        prev = out[-1] if out else None
        adjacent = prev is not None and text[prev.end : m.start].strip(" ") == ""
        same = adjacent and prev.key == m.key
        # a title before a name ("Russian Foreign Minister"), never a one-word name:
        # "Abdulrahman Attar" is not Rami Abdel Rahman
        titled = (
            adjacent
            and prev.curated
            and prev.kind == "person"
            and " " in prev.surface
            and not m.curated
            and m.kind == "person"
        )
        if same or titled:
            out[-1] = ActorMention(
                prev.key,
                prev.name,
                prev.kind,
                prev.curated,
                prev.start,
                m.end,
                text[prev.start : m.end],
            )
        else:
            out.append(m)
    return out


@cache
def _cues() -> dict[str, frozenset[str] | dict[str, str]]:
    r = uncurated_rules()
    person, group = r["person"], r["group"]
    heads = {w: kind for kind, ws in group["heads"].items() for w in ws}
    return {
        "titles": frozenset(person["titles"]),
        "verbs": frozenset(person["verbs_after"]),
        "roles": frozenset(person["roles_after"]),
        "not_names": frozenset(person["not_names"]),
        "heads": heads,
        "leads": frozenset(group["leads"]),
        "appositive": frozenset(group["appositive"]),
        "generic": frozenset(group["generic"]),
    }


_PARTICLES = frozenset({"al", "el", "bin", "ibn", "of", "for", "and", "de", "van", "von"})
_ORDINALS = frozenset({"st", "nd", "rd", "th"})


def _name_word(t: Token) -> bool:
    """Capitalised, or an ordinal ("93rd Brigade"); bare numbers end a name."""
    return t.capital or (t.text[0].isdigit() and t.text[-2:].casefold() in _ORDINALS)


def _uncurated(text: str, toks: tuple[Token, ...], covered: list[bool]) -> list[ActorMention]:
    """Named people and groups in the runs of capitalised words no curated name covers."""
    cues = _cues()
    out: list[ActorMention] = []
    n = len(toks)
    i = 0
    while i < n:
        if covered[i] or not _name_word(toks[i]):
            i += 1
            continue
        j = i
        while j + 1 < n and not covered[j + 1] and toks[j + 1].joined:
            nxt = toks[j + 1]
            if _name_word(nxt):
                j += 1
            elif (
                nxt.text.casefold() in _PARTICLES
                and j + 2 < n
                and not covered[j + 2]
                and toks[j + 2].joined
                and _name_word(toks[j + 2])
            ):
                j += 2
            else:
                break
        hit = _classify(text, toks, i, j, cues)
        if hit is not None:
            s, e, kind = hit
            name = text[s:e]
            out.append(ActorMention(slugify(name), name, kind, False, s, e, name))
        i = j + 1
    return out


def _classify(text, toks, i, j, cues) -> tuple[int, int, str] | None:
    """(start, end, kind) of the actor named by the capitalised run toks[i..j], if any."""
    run = list(toks[i : j + 1])
    low = [t.text.casefold() for t in run]
    while len(run) > 1 and low[0] in cues["not_names"] and low[0] not in cues["titles"]:
        run, low = run[1:], low[1:]  # "Meanwhile the Idlib Media Center"
    kind = cues["heads"].get(low[-1])
    if len(run) >= 2 and run[0].capital and (kind or low[0] in cues["leads"]):
        name = text[run[0].start : run[-1].end]
        plain = all(w in cues["not_names"] or w in cues["generic"] for w in low[:-1])
        where = text[run[0].start : run[-2].end] if kind else ""  # "Idleb Units"
        if not plain and not is_place_name(name) and not is_place_name(where):
            return run[0].start, run[-1].end, kind or "militia"
        return None
    titled = [k for k, w in enumerate(low) if w in cues["titles"]]
    if titled:  # "Lieutenant General Sergey Rudskoy": the name follows the last title
        run, low = run[titled[-1] + 1 :], low[titled[-1] + 1 :]
    if not run:
        return None
    before = toks[i - 1].text.casefold() if i > 0 and toks[i].joined else ""
    after = toks[j + 1].text.casefold() if j + 1 < len(toks) else ""
    # a title held in a named body marks a name even in a sentence of capitals
    title_of_body = _TITLE_OF_BODY.search(text, max(0, toks[i].start - 90), toks[i].start)
    person_cue = title_of_body is not None or (
        not _headline(text, toks[i].start)
        and (
            titled
            or before in cues["titles"]
            or after in cues["verbs"]
            or _role_follows(text, toks, j, cues)
        )
    )
    if person_cue and 2 <= len(run) <= 4 and _plain_name(run, low, cues):
        return run[0].start, run[-1].end, "person"
    if len(run) == 1 and _one_name(text, toks, j, cues):
        return run[0].start, run[-1].end, "person"
    prev = toks[i - 1].text.casefold() if i > 0 else ""
    gap = text[toks[i - 1].end : toks[i].start].strip() if i > 0 else "-"
    apposed = prev in cues["appositive"] and gap in ("", ",")
    if apposed and len(run) <= 4 and _plain_name(run, low, cues):
        return run[0].start, run[-1].end, "militia"
    return None


# a sentence's start, or a quote's: after its end mark, or an opening quote (after a space)
_OPENING = re.compile(r"(?:[.!?\n]\s*[\"“‘']?|(?:^|\s)[\"“‘'])\s*$")
_CALENDAR = re.compile(
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)days?$|(?:january|february|march|april|may|june|"
    r"july|august|september|october|november|december)s?$"
)


def _one_name(text: str, toks: tuple[Token, ...], j: int, cues) -> bool:
    """A speaker named by one word: before "a/an <role>" ("said Tarek a police officer",
    "Manal a 28-year-old teacher living in Midan said"), or, inside a sentence (where a
    capital marks a name: "Witnesses said" is no one), before a verb of speech ('"..."
    al-Faris said') or after one that ends with it ("said Hamid." but not "said Aziz was
    kidnapped")."""
    t = toks[j]
    word = t.text.casefold()
    if len(word) < 3 or not _plain_name([t], [word], cues) or _CALENDAR.match(word):
        return False
    nxt = toks[j + 1].text.casefold() if j + 1 < len(toks) else ""
    if nxt in ("a", "an") and _role_follows(text, toks, j, cues):
        return True
    if j == 0 or _OPENING.search(text, max(0, t.start - 4), t.start):
        return False
    if nxt in cues["verbs"]:
        return True
    ends = j + 1 == len(toks) or not toks[j + 1].joined
    return toks[j - 1].text.casefold() in cues["verbs"] and ends


_LONG_WORD = re.compile(r"[^\W\d_]{4,}")


_HEADLINE_MAX = 600  # characters each side of pos: no headline is longer


def _headline(text: str, pos: int) -> bool:
    """Is pos inside a Title Case sentence (a headline), where capitals mark nothing?

    Only _HEADLINE_MAX characters either side are searched for the sentence's ends: a
    longer sentence is no headline, and searching the whole line from every capitalised
    run made a line without sentence breaks cost time quadratic in its length."""
    lo, hi = max(0, pos - _HEADLINE_MAX), pos + _HEADLINE_MAX
    start = max(text.rfind(". ", lo, pos), text.rfind("\n", lo, pos)) + 1
    if start == 0 and lo > 0:
        return False
    ends = [e for e in (text.find(". ", pos, hi), text.find("\n", pos, hi)) if e >= 0]
    if not ends and hi < len(text):
        return False
    words = _LONG_WORD.findall(text, start, min(ends, default=len(text)))
    return len(words) >= 4 and sum(w[0].isupper() for w in words) > 0.6 * len(words)


def _plain_name(run: list[Token], low: list[str], cues) -> bool:
    """Could these words be a proper name (of a person, or of a group with no head word)?"""
    words_ok = all(
        w not in cues["not_names"]
        and w not in cues["heads"]
        and w not in cues["generic"]
        and t.text[0].isalpha()
        and not t.text.isupper()
        and len(w) > 1
        for t, w in zip(run, low, strict=True)
    )
    return words_ok and not find_places(" ".join(t.text for t in run))


def _role_follows(text: str, toks: tuple[Token, ...], j: int, cues) -> bool:
    """Is the name followed by an apposition naming a role (", an Aleppo resident")? With
    the commas stripped, only right after it: "Wird Furati head of press office at ...",
    "Walaat Mamu a doctor working at a local hospital"."""
    if j + 1 >= len(toks):
        return False
    after = [t.text.casefold() for t in toks[j + 1 : j + 6]]
    if not text[toks[j].end : toks[j + 1].start].strip().startswith(","):
        if after[0] in cues["roles"]:
            return len(after) > 1 and after[1] in ("of", "at", "for")
        # "a 28-year-old teacher": up to three words before the role
        return after[0] in ("a", "an") and any(w in cues["roles"] for w in after[1:5])
    if after[0] not in ("a", "an", "the"):
        return False
    return any(w in cues["roles"] for w in after[1:5])
