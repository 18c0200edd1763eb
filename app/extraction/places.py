"""Gazetteer matching: the places a text names (the primary place is primary_place.py).

A name matches when its folded key (normalize_key) equals a gazetteer key. Spelled
exactly as some alias ("Homs", "Deir ez-Zor"), it always counts; a spelling that only
agrees after folding ("Kaweiris", "Raqa") must also be within a couple of edits of a
known spelling and, as a single word, not be a common English word, since folding
alone makes "Syrian" collide with the village Suran and "SANA" with As-Si'in.

Overlaps: within the place list the longest name wins ("Aleppo Thermal Power Plant"
over "Aleppo", "Hama province" over "Hama"). Against actors, a curated actor alias that
folds onto a place name wins unless the text spells the place exactly ("Ahrar al-Sham",
"Al Jazeera" are groups, not places); adjectives never match ("Syrian Arab Army" has no
"Syria" in it). Where one spelling names several places (al-Midan in Damascus and in
Aleppo), the one in the governorate the rest of the text talks about is chosen.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .normalize import (
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
    span_literal,
)
from .place_governorates import as_governorates
from .place_skeletons import skeleton_matches
from .place_words import (
    ABOUT_A_COUNTRY,
    COUNTRY_ADJUNCTS,
    COUNTRY_STATE,
    GEOGRAPHIC,
    GIVEN_NAMES,
    HELD_PARTS,
    HOSTED,
    INSTITUTIONS,
    LOCATIVE,
    LOCATIVE_ADJECTIVES,
    NAMED_BUILDINGS,
    PERSONS_BUILDINGS,
    PLACE_NOUN_BEFORE,
    STATE_ACCUSED,
    STATE_ACTS,
    STATE_ASKED,
    STATE_BESIDE,
    STATE_OF_COUNTRY,
    TITLES,
    TRIBES,
)
from .registry import (
    actor_entries,
    common_word,
    contested_keys,
    governorate_of,
    per_registry,
    place_entries,
    place_entry,
    place_rank,
    place_rules,
)
from .types import PlaceMention

_BLOCK = "<actor>"
# "Hadar in Quneitra", "Hadar village in the countryside of Quneitra", "in the city of Homs"
_CITY_OF = r"(?:the\s+)?(?:city\s+of\s+)?"
_IN = re.compile(rf"\s+(?:(?:village|town|city|camp|suburb)\s+)?in\s+{_CITY_OF}")
# "al-Sabil neighborhood in Daraa city", "the Aleppos residential neighborhood of X"
_HOOD = r"(?:neighbou?rhoods?|distri[ck]ts?|quarters?|areas?)"
_HOOD_IN = re.compile(rf"\s+{_HOOD}\s+(?:in|of)\s+{_CITY_OF}", re.I)
# the same when the district word is part of the name the gazetteer knows ("the Zahra
# neighbourhood of Aleppo")
_HOOD_NAMED = re.compile(rf"\s{_HOOD}$", re.I)
_NAMED_IN = re.compile(rf"\s+(?:in|of)\s+{_CITY_OF}", re.I)
# "Al-Shaar neighborhood" (not the gas field), but "the east Aleppo district of Marjeh"
_HOOD_AFTER = re.compile(r"\s+(?:neighbou?rhoods?|distri[ck]ts?|quarters?)\b(?!\s+of\b)", re.I)
_NO_HOOD = frozenset({"facility", "airport", "road", "country", "governorate"})
_CITY_HOOD = re.compile(rf"s?\s+(?:\w+\s+)?{_HOOD}\s+of\s+(?:the\s+)?", re.I)


def _names_a_building(toks, i: int, j: int) -> bool:
    """Is the place name at toks[i..j] a building's, an institution's or a tribe's?"""
    nxt = [t.text.casefold() for t in toks[j + 1 : j + 3]]
    return bool(nxt) and (
        nxt[0] in NAMED_BUILDINGS
        or nxt[0] in INSTITUTIONS
        or nxt[0] in TRIBES
        or nxt[0] == "central"
        and nxt[1:] == ["prison"]
        or i > 0
        and toks[i - 1].text.casefold() == "the"
        and _in_a_persons_name(toks, j)
    )


def _before_a_nisba(toks, j: int) -> bool:
    """ "Salahuddin al-Shishani", "Salah Al Din Al Shishani": a place name that is a given
    name, the family name after it an article and a capitalised nisba (-i, "of Chechnya")."""
    k = j + 1
    if k + 1 >= len(toks) or not (toks[k].joined and toks[k].article):
        return False
    nisba = toks[k + 1]
    return nisba.joined and nisba.capital and len(nisba.text) >= 5 and nisba.text.endswith("i")


