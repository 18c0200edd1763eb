"""Name folding and the token scanner shared by the place and actor matchers.

``normalize_key`` is deliberately lossy: Arabic names reach English text through a
dozen transliteration schemes (Kuweires, Kaweiris, Kuwayris...), so the key keeps the
consonant skeleton and only records *where* vowels are, not which. The scanner applies
the very same per-token folding to running text, so a name matches text iff their keys
are equal, and a multi-token key can be assembled from cached token keys without
re-normalising every n-gram.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

# Arabic definite article in its assimilated spellings. Dropped from keys so that
# al-Hadir == Hadir and Deir ez-Zor == Deir Zor.
# fmt: off
ARTICLES = frozenset({
    "al", "el", "il", "ul", "as", "es", "ash", "esh", "ad", "ed", "adh", "ar", "er", "at",
    "et", "ath", "az", "ez", "an", "en",
})
# fmt: on

_APOSTROPHES = "'’‘`´ʿʾʼ′"
# Letters NFKD does not decompose, folded by hand.
# fmt: off
_SPECIAL = str.maketrans({
    "ı": "i", "ł": "l", "ø": "o", "đ": "d", "ð": "d", "ß": "ss", "æ": "ae", "œ": "oe",
    "ə": "e", "þ": "th",
})
# fmt: on
_WORD = r"[^\W_]+(?:[" + _APOSTROPHES + r"](?!s\b)[^\W_]+)*"
# Dotted acronyms ("U.S.", "U.N.") are single tokens; otherwise words with internal
# apostrophes (Za'ou'a, Ma'arrat) but not the possessive 's, which stays separate.
TOKEN_RE = re.compile(r"(?:[A-Z]\.){2,}|" + _WORD)

# Transliteration digraphs, longest first. Each pair maps spellings of one Arabic
# sound (or of one English vowel) onto a single letter.
# fmt: off
_DIGRAPHS = (
    ("dzh", "j"), ("tch", "s"), ("dj", "j"), ("kh", "k"), ("gh", "g"), ("sh", "s"),
    ("ch", "s"), ("th", "t"), ("dh", "d"), ("ph", "f"), ("ck", "k"), ("ou", "u"),
    ("oo", "u"), ("ee", "i"), ("q", "k"), ("c", "k"), ("x", "ks"),
)
# fmt: on
_VOWELS = frozenset("aeiou")


def word_set(words: str) -> frozenset[str]:
    """The space-separated words of a rule list, as a set."""
    return frozenset(words.split())


def strip_marks(s: str) -> str:
    """Remove diacritics and apostrophe-like marks, keep everything else."""
    s = unicodedata.normalize("NFKD", s.translate(_SPECIAL))
    return "".join(c for c in s if not unicodedata.combining(c) and c not in _APOSTROPHES)


@lru_cache(maxsize=1 << 16)
def fold_token(token: str) -> str:
    """Fold one word: the unit both normalize_key and the scanner are built from."""
    t = strip_marks(token).casefold().translate(_SPECIAL)
    if not t.isascii():
        return t  # non-Latin script: keep as-is (still deterministic, still matchable)
    for a, b in _DIGRAPHS:
        if a in t:
            t = t.replace(a, b)
    if len(t) > 3 and t.endswith("h") and t[-2] in _VOWELS:
        t = t[:-1]  # Hamah/Hama, Raqqah/Raqqa, Hasakeh/Hasaka
    out: list[str] = []
    n = len(t)
    for i, c in enumerate(t):
        # y and w are consonants only before a vowel: Kuwayris -> k.w.r.s, Zawr -> z.r
        if c in _VOWELS or (c in "yw" and not (i + 1 < n and t[i + 1] in _VOWELS)):
            c = "a"
        if out and out[-1] == c:
            continue  # vowel runs and doubled consonants collapse
        out.append(c)
    return "".join(out)


def name_tokens(s: str) -> list[str]:
    return [t.replace(".", "") for t in TOKEN_RE.findall(s)]


def normalize_key(s: str) -> str:
    """Fold a name for matching.

    Strips diacritics and apostrophes, casefolds, treats hyphens and punctuation as
    spaces, drops the Arabic article (unless the name is nothing but articles), and
    folds transliteration variants: digraphs (kh/k, sh/ch/s, q/k, ou/u...), doubled
    letters, and every vowel run (including vocalic y/w) to a single ``a``. So
    Kuweires, Kaweiris, Keweiris and Kuwayris all give ``kawaras`` while Al Qusayr
    gives ``kasar``.
    """
    toks = name_tokens(s)
    keep = [t for t in toks if t.casefold() not in ARTICLES] or toks
    return " ".join(k for k in map(fold_token, keep) if k)


def light_key(s: str) -> str:
    """Spelling as written, minus case, diacritics and articles: tells "Syria" from "Sarah"."""
    toks = name_tokens(s)
    keep = [t for t in toks if t.casefold() not in ARTICLES] or toks
    return " ".join(strip_marks(t).casefold() for t in keep)


def slugify(s: str) -> str:
    """ASCII, lowercase, hyphen-separated: "Tiger Forces" -> "tiger-forces"."""
    ascii_ = strip_marks(s).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")


class Token(NamedTuple):  # a tuple: millions are made, and a tuple is the cheapest
    start: int
    end: int
    text: str
    key: str
    article: bool  # an Arabic article token (contributes nothing to keys)
    joined: bool  # attached to the previous token by spaces, a hyphen or an apostrophe
    hyphen: bool  # attached to the previous token by a hyphen
    capital: bool
    possessive_key: str | None  # key without a trailing s ("Aleppos" in stripped text)


# Within a name, words are separated by spaces, a hyphen, or a plural possessive
# apostrophe ("Kurdistan Workers' Party").
_JOIN_GAP = re.compile(r"[ \t\u00a0]*[-–][ \t\u00a0]*|['’]?[ \t\u00a0]+")


def scan(text: str) -> list[Token]:
    """Tokenise once; matchers walk this list.

    ``joined`` is false across punctuation, line breaks or an apostrophe (other than
    inside a possessive), so names never span "Aleppo, Homs" or a title line.
    """
    out: list[Token] = []
    prev_end = -1
    for m in TOKEN_RE.finditer(text):
        s, e = m.span()
        word = m.group()
        if prev_end >= 0 and s - prev_end == 1 and text[prev_end] == " ":
            joined, hyphen = True, False  # the common case, without a regex
        else:
            gap = _JOIN_GAP.fullmatch(text, prev_end, s) if prev_end >= 0 else None
            joined = gap is not None or (
                s - prev_end == 1 and text[prev_end] in _APOSTROPHES and word == "s"
            )
            hyphen = gap is not None and ("-" in gap.group() or "–" in gap.group())
        prev_end = e
        low = word.casefold()
        key = fold_token(word.replace(".", ""))
        poss = None
        if len(word) > 4 and word[-1] == "s" and word[-2] != "s" and not word.isupper():
            poss = fold_token(word[:-1])
        out.append(Token(s, e, word, key, low in ARTICLES, joined, hyphen, word[0].isupper(), poss))
    return out


_LEADING_ARTICLES = frozenset({"al", "el"})
# Capitalised forms that are also English sentence openers ("At Aleppo's gates").
_ENGLISH_ARTICLES = frozenset({"as", "at", "an", "ad", "ed", "en", "es", "et", "er", "il"})


def article_can_lead(tokens: list[Token], i: int) -> bool:
    """May a name start with article token i? "al-Bab", "Ash Shaddadah": yes; "at Aleppo": no."""
    if i + 1 >= len(tokens) or not tokens[i + 1].joined:
        return False
    t = tokens[i]
    low = t.text.casefold()
    return (
        low in _LEADING_ARTICLES
        or tokens[i + 1].hyphen
        or (t.capital and low not in _ENGLISH_ARTICLES)
    )


def longest_match(tokens, i, index, prefixes, accept, max_len=12, lower_possessive=False):
    """The longest name starting at token i, as (last token, accepted value, possessive).

    ``index`` maps space-joined token keys (articles left out) to values, ``prefixes``
    holds every proper prefix of those keys so the walk stops as soon as nothing longer
    can match. ``accept(value, i, j, possessive)`` applies case/context rules and
    returns the value to keep, or None. A trailing possessive s ("Idlibs" in text that
    lost its apostrophes) is tried where the whole word matches nothing acceptable; with
    `lower_possessive`, also on a lower-case last word ("Assad regimes attacks"), which for
    a place's "province" or "city" is more often a plural ("Hasake and Deir Ezzor provinces").
    `max_len` tokens at most: "International Federation of Red Cross and Red Crescent
    Societies" is nine; `prefixes` ends the walk long before on other words.
    """
    if tokens[i].article and not article_can_lead(tokens, i):
        return None
    best = None
    key = ""
    for j in range(i, min(len(tokens), i + max_len)):
        t = tokens[j]
        if j > i and not t.joined:
            break
        if t.article:
            continue
        stem = f"{key} {t.key}" if key else t.key
        whole = accept(index[stem], i, j, False) if stem in index else None
        if (
            t.possessive_key
            and (t.capital or (lower_possessive and j > i))
            and whole is None
            and stem not in prefixes
        ):
            pkey = f"{key} {t.possessive_key}" if key else t.possessive_key
            if pkey in index and (v := accept(index[pkey], i, j, True)) is not None:
                best = (j, v, True)
            break
        key = stem
        if whole is not None:
            best = (j, whole, False)
        if key not in prefixes:
            break
    return best


def first_words(keys) -> frozenset[str]:
    """The first word of every key: a name can only start at a token whose key (or
    possessive key) is one of them, or at an article, so callers skip the other tokens
    without calling longest_match."""
    return frozenset(k.split(" ", 1)[0] for k in keys)


def could_start(t: Token, firsts: frozenset[str]) -> bool:
    return t.article or t.key in firsts or t.possessive_key in firsts


def key_prefixes(keys) -> frozenset[str]:
    """Every proper word-prefix of the keys, so a walk knows when to stop."""
    out = set()
    for k in keys:
        parts = k.split(" ")
        for n in range(1, len(parts)):
            out.add(" ".join(parts[:n]))
    return frozenset(out)


@lru_cache(maxsize=8)
def scan_cached(text: str) -> tuple[Token, ...]:
    """scan(), remembered for the last few texts: places and actors walk the same tokens."""
    return tuple(scan(text))


@lru_cache(maxsize=8192)
def edit_distance(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def close_spelling(lit: str, known) -> bool:
    """A plausible new transliteration of a known spelling, not a chance collision of keys."""
    limit = max(1, len(lit) // 4)
    return any(edit_distance(lit, k) <= limit for k in known)


def span_literal(words: list[Token], possessive: bool) -> str:
    """light_key of a matched span, minus the possessive s the match dropped."""
    lit = " ".join(strip_marks(w.text.replace(".", "")).casefold() for w in words)
    return lit[:-1] if possessive else lit
