"""Where the article ends and the page furniture (comments, sharing, credits) begins.

Three kinds of evidence, applied in this order:

1. section headers after which nothing is article any more, wherever they are:
   "9 Responses", "Comments are closed", "Related video:", "Share this:", "Related
   News", "Comment via Facebook", "Copyright 2018 ...";
2. boilerplate *lines* (licence, "Categories:", "[Featured Image by ...]", a dangling
   "Read More:") count only as a trailing run: walking back from the end (or from 1.)
   over such lines; the same line in the middle of the article is left alone;
3. weak inline headers ("Tags", "Related", "Topic") of the flattened FA-KES pages count
   only when they sit right before the block already found.
"""

from __future__ import annotations

import re

_SECTION = re.compile(
    r"^[ \t]*\d+\s+(?:Responses?|Comments?|Replies|thoughts? on\b)"
    r"|^[ \t]*(?:Leave a (?:Reply|Comment)|Related videos?:|Related (?:posts|articles|stories):"
    r"|Share this:|Like this:|You (?:may|might) also like)"
    r"|Comments are closed|\bbloggers like this"
    r"|\bRelated News\b|\bComment via Facebook|\bCommunity standards"
    r"|\bFollow us on\b|\bSubscribe to our\b|\bCopyright (?:\u00a9\s*)?(?:19|20)\d\d\b"
    r"|\bAll rights reserved\b|\bSource TRT ?World and agencies",
    re.M | re.I,
)
# Words every _SECTION match contains: a substring test is far cheaper than the regex.
_SECTION_KEYS = (
    "respons", "comment", "repl", "thought", "leave a", "related", "share this", "like this",
    "also like", "follow us", "subscribe", "copyright", "rights reserved", "source trt",
    "community standards", "bloggers",
)  # fmt: skip
_LINE = re.compile(
    r"^\W*(?:This (?:Content|article|work|post) (?:Was|is) (?:Created|licensed|published|"
    r"distributed)\b.*\bLicen[cs]e"
    r"|.*\bCreative Commons\b"
    r"|(?:Categories|Category|Tags|Filed under|Source|Sources)\s*:"
    r"|%d bloggers like this|Like this:|Share this:|Related\b"
    r"|(?:Featured )?(?:Image|Photo|Picture)s?\s+(?:by|credit|courtesy|source)\b"
    r"|(?:Read|See) [Mm]ore\s*:?\s*$"
    r"|Comments are closed|\d+\s+(?:Responses?|Comments?|Replies)\s*$"
    r"|Leave a (?:Reply|Comment)|Click to (?:share|print|email)|Print this|Advertisement\s*$"
    r"|Loading\.*\s*$"
    # Reuters' trailer: "Additional reporting by ...; Editing by ... Our Standards:The
    # Thomson Reuters Trust Principles."
    r"|Additional reporting by\b|(?:Reporting|Writing) by\b[^.]*;\s*Editing by\b"
    r"|Our Standards\s*:)",
    re.I,
)
# Furniture lines are short; a long line is article text whatever it starts with.
_MAX_LINE = 200
_NONEMPTY_LINE = re.compile(r"[^\n]*\S[^\n]*")
_LEAD = re.compile(r"\W*(?:%d|\d+)?\W*")
_WEAK = re.compile(r"\b(?:Tags|Related|Topic|Read more|Source)\b")
# A weak header is trusted only this close to the block found from stronger evidence.
_WEAK_REACH = 400


def is_boilerplate(line: str) -> bool:
    """Whether one line (or sentence) is page furniture rather than article text."""
    line = line.strip()
    return len(line) <= _MAX_LINE and bool(_LINE.match(line))


def _trailing_lines(text: str, end: int) -> int:
    """Start of the run of boilerplate lines that ends at `end` (or `end` itself)."""
    start = end
    for m in reversed(list(_NONEMPTY_LINE.finditer(text, 0, end))):
        if not is_boilerplate(m.group()):
            break
        start = m.start()
    return start


def _line_start(text: str, pos: int) -> int:
    """Back to the start of the line when only a counter or symbol precedes the header."""
    start = text.rfind("\n", 0, pos) + 1
    return start if _LEAD.fullmatch(text[start:pos]) else pos


def _weak_before(text: str, end: int) -> int:
    best = end
    for m in _WEAK.finditer(text, max(0, end - _WEAK_REACH), end):
        best = min(best, m.start())
    return best


def find_body_end(text: str) -> int | None:
    """Offset where trailing comments/boilerplate start; None when the text has none."""
    low = text.lower()
    section = _SECTION.search(text) if any(k in low for k in _SECTION_KEYS) else None
    end = _line_start(text, section.start()) if section else len(text)
    while True:
        start = _trailing_lines(text, end)
        if end < len(text) or start < end:
            start = _weak_before(text, start)
        if start == end:
            break
        end = start
    return end if end < len(text.rstrip()) and text[:end].strip() else None
