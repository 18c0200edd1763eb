"""What part each actor plays in a claim: agent, target or mentioned (docs/annotation.md §6).

Read from the words around the mention, without a parser:

* agent: the subject of a verb of action ("the SDF has been advancing", "Turkey began its
  operation", "the regime unleashed a crackdown"), the owner of a weapon or attack ("Russian
  strikes", "regime shelling", "an IS attack"), the "by" phrase of a passive ("killed by
  Russian jets"), the accused of an accusation ("accused government forces of"), a party
  to clashes ("clashes between A and B");
* target: the subject of a passive verb of harm ("16 Nusra militants were killed"), the
  object of one ("killed 20 IS fighters", "pushed ISIS out"), of an attack ("strikes on
  ISIS positions", "an offensive against IS"), the one something is taken from, the side
  a count of the killed or injured is made of ("30 regime soldiers had been killed");
* mentioned: the rest (sponsors "backed by Russia", holders "regime-held", speakers'
  subjects of speech, states of being), and both sides of a denied deed ("coalition raids
  do not target the regime", "strikes not authorized by the Security Council").

The words before a mention are read in app.extraction.role_object (it is their object),
the words after it in app.extraction.role_subject (it is their subject).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.extraction.role_object import object_role
from app.extraction.role_subject import subject_role
from app.extraction.role_tokens import denial, index_at, low, span, tokens
from app.extraction.role_words import (
    DET,
    HEADS,
    HELD,
    HELD_BY,
    ING_PREPOSITIONS,
    LINKED,
    OWNED_DEEDS,
    PEOPLE_HEADS,
    SPONSOR_SURFACE,
    SPONSORED_AFTER,
    TALKS,
    WEAPONS,
)
from app.extraction.types import (
    ARMED_GROUP_KINDS,
    ActorMention,
    ActorRole,
    QuantityMention,
    Why,
)

_REACH = 400  # characters either side of a mention that its role is read from
_AID = frozenset({"support", "backing", "help", "assistance", "air"})


def actor_role(
    text: str,
    actor: ActorMention,
    start: int,
    end: int,
    others: Sequence[ActorMention] = (),
    mentions: Sequence[ActorMention] = (),
) -> tuple[ActorRole, Why]:
    """The actor's role in the claim text[start:end] and the words that decided it.
    `others` are the claim's other actor mentions (to step over "A and B"); `mentions`
    all its mentions, so that an actor named twice takes the role a later mention gives
    it when the first decides nothing ("the work of the regime ... brutality by the
    regime")."""
    role, why = _role(text, actor, start, end, others)
    # a holder or sponsor may act later in the same claim ("government-controlled
    # neighbourhoods ... the regime has hit rebel areas"): what it does there decides
    if role == "mentioned" and why.rule in ("mentioned", "holder", "sponsor", "linked"):
        later = (
            m for m in mentions if m.key == actor.key and actor.start < m.start and m.end <= end
        )
        for again in later:
            found = _role(text, again, start, end, others)
            # "the Syrian Democratic Forces [SDF] now held": the acronym's verb is the one
            # that made the first mention a holder, not a deed of its own
            if found[0] != "mentioned" and not why.start <= found[1].start < why.end:
                role, why = found
                break
    if role == "agent" and actor.kind == "media":  # "State TV aired footage": it reports
        return "mentioned", Why("media", why.start, why.end, why.cue, "a medium reports")
    return role, why


def _role(
    text: str, actor: ActorMention, start: int, end: int, others: Sequence[ActorMention]
) -> tuple[ActorRole, Why]:
    sponsor = SPONSOR_SURFACE.search(actor.surface)
    if sponsor is not None:  # "Turkish-backed rebels": the sponsor, as in "backed by Turkey"
        at = actor.start + sponsor.start(1)
        return "mentioned", Why("sponsor", at, actor.end, sponsor.group(1), "sponsors them")
    backing = SPONSORED_AFTER.match(text, actor.end, end)
    if backing is not None:  # "Washington-backed Kurdish militias": as "US-backed"
        return "mentioned", Why(
            "sponsor", actor.start, backing.end(), backing.group(1), "sponsors them"
        )
    # only the words around the mention decide; a window keeps long claims linear
    toks = tokens(text, max(start, actor.start - _REACH), min(end, actor.end + _REACH))
    i = index_at(toks, actor.start)
    j = index_at(toks, actor.end)  # first token after the mention
    surface_words = actor.surface.lower().split()
    held = HELD.match(text, actor.end, end)
    if held is not None and not _HELD_TALKS.match(text, held.end()):
        # "government-held districts", "areas held by the regime"; not "held talks"
        return "mentioned", Why(
            "holder", held.start(), held.end(), held.group(1), "holds the place"
        )
    held_by = HELD_BY.search(text, max(start, actor.start - 30), actor.start)
    if held_by is not None:
        return "mentioned", Why(
            "holder", held_by.start(), held_by.end(), held_by.group(1), "holds the place"
        )
    linked = LINKED.match(text, actor.end, end)
    if linked is not None:  # "Nusra-linked groups": the groups act, not Nusra
        return "mentioned", Why(
            "linked", linked.start(), linked.end(), linked.group(1), "others are linked to it"
        )
    if low(toks, i - 1) == "alongside":  # "fighting alongside regime forces": an ally
        a, b, cue = span(toks, i - 1, i - 1)
        return "mentioned", Why("mentioned", a, b, cue, "an ally of the one who acts")
    if low(toks, i - 1) == "with" and low(toks, j) in _AID:
        # "the SDF is fighting with US support": sponsors it, as in "backed by the US"
        a, b, cue = span(toks, i - 1, j)
        return "mentioned", Why("sponsor", a, b, cue, "sponsors them")
    entering = _ENTERING.search(text, max(start, actor.start - 50), actor.start)
    if entering is not None and _ITS_GROUND.match(text, actor.end, end):
        return "target", Why(
            "object", entering.start(), actor.end, entering.group().strip(), "its ground entered"
        )
    hands = _AT_HANDS.search(text, max(start, actor.start - 40), actor.start)
    if hands is not None:  # "killed at the hands of the Assad regime": the killer
        return "agent", Why("by", hands.start(), hands.end(), hands.group().strip(), "the doer")
    owner = _OWNER_HIT.search(text, max(start, actor.start - 110), actor.start)
    if owner is not None and not (surface_words and surface_words[-1] in WEAPONS | OWNED_DEEDS):
        return "target", Why(
            "object", owner.start(), owner.end(), owner.group().strip(), "its property hit"
        )
    pitted = _PITTED.search(text, max(start, actor.start - 80), actor.start)
    if pitted is not None:
        return "agent", Why(
            "subject", pitted.start(), pitted.end(), pitted.group().strip(), "fights"
        )
    hit = _WEAPON_HIT.match(text, actor.end, end)
    if hit is not None:  # "a Russian military helicopter (that) had been shot down"
        return "target", Why(
            "passive_subject", hit.start(), hit.end(), hit.group().strip(), "it was hit"
        )
    before = object_role(text, toks, i)
    if before is not None and before[1].rule == "by":
        return before  # "a village controlled by IS killing civilians": the by phrase decides
    # "government forces", "Russian strikes": owners of arms; not a name that ends in
    # "Forces" ("the National Defence Forces has fighters"), which only its words decide
    named = actor.surface.split()[-1][:1].isupper()
    if (
        surface_words
        and surface_words[-1] in WEAPONS | OWNED_DEEDS
        and len(surface_words) > 1
        and not (named and surface_words[-1] in PEOPLE_HEADS)
    ):
        if before is not None and before[0] in ("target", "mentioned"):
            return before
        negated = denial(toks, j, j + 3)
        if negated is not None:  # "Coalition raids do not target civilians"
            return negated
        if surface_words[-1] in PEOPLE_HEADS:  # "government forces were ambushed", "... control"
            after = subject_role(text, toks, j, others)
            if after is not None:
                return after
        return "agent", Why("weapon", actor.start, actor.end, actor.surface, "owner of the attack")
    if before is not None and before[0] == "target" and before[1].rule == "object":
        return before  # "bombing IS targets": the object, whatever follows
    after = subject_role(text, toks, j, others)
    if after is not None:
        return after
    if before is not None:
        return before
    doing = _with_doing(toks, i, j)
    if doing is not None:
        return doing
    return "mentioned", Why("mentioned")


def _with_doing(toks: list[re.Match[str]], i: int, j: int) -> tuple[ActorRole, Why] | None:
    """ "with the army returning fire", "with the army approaching": the subject of the
    participle that follows it."""
    k = i - 1
    while k >= 0 and low(toks, k) in DET:
        k -= 1
    w = low(toks, j)
    if low(toks, k) != "with" or not w.endswith("ing") or w in HEADS | ING_PREPOSITIONS:
        return None
    a, b, cue = span(toks, j, j)
    return "agent", Why("subject", a, b, f"with ... {cue}", "subject of a verb of action")


_WEAPON_HIT = re.compile(
    r"(?:\s+(?:helicopters?|jets?|planes?|warplanes?|drones?|aircraft|bombers?))?"
    r"(?:\s+(?:that|which))?\s+(?:had\s+|has\s+|have\s+)?(?:been|was|were|is|are)\s+(?:\w+ly\s+)?"
    r"(?:shot\s+down|downed|destroyed|hit|struck|targeted|ambushed)\b",
    re.I,
)
_HELD_TALKS = re.compile(rf"\s+(?:(?:a|new)\s+)?(?:{'|'.join(sorted(TALKS))})\b", re.I)
_AT_HANDS = re.compile(r"\b(?:at|by)\s+the\s+hands?\s+of\s+(?:the\s+)?$", re.I)
# "destroyed vehicles equipped with machineguns for Jabhat al-Nusra terrorists", "destroyed
# two sites containing weapons of the Daesh terrorists", "vehicles belonging to groups
# affiliated to al-Nusra": whose property is destroyed is hit
_OWNER_HIT = re.compile(
    r"\b(?:destroy(?:ed|ing|s)?|target(?:ed|ing|s)|struck|strikes?\s+on|bombed|shelled)\s+"
    r"(?:(?!by\b)[^.;:\"“”])*?\b(?:belonging\s+to|for|used\s+by|owned\s+by|"
    r"(?:positions|sites?|headquarters|vehicles|weapons|equipment|infrastructure|facilities|"
    r"targets|depots?|cent(?:er|re)s?|gatherings|convoys?|bases?|hideouts|strongholds|"
    r"tunnels|fortifications|movements|posts?|tankers|stations)\s+of)\s+"
    r"(?:the\s+)?(?:(?:terrorist|jihadist|militant|armed)\s+(?:groups?\s+)?"
    r"(?:affiliated\s+to\s+(?:the\s+)?)?)?$",
    re.I,
)
# "the clashes pitted al-Qaidas affiliate the Nusra Front against ...", "the infighting is
# pitting the Army of Islam against ...": the first side of a fight fights (the one after
# "against" is its target); not "the war pits ...", a whole war's sides
_PITTED = re.compile(
    r"\b(?:clashes|fighting|infighting|battles?|confrontations?)\s+"
    r"(?:(?:has|have|had|is|are|was|were)\s+)?(?:pitted|pitting|pits|pit)\s+"
    r"(?:(?!against\b)[\w'’-]+\s+){0,6}?$",
    re.I,
)
# "advancing inside the Islamic State [IS] bastion of Manbij", "pushing further into the IS
# group stronghold": the side whose ground is entered
_ENTERING = re.compile(
    r"\b(?:advanc|push|mov|penetrat|enter|storm|break|broke)\w*\s+(?:(?:further|deeper)\s+)?"
    r"(?:into|inside)\s+(?:the\s+)?(?:[\w-]+\s+)?$",
    re.I,
)
_ITS_GROUND = re.compile(
    r"\s*(?:[\[(][^\])]{1,12}[\])]\s*)?(?:group\s+)?(?:['’]?s\s+)?(?:\w+\s+)?"
    r"(?:stronghold|strongholds|bastion|bastions|heartland|territory|capital)\b",
    re.I,
)
_COORDINATION = re.compile(
    r"(?:\s+(?:militia|group|forces|brigade|movement|faction|fighters|militants))?"
    r"(?:\s+on\s+the\s+one\s+hand)?"  # "between fighters from the YPG on the one hand and"
    r"[\s,\-–—]*(?:and|or|as well as|along with|but also|,)\s*(?:(?:the|a|an)\s+)?"
    # "and fighters from the Islamic State", "and a joint force of al-Nusra"
    r"(?:[\w'’-]+\s+){0,3}?(?:(?:of|from)\s+(?:the\s+)?)?|\s+",
    re.I,
)


def coordinated_roles(
    text: str, actors: Sequence[ActorMention], roles: list[tuple[ActorRole, Why]]
) -> list[tuple[ActorRole, Why]]:
    """Actors listed together share the role the list's verb gives it: in "Hezbollah, the
    Nujaba militia and the Quds brigade joined forces" all three are agents, in "killed
    IS and Nusra fighters" both are targets."""
    out = list(roles)
    n = len(actors)
    k = 0
    while k < n:
        j = k
        while j + 1 < n and _COORDINATION.fullmatch(text, actors[j].end, actors[j + 1].start):
            j += 1
        # names side by side with no "and" or comma anywhere are no list ("Hezbollah SOHR
        # An Israeli airstrike": keywords before a lede)
        gaps = [text[actors[m].end : actors[m + 1].start] for m in range(k, j)]
        if j > k and not all(g.strip() == "" for g in gaps):
            members = range(k, j + 1)
            decided = [
                out[m] for m in members if out[m][0] != "mentioned" and out[m][1].rule != "holder"
            ]
            if decided and all(d[0] == decided[0][0] for d in decided):
                for m in members:
                    if out[m][0] == "mentioned" and out[m][1].rule == "mentioned":
                        role, why = decided[0]
                        out[m] = (
                            role,
                            Why(
                                "listed",
                                why.start,
                                why.end,
                                why.cue,
                                f"listed with an actor that is {role}",
                            ),
                        )
        k = j + 1
    return out


def counted_roles(
    actors: Sequence[ActorMention],
    roles: Sequence[tuple[ActorRole, Why]],
    counts: Sequence[QuantityMention],
) -> list[tuple[ActorRole, Why]]:
    """An actor named inside a count of the killed or injured is the side that was hit,
    whatever the verb is: "the attack killed a nurse and two soldiers", "30 regime soldiers
    and 39 rebel fighters had been killed", "over 110 Al-Nusra terrorists were killed"."""
    out = list(roles)
    for m, actor in enumerate(actors):
        if out[m][1].rule != "mentioned":
            continue
        for q in counts:
            if q.what in ("killed", "injured") and q.start <= actor.start and actor.end <= q.end:
                out[m] = (
                    "target",
                    Why("counted", q.start, q.end, q.surface, f"among the {q.what}"),
                )
                break
    return out


# "inflicting heavy losses on them", "inflicted major losses on the militants": a blow dealt
# to a side the claim named before by its name
_BLOW_BACK = re.compile(
    r"\b(?:inflict\w*|dealt|deal(?:s|ing)?)\s+(?:[\w-]+\s+){0,3}?(?:losses|casualties|blows?)\s+"
    r"(?:on|upon|to)\s+(?:them|the\s+(?:[\w-]+\s+)?(?:militants|terrorists|jihadists|"
    r"insurgents|extremists|takfiris?))\b",
    re.I,
)


def blown_back_roles(
    text: str,
    start: int,
    end: int,
    actors: Sequence[ActorMention],
    roles: list[tuple[ActorRole, Why]],
) -> list[tuple[ActorRole, Why]]:
    """The one armed group the claim names before a blow dealt to "them" or "the militants",
    and that does nothing itself, is the blow's target."""
    m = _BLOW_BACK.search(text, start, end)
    if m is None or any(m.start() <= a.start < m.end() for a in actors):
        return roles  # "inflicting heavy casualties on the ISIL terrorists": named there
    named = [
        n
        for n, a in enumerate(actors)
        if a.end <= m.start() and a.kind in ARMED_GROUP_KINDS and roles[n][0] == "mentioned"
    ]
    if len({actors[n].key for n in named}) != 1:
        return roles
    out = list(roles)
    for n in named:
        out[n] = ("target", Why("object", m.start(), m.end(), m.group(), "dealt a blow"))
    return out
