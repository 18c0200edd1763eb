"""What kind of event a claim reports, and the word that says so.

The first matching cue in a fixed priority order, most specific first, decides: "air
strikes killed 10" is an airstrike (its casualties are in the figures), "captured ...
after a long battle" a capture, residents "fleeing as the army advances" a displacement.
Generic "strike(s)/raid(s)" count as airstrikes only when no shelling or bombing cue is
present.
"""

from __future__ import annotations

import re

_EVENTS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern))
    for kind, pattern in (
        (
            "chemical_attack",
            # "chemical weapons factory" is a target, not the weapon used
            r"\b(?:chlorine|sarin|nerve agent|toxic gas|poison(?:ous)? gas|gas attack|mustard gas"
            r"|suffocation|chemical (?:attack|strike|gas|agents?|munitions|shells?|substances"
            r"|bombs?|massacre|weapons? attack)|(?:us(?:e|ed|es|ing)|fired|dropped) (?:of )?"
            r"(?:chemical|toxic))",
        ),
        (
            "airstrike",
            r"\b(?:air ?strikes?|air[- ]raids?|warplanes?|jets?|(?<!suicide )bombers?|helicopters?"
            r"|barrel[- ]bombs?|aircraft|aerial|sorties|air force|aerospace forces)\b",
        ),
        (
            "shelling",
            r"\b(?:shell(?:s|ed|ing)?|artillery|mortars?|rockets?|missiles?"
            r"|bombard\w*|howitzers?|projectiles?)\b",
        ),
        (
            "bombing",
            # "an ambulance packed with explosives", "booby-trapped", "detonated"
            r"\b(?:car[- ]bombs?|suicide (?:bomb\w*|attack\w*)|ieds?|explosive devices?"
            r"|bomb(?:s|ing|ings|ed)?|blasts?|explosions?|landmines?|explosives(?:-laden)?"
            r"|booby[- ]trap\w*|detonat\w*)\b",
        ),
        ("airstrike", r"\b(?:strikes?|raids?)\b"),
        (
            "displacement",
            r"\b(?:fled|flee\w*|displac\w*|evacuat\w*|refugees?|exodus|expel\w*|expulsions?)\b",
        ),
        (
            "capture_territory",
            r"\b(?:captur(?:e|ed|es|ing)|seiz(?:e|ed|es|ing)|retook|retak(?:e|en)"
            r"|recaptur\w*|liberat\w*|took control|taken control|tak(?:e|es|ing) control|regain\w*"
            r"|overr(?:a|u)n|stormed|advance[sd]?|pushed \w+ out|wrested|controls?|controlled"
            r"|in control|under (?:the |full |their |its )?control"
            r"|(?:was|were|been|being|is|are)\s+occupied\s+by)\b",
        ),
        ("siege", r"\b(?:sieges?|seiges?|besieg\w*|encircl\w*|surrounded|blockade\w*)\b"),
        ("ceasefire", r"\b(?:cease-?fires?|truces?|cessation of hostilities|de-escalation)\b"),
        (
            "casualties",
            r"\b(?:kill\w*|dead|died|deaths?|injur\w*|wound\w*|martyr\w*|casualt\w*"
            r"|massacr\w*|execut\w*|behead\w*|tolls?|deceased|fatalit\w*|slain|corpses"
            r"|lost (?:their|his|her) lives)\b",
        ),
        ("humanitarian", r"\b(?:aid|convoys?|humanitarian|relief|food|medical supplies)\b"),
        ("negotiation", r"\b(?:talks|negotiat\w*|peace conference|summit|agreement|deal)\b"),
        ("destruction", r"\b(?:destroy\w*|destruction|rubble|demolish\w*|razed|damag\w*)\b"),
        (
            "battle",
            r"\b(?:battles?|clash\w*|offensives?|fighting|fought|attack\w*|assaults?"
            r"|ambush\w*|counter-?attack\w*|combat|operations?)\b",
        ),
    )
)


def event_cue(sentence: str) -> tuple[str, int, int, str] | None:
    """(event type, start, end, cue word) of the first cue in priority order, or None."""
    low = sentence.lower()  # cheaper than case-insensitive patterns
    for kind, pattern in _EVENTS:
        m = pattern.search(low)
        if m:
            return kind, m.start(), m.end(), sentence[m.start() : m.end()]
    return None


def event_type(sentence: str) -> str:
    cue = event_cue(sentence)
    return cue[0] if cue else "other"
