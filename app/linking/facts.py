"""Facts a comparison needs that are not fields of a claim: the interval a figure's wording
allows, denials and accusations, a reader disputing the article, when a siege began, who
holds a place. Each reading returns the words it rests on, so a reason can quote them."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date, timedelta

from app.linking.records import ClaimRecord, Figure

# --- figures ------------------------------------------------------------------------

_VAGUE = {
    "dozens": (24, 99),
    "scores": (40, 99),
    "hundreds": (200, 999),
    "thousands": (2000, 99_999),
    "tens of thousands": (20_000, 99_999),
    "hundreds of thousands": (200_000, 999_999),
    "millions": (2_000_000, 99_999_999),
}


# Counts compared across claims: fighters' strengths are of different groups too often
COMPARED = ("killed", "injured", "displaced")


def compared(r: ClaimRecord) -> tuple[Figure, ...]:
    """The total a claim gives for each kind: "31 killed, including 10 on the bus" is a
    toll of 31; the 10 is a part of it, whether or not extraction marked it so. Counts
    listed together ("killing a woman and nine children") add up to the toll (10)."""
    if "compared" not in r.memo:
        best: dict[str, Figure] = {}
        # one count given as both killed and injured ("killed and injured five civilians")
        # is of casualties, neither kind's
        spans = Counter((f.start, f.end) for f in r.counted if f.start is not None)
        counted = [f for f in r.counted if f.kind in COMPARED and spans[(f.start, f.end)] < 2]
        counted = _scoped(r, counted)
        for f in counted + _listed(r, counted):
            if f.kind not in best or size(f) > size(best[f.kind]):
                best[f.kind] = f
        r.memo["compared"] = tuple(best[k] for k in COMPARED if k in best)
    return r.memo["compared"]  # type: ignore[no-any-return]


# what may stand between a count with "at least" and a bare count of another kind that
# the "at least" reaches too ("at least seven people were killed and 20 wounded")
_SAME_BOUND = re.compile(
    r"\s*(?:\w+\s+){0,3}and\s+(?:\w+\s+)?",
    re.IGNORECASE,
)
_LOWER_BOUNDS = ("at_least", "over")


def _scoped(r: ClaimRecord, counted: list[Figure]) -> list[Figure]:
    """Counts with the lower bound that reaches them: in "at least seven people were killed
    and 20 wounded" the 20 is at least 20 too."""
    out = []
    prev: Figure | None = None
    for f in sorted(counted, key=lambda f: f.start if f.start is not None else -1):
        if (
            prev is not None
            and f.qualifier is None
            and f.value is not None
            and prev.kind != f.kind
            and prev.qualifier in _LOWER_BOUNDS
            and prev.end is not None
            and f.start is not None
            and _SAME_BOUND.fullmatch(r.text[prev.end - r.start : f.start - r.start]) is not None
        ):
            f = replace(f, qualifier=prev.qualifier, max=None)
        elif f.qualifier is None and f.end is not None and _FLOOR.match(r.text, f.end - r.start):
            f = replace(f, qualifier="at_least", max=None)
        out.append(f)
        prev = f
    return out


# a count of the dead found so far is a floor of the toll: "five bodies were lifted from
# the rubble and the rescuers continued to look for the others", "12 bodies recovered so far"
_FLOOR = re.compile(
    r"(?:\s+\w+){0,3}?\s+(?:(?:were|have been|had been|was)\s+)?"
    r"(?:lifted|pulled|recovered|retrieved|dug out|removed|extracted)\b"
    r"|(?:\s+\w+){0,6}?\s+so far\b",
    re.IGNORECASE,
)


# nothing but a comma or "and" between two counts: one list ("five women and a child")
_LIST_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)\s*", re.IGNORECASE)


def _listed(r: ClaimRecord, counted: list[Figure]) -> list[Figure]:
    """The sum of each run of exact counts of one kind listed together, as one figure."""
    out: list[Figure] = []
    run: list[Figure] = []
    # counts with their span inside the claim's, in text order
    placed = sorted(
        (f for f in counted if f.start is not None and f.end is not None
         and r.start <= f.start and f.end <= r.end),
        key=lambda f: f.start or 0,
    )  # fmt: skip

    def close() -> None:
        if len(run) > 1:
            total = sum(f.value for f in run)  # type: ignore[misc]
            first, last = run[0], run[-1]
            words = r.text[first.start - r.start : last.end - r.start]  # type: ignore[operator]
            out.append(Figure(first.kind, total, total, total, None, False, words,
                              first.start, last.end))  # fmt: skip
        run.clear()

    for f in placed:
        exact = f.value is not None and f.qualifier is None
        prev = run[-1] if run else None
        joined = (
            prev is not None
            and exact
            and prev.kind == f.kind
            and _LIST_JOIN.fullmatch(r.text[prev.end - r.start : f.start - r.start]) is not None  # type: ignore[operator]
        )
        if not joined:
            close()
        if exact:
            run.append(f)
    close()
    return out


