"""Outlets: the publishers behind the sources (no table: curated data plus the sources'
own `outlet` strings, see app/services/outlets.py)."""

from __future__ import annotations

from pydantic import BaseModel, Field


class OutletPublic(BaseModel):
    key: str = Field(description="What `outlet=` takes (a name or alias works too).")
    name: str
    aliases: list[str] = Field(default_factory=list, description="Other spellings.")
    country: str | None = Field(None, description="Where it is based (ISO 3166-1 alpha-2).")
    owner: str | None = Field(None, description="Who owns or runs it, as `source` says.")
    alignment: str | None = Field(None, description="Its stance, as `source` describes it.")
    source: str | None = Field(
        None, description="Where owner and alignment were read (a URL); curated data only."
    )
    curated: bool = Field(
        description="true: from the shipped outlet list; false: an outlet string found "
        "in imported sources only."
    )
    source_count: int = Field(0, description="Imported sources from this outlet.")
