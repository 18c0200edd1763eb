"""actor and place links in claim order, with their dates

Issue 15: a page of claims in id order with an actor or a place and a date range merged
the dated links of every matching claim into one sorted list before it could return the
first 51 (Daesh + 6 months at 1M claims: 24,000 links, 15-20 ms on SQLite). With each
actor's and place's links in claim order, dates included, the page merges one index range
per id and stops after the page's claims (services/claim_query.Merge). The place index
replaces the one on (place_id, claim_id), which it serves as well.

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-30 17:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_DATES = ["claim_id", "event_date_start", "event_date_end"]


def upgrade() -> None:
    op.create_index("ix_claim_actor_actor_claim_dates", "claim_actor", ["actor_id", *_DATES])
    op.create_index("ix_claim_place_place_claim_dates", "claim_place", ["place_id", *_DATES])
    op.drop_index("ix_claim_place_place_claim", table_name="claim_place")


def downgrade() -> None:
    op.create_index("ix_claim_place_place_claim", "claim_place", ["place_id", "claim_id"])
    op.drop_index("ix_claim_place_place_claim_dates", table_name="claim_place")
    op.drop_index("ix_claim_actor_actor_claim_dates", table_name="claim_actor")