def interval(f: Figure) -> tuple[float, float]:
    """The numbers a figure's wording allows, with the bounds a reader would accept.

    "at least 12" is [12, inf); "nearly 1,000" is [750, 1000] (nobody says "nearly 1,000"
    for 200); "about 50" is [40, 60]; a bare "44" is exactly 44; "dozens" is [24, 99].
    """
    q = f.qualifier
    if f.value is None or q == "vague":
        surface = f.surface.lower()
        for word, bounds in sorted(_VAGUE.items(), key=lambda kv: -len(kv[0])):
            if word in surface:
                return bounds
        return (1, float("inf"))
    v = float(f.value)
    lo = float(f.min) if f.min is not None else None
    hi = float(f.max) if f.max is not None else None
    if q in ("at_least", "over"):
        return (lo if lo is not None else v, float("inf"))
    if q == "nearly":
        return (0.75 * v, hi if hi is not None else v)
    if q == "about":
        return (0.8 * v, 1.2 * v)
    if q in ("up_to", "less_than"):
        return (0.0, hi if hi is not None else v)
    if q == "range":
        return (lo if lo is not None else v, hi if hi is not None else v)
    return (lo if lo is not None else v, hi if hi is not None else v)


def allows(a: Figure, b: Figure) -> bool:
    """Whether both wordings can be true of one count. A word for a count ("dozens",
    "scores") is an early, loose reading: it disputes a count far below it ("dozens" and
    5, or none), never a larger one ("dozens" wounded, then 140) nor one just below its
    letter ("scores of volunteers" and "around 20")."""
    la, ha = _loose(a)
    lb, hb = _loose(b)
    return la <= hb and lb <= ha


def _loose(f: Figure) -> tuple[float, float]:
    lo, hi = interval(f)
    if f.value is None or f.qualifier == "vague":
        return (lo / 2, float("inf"))
    return (lo, hi)


# words for armed men, in a count's words or as what was captured
_ARMED = r"terrorists?|militants?|rebels?|fighters?|soldiers?|troops|gunmen|jihadists?|insurgents?"
# who a count is of, by its head noun: fighters and civilians are never one count
_FIGHTERS = re.compile(
    rf"\b(?:{_ARMED}|mercenar(?:y|ies)|servicemen|loyalists|policemen|(?:pro-\w+ )?forces)$",
    re.IGNORECASE,
)
_CIVILIANS = re.compile(
    r"\b(?:civilians?|children|child|women|woman|kids|babies|infants|students|pupils|"
    r"residents|worshippers|patients|refugees|(?:aid |relief )?workers|volunteers)$",
    re.IGNORECASE,
)


def group(f: Figure) -> str | None:
    """ "civilians" or "fighters" (of the state, of armed groups, or either) when the
    figure's own words say whose count it is ("38 civilians", "30 regime soldiers",
    "scores of terrorists"); None for people in general."""
    parts = {_group(part) for part in _pieces(f)}
    return parts.pop() if len(parts) == 1 else None  # a list of both is of people


def _pieces(f: Figure) -> list[str]:
    """A figure's words, split where it lists several ("a woman and nine children")."""
    return _LIST_JOIN.split(f.surface.strip(" .,;:\"'"))


# which side armed men counted are on, by their head noun or the word before it: the
# state's soldiers and the armed groups' fighters are never one count
_STATE_MEN = re.compile(
    r"\b(?:(?:regime|government|pro-government|army|loyalist)\s+\w+|soldiers?|troops|"
    r"servicemen|policemen|loyalists)$",
    re.IGNORECASE,
)
_ARMED_GROUPS = re.compile(
    r"\b(?:(?:opposition|rebel|jihadist|islamist|daesh|isis|isil|nusra)\s+\w+|terrorists?|"
    r"militants?|rebels?|gunmen|jihadists?|insurgents?|mercenar(?:y|ies))$",
    re.IGNORECASE,
)


