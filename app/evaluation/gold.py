"""Hand-annotated gold claims: the file format of docs/annotation.md, loaded and checked.

A gold file carries its document (text and metadata), so scoring needs nothing else and
the same files can be imported anywhere. Loading checks everything a typo could break:
each span slices the text to the recorded text, keys exist in the registry and gazetteer,
dates parse, kinds and roles are known. Pure: no database.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from app.errors import UsageError
from app.extraction.registry import actor_entry, place_entry
from app.ingest import RawDocument

M = TypeVar("M", bound=BaseModel)

Span = tuple[int, int]
Role = Literal["agent", "target", "mentioned"]
FigureKind = Literal["killed", "injured", "displaced", "fighters", "other"]
Qualifier = Literal["at_least", "over", "nearly", "up_to", "less_than", "about", "range", "vague"]
Precision = Literal["day", "week", "month", "year"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class GoldDocument(_Strict):
    dataset: Literal["fakes", "seed", "other"]
    id: str
    title: str | None = None
    outlet: str | None = None
    # metadata the import is given (the seeds' manifest date); FA-KES gives none
    published: date | None = None
    published_precision: Literal["day", "month", "year"] | None = None
    text: str

    def as_raw(self) -> RawDocument:
        """The document as an import reads it (for the scorers' throwaway databases)."""
        return RawDocument(
            text=self.text,
            external_id=f"{self.dataset}:{self.id}",
            origin="eval",
            location=f"gold {self.dataset}:{self.id}",
            encoding="utf-8",
            title=self.title,
            outlet=self.outlet,
            published=self.published,
            published_precision=self.published_precision,
        )


class GoldPublished(_Strict):
    date: str  # YYYY-MM-DD, YYYY-MM or YYYY
    precision: Literal["day", "month", "year"]
    span: Span
    surface: str = ""


class GoldClaimant(_Strict):
    actor: str | None = None
    name: str | None = None
    generic: str | None = None
    outlet: bool = False

    @model_validator(mode="after")
    def _one_form(self) -> GoldClaimant:
        forms = [self.actor is not None, self.name is not None, self.generic is not None]
        if sum(forms) + self.outlet != 1:
            raise ValueError("a claimant is exactly one of actor, name, generic, outlet")
        return self


class GoldDate(_Strict):
    start: date
    end: date
    precision: Precision

    @model_validator(mode="after")
    def _ordered(self) -> GoldDate:
        if self.end < self.start:
            raise ValueError("event_date end is before start")
        return self


class GoldActor(_Strict):
    actor: str | None
    name: str
    role: Role
    span: Span


class GoldPlace(_Strict):
    place: str | None
    name: str
    span: Span
    kind: str | None = None
    governorate: str | None = None


class GoldFigure(_Strict):
    kind: FigureKind
    min: int | None
    max: int | None
    qualifier: Qualifier | None
    subset: bool = False
    span: Span
    surface: str = ""


class GoldClaim(_Strict):
    span: Span
    text: str
    claimant: GoldClaimant | None
    claimant_also: tuple[str, ...] = ()
    claimant_text: str = ""
    claimant_span: Span | None = None
    hedged: bool
    in_comments: bool = False
    event_date: GoldDate | None
    event_date_note: str = ""
    actors: tuple[GoldActor, ...] = ()
    places: tuple[GoldPlace, ...] = ()
    figures: tuple[GoldFigure, ...] = ()
    note: str = ""


class GoldFile(_Strict):
    document: GoldDocument
    annotator: str
    published: GoldPublished | None
    reference: date | None
    claims: tuple[GoldClaim, ...] = Field(default=())
    note: str = ""


def problems(gold: GoldFile) -> list[str]:
    """What is inconsistent in a parsed gold file (empty when it is sound)."""
    text = gold.document.text
    out: list[str] = []

    def span_ok(
        where: str, span: Span, expect: str | None = None, inside: Span | None = None
    ) -> None:
        s, e = span
        if inside is not None and not inside[0] <= s < e <= inside[1]:
            out.append(f"{where}: span {list(span)} is not inside the claim {list(inside)}")
        elif not 0 <= s < e <= len(text):
            out.append(f"{where}: span {list(span)} is outside the text (length {len(text)})")
        elif expect is not None and text[s:e] != expect:
            out.append(f"{where}: text[{s}:{e}] is {text[s:e]!r}, not {expect!r}")

    if gold.published is not None:
        span_ok("published", gold.published.span, gold.published.surface or None)
    for n, c in enumerate(gold.claims):
        at = f"claim {n} ({c.text[:40]!r})"
        span_ok(at, c.span, c.text)
        if c.claimant_span is not None:
            span_ok(f"{at} claimant_span", c.claimant_span, c.claimant_text or None)
        keys = [c.claimant.actor] if c.claimant and c.claimant.actor else []
        for key in (*keys, *c.claimant_also):
            if actor_entry(key) is None:
                out.append(f"{at}: claimant {key!r} is not a registry key")
        for a in c.actors:
            span_ok(f"{at} actor {a.name!r}", a.span, a.name, c.span)
            if a.actor is not None and actor_entry(a.actor) is None:
                out.append(f"{at}: actor {a.actor!r} is not a registry key")
        for p in c.places:
            span_ok(f"{at} place {p.name!r}", p.span, p.name, c.span)
            if p.place is not None and place_entry(p.place) is None:
                out.append(f"{at}: place {p.place!r} is not a gazetteer key")
            if p.place is None and not (p.kind and (p.governorate or p.kind == "country")):
                out.append(f"{at}: place {p.name!r} not in the gazetteer needs kind, governorate")
        for f in c.figures:
            span_ok(f"{at} figure", f.span, f.surface or None, c.span)
            if f.min is not None and f.max is not None and f.max < f.min:
                out.append(f"{at}: figure max < min")
    spans = sorted(c.span for c in gold.claims)
    for a, b in zip(spans, spans[1:], strict=False):
        if b[0] < a[1]:
            out.append(f"claims overlap: {list(a)} and {list(b)}")
    return out


def _load(path: Path, model: type[M], check: Callable[[M], list[str]]) -> M:
    """One file, parsed and checked; UsageError says what is wrong and where."""
    try:
        gold = model.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, ValidationError) as exc:
        raise UsageError(f"{path}: {exc}") from None
    found = check(gold)
    if found:
        raise UsageError(f"{path}: " + "; ".join(found))
    return gold


