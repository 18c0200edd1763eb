"""The words around a place name that decide whether it names a place.

Used by places.py: locatives that make a country a place, words after a country's
possessive that place it, and the words that turn a place name into a building's, an
institution's or a person's name.
"""

from __future__ import annotations

import re

from app.extraction.normalize import word_set

# A name right before one of these names the building or the street, after a person, an
# idea or a town elsewhere, not the place it is in: "al-Khulafaa al-Rashideen Mosque" is in
# Latakia, not in Aleppo's al-Rashidin; "Busra Square" is in Daraa, not Bosra. (Shrines,
# hospitals and schools do take their place's name: "Sayyida Zeinab shrine", "Azaz
# hospital".)
NAMED_BUILDINGS = frozenset({"mosque", "church", "street", "square"})
# After a place name and more name words, these name a building after a person, not a
# place: "the Akrameh al-Makhzumi school", "Khalid ibn al-Walid mosque"
PERSONS_BUILDINGS = frozenset(
    {"school", "schools", "hospital", "mosque", "church", "street", "square", "stadium"}
)
# A place name before these names an institution, not a place the claim is about:
# "a source at Quneitra Police Command", "the surroundings of Damascus Central Prison".
INSTITUTIONS = frozenset({"police", "prison", "university"})
# A place name before these names a tribe, whose name its town shares: "fighters from the
# al-Sheitaat tribe", "the al-Sheitaat clan", "al-Sheitaat tribal areas"
TRIBES = frozenset({"tribe", "tribes", "tribal", "clan", "clans", "tribesmen"})
# A place name right after a given name or a title is a surname: "Interior Minister
# Mohammed Shaar" is no gas field. Common given names of the people Syrian news quotes.
GIVEN_NAMES = word_set(
    "mohammed muhammad mohammad mohamed ahmed ahmad ali hassan hasan hussein husam khaled "
    "khalid omar umar abdullah abdallah ibrahim mahmoud mahmud mustafa mostafa yousef youssef "
    "yusuf rami bashar hafez maher walid faisal ayman samir jamil fadi hadi issam suheil suhail "
    "zahran rafaa riad riyad salim salem nabil adnan anas bassam hamza tariq tarek ziad imad "
    "osama usama saleh salih yasser yasir jihad wael firas hisham ghassan nizar mazen abdel "
    "abdul minister general colonel brigadier president sheikh dr"
)

# A country that is also an actor's name is a place only after one of these ("fled to
# Turkey", "in Iraq", "the border with Jordan"); elsewhere it acts ("Turkey shelled").
LOCATIVE = frozenset(
    [
        "in",
        "into",
        "inside",
        "across",
        "throughout",
        "to",
        "from",
        "near",
        "towards",
        "toward",
        "via",
        "through",
        "within",
        "with",
        "outside",
        "nearby",
        "beyond",
        "between",
        "and",
        "of",
        "border",  # "provinces that border Iraq", "a town bordering Turkey"
        "borders",
        "bordering",
    ]
)
# Of those, "with" places a country only after a noun of place: "the border with Jordan",
# "the frontier with Iraq"; "joint operations with Russia" uses it as a state
PLACE_NOUN_BEFORE = {
    "with": frozenset(["border", "borders", "frontier", "crossing", "crossings", "boundary"]),
}
# Adjectives that may stand between such a word and the country: "in neighbouring Iraq"
LOCATIVE_ADJECTIVES = frozenset(
    ["neighbouring", "neighboring", "northern", "southern", "eastern", "western"]
)

# Words after a country's possessive that make it a place (docs/annotation.md §7)
GEOGRAPHIC = frozenset(
    [
        "north",
        "northern",
        "south",
        "southern",
        "east",
        "eastern",
        "west",
        "western",
        "northeast",
        "northeastern",
        "northwest",
        "northwestern",
        "southeast",
        "southeastern",
        "southwest",
        "southwestern",
        "central",
        "province",
        "provinces",
        "city",
        "cities",
        "town",
        "towns",
        "village",
        "villages",
        "region",
        "border",
        "borders",
        "countryside",
        "desert",
        "coast",
        "coastal",
        "governorate",
        "war",
        "wars",
        "civil",
        "conflict",
        "revolt",
        "uprising",
        "crisis",
        "revolution",
    ]
)

