"""The role the words after an actor's mention give it: it is their subject ("the SDF has
been advancing", "IS fighters were killed", "the regime announced a ceasefire"). Between
the subject and its verb the rules step over what does not change who acts: "and its
allies", "loyal to Assad", "affiliated to it", adverbs, time words ("on Tuesday morning"),
quotes and modals ("will storm")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.extraction.dates import MONTHS, WEEKDAYS
from app.extraction.normalize import word_set
from app.extraction.role_phrase import (
    JOINT,
    adverb,
    companions,
    of_name,
    participle,
    partner_end,
    past_adjectives,
    past_composition,
    possessive,
    speech_aside,
    time_phrase_end,
)
from app.extraction.role_tokens import denial, index_at, low, named, span, under_attack, wordy
from app.extraction.role_words import (
    ACTION,
    APPOSED,
    AUX,
    BELONGING,
    BRANCHES,
    COPULA,
    DEEDS,
    FROM_VERBS,
    HARM,
    HEADS,
    HOLDING,
    LOSING,
    MODALS,
    MODIFYING,
    OWNED_DEEDS,
    PASSIVE_AGENT,
    PASSIVE_NEUTRAL,
    PAST_IRREGULAR,
    PROCEDURE,
    REDUCED_BY,
    SPEECH,
    SPONSORING,
    STATIVE,
    TALKS,
    TARGET_NOUNS,
    VICTIMS,
    WEAPON_KINDS,
    WEAPONS,
)
from app.extraction.types import ActorMention, ActorRole, Why

# "Turkey itself stands accused": a reflexive between a subject and its verb
_REFLEXIVE = frozenset({"itself", "themselves", "himself", "herself"})
# what an organisation named before its head noun does: "the White Helmets rescue group"
_ORG_KINDS = frozenset({"rescue", "aid", "relief", "monitoring", "humanitarian", "medical"})
_CONDEMNED = frozenset({"condemned", "criticised", "criticized", "denounced", "censured"})
# a group's legal status where it is named: "Nusra Front banned in Russia" does nothing
_BANNED = frozenset({"banned", "outlawed", "proscribed", "prohibited"})


def _included_end(toks: list[re.Match[str]], k: int) -> int | None:
    """The index of the verb after a short "including" list inside a subject at toks[k]."""
    for m in range(k + 2, min(len(toks), k + 8)):
        w = low(toks, m)
        if "-" in w:  # "the former al Qaeda-linked Nusra Front": a name's modifier
            continue
        if w in PAST_IRREGULAR or w in COPULA or w in MODALS or w in ("has", "have", "had"):
            return m
        if w.endswith("ed") and w not in PASSIVE_NEUTRAL:  # not "including ... support"
            return m
    return None


def _branch_after(toks: list[re.Match[str]], m: int) -> int | None:
    """The index after "affiliate" in "Al-Qaidas Syria affiliate", "Al-Qaeda affiliate": an
    owner's branch named in apposition, a name at toks[m] and at most four words to it."""
    for k in range(m + 1, min(len(toks), m + 5)):
        w = low(toks, k)
        if w in BRANCHES:
            return k + 1
        if not wordy(w):
            return None
    return None


def _verbish(w: str) -> bool:
    return w.endswith("ed") or w in HARM or w in STATIVE or w in SPEECH


