"""Are two claims about the same incident? Evidence is weighed and every piece is named.

Hard conditions first (the candidate search in app/services/linking_index.py asks the database
for exactly the claims that can pass them): compatible event types, dates that overlap,
places that are the same or one inside the other. Then evidence adds up: naming the same
town weighs more than sharing a governorate, one day more than a week, sharing the agent
or the figures more than sharing a mention. A pair is one event at THRESHOLD.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.linking import facts, where
from app.linking.facts import Cue
from app.linking.records import ClaimRecord, PlaceRef, date_text, overlap, windows_overlap

THRESHOLD = 3.0
# two stated date ranges this many days long or shorter that overlap are close evidence
OVERLAP_CLOSE = 3
# a day of the week named in an article that gives no date, against the day another
# article's claim dates the incident to (app.linking.match._dateless_evidence)
WEEKDAY = 0.5
# two claimants' tolls that agree and both run to hundreds weigh more: many incidents
# kill a dozen, few kill hundreds
LARGE_TOLL = 100
# two claims at one city, or one at a district of it and one at the city: a city sees
# many incidents a day (Aleppo's shelled west, its bombed east), so naming it weighs half
# what naming the same town or district does (2.0; a place inside another, 1.5)
CITY = 1.0
# a party denies what another claimant holds it to account for (`denial_evidence`); more
# when the other claim is an accusation in words ("accused", "was behind"): a denial of
# allegations answers one, where a report of a deed may tell another incident
DENIED = 1.0
DENIED_ACCUSATION = 2.25

# Event types that can describe one incident: a strike is also its casualties and the
# destruction it caused; a capture is also the battle for it.
_FAMILIES: dict[str, frozenset[str]] = {
    "airstrike": frozenset({"strike"}),
    "shelling": frozenset({"strike", "ground"}),
    "bombing": frozenset({"strike"}),
    "chemical_attack": frozenset({"strike"}),
    "casualties": frozenset({"strike", "ground"}),
    "destruction": frozenset({"strike", "ground"}),
    "battle": frozenset({"ground", "strike"}),
    "capture_territory": frozenset({"ground"}),
    "siege": frozenset({"ground", "relief"}),
    "ceasefire": frozenset({"relief"}),
    "negotiation": frozenset({"relief"}),
    "humanitarian": frozenset({"relief", "moves"}),
    "displacement": frozenset({"moves", "ground"}),
}


def types_compatible(a: str, b: str) -> bool:
    if a == b or "other" in (a, b):
        return True
    return bool(_FAMILIES.get(a, frozenset()) & _FAMILIES.get(b, frozenset()))


# the event families as numbers, for the linking index (app.services.linking_index)
FAMILIES: tuple[str, ...] = tuple(sorted({f for fs in _FAMILIES.values() for f in fs}))


def families(t: str) -> tuple[int, ...]:
    """The families of event type `t` (none for "other", which names no kind of event)."""
    return tuple(FAMILIES.index(f) for f in sorted(_FAMILIES.get(t, frozenset())))


def one_day(r: ClaimRecord) -> bool:
    """Dated by its own words to one day, as an event of a named kind: what a claim
    placed nowhere needs to be compared with another article's claims."""
    w = r.window
    return bool(
        w and w[2] == "stated" and r.precision == "day" and r.date_start == r.date_end
        and families(r.event_type)
    )  # fmt: skip


@dataclass(slots=True)
class Match:
    score: float = 0.0
    agree: list[str] = field(default_factory=list)  # fields that agree
    evidence: list[str] = field(default_factory=list)  # sentences, for the reason
    blocked: str | None = None  # why the pair cannot be one event

    def add(self, weight: float, field_name: str | None, words: str) -> None:
        self.score += weight
        if field_name and field_name not in self.agree:
            self.agree.append(field_name)
        self.evidence.append(words)

    @property
    def same(self) -> bool:
        return self.blocked is None and self.score >= THRESHOLD


def _nested(p: PlaceRef, q: PlaceRef) -> bool:
    return p.id in q.chain or q.id in p.chain


