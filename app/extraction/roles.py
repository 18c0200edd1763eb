"""What kind of event a sentence reports, and what part each actor plays in it.

Event type: the first matching cue in a fixed priority order, most specific first, so
"air strikes killed 10" is an airstrike (its casualties are in the quantities),
"captured ... after a long battle" a capture, and residents "fleeing as the army
advances" a displacement. Generic "strike(s)/raid(s)" count as
airstrikes only when no shelling or bombing cue is present.

Roles, read from the words around the mention (no parser): ``agent`` when an event verb
or an attack noun follows it ("the SAA captured", "Daesh launched", "Russian air
strikes") or it is the "by" phrase of a passive ("killed by Russian jets"); ``target``
after a verb or preposition that takes the attacked party ("pushed ISIS out", "attack on
X", "against ISIS", "killed 20 IS fighters") or as the subject of a passive event verb
("16 insurgents were killed"); otherwise ``mentioned``.
"""

from __future__ import annotations

import re

from app.extraction.types import ActorMention, ActorRole

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
            r"\b(?:car[- ]bombs?|suicide (?:bomb\w*|attack\w*)|ieds?|explosive devices?"
            r"|bomb(?:s|ing|ings|ed)?|blasts?|explosions?|landmines?)\b",
        ),
        ("airstrike", r"\b(?:strikes?|raids?)\b"),
        ("displacement", r"\b(?:fled|flee\w*|displac\w*|evacuat\w*|refugees?|exodus)\b"),
        (
            "capture_territory",
            r"\b(?:captur(?:e|ed|es|ing)|seiz(?:e|ed|es|ing)|retook|retak(?:e|en)"
            r"|recaptur\w*|liberat\w*|took control|taken control|tak(?:e|es|ing) control|regain\w*"
            r"|overr(?:a|u)n|stormed|advance[sd]?|pushed \w+ out|wrested)\b",
        ),
        ("siege", r"\b(?:sieges?|besieg\w*|encircl\w*|surrounded|blockade\w*)\b"),
        ("ceasefire", r"\b(?:cease-?fires?|truces?|cessation of hostilities|de-escalation)\b"),
        (
            "casualties",
            r"\b(?:kill\w*|dead|died|deaths?|injur\w*|wound\w*|martyr\w*|casualt\w*"
            r"|massacr\w*|execut\w*|behead\w*|death toll)\b",
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

_VERBS = (
    r"captured|seized|retook|recaptured|liberated|launched|attacked|shelled|bombed|struck|hit"
    r"|killed|kill|kills|targeted|targets|fired|stormed|advanced|pushed|took|repelled|ambushed"
    r"|besieged|surrounded|encircled|executed|beheaded|destroyed|dropped|carried out|downed"
    r"|shot|released|used|entered|overran|bombarded|pounded|blitzed|raided|regained|drove"
    r"|expelled|massacred|kidnapped|abducted|detonated|claimed responsibility|wrested|made"
    r"|broke|broken|retaken|recaptured|liberates|captures|launches|attacks|seizes"
)
# What may stand between a subject and its verb: auxiliaries of the active voice,
# adverbs, "(SAA)", "and its allies", "backed by Russian jets".
_AUX = (
    r"(?:(?:has|have|had|reportedly|also|allegedly|on \w+|\([^)]*\)"
    r"|and (?:its|their|allied) (?:allies|forces|militias?)"
    r"|(?:backed|supported|led) by (?:[\w-]+\s+){1,3}?)\s+)*"
)
_AGENT_AFTER = re.compile(
    rf"^\s*(?:['’]s\s+)?{_AUX}(?:{_VERBS})\b"
    r"|^\s*(?:['’]s\s+)?(?:-led\s+|-backed\s+)?(?:air ?strikes?|air[- ]raids?|strikes?|raids?"
    r"|warplanes|jets|aircraft|helicopters|shelling|artillery|bombardment|bombing|attacks?"
    r"|missiles?|rockets|offensive|assault|barrel bombs?|bombers|forces? (?:killed|captured"
    r"|launched|seized|attacked|shelled|stormed))\b",
    re.I,
)
_PATIENT_AFTER = re.compile(
    rf"^\s*(?:were|was|have been|has been|had been|are|is|being)\s+(?:reportedly\s+)?"
    rf"(?:{_VERBS}|injured|wounded|hurt)\b",
    re.I,
)
_PASSIVE_BY = re.compile(r"\b(\w+)\s+by\s+(?:the\s+)?$", re.I)
# "backed by Russian warplanes" names a sponsor, not the one who acted.
_NOT_AGENT_BEFORE_BY = re.compile(
    r"backed|supported|led|controlled|held|run|sponsored|based|funded|armed|accused|condemned"
    r"|denied|blamed",
    re.I,
)
_TARGET_BEFORE = re.compile(
    r"\b(?:against|targeting|targeted|attacked|attacking|pushed|drove|expelled|ambushed"
    r"|besieged|besieging|surrounding|surrounded|encircled|encircling|killed|killing|kills|kill"
    r"|bombed|bombing|shelled|shelling|struck|striking|hit|hitting|fighting|fight|battling"
    r"|clashes with|clashed with|clashing with|defeated|routed|repelled|eliminated|eliminate"
    r"|destroyed|(?:attacks?|strikes?|raids?|assault|offensive|airstrikes?|shelling|bombardment"
    r"|push|advance|operations?|campaign|war|fight|battle) (?:on|against|into))"
    r"\s+(?:(?:the|at least|some|over|more than|nearly|dozens of|scores of|hundreds of"
    r"|\d[\d,]*|[a-z]+-?[a-z]*)\s+){0,3}$",
    re.I,
)
_REACH = 60


def event_type(sentence: str) -> str:
    low = sentence.lower()  # cheaper than case-insensitive patterns
    for kind, pattern in _EVENTS:
        if pattern.search(low):
            return kind
    return "other"


def actor_role(text: str, actor: ActorMention, start: int, end: int) -> ActorRole:
    """The actor's role in the sentence text[start:end] (claimants are set by the caller)."""
    after = text[actor.end : min(end, actor.end + _REACH)]
    before = text[max(start, actor.start - _REACH) : actor.start]
    if _PATIENT_AFTER.match(after):
        return "target"
    if _AGENT_AFTER.match(after):
        return "agent"
    by = _PASSIVE_BY.search(before)
    if by and not _NOT_AGENT_BEFORE_BY.fullmatch(by.group(1)):
        return "agent"
    if _TARGET_BEFORE.search(before):
        return "target"
    return "mentioned"