def subject_role(
    text: str, toks: list[re.Match[str]], k: int, others: Sequence[ActorMention]
) -> tuple[ActorRole, Why] | None:
    """The role the words after the mention give it (it is their subject)."""
    n = len(toks)
    # the rest of its noun phrase: "fighters", "(SAA)", "and its allies", "and Iran"
    while k < n:
        w = low(toks, k)
        if w in HEADS or w in ("s", "’s", "'s") or w in _QUOTES:  # "“Tiger Forces” and"
            k += 1
        elif w in _ORG_KINDS and low(toks, k + 1) in HEADS:
            k += 2  # "the White Helmets rescue organization were"
        elif w == "(":
            while k < n and toks[k].group() != ")":
                k += 1
            k += 1
        elif w in BELONGING and low(toks, k + 1) in ("to", "with"):
            k += 2  # "forces loyal to Assad launched", "groups affiliated to it targeted"
            if low(toks, k) in ("the", "it", "them"):
                k += 1
            other = next((o for o in others if o.start == toks[k].start()), None) if k < n else None
            if other is not None:
                k = index_at(toks, other.end)
            else:
                while k < n and named(toks[k].group()):  # "loyal to President al-Assad"
                    k += 1
        elif w in ("and", "or") and k + 1 < n:
            nxt = toks[k + 1].start()
            other = next((o for o in others if o.start == nxt), None)
            if other is not None:
                k = index_at(toks, other.end)
            elif (end := companions(toks, k + 1)) is not None:
                k = end  # "and its allies", "regime and rebel fighters", "and other groups"
            else:
                break
        elif (other := next((o for o in others if o.start == toks[k].start()), None)) and low(
            toks, index_at(toks, other.end)
        ) in (
            "and",
            "or",
        ):  # "Nusra Front Jaish al-Fateh and other groups attacked": an unpunctuated list
            k = index_at(toks, other.end)
        elif (
            named(toks[k].group())
            and not possessive(toks, k - 1)
            and (end := _branch_after(toks, k))
        ):
            k = end  # "Nusra Front Al-Qaidas Syria affiliate on Saturday drove": an apposition
        elif w == "in" and low(toks, k + 1) in JOINT and low(toks, k + 2) == "with":
            # "the army in cooperation with the popular forces surrounded": its partner
            k = partner_end(toks, k + 3, others)
        elif w in ("its", "their") and (end := companions(toks, k)) is not None:
            k = end  # "The US its Arab and European allies launch": an unpunctuated apposition
        elif w == "including" and (end := _included_end(toks, k)) is not None:
            k = end  # "al-Nusra militants including elements holding foreign nationalities tried"
        else:
            break
    owned = _owned_hit(toks, k)
    if owned is not None:  # "ISILs sites and military vehicles were targeted"
        return owned
    if k < n and low(toks, k) in ("the", "a", "an"):  # "JFS the al Qaeda offshoot seized"
        for m in range(k + 1, min(n, k + 6)):
            if low(toks, m) in APPOSED:
                k = m + 1
                break
    owned = k and possessive(toks, k - 1)
    if owned:
        k = past_adjectives(toks, k)  # "Assads most horrible massacres"
    while k < n - 1 and low(toks, k) in WEAPON_KINDS and low(toks, k + 1) in WEAPON_KINDS | WEAPONS:
        k += 1  # "a Daesh suicide bomber", "an IS car bomb": the kind of weapon
    if k < n and (low(toks, k) in WEAPONS | OWNED_DEEDS or owned and low(toks, k) in DEEDS):
        negated = denial(toks, k + 1, k + 4)
        if negated is not None:
            return negated
        a, b, cue = span(toks, k, k)
        return "agent", Why("weapon", a, b, cue, "owner of the attack")
    if k < n and low(toks, k) in SPONSORING and low(toks, k + 1) not in AUX | {"by"}:
        a, b, cue = span(toks, k, k)
        return "mentioned", Why("sponsor", a, b, cue, "sponsors what follows; acts in nothing here")
    if k < n and low(toks, k) in HOLDING:  # "government held", "regime controlled areas"
        deed = _holding_deed(toks, k)
        if deed is not None:
            return deed
        a, b, cue = span(toks, k, k)
        return "mentioned", Why("holder", a, b, cue, "holds the place; acts in nothing here")
    k = of_name(toks, k)
    if low(toks, k) == "for" and low(toks, k + 2) == "part":  # "the regime for its part has"
        k += 3
    k = time_phrase_end(toks, k)  # "Turkish military since the beginning ... have been"
    aside = speech_aside(toks, k)
    if aside is not None:  # "The army units the source added clashed with terrorists"
        k = aside
    if low(toks, k) in ("who", "which"):  # "soldiers who recently slew", "IS, which was hit"
        k = past_composition(toks, k + 1)
    if low(toks, k) in _REFLEXIVE:  # "Turkey itself stands accused"
        k += 1
    first = k
    while k < n:
        if low(toks, k) in ("last", "this", "earlier") and low(toks, k + 1) in _PERIODS:
            k += 2  # "The Syrian army last month repelled"
        elif (end := _on_date(toks, k)) is not None:
            first += end - k  # "The regime on July 22 announced": the date is no verb's
            k = end
        elif (
            low(toks, k) in _BANNED
            and low(toks, k + 1) == "in"
            and k + 2 < n
            and named(toks[k + 2].group())
        ):
            # "Jabhat al-Nusra both outlawed in Russia continue": the group's status
            # where it is named, no verb of its own
            first += 3
            k += 3
        elif (adverb(toks, k) and low(toks, k) not in COPULA | {"has", "have", "had"}) or (
            low(toks, k) in ("on", "late", "early", "last") and low(toks, k + 1) in AUX
        ):
            k += 1  # "also", "reportedly", "on Tuesday morning"
        else:
            break
    negated = denial(toks, first, k + 3)
    if negated is not None:  # "coalition operations do not target his regime": no deed
        return negated
    w = low(toks, k)
    if w in COPULA or w in ("has", "have", "had"):
        aux = k
        k += 1
        while k < n and (
            (adverb(toks, k) and low(toks, k) not in COPULA)
            or (low(toks, k) == "since" and participle(low(toks, k + 1)))
        ):  # "have since lost": "since" an adverb
            k += 1
        k = _after_time(toks, k)  # "Russia has in recent days intensified its air raids"
        been = low(toks, k) == "been"  # "IS has also been under attack"
        if been:
            k += 1
        part = low(toks, k)
        if (w in COPULA or been) and not part.endswith("ing"):
            # "the regime was able to put", "IS was prepared to demolish"
            if part == "to" and (
                low(toks, k + 1) in ("meet", "negotiate")
                or (low(toks, k + 1) == "hold" and low(toks, k + 2) in TALKS)
            ):  # "Kerry and Lavrov were to hold talks": a planned meeting, theirs
                a, b, cue = span(toks, aux, k + 1)
                return "agent", Why("subject", a, b, cue, "holds the talks")
            if part == "able" and low(toks, k + 1) == "to" or _raised_deed(toks, k):
                a, b, cue = span(toks, aux, k + 1)
                return "agent", Why("subject", a, b, cue, "subject of a verb of action")
            if _behind_deed(toks, k) and "whether" not in (
                low(toks, m) for m in range(first - 8, first)
            ):
                # "Daesh cells were most likely behind the attack"; not "could not determine
                # whether Russia or the government was behind the attack": no one accused
                a, b, cue = span(toks, aux, k)
                return "agent", Why("accused", a, b, cue, "said to be behind the deed")
            if part in PASSIVE_AGENT or (
                part in _CONDEMNED and any(low(toks, m) == "for" for m in range(k + 1, k + 12))
            ):
                # "IS was condemned on Friday in a U.N. resolution for gross abuses": its deeds
                a, b, cue = span(toks, aux, k)
                return "agent", Why("accused", a, b, cue, "the accused of an accusation")
            if (
                part == "involved"
                and low(toks, k + 1) == "in"
                and any(low(toks, m) in WEAPONS | _FIGHTS for m in (k + 2, k + 3))
            ):  # "groups were involved in the attack": its doers
                a, b, cue = span(toks, aux, k + 1)
                return "agent", Why("subject", a, b, cue, "took part in the attack")
            if part in ("a", "an", "the") and (m := _force_doing(toks, k)) is not None:
                a, b, cue = span(toks, aux, m)  # "have been a key force battling the extremists"
                return "agent", Why("subject", a, b, cue, "the force that does it")
            if part in PASSIVE_NEUTRAL:
                return _conjoined_deed(toks, k)
            if part == "among" and any(
                low(toks, m) in VICTIMS for m in range(k + 1, min(n, k + 4))
            ):  # "two members of the White Helmets were also among Fridays victims"
                a, b, cue = span(toks, aux, k)
                return "target", Why("passive_subject", a, b, cue, "among the hurt")
            if part == "under" and under_attack(toks, k):  # "IS is under attack ... by"
                a, b, cue = span(toks, aux, k + 1)
                return "target", Why("loser", a, b, cue, "undergoes the attack")
            if part.endswith("ed") or part in HARM or (part, low(toks, k + 1)) == ("put", "under"):
                # "IS is put under further pressure": undergoes it, as a passive of harm
                a, b, cue = span(toks, aux, k)
                return "target", Why("passive_subject", a, b, cue, "subject of a passive verb")
            return _conjoined_deed(toks, k)
        # "has/have/had + participle", "has been advancing": active; "has documented the
        # killing of", "has warned": speech, no deed ("has claimed the attack" is one)
        if part in PROCEDURE or (
            part in SPEECH and not part.startswith("claim") and not _truce(toks, k)
        ):
            return None
        if part in LOSING or _lost(toks, k):
            a, b, cue = span(toks, aux, k)
            return "target", Why("loser", a, b, cue, "subject of a verb of loss")
        if part.endswith(("ed", "en", "ing")) or part in HARM or part in ACTION:
            a, b, cue = span(toks, aux, k)
            return "agent", Why("subject", a, b, cue, "subject of a verb of action")
        return None
    if k >= n or k - first > 3:
        return None
    if w in ("claimed", "claims", "claiming") and _claimed_deed(toks, k):
        a, b, cue = span(toks, k, k)
        return "agent", Why("claimed", a, b, cue, "claimed the attack")
    if w in ("stands", "stand", "stood") and low(toks, k + 1) in PASSIVE_AGENT:
        a, b, cue = span(toks, k, k + 1)  # "Turkey stands accused of supporting militants"
        return "agent", Why("accused", a, b, cue, "the accused of an accusation")
    if w in ("bears", "bear", "bore") and "responsibility" in (low(toks, k + 1), low(toks, k + 2)):
        a, b, cue = span(toks, k, k)  # "the regime bears primary responsibility"
        return "agent", Why("accused", a, b, cue, "the accused of an accusation")
    if w in PASSIVE_AGENT and first == k and low(toks, k + 1) in ("of", "for"):
        # a reduced passive: "Assad accused of releasing prisoners", "fighters blamed for"
        a, b, cue = span(toks, k, k + 1)
        return "agent", Why("accused", a, b, cue, "the accused of an accusation")
    if _truce(toks, k):  # "the regime announced a ceasefire": it grants it
        a, b, cue = span(toks, k, k)
        return "agent", Why("subject", a, b, cue, "declares the truce it grants")
    if w in _SEEMING and _raised_deed(toks, k):
        a, b, cue = span(toks, k, k + 1)
        return "agent", Why("subject", a, b, cue, "subject of a verb of action")
    if w in STATIVE:
        return _conjoined_deed(toks, k)
    if w in SPEECH or w in PROCEDURE:
        return None
    if w in LOSING or _lost(toks, k):
        a, b, cue = span(toks, k, k)
        return "target", Why("loser", a, b, cue, "subject of a verb of loss")
    if w in MODIFYING and first == k:  # "groups affiliated to Jaish al-Fateh": a modifier
        return None
    if w == "to" and first == k and (low(toks, k + 1) in ACTION or low(toks, k + 1) in HARM):
        a, b, cue = span(toks, k, k + 1)  # "allowed ISIS to retake the city"
        return "agent", Why("subject", a, b, cue, "subject of a verb of action")
    if w in HARM and w.endswith("ed") and first == k and low(toks, k + 1) in REDUCED_BY:
        a, b, cue = span(toks, k, k + 1)  # "IS fighters killed in an airstrike"
        return "target", Why("passive_subject", a, b, cue, "subject of a passive verb")
    if _verbish(w) or w in ACTION or (w.endswith("ing") and first != k):
        a, b, cue = span(toks, k, k)
        return "agent", Why("subject", a, b, cue, "subject of a verb of action")
    if any(low(toks, m) in MODALS for m in range(first, k)) and w.isalpha():
        a, b, cue = span(toks, first, k)  # "the army and its allies will renege"
        return "agent", Why("subject", a, b, cue, "subject of a verb after a modal")
    return None


