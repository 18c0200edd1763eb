"""Alembic environment: the URL comes from the caller or from CLAIMDB_DATABASE_URL."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

import app.models  # noqa: F401  (registers every table on the metadata)
from app.config import settings
from app.db import is_sqlite, make_engine
from app.models import SQLModel

config = context.config
target_metadata = SQLModel.metadata

# Full-text search objects the migrations create by hand, per dialect, with no model:
# the claim_fts table (SQLite: an FTS5 table and its shadow tables; PostgreSQL: tsvectors
# and their claim_fts_* GIN indexes), and before revision 0008 PostgreSQL's generated
# claim.search_vector column and its GIN index. `alembic check` must leave them alone.
UNMANAGED_PREFIXES = ("claim_fts", "search_vector", "ix_claim_search_vector")


def include_object(obj, name, type_, reflected, compare_to):  # noqa: ANN001
    return not (name and name.startswith(UNMANAGED_PREFIXES))


def _configure(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=is_sqlite(connection.engine),  # SQLite cannot ALTER most things
        include_object=include_object,
        compare_type=True,
    )


def run_migrations_offline() -> None:
    context.configure(
        url=config.attributes.get("database_url") or settings.database_url,
        target_metadata=target_metadata,
        literal_binds=True,
        include_object=include_object,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = make_engine(config.attributes.get("database_url") or settings.database_url)
    try:
        with engine.connect() as connection:
            _configure(connection)
            with context.begin_transaction():
                context.run_migrations()
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