def _group(words: str) -> str | None:
    if _FIGHTERS.search(words):
        state, armed = _STATE_MEN.search(words), _ARMED_GROUPS.search(words)
        if bool(state) != bool(armed):
            return "fighters of the state" if state else "fighters of armed groups"
        return "fighters"
    if _CIVILIANS.search(words):
        return "civilians"
    return None


# counts of a part of the people hit, by their head noun: a count of children, women,
# aid workers or rescuers is part of a toll of people or civilians, not a rival toll
_PART = re.compile(
    r"\b(?:children|child|kids|babies|infants|women|woman|girls|boys|students|pupils|"
    r"(?:aid |relief |health |medical )?workers|volunteers|rescuers|medics|paramedics|doctors|"
    r"nurses|journalists|staff|employees|drivers)$",
    re.IGNORECASE,
)


def narrower(small: Figure, large: Figure) -> bool:
    """Whether `small` counts a part of the people `large` counts: its own words name a
    part ("25 children", "12 aid workers and drivers") and the other's do not."""

    def part(f: Figure) -> bool:
        return all(_PART.search(piece) for piece in _pieces(f))

    return part(small) and not part(large)


def same_group(a: Figure, b: Figure) -> bool:
    """Whether two counts can be of the same people: not fighters and civilians, nor the
    state's soldiers and the armed groups' fighters."""
    ga, gb = group(a), group(b)
    if ga is None or gb is None or ga == gb:
        return True
    return "fighters" in (ga, gb) and ga.startswith("fighters") and gb.startswith("fighters")


def one_thing(a: Figure, b: Figure) -> bool:
    """Whether two counts can be of one thing, to dispute or revise: of one scope
    (same_scope) and of the same people (same_group)."""
    return same_scope(a, b) and same_group(a, b)


# how far apart two counts of one kind may be and still be two counts of one thing: beyond
# this factor (129 and 13, 48 and 1, "hundreds of thousands" and "hundreds") one counts a
# part, a campaign or the war, the other an incident, far more often than they dispute
SCOPE_FACTOR = 5.0


def same_scope(a: Figure, b: Figure) -> bool:
    """Whether two counts are close enough to be of one thing: the larger's lowest reading
    is within SCOPE_FACTOR of the smaller's highest. A count of none ("no one was killed")
    is of any scope: it denies the other."""
    (la, ha), (lb, hb) = interval(a), interval(b)
    low, high = (la, hb) if la > hb else (lb, ha)
    return high == 0 or low <= SCOPE_FACTOR * high


def similar(a: Figure, b: Figure) -> bool:
    """Both wordings allow one count and they are of one size: "at least 2" allows
    "nearly 1,000" but is no evidence that both count the same dead."""
    if not allows(a, b):
        return False
    sizes = [size(a), size(b)]
    return max(sizes) <= 1.5 * min(sizes)


def size(f: Figure) -> float:
    """The count a figure stands for: its number, or the middle of a vague one's bounds."""
    lo, hi = interval(f)
    if f.value is not None and f.qualifier != "vague":
        return max(float(f.value), 1.0)
    return max((lo + hi) / 2 if hi != float("inf") else lo, 1.0)


def wording(f: Figure) -> str:
    words = {
        "at_least": "at least ",
        "over": "over ",
        "nearly": "nearly ",
        "about": "about ",
        "up_to": "up to ",
        "less_than": "fewer than ",
    }
    if f.value is None:
        return f.surface
    return f"{words.get(f.qualifier or '', '')}{f.value:,}"


# --- words --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Cue:
    words: str
    start: int  # offset in the source text


def find_cue(pattern: re.Pattern[str], r: ClaimRecord) -> Cue | None:
    """The first words of `r` that `pattern` finds, kept on the record once read."""
    key = pattern.pattern
    if key not in r.memo:
        m = pattern.search(r.text)
        r.memo[key] = Cue(m.group(0), r.start + m.start()) if m else None
    return r.memo[key]  # type: ignore[no-any-return]


