"""Which claims are about one incident: two claims of different sources, the claims of
one article (with its references back and reader comments), and the claims of one event
that are linked only through others. How each pair relates is app.linking.relate's.
"""

from __future__ import annotations

from typing import Any

from app.linking import facts
from app.linking.match import Match, evidence, place_evidence, type_evidence, types_compatible
from app.linking.records import ClaimRecord, date_text
from app.linking.relate import Link, orient, relate, shared_run, similarity

# what a reference back ('the attack') cannot overrule: two named places, two kinds of event;
# nor, for a claim dated by its own words, two dates (`_firm`)
_FIRM = ("different places", "different kinds")
_DATES = ("different dates", "not dated")
# how close (characters) a later claim of the same article must follow one: to be what it
# refers back to ('the attack'), or for their article alone to count as evidence that the
# two tell one incident (beyond it an article has moved on more often than not: a
# roundup's next operation, the background, the reactions, without saying so)
REACH = 700
# days apart two claims' onsets of one siege or closure may be (the linking index searches
# exactly this far, app.services.linking_index)
ONSET_WINDOW = 60
THRESHOLD_WITHIN = 4.0
# what being told in one article adds (when nothing sets two claims apart): with the same
# day and governorate, enough for a kind of event that goes with the other's (a strike's
# toll, the statement of the group that launched the assault), as an article tells one
# incident and its aspects; not enough alone without a shared day
SAME_ARTICLE = 0.75
# share of word pairs two claims of different sources have in common above which they are
# one text told twice (a wire copy, one statement quoted again): that is evidence of one
# incident in itself, as strong as naming the same day
SHARED_WORDING = 0.35


def _onset_match(a: ClaimRecord, b: ClaimRecord) -> Match | None:
    """Two claims on when one siege or closure began are about it whatever their own
    dates: the same besieger, places compatible, onsets within two months."""
    oa, ob = facts.onset(a), facts.onset(b)
    if (
        not (oa and ob and a.places and b.places)
        or abs((oa.earliest - ob.earliest).days) > ONSET_WINDOW
    ):
        return None
    m = Match()
    agents_a = {x.side for x in a.actors if x.role in ("agent", "mentioned")}
    shared = sorted({y.name for y in b.actors if y.side in agents_a and y.role != "claimant"})
    if not shared:
        return None
    place_evidence(a, b, m)
    if m.blocked:
        return None
    m.add(2.0, "actors", f"both on the siege or closure by {', '.join(shared)}")
    m.add(2.0, None, "each says when it began")
    return m


def same_period(a: ClaimRecord, b: ClaimRecord) -> bool:
    """Both dated to one period too long to be an incident ("during the past two weeks",
    "since 2011"), the same days exactly."""
    return bool(
        a.dated and not a.incident_dated and b.dated and not b.incident_dated
        and (a.date_start, a.date_end) == (b.date_start, b.date_end)
    )  # fmt: skip


def _period_copy(a: ClaimRecord, b: ClaimRecord) -> Match | None:
    """One wire copy about a period carried by two outlets ("has executed 700 members of a
    tribe ... during the past two weeks"): a period is no incident, so its dates alone
    link nothing, but the same words over the same days are one report."""
    if not same_period(a, b) or (sim := similarity(a, b)) < SHARED_WORDING:
        return None
    m = Match()
    type_evidence(a, b, m)
    if not m.blocked:
        place_evidence(a, b, m)
    if m.blocked:
        return None
    m.add(1.5, "date", f"the same period {date_text(a)}")
    m.add(1.5, None, f"told in the same words ({sim:.0%} of word pairs shared)")
    return m


SHARED_RUN = 7  # words in a row two claims of one speaker share: one account of one thing


def _one_side(a: ClaimRecord, b: ClaimRecord) -> bool:
    """Told by one named speaker or its organisation (Abdel Rahman and the Observatory),
    each claim naming a registry actor. Not relate.same_speaker, which also takes an
    outlet's words carried as SANA's (one voice, no claimant actor on one side) and
    unnamed speakers given in the same words."""
    ca, cb = a.claimant, b.claimant
    return bool(ca.chain and cb.chain and ca.chain[-1] == cb.chain[-1])


def link_pair(a: ClaimRecord, b: ClaimRecord) -> Link | None:
    """The link between claims of two different sources, or None if not one incident."""
    if a.in_comments or b.in_comments:
        return None
    a, b = orient(a, b)
    m = evidence(a, b)
    if m.blocked and m.blocked.startswith("not dated as an incident"):
        m = _period_copy(a, b) or m
    if not m.same and m.blocked is None and (sim := similarity(a, b)) >= SHARED_WORDING:
        m.add(1.5, None, f"told in the same words ({sim:.0%} of word pairs shared)")
    if not m.same and m.blocked is None and _one_side(a, b):
        run = shared_run(a, b)
        if len(run.split()) >= SHARED_RUN:
            # "killed a nurse a hospital employee and two soldiers said Abdel Rahman" /
            # "a nurse a hospital employee and two soldiers are among the deceased
            # according to SOHR": one speaker's account carried by two outlets
            m.add(1.5, None, f"the same speaker's words in both ('{run}')")
    if not m.same:
        m = _onset_match(a, b) or m
    return relate(a, b, m) if m.same else None


