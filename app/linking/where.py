"""Where a claim's own words put its incident, beyond the places it names: the side of a
front ("opposition-held"), a part of the country ("in northern Syria"), the kind of site an
attack hit ("a market"). Two claims that differ on any of these are two incidents, however
close their places and days (app.linking.match)."""

from __future__ import annotations

import re

from app.linking.facts import Cue, find_cue
from app.linking.records import ClaimRecord

# which side of a front the people hit are on, by the words for the area ("opposition-held
# Aleppo", "government-controlled districts", "the districts dominated by the Syrian
# regime", "under rebel control") or for what hit it (air strikes and barrel bombs fall on
# the side the government does not hold; the rebels' rockets, and state media's
# "terrorists fired rocket shells", on government areas): in a divided city, a raid on one
# side and shells on the other are two attacks on one day
# (not the press: "state-controlled television", "rebel-controlled media")
_NOT_PRESS = r"(?! (?:media|television|tv|news|agency|press|outlets?|newspapers?|radio)\b)"
_OPPOSITION_HELD = (
    rf"\b(?:rebel|opposition|insurgent|militant|jihadist)[- ](?:held|controlled)\b{_NOT_PRESS}|"
    r"\b(?:held|controlled|dominated|run) by (?:the )?(?:syrian )?(?:rebels|opposition|insurgents|"
    r"militants|jihadists)\b|\bunder (?:the )?(?:rebel|opposition|insurgent) control\b"
)
# (air strikes and barrel bombs hit areas the government does not hold, the rebels' or the
# Islamic State's: only the government's side of a front goes unbombed)
_OPPOSITION_HIT = r"\b(?:air ?strikes?|air raids?|warplanes?|barrel bombs?)\b"
_GOVERNMENT_HELD = (
    rf"\b(?:(?:government|regime|loyalist|state)[- ](?:held|controlled)\b{_NOT_PRESS}|"
    r"(?:held|controlled|dominated|run) by (?:the )?(?:syrian )?(?:regime|government|army)\b|"
    r"under (?:the )?(?:syrian )?(?:regime|government|army)(?:'s)? control\b)"
)
_GOVERNMENT_HIT = (
    r"\b(?:(?:rebels?|terrorists?|terrorist groups|militants) (?:[\w'-]+ ){0,4}?(?:fired|launched)\b|"
    r"(?:rebel|terrorist) (?:rockets?|mortars?|shells?|shelling|rocket attacks?)\b|"
    r"(?:shells?|rockets?|mortars?) (?:fired|launched) by (?:the )?(?:rebels|terrorists?|"
    r"terrorist groups|militants)\b)"
)
_OPPOSITION_SIDE = re.compile(f"{_OPPOSITION_HELD}|{_OPPOSITION_HIT}", re.IGNORECASE)
_GOVERNMENT_SIDE = re.compile(f"{_GOVERNMENT_HELD}|{_GOVERNMENT_HIT}", re.IGNORECASE)
_HELD = re.compile(f"{_OPPOSITION_HELD}|{_GOVERNMENT_HELD}", re.IGNORECASE)


def front(r: ClaimRecord) -> Cue | None:
    """The side of the front a claim's incident is on: a Cue whose words say it, read as
    "opposition" or "government" by `front_side`; None when it says neither or both."""
    opp, gov = find_cue(_OPPOSITION_SIDE, r), find_cue(_GOVERNMENT_SIDE, r)
    return (opp or gov) if bool(opp) != bool(gov) else None


def front_side(r: ClaimRecord) -> str | None:
    """ "opposition" or "government": the side `front` reads, or None."""
    if front(r) is None:
        return None
    return "opposition" if find_cue(_OPPOSITION_SIDE, r) else "government"


def held_side(r: ClaimRecord) -> str | None:
    """`front_side` when the claim's words say who holds the area ("rebel-held"), not only
    what hit it ("air strikes", "rebels fired"): in a battle both sides strike, so that
    the strikes' sides differ does not set its claims apart."""
    side = front_side(r)
    return side if side and find_cue(_HELD, r) else None


