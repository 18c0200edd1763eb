"""INSERT ... ON CONFLICT DO NOTHING on SQLite and PostgreSQL alike.

Concurrent imports may both try to create the same uncurated actor or reference row;
the unique constraint decides, and the loser simply reads the winner's row.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session


def insert_ignore(
    session: Session, model: Any, rows: Sequence[dict[str, Any]], conflict: Sequence[str]
) -> None:
    if not rows:
        return
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    session.execute(insert(model).on_conflict_do_nothing(index_elements=list(conflict)), rows)
