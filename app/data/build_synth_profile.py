"""Regenerate synth_profile.jsonl.gz, the real claims that `claimdb synth` resamples.

Run from the repository root:  python app/data/build_synth_profile.py
(after a change to extraction, the registry or the gazetteer that changes what the seeds
and the FA-KES dev half extract to; takes about 30 s).

It imports seeds/ and tests/data/fakes/fakes_dev.csv into a temporary SQLite database
with `claimdb seed` and `claimdb import` (the real extraction, as a user's import runs
it), then writes one line per extracted claim: its text, claimant, hedging, event type,
event date as days from its source's publication date (with span and precision), its
quantities, and its actors and places by registry slug with spans relative to the claim.
Actors the extraction created outside the curated registry are left out (a fresh
database does not have them), and so are the spans of claimants named outside the claim; so are sources without a publication date, as their claims'
dates cannot be moved with them. The first line describes the file. Gzipped (2.4 MB of
JSON Lines, 0.4 MB packed): read it with `zcat`.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

import sqlalchemy as sa

ROOT = Path(__file__).resolve().parents[2]
OUT = Path(__file__).with_name("synth_profile.jsonl.gz")
FAKES = ROOT / "tests" / "data" / "fakes" / "fakes_dev.csv"


def _claimdb(url: str, *args: str) -> None:
    env = {**os.environ, "CLAIMDB_DATABASE_URL": url}
    subprocess.run(
        [sys.executable, "-c", "from app.cli import main; main()", *args],
        check=True,
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
    )


def _date(value: object) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _actor(a: sa.Row, start: int, end: int) -> list[object]:
    """An actor link relative to its claim. A claimant named outside the claim (in the
    sentence before) keeps no span: moved to another text, it would point at other words;
    that is how a claimant named elsewhere is stored anyway."""
    inside = a.char_start is not None and start <= a.char_start and a.char_end <= end
    if not inside:
        return [a.slug, a.role, None, None]
    return [a.slug, a.role, a.char_start - start, a.char_end - start]


def templates(url: str) -> list[dict[str, object]]:
    """One dict per claim of the database at `url`, in (source, span) order."""
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        actors: dict[int, list] = {}
        for r in conn.execute(
            sa.text(
                "SELECT ca.claim_id, a.slug, ca.role, ca.char_start, ca.char_end "
                "FROM claim_actor ca JOIN actor a ON a.id = ca.actor_id "
                "WHERE a.curated ORDER BY ca.claim_id, ca.id"
            )
        ):
            actors.setdefault(r.claim_id, []).append(r)
        places: dict[int, list] = {}
        for r in conn.execute(
            sa.text(
                "SELECT cp.claim_id, p.slug, cp.char_start, cp.char_end "
                "FROM claim_place cp JOIN place p ON p.id = cp.place_id "
                "ORDER BY cp.claim_id, cp.id"
            )
        ):
            places.setdefault(r.claim_id, []).append(r)
        rows = conn.execute(
            sa.text(
                "SELECT c.id, c.text, c.char_start, c.char_end, c.claimant_text, c.hedged, c.in_comments, "
                "c.event_type, c.event_date_start, c.event_date_end, c.event_date_precision, "
                "c.quantities, a.slug AS claimant, s.outlet, s.published_on "
                "FROM claim c JOIN source s ON s.id = c.source_id "
                "LEFT JOIN actor a ON a.id = c.claimant_id AND a.curated "
                "WHERE s.published_on IS NOT NULL AND c.review_status != 'rejected' "
                "ORDER BY s.external_id, c.char_start"
            )
        ).all()
    engine.dispose()
    out = []
    for c in rows:
        published = _date(c.published_on)
        when = None
        if c.event_date_start is not None:
            start, end = _date(c.event_date_start), _date(c.event_date_end)
            when = [(start - published).days, (end - start).days, c.event_date_precision]
        quantities = json.loads(c.quantities) if isinstance(c.quantities, str) else c.quantities
        for q in quantities:  # spans relative to the claim, like the links below
            if q.get("char_start") is not None:
                q["char_start"] -= c.char_start
                q["char_end"] -= c.char_start
                if q["char_start"] < 0 or q["char_end"] > len(c.text):
                    q["char_start"] = q["char_end"] = None
        out.append(
            {
                "outlet": c.outlet,
                "published": published.isoformat(),
                "text": c.text,
                "claimant": c.claimant,
                "claimant_text": c.claimant_text,
                "hedged": bool(c.hedged),
                "in_comments": bool(c.in_comments),
                "event_type": c.event_type,
                "date": when,
                "quantities": quantities,
                "actors": [_actor(a, c.char_start, c.char_end) for a in actors.get(c.id, [])],
                "places": [
                    [p.slug, p.char_start - c.char_start, p.char_end - c.char_start]
                    for p in places.get(c.id, [])
                ],
            }
        )
    return out


def main(out: Path = OUT) -> None:
    from app.extraction import EXTRACTOR_VERSION

    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'real.sqlite3'}"
        _claimdb(url, "seed")
        _claimdb(url, "import", str(FAKES), "--preset", "fakes")
        found = templates(url)
    header = {
        "about": "Real extracted claims that `claimdb synth` resamples (app/synth.py); "
        "regenerate with python app/data/build_synth_profile.py",
        "built_from": ["seeds/", "tests/data/fakes/fakes_dev.csv"],
        "extractor_version": EXTRACTOR_VERSION,
        "claims": len(found),
    }
    # mtime=0: the same claims give the same bytes, so a rebuild shows as no change in git
    with gzip.GzipFile(out, "wb", mtime=0) as packed, io.TextIOWrapper(packed, "utf-8") as f:
        for line in [header, *found]:
            f.write(json.dumps(line, ensure_ascii=False, separators=(",", ":")) + "\n")
    print(f"wrote {len(found)} claims to {out}")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
