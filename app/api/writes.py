"""One write of a person's change: run it in a turn to write, in one transaction, and
read the answer inside it, so the answer is exactly what was committed."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from fastapi.concurrency import run_in_threadpool
from sqlmodel import Session

from app.api.deps import note_write, write_slot

T = TypeVar("T")


async def committed(session: Session, change: Callable[[], T]) -> T:
    """`change()` then commit; anything raised rolls everything back (a failed
    validation changes nothing)."""

    def run() -> T:
        try:
            answer = change()
            session.commit()
        except Exception:
            session.rollback()
            raise
        note_write(None)
        return answer

    async with write_slot():
        return await run_in_threadpool(run)
