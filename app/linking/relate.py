"""How two claims about one incident relate, with the reason and the fields that differ.

`corroborates`: independent claimants agree on a fact; `contradicts`: facts that cannot
both be true (figures beyond their qualifiers, when a siege began, who holds a place, an
accusation and its denial, a reader disputing the article); `updates`: the same claimant
gives a new figure; `repeats`: the same copy (or the same claimant's statement) carried
again; `related`: the same incident, nothing more to say. Which pairs are one incident
is app.linking.pairs's question.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from difflib import SequenceMatcher
from typing import Any

from app.linking import details, facts
from app.linking.match import Match, accused, denial, shared_actors
from app.linking.records import ClaimRecord, Figure, date_text

_WORD = re.compile(r"[^\W\d_]{2,}")
_CITING = frozenset(
    {"said", "says", "told", "according", "added", "reported", "quoted", "saying", "stated"}
)


@dataclass(frozen=True, slots=True)
class Link:
    """One same-event pair. `a` comes first (for `updates`, the earlier figure)."""

    a: ClaimRecord
    b: ClaimRecord
    kind: str
    reason: str
    agree: tuple[str, ...]
    differ: tuple[str, ...]
    detail: dict[str, Any] = field(default_factory=dict)


def _words(r: ClaimRecord) -> list[str]:
    return [w.lower() for w in _WORD.findall(r.text)]


def _pairs(r: ClaimRecord) -> set[tuple[str, str]]:
    if "pairs" not in r.memo:
        w = _words(r)
        r.memo["pairs"] = set(zip(w, w[1:], strict=False))
    return r.memo["pairs"]  # type: ignore[no-any-return]


def similarity(a: ClaimRecord, b: ClaimRecord) -> float:
    """Jaccard similarity of the two claims' word pairs: 1.0 for the same copy."""
    pa, pb = _pairs(a), _pairs(b)
    if not pa or not pb:
        return 0.0
    return len(pa & pb) / len(pa | pb)


def contained(a: ClaimRecord, b: ClaimRecord) -> float:
    """Share of the shorter claim's word pairs the longer one also has: 1.0 when one
    outlet carries the sentence whole inside a longer one (adding the toll, a day)."""
    pa, pb = _pairs(a), _pairs(b)
    if not pa or not pb:
        return 0.0
    return len(pa & pb) / min(len(pa), len(pb))


def shared_run(a: ClaimRecord, b: ClaimRecord) -> str:
    """The longest run of words both claims have in the same order, their speakers' names
    and the words that attribute set aside ("the Syrian Observatory for Human Rights said"
    is how both cite, not what both tell)."""
    names = {w.lower() for r in (a, b) for w in _WORD.findall(r.claimant.name) if len(w) > 3}
    wa, wb = ([w for w in _words(r) if w not in names and w not in _CITING] for r in (a, b))
    m = SequenceMatcher(None, wa, wb, autojunk=False).find_longest_match(0, len(wa), 0, len(wb))
    return " ".join(wa[m.a : m.a + m.size])


def independent(a: ClaimRecord, b: ClaimRecord) -> bool:
    return a.claimant.voice != b.claimant.voice


def same_speaker(a: ClaimRecord, b: ClaimRecord) -> bool:
    """One named speaker: the same actor, or a speaker no registry names given in the same
    words in both articles ("medical sources"). Independence counts such speakers per
    article; a statement carried again is told by them."""
    if not independent(a, b):
        return a.claimant.actor_id is not None
    va, vb = a.claimant.voice, b.claimant.voice
    return va.startswith("text:") and vb.startswith("text:") and _said(va) == _said(vb)


def _said(voice: str) -> str:
    return voice.split(":", 2)[2]  # text:<article>:<words>


