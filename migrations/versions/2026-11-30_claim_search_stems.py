"""claim search with stems

Full-text search that stems (terrorist finds terrorists) with the same answers on both
databases: words are split and stemmed in Python (app.services.search) and each engine
indexes them as given, in a `claim_fts` table written with the claims, instead of each
engine tokenising `claim.text` itself (revision 0002: FTS5 triggers on SQLite, a generated
tsvector column on PostgreSQL). Existing claims are indexed here, with the search rules
of the code that runs this migration.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30 13:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BATCH = 2000

SQLITE_0002_DOWN = [
    "DROP TRIGGER IF EXISTS claim_fts_update",
    "DROP TRIGGER IF EXISTS claim_fts_delete",
    "DROP TRIGGER IF EXISTS claim_fts_insert",
    "DROP TABLE IF EXISTS claim_fts",
]
# the ascii tokenizer splits at ASCII punctuation and spaces only: exactly at the spaces
# between the words app.services.search wrote
SQLITE_UP = ["CREATE VIRTUAL TABLE claim_fts USING fts5(words, stems, tokenize='ascii')"]
POSTGRES_UP = [
    "DROP INDEX IF EXISTS ix_claim_search_vector",
    "ALTER TABLE claim DROP COLUMN IF EXISTS search_vector",
    """CREATE TABLE claim_fts (
        claim_id INTEGER PRIMARY KEY REFERENCES claim (id) ON DELETE CASCADE,
        words tsvector NOT NULL,
        stems tsvector NOT NULL)""",
    "CREATE INDEX claim_fts_words_idx ON claim_fts USING gin (words)",
    "CREATE INDEX claim_fts_stems_idx ON claim_fts USING gin (stems)",
]

# revision 0002's objects, for the way down
SQLITE_0002_UP = [
    """CREATE VIRTUAL TABLE claim_fts USING fts5(
        text, content='claim', content_rowid='id', tokenize='unicode61 remove_diacritics 0')""",
    """CREATE TRIGGER claim_fts_insert AFTER INSERT ON claim BEGIN
        INSERT INTO claim_fts(rowid, text) VALUES (new.id, new.text); END""",
    """CREATE TRIGGER claim_fts_delete AFTER DELETE ON claim BEGIN
        INSERT INTO claim_fts(claim_fts, rowid, text) VALUES ('delete', old.id, old.text); END""",
    """CREATE TRIGGER claim_fts_update AFTER UPDATE OF text ON claim BEGIN
        INSERT INTO claim_fts(claim_fts, rowid, text) VALUES ('delete', old.id, old.text);
        INSERT INTO claim_fts(rowid, text) VALUES (new.id, new.text); END""",
    "INSERT INTO claim_fts(claim_fts) VALUES ('rebuild')",
]
PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~’‘“”«»–—…•·′″„‚"
_SQL_PUNCTUATION = PUNCTUATION.replace("'", "''")
POSTGRES_0002_UP = [
    "DROP TABLE IF EXISTS claim_fts",
    f"""ALTER TABLE claim ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        to_tsvector('simple'::regconfig,
                    translate(text, '{_SQL_PUNCTUATION}', '{" " * len(PUNCTUATION)}'))
    ) STORED""",
    "CREATE INDEX ix_claim_search_vector ON claim USING gin (search_vector)",
]


def _write_index(conn: sa.Connection, claims: list[tuple[int, str]]) -> None:
    """Index rows as this revision's table holds them (words, stems: revision 0015 adds
    the governorates)."""
    from app.services.search import stored_terms

    if conn.dialect.name == "postgresql":
        sql = (
            "INSERT INTO claim_fts (claim_id, words, stems) "
            "VALUES (%s, CAST(%s AS tsvector), CAST(%s AS tsvector))"
        )
    else:
        sql = "INSERT INTO claim_fts (rowid, words, stems) VALUES (?, ?, ?)"
    rows = [(i, *stored_terms(conn.dialect.name, text)) for i, text in claims]
    if rows:
        conn.exec_driver_sql(sql, rows)


def upgrade() -> None:

    conn = op.get_bind()
    sqlite = conn.dialect.name == "sqlite"
    for statement in SQLITE_0002_DOWN + SQLITE_UP if sqlite else POSTGRES_UP:
        op.execute(sa.text(statement))
    claim = sa.table("claim", sa.column("id", sa.Integer), sa.column("text", sa.Text))
    last = 0
    while batch := conn.execute(
        sa.select(claim.c.id, claim.c.text)
        .where(claim.c.id > last)
        .order_by(claim.c.id)
        .limit(BATCH)
    ).all():
        _write_index(conn, [(row.id, row.text) for row in batch])
        last = batch[-1].id


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    for statement in (
        (["DROP TABLE IF EXISTS claim_fts"] + SQLITE_0002_UP) if sqlite else POSTGRES_0002_UP
    ):
        op.execute(sa.text(statement))