_QUOTES = frozenset({'"', "“", "”"})
_TRUCES = frozenset({"ceasefire", "cease-fire", "truce", "ceasefires", "truces", "pause", "pauses"})


# what is claimed that is a deed ("claimed the double suicide bomb attack"), and the words
# that end the noun phrase claimed before one ("claims that", "claimed by")
_CLAIMED_DEEDS = WEAPONS | word_set("responsibility bombing blast killing")
_CLAIMED_ENDS = word_set("that which who to by in on")


def _claimed_deed(toks: list[re.Match[str]], k: int) -> bool:
    """Is the object of "claimed" at toks[k] an attack ("claimed the double suicide bomb
    attack", "claims responsibility"), within its noun phrase?"""
    for m in range(k + 1, min(len(toks), k + 6)):
        w = low(toks, m)
        if w in _CLAIMED_DEEDS:
            return True
        if w in _CLAIMED_ENDS:
            return False
    return False


def _truce(toks: list[re.Match[str]], k: int) -> bool:
    """Is toks[k] "announced"/"declared" with a ceasefire as its object ("declared the
    ceasefire over", "announced a 48-hour truce", "declared a unilateral four-day pause")?"""
    return low(toks, k) in ("announced", "announces", "declared", "declares") and any(
        low(toks, m) in _TRUCES for m in range(k + 1, k + 5)
    )


