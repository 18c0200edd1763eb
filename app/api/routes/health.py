"""/health: is the service up, its database at this code's schema, and writable?"""

from __future__ import annotations

import os
from typing import Literal

import sqlalchemy as sa
from fastapi import APIRouter
from pydantic import BaseModel, Field

from app.api.deps import ProbeSessionDep, last_write_fault
from app.api.problems import problem_responses
from app.db import schema_problem, write_fault

router = APIRouter(tags=["health"], responses=problem_responses(414))


class Health(BaseModel):
    status: Literal["ok", "degraded"] = Field(
        description="ok; degraded: reads are answered but writes would fail (see problems).",
        examples=["ok"],
    )
    database: str = Field(description="Database backend in use.", examples=["sqlite"])
    schema_revision: str | None = Field(description="Alembic revision the database is at.")
    writable: bool = Field(description="Whether the database takes writes now.")
    problems: list[str] = Field(
        default_factory=list,
        description="Why the status is degraded, one line each.",
        examples=[["the database file is read-only"]],
    )
    pid: int = Field(
        description="The server process that answered: with `claimdb serve --workers N`, "
        "one of the N workers.",
        examples=[4242],
    )


@router.get("/health", summary="Health check", responses=problem_responses(503))
def health(session: ProbeSessionDep) -> Health:
    """Answers 200 with the database backend and schema revision when the database answers:
    `ok`, or `degraded` when it cannot be written (read-only file or transaction, full
    disk, damage found by the last write), with the reason. Answers **503** when the
    database is at a schema revision this server was not written for (behind, or written
    by a newer claimdb). A busy database is not a problem: the probe never waits for locks.
    """
    revisions = set(session.execute(sa.text("SELECT version_num FROM alembic_version")).scalars())
    if (problem := schema_problem(revisions)) is not None:
        raise problem
    fault = write_fault(session) or last_write_fault()
    return Health(
        status="degraded" if fault else "ok",
        database=session.get_bind().dialect.name,
        schema_revision=next(iter(revisions), None),
        writable=fault is None,
        problems=[fault.detail] if fault else [],
        pid=os.getpid(),
    )
