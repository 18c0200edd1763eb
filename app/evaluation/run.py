"""`claimdb eval`: extraction measured through a real import into a throwaway database.

Two measures, both reading back what an import stored (what the API would serve):

* against a labelled dataset (FA-KES): the primary place's governorate against the
  `location` label and the main event date against the `date` label (labels.py);
* against gold claim files (`--claims`, docs/annotation.md): claim precision and recall,
  each field's accuracy, and every error with what was expected (claims.py).
"""

from __future__ import annotations

import tempfile
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Engine
from sqlmodel import Session

from app.db import make_engine, migrate
from app.evaluation.claims import (
    SystemActor,
    SystemClaim,
    SystemDocument,
    SystemFigure,
    SystemPlace,
    Tally,
    score_document,
    summary,
)
from app.evaluation.gold import gold_files, load_gold
from app.evaluation.labels import Judged, main_event_date, parse_gold_date, score
from app.importer import BatchReport, run_import
from app.ingest import RawDocument, content_sha256, read_documents
from app.models import Actor, Claim, ClaimActor, ClaimPlace, Place, Source

# the claimant rules under which the outlet speaks, and under which nobody is named
_OUTLET_RULES = frozenset({"outlet"})
_NOBODY_RULES = frozenset({"passive", "comment"})


def _imported(items: Iterable[Any], origin: str, work: Any) -> tuple[BatchReport, Any]:
    """Import `items` into a fresh SQLite file, then call work(engine)."""
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'eval.sqlite3'}"
        migrate(url)
        engine = make_engine(url)
        try:
            report = run_import(items, origin=origin, engine=engine)
            return report, work(engine)
        finally:
            engine.dispose()


def _claim_rows(session: Session) -> dict[int, list[Claim]]:
    by_source: dict[int, list[Claim]] = defaultdict(list)
    for claim in session.execute(sa.select(Claim).order_by(Claim.char_start)).scalars():
        by_source[claim.source_id].append(claim)
    return by_source


def evaluate(path: Path, *, preset: str = "fakes", with_errors: bool = False) -> dict[str, Any]:
    """Governorate and main event date against a labelled dataset's `location`/`date`."""
    items = list(read_documents([path], preset=preset))  # UsageError before any work
    docs = [d for d in items if isinstance(d, RawDocument)]

    def read_back(engine: Engine) -> dict[str, tuple[Any, Any]]:
        with Session(engine) as session:
            claims = _claim_rows(session)
            found = {}
            for source_id, sha, governorate in session.execute(
                sa.select(Source.id, Source.content_sha256, Place.governorate).outerjoin(
                    Place, Place.id == Source.primary_place_id
                )
            ).all():
                main = main_event_date(
                    (c.char_start, c.in_comments, c.event_date_start, c.event_date_end)
                    for c in claims[source_id]
                )
                found[sha] = (main, governorate)
            return found

    report, found = _imported(items, f"eval {path}", read_back)
    judged = []
    for raw in docs:
        main, governorate = found.get(content_sha256(raw.text), (None, None))
        judged.append(
            Judged(
                gold_date=parse_gold_date(raw.extra.get("date", "")),
                found_start=main[0] if main else None,
                found_end=main[1] if main else None,
                gold_location=raw.extra.get("location", ""),
                found_governorate=governorate,
            )
        )
    result: dict[str, Any] = {
        "dataset": str(path),
        **score(judged),
        "failed": len(report.failed),
        "import_seconds": round(report.seconds, 2),
        "docs_per_second": round(len(docs) / report.seconds, 1) if report.seconds else None,
        "claims": report.claims,
    }
    if with_errors:
        result["errors"] = [
            {
                "external_id": raw.external_id,
                "gold_date": str(j.gold_date),
                "found_date": str(j.found_start) if j.found_start else None,
                "gold_location": j.gold_location,
                "found_governorate": j.found_governorate,
            }
            for raw, j in zip(docs, judged, strict=True)
            if not (j.date_exact and j.governorate_ok)
        ]
    return result


