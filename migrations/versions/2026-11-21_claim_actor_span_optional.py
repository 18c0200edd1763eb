"""claim actor span optional

An outlet speaking as the claimant is an actor of the claim with no span in the text.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-21 05:10:36.226548
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel  # noqa: F401  (autogenerate renders sqlmodel.sql.sqltypes.AutoString)
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("claim_actor", schema=None) as batch_op:
        batch_op.alter_column("char_start", existing_type=sa.INTEGER(), nullable=True)
        batch_op.alter_column("char_end", existing_type=sa.INTEGER(), nullable=True)


def downgrade() -> None:
    op.execute("DELETE FROM claim_actor WHERE char_start IS NULL OR char_end IS NULL")
    with op.batch_alter_table("claim_actor", schema=None) as batch_op:
        batch_op.alter_column("char_end", existing_type=sa.INTEGER(), nullable=False)
        batch_op.alter_column("char_start", existing_type=sa.INTEGER(), nullable=False)
