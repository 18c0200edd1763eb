"""query layout for the standard filters

Issue 15: the claim's event dates and the class of their span copied onto claim_actor
and claim_place, indexed after the actor or place, so that an actor or place with a date
range is one index range per span class (models/links.py SPAN_CLASSES; services/store.py
keeps the copies in step); and composite indexes on claim for
claimant + event type and event type in id order (deep pages of one type are an index
range), which replace the single-column indexes on event_type and claimant_id; and a
partial index of the deleted sources, which every claim list leaves out (without it each
list read every source's row, text included: 70 ms at 50,000 sources). Existing links
get their dates here. `claim` gains indexes only, so SQLite keeps
the full-text triggers of revision 0002.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-30 18:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LINKS = {"claim_actor": "actor_id", "claim_place": "place_id"}
SPAN_CLASSES = (7, 31, 366)  # then the rest (models/links.py, as of this revision)


def _span(days: str) -> str:
    whens = " ".join(f"WHEN {days} <= {most} THEN {i}" for i, most in enumerate(SPAN_CLASSES))
    return f"CASE WHEN c.event_date_start IS NULL THEN NULL {whens} ELSE {len(SPAN_CLASSES)} END"


CLAIM_INDEXES = {
    "ix_claim_claimant_type": ["claimant_id", "event_type", "id"],
    "ix_claim_type_id": ["event_type", "id"],
}
REPLACED = {"ix_claim_event_type": "event_type", "ix_claim_claimant_id": "claimant_id"}


def upgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    for table, key in LINKS.items():
        op.add_column(table, sa.Column("event_date_start", sa.Date(), nullable=True))
        op.add_column(table, sa.Column("event_date_end", sa.Date(), nullable=True))
        op.add_column(table, sa.Column("event_span", sa.SmallInteger(), nullable=True))
        if postgres:
            span = _span("(c.event_date_end - c.event_date_start)")
            op.execute(
                f"UPDATE {table} SET event_date_start = c.event_date_start, "
                f"event_date_end = c.event_date_end, event_span = {span} "
                f"FROM claim AS c WHERE c.id = {table}.claim_id"
            )
        else:
            span = _span("(julianday(c.event_date_end) - julianday(c.event_date_start))")
            op.execute(
                f"UPDATE {table} SET (event_date_start, event_date_end, event_span) = "
                f"(SELECT c.event_date_start, c.event_date_end, {span} "
                f"FROM claim AS c WHERE c.id = {table}.claim_id)"
            )
        op.create_index(
            f"ix_{table}_{key.removesuffix('_id')}_dates",
            table,
            [key, "event_span", "event_date_start", "event_date_end", "claim_id"],
        )
    for name, columns in CLAIM_INDEXES.items():
        op.create_index(name, "claim", columns)
    for name in REPLACED:
        op.drop_index(name, table_name="claim")
    deleted = sa.text("deleted_at IS NOT NULL")
    op.create_index(
        "ix_source_deleted", "source", ["id"], sqlite_where=deleted, postgresql_where=deleted
    )
    if postgres:
        op.execute("ANALYZE claim_actor")
        op.execute("ANALYZE claim_place")
        op.execute("ANALYZE claim")
    else:
        op.execute("ANALYZE")


def downgrade() -> None:
    op.drop_index("ix_source_deleted", table_name="source")
    for name, column in REPLACED.items():
        op.create_index(name, "claim", [column])
    for name in CLAIM_INDEXES:
        op.drop_index(name, table_name="claim")
    for table, key in LINKS.items():
        op.drop_index(f"ix_{table}_{key.removesuffix('_id')}_dates", table_name=table)
        with op.batch_alter_table(table) as batch_op:
            batch_op.drop_column("event_span")
            batch_op.drop_column("event_date_end")
            batch_op.drop_column("event_date_start")
