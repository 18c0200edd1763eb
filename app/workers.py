"""Extraction for an import, in worker processes: a time budget per document, and workers
that never outlive the importer.

Extraction is pure CPU work, so an import runs it in worker processes while its own
process writes to the database, in input order and with bounded memory. Starting a
worker takes about a second (it loads the registry and the gazetteer), so documents are
extracted in-process until the workers report ready: small batches never wait for them,
large ones switch over. On top, what an import needs: a document whose extraction runs
past CLAIMDB_EXTRACTION_SECONDS fails with that reason instead of holding a worker, and a
worker whose importer is gone (killed) exits within a second instead of waiting on its
queue for good.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import Any, TypeVar

from app.extraction import Extraction, extract
from app.extraction.registry import Additions

T = TypeVar("T")
IN_PROCESS_FIRST = 8  # documents extracted before starting workers at all
IN_FLIGHT = 64  # documents submitted ahead of the one being consumed
Outcome = Extraction | str | None  # the extraction, the reason it failed, or None (no request)
_END: Any = object()


class _OverBudget(BaseException):
    """Raised by the alarm inside extraction; a BaseException so no `except Exception` in
    the extractor can swallow it."""


def _alarm(_signum: int, _frame: object) -> None:
    raise _OverBudget


def extract_within(request: dict[str, Any], budget: float | None) -> Extraction | str:
    """extract(**request), or why not: it raised, or it ran past `budget` seconds.

    The budget is a SIGALRM timer, so it holds only in a process's main thread (a worker,
    or the importer itself); elsewhere the extraction simply runs to the end."""
    timed = bool(budget) and threading.current_thread() is threading.main_thread()
    if timed and request.get("additions"):
        warm_up(request["additions"])  # editors' additions: indexes built once, untimed
    if timed:
        previous = signal.signal(signal.SIGALRM, _alarm)
        signal.setitimer(signal.ITIMER_REAL, budget)
    try:
        return extract(**request)
    except _OverBudget:
        return (
            f"extraction took longer than {budget:g} s (CLAIMDB_EXTRACTION_SECONDS); "
            "the document was not imported"
        )
    except Exception as exc:  # reported per document by the caller; the batch goes on
        return f"extraction failed: {type(exc).__name__}: {exc}"
    finally:
        if timed:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


def default_workers() -> int:
    """One core is left for the process that writes to the database."""
    return max(0, (os.cpu_count() or 1) - 1)


def process_ended(pid: int) -> bool:
    """Whether process `pid` has ended (a zombie, dead but not yet reaped, has)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] == "Z"
    except OSError:  # no /proc (not Linux): kill(0) has answered
        return False


def _watch_importer(importer: int) -> None:
    """Exit once the importer has ended. Its worker waits on the task queue otherwise, and
    a killed importer (SIGKILL: no clean-up runs) left its workers waiting for 20 minutes
    and more. Not the parent process: that is the forkserver, which outlives the importer
    for as long as a worker holds the pipe that would tell it."""
    while not process_ended(importer):
        time.sleep(0.5)
    os._exit(1)


def warm_up(additions: Additions | None = None) -> None:
    """Load the registry, gazetteer and tokenizer (with `additions` laid over them): not
    part of any document's budget. Once loaded, this takes a millisecond."""
    extract(text="Warm-up. The army entered Aleppo on Monday, SANA said.", additions=additions)


def _start_worker(importer: int) -> None:
    threading.Thread(target=_watch_importer, args=(importer,), daemon=True).start()
    warm_up()


def extract_all(
    items: Iterable[T],
    request: Callable[[T], dict[str, Any] | None],
    *,
    budget: float | None = None,
    workers: int | None = None,
    wait_for_workers: bool = False,
) -> Iterator[tuple[T, Outcome]]:
    """Each item with its extraction (or the reason it failed); `request(item)` gives
    extract()'s arguments, or None for items passed through untouched (read problems).

    `wait_for_workers` blocks until the workers are ready instead of extracting in-process
    meanwhile (for tests and benchmarks that must exercise the workers)."""
    workers = default_workers() if workers is None else workers
    it = iter(items)
    if budget:
        warm_up()

    def here(item: T) -> tuple[T, Outcome]:
        args = request(item)
        return item, extract_within(args, budget) if args is not None else None

    yield from map(here, islice(it, IN_PROCESS_FIRST))
    if workers < 1:
        yield from map(here, it)
        return
    # forkserver: workers start from a clean process, never from this one's threads/locks
    context = multiprocessing.get_context(
        "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    )
    with ProcessPoolExecutor(
        workers, mp_context=context, initializer=_start_worker, initargs=(os.getpid(),)
    ) as pool:
        ready = [pool.submit(int) for _ in range(workers)]  # done once a worker has started
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
            future = pool.submit(extract_within, args, budget) if args is not None else None
            window.append((item, future))
            if len(window) >= IN_FLIGHT:
                done, future = window.popleft()
                yield done, future.result() if future else None
        while window:
            done, future = window.popleft()
            yield done, future.result() if future else None