def _differences(
    a: ClaimRecord, b: ClaimRecord, apart: facts.Cue | None
) -> tuple[list[str], list[str], dict[str, Any]]:
    """Fields on which the claims cannot both be right, sentences saying why, and the
    values. `apart`: one claim counts one more group or a part (facts.added), so its counts
    are not set against the other's; a denial or who holds a place still is."""
    differ: list[str] = []
    why: list[str] = []
    values: dict[str, Any] = {}
    seen: set[str] = set()
    for fa in facts.compared(a):
        for fb in facts.compared(b):
            if fa.kind != fb.kind or fa.kind in seen:
                continue
            values.setdefault(fa.kind, {"a": facts.wording(fa), "b": facts.wording(fb)})
            if (
                apart is None
                and not facts.allows(fa, fb)
                and facts.one_thing(fa, fb)
                and not _a_part(a, fa, b, fb)
            ):
                seen.add(fa.kind)
                differ.append(fa.kind)
                values[fa.kind] = {"a": facts.wording(fa), "b": facts.wording(fb)}
                why.append(
                    f"{fa.kind}: {a.label()} says {facts.wording(fa)}, {b.label()} says "
                    f"{facts.wording(fb)}, beyond what the wording allows"
                )
    oa, ob = facts.onset(a), facts.onset(b)
    if oa and ob:
        values["onset"] = {"a": oa.text(), "b": ob.text()}
        if oa.latest < ob.earliest or ob.latest < oa.earliest:
            differ.append("date")
            why.append(f"when it began: {_onset_words(a, oa)}, but {_onset_words(b, ob)}")
    da, db = denial(a), denial(b)
    denier, cue = (a, da) if da else (b, db)
    other = b if denier is a else a
    if bool(da) != bool(db) and independent(a, b) and _accuses(other, denier):
        differ.append("denial")
        if facts.denial(denier) is None:
            differ.append("actors")  # it names another culprit
        values["denial"] = {"by": "a" if denier is a else "b", "words": cue.words}  # type: ignore[union-attr]
        why.append(
            f"{denier.label()} denies ('{cue.words}') what {other.label()} asserts"  # type: ignore[union-attr]
        )
    disputed = _disputed(a, b) if independent(a, b) and apart is None else None
    if disputed and disputed[0] not in seen:
        differ.append(disputed[0])
        values[disputed[0]] = disputed[1]
        why.append(disputed[2])
    # a claimant telling of its own gain and of an attack it foiled tells two actions
    control = _control(a, b) if independent(a, b) else None
    if control:
        differ.append("control")
        why.append(control)
    return differ, why, values


def _scopes(a: ClaimRecord, b: ClaimRecord) -> list[str]:
    """Counts of one kind the two claims give that are too far apart to be of one thing."""
    return [
        f"{fa.kind}: {facts.wording(fa)} and {facts.wording(fb)}"
        for fa in facts.compared(a)
        for fb in facts.compared(b)
        if fa.kind == fb.kind and not facts.same_scope(fa, fb)
    ]


def _other_groups(a: ClaimRecord, b: ClaimRecord, apart: facts.Cue | None) -> str | None:
    """The words of a claim counting one more group or a part ("21 others died") when
    both count the same kind of thing."""
    kinds = {f.kind for f in facts.compared(a)} & {f.kind for f in facts.compared(b)}
    return f"'{apart.words}'" if apart and kinds else None