def place_evidence(a: ClaimRecord, b: ClaimRecord, m: Match) -> None:
    """The same place, one inside the other, or (for a claim placed only by its
    governorate or by its article) the same governorate."""
    for x, y in ((a, b), (b, a)):
        if x.places_inherited or not x.places:
            # "in northern Syria", against a claim at Albu Kamal
            words = {where.claim_outside_region(x, p.governorate or "?") for p in y.places}
            if y.places and all(p.governorate for p in y.places) and None not in words:
                m.blocked = f"different places ('{words.pop()}' / {_names(y)})"
                return
    if not a.places or not b.places:
        # placed nowhere, not even by its article (at most "Syria"): it could be any
        # incident in the country, so another article's claim is compared with it only
        # when both date it to one day in their own words, as the same kind of event
        # ("the August 21 gas attack"); the place then adds nothing either way
        if a.source_key != b.source_key:
            if one_day(a) and one_day(b) and a.date_start == b.date_start:
                m.evidence.append("one claim names no place in Syria")
            else:
                m.blocked = "placed nowhere"
        return
    ka, kb = where.sites(a), where.sites(b)
    if ka and kb and not ka & kb:
        m.blocked = f"different places (the {'/'.join(sorted(ka))} / the {'/'.join(sorted(kb))})"
        return
    sa, sb = where.front_side(a), where.front_side(b)
    if sa and sb and sa != sb:
        m.blocked = (
            f"different places (the {sa} side, '{where.front(a).words}' / "  # type: ignore[union-attr]
            f"the {sb} side, '{where.front(b).words}')"  # type: ignore[union-attr]
        )
        return
    if not (a.broad or b.broad):
        districts = _other_districts(a, b)
        if districts:
            m.blocked = f"different places ({districts})"
            return
        best: tuple[float, str] | None = None
        for p in a.places:
            for q in b.places:
                if p.id == q.id:
                    cand = (CITY if p.kind == "city" else 2.0, f"both at {p.name}")
                elif _nested(p, q):
                    inner, outer = (p, q) if q.id in p.chain else (q, p)
                    weight = CITY if outer.kind == "city" else 1.5
                    cand = (weight, f"{inner.name} is in {outer.name}")
                else:
                    continue
                if best is None or cand[0] > best[0]:
                    best = cand
        if best is None:
            namesake = _namesake(a, b) or _namesake(b, a)
            if namesake and not (_countryside(a, b) or _countryside(b, a)):
                m.add(0.5, "place", namesake)
                return
            m.blocked = f"different places ({_names(a)} / {_names(b)})"
        else:
            m.add(best[0], "place", best[1])
        return
    shared = {x for p in a.places for x in p.areas} & {x for p in b.places for x in p.areas}
    if not shared:
        m.blocked = f"different areas ({_names(a)} / {_names(b)})"
        return
    for x, y in ((a, b), (b, a)):
        rural = _countryside(x, y)
        if rural:
            m.blocked = f"different places ({rural} is not the city)"
            return
    same = sorted({p.name for p in a.places if any(p.id == q.id for q in b.places)})
    weight, words = (
        (1.0, f"both at {same[0]}")
        if same
        else (0.5, f"{_names(a, kinds=True)} and {_names(b, kinds=True)} share a governorate")
    )
    if a.places_inherited or b.places_inherited:
        weight /= 2
        words += " (one claim names no place: it stands where its article or passage is)"
    m.add(weight, "place", words)


def _finest(r: ClaimRecord) -> list[PlaceRef]:
    """The claim's places that hold none of its others ("Tareeq al-Bab", not "Aleppo", of
    "the neighbourhood of Tareeq al-Bab in Aleppo")."""
    return [p for p in r.places if not any(p.id in q.chain[1:] for q in r.places)]


def _other_districts(a: ClaimRecord, b: ClaimRecord) -> str | None:
    """Two different districts of one city, each where its claim happened: "an air raid on
    Sheikh Said" and "an air raid on Tareeq al-Bab" are two raids, though each claim also
    names the city that holds both."""
    fa, fb = _finest(a), _finest(b)
    if not fa or not fb or any(p.kind != "neighbourhood" for p in (*fa, *fb)):
        return None
    if any(p.id == q.id or _nested(p, q) for p in fa for q in fb):
        return None
    return f"{', '.join(p.name for p in fa)} / {', '.join(p.name for p in fb)}"


_CITY = r"\b(?:{0} city|city of {0})\b"


