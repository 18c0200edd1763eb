"""The import's candidate search gives exactly what the plain computation gives.

`candidates` reads the windows of a whole document with a few range scans and hands each
row to the windows it lies in; `MemoryIndex` (what `rebuild` uses) scans window by window.
On real articles both must find the same neighbours for every claim.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

import sqlalchemy as sa
from sqlmodel import Session

from app.config import PROJECT_ROOT
from app.db import make_engine, migrate
from app.importer import run_import
from app.ingest import RawDocument, read_documents
from app.linking import ClaimRecord
from app.linking.pairs import link_pair
from app.linking.records import ActorRef, Claimant, PlaceRef
from app.models import Claim
from app.models.event import ClaimSlot
from app.services.claim_records import gazetteer, load_records
from app.services.linking_index import MemoryIndex, candidates, slots

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
                # what `rebuild` asks instead of keeping every pair it compared
                for other in records.values():
                    assert index.finds(r, other.id, places) == (other.id in batched[r.id])
        assert found_any > 100  # neighbours across articles were there to be found

    engine.dispose()


def test_an_attack_told_at_damascus_meets_one_in_eastern_ghouta(session: Session) -> None:
    """ "On the outskirts of Damascus" or "in Damascus" is often Eastern Ghouta, in Rif
    Dimashq: a claim placed at Damascus by its article and one in Eastern Ghouta the same
    day share an area, as evidence and in the index (either order); Aleppo stays apart."""
    places = gazetteer(session)
    by_name = {(r.name, r.kind): i for i, r in places.rows.items()}
    damascus = places.ref(by_name[("Damascus", "city")])
    ghouta = places.ref(by_name[("Eastern Ghouta", "region")])
    aleppo = places.ref(by_name[("Aleppo", "city")])
    army = ActorRef(5, "Syrian Arab Army", "agent", "armed_forces", (5, 6))
    day = date(2014, 3, 2)

    def claim(n: int, text: str, place: PlaceRef) -> ClaimRecord:
        return ClaimRecord(
            id=n, key=f"s{n}:0000000", source_id=n, source_key=f"s{n}", outlet=f"outlet{n}",
            published=day, start=0, end=len(text), text=text,
            claimant=Claimant(f"actor:{90 + n}", f"speaker {n}", 90 + n), hedged=False,
            in_comments=False, event_type="chemical_attack", date_start=day, date_end=day,
            precision="day", date_rule="own", places=(place,), places_inherited=True,
            actors=(army,),
        )  # fmt: skip

    told = claim(1, "Government forces fired gas shells at the suburbs on Sunday.", damascus)
    there = claim(2, "Activists said the army used gas in the Ghouta on Sunday.", ghouta)
    link = link_pair(told, there)
    assert link is not None and link.kind == "corroborates"
    for x, y in ((told, there), (there, told)):
        assert x.id in set(MemoryIndex(slots(x)).candidates(y, places))
    elsewhere = claim(3, "Government forces fired gas shells at the city on Sunday.", aleppo)
    assert link_pair(elsewhere, there) is None
    assert 3 not in set(MemoryIndex(slots(elsewhere)).candidates(there, places))


def test_a_city_named_as_its_province_may_mean_the_province(session: Session) -> None:
    """ "A gas attack in Idlib" may be in Khan Sheikhoun: a claim at the city named as its
    governorate and one at a town of that governorate are not two different places, as
    evidence and in the index (either order). A city of another name stays apart."""
    places = gazetteer(session)
    by_name = {(r.name, r.kind): i for i, r in places.rows.items()}
    idlib = places.ref(by_name[("Idlib", "city")])
    town = places.ref(by_name[("Khan Sheikhoun", "town")])
    douma = places.ref(by_name[("Douma", "city")])
    saqba = places.ref(by_name[("Saqba", "town")])
    air_force = ActorRef(7, "Syrian Arab Air Force", "agent", "armed_forces", (7, 6))
    day = date(2017, 4, 4)

    def claim(n: int, text: str, place: PlaceRef) -> ClaimRecord:
        return ClaimRecord(
            id=n, key=f"s{n}:0000000", source_id=n, source_key=f"s{n}", outlet=f"outlet{n}",
            published=day, start=0, end=len(text), text=text,
            claimant=Claimant(f"actor:{90 + n}", f"speaker {n}", 90 + n), hedged=False,
            in_comments=False, event_type="airstrike", date_start=day, date_end=day,
            precision="day", date_rule="own", places=(place,), actors=(air_force,),
        )  # fmt: skip

    city = claim(1, "Government jets struck in Idlib on Tuesday.", idlib)
    there = claim(2, "Government jets pounded the town on Tuesday.", town)
    link = link_pair(city, there)
    assert link is not None and link.kind == "corroborates"
    for x, y in ((city, there), (there, city)):
        assert x.id in set(MemoryIndex(slots(x)).candidates(y, places))
    other = claim(3, "Government jets struck in Douma on Tuesday.", douma)
    nearby = claim(4, "Government jets pounded the town on Tuesday.", saqba)
    assert link_pair(other, nearby) is None


def test_a_claim_of_an_article_without_a_date_is_found_either_way(session: Session) -> None:
    """A claim of an article that gives no date at all, naming its place and a day of the
    week, is filed for all days under its places: another article's claim there dated to
    one day finds it, and it finds that claim, whichever is imported first; a claim at a
    place of another governorate, or naming no day of the week, is not found."""
    places = gazetteer(session)
    by_name = {(r.name, r.kind): i for i, r in places.rows.items()}
    town = places.ref(by_name[("Khan Sheikhoun", "town")])
    idlib = places.ref(by_name[("Idlib", "city")])
    douma = places.ref(by_name[("Douma", "city")])
    day = date(2017, 4, 4)

    def claim(n: int, text: str, place: PlaceRef, dated: bool) -> ClaimRecord:
        return ClaimRecord(
            id=n, key=f"s{n}:0000000", source_id=n, source_key=f"s{n}", outlet=f"outlet{n}",
            published=day if dated else None, start=0, end=len(text), text=text,
            claimant=Claimant(f"actor:{90 + n}", f"speaker {n}", 90 + n), hedged=False,
            in_comments=False, event_type="airstrike", date_start=day if dated else None,
            date_end=day if dated else None, precision="day" if dated else None,
            date_rule="own" if dated else None, places=(place,),
        )  # fmt: skip

    dated = claim(1, "Warplanes struck Khan Sheikhoun in Idlib on Tuesday.", town, True)
    undated = claim(2, "Rebels vowed revenge for Tuesdays strike on Khan Sheikhun.", town, False)
    assert link_pair(dated, undated) is not None
    for x, y in ((dated, undated), (undated, dated)):
        assert x.id in set(MemoryIndex(slots(x)).candidates(y, places))
    province = claim(3, "Rebels vowed revenge for Tuesdays strike in Idlib.", idlib, False)
    assert 1 in set(MemoryIndex(slots(dated)).candidates(province, places))
    no_day = claim(5, "Rebels vowed revenge for the strike on Khan Sheikhun.", town, False)
    assert not slots(no_day) and 1 not in set(MemoryIndex(slots(dated)).candidates(no_day, places))
    far = claim(4, "Rebels vowed revenge for Tuesdays strike on Douma.", douma, False)
    assert 4 not in set(MemoryIndex(slots(far)).candidates(dated, places))