def _a_part(a: ClaimRecord, fa: Figure, b: ClaimRecord, fb: Figure) -> bool:
    """Whether the smaller count is of a part of what the larger counts: a figure the
    larger claim also gives as a part ("31 killed, including 10 on the bus" and "10 killed
    on the bus"), or a count at a place inside the larger claim's ("2 killed in Salah
    Eddin" within "8 killed in the west of the city"), or the count of one more place an
    attack "also" hit ("Al-Jaberiyeh was also targeted ... a woman was killed"), or a count
    of a part of the people ("25 children" of a toll of 47), or any smaller count against
    a toll the larger claim gives for several attacks or places (`facts.several`), unless
    the smaller names a place holding the larger's. A part given without a number
    ("including several children") allows any count: no part."""
    (small, fs), (large, fl) = sorted(((a, fa), (b, fb)), key=lambda x: facts.interval(x[1]))
    if any(
        f.kind == fs.kind and f is not fl and f.value is not None and facts.allows(f, fs)
        for f in large.figures
    ):
        return True
    if (
        facts.one_more_place(small) is not None
        or facts.narrower(fs, fl)
        or (
            facts.several(large) is not None
            and (small.places_inherited or not _wider(small, large))
        )
    ):
        return True
    return not small.places_inherited and _wider(large, small)


def _wider(x: ClaimRecord, y: ClaimRecord) -> bool:
    """Whether `x` names a place that holds each of `y`'s (the city, of its districts)."""
    return bool(x.places and y.places) and all(
        any(p.id != q.id and p.id in q.chain for p in x.places) for q in y.places
    )


def _revised(a: ClaimRecord, b: ClaimRecord) -> list[tuple[str, str]]:
    """Counts one claimant gives with different numbers in two articles, though the
    wordings allow each other ("at least 58", then 86): its revision all the same. A
    count of a part of the other's (`_a_part`) revises nothing."""
    out: list[tuple[str, str]] = []
    for fa in facts.compared(a):
        for fb in facts.compared(b):
            if (
                fa.kind == fb.kind
                and None not in (fa.value, fb.value)
                and fa.value != fb.value
                and facts.one_thing(fa, fb)
                and not _a_part(a, fa, b, fb)
            ):
                out.append((fa.kind, f"{fa.kind}: {facts.wording(fa)} and {facts.wording(fb)}"))
    return out


# how far (characters) before a disputed count's claim the count it disputes may end
_JUST_BEFORE = 200


def _disputed(a: ClaimRecord, b: ClaimRecord) -> tuple[str, dict[str, str], str] | None:
    """One claim says the count told right before it in its article is too low ("the toll
    is much higher") and gives none of its own: a contradiction when that count does not
    already allow it ("735 civilians", not "at least 220"). Only that count: the claim
    says nothing of the others its event holds. The kind, its values and why."""
    for x, y in ((a, b), (b, a)):
        cue = facts.disputed_count(x)
        gap = x.start - y.end
        if cue is None or x.source_key != y.source_key or not 0 <= gap <= _JUST_BEFORE:
            continue
        higher = "higher" in cue.words.lower()
        own = {f.kind for f in facts.compared(x)}
        for fy in facts.compared(y):
            bounded = fy.max is not None if higher else bool(fy.min)
            if fy.kind in own or not bounded:
                continue
            told = {"a": facts.wording(fy), "b": cue.words}  # as if x were b
            values = told if x is b else {"a": told["b"], "b": told["a"]}
            said = f"{y.label()} says {facts.wording(fy)}, {x.label()} says '{cue.words}'"
            return fy.kind, values, f"{fy.kind}: {said}"
    return None


def _toll(r: ClaimRecord) -> float:
    return max((facts.interval(f)[0] for f in facts.compared(r)), default=0.0)


def _accuses(other: ClaimRecord, denier: ClaimRecord) -> bool:
    """Whether `other` asserts what `denier` denies: it names the party the denial clears
    as the agent, or it accuses someone."""
    return bool(accused(other, denier)) or facts.accusation(other) is not None


def _onset_words(r: ClaimRecord, o: facts.Onset) -> str:
    if o.how == "stated":
        return f"{r.label()} dates it {o.text()} ('{o.words}')"
    return f"{r.label()}'s '{o.words}' counts back from {date_text(r)} to {o.text()}"


