"""Places the gazetteer lacks, named as places by the text itself (docs/annotation.md §7).

GeoNames knows few Syrian villages and city districts, and no larger gazetteer ships in
a package. A name the text calls a place ("the village of Thalthana", "al-Khalidiye
neighborhood", "the town of Ain Jara", "the Asfar Najjar area"), a road, site or landform
named with its kind word ("Nile Street", "al-Wafideen Camp", "the Euphrates River"), a name
listed among known towns ("Morek al-Masasneh and Kafr Zita"), or one named right before a
Syrian gazetteer place ("a raid on Maarzita in southern Idlib province"), is kept as an
unlisted place when the same sentence places it: the nearest gazetteer place in the
sentence gives its governorate (and, for a district of a city, the city); a sentence that
names none goes on from the text just before it. A name nothing places is left out: a place
without a governorate could be anywhere, in Syria or not.

Each becomes a PlaceMention whose `unlisted` says its name, kind and parent; the store
creates the place on first sight (no coordinates) for an editor to complete.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from app.extraction.normalize import slugify, word_set
from app.extraction.place_governorates import governorate_keys
from app.extraction.registry import place_entry
from app.extraction.types import ActorMention, PlaceMention, Unlisted

# a name: one to three capitalised words, each may carry an Arabic article
_WORD = r"(?:(?:al|el|Al|El)-)?[A-Z][a-z]+(?:-[A-Z]?[a-z]+)*"
_NAME = rf"(?P<name>{_WORD}(?:\s+(?:(?:al|el)-)?{_WORD}){{0,2}})"
_KIND_WORDS = {
    "village": "village",
    "town": "town",
    "city": "city",
    "neighborhood": "neighbourhood",
    "neighbourhood": "neighbourhood",
    "district": "neighbourhood",
    "quarter": "neighbourhood",
    "suburb": "neighbourhood",
    "area": "region",
    "region": "region",
}
_KIND = (
    r"(?P<kind>villages?|towns?|city|cities|neighbou?rhoods?|districts?|quarters?|suburbs?"
    r"|area|region)"
)
# "the village of X", "X village", "the area of X", "X region"
_CUES = (
    re.compile(rf"\b{_KIND}\s+of\s+{_NAME}"),
    re.compile(rf"\b{_NAME}\s+{_KIND}\b"),
)
# a road, a site or a landform whose name holds its kind word, as it is written ("Nile
# Street", "al-Wafideen Camp", "Qurtuba roundabout", "Deir Hafer plains")
_SITE_KINDS = {
    "street": "road",
    "road": "road",
    "highway": "road",
    "square": "facility",
    "roundabout": "facility",
    "checkpoint": "facility",
    "camp": "facility",
    "prison": "facility",
    "bridge": "facility",
    "plain": "region",
    "plains": "region",
    "desert": "region",
    "valley": "region",
    "mountain": "region",
    "mountains": "region",
    "river": "region",
}
_SITE = re.compile(
    rf"\b(?P<name>{_WORD}(?:\s+(?:(?:al|el)-)?{_WORD}){{0,2}}\s+"
    rf"(?P<kind>(?i:{'|'.join(sorted(_SITE_KINDS, key=len, reverse=True))})))\b"
)
# a name whose first word only starts place names ("Khan al-Assad", "Tal al-Mal", "Kherbat
# Hajam": caravanserai, mound, ruin, spring, bridge...) after a preposition of place
_PREFIXED = re.compile(
    r"\b(?:in|of|near|at|to|from|around|towards|and|as)\s+"
    rf"(?P<name>(?:Khan|Tal|Tell|Tall|Kafr|Kfar|Ain|Jisr|Beit|Khirbet|Khirbat|Kherbat)"
    rf"\s+(?:(?:al|el)-)?{_WORD})\b"
)

# "the villages of A B and C": names in a row, some known to the gazetteer, some not
_LIST = re.compile(
    rf"\b(?P<kind>villages|towns|cities|neighbou?rhoods|districts)\s+of\s+"
    rf"(?P<list>{_WORD}(?:\s+(?:and\s+)?{_WORD})+)"
)
_NAME_WORD = re.compile(_WORD)
# a run of names with nothing but "and" between them ("Tibet al-Imam al-Masasneh al-Lahaya
# and Morek", the commas stripped): a list, when two of its names are known towns
_RUN = re.compile(rf"{_WORD}(?:\s+(?:and\s+)?{_WORD})+")
_SETTLEMENTS = frozenset({"town", "village", "neighbourhood"})
# no place or actor mention is longer than this (characters): how far back a span that
# overlaps a run may start
_LONGEST_SPAN = 200


def _kind(word: str) -> str:
    """The place kind of a kind word, singular or plural ("cities" -> city)."""
    w = word.casefold()
    return _KIND_WORDS[w[:-3] + "y" if w.endswith("ies") else w.removesuffix("s")]


# "an air raid on Maarzita in southern Idlib province", "clashes in X near Aleppo": a name
# placed by the gazetteer place right after it (checked in find_unlisted)
_PLACED = re.compile(
    rf"\b(?:in|on|near|at)\s+{_NAME}\s+(?:in|near|outside)\s+(?:the\s+)?"
    r"(?:(?:north|south|east|west|northern|southern|eastern|western|central|"
    r"north-?eastern|north-?western|south-?eastern|south-?western)\s+)?"
)


def _listed(
    text: str, start: int, end: int, taken: Sequence[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The spans of a list's names the gazetteer did not take: the runs of words between
    the known names and the "and"s, of one to three words each."""
    out: list[tuple[int, int]] = []
    run: list[tuple[int, int]] = []
    for w in [*_NAME_WORD.finditer(text, start, end), None]:
        known = w is not None and _overlaps(taken, w.start(), w.end())
        if w is None or known or text[run[-1][1] if run else start : w.start()].strip() == "and":
            if 1 <= len(run) <= 3:
                out.append((run[0][0], run[-1][1]))
            run = []
        if w is not None and not known:
            run.append(w.span())
    return out