# words pointing back at an incident or a report told before ("the attack", "these allegations")
ANAPHOR = re.compile(
    r"\b(?:the|this|that|these|those)\s+(?:\w+\s+)?(?:attacks?|strikes?|raids?|bombings?|"
    r"massacre|incident|offensive|assault|shelling|explosions?|blasts?|accusations?|"
    r"allegations?|claims?|reports?|killings?|operation|battle|siege|advance|bombardment|"
    r"dead|victims|wounded|casualties|(?:death )?toll)\b",
    re.IGNORECASE,
)
# what a denial can answer besides an incident pointed back at: the reports of it
_REPORTS = re.compile(r"\b(?:allegations?|accusations?|claims?|reports?|charges?)\b", re.IGNORECASE)
_DENIAL = re.compile(
    r"\b(?:denied|denies|deny|denying|denials?|fabricat\w+|no truth|baseless|untrue|unfounded|"
    r"groundless|(?:horror|fairy) (?:stories|tales)|"
    r"(?:is|are|was|were) (?:(?:totally|completely|entirely|absolutely|utterly) )?false|"
    r"(?:false|fake) (?:claims?|reports?|news|allegations?)|"
    r"(?:rejected|dismissed|refuted) (?:the |these |such )?(?:claims?|reports?|allegations?|"
    r"accusations?|charges?)|"
    r"(?:never|not) (?:used|carried out|targeted|conducted)|"
    r"(?:did|does|do) not (?:carry out|use|target|possess|have)|nothing to do with|"
    # "staged" as made up ("the attack was staged", "staged footage"), not "Daesh militants
    # have staged counterattacks" (carried out)
    r"(?:is|are|was|were|be|been|being) (?:\w+ )?staged|"
    r"staged (?:videos?|footage|scenes?|incidents?|events?|provocations?|photos?|pictures?))\b",
    re.IGNORECASE,
)
# a denial that names another culprit instead: the gas came from "a rebel chemical
# weapons depot" or "a 'terrorist' stockpile" the strike hit, the attack was "a provocation"
_OTHER_CULPRIT = re.compile(
    r"\b(?:(?:rebel|terrorist|militant|insurgent|opposition|jihadist)(?:s?['’])?[\"”]?"
    r"(?:\s+(?:chemical|weapons?|arms|ammunition|munitions?|toxic|gas|poison|storage)){0,3}"
    r"\s+(?:depots?|stockpiles?|warehouses?|workshops?|arsenals?)|"
    r"(?:a|the)\s+(?:\w+\s+)?provocation)\b",
    re.IGNORECASE,
)
_ACCUSATION = re.compile(
    r"\b(?:accused|accuses|accusing|blamed|blames|blaming|responsible for|carried out by|"
    r"perpetrated|committed by|bears? [\"“]?(?:\w+ )?responsibility|holds? (?:\w+ )?responsible|"
    # "the regime was behind it", "appeared to be the work of the Assad government"
    r"(?:is|are|was|were|been) (?:\w+ )?behind|the work of|"
    # "what the United States says was a chemical weapons attack by the government"
    r"says? (?:it )?was (?:an? )?(?:[\w-]+ ){0,3}(?:attack|strike|massacre|bombing) by)\b",
    re.IGNORECASE,
)
_DISPUTE = re.compile(
    r"\b(?:(?:it'?s|is|was|that'?s) (?:simply |just |plainly )?(?:wrong|false|not true|untrue)|"
    r"you (?:claim|say|wrote|write)|your article|misinformed|incorrect|not correct|"
    r"nonsense|propaganda|lies)\b",
    re.IGNORECASE,
)
_UPDATE = re.compile(
    r"\b(?:rose|risen|climbed|increased|jumped|mounted|reached|new toll|updated toll|"
    r"revised)\b",
    re.IGNORECASE,
)


# words with which a claim of an article turns away from the incident told before it: to
# another incident ("Meanwhile a rocket slammed into a hospital", "Homs Meanwhile two
# civilians were killed": a dateline or a headline's few words may come first), or back
# to earlier ones ("have used small amounts of sarin before", "has previously said")
_TURN = re.compile(
    # after a dateline or a few words of a headline, or a subheading ("- Troops kill 10
    # children - Meanwhile the Observatory said")
    r"^(?:-[^-]{1,60}-\s+)?(?:[\w'’-]+\s+){0,3}?"
    r"(?:meanwhile|elsewhere|separately|in (?:a )?separate|(?:earlier|later) in the day|"
    r"in (?:another|other) (?:incidents?|attacks?|developments?))\b",
    re.IGNORECASE,
)
# "The attack came as the Observatory reported that troops had executed 48 people": what
# follows is another incident, told beside the article's (not a move to it: the article
# goes on with its own)
_BESIDE = re.compile(
    r"^(?:[\w'’-]+\s+){0,3}?(?:came|comes) (?:just |only )?"
    r"(?:(?:a|one|two|three|several|\w+) (?:days?|hours?|weeks?) )?(?:as|amid|after|while)\b",
    re.IGNORECASE,
)
_RECALLED = re.compile(
    r"\b(?:previously|"
    r"at the (?:start|beginning|outset|onset) of (?:the |syria'?s )(?:\w+ )?"
    r"(?:war|conflict|uprising|revolution|crisis)|"
    r"(?:it|this) (?:was|is|marks|marked) the (?:second|third|fourth|fifth|sixth|\w+th|"
    r"\d+(?:nd|rd|th)) (?:time|such \w+)|"
    r"(?:earlier|previous|prior) (?:attacks|incidents|strikes|massacres)|"
    r"(?<!not )in the past\b(?! (?:\w+ )?(?:hours?|days?|weeks?|months?|years?|24|48)\b)|"
    r"before(?= *(?:[,;.]|hence\b|but\b|$)))",
    re.IGNORECASE,
)


