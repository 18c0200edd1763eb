"""import run status

Whether a run is still going, finished, was stopped by a database fault (disk full,
read-only) or was interrupted (its importer was killed), and which process runs it, so
that a later start can tell a dead run from a live one. Nullable columns, added without
rebuilding tables; existing runs are finished or, without finished_at, interrupted.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29 22:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("import_run", sa.Column("status", sa.String(length=16), nullable=True))
    op.add_column("import_run", sa.Column("host", sa.String(length=255), nullable=True))
    op.add_column("import_run", sa.Column("pid", sa.Integer(), nullable=True))
    op.execute(
        "UPDATE import_run SET status = CASE WHEN finished_at IS NULL "
        "THEN 'interrupted' ELSE 'finished' END"
    )


def downgrade() -> None:
    op.drop_column("import_run", "pid")
    op.drop_column("import_run", "host")
    op.drop_column("import_run", "status")