def _namesake(x: ClaimRecord, y: ClaimRecord) -> str | None:
    """A city of `x` named as its governorate ("Idlib", "Aleppo") while `y` names a place
    elsewhere in that governorate: the name may be the province's ("a gas attack in
    Idlib"), so the two are no more apart than a governorate and a town in it; unless `x`
    says the city ("in Aleppo city", "the city of Idlib")."""
    for p in x.places:
        if p.namesake and not re.search(_CITY.format(re.escape(p.name)), x.text, re.IGNORECASE):
            for q in y.places:
                if q.governorate_id == p.governorate_id:
                    return f"{q.name} is in {p.name} province (or near the city of that name)"
    return None


_COUNTRYSIDE = "(?:rural {0}|{0}(?:'s)? (?:countryside|province's countryside)|countryside of {0})"


def _countryside(x: ClaimRecord, y: ClaimRecord) -> str | None:
    """The words of `x` that place it in the countryside of a governorate ("western rural
    Aleppo", "a village in the Idlib countryside") when `y` is in the city of that name
    and nothing `x` names lies in that city."""
    for q in y.places:
        if q.kind != "city" or any(q.id in p.chain for p in x.places):
            continue
        found = re.search(_COUNTRYSIDE.format(re.escape(q.name)), x.text, re.IGNORECASE)
        if found:
            return found.group(0)
        # or a countryside the gazetteer knows by another name ("northern Aleppo")
        rural = [p.name for p in x.places if _rural(p) and q.name.lower() in p.name.lower()]
        if rural:
            return rural[0]
    return None


def _rural(p: PlaceRef) -> bool:
    return p.kind == "region" and "countryside" in p.name.lower()


def _names(r: ClaimRecord, kinds: bool = False) -> str:
    """The claim's places; with `kinds`, a governorate says so ("Aleppo" is also a city)."""
    return ", ".join(
        dict.fromkeys(
            f"{p.name} governorate" if kinds and p.kind == "governorate" else p.name
            for p in r.places
        )
    )


def date_evidence(a: ClaimRecord, b: ClaimRecord, m: Match) -> None:
    for r in (a, b):
        cue = facts.cumulative(r)
        if cue is not None:
            m.blocked = f"not dated as an incident (a count over a period: '{cue.words}')"
            return
    wa, wb = a.window, b.window
    if wa is None or wb is None:
        _dateless_evidence(a, b, m)
        return
    if not windows_overlap(a, b):
        m.blocked = f"different dates ({date_text(a)} / {date_text(b)})"
        return
    if wa[2] == wb[2] == "stated" and overlap(a, b):
        if a.precision == b.precision == "day" and a.date_start == b.date_start:
            m.add(1.5, "date", f"same day {date_text(a)}")
        elif max(_days(a), _days(b)) <= OVERLAP_CLOSE:
            m.add(0.75, "date", f"dates overlap ({date_text(a)} / {date_text(b)})")
        else:
            # "over the past few days" overlaps any day of its week: weaker than two
            # claims dated to the same day or two
            m.add(0.5, "date", f"dates overlap ({date_text(a)} / {date_text(b)})")
    elif _reported_that_day(a, b) or _reported_that_day(b, a):
        # "the monitor said on Wednesday" of the attack another claim dates to Wednesday:
        # closer than a statement some days after it, not as close as two incident dates
        if a.source_key == b.source_key and not _aside(a) and not _aside(b):
            # one article's statement of the day ("Hague said", its present tense) and its
            # incident of that day: its news of one day, as close as two claims dated alike
            m.add(1.5, "date", f"told in one article of the day it happened ({_when(a)})")
        else:
            m.add(0.5, "date", f"reported the day it happened ({_when(a)} / {_when(b)})")
    else:
        m.add(0.25, "date", f"dates compatible ({_when(a)} / {_when(b)})")


