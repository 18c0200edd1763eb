"""events and relations

Cross-source analysis (issue 13): events grouping claims about one incident, relations
between claims with their reasons, the linking index (claim_slot) that finds candidate
neighbours by governorate and date, and framing counts. New tables only: `claim` is not
altered, so SQLite keeps the full-text triggers of revision 0002.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30 09:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(80), nullable=False),
        sa.Column("event_type", sa.String(24), nullable=False),
        sa.Column("date_start", sa.Date(), nullable=True),
        sa.Column("date_end", sa.Date(), nullable=True),
        sa.Column("date_precision", sa.String(8), nullable=True),
        sa.Column("place_id", sa.Integer(), nullable=True),
        sa.Column("grade", sa.String(16), nullable=False),
        sa.Column("grade_reason", sa.Text(), nullable=False),
        sa.Column("claim_count", sa.Integer(), nullable=False),
        sa.Column("source_count", sa.Integer(), nullable=False),
        sa.Column("claimant_count", sa.Integer(), nullable=False),
        sa.Column("figures", sa.JSON(), nullable=False),
        sa.Column("claimants", sa.JSON(), nullable=False),
        sa.Column("actors", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["place_id"], ["place.id"], name="fk_event_place_id_place"),
        sa.PrimaryKeyConstraint("id", name="pk_event"),
    )
    op.create_index("ix_event_key", "event", ["key"])
    op.create_index("ix_event_grade", "event", ["grade"])
    op.create_index("ix_event_source_count", "event", ["source_count"])
    op.create_index("ix_event_dates", "event", ["date_start", "date_end"])

    op.create_table(
        "event_claim",
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("corroborated_by", sa.Integer(), nullable=False),
        sa.Column("contradicted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["claim_id"], ["claim.id"], name="fk_event_claim_claim_id_claim", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["event_id"], ["event.id"], name="fk_event_claim_event_id_event", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("claim_id", name="pk_event_claim"),
    )
    op.create_index("ix_event_claim_event_id", "event_claim", ["event_id"])
    op.create_index("ix_event_claim_corroborated_by", "event_claim", ["corroborated_by"])
    op.create_index("ix_event_claim_contradicted", "event_claim", ["contradicted"])

    op.create_table(
        "claim_relation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("claim_a_id", sa.Integer(), nullable=False),
        sa.Column("claim_b_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("direct", sa.Boolean(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("agree", sa.JSON(), nullable=False),
        sa.Column("differ", sa.JSON(), nullable=False),
        sa.Column("detail", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["claim_a_id"], ["claim.id"], name="fk_claim_relation_claim_a_id_claim",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["claim_b_id"], ["claim.id"], name="fk_claim_relation_claim_b_id_claim",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_claim_relation"),
        sa.UniqueConstraint(
            "claim_a_id", "claim_b_id", name="uq_claim_relation_claim_a_id_claim_b_id"
        ),
    )  # fmt: skip
    op.create_index("ix_claim_relation_claim_b_id", "claim_relation", ["claim_b_id"])
    op.create_index("ix_claim_relation_kind", "claim_relation", ["kind"])

    op.create_table(
        "claim_slot",
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.Integer(), nullable=False),
        sa.Column("area_id", sa.Integer(), nullable=False),
        sa.Column("day_start", sa.Date(), nullable=False),
        sa.Column("day_end", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(
            ["claim_id"], ["claim.id"], name="fk_claim_slot_claim_id_claim", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("claim_id", "kind", "area_id", name="pk_claim_slot"),
    )
    op.create_index(
        "ix_claim_slot_kind_area_day",
        "claim_slot",
        ["kind", "area_id", "day_start", "day_end", "claim_id"],
    )

    op.create_table(
        "framing",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=False),
        sa.Column("term", sa.String(32), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("char_start", sa.Integer(), nullable=False),
        sa.Column("char_end", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["source_id"], ["source.id"], name="fk_framing_source_id_source", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["actor_id"], ["actor.id"], name="fk_framing_actor_id_actor"),
        sa.PrimaryKeyConstraint("id", name="pk_framing"),
    )
    op.create_index("ix_framing_source_id", "framing", ["source_id"])
    op.create_index("ix_framing_actor_term", "framing", ["actor_id", "term"])


def downgrade() -> None:
    for table in ("framing", "claim_slot", "claim_relation", "event_claim", "event"):
        op.drop_table(table)
