"""Events and relations do not depend on the order sources arrive in, and rebuilding from
the claims gives what the imports built incrementally (and so does re-extraction).

The FA-KES dev half is imported into two databases, forwards and in a shuffled order;
events are compared as sets of claims (named by source content hash and offset, which
are the same in both databases) with their grades, relations with their kind and the
fields that differ.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy import Engine
from sqlmodel import Session

from app.config import PROJECT_ROOT
from app.db import make_engine, migrate, write_session
from app.importer import reextract, run_import
from app.ingest import RawDocument, read_documents
from app.models import Claim, Source
from app.models.event import ClaimRelation, Event, EventClaim
from app.services import events
from tests.conftest import create_database, drop_database

FAKES_DEV = PROJECT_ROOT / "tests" / "data" / "fakes" / "fakes_dev.csv"


def _claim_keys(session: Session) -> dict[int, str]:
    """Each claim's id -> a key that does not depend on import order (source hash, start)."""
    return {
        cid: f"{sha}:{start}"
        for cid, sha, start in session.execute(
            sa.select(Claim.id, Source.content_sha256, Claim.char_start).join(
                Source, Source.id == Claim.source_id
            )
        ).all()
    }


def snapshot(engine: Engine) -> tuple[set, set]:
    """(events as (frozenset of claim keys, grade, claimant count), relations as tuples)."""
    with Session(engine) as session:
        keys = _claim_keys(session)
        members: dict[int, set[str]] = {}
        for claim_id, event_id in session.execute(
            sa.select(EventClaim.claim_id, EventClaim.event_id)
        ).all():
            members.setdefault(event_id, set()).add(keys[claim_id])
        grades = {
            e.id: (e.grade, e.claimant_count, e.key)
            for e in session.execute(sa.select(Event)).scalars()
        }
        assert set(members) == set(grades), "every event has members, every member an event"
        evs = {(frozenset(m), *grades[i]) for i, m in members.items()}
        rels = {
            (keys[a], keys[b], kind, tuple(differ), reason.count(";"))
            for a, b, kind, differ, reason in session.execute(
                sa.select(
                    ClaimRelation.claim_a_id,
                    ClaimRelation.claim_b_id,
                    ClaimRelation.kind,
                    ClaimRelation.differ,
                    ClaimRelation.reason,
                )
            ).all()
        }
    return evs, rels


def _claims(engine: Engine, keys: set[str]) -> dict[str, str]:
    """A line per claim key: its source and the fields linking reads, to explain a diff."""
    out = {}
    with Session(engine) as session:
        rows = session.execute(
            sa.select(
                Source.content_sha256, Claim.char_start, Source.external_id, Source.outlet,
                Claim.event_type, Claim.event_date_start, Claim.event_date_end,
                Claim.claimant_text, Claim.quantities, Claim.text,
            ).join(Source, Source.id == Claim.source_id)
        ).all()  # fmt: skip
    for sha, start, ext, outlet, kind, d0, d1, said, figures, text in rows:
        key = f"{sha}:{start}"
        if key in keys:
            counts = [(q.get("what"), q.get("value")) for q in figures or ()]
            out[key] = (
                f"{key[:12]}..:{start} source {ext} ({outlet}) {kind} {d0}..{d1} "
                f"by {said!r} {counts} {text[:90]!r}"
            )
    return out


def _stored(engine: Engine, pairs: set[tuple[str, str]]) -> dict[str, str]:
    """For each claim pair (keys), the relation row one database holds (direct or through
    the event, with its reason), and for each of their claims the key of its event."""
    with Session(engine) as session:
        keys = _claim_keys(session)
        wanted = {k for pair in pairs for k in pair}
        ids = [cid for cid, key in keys.items() if key in wanted]
        out = {}
        for a, b, direct, reason in session.execute(
            sa.select(
                ClaimRelation.claim_a_id, ClaimRelation.claim_b_id, ClaimRelation.direct,
                ClaimRelation.reason,
            ).where(ClaimRelation.claim_a_id.in_(ids), ClaimRelation.claim_b_id.in_(ids))
        ).all():  # fmt: skip
            pair = tuple(sorted((keys[a], keys[b])))
            if pair in pairs:
                out[" ".join(pair)] = f"{'direct' if direct else 'in event'}: {reason[:300]}"
        for claim_id, event_key in session.execute(
            sa.select(EventClaim.claim_id, Event.key)
            .join(Event, Event.id == EventClaim.event_id)
            .where(EventClaim.claim_id.in_(ids))
        ).all():
            out[keys[claim_id]] = event_key
    return out


