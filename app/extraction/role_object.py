"""The role the words before an actor's mention give it: the object of a verb or noun of
harm ("killed 20 IS fighters", "strikes on ISIS positions"), the "by" phrase of a passive
("killed by Russian jets"), the accused of an accusation, a party after "clashes between".
"""

from __future__ import annotations

import re

from app.extraction.dates import WEEKDAYS
from app.extraction.role_tokens import denial, low, named, under_attack, wordy
from app.extraction.role_words import (
    ACCUSE,
    ACTION,
    APPOSED,
    BELONGING,
    DEEDS,
    DESCRIBED,
    DET,
    FIGHTING,
    FORCING,
    FROM_VERBS,
    HARM,
    HEADS,
    NOT_AGENT_BY,
    NUMBER_WORDS,
    OBJECT_OF_NOUN,
    OWNED_DEEDS,
    RETREAT,
    SUFFERED_BY,
    TARGET_NOUNS,
    TOWARD,
    VICTIMS,
    WEAPONS,
)
from app.extraction.types import ActorRole, Why

_SOME = frozenset({"most", "some", "many", "all", "several"})
_BE = frozenset({"is", "are", "was", "were"})
_ARMED = frozenset(
    {"armed", "terrorist", "takfiri", "jihadist", "extremist", "militant", "rebel", "insurgent"}
)
_LAUNCHED = frozenset({"launched", "mounted", "waged", "staged"})
_WHICH = frozenset({"which", "who", "that"})
_JOINING = frozenset({"joined", "join", "joins", "joining"})
_NAMELY = frozenset({"mainly", "namely", "especially", "particularly", "notably", "chiefly"})
_QUOTES = frozenset({'"', "“", "”"})
# "took out seven Daesh commanders": with "out", a verb of harm
_TOOK = frozenset({"took", "taken", "take", "takes", "taking"})
_PARTICLES = frozenset({"out", "off", "down", "up", "over", "behind"})
_FIRED = frozenset({"fire", "fired", "firing", "fires", "aimed", "shots", "launched"})
_KILLED_ALONG = frozenset({"killed", "wounded", "injured", "executed", "died", "captured"})
_LOCATIVE = frozenset({"in", "on", "at", "during", "across", "inside", "near", "throughout"})
_BY_ADVERBS = frozenset(
    {"mainly", "mostly", "largely", "primarily", "reportedly", "allegedly", "only", "solely"}
    | {"daily", "repeatedly", "jointly", "probably", "likely", "apparently"}
)
# misdeeds whose doer follows "of": "the crimes of the Assad regime" (its victims would be
# people, no actor: "the massacre of civilians")
_MISDEEDS_OF = frozenset({"crimes", "atrocities", "violations", "abuses", "brutality", "terror"})
# where a phrase named by "such as"/"known as" starts: the verb or the preposition before it
_PHRASE_STOPS = HARM | TOWARD | {"by", "from", "with", "between", "of"}
# where the adjectives of a descriptor ("the Takfiri group") stop
_STOPS = _PHRASE_STOPS | DET | WEAPONS | FIGHTING | ACCUSE | {"and", "or", "as", "in"}


_ASSAULTS = frozenset(
    {"attack", "attacks", "offensive", "assault", "push", "advance", "incursion", "attempt"}
)
_REPEL = frozenset(
    {"repelled", "repulsed", "repel", "repels", "repelling", "thwarted", "foiled", "fended"}
    | {"rebuffed", "beat", "beaten", "pushed", "drove", "driven", "fought"}
)
_BACK = frozenset({"off", "back"})
_FOIL = frozenset({"foiled", "foil", "foils", "foiling", "thwarted", "thwart", "thwarts"})


