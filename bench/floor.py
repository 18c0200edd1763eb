"""The floor under every served page: the same HTTP stack claimdb runs on (uvicorn, FastAPI,
one worker) answering with bytes it already holds, no database and no row shaping, timed by
the clients bench/compare.py uses. Whatever claimdb does for a page comes on top of this.

    python bench/floor.py [--requests 500] [--size 60000]

--size is the body's length in bytes (a first page of 50 claims is 40-80 KB). Prints p50
and p95 in ms for httpx (bench/compare.py's latency client) and the standard library's
http.client, each on one keep-alive connection, interleaved. It asserts nothing.
"""

from __future__ import annotations

import argparse
import http.client
import os
import socket
import statistics
import subprocess
import sys
import time

import httpx

SERVER = r"""
import sys
import uvicorn
from fastapi import FastAPI
from fastapi.responses import Response

body = b'{"items": [' + b'"x",' * (int(sys.argv[2]) // 4) + b'"x"]}'
app = FastAPI()


@app.get("/page")
def page() -> Response:  # a sync endpoint, run in the thread pool as claimdb's are
    return Response(body, media_type="application/json")


uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), log_level="warning")
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _pct(values: list[float], p: float) -> float:
    return statistics.quantiles(values, n=100)[int(p) - 1] if len(values) > 1 else values[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=500, help="rounds per client")
    parser.add_argument("--size", type=int, default=60000, help="body length in bytes")
    args = parser.parse_args()
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-c", SERVER, str(port), str(args.size)], env=dict(os.environ)
    )
    try:
        for _ in range(100):  # wait for the server
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
                break
            except OSError:
                time.sleep(0.1)
        times: dict[str, list[float]] = {"httpx": [], "http.client": []}
        with httpx.Client(base_url=f"http://127.0.0.1:{port}") as hx:
            conn = http.client.HTTPConnection("127.0.0.1", port)
            for _ in range(20):  # warm both
                hx.get("/page").raise_for_status()
                conn.request("GET", "/page")
                conn.getresponse().read()
            for _ in range(args.requests):
                t = time.perf_counter()
                hx.get("/page").content  # noqa: B018
                times["httpx"].append((time.perf_counter() - t) * 1000)
                t = time.perf_counter()
                conn.request("GET", "/page")
                conn.getresponse().read()
                times["http.client"].append((time.perf_counter() - t) * 1000)
            conn.close()
        load = os.getloadavg()[0]
        print(f"body {args.size} bytes, {args.requests} requests per client, load {load:.2f}")
        for name, values in times.items():
            print(f"{name:12} p50 {_pct(values, 50):.2f} ms  p95 {_pct(values, 95):.2f} ms")
    finally:
        proc.terminate()
        proc.wait()


if __name__ == "__main__":
    main()
