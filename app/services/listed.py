"""Which claims the lists show unless asked otherwise: not rejected by a reviewer, not of a
deleted source. Written once, for the claim filters, for linking (what reviewers took out
is linked to nothing) and for the counts other resources give (an actor's or a place's
`claim_count` counts what its list would show; a source's leaves out rejected claims, so
a deleted source still says on its own page how many it holds)."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.sql import ColumnElement

from app.models import Claim, Source


def not_deleted() -> ColumnElement[bool]:
    return Claim.source_id.not_in(sa.select(Source.id).where(Source.deleted_at.is_not(None)))


def not_rejected() -> ColumnElement[bool]:
    return Claim.review_status != "rejected"


def listed() -> list[ColumnElement[bool]]:
    return [not_deleted(), not_rejected()]
