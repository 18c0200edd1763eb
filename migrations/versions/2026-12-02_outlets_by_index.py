"""an index of the sources' outlets

`outlet=` and `/outlets` list the outlet strings the sources hold (services/outlets.py),
which read every source's row, text included: 31-66 ms a request at 50,000 sources
(issue #15's breakdown, `outlet + hedged`). The index answers the same grouped read from
the outlets alone (2 ms).

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-02 18:40:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_source_outlet", "source", ["outlet"])


def downgrade() -> None:
    op.drop_index("ix_source_outlet", table_name="source")