# Nouns a country's name qualifies without placing anything: "the Syria conflict",
# "Al-Qaedas Syria affiliate", "the Syria talks"
COUNTRY_ADJUNCTS = frozenset(
    ["conflict", "crisis", "affiliate", "branch", "talks", "envoy", "policy", "file", "war"]
    + ["issue"]
)
# Nouns a country's name qualifies as the state's own, unless a locative precedes it:
# "Syria army had responded", but "in Syria government forces advanced"
COUNTRY_STATE = frozenset(["army", "government", "regime", "forces", "troops", "military"])
# Offices and texts "for"/"on" a country, which is their subject, not a place: "the
# Humanitarian Coordinator for Syria", "UN resolutions on Syria"
ABOUT_A_COUNTRY = frozenset(
    [
        "coordinator",
        "envoy",
        "representative",
        "resolution",
        "resolutions",
        "talks",
        "conference",
        "policy",
        "strategy",
        "plan",
        "vote",
        "deal",
        "agreement",
        "commission",
        "inquiry",
    ]
)
# Titles after a country's possessive: "Syrias President Bashar al-Assad" names no place
TITLES = frozenset(
    ["president", "prime", "foreign", "defence", "defense", "interior", "minister", "ambassador"]
    + ["envoy", "army", "government", "regime", "opposition", "state", "official", "officials"]
)
# Words before "in <country>" that place a body, not the claim: "Al-Qaedas affiliate in
# Syria", "a Kurdish group based in Syria"
HOSTED = frozenset(["affiliate", "branch", "wing", "arm", "franchise", "based", "headquartered"])
# Adjectives between a country's possessive and the place it names: "Syrias rebel-held
# Idlib province", "Syrias divided northeastern city"
HELD_PARTS = frozenset(["held", "controlled", "dominated", "torn"])

# A seat of government standing for its state is no place (§7: "Turkey shelled" is an
# actor): "whether Damascus is adhering to its commitments", "its Damascus ally", "called
# on Damascus to give inspectors access". Only after the name; "in Damascus said" is not.
STATE_ACTS = re.compile(
    r"\s+(?:(?:has|have|had|is|was|would|will|must|has\s+been)\s+)?(?:(?:\w+ly|then)\s+)?"
    r"(?:denied|denies|deny|insists|insisted|accused|accuses|agreed|agrees|rejected|rejects|"
    r"refused|refuses|adhering|adhered|complied|complies|complying|blamed|blames|responded|"
    r"warned|warns|demanded|demands|vowed|vows|denounced|denounces|condemned|condemns|"
    r"refuted|refutes|described|describes|touts|joined|summoned|imprisoned|used|uses|"
    r"investigating|lost|loses|ally|allies)\b",
    re.I,
)
# ... or named beside another party as one of two that act: "Damascus and Moscow declared a
# pause", "Damascus and its Russian and Iranian allies aim", "Damascus and militant groups
# have been trading accusations" (not "Damascus and its suburbs")
STATE_BESIDE = re.compile(
    r"\s+and\s+(?:Moscow|Russia|Tehran|Iran|Ankara|Turkey|Washington|the\s+United\s+States|"
    r"its\s+(?:[\w-]+\s+){0,5}?(?:ally|allies|backers?|partners?)|"
    r"(?:militant|rebel|armed|opposition)\s+groups|the\s+(?:rebels|opposition))\b"
)
# Countries whose name is no actor's in the registry (it is mostly the place), with the
# actor they stand for as a state ("Syria denied", "military strikes against Syria")
STATE_OF_COUNTRY = {"syria": "Syrian government"}
# "accused Damascus of that attack", "blamed Damascus for": the state held to account
STATE_ACCUSED = re.compile(
    r"\b(?:accused|accuses|accusing|blamed|blames|blaming|condemned|condemns|criticised"
    r"|criticized|criticises|criticizes)\s+$",
    re.I,
)
STATE_ASKED = re.compile(
    r"\b(?:called|calls|calling|urged|urges|urging|pressed|presses|pressing)\s+(?:on\s+)?$", re.I
)
