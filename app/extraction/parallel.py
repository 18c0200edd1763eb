"""Extraction for many documents on several cores, in input order, with bounded memory.

Extraction is pure CPU work, so an import can run it in worker processes while its own
process writes to the database. Starting a worker takes about a second (it loads the
registry and the tokenizer), so documents are extracted in-process until the workers
report ready: small batches never wait for them, large ones switch over.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import Any, TypeVar

from app.extraction.pipeline import extract
from app.extraction.types import Extraction

T = TypeVar("T")
IN_PROCESS_FIRST = 8  # documents extracted before starting workers at all
IN_FLIGHT = 64  # documents submitted ahead of the one being consumed

Outcome = Extraction | str | None  # the extraction, an error message, or None (no request)
_END: Any = object()


def _safe_extract(request: dict[str, Any]) -> Extraction | str:
    try:
        return extract(**request)
    except Exception as exc:  # reported per document by the caller; the batch goes on
        return f"extraction failed: {type(exc).__name__}: {exc}"


def _warm_up() -> None:
    extract(text="Warm-up. The army entered Aleppo on Monday, SANA said.")


def default_workers() -> int:
    """One core is left for the process that writes to the database."""
    return max(0, (os.cpu_count() or 1) - 1)


def extract_all(
    items: Iterable[T],
    request: Callable[[T], dict[str, Any] | None],
    *,
    workers: int | None = None,
    wait_for_workers: bool = False,
) -> Iterator[tuple[T, Outcome]]:
    """Each item with its extraction; `request(item)` gives extract()'s arguments, or None
    for items that are passed through untouched (e.g. read problems).

    `wait_for_workers` blocks until the workers are ready instead of extracting in-process
    meanwhile (for tests and benchmarks that must exercise the workers)."""
    workers = default_workers() if workers is None else workers
    it = iter(items)

    def here(item: T) -> tuple[T, Outcome]:
        args = request(item)
        return item, _safe_extract(args) if args is not None else None

    yield from map(here, islice(it, IN_PROCESS_FIRST))
    if workers < 1:
        yield from map(here, it)
        return
    # forkserver: workers start from a clean process, never from this one's threads/locks
    context = multiprocessing.get_context(
        "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    )
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        ready = [pool.submit(_warm_up) for _ in range(workers)]
        if wait_for_workers:
            for future in ready:
                future.exception()
        while not all(f.done() for f in ready):
            item = next(it, _END)
            if item is _END:
                pool.shutdown(wait=False, cancel_futures=True)
                return
            yield here(item)
        if any(f.exception() for f in ready):  # workers cannot run here: carry on in-process
            yield from map(here, it)
            return
        window: deque[tuple[T, Future[Extraction | str] | None]] = deque()
        for item in it:
            args = request(item)
            window.append((item, pool.submit(_safe_extract, args) if args is not None else None))
            if len(window) >= IN_FLIGHT:
                done, future = window.popleft()
                yield done, future.result() if future else None
        while window:
            done, future = window.popleft()
            yield done, future.result() if future else None
