"""Which mentions of a namesake city name its governorate (docs/annotation.md §7).

"Idlib" alone is the city; "Hama and Idlib provinces", "in northwestern Idlib" and "the
city of Qamishli Hasaka" (a comma the dataset stripped) name the governorate. Works on
the spans places.find_places has matched, before one key is chosen for each.
"""

from __future__ import annotations

import re

from .normalize import normalize_key
from .registry import per_registry, place_entries, place_entry

Found = list[tuple[int, int, tuple[str, ...]]]


@per_registry()
def governorate_keys() -> dict[str, str]:
    """Governorate name -> its key."""
    return {e.governorate: e.key for e in place_entries() if e.kind == "governorate"}


@per_registry()
def _city_governorates() -> frozenset[str]:
    """Governorates that are their city alone: "Damascus countryside" is another one (Rif
    Dimashq), so "eastern Damascus" is a side of the city."""
    return frozenset(
        e.key
        for e in place_entries()
        if e.kind == "governorate"
        and _countrysides().get(normalize_key(f"{e.name} countryside"), e.key) != e.key
    )


@per_registry()
def _sided_cities() -> frozenset[str]:
    """Cities with sides of their own in the gazetteer ("East Aleppo"): "southern Aleppo"
    is a side of the city too, not of its governorate (docs/annotation.md §7)."""
    names = {e.name.casefold() for e in place_entries()}
    return frozenset(
        e.key
        for e in place_entries()
        if e.kind == "city" and {f"east {e.name}".casefold(), f"west {e.name}".casefold()} & names
    )


@per_registry()
def _countrysides() -> dict[str, str]:
    """Folded "<name> countryside" -> the governorate so called ("Damascus countryside" is
    Rif Dimashq, "Aleppo countryside" Aleppo's)."""
    return {
        normalize_key(a): e.key
        for e in place_entries()
        if e.kind == "governorate"
        for a in e.aliases
        if a.casefold().endswith("countryside")
    }


def _countryside_of(key: str) -> str | None:
    """The governorate a city's countryside is (Damascus -> Rif Dimashq)."""
    here = place_entry(key)
    if here is None or here.kind not in ("city", "town"):
        return None
    return _countrysides().get(normalize_key(f"{here.name} countryside"))


def _namesake_governorate(key: str) -> str | None:
    """The governorate a city or town is the namesake of (Idlib -> Idlib Governorate)."""
    here = place_entry(key)
    gov = governorate_keys().get(here.governorate) if here else None
    if (
        gov is not None
        and here.kind in ("city", "town")
        and place_entry(gov).name.casefold().removeprefix("al-") in here.name.casefold()
    ):
        return gov
    return None


# "Hama and Idlib provinces", "Idlib provinces Maaret al-Numan" (province's, the
# apostrophe stripped): each name before it is a governorate
_PROVINCES = re.compile(r"\s+(?:provinces|governorates)\b", re.I)
_LISTED = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)?", re.I)  # FA-KES strips commas


# "in northwestern Idlib": a side of a namesake city with no entry of its own (as "east
# Aleppo" has) is a side of the governorate
_SIDE_OF = re.compile(
    r"\b(?:north|south|east|west)(?:ern)?\s+$|\b(?:north|south)-?(?:east|west)(?:ern)?\s+$",
    re.I,
)
_CITY_AFTER = re.compile(r"(?:['’]?s)?\s+city\b", re.I)  # "Idlib city", "Idlibs city centre"
# "the countryside east of Aleppo" is the governorate's, as "the countryside of Aleppo" is
_COUNTRYSIDE_SIDE = re.compile(
    r"\bcountryside\s+(?:(?:north|south)-?)?(?:north|south|east|west)(?:ern)?\s+of\s+(?:the\s+)?$",
    re.I,
)
# "Aleppos southern countryside", "Hama's northern countryside"
_COUNTRYSIDE_AFTER = re.compile(
    r"(?:['’]?s)?\s+(?:(?:north|south)-?)?(?:(?:north|south|east|west)(?:ern)?\s+)?countryside\b",
    re.I,
)
_ITS_COUNTRYSIDE = re.compile(r"\s+and\s+(its\s+(?:countryside|suburbs))\b", re.I)
# "the three provinces of Homs Idlib and Lattakia": each name listed after it
_PROVINCES_OF = re.compile(r"\b(?:provinces|governorates)\s+of\s+(?:the\s+)?$", re.I)
# "Deir Ezzor and neighbouring Raqqa province": a province's neighbour is a province
_NEIGHBOURING = re.compile(r"\s+and\s+(?:the\s+)?neighbou?ring\s+", re.I)