def load_gold(path: Path) -> GoldFile:
    """One gold claims file, parsed and checked."""
    return _load(path, GoldFile, problems)


def gold_files(path: Path) -> list[Path]:
    """A gold file, or the *.json files of a folder (sorted)."""
    if path.is_dir():
        files = sorted(path.glob("*.json"))
        if not files:
            raise UsageError(f"{path}: no gold files (*.json) in this folder")
        return files
    if not path.is_file():
        raise UsageError(f"{path}: no such file or folder")
    return [path]


# Relations between claims of two articles (docs/relations-annotation.md)

Relation = Literal["corroborates", "contradicts", "updates", "repeats", "related", "unrelated"]
Differs = Literal[
    "killed", "injured", "displaced", "date", "place", "actors", "control", "denial", "other"
]


class GoldSide(_Strict):
    span: Span
    text: str


class GoldPair(_Strict):
    a: GoldSide
    b: GoldSide
    same_event: bool
    relation: Relation
    differs: tuple[Differs, ...] = ()
    note: str = ""

    @model_validator(mode="after")
    def _consistent(self) -> GoldPair:
        if self.same_event == (self.relation == "unrelated"):
            raise ValueError("'unrelated' is exactly the relation of pairs not about one event")
        return self


class GoldRelations(_Strict):
    documents: dict[Literal["a", "b"], GoldDocument]
    annotator: str
    pairs: tuple[GoldPair, ...]
    note: str = ""


def relation_problems(gold: GoldRelations) -> list[str]:
    """What is inconsistent in a parsed relation file (empty when it is sound)."""
    out = []
    for n, p in enumerate(gold.pairs):
        for side, claim in (("a", p.a), ("b", p.b)):
            text = gold.documents[side].text
            s, e = claim.span
            if not 0 <= s < e <= len(text) or text[s:e] != claim.text:
                out.append(f"pair {n} side {side}: span {[s, e]} does not slice to its text")
    return out


def load_relations(path: Path) -> GoldRelations:
    """One gold relations file, parsed and checked."""
    return _load(path, GoldRelations, relation_problems)
