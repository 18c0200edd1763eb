"""Full-text search over claim texts: one grammar, one stemmer, the same answers on SQLite
and PostgreSQL.

The engines' own stemmers disagree (FTS5's porter is Porter's 1980 algorithm, PostgreSQL's
'english' is Snowball's and drops stop words, so "killed in Aleppo" would match "killed
by Aleppo" there and not on SQLite). So neither stems: words are split and stemmed here,
in Python, and each engine indexes the result as is (the `claim_fts` table: FTS5 with the
`ascii` tokenizer, which splits exactly at the spaces we put; on PostgreSQL, tsvector
literals). Queries are parsed here and translated into each engine's syntax, so both see
identical terms.

The index also files each claim under the governorates of its places (`areas`, one token
per governorate name: `area_token`), so that a text query narrowed to a governorate is
one index lookup instead of a probe into the place links of every match (issue #15: q=
besieged + governorate=Homs at a million claims). Whoever changes a claim's places, or a
place's governorate, writes the claim's areas again (`write_index`, `refresh_areas`,
`reindex_places`).

Query grammar (README "Search"):

- `word`: the word or another form of it (terrorist finds terrorists; see `stem`).
- `word*`: any word starting with these letters, unstemmed (`terror*`).
- `"several words"`: these words' forms, in this order, side by side.
- `a OR b`: either (`OR` in capitals); terms side by side must all match:
  `rebels OR opposition Aleppo` is (rebels or opposition) and Aleppo.
- Anything else is spacing: a word with inner punctuation (al-Sham) is a phrase.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql
from sqlalchemy.sql import ColumnElement
from sqlmodel import Session

from app.models import Claim, ClaimPlace, Place

_TOKEN = re.compile(r"[^\W_]+")
_CHUNK = re.compile(r'"([^"]*)"?|([^\s"]+)')
MAX_WORD = 100  # longer runs of letters are not words (and PostgreSQL caps lexemes)
_VOWEL = re.compile(r"[aeiouy]")
_UNDOUBLE = re.compile(r"([bcdfghjkmnpqrtvwx])\1$")  # stopp -> stop; l, s, z stay (kill)

FTS = sa.table(
    "claim_fts", sa.column("claim_id"), sa.column("words"), sa.column("stems"), sa.column("areas")
)


def words(text: str) -> list[str]:
    """The words of `text`: runs of letters and digits, lower-cased."""
    return [w for w in _TOKEN.findall(text.lower()) if len(w) <= MAX_WORD]


def stem(word: str) -> str:
    """A light English stemmer: plurals, -ed, -ing and a final -e come off, so "attacks",
    "attacked", "attacking" and "attack" meet, as do "forces"/"force", "cities"/"city".
    Words with digits and words of three letters or fewer stay as they are."""
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.endswith(("ies", "ied")) and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("sses"):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    if word.endswith(("ed", "ing")):
        base = word[: -2 if word.endswith("ed") else -3]
        if len(base) >= 3 and _VOWEL.search(base):
            word = _UNDOUBLE.sub(r"\1", base)
    if word.endswith("e") and len(word) > 3:
        word = word[:-1]
    return word


def index_row(claim_id: int, text: str) -> dict[str, Any]:
    found = words(text)
    return {"claim_id": claim_id, "words": found, "stems": [stem(w) for w in found]}


def area_token(governorate: str) -> str:
    """A governorate's name as one index term: its letters and digits ("Deir ez-Zor" ->
    "deirezzor"), which a query's words cannot be confused with (they are in `stems`)."""
    return "".join(words(governorate))


def _tsvector(terms: list[str]) -> str:
    """A tsvector literal: each term with its positions (PostgreSQL caps them at 16383)."""
    at: dict[str, list[int]] = {}
    for n, term in enumerate(terms, 1):
        at.setdefault(term, []).append(min(n, 16383))
    return " ".join(f"'{t}':{','.join(map(str, ps))}" for t, ps in at.items())


def stored_terms(dialect: str, text: str) -> tuple[str, str]:
    """(words, stems) of `text` as the index stores them on `dialect` ("postgresql": tsvector
    literals; otherwise FTS5 text split at single spaces)."""
    found = index_row(0, text)
    if dialect == "postgresql":
        return _tsvector(found["words"]), _tsvector(found["stems"])
    return " ".join(found["words"]), " ".join(found["stems"])


