"""the registry's tags, drawn anew by triggers on every write to actors, places and aliases

Resolving the query's names ("Daesh" to its actor and its affiliates, "Aleppo" to the
places inside it) was 0.7-0.9 ms of a 6-9 ms claims page at 100,000 claims, the same on
every request (issue #15). A tag that changes with every write to the tables a name is
read from lets the API keep what a name meant until then (app/services/resolve.py), and
linking its gazetteer (app/services/claim_records.py).

Note: on SQLite, a later batch_alter_table on one of these tables recreates it and drops
its triggers; such a migration must create them again (`create_triggers`).

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-03 18:30:00
"""

import secrets
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0018"
down_revision: str | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# each tag and the tables whose writes draw it (app/models/registry.py's TAGGED, as of now)
TAGGED = {"actors": ("actor", "actor_alias"), "places": ("place", "place_alias")}
EVENTS = ("insert", "update", "delete")
# random() is a signed 64-bit integer in SQLite, a float in [0, 1) in PostgreSQL
POSTGRES_FUNCTION = """CREATE FUNCTION registry_tag_draw_{tag}() RETURNS trigger AS $$
BEGIN
    UPDATE registry_tag SET {tag} = (random() * 9e18)::bigint;
    RETURN NULL;
END $$ LANGUAGE plpgsql"""


def create_triggers() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    for tag, tables in TAGGED.items():
        if postgres:
            op.execute(sa.text(POSTGRES_FUNCTION.format(tag=tag)))
        for table in tables:
            if postgres:
                op.execute(
                    sa.text(
                        f"CREATE TRIGGER registry_tag_{table} AFTER INSERT OR UPDATE OR DELETE "
                        f"OR TRUNCATE ON {table} FOR EACH STATEMENT "
                        f"EXECUTE FUNCTION registry_tag_draw_{tag}()"
                    )
                )
                continue
            for event in EVENTS:
                op.execute(
                    sa.text(
                        f"CREATE TRIGGER registry_tag_{table}_{event} AFTER {event.upper()} "
                        f"ON {table} BEGIN UPDATE registry_tag SET {tag} = random(); END"
                    )
                )


def drop_triggers() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    for tag, tables in TAGGED.items():
        for table in tables:
            if postgres:
                op.execute(sa.text(f"DROP TRIGGER IF EXISTS registry_tag_{table} ON {table}"))
            else:
                for event in EVENTS:
                    op.execute(sa.text(f"DROP TRIGGER IF EXISTS registry_tag_{table}_{event}"))
        if postgres:
            op.execute(sa.text(f"DROP FUNCTION IF EXISTS registry_tag_draw_{tag}()"))


def upgrade() -> None:
    table = op.create_table(
        "registry_tag",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("actors", sa.BigInteger(), nullable=False),
        sa.Column("places", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_registry_tag")),
    )
    op.bulk_insert(
        table, [{"id": 1, "actors": secrets.randbits(62), "places": secrets.randbits(62)}]
    )
    create_triggers()


def downgrade() -> None:
    drop_triggers()
    op.drop_table("registry_tag")