# words that open or describe a phrase rather than name a place
_NOT_NAMES = word_set(
    "the a an this that these those its their his her our another every each one two "
    "syrian syrias kurdish turkish arab arabic druze christian alawite alawi armenian sunni "
    "shiite shia damascene damascan iraqi lebanese jordanian russian iranian assyrian turkmen "
    "yazidi bedouin palestinian circassian ismaili kurd old new eastern western northern "
    "southern central rebel rebels regime government opposition border nearby besieged "
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "may june july august september october november december isis isil daesh nusra "
    # what a capitalised phrase before a kind word is when it is no name: "Both towns",
    # "Insurgent-held districts", "a Roman-era city", "Car Bomb" in a title
    "both all several many other some neighbouring neighboring militants terrorist "
    "terrorists held controlled era run backed led based attack attacks bomb bombs fire "
    "battle raid raids strike strikes shelling blast blasts target targets suicide"
)
# a nationality or a region abroad before the kind word puts the place abroad ("the
# Turkish town of X", "the Turkish border town of Kilis", "the West Bank city of Ramallah")
_ABROAD = r"Turkish|Iraqi|Lebanese|Jordanian|Israeli|Iranian|Russian|Egyptian|Saudi|Palestinian"
_FOREIGN = re.compile(
    rf"\b(?:{_ABROAD}|West Bank|Gaza)(?:\s+(?:border|frontier|coastal|port|(?:north|south)?"
    r"(?:east|west)?(?:ern)?))?\s+$"
)
# a region abroad named as a place ("the West Bank city of"), never a Syrian one
_REGIONS_ABROAD = frozenset({"West Bank", "Gaza", "Anbar", "Hatay"})
# ... or a country or a region abroad right after the name ("the town of Akcakale on the
# Turkish side", "the cities of Ramadi and Fallujah in western Anbar province")
_THERE = re.compile(
    rf"\s+(?:and\s+{_WORD}\s+)?(?:on\s+the\s+(?:{_ABROAD})\s+side|in\s+(?:[a-z]+\s+)?"
    r"(?:Turkey|Iraq|Lebanon|Jordan|Israel|Iran|Egypt|Anbar|Hatay|the West Bank|Gaza))\b"
)
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
_REACH = 120  # characters around the name within which its sentence may place it
_EARLIER = 400  # characters before its sentence within which an earlier one may place it


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    dot = text.rfind(". ", max(0, start - _REACH), start)
    after = _SENTENCE_END.search(text, end, min(len(text), end + _REACH))
    return (dot + 2 if dot >= 0 else max(0, start - _REACH)), (
        after.start() if after else min(len(text), end + _REACH)
    )


def _placed_by(
    text: str, start: int, end: int, places: Sequence[PlaceMention]
) -> PlaceMention | None:
    """The gazetteer place of the sentence nearest the name, one after it first ("X village
    in Idlib countryside", then "the Aleppo neighborhood of X"); none outside Syria."""
    lo, hi = _sentence(text, start, end)
    after = [p for p in places if end <= p.start < hi]
    before = [p for p in places if lo <= p.start and p.end <= start]
    # a sentence that names no place goes on from the one before ("Warplanes struck the
    # Haas village" after a sentence about Idlib province)
    earlier = [p for p in places if lo - _EARLIER <= p.start and p.end <= lo]
    for p in [*after, *reversed(before), *reversed(earlier)]:
        e = place_entry(p.key)
        if e is not None and e.governorate is not None and e.country_code == "SY":
            return p
    return None


def _overlaps(taken: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in taken)


def _usable(name: str) -> bool:
    words = name.replace("-", " ").split()
    return name not in _REGIONS_ABROAD and not any(
        w.casefold() in _NOT_NAMES for w in words[:1] + words[-1:]
    )


def _abroad(text: str, start: int, end: int) -> bool:
    """Whether the words around a name put it outside Syria: a nationality or a region
    abroad before its kind word (`start`: where the cue begins), or after the name."""
    return bool(_FOREIGN.search(text, max(0, start - 40), start) or _THERE.match(text, end))