def _system_documents(engine: Engine) -> dict[str, SystemDocument]:
    """What the import stored, per external id, in the scorer's terms."""
    with Session(engine) as session:
        actors = {a.id: a for a in session.execute(sa.select(Actor)).scalars()}
        places = {p.id: p for p in session.execute(sa.select(Place)).scalars()}
        links: dict[int, list[ClaimActor]] = defaultdict(list)
        for link in session.execute(sa.select(ClaimActor)).scalars():
            links[link.claim_id].append(link)
        spots: dict[int, list[ClaimPlace]] = defaultdict(list)
        for link in session.execute(sa.select(ClaimPlace)).scalars():
            spots[link.claim_id].append(link)
        claims = _claim_rows(session)
        out = {}
        for source in session.execute(sa.select(Source)).scalars():
            from_text = source.published_origin == "text"
            out[source.external_id] = SystemDocument(
                published=source.published_on if from_text else None,
                published_precision=source.published_precision if from_text else None,
                claims=tuple(
                    _system_claim(c, actors, places, links[c.id], spots[c.id])
                    for c in claims[source.id]
                ),
            )
        return out


def _system_claim(
    c: Claim,
    actors: dict[int, Actor],
    places: dict[int, Place],
    links: list[ClaimActor],
    spots: list[ClaimPlace],
) -> SystemClaim:
    rule = (c.derivation or {}).get("claimant", {}).get("rule")
    claimant = actors.get(c.claimant_id) if c.claimant_id else None
    if rule in _OUTLET_RULES:
        kind = "outlet"
    elif rule in _NOBODY_RULES:
        kind = "none"
    else:
        kind = "actor" if claimant else "text"
    return SystemClaim(
        start=c.char_start,
        end=c.char_end,
        claimant_kind=kind,
        claimant_key=claimant.slug if claimant else None,
        claimant_name=claimant.name if claimant else None,
        hedged=c.hedged,
        date_start=c.event_date_start,
        date_end=c.event_date_end,
        actors=tuple(
            SystemActor(actors[a.actor_id].slug, actors[a.actor_id].name, a.role) for a in links
        ),
        places=tuple(
            SystemPlace(
                places[p.place_id].slug, places[p.place_id].name, places[p.place_id].governorate
            )
            for p in spots
        ),
        figures=tuple(
            SystemFigure(q["what"], q.get("value_min"), q.get("value_max"), q.get("subset", False))
            for q in c.quantities
        ),
        date_why=_date_why((c.derivation or {}).get("event_date")),
    )


def _date_why(why: dict[str, Any] | None) -> str | None:
    """The stored reason for a claim's date, as one line: "statement; cue: said on Tuesday"."""
    if not why:
        return None
    parts = [str(why["rule"])] + [f"{k}: {why[k]}" for k in ("cue", "anchor", "note") if why.get(k)]
    return "; ".join(parts)


def evaluate_claims(path: Path, *, with_errors: bool = False) -> dict[str, Any]:
    """Claims and their fields against gold claim files (a file or a folder of them)."""
    golds = [(f, load_gold(f)) for f in gold_files(path)]  # UsageError before any work
    report, system = _imported(
        (g.document.as_raw() for _, g in golds), f"eval {path}", _system_documents
    )
    tally = Tally()
    for f, gold in golds:
        doc = system.get(f"{gold.document.dataset}:{gold.document.id}")
        if doc is None:  # the same text twice among the gold files: scored once
            continue
        score_document(gold, doc, tally, f.stem)
    result: dict[str, Any] = {
        "gold": str(path),
        "documents": len(golds),
        **summary(tally),
        "failed": len(report.failed),
    }
    if with_errors:
        result["errors"] = tally.errors
    return result


def evaluate_relations(path: Path, *, with_errors: bool = False) -> dict[str, Any]:
    """Events and relations against gold claim pairs (a file or a folder of them)."""
    from app.evaluation import relations

    golds = relations.load(path)  # UsageError before any work
    docs = relations.documents([g for _, g in golds])
    report, system = _imported(docs, f"eval {path}", relations._system)
    result = {
        "gold": str(path),
        "files": len(golds),
        "documents": len(docs),
        **relations.score(golds, system),
        "failed": len(report.failed),
        "import_seconds": round(report.seconds, 2),
    }
    if not with_errors:
        result.pop("errors")
    return result
