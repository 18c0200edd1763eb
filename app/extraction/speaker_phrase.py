"""The speaker's phrase around a speech verb.

Rules over surface text (no parser is available offline), tuned to wire copy whose
commas were stripped ("... on Sunday a monitoring group said"):

* "X said/told/claimed...": X is the noun phrase right before the verb, grown leftwards
  over capitalised words, source nouns ("media", "monitor", "official") and
  name-internal "of/for/at" until a determiner; past a relative clause, an aside or the
  place where the speaker is;
* "... said the Observatory." / '"...," said X, a resident' (inverted): X follows the
  verb and ends the clause;
* when that phrase cannot be delimited but the verb opens the sentence ("However
  residents in the east of the city reported that ..."), the whole opening is X;
* pronouns and definite source nouns ("He claimed", "The source added", "the monitoring
  group said") are anaphors: the caller carries the previous claimant over.
"""

from __future__ import annotations

import re
from typing import Literal

from app.extraction.normalize import word_set
from app.extraction.places import is_place_name
from app.extraction.registry import uncurated_rules
from app.extraction.speaker_words import (
    ANAPHOR_HEADS,
    AREA_NOUNS,
    AUX,
    CAP_STOP,
    CONNECTORS,
    DETERMINERS,
    DISCOURSE,
    MAX_OPENING,
    PREPOSITIONS,
    PRONOUNS,
    SPEECH_WORDS,
    acceptable,
    gap_breaks,
    looks_verbal,
    modifier,
    then_acceptable,
    word_at,
)

AttributionKind = Literal["named", "anaphor", "passive"]