def stored_areas(dialect: str, governorates: Iterable[str | None]) -> str:
    """The `areas` column of a claim whose places lie in `governorates`, as stored."""
    tokens = sorted({area_token(g) for g in governorates if g} - {""})
    if dialect == "postgresql":  # no positions, as migration 0015's array_to_tsvector
        return " ".join(f"'{t}'" for t in tokens)
    return " ".join(tokens)


BATCH = 5000  # claims per statement when many are (re)indexed at once
_GOVERNORATES = (
    sa.select(ClaimPlace.claim_id, Place.governorate)
    .join(Place, Place.id == ClaimPlace.place_id)
    .where(ClaimPlace.claim_id.in_(sa.bindparam("ids", expanding=True)))
)


def _governorates(conn: sa.Connection, ids: list[int]) -> dict[int, set[str]]:
    """The governorates of each claim's places (claims with none are left out)."""
    found: dict[int, set[str]] = {}
    for start in range(0, len(ids), BATCH):
        for claim_id, governorate in conn.execute(
            _GOVERNORATES, {"ids": ids[start : start + BATCH]}
        ):
            if governorate:
                found.setdefault(claim_id, set()).add(governorate)
    return found


def insert_index(conn: sa.Connection, rows: list[tuple[int, str, str, str]]) -> None:
    """Add index rows (claim id, words, stems, areas) already in stored_terms' and
    stored_areas' form (a bulk writer computes them once per distinct text); the claims
    must not be indexed yet."""
    if not rows:
        return
    if conn.dialect.name == "postgresql":
        sql = (
            "INSERT INTO claim_fts (claim_id, words, stems, areas) VALUES "
            "(%s, CAST(%s AS tsvector), CAST(%s AS tsvector), CAST(%s AS tsvector))"
        )
    else:
        sql = "INSERT INTO claim_fts (rowid, words, stems, areas) VALUES (?, ?, ?, ?)"
    conn.exec_driver_sql(sql, rows)


def write_index(conn: sa.Connection, claims: Iterable[tuple[int, str]]) -> None:
    """Index the claims (id, text) given, filed under the governorates of their places as
    stored now (write the place links first); they must not be indexed yet."""
    dialect = conn.dialect.name
    claims = list(claims)
    areas = _governorates(conn, [i for i, _ in claims])
    insert_index(
        conn,
        [
            (i, *stored_terms(dialect, text), stored_areas(dialect, areas.get(i, ())))
            for i, text in claims
        ],
    )


def refresh_areas(conn: sa.Connection, claim_ids: list[int]) -> None:
    """File the claims under the governorates of their places again (after their places,
    or those places' governorates, changed)."""
    dialect = conn.dialect.name
    areas = _governorates(conn, claim_ids)
    rows = [(stored_areas(dialect, areas.get(i, ())), i) for i in claim_ids]
    if not rows:
        return
    if dialect == "postgresql":
        sql = "UPDATE claim_fts SET areas = CAST(%s AS tsvector) WHERE claim_id = %s"
    else:
        sql = "UPDATE claim_fts SET areas = ? WHERE rowid = ?"
    conn.exec_driver_sql(sql, rows)


def reindex_places(session: Session, place_ids: Iterable[int]) -> None:
    """The claims at these places, filed again (their governorate changed)."""
    ids = sorted(set(place_ids))
    if not ids:
        return
    session.flush()  # the places' new governorates, as _governorates reads them
    conn = session.connection()
    claims = sorted(
        set(
            conn.execute(
                sa.select(ClaimPlace.claim_id).where(ClaimPlace.place_id.in_(ids))
            ).scalars()
        )
    )
    refresh_areas(conn, claims)  # (_governorates reads them BATCH at a time)


def clear_index(session: Session, claim_ids: sa.ScalarSelect[Any]) -> None:
    """Drop the index rows of `claim_ids` (before the claims themselves go)."""
    key = "claim_id" if session.get_bind().dialect.name == "postgresql" else "rowid"
    session.execute(sa.delete(FTS).where(sa.literal_column(key).in_(claim_ids)))


