"""What only a served instance shows (issue 11): how the connection fares after an error,
and what answers a request the app never sees."""

from __future__ import annotations

import base64
import json
import socket
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest

from tests.commands import claimdb_here
from tests.processes import served


def _raw(base: str, request: bytes) -> tuple[str, dict[str, str], bytes]:
    """Send `request` bytes as they are; returns status line, headers and body."""
    parts = urlsplit(base)
    with socket.create_connection((parts.hostname, parts.port), timeout=10) as conn:
        conn.sendall(request)
        data = b""
        while chunk := conn.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    status, *lines = head.decode().split("\r\n")
    headers = {k.lower(): v.strip() for k, v in (line.split(":", 1) for line in lines)}
    return status, headers, body


@pytest.mark.slow
def test_a_served_instance_answers_faults_as_problems(fresh_url: str, tmp_path: Path) -> None:
    claimdb_here(fresh_url, "seed")
    with served(fresh_url, tmp_path / "server.log") as base:
        # A deeply nested cursor was a 500, and the next request on the same keep-alive
        # connection was reset.
        nested = base64.urlsafe_b64encode(b"[" * 990).decode().rstrip("=")
        with httpx.Client(base_url=base, timeout=10) as http:
            first = http.get("/claims", params={"cursor": nested})
            second = http.get("/claims", params={"limit": 1})
        assert first.status_code == 422 and second.status_code == 200
        # HEAD /health was a 405.
        head = httpx.head(base + "/health", timeout=10)
        assert head.status_code == 200 and head.content == b""
        # A request line that outgrows the server's 16 KB buffer before it ends (so the
        # app, and its own 414, never see it) was answered in plain text by the server.
        status, headers, body = _raw(base, b"GET /claims?q=" + b"a" * 70_000)
        assert status.split()[1] == "414", status
        assert headers["content-type"] == "application/problem+json"
        assert json.loads(body)["status"] == 414
        status, headers, body = _raw(base, b"NOT HTTP AT ALL\r\n\r\n")
        assert status.split()[1] == "400" and json.loads(body)["title"] == "Bad request"
    log = (tmp_path / "server.log").read_text()
    assert "Traceback" not in log, log[-3000:]
