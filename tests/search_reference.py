"""The search grammar evaluated in Python over a claim's text: what either database's
index must answer (app.services.search parses and stems; matching here is independent
of FTS5 and tsvector)."""

from __future__ import annotations

from app.services.search import Term, parse, stem, words


def _has(term: Term, found: list[str], stems: list[str]) -> bool:
    if term.prefix:
        return any(w.startswith(term.terms[0]) for w in found)
    n = len(term.terms)
    return any(tuple(stems[i : i + n]) == term.terms for i in range(len(stems) - n + 1))


def matches(q: str, text: str) -> bool:
    groups = parse(q)
    found = words(text)
    stems = [stem(w) for w in found]
    return bool(groups) and all(any(_has(t, found, stems) for t in g) for g in groups)