def find_unlisted(
    text: str, places: Sequence[PlaceMention], actors: Sequence[ActorMention]
) -> list[PlaceMention]:
    """The places of `text` the gazetteer lacks. A name the text calls a place once is
    that place wherever else the text names it, placed by the first sentence that places
    it."""
    taken = [(p.start, p.end) for p in places] + [(a.start, a.end) for a in actors]
    named: dict[str, list[tuple[int, int, str]]] = {}  # name -> (start, end, kind)
    abroad: set[str] = set()  # put abroad once, abroad wherever the text names it
    for cue in (*_CUES, _SITE, _PREFIXED):
        worded = "kind" in cue.groupindex  # "the town of X"; a prefixed name is a village
        for m in cue.finditer(text):
            start, end = m.span("name")
            name = m.group("name").rsplit(None, 1)[0] if cue is _SITE else m.group("name")
            if not _usable(name) or _overlaps(taken, start, end):
                continue
            if _abroad(text, min(m.start("kind"), start) if worded else start, end):
                abroad.add(m.group("name"))  # "the nearby Turkish town of Nusaybin"
                continue
            if cue is _SITE:
                kind = _SITE_KINDS[m.group("kind").casefold()]
            else:
                kind = _kind(m.group("kind")) if worded else "village"
            named.setdefault(m.group("name"), []).append((start, end, kind))
    starts = {p.start: p for p in places}
    for m in _PLACED.finditer(text):
        start, end = m.span("name")
        near = starts.get(m.end())
        e = place_entry(near.key) if near is not None else None
        if (
            e is not None
            and e.governorate is not None
            and e.country_code == "SY"
            and _usable(m.group("name"))
            and not _overlaps(taken, start, end)
        ):
            named.setdefault(m.group("name"), []).append((start, end, "town"))
    for m in _LIST.finditer(text):  # "the towns of Tal Minnis Sarmada and Maaret Alnouman"
        kind = _kind(m.group("kind"))
        there = _abroad(text, m.start("kind"), m.end("list"))
        for start, end in _listed(text, m.start("list"), m.end("list"), taken):
            if there:
                abroad.add(text[start:end])
            elif _usable(text[start:end]):
                named.setdefault(text[start:end], []).append((start, end, kind))
    # the places and the taken spans of a run are looked up by position: a long text has
    # many runs, and each must cost what its own words cost
    by_start = sorted(places, key=lambda p: p.start)
    place_starts = [p.start for p in by_start]
    spans = sorted(taken)
    span_starts = [a for a, _ in spans]
    for m in _RUN.finditer(text):  # "in Tibet al-Imam al-Masasneh al-Lahaya and Morek"
        inside = by_start[bisect_left(place_starts, m.start()) : bisect_left(place_starts, m.end())]
        kinds = [
            e.kind for p in inside if p.end <= m.end() and (e := place_entry(p.key)) is not None
        ]
        # a tag line or a page's furniture runs names too ("Tags Syria Khan Sheikhun
        # Idlib", "Abu Kamal Syria Community"): a list of towns names no country
        if "country" in kinds or sum(k in _SETTLEMENTS for k in kinds) < 2:
            continue
        kinds = [k for k in kinds if k in _SETTLEMENTS]
        near = spans[
            bisect_left(span_starts, m.start() - _LONGEST_SPAN) : bisect_left(span_starts, m.end())
        ]
        if _abroad(text, m.start(), m.end()):
            continue
        for start, end in _listed(text, m.start(), m.end(), near):
            if _usable(text[start:end]):
                named.setdefault(text[start:end], []).append((start, end, kinds[0]))
    found: dict[tuple[int, int], PlaceMention] = {}
    for name, cued in named.items():
        if name in abroad:
            continue
        placed = None
        for start, end, kind in sorted(cued):
            near = _placed_by(text, start, end, places)
            placed = _unlisted(name, kind, near) if near is not None else None
            if placed is not None:
                break
        if placed is None:
            continue
        key = f"{slugify(name)}-in-{placed.parent}"
        for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
            if not _overlaps(taken, m.start(), m.end()):
                found[m.span()] = PlaceMention(key, m.start(), m.end(), name, placed)
    return sorted(found.values(), key=lambda p: p.start)


def _unlisted(name: str, kind: str, near: PlaceMention) -> Unlisted | None:
    entry = place_entry(near.key)
    assert entry is not None and entry.governorate is not None
    parent = governorate_keys().get(entry.governorate)
    if kind == "neighbourhood":
        # a district of the city named beside it, or of the city of the district named
        # beside it ("nine killed in Qaterji and two in the Mayssar neighbourhood")
        if entry.kind == "city":
            parent = near.key
        elif entry.kind == "neighbourhood" and entry.parent is not None:
            city = place_entry(entry.parent)
            parent = entry.parent if city is not None and city.kind == "city" else parent
    return None if parent is None else Unlisted(name, kind, parent, entry.governorate)
