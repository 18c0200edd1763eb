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
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.compare import _pct, server  # noqa: E402  (the same percentiles and start-up)

SERVER = r"""
import sys
import uvicorn
from fastapi import FastAPI
from fastapi.responses import Response

body = b'{"items": [' + b'"x",' * (int(sys.argv[1]) // 4) + b'"x"]}'
app = FastAPI()


@app.get("/page")
def page() -> Response:  # a sync endpoint, run in the thread pool as claimdb's are
    return Response(body, media_type="application/json")


uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[3]), log_level="warning")  # --port N
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=500, help="rounds per client")
    parser.add_argument("--size", type=int, default=60000, help="body length in bytes")
    args = parser.parse_args()
    with (
        tempfile.TemporaryDirectory() as tmp,
        server(
            [sys.executable, "-c", SERVER, str(args.size)], "/page", {}, Path(tmp) / "floor.log"
        ) as base,
    ):
        times: dict[str, list[float]] = {"httpx": [], "http.client": []}
        port = int(base.rsplit(":", 1)[1])
        with httpx.Client(base_url=base) as hx:
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


if __name__ == "__main__":
    main()
