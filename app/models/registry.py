"""The registry's tags: numbers the database draws anew whenever actors or places change."""

from __future__ import annotations

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

# the tables each tag follows: what a name's meaning is read from (app/services/resolve.py)
# and the gazetteer linking reads (app/services/claim_records.py); triggers on each table
# draw its tag anew on every write (migration 0018)
TAGGED = {"actors": ("actor", "actor_alias"), "places": ("place", "place_alias")}


class RegistryTag(SQLModel, table=True):
    """One row. Every insert, update or delete on an actor or an actor's alias draws a new
    random `actors`, on a place or a place's alias a new `places` (database triggers, so
    whoever writes: the API, an import, the registry sync, SQL by hand). The same tag means
    the same rows, in any transaction: a write rolled back leaves a tag that no state will
    have again, and neither will a database restored from a backup, or another database.
    What lets the query API keep resolved names, and linking its gazetteer, across requests
    and documents."""

    __tablename__ = "registry_tag"

    id: int = Field(default=1, primary_key=True)
    actors: int = Field(sa_type=sa.BigInteger)
    places: int = Field(sa_type=sa.BigInteger)
