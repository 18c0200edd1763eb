"""Each figure a claim states (its `quantities`), as a row: filtered and summed as numbers."""

from __future__ import annotations

import sqlalchemy as sa
from sqlmodel import Field, SQLModel


class ClaimFigure(SQLModel, table=True):
    """One quantity of a claim (Claim.quantities, same order): `value` is the number as
    stated, `value_min`/`value_max` the bounds its wording allows (docs/annotation.md §8)."""

    __tablename__ = "claim_figure"
    # killed_min/killed_max and figure= are one range scan on (kind, value)
    __table_args__ = (sa.Index("ix_claim_figure_kind_value", "kind", "value", "claim_id"),)

    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claim.id", index=True, ondelete="CASCADE")
    kind: str = Field(sa_type=sa.String(12))
    value: int | None = None
    value_min: int | None = None
    value_max: int | None = None
    qualifier: str | None = Field(default=None, sa_type=sa.String(12))
    subset: bool = False
