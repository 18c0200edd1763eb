"""claim full-text search and query indexes

SQLite gets an FTS5 table kept in step with `claim` by triggers; PostgreSQL gets a
generated tsvector column with a GIN index. Both tokenise without stemming or accent
folding ('simple' / unicode61 remove_diacritics 0) so that a query finds the same
claims on either database.

Note: on SQLite, a later batch_alter_table("claim") recreates the table and drops these
triggers; such a migration must create them again.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21 06:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel  # noqa: F401
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SQLITE_UP = [
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
SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS claim_fts_update",
    "DROP TRIGGER IF EXISTS claim_fts_delete",
    "DROP TRIGGER IF EXISTS claim_fts_insert",
    "DROP TABLE IF EXISTS claim_fts",
]
# PostgreSQL's parser keeps some punctuation inside tokens (Syria’s, 3.5, URLs) where
# FTS5 splits; turning punctuation into spaces first leaves runs of letters and digits,
# which both engines tokenise the same way.
PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~’‘“”«»–—…•·′″„‚"
_SQL_PUNCTUATION = PUNCTUATION.replace("'", "''")
POSTGRES_UP = [
    f"""ALTER TABLE claim ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        to_tsvector('simple'::regconfig,
                    translate(text, '{_SQL_PUNCTUATION}', '{" " * len(PUNCTUATION)}'))
    ) STORED""",
    "CREATE INDEX ix_claim_search_vector ON claim USING gin (search_vector)",
]
POSTGRES_DOWN = [
    "DROP INDEX IF EXISTS ix_claim_search_vector",
    "ALTER TABLE claim DROP COLUMN IF EXISTS search_vector",
]


def upgrade() -> None:
    with op.batch_alter_table("source", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_source_published_on"), ["published_on"], unique=False)
    dialect = op.get_bind().dialect.name
    for statement in SQLITE_UP if dialect == "sqlite" else POSTGRES_UP:
        op.execute(sa.text(statement))


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    for statement in SQLITE_DOWN if dialect == "sqlite" else POSTGRES_DOWN:
        op.execute(sa.text(statement))
    with op.batch_alter_table("source", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_source_published_on"))
