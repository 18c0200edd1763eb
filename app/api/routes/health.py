"""/health: is the service up and its database reachable and migrated?"""

from __future__ import annotations

import sqlalchemy as sa
from fastapi import APIRouter
from pydantic import BaseModel, Field

from app.api.deps import SessionDep
from app.api.problems import problem_responses

router = APIRouter(tags=["health"], responses=problem_responses(414))


class Health(BaseModel):
    status: str = Field(examples=["ok"])
    database: str = Field(description="Database backend in use.", examples=["sqlite"])
    schema_revision: str | None = Field(description="Alembic revision the database is at.")


@router.get("/health", summary="Health check")
def health(session: SessionDep) -> Health:
    """Answers 200 with the database backend and schema revision when the database answers."""
    revision = session.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()
    return Health(status="ok", database=session.get_bind().dialect.name, schema_revision=revision)