_ONE_MORE_PLACE = re.compile(
    r"\b(?:was|were|has been|have been) also (?:targeted|hit|struck|shelled|bombed|attacked)\b",
    re.IGNORECASE,
)


# a count given as one more group than another count, or as a part of one: "21 others
# died", "17 other civilians were injured", "another 15 terrorists", "two more soldiers"
# (the claim's first number: in "six were killed and 34 others injured" the others are
# the injured beside its own dead), "two militiamen were also killed", "13 rebels were
# among the dead"
_COUNTED = r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|dozens|scores|hundreds|several)"
_ONE_MORE = re.compile(
    rf"\b(?:{_COUNTED} others?\b|another {_COUNTED}\b|{_COUNTED} more\b(?! than))", re.IGNORECASE
)
# a number before "another 20" that counts people (not a time, "ten minutes later", nor a
# model, "a Sukhoi-34 bomber")
_NUMBER_BEFORE = re.compile(
    rf"(?:(?<!-)\b{_COUNTED}\b|\b(?:one|a dozen)\b)"
    r"(?! (?:minutes?|hours?|days?|weeks?|months?|years?)\b)",
    re.IGNORECASE,
)
_A_PART = re.compile(
    r"\b(?:(?:was|were|have been|has been) also (?:killed|injured|wounded|hurt|executed)|"
    r"also (?:killed|died|injured|wounded)|"
    r"(?:were|was) among (?:the |those )?(?:dead|killed|victims|casualties|injured|wounded)|"
    r"among (?:the )?(?:dead|victims|casualties) (?:were|was))\b",
    re.IGNORECASE,
)


def added(r: ClaimRecord) -> Cue | None:
    """Words that make a claim's count one more group than, or a part of, another count:
    not a toll to set against another for the same incident."""
    if not r.counted:
        return None
    key = "added"
    if key not in r.memo:
        found = _A_PART.search(r.text)
        more = _ONE_MORE.search(r.text)
        if found is None and more and not _NUMBER_BEFORE.search(r.text, 0, more.start()):
            found = more
        r.memo[key] = Cue(found.group(0), r.start + found.start()) if found else None
    return r.memo[key]  # type: ignore[no-any-return]


def turns_away(r: ClaimRecord) -> Cue | None:
    """Words that open a claim on another incident than its article told before it."""
    return moves_on(r) or find_cue(_BESIDE, r)


def moves_on(r: ClaimRecord) -> Cue | None:
    """Of those, the words that take the article on to another incident ("Meanwhile ..."),
    which the claims after it may go on about."""
    return find_cue(_TURN, r)


def moves_on_words(text: str) -> str | None:
    """`moves_on` of a claim's text (or its opening words), for code without its record."""
    found = _TURN.search(text)
    return found.group(0) if found else None


# of those words, the ones that say so outright: what follows is another incident
_SEPARATE = re.compile(
    r"^(?:[\w'’-]+\s+){0,3}?(?:separately|(?:earlier|later) in the day|"
    r"in (?:a )?separate (?:incidents?|attacks?|strikes?|"
    r"developments?|clashes)|in (?:another|other) (?:incidents?|attacks?))\b",
    re.IGNORECASE,
)


def separate(r: ClaimRecord) -> Cue | None:
    """Words opening a claim on another incident, said outright ("Separately", "In a
    separate attack"): it is not the incident its article told before it."""
    return find_cue(_SEPARATE, r)


def recalls(r: ClaimRecord) -> Cue | None:
    """Words that set a claim in earlier incidents: background, not the article's news."""
    return find_cue(_RECALLED, r)