def _in_a_persons_name(toks, j: int) -> bool:
    """ "the Akrameh al-Makhzumi school": a place name with a family name after it, then a
    building, names the building after a person (after "the": "in Aleppo al-Razi
    hospital", commas lost, is Aleppo)."""
    k = j + 1
    while k < len(toks) and toks[k].joined and (toks[k].article or toks[k].capital):
        k += 1
    between = toks[j + 1 : k]
    named = any(t.article for t in between) and any(t.capital and not t.article for t in between)
    return named and k < len(toks) and toks[k].text.casefold() in PERSONS_BUILDINGS


@dataclass(slots=True)
class _Candidate:
    key: str
    needs_article: bool
    literals: set[str] = field(default_factory=set)  # light_key of its spellings
    lower: set[str] = field(default_factory=set)  # words its spellings write in lower case


@dataclass(slots=True)
class _Target:
    """Everything that folds onto one key: places (best ranked first), actor names."""

    places: list[_Candidate] = field(default_factory=list)
    actor_literals: set[str] | None = None
    contested: bool = False  # only exact spellings match (registry.contested_keys)


@per_registry()
def _index() -> tuple[dict[str, _Target], frozenset[str], frozenset[str]]:
    rules = place_rules()
    index: dict[str, _Target] = {}
    for e in place_entries():
        for alias in (e.name, *e.aliases):
            k = normalize_key(alias)
            if not k or k in rules.never:
                continue
            t = index.setdefault(k, _Target())
            cand = next((c for c in t.places if c.key == e.key), None)
            if cand is None:
                cand = _Candidate(e.key, k in rules.needs_article)
                t.places.append(cand)
            cand.literals.add(light_key(alias))
            cand.lower.update(w for w in name_tokens(alias) if w.islower())
    for a in actor_entries():
        for alias in (a.name, *(x.alias for x in a.aliases)):
            k = normalize_key(alias)
            if k and not alias.isupper():
                t = index.setdefault(k, _Target())
                t.actor_literals = (t.actor_literals or set()) | {light_key(alias)}
    contested = contested_keys()
    for k, t in index.items():
        t.places.sort(key=lambda c: -place_rank(c.key))
        t.contested = k in contested
    return index, key_prefixes(index), first_words(index)


@per_registry()
def _seats() -> frozenset[str]:
    """Cities that are a state's seat of government ("<name> government" is an actor), and
    the countries of STATE_OF_COUNTRY."""
    index = _index()[0]
    out = set(STATE_OF_COUNTRY)
    for e in place_entries():
        if e.kind == "city":
            t = index.get(normalize_key(f"{e.name} government"))
            if t is not None and t.actor_literals:
                out.add(e.key)
    return frozenset(out)


def _stands_for_state(text: str, toks, i: int, j: int, key: str) -> bool:
    """A seat of government used as its state: "called on Damascus to", "Damascus denied",
    "accused Damascus of", "Damascus and Moscow declared"."""
    if key not in _seats() or (i and toks[i - 1].text.casefold() in LOCATIVE):
        return False
    start, end = toks[i].start, toks[j].end
    if key in STATE_OF_COUNTRY and i and toks[i - 1].text.casefold() == "against":
        return True  # "military strikes against Syria"
    return (
        bool(STATE_ACTS.match(text, end) or STATE_BESIDE.match(text, end))
        or bool(
            STATE_ASKED.search(text, max(0, start - 20), start) and text.startswith(" to ", end)
        )
        or bool(
            STATE_ACCUSED.search(text, max(0, start - 20), start)
            and text.startswith((" of ", " for ", " over "), end)
        )
    )


def state_seats(text: str) -> list[tuple[int, int, str]]:
    """(start, end, the state's actor name) of each seat of government (or country of
    STATE_OF_COUNTRY) that stands for its state in text
    ("whether Damascus is adhering", "called on Damascus to"): no place, an actor."""
    toks = scan_cached(text)
    index = _index()[0]
    out = []
    for i, t in enumerate(toks):
        target = index.get(normalize_key(t.text))
        key = target.places[0].key if target is not None and target.places else None
        if key is not None and _stands_for_state(text, toks, i, i, key):
            state = STATE_OF_COUNTRY.get(key) or f"{place_entry(key).name} government"
            out.append((t.start, t.end, state))
    return out


