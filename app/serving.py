"""`claimdb serve`: one uvicorn process, or N worker processes that each listen on their
own SO_REUSEPORT socket, so that the kernel spreads connections over them.

Why not uvicorn's own `workers=` (or gunicorn, which does the same): its workers share one
listening socket, and whichever worker wakes first accepts; a burst of keep-alive
connections then can land on one worker and stay there, one core idle (bench/RESULTS.md,
"Serving on all cores": measured there, mostly but not always ahead on a shared machine). With one socket per worker bound with
SO_REUSEPORT, Linux hashes each new connection to one of the listening sockets, so they
spread evenly whatever the workers are doing.

Each worker is a whole service: its own engine, pool and session limits (app.db), so N
workers hold up to N x POOL_CONNECTIONS database connections. Writes stay correct across
processes because they are serialised by the database, never by the process: SQLite's
write lock (BEGIN IMMEDIATE) and, on PostgreSQL, the advisory lock that linking takes.

The supervisor (this process) starts the workers, restarts one that dies after running a
while, stops all of them on SIGINT or SIGTERM (each finishes its requests in flight), and
exits with an error if a worker fails while starting (the port taken, say), as a restart
would only fail again. A worker whose supervisor is killed outright stops by itself within
a second or two, so no orphan keeps the port.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import socket
import sys
import time
from typing import Any

STARTUP_SECONDS = 10.0  # a worker that dies sooner failed to start: no restart


def default_workers() -> int:
    """The cores this process may run on (Linux), else the machine's core count."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _options(keep_alive: int) -> dict[str, Any]:
    from app.api.protocol import ProblemH11Protocol

    return {
        "proxy_headers": True,
        "timeout_keep_alive": keep_alive,
        "http": ProblemH11Protocol,
    }


def _listener(host: str, port: int) -> socket.socket:
    """A socket bound to host:port that shares the port with the other workers."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # IPPROTO_TCP named, not left 0: asyncio sets TCP_NODELAY only on sockets whose proto
    # says TCP, and the accepted sockets inherit it. Without it every answer larger than a
    # segment waited ~40 ms for the client's delayed ACK (Nagle), which --workers 1
    # (uvicorn's own socket) never did: 60-70 ms against 16-25 ms per page (the bench).
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    return sock


def _worker(host: str, port: int, keep_alive: int, supervisor: int) -> None:
    import threading

    import uvicorn

    sock = _listener(host, port)
    config = uvicorn.Config("app.main:app", host=host, port=port, **_options(keep_alive))
    server = uvicorn.Server(config)

    def orphaned() -> None:  # the supervisor was killed (SIGKILL): stop, free the port
        while os.getppid() == supervisor:
            time.sleep(1)
        server.should_exit = True

    threading.Thread(target=orphaned, daemon=True).start()
    server.run(sockets=[sock])


def serve(host: str, port: int, workers: int, keep_alive: int) -> int:
    """Serve until stopped; returns the exit status."""
    import uvicorn

    if workers == 1:
        uvicorn.run("app.main:app", host=host, port=port, **_options(keep_alive))
        return 0
    if not hasattr(socket, "SO_REUSEPORT"):  # not Linux or BSD: uvicorn's shared socket
        uvicorn.run("app.main:app", host=host, port=port, workers=workers, **_options(keep_alive))
        return 0
    try:  # once here, so that a port in use is one clear error before any worker starts
        _listener(host, port).close()
    except OSError as exc:
        print(f"claimdb: cannot listen on {host}:{port}: {exc.strerror}", file=sys.stderr)
        return 1
    return _Supervisor(host, port, workers, keep_alive).run()


class _Supervisor:
    def __init__(self, host: str, port: int, workers: int, keep_alive: int) -> None:
        self.args = (host, port, keep_alive, os.getpid())
        self.count = workers
        self.context = multiprocessing.get_context("spawn")
        self.workers: dict[int, tuple[Any, float]] = {}  # slot -> (process, started)
        self.stopping = False

    def _start(self, slot: int) -> None:
        process = self.context.Process(
            target=_worker, args=self.args, name=f"claimdb-worker-{slot}", daemon=False
        )
        process.start()
        self.workers[slot] = (process, time.monotonic())

    def _stop(self, signum: int, _frame: object) -> None:
        self.stopping = True

    def run(self) -> int:
        previous = {s: signal.signal(s, self._stop) for s in (signal.SIGINT, signal.SIGTERM)}
        host, port, *_ = self.args
        status = 0
        try:
            for slot in range(self.count):
                self._start(slot)
            print(
                f"claimdb: {self.count} workers (pids "
                f"{', '.join(str(p.pid) for p, _ in self.workers.values())}) on "
                f"http://{host}:{port}, one SO_REUSEPORT socket each",
                file=sys.stderr,
                flush=True,
            )
            while not self.stopping:
                time.sleep(0.2)
                for slot, (process, started) in list(self.workers.items()):
                    if process.is_alive() or self.stopping:
                        continue
                    if time.monotonic() - started < STARTUP_SECONDS:
                        print(
                            f"claimdb: worker {process.pid} failed to start "
                            f"(exit status {process.exitcode}); stopping",
                            file=sys.stderr,
                            flush=True,
                        )
                        self.stopping, status = True, 1
                        break
                    print(
                        f"claimdb: worker {process.pid} exited (status {process.exitcode}); "
                        "starting another",
                        file=sys.stderr,
                        flush=True,
                    )
                    self._start(slot)
        finally:
            for process, _ in self.workers.values():
                if process.is_alive():
                    process.terminate()  # SIGTERM: uvicorn finishes requests in flight
            for process, _ in self.workers.values():
                process.join(30)
                if process.is_alive():
                    process.kill()
                    process.join()
            for s, handler in previous.items():
                signal.signal(s, handler)
        return status