# "IS is known to hire", "the Council is expected to hold a meeting": the deed is the subject's
_RAISING = frozenset({"known", "believed", "said", "thought", "expected", "prepared", "reported"})
# "the U.S. seems to have gotten things wrong", "the coalition appears to have failed"
_SEEMING = frozenset({"seems", "seemed", "seem", "appears", "appeared", "appear"})


def _raised_deed(toks: list[re.Match[str]], k: int) -> bool:
    """Does the participle at toks[k] go on with "to" and the subject's own deed ("was
    prepared to demolish", "were thought to be negotiating"), not a state or a passive ("is
    believed to be among", "are believed to have been killed", "is believed to refer")?"""
    if low(toks, k) not in _RAISING | _SEEMING or low(toks, k + 1) != "to":
        return False
    m = k + 2
    while adverb(toks, m) and low(toks, m) not in COPULA | {"have"}:
        m += 1
    if low(toks, m) == "be":
        return low(toks, m + 1).endswith("ing")
    if low(toks, m) == "have":
        m += 1
    w = low(toks, m)
    return w.isalpha() and w != "been" and w not in SPEECH | STATIVE | _NOT_DEEDS


_SPANS = frozenset({"days", "weeks", "months", "hours", "week", "month", "year"})
_COUNTED = frozenset({"few", "several", "two", "three", "four"})


