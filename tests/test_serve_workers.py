"""`claimdb serve --workers N`: N processes, each with its own SO_REUSEPORT socket, share
the connections; they all stop on SIGTERM, and none outlives a supervisor killed outright."""

from __future__ import annotations

import os
import signal
import subprocess
from collections import Counter
from pathlib import Path

import httpx
import pytest

from app.serving import default_workers
from tests.commands import claimdb_here
from tests.conftest import create_database
from tests.processes import CLAIMDB, free_port, is_up, wait_for


def _pids_of(supervisor: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == supervisor:
                found.add(int(entry.name))
    return found


def _gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


def _start(url: str, port: int, log: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [*CLAIMDB, "serve", "--port", str(port), "--workers", "2"],
        env={**os.environ, "CLAIMDB_DATABASE_URL": url},
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
    )


@pytest.mark.slow
def test_two_workers_share_the_connections_and_stop_cleanly(tmp_path: Path) -> None:
    url = create_database("sqlite", tmp_path)
    claimdb_here(url, "seed")
    port, log = free_port(), tmp_path / "server.log"
    server = _start(url, port, log)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(lambda: is_up(base) or server.poll() is not None, timeout=120)
        assert server.poll() is None, log.read_text()
        workers = _pids_of(server.pid)
        answered: Counter[int] = Counter()
        for _ in range(40):  # a new connection each: the kernel hashes each to a socket
            with httpx.Client(base_url=base, timeout=30) as client:
                answered[client.get("/health").json()["pid"]] += 1
                assert client.get("/claims", params={"actor": "Daesh"}).status_code == 200
        assert len(answered) == 2 and set(answered) <= workers, (answered, workers)
    finally:
        server.send_signal(signal.SIGTERM)
        code = server.wait(timeout=60)
    assert code == 0, log.read_text()
    wait_for(lambda: all(_gone(p) for p in workers), timeout=30)
    text = log.read_text()
    assert "Traceback" not in text and text.count("Finished server process") == 2, text
    assert not is_up(base)


@pytest.mark.slow
def test_workers_stop_when_the_supervisor_is_killed(tmp_path: Path) -> None:
    url = create_database("sqlite", tmp_path)
    claimdb_here(url, "migrate")
    port, log = free_port(), tmp_path / "server.log"
    server = _start(url, port, log)
    base = f"http://127.0.0.1:{port}"
    wait_for(lambda: is_up(base) or server.poll() is not None, timeout=120)
    workers = _pids_of(server.pid)
    assert len(workers) >= 2, log.read_text()  # the two workers (and spawn's tracker)
    server.kill()
    server.wait()
    wait_for(lambda: all(_gone(p) for p in workers), timeout=30)
    assert not is_up(base)


def test_a_port_in_use_is_one_error(tmp_path: Path) -> None:
    import socket

    url = create_database("sqlite", tmp_path)
    claimdb_here(url, "migrate")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run(
            [*CLAIMDB, "serve", "--port", str(port), "--workers", "2"],
            env={**os.environ, "CLAIMDB_DATABASE_URL": url},
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert done.returncode == 1 and "in use" in done.stderr, done.stderr
    assert "Traceback" not in done.stderr


def test_the_default_is_one_worker_per_core() -> None:
    assert default_workers() == len(os.sched_getaffinity(0))


def test_a_workers_connections_send_without_waiting_for_acks():
    """The worker's own socket is a TCP socket to asyncio, which then sets TCP_NODELAY on
    every connection it accepts: with proto left 0 it did not, and each answer larger than
    a segment waited for the client's delayed ACK (~40 ms a page)."""
    import asyncio
    import socket

    from app.serving import _listener

    listener = _listener("127.0.0.1", 0)
    listener.listen()
    client = socket.create_connection(listener.getsockname())
    accepted, _ = listener.accept()
    try:
        before = accepted.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)
        asyncio.base_events._set_nodelay(accepted)  # what asyncio's transport does
        assert accepted.proto == socket.IPPROTO_TCP
        assert before or accepted.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)
    finally:
        for s in (accepted, client, listener):
            s.close()