def _comment_link(comment: ClaimRecord, claim: ClaimRecord) -> Match | None:
    """A reader comment is linked to the article's claim it disputes (it quotes its words)
    or whose onset it also gives."""
    cue = facts.dispute(comment)
    quotes = [q for q in facts.quoted(comment) if q in claim.text.lower()]
    if cue and quotes:
        m = Match()
        m.add(THRESHOLD_WITHIN, "other", f"a reader comment quotes '{quotes[0]}' from it")
        return m
    return _onset_match(comment, claim)


def _refers_back(r: ClaimRecord) -> str | None:
    """Words of `r` that point back at a claim told before it: 'the attack', a denial
    (what is denied was said first: "Russia denied any involvement") or a count disputed
    ("the number is much higher")."""
    cue = facts.anaphor(r) or facts.denial(r) or facts.disputed_count(r)
    return cue.words if cue else None


def link_within_source(records: list[ClaimRecord]) -> list[Link]:
    """Links among the claims of one article (its lede, toll, reactions...), a function of
    that article alone. Beyond the pairwise evidence, a claim that refers back ('the
    attack', 'the accusation') is about the nearest compatible claim before it."""
    ordered = sorted(records, key=lambda r: r.start)
    recalled = {r.id for r in ordered if facts.recalls(r)}
    links: list[Link] = []
    for j, b in enumerate(ordered):
        referred = None
        back = _refers_back(b)
        # a claim that turns to another incident is linked to what came before it only
        # by its own evidence: neither its article nor a reference back joins them; one
        # that recalls earlier incidents, neither to what came before nor after it
        turn = not b.in_comments and bool(facts.turns_away(b) or b.id in recalled)
        # one that says outright it tells another incident is not linked to them at all
        apart = not b.in_comments and facts.separate(b) is not None
        if back and not b.in_comments and not turn:
            for a in reversed(ordered[:j]):
                if b.start - a.end > REACH:
                    break
                if (
                    not a.in_comments
                    and a.event_type != "other"
                    and types_compatible(a.event_type, b.event_type)
                ):
                    referred = a
                    break
        for a in ordered[:j]:
            if a.in_comments and b.in_comments or apart and not a.in_comments:
                continue
            if a.in_comments or b.in_comments:
                comment, claim = (a, b) if a.in_comments else (b, a)
                m = _comment_link(comment, claim)
                if m is not None and m.score >= THRESHOLD_WITHIN:
                    links.append(relate(a, b, m))
                continue
            m = evidence(a, b)
            if a is referred and m.blocked and not _firm(m.blocked, b):
                m = Match()
                m.add(2.5, None, f"'{back}' refers back to it")
                m.add(1.5, None, "in the same article, just before")
            elif a is referred:
                m.add(2.5, None, f"'{back}' refers back to it")
            elif (
                m.blocked is None and not turn and a.id not in recalled
                and b.start - a.end <= REACH
            ):  # fmt: skip
                m.add(SAME_ARTICLE, None, "in the same article")
            if not m.same:
                om = _onset_match(a, b)
                m = om if om is not None else m
            if m.same:
                links.append(relate(a, b, m))
    return links


def _firm(blocked: str, b: ClaimRecord) -> bool:
    """What a reference back cannot overrule: two named places, two kinds of event, or a
    date the referring claim gives in its own words ("in August 2013")."""
    own_date = b.dated and b.date_rule == "own"
    return blocked.startswith(_FIRM) or (own_date and blocked.startswith(_DATES))


def _apart(a: ClaimRecord, b: ClaimRecord) -> bool:
    """Two claims of one event that each name a town, district or site, neither inside the
    other: what each says is about its own place (a strike on a village's hospital, the
    toll in two city districts), so their figures and denials are not set against each
    other, however the event holds them together."""
    m = Match()
    place_evidence(a, b, m)
    return bool(m.blocked and m.blocked.startswith("different places"))


# An event can hold hundreds of claims; beyond this many, pairs not linked themselves are
# not compared (their relations would be most of the table and say little).
MAX_EVENT_COMPARED = 150


def relate_within_event(members: list[ClaimRecord], edges: list[Any]) -> list[Link]:
    """Relations of the claims of one event that are not linked themselves but through
    others: what they say can still agree or clash ("58 dead" and "some 80"). Only the
    telling kinds are kept; being in one event already says they are related."""
    if len(members) < 2 or len(members) > MAX_EVENT_COMPARED:
        return []
    linked = {frozenset((e.a, e.b)) for e in edges}
    ordered = sorted((m for m in members if not m.in_comments), key=lambda m: m.key)
    out = []
    for i, a in enumerate(ordered):
        for b in ordered[i + 1 :]:
            if frozenset((a.id, b.id)) in linked:
                continue
            if _apart(a, b):
                continue
            m = Match()
            m.evidence.append("in one event through the claims that link them")
            link = relate(a, b, m)
            if link.kind != "related":
                out.append(link)
    return out
