"""actor and place links with their claim's event type

Issue 15: an actor or place with `event_type` checked the type on the claim, so every
linked claim was read (bbox Palmyra + shelling at 1M claims: 8,056 claims read for 220,
16 ms of the page on SQLite). The claim's event type is copied onto claim_actor and
claim_place like its dates (services/store.py keeps the copies in step), indexed after
the actor or place and before the claim in id order, so the links of one actor or place
and type are one index range, in the order a page walks. Existing links get their type
here.

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-30 20:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LINKS = {"claim_actor": "actor_id", "claim_place": "place_id"}


def upgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    for table, key in LINKS.items():
        op.add_column(table, sa.Column("event_type", sa.String(24), nullable=True))
        if postgres:
            op.execute(
                f"UPDATE {table} SET event_type = c.event_type "
                f"FROM claim AS c WHERE c.id = {table}.claim_id"
            )
        else:
            op.execute(
                f"UPDATE {table} SET event_type = "
                f"(SELECT c.event_type FROM claim AS c WHERE c.id = {table}.claim_id)"
            )
        op.create_index(
            f"ix_{table}_{key.removesuffix('_id')}_type", table, [key, "event_type", "claim_id"]
        )
        op.execute(f"ANALYZE {table}")


def downgrade() -> None:
    for table, key in LINKS.items():
        op.drop_index(f"ix_{table}_{key.removesuffix('_id')}_type", table_name=table)
        with op.batch_alter_table(table) as batch_op:
            batch_op.drop_column("event_type")