def _repelled(toks: list[re.Match[str]], noun: int) -> int | None:
    """The verb that beat back the attack named at toks[noun] ("fended off an attack",
    "repelled a large-scale offensive", "beat back an IS assault"), if one did."""
    if low(toks, noun) not in _ASSAULTS:
        return None
    m = noun - 1
    while m >= 0 and noun - m <= 4:
        w = low(toks, m)
        if w in _REPEL and (
            w not in ("beat", "beaten", "pushed", "drove", "driven", "fought")
            or low(toks, m + 1) in _BACK
        ):
            return m
        if not (w in DET or w in _BACK or (w.isalpha() and toks[m].group().islower())):
            return None
        m -= 1
    return None


def _modifies(toks: list[re.Match[str]], m: int) -> bool:
    """A lower-case word that may modify a noun after it ("armored", "personnel")."""
    w = low(toks, m)
    return toks[m].group().isalpha() and toks[m].group().islower() and w not in _STOPS | HARM


# sides named by a plain plural ("the rebels and Daesh")
_SIDES_NAMED = frozenset(
    {"rebels", "insurgents", "extremists", "islamists", "mercenaries", "terrorists", "militants"}
)


def object_role(text: str, toks: list[re.Match[str]], i: int) -> tuple[ActorRole, Why] | None:
    """The role the words before the mention give it (it is their object)."""
    shared = _divided_between(toks, i)
    if shared is not None:
        return shared
    k = i - 1
    # determiners, numbers and adjectives of its noun phrase ("the remaining 20 IS")
    skipped = 0
    while k >= 0 and skipped < 6:
        w = low(toks, k)
        if w == "of" and low(toks, k - 1) in _MISDEEDS_OF:
            break  # "the crimes of the Assad regime": its doer
        if (
            w in DET
            or w in NUMBER_WORDS
            or w[:1].isdigit()
            or w
            in (
                "remaining",
                "so-called",
                "other",
                "more",
                "than",
                "least",
                "some",
                "of",
                "dozens",
                "scores",
                "hundreds",
                "numerous",
                "various",
                "many",
                "president",
                "both",
                "ally",
                "allies",
                # "killed key Daesh ministers", "killed senior Daesh commanders": a rank
                "key",
                "senior",
                "top",
                "leading",
                "prominent",
                "high-ranking",
                "notorious",
                # "killed about 100 IS fighters": a figure's qualifier
                "about",
                "around",
                "nearly",
                "almost",
                "approximately",
                "roughly",
            )
            or DESCRIBED.search(w)  # "Western-backed al-Qaida terrorists"
            or (w == "at" and low(toks, k + 1) == "least")
            # "eliminated over 75 militants of the Nusra Front": a figure's qualifier
            or (
                w == "over" and (low(toks, k + 1)[:1].isdigit() or low(toks, k + 1) in NUMBER_WORDS)
            )
            or w.endswith(("'s", "’s"))  # "with the army’s Tiger Forces": a determiner
            or w in _QUOTES
        ):
            k -= 1
            skipped += 1
            continue
        if w == "so-called" or (w == "called" and low(toks, k - 1) == "so"):
            k -= 1 if w == "so-called" else 2  # "by the so called Jaish al-Fateh"
            skipped += 1
            continue
        # an adjective after a determiner: "by the criminal regime", "attacked the rebel",
        # "at the Syrian regime"
        if (
            w.isalpha()
            and (toks[k].group().islower() or w.endswith(("ian", "ish", "ese")))
            and (
                # "the fighting was between hardline Islamic State militants and ..."
                low(toks, k - 1) in DET | _QUOTES | {"between"}
                # "strikes against seasoned Al-Qaeda veterans", not "warns against new US"
                or (low(toks, k - 1) == "against" and low(toks, k - 2) in OBJECT_OF_NOUN | HARM)
            )
            and w not in HARM | WEAPONS | TOWARD | HEADS | TARGET_NOUNS
        ):
            k -= 1
            skipped += 1
            continue
        # "accuse countries mainly the USA": a member named of a plain noun takes its place
        if w in _NAMELY and k >= 1 and toks[k - 1].group().islower():
            k -= 1
            while k >= 0 and toks[k].group().islower() and low(toks, k) not in _STOPS:
                k -= 1  # "foreign states"
            skipped += 1
            continue
        # "two men from (Lebanese Shia group) Hezbollah": a bracketed aside before the name
        if w == ")" and k == i - 1:
            m = k - 1
            while m >= 0 and k - m <= 6 and low(toks, m) != "(":
                m -= 1
            if low(toks, m) == "(":
                k = m - 1
                skipped += 1
                continue
        # "the Takfiri group ISIL", "the jihadist militia IS": a descriptor before the name
        if w in APPOSED and k == i - 1:
            k -= 1
            while k >= 0 and i - k <= 4 and wordy(low(toks, k)) and low(toks, k) not in _STOPS:
                k -= 1
            skipped += 1
            continue
        # "killed terrorists affiliated to al-Nusra", "fighters belonging to IS"
        if w == "to" and low(toks, k - 1) in BELONGING:
            # "forcing the terrorist groups which are affiliated to al-Nusra to withdraw"
            b = k - 1
            if low(toks, b - 1) in _BE and low(toks, b - 2) in _WHICH:
                b -= 2
            # "targeted terrorists most of them affiliated to al-Nusra"
            head = _most_of_them(toks, b - 1)
            head = b - 1 if head is None else head
            if low(toks, head) in HEADS | TARGET_NOUNS:
                k = head - 1
                # "the terrorist groups affiliated to": the head's own modifiers
                while k >= 0 and head - k <= 2 and low(toks, k) in _ARMED:
                    k -= 1
                skipped += 1
                continue
        # "killed nine fighters of the IS", "backed by Syrian and Russian warplanes"
        if (w == "for" and low(toks, k - 1) in TARGET_NOUNS) or (
            w == "from" and low(toks, k - 1) in HEADS
        ):  # "hideouts for al-Nusra", "fired by terrorists from Jaish al-Islam"
            k -= 2
            skipped += 1
            continue
        if (
            w == "from"
            and (head := _most_of_them(toks, k - 1)) is not None
            and low(toks, head) in HEADS
        ):  # "eliminating scores of terrorists most of them from Jabhat al-Nusra"
            k = head - 1
            skipped += 1
            continue
        # "the fight against President Bashar al-Assads regime": the owner's name before a
        # bare head ("Assads" with the apostrophe stripped), or standing as a modifier
        # ("a massacre committed by the Bashar Assad regime")
        if k == i - 1 and named(toks[k].group()) and (w.endswith("s") or toks[i].group().islower()):
            while k >= 0 and named(toks[k].group()) and i - k <= 4:
                k -= 1
            skipped += 1
            continue
        # "organizations such as the Islamic State", "a force known as the Asayish": the
        # phrase it names stands where the name does
        if w == "as" and low(toks, k - 1) in ("such", "known"):
            k -= 2
            m = k
            while m >= 0 and k - m < 5 and low(toks, m) not in _PHRASE_STOPS:
                m -= 1
            if m >= 0 and low(toks, m) in _PHRASE_STOPS:
                k = m
                skipped += 1
                continue
            return None
        # "positions of IS", "Nusra and IS", "gatherings and vehicles of ISIL"
        # "against the rebels and Daesh", "accused terrorists and the opposition": a side
        # named by a plain plural before "and" shares its role
        if ((w in HEADS or w in TARGET_NOUNS) and low(toks, k + 1) == "of") or (
            w in ("and", "or")
            and k >= 1
            and (
                toks[k - 1].group()[:1].isupper() or low(toks, k - 1) in TARGET_NOUNS | _SIDES_NAMED
            )
        ):
            k -= 2 if w in ("and", "or") else 1
            if w in TARGET_NOUNS:  # "an armored personnel carrier of": its modifiers
                m = k
                while m >= 0 and k - m < 3 and _modifies(toks, m):
                    m -= 1
                if low(toks, m) in DET:
                    k = m
            skipped += 1
            continue
        break
    if k < 0:
        return None
    w = low(toks, k)
    took_out = w == "out" and low(toks, k - 1) in _TOOK  # "took out seven Daesh commanders"
    if w in ("out", "off") and (took_out or low(toks, k - 1) in HARM):  # "flush out the IS"
        k -= 1
        w = low(toks, k)
    prev = low(toks, k - 1)
    back = 1
    # "carried out by", "taken over by", "pursued mainly by": the participle before them
    while (
        back < 3
        and w == "by"
        and (
            prev in _PARTICLES
            or prev in _BY_ADVERBS
            or (prev.endswith("ly") and low(toks, k - back - 1).endswith("ed"))
        )
    ):  # "backed militarily by"
        back += 1
        prev = low(toks, k - back)
    if w == "by" and prev == "death" and low(toks, k - 2) == "to":
        back, prev = 3, low(toks, k - 3)  # "tortured to death by the Syrian regime"
    if w == "by" and not prev.endswith(("ed", "en")):
        prev = _harmed_before_place(toks, k - back) or prev
    a, b = toks[k].start(), toks[i - 1].end() if i > 0 else toks[k].end()
    if w == "by":
        # "escalation against civilians by the regime": the deed a few words back
        deed = next(
            (
                m
                for m in range(k - 1, max(-1, k - 5), -1)
                if low(toks, m) in DEEDS and (m == k - 1 or low(toks, m + 1) in TOWARD | {"of"})
            ),
            None,
        )
        if prev in ("held", "controlled") and any(
            low(toks, m) in FROM_VERBS for m in range(max(0, k - 6), k - 1)
        ):  # "have taken territory formerly held by IS": taken from it
            return "target", Why(
                "object", toks[k - 1].start(), b, f"{prev} by", "what was taken was taken from it"
            )
        if (
            prev in ("held", "controlled")
            and low(toks, k - 2) in TARGET_NOUNS
            and any(low(toks, m) in HARM for m in range(max(0, k - 6), k - 2))
        ):  # "striking several sites controlled by the ISIL": its sites were hit
            return "target", Why(
                "object", toks[k - 2].start(), b, f"{prev} by", "what was struck was its own"
            )
        if prev in SUFFERED_BY:
            return "target", Why(
                "by", toks[k - 1].start(), b, f"{prev} by", "what was suffered, suffered by it"
            )
        if (low(toks, k - 3), low(toks, k - 2), prev) == ("put", "in", "place"):
            # "the ceasefire put in place by Russia and the United States": its brokers (§11)
            return "agent", Why("by", toks[k - 3].start(), b, "put in place by", "the 'by' phrase")
        if prev in _BACKED and _finite_passive(toks, k - back):
            # "He has been backed militarily by Russia": the backing is the claim's event
            # (§11), not "rebels backed by Turkey" nor "some that have been supported by"
            return "agent", Why(
                "by", toks[k - back].start(), b, f"{prev} by", "backs the subject: the event"
            )
        if prev in _USED and not any(low(toks, m) == "to" for m in range(i + 1, i + 5)):
            # "hitting a bridge used by the jihadists": whose, not who hit ("used by Daesh to
            # protect the city" is Daesh's deed)
            return "mentioned", Why("by", toks[k - 1].start(), b, f"{prev} by", "uses the thing")
        # "repelled an offensive by rebels", "foiled an attack launched by terrorist groups"
        repel = _repelled(toks, k - 2 if prev in _LAUNCHED else k - 1)
        if repel is not None:  # the attackers were beaten
            return "target", Why(
                "object", toks[repel].start(), b, f"{low(toks, repel)} ... by", "its attack failed"
            )
        if deed is None and prev in ("is", "was", "are", "were", "be"):
            # "One offensive against it is by Syrian regime forces": the deed named before
            deed = next(
                (
                    m
                    for m in range(k - 2, max(-1, k - 8), -1)
                    if low(toks, m) in WEAPONS | OWNED_DEEDS | DEEDS
                ),
                None,
            )
        if deed is None:  # "under attack in its remaining strongholds ... by": the attackers
            deed = next(
                (m for m in range(k - 2, max(-1, k - 13), -1) if under_attack(toks, m)), None
            )
        if deed is not None:
            cue = f"{low(toks, deed)} ... by" if deed < k - 1 else f"{prev} by"
            return "agent", Why("by", toks[deed].start(), b, cue, "the 'by' phrase")
        if (
            prev in NOT_AGENT_BY
            or prev.endswith("-held")
            or not (
                prev.endswith(("ed", "en")) or prev in ACTION or prev in HARM or prev in WEAPONS
            )
        ):
            return "mentioned", Why(
                "by",
                toks[k - 1].start() if k else a,
                b,
                f"{prev} by",
                "a sponsor or a side detail, not the actor",
            )
        return "agent", Why(
            "by", toks[k - 1].start() if k else a, b, f"{prev} by", "the 'by' phrase"
        )
    if w == "of" and prev in _MISDEEDS_OF:
        return "agent", Why("weapon", toks[k - 1].start(), b, f"{prev} of", "owner of the misdeed")
    if w == "on" and prev in ("blamed", "blame", "blames", "blaming"):  # "blamed on Daesh"
        return "agent", Why("accused", toks[k - 1].start(), b, f"{prev} on", "the accused")
    if w in ACCUSE or (w == "at" and prev == "fingers"):  # "pointed their fingers at"
        return "agent", Why("accused", a, b, w, "the accused of an accusation")
    if w == "held" and any(low(toks, m) == "responsible" for m in range(i + 1, i + 5)):
        # "the Coalition held the Assad regime responsible for"
        return "agent", Why("accused", a, b, "held ... responsible", "the accused of an accusation")
    if w in ("were", "was", "are", "is") and k >= 1:  # "the rest of the dead were IS fighters"
        hurt = next((m for m in range(k - 1, max(-1, k - 12), -1) if low(toks, m) in VICTIMS), None)
        if hurt is not None and low(toks, hurt) not in ("killed", "wounded", "injured", "hurt"):
            cue = f"{low(toks, hurt)} ... {w}"
            return "target", Why("counted", toks[hurt].start(), b, cue, "among the victims")
    if w == "including":  # "the wounded including civil defence staff"
        hurt = next((m for m in range(k - 1, max(-1, k - 5), -1) if low(toks, m) in VICTIMS), None)
        if hurt is not None:
            cue = f"{low(toks, hurt)} ... including"
            return "target", Why("counted", toks[hurt].start(), b, cue, "among the victims")
        # "a war against rebels including Al-Nusra Front", "fighting against several rebel
        # groups operating in the country including the Islamic State": one of those fought
        against = next(
            (m for m in range(k - 2, max(-1, k - 10), -1) if low(toks, m) == "against"), None
        )
        if against is not None:
            cue = "against ... including"
            return "target", Why("object", toks[against].start(), b, cue, "the object of an attack")
    if w in HARM or w in ACTION or w.endswith("ed"):
        negated = denial(toks, max(0, k - 3), k)
        if negated is not None:  # "do not target his regime", "were not authorized by"
            return negated
    if w == "with" and prev == "along":  # "were killed along with six Al-Nusra terrorists"
        hurt = next(
            (m for m in range(k - 2, max(-1, k - 4), -1) if low(toks, m) in _KILLED_ALONG), None
        )
        if hurt is not None:
            cue = f"{low(toks, hurt)} along with"
            return "target", Why("counted", toks[hurt].start(), b, cue, "among the victims")
    if w in ("with", "against") and (fight := _killed_fighting(toks, k)) is not None:
        return "agent", Why(
            "party", toks[fight].start(), b, f"killed in {low(toks, fight)} {w}", "the killer"
        )
    if w == "with" and prev == "forces" and low(toks, k - 2) in _JOINING:
        # "Hezbollah joined forces with the army's Tiger Forces": a partner in the deed
        return "agent", Why("party", toks[k - 2].start(), b, "joined forces with", "a partner")
    if w in ("between", "among", "with") and prev in FIGHTING:
        return "agent" if w != "with" else "target", Why(
            "party", a, b, f"{prev} {w}", "a party to the fighting"
        )
    if w == "between":  # "a battle for control of these villages between A and B"
        fight = next(
            (m for m in range(k - 2, max(-1, k - 8), -1) if low(toks, m) in FIGHTING), None
        )
        if fight is not None:
            cue = f"{low(toks, fight)} ... between"
            return "agent", Why("party", toks[fight].start(), b, cue, "a party to the fighting")
    if (
        w in TOWARD
        and (w not in ("on", "upon") or prev in OBJECT_OF_NOUN or prev in HARM)
        and (w != "at" or prev in WEAPONS | _FIRED or _fired_at(toks, k))
    ):
        return "target", Why(
            "object",
            toks[k - 1].start() if k else a,
            b,
            f"{prev} {w}".strip(),
            "the object of an attack",
        )
    if (
        w in ("to", "on")
        and prev in _BLOWS
        and any(low(toks, m) in _DEALT for m in range(max(0, k - 5), k - 1))
    ):  # "Kurdish forces dealt a blow to ISIS", "inflicted heavy losses on the terrorists"
        return "target", Why("object", toks[k - 1].start(), b, f"{prev} {w}", "dealt a blow")
    if w in _FOIL and any(low(toks, m) in _ASSAULTS for m in range(i + 1, min(len(toks), i + 6))):
        # "the SDF foiled ISIS large-scale attack": the attackers were beaten, as when the
        # attack is "by" them ("repelled an offensive by rebels")
        return "target", Why("object", a, b, w, "its attack failed")
    if (w in HARM or took_out) and not _named_deed(toks, k):
        return "target", Why("object", a, b, w, "the object of a verb of harm")
    if w in FORCING and any(  # "forcing al-Nusra Front and Ahrar al-Sham Movement to withdraw"
        low(toks, m) == "to" and low(toks, m + 1) in RETREAT for m in range(i + 1, i + 9)
    ):
        return "target", Why("object", a, b, w, "forced back")
    # "rocket attacks from Daesh"; "came under fire from" a rights group is criticism
    if w == "from" and prev in WEAPONS | OWNED_DEEDS and prev != "fire":
        return "agent", Why("by", toks[k - 1].start(), b, f"{prev} from", "where attacks come from")
    if w == "from" and _taken_from(toks, k):
        return "target", Why("object", a, b, "from", "what was taken was taken from it")
    return None


