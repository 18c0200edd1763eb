"""Sentences of an article, trimmed of page furniture, and the quotations they sit in.

A sentence ends at ".", "!" or "?" (with any closing quote or bracket) before a capital,
a digit, an opening quote (or the replacement characters a lost one left: "the reports.
��We urge") or a dash (or right before a capitalised word when a lower-case word ends the
sentence and the space was lost: "irresolution.For his part"; or before a sentence opener
whose capital was lost: "... a UN report says. the coalition"; or with no stop at all
before "According to" after a word in lower case), unless the full stop closes an
abbreviation ("Lt.", "U.S.", "Gen.") or an initial (but "to the U.N. The letter" ends
at "U.N."). Line breaks end a sentence only where
the writer ended a line: after closing punctuation, before an empty line or a list item.
A line wrapped by hand inside a sentence ("Most of the city is not\\n    destroyed.")
joins the next one, as in reader comments.

Quotations are found once over the whole text, so that the sentences of a quote that runs
over several sentences know they are one speaker's words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TAGS = re.compile(r"\bTags\s")
# a link to another story at a sentence's start, its headline run into the story
_PROMO = re.compile(r"\s*(?:READ MORE|Read more|Read More)\s*:?\s+(?:WATCH\s+)?(?=[A-Z])")
_HEADLINE_SMALL = frozenset(
    ["a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "as", "by", "with", "from"]
)
# Tags hold names and lower-case keywords ("Tags Madaya Syria hunger siege women Hizbollah
# Three women from the besieged town..."). The prose is where the first word only a
# sentence uses appears: a verb in the past ("announced"; not "US-led") or a function word
# (not "of" or "for", which names hold: "Observatory for Human Rights"). It starts at the
# first sentence opener shortly before that word ("The", "At least", a number), or else at
# the nearest capitalised word before it ("Assad Warplanes carried out").
_PROSE_ONLY = re.compile(
    r"from|in|on|at|to|by|with|were|was|is|are|have|has|had|will|would|said|says|and|after"
    r"|as|could|can|[a-z]{3,}ed"
)
_TAGS_OPENER = re.compile(
    r"The|A|An|At|More|Almost|Nearly|Dozens|Hundreds|Thousands|\d[\d,]*"
    r"|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve|Fifteen|Twenty"
)
_TAGS_QUALIFIER = re.compile(r"\b(?:At least|More than|Up to|Nearly|Almost|About)\s+$")
_TAGS_OPENER_REACH = 6  # words from an opener to the word that only prose uses
# with no such word (the end of a page: "Tags Daesh Syria Community standards..."), the
# first capitalised word followed by a word in lower case, not by a name's article
# ("Deir az-Zour", "Tal al-Abyad")
_TAGS_END = re.compile(
    r"\s(?:The|A|An|[A-Z][\w'’-]*(?=\s+(?!of\b|and\b|the\b|al\b|el\b|[a-z]{1,3}-)[a-z]))\s"
)
_WORD = re.compile(r"\S+")
_LEAD_JUNK = re.compile(
    r"\(?[^()]{0,40}\)\s*[-–—]*\s*"
    r"|.{0,200}?pic\.twitter\.com\S*.{0,120}?\b(?:19|20)\d\d\s+"
    r"|Get short URL(?:\s+\d+)*\s*"
    r"|SEND\s+\S+\s*|(?:AA|AP|AFP|Reuters|EPA)\s+Photo\s+"
    r"|\d{1,2}:?\d\d\s*(?:AM|PM|GMT)\s+"  # the time a page was published: "0147 PM"
    # datelines: "BEIRUT (Reuters) -", "DEIR EZ-ZOR (Syria) (Sputnik)", "Aleppo SANA-"
    r"|(?:[A-Z][A-Z'-]+(?:\s+[A-Z][A-Z'-]+){0,2}|[A-Z][a-z]+)\s+(?:\([A-Za-z .]+\)\s*)*"
    r"\((?:Reuters|AFP|AP|Sputnik|Xinhua|SANA|RIA Novosti|Anadolu|AA|UPI|IRNA|TASS)\)"
    r"\s*[-–—]*\s*"
    r"|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?,?\s+SANA\s*[-–—]\s*"
    r"|(?:MOSCOW|BEIRUT|DAMASCUS|ANKARA|AMMAN|CAIRO|TEHRAN|WASHINGTON|GENEVA|ISTANBUL)"
    r"\s*(?:\([A-Za-z .]+\))?\s*[-–—:]*\s+"
)
# a dateline inside a sentence: what precedes it is a headline or a photo credit the page
# ran into the story ("REUTERS Rodi Said US Tanks to Storm Raqqa MOSCOW (Sputnik) The...")
_INNER_DATELINE = re.compile(
    r"\b[A-Z][A-Z'-]{2,}(?:\s+[A-Z][A-Z'-]+){0,2}\s+(?:\([A-Za-z .]+\)\s*)*"
    r"\((?:Reuters|AFP|AP|Sputnik|Xinhua|SANA|RIA Novosti|Anadolu|AA|UPI|IRNA|TASS)\)\s*[-–—]*\s*"
)
# a photo's credit inside a sentence: what precedes it is the caption, and the story
# starts after it and its dateline ("... a street in Aleppo (AP photo) BEIRUT Air strikes")
_PHOTO_CREDIT = re.compile(
    r"\((?:AP|AFP|Reuters|EPA|AA|SANA|Getty)\s+[Pp]hoto\)\s*(?:[A-Z]{3,}(?:\s+[A-Z]{3,})?\s+)?"
    # or the agency alone after a caption's last word, no dateline ("... civilians in
    # Syria (Reuters) Around 600 Syrians ...")
    r"|(?<=[a-z])\s\((?:AP|AFP|Reuters|EPA|Getty)\)\s+(?=[A-Z])"
)
_CAPTION_REACH = 600
_TRAILING_OPEN_QUOTE = re.compile(r"\s[\"“(\[]\s*$")
# an agency's credit after the last sentence ("... in December. --Reuters", "- AFP")
_TRAILING_CREDIT = re.compile(
    r"\s*[-–—]+\s*(?:REUTERS|Reuters|AFP|AP|SANA|Sputnik|Xinhua|Anadolu|AA|DPA|TASS)\s*$"
)
_CLOSES = re.compile(r"[.!?:;\"”’)\]]\s*$")
_LIST_ITEM = re.compile(r"\s*(?:\d+[.)]|[-•*]|[a-z]\))\s")
QUOTES = '"“”'
_END = re.compile(
    r"[.!?]+[\"”’)\]]*(?=\s+(?:(?:[\"“(\[‘-]|\ufffd+)?\s*[A-Z0-9]|pic\.twitter|https?:))"
    r"|[.!?]+[\"”’)\]]*\s*$"
    # no space after the stop, as in FA-KES: "... irresolution.For his part"
    r"|(?<=[a-z]{3})[.!?](?=[A-Z][a-z])"
    # a stop before a word in lower case, where the capital was lost ("... says. the coalition")
    r"|(?<=[a-z]{3})[.!?](?=\s+(?:the|this|these|they|it|he|she|we|but)\s)"
    # no stop at all before "According to", which opens a sentence ("... in Aleppo city
    # According to a source at the police command two people were killed")
    r"|(?<=[a-z])(?=\s+According\s+to\b)"
)
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
_INITIALS = re.compile(r"(?:[a-z]\.)+[a-z]")
_ABBREVIATIONS = frozenset(
    re.findall(
        r"\w+",
        "mr mrs ms dr prof gen lt col maj capt sgt st jr sr no vol fig mt rev gov sen rep "
        "brig adm cmdr cpl pvt jan feb mar apr jun jul aug sep sept oct nov dec inc ltd co "
        "corp vs etc approx est",
    )
)
# "a letter to the U.N. The letter said": a country's or body's initials after "the" end a
# sentence before a word that opens one (and never goes on a name)
_NOUN_END = re.compile(r"\bthe\s+(?:[A-Z]\.){1,2}[A-Z]$")
_OPENER_AFTER = re.compile(
    r"\s+(?:The|A|An|This|These|Those|It|He|She|They|We|In|On|At|But|However|Meanwhile"
    r"|Earlier|Later|According)\s"
)
_MAX_QUOTE = 2000  # a longer "quotation" is an unbalanced mark, not a quote


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    paragraph: int  # index of the paragraph (a block of text between hard line breaks)


def _hard_break(text: str, at: int) -> bool:
    """Does the line break at text[at] end the sentence?"""
    line_start = text.rfind("\n", 0, at) + 1
    before = text[line_start:at]
    nxt = text.find("\n", at + 1)
    after = text[at + 1 : nxt if nxt >= 0 else len(text)]
    if not after.strip() or not before.strip() or _CLOSES.search(before):
        return True
    if _LIST_ITEM.match(after):
        return True
    # a hand-wrapped line goes on indented, or with a lower-case word
    first = after.lstrip()[:1]
    return not (after[:1].isspace() or first.islower())


def _spans(text: str) -> list[tuple[int, int]]:
    """Sentence spans by punctuation, before line breaks are considered."""
    out: list[tuple[int, int]] = []
    start = 0
    for m in _END.finditer(text):
        if m.group()[:1] == ".":
            word = _WORD_BEFORE.search(text, max(start, m.start() - 20), m.start())
            w = word.group(1).lower() if word else ""
            if w.rstrip(".") in _ABBREVIATIONS or len(w) == 1 or _INITIALS.fullmatch(w):
                initials = _NOUN_END.search(text, max(0, m.start() - 12), m.start())
                if initials is None or not _INITIALS.fullmatch(w):
                    continue  # "Lt. Gen.", "U.S.", "J. Smith"
                if _OPENER_AFTER.match(text, m.end()) is None:
                    continue  # "the U.S. State Department"
        elif not m.group():
            word = _WORD_BEFORE.search(text, max(start, m.start() - 20), m.start())
            if word is None or not word.group(1).islower():
                continue  # a headline run in ("Former US Ambassador According to ...")
        out.append((start, m.end()))
        start = m.end()
    if start < len(text):
        out.append((start, len(text)))
    return out


def sentences(text: str) -> list[Sentence]:
    """Trimmed sentences in text order; junk around them is cut off, not the sentence."""
    out: list[Sentence] = []
    paragraph = 0
    last_break = -1
    for sent_start, sent_end in _spans(text):
        pos = base = sent_start
        # a paragraph ends at each hard line break
        for cut in re.finditer(r"\n", text[base:sent_end]):
            at = base + cut.start()
            if _hard_break(text, at):
                _add(text, pos, at, paragraph, out)
                pos = at + 1
                if at > last_break + 1:
                    paragraph += 1
                last_break = at
        _add(text, pos, sent_end, paragraph, out)
    return out


def _add(text: str, start: int, end: int, paragraph: int, out: list[Sentence]) -> None:
    promo = _PROMO.match(text, start, end)
    if promo:
        # "READ MORE WATCH Russian Airstrikes Send Terrorists Fleeing in Syrias Hama In a
        # separate operation ...": a link's headline ran into the story, which resumes
        resume = _after_headline(text, promo.end(), end)
        if resume is not None:
            _add(text, resume, end, paragraph, out)
        return
    tags = _TAGS.search(text, start, end)
    if tags:
        # Flattened pages put keyword tags mid-sentence; the prose resumes after them.
        resume = _after_tags(text, tags.end(), end)
        _add(text, start, tags.start(), paragraph, out)
        if resume is not None:
            _add(text, resume, end, paragraph, out)
        return
    start, end = trim(text, start, end)
    if start < end:
        out.append(Sentence(start, end, paragraph))


def _after_headline(text: str, start: int, end: int) -> int | None:
    """Where the prose starts after a Title Case headline that begins at `start`: at the
    capitalised word before the first lower-case word a headline does not use."""
    words = list(_WORD.finditer(text, start, end))
    for i, w in enumerate(words):
        if w.group()[0].islower() and w.group() not in _HEADLINE_SMALL:
            k = i - 1
            while k >= 0 and words[k].group() in _HEADLINE_SMALL:
                k -= 1
            return words[k].start() if k > 0 else None
    return None


def _after_tags(text: str, start: int, end: int) -> int | None:
    """Where the prose starts after a tag line that begins at `start`, if anywhere."""
    words = list(_WORD.finditer(text, start, end))
    first = next((i for i, w in enumerate(words) if _PROSE_ONLY.fullmatch(w.group())), None)
    if first is None:
        resume = _TAGS_END.search(text, start, end)
        return None if resume is None else resume.start() + 1
    capitals = [i for i in range(first) if not words[i].group()[0].islower()]
    for i in capitals:
        if first - i <= _TAGS_OPENER_REACH and _TAGS_OPENER.fullmatch(words[i].group()):
            qualifier = _TAGS_QUALIFIER.search(text, start, words[i].start())
            return words[i].start() if qualifier is None else qualifier.start()
    return words[capitals[-1]].start() if capitals else None


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop what precedes or follows the prose of a sentence: datelines, a caption's
    credit or an embedded tweet running into it ("(TRT World and Agencies) A bomb
    blast...", "pic.twitter.com/x ... July 27 2016 State TV rolled footage..."), and
    the opening quote of the next sentence."""
    while start < end and text[start].isspace():
        start += 1
    while (lead := _LEAD_JUNK.match(text, start, end)) is not None and lead.end() > start:
        start = lead.end()
    inner = _INNER_DATELINE.search(text, start, min(end, start + 240))
    if inner is not None and inner.end() < end:
        start = inner.end()
    credit = _PHOTO_CREDIT.search(text, start, min(end, start + _CAPTION_REACH))
    if credit is not None and credit.end() < end:
        start = credit.end()
    tail = _TRAILING_OPEN_QUOTE.search(text, start, end)
    if tail is not None:
        end = tail.start()
    credit = _TRAILING_CREDIT.search(text, start, end)
    if credit is not None:
        end = credit.start()
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def quotations(text: str) -> list[tuple[int, int]]:
    """[open, close] offsets of the quotation marks of each quotation, in text order.

    Curly quotes say which way they face; so does a straight one between a space and a
    word (opens) or between a word and a space or punctuation (closes). Other straight ones
    alternate. A quote that would open a quotation longer than any real one is taken as
    stray and skipped, and so is a closing one with nothing open.
    """
    out: list[tuple[int, int]] = []
    opened: int | None = None
    for m in re.finditer(r"[\"“”]", text):
        at = m.start()
        c = _facing(text, at) if m.group() == '"' else m.group()
        if opened is None:
            if c != "”":
                opened = at
        elif c != "“" and at - opened <= _MAX_QUOTE:
            out.append((opened, at))
            opened = None
        else:
            opened = at if c != "”" else None
    return out


def _facing(text: str, at: int) -> str:
    """A straight quote as the curly one it stands for, or itself when it could be both."""
    before = text[at - 1] if at > 0 else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    if (before.isspace() or before in "([—–") and not after.isspace():
        return "“"
    if not before.isspace() and (after.isspace() or after in ".,;:!?)"):
        return "”"
    return '"'
