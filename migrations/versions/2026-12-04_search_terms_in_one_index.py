"""PostgreSQL: the full-text index's three columns in one GIN index

`q=... & governorate=...` asks `claim_fts` for its `stems` and its `areas` at once. With a
GIN index per column, PostgreSQL built a bitmap of each (the governorate's 34,000 claims at
a million, 7 ms) and intersected them; one GIN index over (words, stems, areas) answers both
conditions in one scan, skipping through the larger posting list by the smaller one
(issue #15: q=besieged + governorate=Homs at 1,000,000 claims, in-process p50 17.7 -> 11.2
ms, side by side; bench/RESULTS.md). A query on one column is answered as before (GIN's
search is as good on any subset of its columns), and the one index is smaller than the
three (127 MB against 169 MB at a million claims). SQLite's FTS5 table is unchanged.

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-04 15:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0019"
down_revision: str | None = "0018"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_SINGLE = ("words", "stems", "areas")


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("CREATE INDEX claim_fts_terms_idx ON claim_fts USING gin (words, stems, areas)")
    for column in _SINGLE:
        op.execute(f"DROP INDEX IF EXISTS claim_fts_{column}_idx")
    op.execute("ANALYZE claim_fts")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for column in _SINGLE:
        op.execute(f"CREATE INDEX claim_fts_{column}_idx ON claim_fts USING gin ({column})")
    op.execute("DROP INDEX IF EXISTS claim_fts_terms_idx")