# words that make a claim a general statement about many incidents, not a report of one:
# what happens often or over years ("have often been targeted", "has repeatedly accused",
# "has been attempting to seize it for more than two years", "throughout the conflict"),
# or what the whole war has done ("the five-year war, which has killed more than 280000")
_GENERAL = re.compile(
    r"\b(?:often|repeatedly|frequently|occasionally|regularly|routinely|persistently|"
    r"usually|as usual|time and again|"
    r"(?:has|have) been (?:attempting|trying|seeking)|"
    r"for (?:more than |over |nearly |almost )?(?:\w+ )?(?:years|months)\b|"
    r"throughout the (?:[\w-]+ )?(?:conflict|war|crisis)|"
    r"(?:in|during) the (?:[\w-]+ )?(?:[\w-]+ )?(?:war|conflict)\b(?! (?:zone|area|in|on|against))|"
    r"(?:war|conflict|uprising|revolt|crisis),? (?:which|that) (?:has|have) "
    r"(?:killed|claimed|left|displaced|cost)\b|"
    # (_RECALLED, which `background` asks first, has "earlier/previous/prior" with the rest)
    r"(?:earlier|previous|prior) (?:bombings|raids)|"
    r"past (?:attacks|strikes|bombings|raids|massacres|incidents))",
    re.IGNORECASE,
)


# a count over a period rather than of one incident: "have killed dozens in recent days",
# "six days of bombing have killed", "since March", "earlier this month"
_CUMULATIVE = re.compile(
    r"\b(?:in (?:the )?recent (?:days|weeks|months)|"
    r"(?:over|in|during|for) the (?:past|last) (?:few |several |\w+ )?(?:days|weeks|months|years)|"
    r"(?:two|three|four|five|six|seven|eight|nine|ten|several|\d+) (?:days|weeks|months) of|"
    r"since (?:the (?:start|beginning|outbreak)|early|late|mid|"
    r"january|february|march|april|may|june|july|august|september|october|november|december|"
    r"20\d\d)|earlier this (?:month|year)|this (?:month|year)|"
    r"(?:killed|died|dead) (?:in|during) (?:the|syria'?s) (?:\w+ )?(?:conflict|war))\b",
    re.IGNORECASE,
)


# "the first explosion to hit the town since the outbreak of the war", "the deadliest
# attack since March": the period is what the incident is measured against, not counted
_FIRST_SINCE = re.compile(
    r"\b(?:first|deadliest|bloodiest|worst|biggest|largest|heaviest|most (?!of\b)\w+)\b"
    r"(?:[^.;]{0,80}?)\bsince\b",
    re.IGNORECASE,
)


def cumulative(r: ClaimRecord) -> Cue | None:
    """Words that make a claim's count one over a period (a campaign, a month, the war),
    not the toll of one incident. Only for claims that give a count; "since" after a first
    or a superlative ("the first explosion since the outbreak") counts nothing."""
    if not r.counted:
        return None
    cue = find_cue(_CUMULATIVE, r)
    if cue and cue.words.lower().startswith("since") and find_cue(_FIRST_SINCE, r):
        return None
    if cue and _DATES_A_NOUN.search(r.text, 0, cue.start - r.start):
        return None  # "an advance launched earlier this month": the advance's period
    return cue


# a participle before the period: it dates a noun of the claim, not its count
_DATES_A_NOUN = re.compile(r"\b(?:launched|began|begun|started|announced)\s+(?:earlier\s+)?$", re.I)


# words that leave who did it open: "did not know whether Syrian or Russian jets carried out
# the strikes", "unclear if the planes were Syrian or Russian", "either the regime or Russia"
_UNSURE = re.compile(
    r"\b(?:(?:did|do|does) not know|not known|unclear|unknown|"
    r"(?:could not|couldn't|unable to|not able to) (?:confirm|say|determine|tell|identify)|"
    r"(?:either|whether)\b[^.;]{1,60}?\bor\b)",
    re.IGNORECASE,
)


def unsure(r: ClaimRecord) -> Cue | None:
    """Words that leave the agent of an attack open."""
    return find_cue(_UNSURE, r)


# a claim that says what something is, where it lies or what it holds, as an article's
# background does ("Tabaqa sits on a key supply route", "Barrel bombs are improvised
# containers", "Palmyra is a UNESCO world heritage site", "Hafez Assad was born in
# al-Qardaha"): its subject in at most seven words, then the verb; a claim giving a count
# is never one (`description` asks)
_DESCRIBES = re.compile(
    # not the incident itself ("The attack is a larger part of the operation"), not a
    # quote's speaker before it ("... said al-Shimale It is a public market")
    r"^(?!(?:the|this|that) (?:\w+ )?(?:attacks?|strikes?|raids?|bombings?|assault|"
    r"offensive|operation|battle|shelling|fighting)\b)"
    r"(?:(?!(?:said|says|told)\b)[\w'’()-]+\s+){1,7}?(?:"
    r"(?:is|are) (?:(?:also |still |now )?(?:a|an|one of|home to|located|situated|adjacent|"
    r"regarded|considered|known)\b)|"
    r"(?:lies|sits|contains|was born)\b)",
    re.IGNORECASE,
)


