"""Synthetic claims at scale, for the index-use tests and the query benchmark.

Sources are made of generated sentences ("Islamic State shelled Palmyra on 2016-03-02.")
and each sentence is a claim whose span slices its source exactly, naming registry actors
and gazetteer places, so every filter has realistic, index-relevant data to work on.
The registry and gazetteer must already be in the database (claimdb migrate).
"""

from __future__ import annotations

import random
from datetime import date, timedelta

import sqlalchemy as sa
from sqlalchemy import Engine

from app.models import Claim, ClaimActor, ClaimFigure, ClaimPlace, Source
from app.models.base import utcnow
from app.services import search, store
from app.services.figures import figure_rows

VERBS = {
    "capture_territory": "captured",
    "shelling": "shelled",
    "airstrike": "bombed",
    "siege": "besieged",
    "battle": "attacked",
    "displacement": "forced residents out of",
    "casualties": "killed civilians in",
    "destruction": "destroyed buildings in",
}
OUTLETS = ["reuters", "sana", "sputnik", "alaraby", "ahram", "trt", "tass", "etilaf"]
PRECISIONS = [("day", 0), ("day", 0), ("day", 0), ("week", 6), ("month", 29), ("year", 364)]


def generate(engine: Engine, claims: int, *, per_source: int = 20, seed: int = 7) -> None:
    """Add `claims` synthetic claims (and their sources and links) to the database: the
    same texts on any database holding the same registry (rows are read in slug order)."""
    rng = random.Random(seed)
    counts = random.Random(seed + 1)  # its own stream: the claims stay as they were
    with engine.begin() as conn:
        actors = [
            tuple(r)
            for r in conn.execute(sa.text("SELECT id, name FROM actor WHERE curated ORDER BY slug"))
        ]
        speakers = list(
            conn.execute(
                sa.text("SELECT id FROM actor WHERE kind IN ('media', 'monitor') ORDER BY slug")
            ).scalars()
        )
        places = [
            tuple(r)
            for r in conn.execute(
                sa.text("SELECT id, name FROM place WHERE lat IS NOT NULL ORDER BY slug")
            )
        ]
        next_source = (conn.execute(sa.text("SELECT max(id) FROM source")).scalar() or 0) + 1
        next_claim = (conn.execute(sa.text("SELECT max(id) FROM claim")).scalar() or 0) + 1
    start = date(2011, 3, 15)
    made = 0
    while made < claims:
        sources, rows, actor_links, place_links, figures = [], [], [], [], []
        for _ in range(min(500, (claims - made + per_source - 1) // per_source)):
            sid, text, offset = next_source, [], 0
            published = start + timedelta(days=rng.randrange(3000))
            for _ in range(min(per_source, claims - made)):
                (agent_id, agent), (target_id, target) = rng.sample(actors, 2)
                claimant = rng.choice(speakers) if rng.random() < 0.4 else None
                place_id, place = rng.choice(places)
                event_type, verb = rng.choice(list(VERBS.items()))
                precision, span = rng.choice(PRECISIONS)
                day = published - timedelta(days=rng.randrange(30))
                sentence = f"{agent} {verb} {place} against {target}. "
                a0 = offset
                p0 = offset + len(agent) + 1 + len(verb) + 1
                t0 = p0 + len(place) + len(" against ")
                rows.append(
                    {
                        "id": next_claim,
                        "source_id": sid,
                        "text": sentence[:-1],
                        "char_start": offset,
                        "char_end": offset + len(sentence) - 1,
                        "claimant_id": claimant,
                        "claimant_text": OUTLETS[sid % len(OUTLETS)],
                        "hedged": rng.random() < 0.15,
                        "in_comments": rng.random() < 0.05,
                        "event_type": event_type,
                        "event_date_start": day,
                        "event_date_end": day + timedelta(days=span),
                        "event_date_precision": precision,
                        "quantities": [],
                    }
                )
                if event_type == "casualties":
                    killed = counts.randrange(1, 300)
                    rows[-1]["quantities"] = [
                        {"what": "killed", "value": killed, "value_min": killed,
                         "value_max": killed, "qualifier": None, "subset": False}
                    ]  # fmt: skip
                    if counts.random() < 0.1:
                        injured = counts.randrange(1, 100)
                        rows[-1]["quantities"].append(
                            {"what": "injured", "value": injured, "value_min": injured,
                             "value_max": injured, "qualifier": None, "subset": False}
                        )  # fmt: skip
                    figures += figure_rows(next_claim, rows[-1]["quantities"])
                if claimant is not None:  # named elsewhere: no span, like an outlet claimant
                    actor_links.append(
                        {
                            "claim_id": next_claim,
                            "actor_id": claimant,
                            "role": "claimant",
                            "char_start": None,
                            "char_end": None,
                        }
                    )
                actor_links += [
                    {
                        "claim_id": next_claim,
                        "actor_id": agent_id,
                        "role": "agent",
                        "char_start": a0,
                        "char_end": a0 + len(agent),
                    },
                    {
                        "claim_id": next_claim,
                        "actor_id": target_id,
                        "role": "target",
                        "char_start": t0,
                        "char_end": t0 + len(target),
                    },
                ]
                place_links.append(
                    {
                        "claim_id": next_claim,
                        "place_id": place_id,
                        "char_start": p0,
                        "char_end": p0 + len(place),
                    }
                )
                text.append(sentence)
                offset += len(sentence)
                next_claim += 1
                made += 1
            body = "".join(text)
            sources.append(
                {
                    "id": sid,
                    "origin": "synthetic",
                    "external_id": f"synthetic-{sid}",
                    "version": 1,
                    "title": f"Synthetic report {sid}",
                    "outlet": OUTLETS[sid % len(OUTLETS)],
                    "published_on": published,
                    "published_precision": "day",
                    "published_origin": "metadata",
                    "text": body,
                    "encoding": "utf-8",
                    "content_sha256": f"synthetic-{sid:054d}",
                    "extra": {},
                    "imported_at": utcnow(),
                    "extractor_version": "synthetic",
                }
            )
            next_source += 1
        with engine.begin() as conn:
            conn.execute(Source.__table__.insert(), sources)
            conn.execute(Claim.__table__.insert(), rows)
            conn.execute(ClaimActor.__table__.insert(), actor_links)
            conn.execute(ClaimPlace.__table__.insert(), place_links)
            if figures:
                conn.execute(ClaimFigure.__table__.insert(), figures)
            search.write_index(conn, [(r["id"], r["text"]) for r in rows])
            store.copy_claim_dates(conn, rows[0]["id"], rows[-1]["id"])  # issue 15: link dates
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":  # explicit ids do not advance the sequences
            for table in ("source", "claim", "claim_actor", "claim_place", "claim_figure"):
                conn.exec_driver_sql(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"(SELECT max(id) FROM {table}))"
                )
        conn.exec_driver_sql("ANALYZE")