def is_place_name(name: str) -> bool:
    """Is this exactly a gazetteer spelling? (Keeps place names out of uncurated actors.)"""
    t = _index()[0].get(normalize_key(name))
    lit = light_key(name)
    return t is not None and any(lit in c.literals for c in t.places)


def _decide(
    t: _Target,
    words: list[Token],
    lit: str,
    article: bool,
    possessive: bool,
    locative: bool = False,
) -> tuple[str, ...] | None:
    """Candidate place keys for a span (best first), _BLOCK for an actor name, or None.

    ``possessive``: the span lost a final s ("Aleppos"), accepted only as spelled.
    """
    actor = t.actor_literals is not None
    exact = [c for c in t.places if lit in c.literals]
    if (
        exact
        and not (actor and lit in t.actor_literals)
        or exact
        and locative
        and all(place_entry(c.key).kind == "country" for c in exact)
    ):
        chosen = exact
    elif actor:
        return (_BLOCK,)
    else:
        if t.contested or possessive or any(w.text.isupper() for w in words):
            return None  # acronyms (SANA, NNA) and contested keys only match as spelled
        if len(words) == 1 and common_word(lit):
            return None
        # the last test refuses nisba surnames and adjectives (al-Homsi, Halabi), not a final
        # h written for the same ending ("Orum al-Kubrah" for Orum al-Kubra)
        chosen = [
            c
            for c in t.places
            if (lit.endswith("ah") and lit[:-1] in c.literals)
            or (close_spelling(lit, c.literals) and lit[:-1] not in c.literals)
        ]
    # Proper names are capitalised: a lower-case word must be one the gazetteer writes so
    # ("eastern Ghouta", "Hama province") or at least not an English word ("Deir ezzor",
    # but not "Sheikh said").
    chosen = [
        c
        for c in chosen
        if (article or not c.needs_article)
        and any(w.capital for w in words)
        and all(w.capital or w.text in c.lower or not common_word(w.text) for w in words)
    ]
    return tuple(c.key for c in chosen) or None


def _not_a_place(toks, i: int, j: int, keys: tuple[str, ...], possessive: bool) -> bool:
    """A country in the possessive that qualifies no place ("Syrias war"), or one inside
    an actor's name ("Islamic State of Iraq"), or the state an action is against."""
    entry = place_entry(keys[0])
    if entry is None or entry.kind != "country":
        return False
    if possessive or (j + 1 < len(toks) and toks[j + 1].text.casefold() in ("s",)):
        nxt = j + (2 if not possessive else 1)
        for _ in range(2):  # "Syrias rebel-held Idlib province", "Syrias divided ... city"
            if nxt + 1 < len(toks) and toks[nxt + 1].hyphen:
                if toks[nxt + 1].text.casefold() not in HELD_PARTS:
                    break
                nxt += 2
            elif nxt < len(toks) and toks[nxt].text.casefold() == "divided":
                nxt += 1
        word = toks[nxt].text if nxt < len(toks) else ""
        # "Syrias five-year civil war": the scanner splits "five-year" in two
        after = toks[nxt + 1].text.casefold() if nxt + 1 < len(toks) else ""
        # "Syrias Idlib province", "Syrias northern town", "Syrias civil war" place it;
        # "Syrias commercial capital", "Syrias government" do not
        # "Syrias largest city", "Syrias most populous city": a place after its adjectives
        later = [t.text for t in toks[nxt : nxt + 3]]
        described = any(
            w.casefold() in GEOGRAPHIC and all(v.isalpha() and v.islower() for v in later[:k])
            for k, w in enumerate(later[1:], 1)
        )
        # "Syrias President Bashar al-Assad", "Syrias Ikhbariya television": a name, no place
        target = _index()[0].get(normalize_key(word))
        named = word.casefold() in TITLES or bool(
            target is not None and target.actor_literals and not target.places
        )
        return not (
            word.casefold() in GEOGRAPHIC
            or after in ("year", "years")
            or (word[:1].isupper() and not named)
            or described
        )
    if (
        j + 1 < len(toks)
        and toks[j + 1].joined
        and not toks[j + 1].hyphen
        and (
            toks[j + 1].text.casefold() in COUNTRY_ADJUNCTS
            or (
                toks[j + 1].text.casefold() in COUNTRY_STATE
                and (i == 0 or toks[i - 1].text.casefold() not in LOCATIVE)
            )
        )
    ):  # "the Syria conflict", "Syria army"
        return True
    if (
        i >= 2
        and toks[i - 1].text.casefold() in ("for", "on")
        and toks[i - 2].text.casefold() in ABOUT_A_COUNTRY
    ):  # "the Humanitarian Coordinator for Syria", "resolutions on Syria"
        return True
    if i and toks[i - 1].text.casefold() == "against":  # "military force against Syria"
        return True
    if (
        keys[0] in STATE_OF_COUNTRY  # other countries would be read as their states instead
        and i >= 2
        and toks[i - 1].text.casefold() == "in"
        and toks[i - 2].text.casefold() in HOSTED
    ):
        return True  # "Al-Qaedas affiliate in Syria", "a Kurdish group based in Syria"
    return i >= 2 and toks[i - 1].text.casefold() in ("of", "in") and toks[i - 2].text == "State"