def _most_of_them(toks: list[re.Match[str]], j: int) -> int | None:
    """The index of the head before "most of them" ending at toks[j] ("terrorists most of
    them"), or None."""
    if low(toks, j) == "them" and low(toks, j - 1) == "of" and low(toks, j - 2) in _SOME:
        return j - 3
    return None


def _taken_from(toks: list[re.Match[str]], k: int) -> bool:
    """Does a verb of taking come a few words before the "from" at toks[k] ("has since
    wrested 90 per cent of the city from Daesh"), with no other phrase between ("recapturing
    the city once more with support from Russian airstrikes": the support's)?"""
    for m in range(k - 1, max(-1, k - 9), -1):
        w = low(toks, m)
        if w in FROM_VERBS:
            return True
        if w in ("with", "by", "after", "and", "support", "help"):
            return False
    return False


_DIVIDED = frozenset({"divided", "split", "shared"})
_NEW_CLAUSE = frozenset({"who", "which", "that", "but", "while", "where", "when", "after"})


def _divided_between(toks: list[re.Match[str]], i: int) -> tuple[ActorRole, Why] | None:
    """A side a place is divided between ("Aleppo is divided between rebel groups entrenched
    in the east and government troops in the west"): it holds part, it does nothing."""
    for m in range(i - 1, max(0, i - 12), -1):
        w = low(toks, m)
        if w in _NEW_CLAUSE or not wordy(w):
            return None
        if w == "between" and low(toks, m - 1) in _DIVIDED:
            a, b = toks[m - 1].start(), toks[m].end()
            return "mentioned", Why("holder", a, b, f"{low(toks, m - 1)} between", "holds part")
    return None