def _provinces(text: str, found: Found) -> Found:
    out, extra = list(found), []
    for n, (s, e, keys) in enumerate(out):
        city = text[s:e].casefold().endswith("city") or _CITY_AFTER.match(text, e)
        side = _SIDE_OF.search(text, max(0, s - 16), s)
        if (m := _ITS_COUNTRYSIDE.match(text, e)) is not None:
            # "Aleppo and its countryside": the city, and its governorate after it
            if (gov := _countryside_of(keys[0])) is not None:
                extra.append((m.start(1), m.end(1), (gov,)))
            continue
        if not city and _COUNTRYSIDE_AFTER.match(text, e):
            # "al-Hader town in Aleppos southern countryside": the governorate's
            if (gov := _countryside_of(keys[0])) is not None:
                out[n] = (s, e, (gov,))
            continue
        if not city and (side or _COUNTRYSIDE_SIDE.search(text, max(0, s - 40), s)):
            gov = _namesake_governorate(keys[0])
            if gov is not None and (
                not side or (gov not in _city_governorates() and keys[0] not in _sided_cities())
            ):
                out[n] = (s, e, (gov,))
    for n in range(len(out)):
        if not _PROVINCES_OF.search(text, max(0, out[n][0] - 30), out[n][0]):
            continue
        for m in range(n, len(out)):
            if m > n and not _LISTED.fullmatch(text, out[m - 1][1], out[m][0]):
                break
            gov = _namesake_governorate(out[m][2][0])
            if gov is not None:
                out[m] = (out[m][0], out[m][1], (gov,))
    for n in range(1, len(out)):
        (_, pe, pkeys), (s, _, keys) = out[n - 1], out[n]
        here = place_entry(keys[0])
        if here.kind == "governorate" and _NEIGHBOURING.fullmatch(text, pe, s):
            gov = _namesake_governorate(pkeys[0])
            if gov is not None:
                out[n - 1] = (out[n - 1][0], pe, (gov,))
    for n in range(len(out) - 1, -1, -1):
        if not _PROVINCES.match(text, out[n][1]):
            continue
        m = n
        while True:
            gov = _namesake_governorate(out[m][2][0])
            if gov is None:
                break
            out[m] = (out[m][0], out[m][1], (gov,))
            if m == 0 or not _LISTED.fullmatch(text, out[m - 1][1], out[m][0]):
                break
            m -= 1
    return sorted(out + extra)


def _locators(toks, found: Found) -> Found:
    """ "the city of Qamishli Hasaka": the namesake city of a governorate, right after a
    place in that governorate, names the governorate (the comma the dataset stripped
    said so)."""
    out = list(found)
    for n in range(1, len(out)):
        (_, pe, pkeys), (s, e, keys) = out[n - 1], out[n]
        if s - pe not in (1, 2):  # a space, or ", "
            continue
        prev, here = place_entry(pkeys[0]), place_entry(keys[0])
        gov = _namesake_governorate(keys[0])
        if (
            gov is not None
            and prev is not None
            and prev.kind not in ("governorate", "country")
            and prev.governorate == here.governorate
            and prev.key != here.key
        ):
            out[n] = (s, e, (gov,))
    return out


def as_governorates(text: str, toks, found: Found) -> Found:
    """`found` with the namesake cities that name their governorate replaced by it."""
    return _provinces(text, _locators(toks, found))