# the part of the country a claim's own words put it in ("in northern Syria"), and the
# governorates that part can mean (generously: a border governorate is in both parts)
_REGION = re.compile(
    r"\b(north|south|east|west)?-?(north|south|east|west)(?:ern)? syria\b|"
    r"\b(?:the )?(north|south|east|west)?-?(north|south|east|west)(?:ern)? of (?:the country|syria)\b",
    re.IGNORECASE,
)
_PARTS: dict[str, frozenset[str]] = {
    "north": frozenset({"Aleppo", "Idlib", "Raqqa", "Al-Hasakah", "Hama", "Latakia"}),
    "south": frozenset({"Daraa", "As-Suwayda", "Quneitra", "Rif Dimashq", "Damascus"}),
    "east": frozenset({"Deir ez-Zor", "Raqqa", "Al-Hasakah", "Homs"}),
    "west": frozenset({"Latakia", "Tartus", "Homs", "Hama", "Idlib"}),
}


def outside_region(text: str, governorate: str) -> str | None:
    """The words putting a claim in a part of Syria that `governorate` is not in ("in
    northern Syria", of a claim whose article is about Deir ez-Zor); None when it names no
    part, or one that holds the governorate. "Northwest" holds what north or west hold."""
    return _outside(_regions(text), governorate)


def claim_outside_region(r: ClaimRecord, governorate: str) -> str | None:
    """`outside_region` of a claim's text, its parts of the country read once per claim (a
    claim is compared with every candidate and every member of its event)."""
    if "regions" not in r.memo:
        r.memo["regions"] = _regions(r.text)
    return _outside(r.memo["regions"], governorate)


def _regions(text: str) -> list[tuple[str, list[str]]]:
    """Each phrase naming a part of the country, with the parts it names."""
    found = ((m.group(0), [p.lower() for p in m.groups() if p]) for m in _REGION.finditer(text))
    return [(words, parts) for words, parts in found if parts]


def _outside(regions: list[tuple[str, list[str]]], governorate: str) -> str | None:
    for words, parts in regions:
        if not any(governorate in _PARTS[p] for p in parts):
            return words
    return None


# a place a hundred kilometres or miles away is where something is measured from, not where
# it happened: "al-Zahraa district of the city located 162 kilometers (101 miles) north of
# the capital Damascus" (Homs); nearer ones stay ("30 km south of Idlib": the same province)
_FAR_REFERENCE = re.compile(
    r"\b\d{3,}\s*(?:km|kilomet(?:er|re)s?|miles)\b(?:\s*\([^)]*\))?\s+(?:[\w-]+\s+){0,2}?"
    r"(?:of|from)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)


def far_reference(text: str, at: int) -> str | None:
    """The words before a place named at `at` in a claim's text that make it a point far
    away the distance is measured from ("162 kilometers north of the capital"), or None."""
    if not 0 < at <= len(text):
        return None
    found = _FAR_REFERENCE.search(text, max(0, at - 90), at)
    return found.group(0) if found else None


# what an attack hit, by the kind of site ("struck a market", "on the hospital"): two
# claims naming different sites are two attacks, however close in place and day
_SITE_WORDS = {
    "market": "market",
    "marketplace": "market",
    "souk": "market",
    "hospital": "hospital",
    "clinic": "hospital",
    "medical": "hospital",
    "health": "hospital",
    "school": "school",
    "schools": "school",
    "university": "school",
    "mosque": "mosque",
    "church": "church",
    "bakery": "bakery",
    "bread": "bakery",
    "bus": "bus",
    "buses": "bus",
    "convoy": "convoy",
    "checkpoint": "checkpoint",
    "camp": "camp",
    "prison": "prison",
    "airport": "base",
    "airbase": "base",
    "base": "base",
}
_SITE = re.compile(
    r"\b(?:hit|hitting|hits|struck|striking|strikes|targeted|targeting|targets|shelled|bombed|"
    r"on|at|into)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?"
    r"(market|marketplace|souk|hospital|clinic|(?:medical|health) (?:centre|center|facility|point)|"
    r"school|schools|university|mosque|church|bakery|bread|bus|buses|convoy|checkpoint|camp|"
    r"prison|airport|airbase|base(?! of))\b",
    re.IGNORECASE,
)


def sites(r: ClaimRecord) -> frozenset[str]:
    """The kinds of site a claim says an attack hit ("a strike on a market": market)."""
    if "sites" not in r.memo:
        found = _SITE.findall(r.text)
        r.memo["sites"] = frozenset(_SITE_WORDS[m.split()[0].lower()] for m in found)
    return r.memo["sites"]  # type: ignore[no-any-return]
