"""entity curation

Issue 16, actors and places: what a person changed about the gazetteer and the actor
registry, so that syncing the shipped data (prepare, migrate, seed) never undoes it and
the next extraction uses it. `corrected_fields` lists the fields an editor set; alias
rows and places an editor added carry `added_by`; an actor merged into another keeps
its row as a tombstone pointing at it (`merged_into_id`). Columns only, added with
ALTER TABLE ADD COLUMN; `merged_into_id` has no foreign key (SQLite cannot add one
without copying the table): the merge, its one writer, checks the target exists.

Self-contained: it can be re-chained onto any revision after 0009.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-30 07:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("actor", sa.Column("merged_into_id", sa.Integer(), nullable=True))
    op.create_index(op.f("ix_actor_merged_into_id"), "actor", ["merged_into_id"])
    for table in ("actor", "place"):
        op.add_column(table, sa.Column("corrected_fields", sa.JSON(), nullable=True))
    for table in ("place", "actor_alias", "place_alias"):
        op.add_column(table, sa.Column("added_by", sa.String(64), nullable=True))


def downgrade() -> None:
    for table in ("place_alias", "actor_alias", "place"):
        op.drop_column(table, "added_by")
    for table in ("place", "actor"):
        op.drop_column(table, "corrected_fields")
    op.drop_index(op.f("ix_actor_merged_into_id"), table_name="actor")
    op.drop_column("actor", "merged_into_id")