def _control(a: ClaimRecord, b: ClaimRecord) -> str | None:
    ca, cb = facts.controller_claim(a), facts.controller_claim(b)
    if not (ca and cb):
        return None
    gains = [(r, c) for r, c in ((a, ca), (b, cb)) if c[0] == "gains"]
    others = [(r, c) for r, c in ((a, ca), (b, cb)) if c[0] != "gains"]
    if len(gains) != 1 or len(others) != 1:
        return None
    (gr, _), (orr, (how, cue)) = gains[0], others[0]
    taker = {x.side for x in gr.role_actors("agent")}
    if how == "repelled":
        # the taker's attack failed, by the other claim: the taker is the attacker there,
        # not the one that repelled it ("the SDF foiled an ISIS attack" against "the SDF
        # captured the ISIS headquarters" are two actions)
        repellers = {x.side for x in orr.role_actors("agent")}
        attackers = {x.side for x in orr.actors if x.role != "claimant"} - repellers
        if taker & attackers:
            return f"{gr.label()} has it taken; {orr.label()} says the attack was '{cue.words}'"
        return None
    holders = {x.side for x in orr.role_actors("agent", "mentioned")}
    if holders and not holders & taker:
        return f"{gr.label()} has it taken; {orr.label()} says it is '{cue.words}' another party"
    return None


def _agreements(a: ClaimRecord, b: ClaimRecord, m: Match) -> list[str]:
    """Facts both state that agree (a figure within both wordings, or the same kind of
    attack by the same agent at the same place): what corroboration rests on."""
    out = []
    # a total agrees with the other's total, or, for two claims that place it alike, with
    # a part the other gives ("10 killed on the bus" and "31 killed, including 10 on the
    # bus"; a part of a claim linked only through others may count another group)
    parts = "place" in m.agree
    for x, y in ((a, b), (b, a)):
        for fx in facts.compared(x):
            for fy in y.figures if parts else facts.compared(y):
                if fx.kind == fy.kind and facts.similar(fx, fy) and fx.kind not in out:
                    out.append(fx.kind)
    # within one article, the kind of attack, its place, day and agent are the article's
    # telling, which its claims share by being one story (the outlet's own words beside
    # the monitor it quotes, the background it adds): two of its claimants agree only on
    # what each of them says, a figure
    relayed = a.source_key == b.source_key
    # and each claimant must say where itself: a place the article supplies to a claim that
    # names none (the damage it did, a reaction to it) is the outlet's, not that claimant's
    placed = not (a.places_inherited or b.places_inherited)
    if (
        a.event_type == b.event_type != "other"
        and "place" in m.agree
        and placed
        and details.shared(a, b)
        and ("actors" in m.agree or "date" in m.agree)
        and not relayed
    ):
        out.append("event")
    # who did it: both name one party (or a unit of it) as the agent, on a pair linked by
    # its own evidence (claims joined only through others may name the agent of another
    # part of the event) in two articles
    # (one that leaves it open, "did not know whether Syrian or Russian jets", does not
    # agree with one that says)
    sure = (facts.unsure(a) is None) == (facts.unsure(b) is None)
    if "actors" in m.agree and shared_actors(a, b, "agent") and not relayed and sure:
        out.append("agent")
    return out


def _agreed_words(a: ClaimRecord, b: ClaimRecord, agreed: list[str]) -> list[str]:
    """The agreements as the reason gives them: the event with the details both tell."""
    return [f"event ({', '.join(details.shared(a, b))})" if k == "event" else k for k in agreed]


def orient(a: ClaimRecord, b: ClaimRecord) -> tuple[ClaimRecord, ClaimRecord]:
    """The pair in its one order (by claim key), whichever arrived first."""
    return (a, b) if a.key <= b.key else (b, a)