# participles that put an aside between a speaker and the verb ("speaking at X said")
_ASIDE = frozenset(
    {"speaking", "talking", "writing", "addressing", "commenting", "standing", "working"}
)
_INVERTED_TAIL = re.compile(
    r"[\s\"”’'.!;:)\]]*$|\s*,|\s*[\"“]|\s+(?:which|who|whose|adding|citing|noting|explaining|"
    r"stressing|saying|referring|on [A-Z]\w+day|in a statement|at a|during|late|early|earlier|"
    r"later|today|yesterday|with a|a|an|the\s+\w+\s+(?:of|for|at|in)|[A-Z]\w+day|in|at|from|"
    r"based|near|inside|(?:also\s+)?known\s+as)\b"
)
_WEEKDAYS = frozenset(
    {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
)
_MAX_NP = 14
_LONG_RELATIVE = 32  # words a relative clause may run when nothing else names the speaker


def _acronym_before(text: str, words: list[re.Match[str]], v: int) -> int:
    """Index of the word before a parenthesised acronym that ends right before words[v]
    ("the OPCW (OPCW) said", "the Observatory [SOHR] said" read as "the OPCW said"); v
    itself when there is none."""
    if v < 2:
        return v
    closing = text[words[v - 1].end() : words[v].start()].strip()
    opening = text[words[v - 2].end() : words[v - 1].start()].strip()
    if (opening, closing) in (("(", ")"), ("[", "]")):
        return v - 1
    return v


# "Two men interviewed said", "Residents contacted by Reuters said": the people heard speak
_HEARD = frozenset({"interviewed", "contacted", "questioned", "reached", "interviewing"})


def _before_adjuncts(words: list[re.Match[str]], i: int) -> int:
    """The index of the last word of a speaker ending at words[i] or before the auxiliaries,
    the day and how they were heard between it and the verb: "The United Nations *on
    Tuesday* called for", "Two men *interviewed* said"."""
    while i >= 0 and words[i].group().lower() in AUX:
        i -= 1
    by = next((m for m in range(i, max(-1, i - 4), -1) if words[m].group() == "by"), None)
    if by is not None and by >= 2 and words[by - 1].group().lower() in _HEARD:
        i = by - 1  # "contacted by Reuters": who heard them, not who spoke
    if i >= 1 and words[i].group().lower() in _HEARD:
        i -= 1
    if i >= 1 and words[i].group() in _WEEKDAYS and words[i - 1].group().lower() == "on":
        i -= 2
        while i >= 0 and words[i].group().lower() in AUX:
            i -= 1
    return i


def _backward(text: str, words: list[re.Match[str]], v: int) -> tuple[int, int, bool, bool] | None:
    """(start, end, is_anaphor, closed) of the noun phrase ending before words[v].

    A parenthesised acronym between the phrase and words[v] (or the auxiliaries before it)
    is stepped over.

    ``closed``: the phrase reached a determiner, so it is complete; an open phrase may
    be the tail of a longer speaker ("Activists in northern rural *Homs* said").
    """
    # the acronym may stand before the auxiliaries and the day ("(UNICEF) has said")
    k = _before_adjuncts(words, v - 1) + 1
    acronym = _acronym_before(text, words, k) < k
    i = _before_adjuncts(words, k - 2) if acronym else k - 1
    if i < 0 or (not acronym and gap_breaks(text, words[i].end(), words[v].start())):
        return None
    if words[i].group().lower() in PRONOUNS:
        return words[i].start(), words[i].end(), True, True
    last = i
    first = None  # index of the leftmost accepted word
    pending = None  # a connector waiting for an acceptable word on its left
    closed = False
    while i >= 0 and v - i <= _MAX_NP:
        w = words[i].group()
        low = w.lower()
        if first is not None and gap_breaks(text, words[i].end(), words[first].start()):
            break
        if low in DETERMINERS:
            if first is None or pending is not None:
                break
            first, closed = i, True
            # "an official *from the* forces": the phrase goes on past "from the", and
            # "an organisation *monitoring the* conflict" past "monitoring the"
            if (
                i >= 2
                and words[i - 1].group().lower() in CONNECTORS | {"monitoring"}
                and acceptable(words[i - 2].group())
            ):
                pending, closed = i - 1, False
                i -= 2
                continue
            break
        if low in CONNECTORS and first is not None and pending is None:
            pending = i
        elif acceptable(w) or (first is not None and pending is None and modifier(words, i)):
            first, pending = i, None
        else:
            break
        i -= 1
    if first is None:
        return None
    phrase = text[words[first].start() : words[last].end()].split()
    anaphor = (
        phrase[0].lower() in ("the", "this", "that")
        and words[last].group().lower() in ANAPHOR_HEADS
        and not any(t[0].isupper() for t in phrase[1:])
    )
    # the acronym stepped over names the speaker too: "the Office for ... Affairs (OCHA)"
    gap = text[words[k - 1].end() : words[k].start()]
    end = words[k - 1].end() + len(gap.rstrip()) if acronym else words[last].end()
    return words[first].start(), end, anaphor, closed


def phrase_from(text: str, words: list[re.Match[str]], i: int) -> tuple[int, int] | None:
    """The noun phrase starting at words[i]."""
    if i >= len(words):
        return None
    first = i
    if words[i].group().lower() in DETERMINERS:
        i += 1
    if i < len(words) - 1 and words[i].group().lower() == "so-called":
        i += 1  # "said the so-called Syrian Observatory": a word about the name, not its head
    last = None
    while i < len(words) and i - first < _MAX_NP:
        if i > first and gap_breaks(text, words[i - 1].end(), words[i].start()):
            break
        w = words[i].group()
        if last is not None and (w.lower() in DETERMINERS or looks_verbal(w)):
            break  # "According to the Firat news agency | the SDF advanced", "by activists | showed"
        if w.lower() in CONNECTORS and last is not None:
            # "a correspondent at (the) Kuweires Military Airport"
            k = i + 1
            if k < len(words) and words[k].group().lower() in DETERMINERS:
                k += 1
            if k < len(words) and acceptable(words[k].group()):
                i = k
                continue
            break
        # "the oppositions chief negotiator": a possessive that lost its apostrophe
        possessive = w.endswith("s") and len(w) > 3 and acceptable(w[:-1])
        if not (
            acceptable(w)
            or (last is not None and then_acceptable(words, i))
            or (possessive and then_acceptable(words, i))
        ):
            break
        last = i
        i += 1
    if last is None:
        return None
    return words[first].start(), words[last].end()


def _opening(text: str, words: list[re.Match[str]], v: int) -> tuple[int, int] | None:
    """The sentence opening before the verb, minus discourse words and a leading date."""
    i = 0
    # a leading date too: "December 22 2016 The regime declares" (a timeline's entry)
    while i < v and (
        words[i].group() in DISCOURSE
        or words[i].group().lower() in ("on", "in")
        or (
            words[i].group().isdigit()
            and i
            and (words[i - 1].group() in CAP_STOP or words[i - 1].group().isdigit())
        )
    ):
        i += 1
    j = max(i - 1, _before_adjuncts(words, v - 1))
    if (
        j < i
        or j - i + 1 > MAX_OPENING
        or words[j].group().lower()
        in (DETERMINERS | CONNECTORS | word_set("to with by as that which who"))
    ):
        return None
    if any(gap_breaks(text, words[k].end(), words[k + 1].start()) for k in range(i, j)):
        return None
    head = i + 1 if words[i].group().lower() in DETERMINERS and i < j else i
    # "The regime declares": a speaker when it is the whole opening (before a phrase's end it
    # is the deed's: "attacks by the regime activists said")
    whole = head == j and words[head].group().lower() == "regime"
    if any(looks_verbal(w.group()) for w in words[i : j + 1]) or not (
        whole or acceptable(words[head].group())
    ):  # "Meanwhile a source in Aleppo province told SANA": past the discourse word
        return None
    return words[i].start(), words[j].end()


def _inverted(text: str, words: list[re.Match[str]], v: int, end: int) -> tuple[int, int] | None:
    """ "... near the border said the Observatory." / "..." said Abdullah Ansari, a resident":
    the speaker follows the verb, and nothing but a relative clause or an adjunct follows
    the speaker (else it is the subject of reported speech: "said the army shelled")."""
    np = phrase_from(text, words, v + 1)
    if np is None:
        return None
    if _INVERTED_TAIL.match(text, np[1], end):
        return np
    return _named_before_title(words, v + 1)


# lower-case words that open a speaker's title after the name, the commas lost
_TITLE_WORDS = word_set(
    "deputy director head chief spokesman spokeswoman spokesperson coordinator commander "
    "member official researcher adviser advisor envoy representative leader founder "
    "secretary chairman president minister"
)


def _named_before_title(words: list[re.Match[str]], i: int) -> tuple[int, int] | None:
    """'"..." said Nadim Houry deputy director of the Middle East and North Africa division
    at Human Rights Watch in a telephone interview': two to four capitalised words and a
    title after them are the speaker and what the speaker is, however long the title runs
    (the commas around it lost)."""
    k = i
    while k < len(words) and k - i < 4 and words[k].group()[0].isupper():
        if words[k].group() in CAP_STOP:
            return None
        k += 1
    if k - i < 2 or k >= len(words) or words[k].group() not in _TITLE_WORDS:
        return None
    named = k + 1
    while named < len(words) and named - k <= 4 and words[named].group()[0].isupper():
        named += 1
    if named - k > 2:  # "said White House spokesman Josh Earnest in a statement"
        return words[i].start(), words[named - 1].end()
    return words[i].start(), words[k - 1].end()


def _relative(
    text: str, words: list[re.Match[str]], v: int, reach: int = _MAX_NP
) -> tuple[int, int, bool, bool] | None:
    """ "The monitor which relies on sources on the ground said": the speaker before a
    relative clause that runs up to the verb (FA-KES has no commas to mark it), at most
    `reach` words back."""
    for k in range(v - 1, max(0, v - reach) - 1, -1):
        w = words[k].group().lower()
        if w in ("which", "who", "whose"):
            return _backward(text, words, k)
        if w in SPEECH_WORDS:
            return None
    return None


# heads of a complete noun phrase that speak for themselves, even after a relative clause
# ("... against Daesh which controls the city the Syrian state broadcaster reported")
_SPEAKER_HEADS = word_set(
    "broadcaster agency television tv channel ministry spokesman spokeswoman spokesperson "
    "observatory monitor newspaper daily website"
)


def _speaker_head(text: str, np: tuple[int, int, bool, bool]) -> bool:
    words = text[np[0] : np[1]].lower().split()
    return np[3] and bool(words) and words[-1] in _SPEAKER_HEADS


_LOCATIVE_LEAD = word_set("in from near at inside outside")


def _past_locative(
    text: str, words: list[re.Match[str]], back: tuple[int, int, bool, bool]
) -> tuple[int, int, bool, bool]:
    """ "a teacher living in Midan said": a place at the end of a locative phrase is where
    the speaker is, not who speaks; the speaker is the phrase before it."""
    phrase = text[back[0] : back[1]]
    k = word_at(words, back[0])
    if k is None or k < 2 or words[k - 1].group().lower() not in _LOCATIVE_LEAD:
        return back
    if not is_place_name(phrase.removeprefix("the ").strip()):
        return back
    j = k - 1
    if words[j - 1].group().lower().endswith(("ing", "based")):  # "living in", "based in"
        j -= 1
    return _backward(text, words, j) or back


def _after_leading_place(
    text: str, words: list[re.Match[str]], back: tuple[int, int, bool, bool]
) -> tuple[int, int, bool, bool]:
    """ "what happened in Khan Sheikhoun UN special envoy Staffan de Mistura said": with the
    commas stripped, the place that ends the clause before runs into the speaker's phrase;
    the speaker starts after it. So does the place a verb ends on before lowercase source
    words: "preparing to attack Turkey security sources said" (a place that modifies them
    is written with its adjective, "Turkish security sources")."""
    k = word_at(words, back[0])
    if k is None or k == 0:
        return back
    before = words[k - 1].group()
    locative = before.lower() in _LOCATIVE_LEAD | {"of"}
    verb = (
        not locative and before.islower() and before not in DETERMINERS | CONNECTORS | PREPOSITIONS
    )
    if not (locative or verb):
        return back
    inside = [w for w in words[k:] if w.end() <= back[1]]
    for n in range(min(3, len(inside) - 1), 0, -1):  # the longest place name first
        if is_place_name(text[inside[0].start() : inside[n - 1].end()]):
            rest = inside[n].group()
            if acceptable(rest) and not (verb and not rest.islower()):
                return inside[n].start(), back[1], back[2], back[3]  # "west of Raqqa local media"
            return back
    return back


_DIRECTIONS = word_set(
    "northern southern eastern western central rural north south east west northeastern "
    "northwestern southeastern southwestern"
)
_PLACE_NOUNS = word_set(
    "province governorate countryside city town village district suburb suburbs region "
    "area areas neighbourhood neighborhood"
)


def _after_inner_place(
    text: str, words: list[re.Match[str]], back: tuple[int, int, bool, bool]
) -> tuple[int, int, bool, bool]:
    """ "killed in clashes with the Syrian forces in Northern Homs FNA reports": with the
    commas stripped, the place a clause ends on runs into the name of the speaker after it;
    the speaker is that name, not the forces in Homs."""
    inside = [i for i, w in enumerate(words) if back[0] <= w.start() and w.end() <= back[1]]
    # the preposition may stand just before the phrase too: "near the border with Turkey
    # Firat news agency said" is Firat's
    before = [inside[0] - 1] if inside and inside[0] > 0 else []
    for j in before + inside[1:-1]:
        if words[j].group() not in ("in", "near", "from", "with"):
            continue
        k = j + 1
        while k < inside[-1] and words[k].group().lower() in _DIRECTIONS:
            k += 1
        for last in range(min(k + 2, inside[-1] - 1), k - 1, -1):  # the longest name first
            if not is_place_name(text[words[k].start() : words[last].end()]):
                continue
            name = words[last + 1].group()
            if name[0].isupper() and acceptable(name) and name.lower() not in _PLACE_NOUNS:
                return words[last + 1].start(), back[1], back[2], back[3]
            return back
    return back


_PERSON_ROLES = frozenset(uncurated_rules()["person"]["roles_after"]) | word_set(
    "official member spokesperson representative officer worker"
)
_NAME_PART = re.compile(r"[A-Z][\w'’.-]*|(?:al|el)-[A-Z][\w'’-]*|al|el|bin|ibn|abu|abdel")


def _apposed_name(
    text: str, words: list[re.Match[str]], back: tuple[int, int, bool, bool]
) -> tuple[int, int, bool, bool]:
    """ "Ibrahim al-Hajj a volunteer with the group said": with the commas stripped, the
    name before an apposition that opens with "a" or "an" is the speaker, not "the group"."""
    k = word_at(words, back[0])
    if k is None:
        return back
    lower = k  # "a volunteer with" the group: lower-case words back to the article
    while lower > 0 and k - lower < 4 and words[lower].group().lower() not in ("a", "an"):
        lower -= 1
        if not words[lower].group().islower():
            return back
    k = lower
    if k < 2 or words[k].group().lower() not in ("a", "an"):
        return back
    role = {w.group().lower() for w in words[k + 1 : k + 5]}
    if not role & _PERSON_ROLES:
        return back  # "the Free Syrian Army a monitor said": no person's apposition
    first = k
    while (
        first > 0
        and k - first < 4
        and _NAME_PART.fullmatch(words[first - 1].group())
        and words[first - 1].group() not in CAP_STOP
        and not gap_breaks(text, words[first - 1].end(), words[first].start())
    ):
        first -= 1
    name = text[words[first].start() : words[k - 1].end()] if first < k else ""
    capitals = sum(bool(re.match(r"(?:(?:al|el)-)?[A-Z]", w.group())) for w in words[first:k])
    if capitals < 2 or not words[first].group()[0].isupper() or is_place_name(name):
        return back
    if first > 0 and words[first - 1].group().lower() in ("of", "for", "the", "and"):
        return back  # the tail of a longer name: "the Observatory for Human Rights a ..."
    return words[first].start(), back[1], False, True


def _before_area(
    text: str, words: list[re.Match[str]], v: int
) -> tuple[int, int, bool, bool] | None:
    """ "medical workers in the rebel-held area said": an unnamed place where the speaker is
    ("in the area", "in the besieged town", "on the ground") ends no speaker; the speaker
    is before it."""
    k = v - 1
    if k < 0 or words[k].group().lower() not in AREA_NOUNS:
        return None
    k -= 1
    leads = _LOCATIVE_LEAD | {"on"}
    while k >= 0 and v - k <= 4 and words[k].group().lower() not in leads:
        if words[k].group()[0].isupper():
            return None  # "in Idlib province": a named place, read by _past_locative
        k -= 1
    if k < 1 or words[k].group().lower() not in leads:
        return None
    return _backward(text, words, k)


_DASH = re.compile(r"\s[-–—]\s")


def _before_aside(text: str, words: list[re.Match[str]], v: int) -> int:
    """ "The civil defence - a rescue service that operates in Syria - said": the speaker
    stands before the aside set off by dashes (the word index to look back from)."""
    if v < 2 or not _DASH.search(text, words[v - 1].end() - 1, words[v].start() + 1):
        return v
    opening = list(_DASH.finditer(text, words[0].start(), words[v - 1].start()))
    if not opening:
        return v
    k = word_at(words, opening[-1].end())
    return k if k is not None and k > 0 else v


def _aside_before(words: list[re.Match[str]], k: int) -> int | None:
    """The participle of an aside that runs up to words[k], however long: "John Kerry
    *speaking* alongside his Russian counterpart during a meeting in New York insisted"."""
    for j in range(k - 2, max(0, k - _LONG_RELATIVE) - 1, -1):
        w = words[j].group().lower()
        if w in SPEECH_WORDS:
            return None
        if w in _ASIDE and words[j + 1].group().lower() in CONNECTORS | PREPOSITIONS | {
            "alongside"
        }:
            return j
    return None


def speaker_of(
    text: str, words: list[re.Match[str]], v: int, end: int, inverts: bool
) -> tuple[AttributionKind, int, int] | None:
    """The speaker of the speech verb words[v]: after it when `inverts` and nothing follows
    ("... said the Observatory."), else before it."""
    if inverts:
        inverted = _inverted(text, words, v, end)
        if inverted:
            return "named", *inverted
    relative = _relative(text, words, v)
    back = _backward(text, words, _before_aside(text, words, v)) or _before_area(text, words, v)
    if back is not None and not back[2]:
        # "Tony Blinken speaking at the Carnegie Endowment said": past the participle
        k = word_at(words, back[0])
        aside = _aside_before(words, k) if k is not None else None
        if aside is not None and words[aside].group().lower() == "working":
            # "a doctor working at a local hospital said", but "a journalist working for
            # ... the news agency SANA said" is SANA's
            aside = None if any(c.isupper() for c in text[back[0] : back[1]]) else aside
        if aside is not None:
            back = _backward(text, words, aside) or back
    if back is not None and not back[2]:
        back = _past_locative(text, words, back)
        back = _after_leading_place(text, words, back)
        back = _after_inner_place(text, words, back)
    if back is not None:
        back = _apposed_name(text, words, back)
    if relative is not None and not (back and (back[2] or _speaker_head(text, back))):
        back = relative  # "The Observatory which relies on medics said": the Observatory
    elif back is None:
        # nothing names a speaker right before the verb: a longer relative clause ("Omar Abu
        # Laila who lives in Europe but is from the province ... said")
        back = _relative(text, words, v, _LONG_RELATIVE)
    opening = _opening(text, words, v) if v <= MAX_OPENING else None
    if back and not (back[2] or back[3]) and opening and opening[0] < back[0]:
        return "named", *opening
    if back:
        return ("anaphor" if back[2] else "named"), back[0], back[1]
    if opening:
        return "named", *opening
    return None