def description(r: ClaimRecord) -> Cue | None:
    """Words that make a claim say what something is, not what happened."""
    return None if r.counted else find_cue(_DESCRIBES, r)


def background(r: ClaimRecord) -> Cue | None:
    """Words that make a claim background: earlier incidents, many of them, or what
    something is."""
    return recalls(r) or find_cue(_GENERAL, r) or description(r)


# a toll its own words give for several attacks or places (a day's raids "in and around
# the city", "three explosions", "in 11 towns"): a smaller count of one of them is its part
_SEVERAL = re.compile(
    r"\b(?:(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+|several|multiple|"
    r"a (?:series|string|wave) of) (?:\w+ )?(?:explosions|blasts|bombings|attacks|strikes|raids|"
    r"air ?strikes|air raids|car bombs|towns|villages|districts|neighbou?rhoods|areas|"
    r"provinces|locations)|in and around|across the (?:province|country|city|region))\b",
    re.IGNORECASE,
)


def several(r: ClaimRecord) -> Cue | None:
    """Words that make a claim's count a total over several attacks or places."""
    return find_cue(_SEVERAL, r)


def one_more_place(r: ClaimRecord) -> Cue | None:
    """A claim telling one more place an attack hit: its toll is a part of the attack's."""
    return find_cue(_ONE_MORE_PLACE, r)


def denial(r: ClaimRecord) -> Cue | None:
    return find_cue(_DENIAL, r)


# a count told before, disputed without a figure of one's own: "But activists say the toll
# is much higher", "other monitors say the number is far higher" (an AFP turn of phrase)
_DISPUTED_COUNT = re.compile(
    r"\b(?:the|their|its)\s+(?:(?:real|actual|true|death)\s+)?(?:toll|number|figure|count|tally)"
    r"\s+(?:is|was|are|were)\s+(?:(?:much|far|significantly|considerably|likely|probably|even)"
    r"\s+){0,2}(?:higher|lower)\b",
    re.IGNORECASE,
)


def disputed_count(r: ClaimRecord) -> Cue | None:
    """Words saying another's count is too low or too high ("the toll is much higher")."""
    return find_cue(_DISPUTED_COUNT, r)


def anaphor(r: ClaimRecord) -> Cue | None:
    """Words pointing back at an incident or a report told before: 'the attack'."""
    return find_cue(ANAPHOR, r)


def answers_incident(r: ClaimRecord) -> bool:
    """Whether a denial answers an incident (points back at it, names the reports of it, or
    is dated by its own words) rather than a practice ("denied government forces use the
    weapons")."""
    return r.date_rule == "own" or anaphor(r) is not None or find_cue(_REPORTS, r) is not None


def other_culprit(r: ClaimRecord) -> Cue | None:
    """Words that put the deed on someone else than the accused: a denial in all but name."""
    return find_cue(_OTHER_CULPRIT, r)


def accusation(r: ClaimRecord) -> Cue | None:
    return find_cue(_ACCUSATION, r)


def dispute(r: ClaimRecord) -> Cue | None:
    """A reader comment telling the article it is wrong."""
    return find_cue(_DISPUTE, r) if r.in_comments else None


def update_cue(r: ClaimRecord) -> Cue | None:
    return find_cue(_UPDATE, r)


def quoted(r: ClaimRecord) -> list[str]:
    """Phrases a claim quotes ("you claim ... “early october”"), lower-cased."""
    return [m.group(1).strip().lower() for m in re.finditer(r"[“\"]([^”\"]{3,60})[”\"]", r.text)]


_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WEEKDAY = re.compile(r"\b(" + "|".join(_WEEKDAYS) + r")(?:['’]?s)?\b")


def weekdays(r: ClaimRecord) -> dict[int, str]:
    """The days of the week a claim names ("killed Saturday", "Tuesday's strike"), as
    date.weekday() numbers with the words: capitalised, as English always writes them."""
    if "weekdays" not in r.memo:
        r.memo["weekdays"] = {
            _WEEKDAYS.index(m.group(1)): m.group(0) for m in _WEEKDAY.finditer(r.text)
        }
    return r.memo["weekdays"]  # type: ignore[no-any-return]