_BACKED = frozenset({"backed", "supported", "armed", "funded"})


def _finite_passive(toks: list[re.Match[str]], verb: int) -> bool:
    """Is the participle at toks[verb] a main clause's passive ("are backed", "has been
    supported"), not a relative clause's ("that have been supported")?"""
    m = verb - 1
    while m >= 0 and low(toks, m).endswith("ly"):
        m -= 1
    if low(toks, m) == "been":
        m -= 1
        if low(toks, m) not in ("has", "have", "had"):
            return False
    elif low(toks, m) not in _BE:
        return False
    return low(toks, m - 1) not in ("that", "which")


_USED = frozenset({"used", "frequented", "manned", "inhabited", "owned", "operated"})
_BLOWS = frozenset({"blow", "blows", "losses", "casualties", "defeat", "defeats"})
_DEALT = frozenset({"dealt", "deal", "deals", "dealing", "delivered", "inflicted", "inflicting"})
_HURT_IN = frozenset({"killed", "wounded", "injured", "died", "dead", "hurt"})
_WHEN = frozenset(WEEKDAYS) | {"yesterday", "today", "overnight", "tonight"}


def _killed_fighting(toks: list[re.Match[str]], k: int) -> int | None:
    """The index of the fight in "fighters killed in clashes with X", "killed in battles
    (Saturday) against X" that ends at toks[k] ("with"/"against"): X killed them."""
    m = k - 1
    if low(toks, m) == ")":  # a bracketed aside: "battles (Saturday) against"
        while m > 0 and low(toks, m) != "(":
            m -= 1
        m -= 1
    if low(toks, m) not in FIGHTING:
        return None
    fight = m
    m -= 1
    while m >= 0 and fight - m <= 3 and low(toks, m) not in ("in", "during"):
        m -= 1  # "in the fierce clashes"
    if low(toks, m) not in ("in", "during"):
        return None
    m -= 1
    if low(toks, m) in _WHEN:  # "killed on Tuesday in clashes with", "killed overnight in"
        m -= 1 + (low(toks, m - 1) == "on")
    return fight if low(toks, m) in _HURT_IN else None


