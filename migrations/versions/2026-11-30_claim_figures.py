"""claim figures

Each quantity of a claim (claim.quantities, JSON) also as a row of claim_figure, so that
figures are filtered and summed as numbers (issue 14). Existing claims get their rows
here, from their stored quantities. A new table only: `claim` is not altered, so SQLite
keeps the full-text triggers of revision 0002.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30 12:00:00
"""

import json
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BATCH = 2000


def upgrade() -> None:
    figure = op.create_table(
        "claim_figure",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(12), nullable=False),
        sa.Column("value", sa.Integer(), nullable=True),
        sa.Column("value_min", sa.Integer(), nullable=True),
        sa.Column("value_max", sa.Integer(), nullable=True),
        sa.Column("qualifier", sa.String(12), nullable=True),
        sa.Column("subset", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["claim_id"], ["claim.id"], name="fk_claim_figure_claim_id_claim", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_claim_figure"),
    )
    op.create_index("ix_claim_figure_claim_id", "claim_figure", ["claim_id"])
    op.create_index("ix_claim_figure_kind_value", "claim_figure", ["kind", "value", "claim_id"])
    _fill(op.get_bind(), figure)


def _fill(conn: sa.Connection, figure: sa.Table) -> None:
    """Rows for the claims already stored, a batch of claims at a time."""
    claim = sa.table("claim", sa.column("id", sa.Integer), sa.column("quantities", sa.JSON))
    last = 0
    while True:
        batch = conn.execute(
            sa.select(claim.c.id, claim.c.quantities)
            .where(claim.c.id > last)
            .order_by(claim.c.id)
            .limit(BATCH)
        ).all()
        if not batch:
            return
        rows = []
        for claim_id, quantities in batch:
            if isinstance(quantities, str):
                quantities = json.loads(quantities)
            rows += [
                {
                    "claim_id": claim_id,
                    "kind": q["what"],
                    "value": q.get("value"),
                    "value_min": q.get("value_min"),
                    "value_max": q.get("value_max"),
                    "qualifier": q.get("qualifier"),
                    "subset": bool(q.get("subset")),
                }
                for q in quantities or ()
            ]
        if rows:
            conn.execute(figure.insert(), rows)
        last = batch[-1].id


def downgrade() -> None:
    op.drop_index("ix_claim_figure_kind_value", table_name="claim_figure")
    op.drop_index("ix_claim_figure_claim_id", table_name="claim_figure")
    op.drop_table("claim_figure")