def _dateless_evidence(a: ClaimRecord, b: ClaimRecord, m: Match) -> None:
    """Claims of an article that gives no date at all (`ClaimRecord.dateless`): among
    themselves, told as of one day, as the claims of a dated article share its date;
    with another article's claim, only when both name their town, district or site and
    one names the day of the week the other dates to one day ("killed Saturday", "Tuesday's
    strike"): one day in seven, as weak as a statement made the day it happened, so the
    place and the kind of event must do the rest (`weekday_dated`)."""
    if a.dateless and b.dateless and a.source_key == b.source_key:
        m.add(1.5, "date", "neither dated: their article gives no date")
        return
    for x, y in ((a, b), (b, a)):
        if weekday_dated(x) and one_day_at(y):
            words = facts.weekdays(x).get(y.date_start.weekday())  # type: ignore[union-attr]
            if words:
                m.add(
                    WEEKDAY,
                    "date",
                    f"'{words}' (in an article that gives no date) is {date_text(y)}'s weekday",
                )
                return
    m.blocked = "not dated as an incident"


def weekday_dated(r: ClaimRecord) -> bool:
    """Of an article that gives no date, at a place it names, naming a day of the week:
    what a claim needs to be compared with another article's claims without a date (the
    linking index files it under its places for all days)."""
    return r.dateless and not r.broad and bool(facts.weekdays(r))


def one_day_at(r: ClaimRecord) -> bool:
    """Dated to one day at a place it names: what a `weekday_dated` claim is compared with."""
    return bool(r.window and not r.broad and r.precision == "day" and r.date_start == r.date_end)


def _aside(r: ClaimRecord) -> bool:
    """Turning to another incident or recalling earlier ones: not its article's news."""
    return bool(facts.turns_away(r) or facts.recalls(r))


def _reported_that_day(x: ClaimRecord, y: ClaimRecord) -> bool:
    """`x` is dated by its own words to one day, `y` by a statement made on that day."""
    wx, wy = x.window, y.window
    return bool(
        wx and wy and wx[2] == "stated" and wy[2] == "reported"
        and x.precision == y.precision == "day"
        and x.date_start == x.date_end == y.date_start == y.date_end
    )  # fmt: skip


def _days(r: ClaimRecord) -> int:
    return (r.date_end - r.date_start).days + 1  # type: ignore[operator]


def _when(r: ClaimRecord) -> str:
    w = r.window
    if w is None:
        return "undated"
    if w[2] == "published":
        return f"undated, published {r.published}"
    if w[2] == "reported":
        return f"reported {date_text(r)}"
    return date_text(r)


def type_evidence(a: ClaimRecord, b: ClaimRecord, m: Match) -> None:
    ta, tb = a.event_type, b.event_type
    if not types_compatible(ta, tb):
        m.blocked = f"different kinds of event ({ta} / {tb})"
    elif ta == tb and ta != "other":
        m.add(1.0, "event_type", f"both {ta.replace('_', ' ')}")
    elif "other" not in (ta, tb):
        m.add(0.5, "event_type", f"{ta.replace('_', ' ')} and {tb.replace('_', ' ')} go together")


def shared_actors(a: ClaimRecord, b: ClaimRecord, role: str) -> list[str]:
    """Actors both claims give in `role`: the same one, or one a unit of the other."""
    return sorted(
        {
            x.name
            for x in a.role_actors(role)
            for y in b.role_actors(role)
            if x.id in y.chain or y.id in x.chain
        }
    )


def actor_evidence(a: ClaimRecord, b: ClaimRecord, m: Match) -> None:
    shared = 0.0
    for role, weight in (("agent", 1.0), ("target", 1.0)):
        names = shared_actors(a, b, role)
        if names:
            shared += weight
            m.add(weight, "actors", f"same {role} ({', '.join(names)})")
    sides_a = {x.side for x in a.role_actors("agent")}
    sides_b = {x.side for x in b.role_actors("agent")}
    if sides_a and sides_b and not sides_a & sides_b and not shared:
        names_a = ", ".join(sorted({x.name for x in a.role_actors("agent")}))
        names_b = ", ".join(sorted({x.name for x in b.role_actors("agent")}))
        m.score -= 1.5
        m.evidence.append(f"but different agents ({names_a} / {names_b})")
    if not shared:
        named = {x.side for x in a.actors if x.role != "claimant"}
        common = sorted({y.name for y in b.actors if y.role != "claimant" and y.side in named})
        if common:
            m.add(0.25, "actors", f"both name {', '.join(common[:3])}")


def denial(r: ClaimRecord) -> Cue | None:
    """Words denying the deed, or putting it on another culprit ("a rebel depot")."""
    return facts.denial(r) or facts.other_culprit(r)