def _on_date(toks: list[re.Match[str]], k: int) -> int | None:
    """The index after a calendar date at toks[k] ("on July 22", "on 22 July 2016", "in
    March"), or None."""
    if low(toks, k) not in ("on", "in"):
        return None
    m = k + 1
    if low(toks, m).isdigit() and low(toks, m + 1) in MONTHS:
        m += 2  # "on 22 July"
    elif low(toks, m) in MONTHS and low(toks, m) != "may":
        m += 1
        if low(toks, m).isdigit() and len(low(toks, m)) <= 2:
            m += 1  # "on July 22"
    else:
        return None
    if low(toks, m).isdigit() and len(low(toks, m)) == 4:
        m += 1  # "2016"
    return m


def _after_time(toks: list[re.Match[str]], k: int) -> int:
    """The index after a time phrase at toks[k] ("in recent days", "over the past week",
    "on Monday", "earlier this month", "so far"), or k when none stands there."""
    w = low(toks, k)
    if w == "on" and low(toks, k + 1) in WEEKDAYS:
        return k + 2
    if w in ("so", "thus") and low(toks, k + 1) == "far":  # "Russia has so far lost"
        return k + 2
    if w == "earlier" and low(toks, k + 1) == "this" and low(toks, k + 2) in _PERIODS:
        return k + 3
    if w == "in" and low(toks, k + 1) == "recent" and low(toks, k + 2) in _SPANS:
        return k + 3
    if w in ("in", "over", "during") and low(toks, k + 1) == "the":
        m = k + 2
        if low(toks, m) in ("past", "last"):
            m += 1 + (low(toks, m + 1) in _COUNTED)
            if low(toks, m) in _SPANS:
                return m + 1
    return k