def _named_deed(toks: list[re.Match[str]], k: int) -> bool:
    """Is toks[k] a noun of attack after its determiner ("the attack", "the 2013 Ghouta
    attack"), so that a name after it starts another clause ("Following the 2013 Ghouta
    attack the Syrian government joined the convention"), not its object?"""
    if low(toks, k) not in WEAPONS:
        return False
    m = k - 1
    while m >= 0 and k - m <= 3 and (named(toks[m].group()) or toks[m].group()[0].isdigit()):
        m -= 1
    return low(toks, m) in DET


def _harmed_before_place(toks: list[re.Match[str]], j: int) -> str | None:
    """The participle of harm before a short place or time phrase that ends at toks[j]
    ("killed in the war (mostly) by", "shelled in Aleppo by"): the deed of the "by"."""
    for m in range(j, max(0, j - 4), -1):
        w = low(toks, m)
        if w in _LOCATIVE:
            deed = low(toks, m - 1)
            return deed if deed in HARM and deed.endswith("ed") else None
        if w in ("by", "and", "or") or w.endswith(("ed", "ing")):
            return None
    return None


def _fired_at(toks: list[re.Match[str]], k: int) -> bool:
    """Is "at" at toks[k] where something fired a few words before lands ("fired missiles
    containing toxic gas at Kurdish forces")?"""
    for m in range(k - 2, max(-1, k - 7), -1):
        w = low(toks, m)
        if w in _FIRED:
            return True
        if w in ("and", "but", "said", "says") or not w.replace("-", "").isalnum():
            return False
    return False
