"""Import runs: one row per `claimdb import`/seed/upload batch, with counts and failures."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from app.models.base import JSONType, TZDateTime, utcnow

RunStatus = Literal["running", "finished", "stopped", "interrupted"]


class ImportRunBase(SQLModel):
    origin: str = Field(sa_type=sa.String(1024), description="What was imported, and how.")
    status: RunStatus | None = Field(
        default="running",
        sa_type=sa.String(16),
        description="running; finished; stopped (a database fault such as a full disk "
        "ended it: the last error says which); interrupted (its importer was killed: "
        "found so at a later start). Whatever it stored is whole documents only.",
    )
    started_at: datetime = Field(default_factory=utcnow, sa_type=TZDateTime)
    finished_at: datetime | None = Field(default=None, sa_type=TZDateTime)
    counts: dict[str, int] = Field(
        default_factory=dict,
        sa_type=JSONType,
        description="added, unchanged, superseded, failed.",
    )
    errors: list[dict[str, Any]] = Field(
        default_factory=list,
        sa_type=JSONType,
        description="One {location, reason} per document that could not be imported.",
    )


class ImportRun(ImportRunBase, table=True):
    __tablename__ = "import_run"

    id: int | None = Field(default=None, primary_key=True)
    # which process runs it, so a later start can tell whether it is still alive; not
    # shown over HTTP (server details are not the readers' business)
    host: str | None = Field(default=None, sa_type=sa.String(255))
    pid: int | None = None


class ImportRunPublic(ImportRunBase):
    id: int
