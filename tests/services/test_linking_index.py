"""The import's candidate search gives exactly what the plain computation gives.

`candidates` reads the windows of a whole document with a few range scans and hands each
row to the windows it lies in; `MemoryIndex` (what `rebuild` uses) scans window by window.
On real articles both must find the same neighbours for every claim.
"""

from __future__ import annotations

from collections import defaultdict

import sqlalchemy as sa
from sqlmodel import Session

from app.config import PROJECT_ROOT
from app.db import make_engine, migrate
from app.importer import run_import
from app.ingest import RawDocument, read_documents
from app.models import Claim
from app.models.event import ClaimSlot
from app.services.claim_records import gazetteer, load_records
from app.services.linking_index import MemoryIndex, candidates

FAKES_DEV = PROJECT_ROOT / "tests" / "data" / "fakes" / "fakes_dev.csv"


def test_batched_scans_find_what_one_scan_per_window_finds(fresh_url: str) -> None:
    docs = [d for d in read_documents([FAKES_DEV], preset="fakes") if isinstance(d, RawDocument)]
    migrate(fresh_url)
    engine = make_engine(fresh_url)
    assert not run_import(docs[:80], origin="index test", engine=engine, workers=0).failed
    with Session(engine) as session:
        places = gazetteer(session)
        ids = session.execute(sa.select(Claim.id)).scalars().all()
        records = load_records(session, ids, places)
        slot_rows = [dict(r._mapping) for r in session.execute(sa.select(ClaimSlot.__table__))]
        index = MemoryIndex(slot_rows)
        by_source = defaultdict(list)
        for r in records.values():
            by_source[r.source_id].append(r)
        found_any = 0
        for group in by_source.values():
            batched = candidates(session, group, places)
            for r in group:
                assert batched[r.id] == set(index.candidates(r, places)), r.key
                found_any += len(batched[r.id] - {r.id})
        assert found_any > 100  # neighbours across articles were there to be found

    engine.dispose()
