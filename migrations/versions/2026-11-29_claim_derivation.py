"""claim derivation

How each field of a claim was decided (rule, cue, evidence span), kept beside the
claim. Added as a nullable column, so that on SQLite the table is not rebuilt (which
would drop the full-text triggers of revision 0002); older claims get it on reextract.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29 21:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("claim", sa.Column("derivation", sa.JSON(), nullable=True))


def downgrade() -> None:
    # a plain DROP COLUMN (SQLite >= 3.35), not a batch rebuild, for the same reason
    op.drop_column("claim", "derivation")