@dataclass(frozen=True, slots=True)
class Term:
    column: str  # "stems", or "words" for a prefix
    terms: tuple[str, ...]  # one, or a phrase's in order
    prefix: bool = False


def parse(q: str) -> list[list[Term]]:
    """`q` as groups that must all match, each a list of terms of which one must."""
    groups: list[list[Term]] = []
    joining = False
    for quoted, bare in _CHUNK.findall(q):
        if bare == "OR":
            joining = bool(groups)
            continue
        found = words(quoted if quoted or not bare else bare)
        if not found:
            continue
        if bare and bare.endswith("*") and len(found) == 1:
            term = Term("words", (found[0],), prefix=True)
        else:
            term = Term("stems", tuple(stem(w) for w in found))
        if joining:
            groups[-1].append(term)
        else:
            groups.append([term])
        joining = False
    return groups


def _fts5(groups: list[list[Term]], areas: list[str]) -> str:
    def one(t: Term) -> str:
        return f'{t.column} : "{" ".join(t.terms)}"' + (" *" if t.prefix else "")

    ands = ["(" + " OR ".join(one(t) for t in g) + ")" for g in groups]
    if areas:
        ands.append("(" + " OR ".join(f'areas : "{a}"' for a in areas) + ")")
    return " AND ".join(ands)


def _postgres(groups: list[list[Term]], areas: list[str]) -> ColumnElement[bool]:
    def one(t: Term) -> ColumnElement[bool]:
        query = " <-> ".join(f"'{w}'" for w in t.terms) + (":*" if t.prefix else "")
        return FTS.c[t.column].op("@@")(sa.cast(sa.literal(query), postgresql.TSQUERY))

    ands = [sa.or_(*(one(t) for t in g)) for g in groups]
    if areas:
        query = " | ".join(f"'{a}'" for a in areas)
        ands.append(FTS.c.areas.op("@@")(sa.cast(sa.literal(query), postgresql.TSQUERY)))
    return sa.and_(*ands)


def matching(
    session: Session, q: str, governorates: Iterable[str] | None = None
) -> tuple[sa.Select[Any], ColumnElement[Any]] | None:
    """The ids of the claims matching `q` (and, if given, at a place in one of
    `governorates`), as a select from the index and its id column (a caller may narrow it
    further); None for a query with no words."""
    groups = parse(q)
    if not groups:
        return None
    areas = sorted({area_token(g) for g in governorates or ()})
    if session.get_bind().dialect.name == "postgresql":
        return sa.select(FTS.c.claim_id).where(_postgres(groups, areas)), FTS.c.claim_id
    key = sa.literal_column("claim_fts.rowid")
    match = sa.text("claim_fts MATCH :match").bindparams(match=_fts5(groups, areas))
    return sa.select(key).select_from(FTS).where(match), key


def expected(session: Session, found: sa.Select[Any]) -> float:
    """How many rows PostgreSQL's planner expects `found` (from `matching`) to hold: its
    estimate from the full-text index's statistics (~0.1 ms), where counting them costs
    what reading them does (a common word at 1M claims: 50-120 ms for 20,000-40,000)."""
    conn = session.connection()
    compiled = found.compile(dialect=conn.dialect, compile_kwargs={"render_postcompile": True})
    plan = conn.exec_driver_sql("EXPLAIN (FORMAT JSON) " + compiled.string, compiled.params)
    return float(plan.scalar_one()[0]["Plan"]["Plan Rows"])


def hits(session: Session, q: str, bound: int, governorates: Iterable[str] | None = None) -> int:
    """How many claims `q` matches (in `governorates`, if given), counting at most `bound`
    (from the index alone)."""
    found = matching(session, q, governorates)
    if found is None:
        return 0
    limited = found[0].limit(bound).subquery()
    return session.execute(sa.select(sa.func.count()).select_from(limited)).scalar_one()


def matches(session: Session, q: str) -> ColumnElement[bool]:
    """The condition on `claim` for `q` (nothing matches a query with no words)."""
    found = matching(session, q)
    return sa.false() if found is None else Claim.id.in_(found[0])