def _force_doing(toks: list[re.Match[str]], k: int) -> int | None:
    """The index of a verb of harm in -ing right after the predicate noun phrase at toks[k]
    ("a key force battling", "the main group fighting"), or None."""
    for m in range(k + 1, min(len(toks), k + 5)):
        w = low(toks, m)
        if w.endswith("ing"):
            return m if w in HARM else None
        if not toks[m].group().islower():
            return None
    return None


def _lost(toks: list[re.Match[str]], k: int) -> bool:
    """Is toks[k] "lost" with no deed of its subject's own after it? "IS lost 28 fighters",
    "the extremists have since lost most of the territory" are losses; in "ISIL lost 13 of its
    fighters as it took control of Markada" the loss is the price of its deed. "Came under"
    an attack ("Daesh has come under attack", "came under the heavy airstrikes of") is
    undergone too; not a plan, nor the fire of critics ("came under fire from Human Rights
    Watch")."""
    if low(toks, k) in _COME and low(toks, k + 1) == "under":
        return under_attack(toks, k + 1)
    if low(toks, k) != "lost":
        return False
    return not any(low(toks, m) in _SUBORDINATE for m in range(k + 1, min(len(toks), k + 10)))


_COME = frozenset({"come", "came", "comes", "coming"})
_FIGHTS = frozenset({"battle", "battles", "fighting", "clashes", "offensive"})
_LIKELY = frozenset({"most", "more", "likely", "probably", "possibly", "almost", "certainly"})
_DEED_PRONOUNS = frozenset({"it", "them", "this", "that", "these", "those"})


def _behind_deed(toks: list[re.Match[str]], k: int) -> bool:
    """ "were most likely behind the attack", "was behind it": who did it. Not "behind the
    lines", "behind enemy lines", "behind bars": an attack or a pronoun must follow."""
    while low(toks, k) in _LIKELY:
        k += 1
    if low(toks, k) != "behind":
        return False
    if low(toks, k + 1) in _DEED_PRONOUNS and low(toks, k + 2) not in _PERIODS:
        return True
    return any(low(toks, m) in WEAPONS | _FIGHTS for m in range(k + 1, k + 5))


_PERIODS = frozenset({"week", "month", "year", "weekend", "night", "morning", "summer", "winter"})
_NOT_DEEDS = frozenset({"refer", "live", "exist", "number", "total"})


