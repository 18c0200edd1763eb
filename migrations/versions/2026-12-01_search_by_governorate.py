"""the full-text index files each claim under its places' governorates

`claim_fts` gains `areas`: one term per governorate of the claim's places
(app.services.search.area_token), so that `q=... & governorate=...` is answered by the
index alone (issue #15: at a million claims, q=besieged + governorate=Homs probed the
place links of 14,000 matches to keep 686). Stored claims are filed here from their place
links; the terms are computed in Python, as the application writes them.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-01 08:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# each claim's governorate terms, from a table of (governorate, term) made here
_AREAS_SQLITE = """
    SELECT cp.claim_id, group_concat(DISTINCT t.term) AS terms
    FROM claim_place cp JOIN place p ON p.id = cp.place_id
    JOIN area_term t ON t.governorate = p.governorate
    GROUP BY cp.claim_id"""


def _terms(conn: sa.Connection) -> list[dict[str, str]]:
    from app.services.search import area_token

    names = conn.execute(
        sa.text("SELECT DISTINCT governorate FROM place WHERE governorate IS NOT NULL")
    ).scalars()
    return [{"governorate": g, "term": area_token(g)} for g in names if area_token(g)]


def upgrade() -> None:
    conn = op.get_bind()
    op.execute("CREATE TEMPORARY TABLE area_term (governorate VARCHAR, term VARCHAR)")
    terms = _terms(conn)
    if terms:
        conn.execute(sa.text("INSERT INTO area_term VALUES (:governorate, :term)"), terms)
    if conn.dialect.name == "sqlite":
        # an FTS5 table takes no new column: it is written again, whole
        op.execute(
            "CREATE VIRTUAL TABLE claim_fts_new USING fts5(words, stems, areas, tokenize='ascii')"
        )
        op.execute(
            "INSERT INTO claim_fts_new (rowid, words, stems, areas) "
            "SELECT f.rowid, f.words, f.stems, coalesce(replace(a.terms, ',', ' '), '') "
            f"FROM claim_fts f LEFT JOIN ({_AREAS_SQLITE}) a ON a.claim_id = f.rowid"
        )
        op.execute("DROP TABLE claim_fts")
        op.execute("ALTER TABLE claim_fts_new RENAME TO claim_fts")
    else:
        op.execute("ALTER TABLE claim_fts ADD COLUMN areas tsvector NOT NULL DEFAULT ''")
        op.execute(
            "UPDATE claim_fts f SET areas = a.terms FROM ("
            "SELECT cp.claim_id, array_to_tsvector(array_agg(DISTINCT t.term)) AS terms "
            "FROM claim_place cp JOIN place p ON p.id = cp.place_id "
            "JOIN area_term t ON t.governorate = p.governorate GROUP BY cp.claim_id"
            ") a WHERE a.claim_id = f.claim_id"
        )
        op.execute("ALTER TABLE claim_fts ALTER COLUMN areas DROP DEFAULT")
        op.execute("CREATE INDEX claim_fts_areas_idx ON claim_fts USING gin (areas)")
        op.execute("ANALYZE claim_fts")  # the planner weighs the new index by these
    op.execute("DROP TABLE area_term")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("CREATE VIRTUAL TABLE claim_fts_old USING fts5(words, stems, tokenize='ascii')")
        op.execute(
            "INSERT INTO claim_fts_old (rowid, words, stems) SELECT rowid, words, stems FROM claim_fts"
        )
        op.execute("DROP TABLE claim_fts")
        op.execute("ALTER TABLE claim_fts_old RENAME TO claim_fts")
    else:
        op.execute("DROP INDEX IF EXISTS claim_fts_areas_idx")
        op.execute("ALTER TABLE claim_fts DROP COLUMN areas")