def accused(other: ClaimRecord, denier: ClaimRecord) -> list[str]:
    """The actors `other` holds to account whom `denier`'s denial clears (its claimant's
    side, or the agent it names): named as the agent, or named at all in an accusation."""
    cleared = set(denier.claimant.chain) | {x.side for x in denier.role_actors("agent")}
    named = other.role_actors("agent") if facts.accusation(other) is None else other.actors
    return sorted({x.name for x in named if x.role != "claimant" and x.side in cleared})


def _answer(r: ClaimRecord) -> Cue | None:
    """The words of a claim that answers an incident with a denial: not a denial of a
    practice ("denied government forces use the weapons"), nor an accusation that mentions
    the other side's denial after it ("accused rebels of shelling ..., which rebels have
    denied")."""
    cue = denial(r)
    if cue is None or not facts.answers_incident(r):
        return None
    accusing = facts.accusation(r)
    return cue if accusing is None or cue.start < accusing.start else None


def denial_evidence(a: ClaimRecord, b: ClaimRecord, m: Match) -> None:
    """One claimant holds a party to account and that party denies it: a denial answers an
    accusation, so near in time and place the two are most likely about one incident. Not
    within one article, where a denial answers the claim it refers back to
    (app.linking.pairs), not every deed of the party it clears."""
    da, db = denial(a), denial(b)
    if a.source_key == b.source_key or a.claimant.voice == b.claimant.voice or bool(da) == bool(db):
        return
    denier, other = (a, b) if da else (b, a)
    cue = _answer(denier)
    if cue is None:
        return
    names = accused(other, denier)
    if names:
        m.add(
            DENIED_ACCUSATION if facts.accusation(other) is not None else DENIED,
            "actors",
            f"{', '.join(names)} denies ('{cue.words}') what the other says it did",
        )


def figure_evidence(a: ClaimRecord, b: ClaimRecord, m: Match) -> None:
    for fa in facts.compared(a):
        for fb in facts.compared(b):
            if fa.kind == fb.kind and facts.similar(fa, fb):
                weight = 1.5 if min(facts.size(fa), facts.size(fb)) >= LARGE_TOLL else 1.0
                m.add(
                    weight, fa.kind, f"{fa.kind}: {facts.wording(fa)} and {facts.wording(fb)} agree"
                )
                return


def evidence(a: ClaimRecord, b: ClaimRecord) -> Match:
    """All the evidence that `a` and `b` report one incident, or why they cannot."""
    m = Match()
    for r in (a, b):
        cue = facts.background(r)
        if cue is not None and r.date_rule != "own":
            # no date of its own, and words that set it in earlier or many incidents
            m.blocked = f"background ('{cue.words}'), not an incident"
            return m
    for step in (type_evidence, date_evidence, place_evidence):
        step(a, b, m)
        if m.blocked:
            return m
    actor_evidence(a, b, m)
    figure_evidence(a, b, m)
    denial_evidence(a, b, m)
    return m


def firm_conflict(a: ClaimRecord, b: ClaimRecord) -> bool:
    """Two claims that cannot be about one incident whatever links them through others:
    each dated by its own words to a different day, or put by their own words on two sides
    of a front, one of them saying who holds the area ("barrel bombs on a rebel-held
    district" / "terrorist rocket attacks on neighbourhoods of Aleppo city"). (Two named
    places are not enough: "Idlib" is a city and a province, and "Aleppo" often means its
    countryside; nor, measured, two kinds of site, which split more right pairs than wrong.)
    Reads only what `firm_key` holds."""
    wa, wb = a.window, b.window
    if (
        wa and wb and wa[2] == wb[2] == "stated" and a.precision == b.precision == "day"
        and not overlap(a, b)
    ):  # fmt: skip
        return True
    sa, sb = where.front_side(a), where.front_side(b)
    return bool(sa and sb and sa != sb and (where.held_side(a) or where.held_side(b)))


def firm_key(r: ClaimRecord) -> tuple[object, ...]:
    """All `firm_conflict` reads of a claim: claims with one key conflict alike."""
    side = (where.front_side(r), where.held_side(r))
    return (r.window, r.precision, r.date_start, r.date_end, *side)
