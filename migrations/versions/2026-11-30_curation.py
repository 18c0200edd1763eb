"""curation

Issue 16: per-user API keys, the append-only revision table, the review status and the
corrections of each claim, and the soft delete of sources. `claim` only gains columns
(ALTER TABLE ADD COLUMN), so SQLite keeps the full-text triggers of revision 0002; the
downgrade drops them the same way (SQLite 3.35+), never by copying the table.

Independent of the tables of revision 0007 (figures, search): it can be re-chained onto it.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-30 04:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "api_key",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(64), nullable=False),
        sa.Column("role", sa.String(8), nullable=False),
        sa.Column("key_hash", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_api_key")),
        sa.UniqueConstraint("name", name=op.f("uq_api_key_name")),
        sa.UniqueConstraint("key_hash", name=op.f("uq_api_key_key_hash")),
    )
    op.create_table(
        "revision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("made_by", sa.String(64), nullable=False),
        sa.Column("entity_type", sa.String(8), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("before", sa.JSON(), nullable=True),
        sa.Column("after", sa.JSON(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_revision")),
    )
    op.create_index(op.f("ix_revision_at"), "revision", ["at"])
    op.create_index(op.f("ix_revision_made_by"), "revision", ["made_by"])
    op.create_index("ix_revision_entity", "revision", ["entity_type", "entity_id", "id"])
    for column in (
        sa.Column("review_status", sa.String(12), nullable=False, server_default="unreviewed"),
        sa.Column("reviewed_by", sa.String(64), nullable=True),
        sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("corrections", sa.JSON(), nullable=True),
    ):
        op.add_column("claim", column)
    op.create_index(op.f("ix_claim_review_status"), "claim", ["review_status"])
    op.add_column("source", sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True))
    op.add_column("source", sa.Column("corrected_fields", sa.JSON(), nullable=True))


def downgrade() -> None:
    op.drop_column("source", "corrected_fields")
    op.drop_column("source", "deleted_at")
    op.drop_index(op.f("ix_claim_review_status"), table_name="claim")
    for name in ("corrections", "reviewed_at", "reviewed_by", "review_status"):
        op.drop_column("claim", name)
    op.drop_index("ix_revision_entity", table_name="revision")
    op.drop_index(op.f("ix_revision_made_by"), table_name="revision")
    op.drop_index(op.f("ix_revision_at"), table_name="revision")
    op.drop_table("revision")
    op.drop_table("api_key")