# --- when a state began (sieges, closures) --------------------------------------------

_NUMBER = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a": 1,
}  # fmt: skip
_UNIT_DAYS = {"day": 1, "week": 7, "month": 30}
_DURATION = re.compile(
    r"\b(?:after|for|during)\s+(?:the\s+)?(?:past\s+|last\s+)?"
    r"(?P<n>\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a)\s+"
    r"(?P<unit>day|week|month)s?\b(?P<rest>[^.;]{0,40})",
    re.IGNORECASE,
)
_STATE_WORDS = re.compile(
    r"\b(?:siege|besieged|blockade|cut off|cut|closed|occupied|encircled|surrounded|dark)\b",
    re.IGNORECASE,
)
_ONSET = re.compile(
    r"\b(?:cut (?:[\w’'-]+ ){0,8}?off|cut the (?:road|route|supply)|imposed? (?:a |the )?siege|"
    r"encircled|laid siege)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Onset:
    """When a claim says a siege or closure began: a window of days, and why."""

    earliest: date
    latest: date
    words: str
    how: str  # "stated" (the claim is the onset) or "counted back" (a duration)

    def text(self) -> str:
        if self.earliest == self.latest:
            return self.earliest.isoformat()
        return f"{self.earliest.isoformat()}..{self.latest.isoformat()}"


def onset(r: ClaimRecord) -> Onset | None:
    """When the siege or closure `r` speaks of began (read when the record was made)."""
    return r.onset  # type: ignore[no-any-return]


def read_onset(r: ClaimRecord) -> Onset | None:
    """The start of a siege or closure that `r` states or implies, if any.

    "cut the city off from resupply in early October" states it (the claim's own date);
    "after 13 days of siege" on 5 November counts back to 23 October, give or take a day
    (a week either side of "two weeks", as the word allows).
    """
    if not r.dated:
        return None
    m = _DURATION.search(r.text)
    if m and (_STATE_WORDS.search(m.group("rest")) or _STATE_WORDS.search(r.text)):
        raw = m.group("n").lower()
        n = int(raw) if raw.isdigit() else _NUMBER[raw]
        days = n * _UNIT_DAYS[m.group("unit").lower()]
        slack = 1 if m.group("n").isdigit() and m.group("unit").lower() == "day" else days // 4
        earliest = r.date_start - timedelta(days=days + slack)  # type: ignore[operator]
        latest = r.date_end - timedelta(days=max(days - slack, 0))  # type: ignore[operator]
        return Onset(earliest, latest, m.group(0).strip(), "counted back")
    m2 = _ONSET.search(r.text)
    if m2 and r.incident_dated and r.date_rule in (None, "own"):
        return Onset(r.date_start, r.date_end, m2.group(0), "stated")  # type: ignore[arg-type]
    return None


# --- control of a place ---------------------------------------------------------------

_HOLDS = re.compile(
    r"\b(?:held by|in the hands of|under the control of|controlled by|remains? with)\b",
    re.IGNORECASE,
)
_REPELLED = re.compile(
    r"\b(?:repelled|repulsed|thwarted|foiled|failed to (?:take|capture|seize|advance)|"
    r"pushed back|beat back|still (?:holds?|controls?))\b",
    re.IGNORECASE,
)


def controller_claim(r: ClaimRecord) -> tuple[str, Cue] | None:
    """("gains", cue) when the claim has its agent take a place, ("holds", cue) when it says
    who holds one, ("repelled", cue) when it says an attack on one failed."""
    rep = find_cue(_REPELLED, r)
    if rep:
        return "repelled", rep
    held = find_cue(_HOLDS, r)
    if held:
        return "holds", held
    if r.event_type == "capture_territory" and r.role_actors("agent") and not find_cue(_TAKEN, r):
        return "gains", Cue(r.event_type, r.start)
    return None


# people captured, not a place: "15 terrorists were captured", "captured dozens of fighters"
_PEOPLE = rf"(?:{_ARMED}|members|civilians|people|prisoners|hostages|officers?|pilots?)"
_TAKEN = re.compile(
    rf"\b{_PEOPLE} (?:were|was|have been|had been|being) (?:\w+ )?(?:captured|taken prisoner|"
    rf"taken captive|arrested|detained|seized)|\b(?:captured|arrested|detained|seized) "
    rf"(?:(?:\d+|several|dozens of|scores of|a number of|some|two|three|four|five|ten) )?"
    rf"(?:\w+ )?{_PEOPLE}\b",
    re.IGNORECASE,
)
