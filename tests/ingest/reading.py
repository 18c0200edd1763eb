"""Helpers shared by the reader tests."""

from __future__ import annotations

from pathlib import Path

from app.ingest import Item, RawDocument, ReadProblem, read_documents


def split(items: list[Item]) -> tuple[list[RawDocument], list[ReadProblem]]:
    docs = [item for item in items if isinstance(item, RawDocument)]
    problems = [item for item in items if isinstance(item, ReadProblem)]
    assert len(docs) + len(problems) == len(items)
    return docs, problems


def read(*paths: Path, **options: object) -> tuple[list[RawDocument], list[ReadProblem]]:
    return split(list(read_documents(list(paths), **options)))