def relate(a: ClaimRecord, b: ClaimRecord, m: Match) -> Link:
    """The relation of a same-event pair, with the evidence that made it one event."""
    a, b = orient(a, b)
    same_event = "Same incident: " + "; ".join(m.evidence) + "."
    detail: dict[str, Any] = {"same_event": m.evidence, "score": round(m.score, 2)}
    sim = similarity(a, b)
    # the same copy, or the same speaker's statement, lightly reworded or carried whole
    # inside a longer sentence
    whole = contained(a, b)
    statement = same_speaker(a, b) and (sim >= 0.35 or whole >= 0.75)
    if a.source_key != b.source_key and (sim >= 0.6 or statement):
        detail["similarity"] = round(sim, 2)
        shared = (
            f"{sim:.0%} of word pairs shared"
            if sim >= 0.35
            else f"{whole:.0%} of the shorter one's word pairs in the longer"
        )
        return Link(
            a,
            b,
            "repeats",
            f"{same_event} The same {'copy' if sim >= 0.6 else 'statement'} "
            f"({shared}) carried by {a.outlet or 'one outlet'} and "
            f"{b.outlet or 'another'}: counts once.",
            tuple(m.agree),
            (),
            detail,
        )
    # a count of one more group or of a part ("21 others died", "13 rebels were among the
    # dead") is not the other claim's count: neither disputed nor revised
    apart = facts.added(a) or facts.added(b)
    differ, why, values = _differences(a, b, apart)
    detail["values"] = values
    figures = [d for d in differ if d in facts.COMPARED]
    if not differ and not apart and not independent(a, b) and a.source_key != b.source_key:
        for kind, words in _revised(a, b):
            differ.append(kind)
            figures.append(kind)
            why.append(words)
    if figures and not independent(a, b) and len(differ) == len(figures):
        if a.source_key == b.source_key:
            # one claimant giving two counts in one article is counting two groups
            return Link(
                a, b, "related",
                f"{same_event} The same claimant gives different counts in one article "
                f"({'; '.join(why)}): most likely of different groups, not a contradiction.",
                tuple(m.agree), (), detail,
            )  # fmt: skip
        # the later report; on the same day, the one that says the toll rose, else the
        # higher toll (tolls are revised upwards as the dead are counted)
        early, late = sorted(
            (a, b),
            key=lambda r: (
                r.published or date.min,
                facts.update_cue(r) is not None,
                _toll(r),
                r.key,
            ),
        )
        return Link(
            early,
            late,
            "updates",
            f"{same_event} {late.label()} gives a new figure: " + "; ".join(why) + ".",
            tuple(m.agree),
            tuple(differ),
            detail,
        )
    if differ:
        return Link(
            a, b, "contradicts", f"{same_event} Cannot both be true: " + "; ".join(why) + ".",
            tuple(m.agree), tuple(differ), detail,
        )  # fmt: skip
    groups = _other_groups(a, b, apart)
    if groups:
        return Link(
            a, b, "related",
            f"{same_event} One count is of another group or a part ({groups}): neither a "
            "contradiction nor a corroboration.",
            tuple(m.agree), (), detail,
        )  # fmt: skip
    scopes = _scopes(a, b)
    if scopes:
        return Link(
            a, b, "related",
            f"{same_event} Counts too far apart to be of one thing ({'; '.join(scopes)}): "
            "one most likely counts a part, a campaign or the war, the other an incident; "
            "neither a contradiction nor a corroboration.",
            tuple(m.agree), (), detail,
        )  # fmt: skip
    agreed = _agreements(a, b, m)
    if agreed and independent(a, b):
        return Link(
            a,
            b,
            "corroborates",
            f"{same_event} Independent claimants ({a.claimant.name}, {b.claimant.name}) "
            f"agree on {', '.join(_agreed_words(a, b, agreed))}.",
            tuple(dict.fromkeys([*m.agree, *agreed])),
            (),
            detail,
        )
    tail = (
        "Same claimant, so it does not count as corroboration."
        if not independent(a, b)
        else "Different aspects: nothing to agree or disagree on."
    )
    return Link(a, b, "related", f"{same_event} {tail}", tuple(m.agree), (), detail)