def explain(
    engines: tuple[Engine, Engine], rels_a: set, rels_b: set, events_a: set, events_b: set
) -> str:
    """The relations and events the two orders disagree on, readable: by claim pair, what
    each order stored (kind, fields that differ, number of reasons; direct or through the
    event, the reason, the claims' events), with the claims."""
    by_pair: dict[tuple[str, str], list[list]] = {}
    for n, rels in enumerate((rels_a - rels_b, rels_b - rels_a)):
        for a, b, kind, differ, reasons in rels:
            pair = tuple(sorted((a, b)))
            by_pair.setdefault(pair, [[], []])[n].append(
                f"{'a->b' if (a, b) == pair else 'b->a'} {kind} differ={list(differ)} "
                f"reasons={reasons + 1}"
            )
    claims = _claims(engines[0], {k for pair in by_pair for k in pair})
    stored = [_stored(engine, set(by_pair)) for engine in engines]
    lines = [f"{len(by_pair)} claim pairs relate differently (order A | order B):"]
    for a, b in sorted(by_pair):
        first, second = by_pair[(a, b)]
        lines += [
            f"- {' ; '.join(first) or '(none)'}  |  {' ; '.join(second) or '(none)'}",
            f"    a: {claims.get(a, a)}",
            f"    b: {claims.get(b, b)}",
        ]
        for name, rows in zip("AB", stored, strict=True):
            lines.append(
                f"    order {name}: {rows.get(f'{a} {b}', 'no relation')}; events "
                f"{rows.get(a, '-')[:20]} / {rows.get(b, '-')[:20]}"
            )
    only = [("A", events_a - events_b), ("B", events_b - events_a)]
    for name, evs in only:
        for members, *rest in sorted(evs, key=lambda e: sorted(e[0])):
            lines.append(f"event only in order {name}: {rest} {sorted(m[:12] for m in members)}")
    return "\n".join(lines)


@pytest.fixture
def second_url(backend: str, tmp_path: Path):
    url = create_database(backend, tmp_path)
    yield url
    drop_database(url)


def test_dev_half_in_two_orders_rebuild_and_reextract_agree(
    fresh_url: str, second_url: str
) -> None:
    docs = [d for d in read_documents([FAKES_DEV], preset="fakes") if isinstance(d, RawDocument)]
    shuffled = docs[:]
    random.Random(13).shuffle(shuffled)
    snapshots = []
    for url, order in ((fresh_url, docs), (second_url, shuffled)):
        migrate(url)
        engine = make_engine(url)
        report = run_import(order, origin="order test", engine=engine)
        assert not report.failed
        snapshots.append((engine, snapshot(engine)))
    (first, (events_a, rels_a)), (second, (events_b, rels_b)) = snapshots
    assert len(events_a) > 500 and any(len(m) > 2 for m, *_ in events_a)
    assert {k for _, _, k, _, _ in rels_a} >= {"corroborates", "contradicts", "related"}
    assert (rels_a, events_a) == (rels_b, events_b), explain(
        (first, second), rels_a, rels_b, events_a, events_b
    )

    with write_session(first) as session:
        events.rebuild(session)
        session.commit()
    assert snapshot(first) == (events_a, rels_a)

    summary = reextract(second, everything=True)
    assert summary["failed"] == 0
    assert snapshot(second) == (events_a, rels_a)
    for engine in (first, second):
        engine.dispose()