def find_places(text: str) -> list[PlaceMention]:
    """Every gazetteer mention, in text order, non-overlapping, longest first; only a
    city named at the end of its part and then "city" is also a mention of its own."""
    index, prefixes, firsts = _index()
    toks = scan_cached(text)

    found: list[tuple[int, int, tuple[str, ...]]] = []
    last_country = -2  # index of the last token of the last country taken as a place
    dateline = -2  # index of the last token of the last place written in capitals

    def accept(target: _Target, i: int, j: int, possessive: bool):
        words = [t for t in toks[i : j + 1] if not t.article]
        lit = span_literal(words, possessive)
        before = toks[i - 1].text.casefold() if i else ""
        if before in LOCATIVE_ADJECTIVES and i >= 2:
            before = toks[i - 2].text.casefold()
        # "the border with Iraq", "the north of Syria"; not "operations with Russia"
        if before in PLACE_NOUN_BEFORE and (
            i < 2 or toks[i - 2].text.casefold() not in PLACE_NOUN_BEFORE[before]
        ):
            before = ""
        # "in Syria and Iraq": a country listed after one taken as a place is one too
        locative = (before in LOCATIVE and before != "and") or (
            before == "and" and last_country == i - 2
        )
        return _decide(target, words, lit, toks[i].article, possessive, locative)

    i, n = 0, len(toks)
    while i < n:
        m = (
            longest_match(toks, i, index, prefixes, accept)
            if could_start(toks[i], firsts)
            else None
        )
        if m is None:
            i += 1
            continue
        j, keys, possessive = m
        # A longer name starting inside this one wins, one as long where this one starts
        # with a lower-case word ("the western Aleppo Governorate" is the governorate), and
        # a governorate's that runs on past this one's end ("eastern parts of Aleppo province")
        for k in range(i + 1, j + 1):
            inner = (
                longest_match(toks, k, index, prefixes, accept)
                if could_start(toks[k], firsts)
                else None
            )
            if inner is not None and (
                inner[0] - k > j - i
                or (inner[0] - k == j - i and not toks[i].capital)
                or (inner[0] > j and _city_part(keys) and _governorates_only(inner[1]))
            ):
                i, (j, keys, possessive) = k, inner
                break
        named_building = (
            _names_a_building(toks, i, j)
            or (i > 0 and toks[i - 1].capital and toks[i - 1].text.casefold() in GIVEN_NAMES)
            or (not toks[i].article and _before_a_nisba(toks, j))
        )
        # "the Islamic State groups de facto Syrian capital" is Raqqa, not Damascus
        de_facto = i >= 1 and toks[i - 1].text.casefold() == "facto"
        as_state = keys[0] is not _BLOCK and _stands_for_state(text, toks, i, j, keys[0])
        # "QAMISHLI, Syria (AP)": a dateline's country only says where its city is
        in_dateline = (
            dateline == i - 1 and keys[0] is not _BLOCK and place_entry(keys[0]).kind == "country"
        )
        if (
            keys[0] is not _BLOCK
            and not named_building
            and not de_facto
            and not as_state
            and not in_dateline
            and not _not_a_place(toks, i, j, keys, possessive)
        ):
            found.append((toks[i].start, toks[j].end - (1 if possessive else 0), keys))
            if place_entry(keys[0]).kind == "country":
                last_country = j
            if all(t.text.isupper() for t in toks[i : j + 1] if not t.article):
                dateline = j
        i = j + 1
    first = {t.start: k for k, t in enumerate(toks)}
    covered = set()
    for s, e, _ in found:
        k = first[s]
        while k < len(toks) and toks[k].start < e:
            covered.add(k)
            k += 1
    found = sorted(found + skeleton_matches(toks, found, covered))
    found = as_governorates(text, toks, found)
    # One spelling, several places: go with the place named right after "in" ("the village
    # of Hadar in Quneitra countryside"), else with the place the same spelling was so
    # settled as elsewhere in the text (one sense per article: "a rocket shell hit Hadar
    # village" after "Hadar village in the countryside of Quneitra"), else with the
    # governorate the unambiguous names favour.
    govs = [{governorate_of(k) for k in keys} for _, _, keys in found]
    support = Counter(next(iter(g)) for g in govs if len(g) == 1)
    within_of = [_within(text, found, govs, n) for n in range(len(found))]
    settled = _settled(found, govs, within_of)
    out = []
    for n, (s, e, keys) in enumerate(found):
        within, hood = within_of[n]
        if within is None and len(govs[n]) > 1:
            within = settled.get(keys)
        # a district named inside a city is that city's, never a namesake elsewhere
        if hood and within is not None and within not in govs[n]:
            continue
        # "Al-Shaar neighborhood", "Bab al-Nairab district": an airport or a gas field is
        # no district; the name is left to unlisted places
        if _HOOD_AFTER.match(text, e) and all(place_entry(k).kind in _NO_HOOD for k in keys):
            continue
        best = max(keys, key=lambda k: (governorate_of(k) == within, support[governorate_of(k)]))
        out.append(PlaceMention(best, s, e, text[s:e]))
        city = _city_named_last(text, s, e, best)
        if city is not None:
            out.append(city)
    return out