def _holding_deed(toks: list[re.Match[str]], k: int) -> tuple[ActorRole, Why] | None:
    """A holder whose clause goes on with its deed: "Kurdish forces control much of the
    province after capturing it", "IS controls most of the city besieging 200000 people".
    Another clause ("but is battling") is another deed's. Talks held are the holders' deed
    ("Kerry held talks with Lavrov")."""
    if low(toks, k + 1) in TALKS or (
        low(toks, k + 1) in ("a", "new") and low(toks, k + 2) in TALKS
    ):
        a, b, cue = span(toks, k, k + 1)
        return "agent", Why("subject", a, b, cue, "holds the talks")
    for m in range(k + 1, min(len(toks), k + 12)):
        w = low(toks, m)
        if w in _CLAUSE_BREAKS and not (w == "since" and low(toks, m + 1).endswith("ing")):
            return None  # "since routing the army" goes on with the holder's own deed
        if w.endswith("ing") and (w in HARM or w in FROM_VERBS):
            a, b, cue = span(toks, k, m)
            return "agent", Why("subject", a, b, cue, "holds what it took or besieges")
    return None


def _owned_hit(toks: list[re.Match[str]], k: int) -> tuple[ActorRole, Why] | None:
    """Its sites, positions or vehicles at toks[k] hit in a passive ("ISILs sites and military
    vehicles loaded with ammunition were targeted", "The ISIL military equipment ... were
    destroyed") or coming under an attack ("The ISIL strongholds near ... came under the
    bombardments"): it is the target."""
    if k + 1 < len(toks) and toks[k].group().islower() and low(toks, k + 1) in TARGET_NOUNS:
        k += 1  # "military equipment"
    # the noun phrase read past its head already, a place after it ("The ISIL strongholds
    # near the villages of ... came under")
    # (only an attack come under: "positions in X was repelled" may be another's offensive)
    placed = low(toks, k) in _WHERE and low(toks, k - 1) in TARGET_NOUNS
    if not (
        low(toks, k) in TARGET_NOUNS
        or (low(toks, k) in ("and", "or") and low(toks, k - 1) in TARGET_NOUNS)
        or placed
    ):
        return None
    for m in range(k + 1, min(len(toks), k + 14)):
        w = low(toks, m)
        if w in _CLAUSE_BREAKS - {"and"} or w in SPEECH or w == "that":
            return None
        if w in _COME and under_attack(toks, m + 1):
            a, b, cue = span(toks, m, m + 1)
            return "target", Why("loser", a, b, cue, "what it owns came under attack")
        if placed:
            continue
        if w in COPULA and w not in ("be", "being"):
            v = m + 1
            while adverb(toks, v) and low(toks, v) not in COPULA:
                v += 1
            if low(toks, v) == "been":
                v += 1
            if low(toks, v) in HARM and (low(toks, v).endswith("ed") or low(toks, v) in ACTION):
                a, b, cue = span(toks, m, v)
                return "target", Why("passive_subject", a, b, cue, "what it owns was hit")
            return None
    return None


_WHERE = frozenset({"near", "in", "around", "outside", "inside", "on", "at"})
_CLAUSE_BREAKS = frozenset({"but", "and", "while", "which", "who", "where", "as", "since"})
# words that start another clause, with a subject of its own
_SUBORDINATE = frozenset({"which", "who", "that", "where", "when", "while", "as", "since", "but"})


def _conjoined_deed(toks: list[re.Match[str]], k: int) -> tuple[ActorRole, Why] | None:
    """The deed of a second predicate its subject shares, after a first that tells a state:
    "Hezbollah is a close ally of the government and has dispatched fighters", "IS militants
    are firmly in control of Raqa and have secured large swathes of territory"."""
    for m in range(k + 1, min(len(toks), k + 16)):
        w = low(toks, m)
        if w in _SUBORDINATE or w in SPEECH or toks[m].group() in ('"', "“", "”"):
            return None
        if w != "and" or low(toks, m + 1) not in ("has", "have", "had"):
            continue
        v = m + 2
        while adverb(toks, v) and low(toks, v) not in COPULA:
            v += 1
        deed = low(toks, v)
        if deed in PROCEDURE | SPEECH | LOSING | COPULA or not (
            deed.endswith(("ed", "en")) or deed in HARM or deed in ACTION
        ):
            return None
        a, b, cue = span(toks, m, v)
        return "agent", Why("subject", a, b, cue, "subject of a verb of action")
    return None