def _city_part(keys: tuple[str, ...]) -> bool:
    """Are these parts of a city ("the eastern parts of Aleppo")?"""
    return all(
        k is not _BLOCK and (p := place_entry(place_entry(k).parent or "")) and p.kind == "city"
        for k in keys
    )


def _governorates_only(keys: tuple[str, ...]) -> bool:
    """ "the eastern parts of Aleppo province": a city's part whose name runs on into a
    governorate's is the governorate's."""
    return all(k is not _BLOCK and place_entry(k).kind == "governorate" for k in keys)


def _within(
    text: str, found: list[tuple[int, int, tuple[str, ...]]], govs: list[set[str | None]], n: int
) -> tuple[str | None, bool]:
    """The governorate the words around mention `n` put it in ("Hadar in Quneitra", "the
    Aleppo district of X"), and whether as a district of a city."""
    s, e, _ = found[n]
    after = n + 1 < len(found) and len(govs[n + 1]) == 1
    if after and _IN.fullmatch(text, e, found[n + 1][0]):
        return next(iter(govs[n + 1])), False
    if after and _HOOD_IN.fullmatch(text, e, found[n + 1][0]):
        return next(iter(govs[n + 1])), True
    if after and _HOOD_NAMED.search(text, s, e) and _NAMED_IN.fullmatch(text, e, found[n + 1][0]):
        return next(iter(govs[n + 1])), True
    if (
        n > 0
        and len(govs[n - 1]) == 1
        and place_entry(found[n - 1][2][0]).kind == "city"
        and _CITY_HOOD.fullmatch(text, found[n - 1][1], s)
    ):
        return next(iter(govs[n - 1])), True
    return None, False


def _settled(
    found: list[tuple[int, int, tuple[str, ...]]],
    govs: list[set[str | None]],
    within_of: list[tuple[str | None, bool]],
) -> dict[tuple[str, ...], str]:
    """Spellings of several places (by their candidates) that the words around one of
    their mentions put in one governorate, and only one: the place the article means
    wherever it writes them."""
    seen: dict[tuple[str, ...], set[str]] = {}
    for (_, _, keys), g, (within, _hood) in zip(found, govs, within_of, strict=True):
        if len(g) > 1 and within in g:
            seen.setdefault(keys, set()).add(within)
    return {k: next(iter(v)) for k, v in seen.items() if len(v) == 1}


_THEN_CITY = re.compile(r"\s+city\b", re.I)


def _city_named_last(text: str, s: int, e: int, key: str) -> PlaceMention | None:
    """ "the eastern neighborhoods of Aleppo city": a part of a city whose name ends with
    the city's, then "city", names the city too (§7 lists both)."""
    parent = place_entry(place_entry(key).parent or "")
    if parent is None or parent.kind != "city" or not _THEN_CITY.match(text, e):
        return None
    for name in (parent.name, *parent.aliases):
        if len(name) < e - s and text[e - len(name) - 1 : e].casefold() == f" {name.casefold()}":
            return PlaceMention(parent.key, e - len(name), e, text[e - len(name) : e])
    return None
