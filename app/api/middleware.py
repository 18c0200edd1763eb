"""ASGI middleware around the whole app: HEAD, security headers, problem+json for CORS.

Each answers something a route cannot: a method no route declares (HEAD), headers every
response needs, and CORS preflights that Starlette refuses in plain text.
"""

from __future__ import annotations

from starlette.datastructures import Headers, MutableHeaders
from starlette.middleware.cors import CORSMiddleware
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.api.problems import problem

# The offline docs pages run their own (inline) start-up script and a web worker, from
# this server only; everything else is JSON, CSV or GeoJSON that nothing should run.
DOCS_PATHS = ("/docs", "/redoc", "/static-offline-docs")
DOCS_POLICY = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'"
)
API_POLICY = "default-src 'none'; frame-ancestors 'none'"


class SecurityHeaders:
    """nosniff on every response (a browser must not guess that JSON text is HTML), and a
    Content-Security-Policy and X-Frame-Options: DENY (no page of ours inside a frame)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        docs = scope["path"].startswith(DOCS_PATHS)

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers["X-Content-Type-Options"] = "nosniff"
                headers["X-Frame-Options"] = "DENY"
                headers["Content-Security-Policy"] = DOCS_POLICY if docs else API_POLICY
            await send(message)

        await self.app(scope, receive, send_with_headers)


class HeadAsGet:
    """HEAD is GET without the body (RFC 9110, 9.3.2): same status and headers, so a
    client can check a resource, or /health, without downloading it. FastAPI routes
    declare GET only, so HEAD was a 405 everywhere."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return
        finished = False

        async def send_headers_only(message: Message) -> None:
            nonlocal finished
            if message["type"] == "http.response.start":
                await send(message)
            elif message["type"] == "http.response.body" and not finished:
                finished = True  # what the app still sends (a streamed export) is dropped
                await send({"type": "http.response.body", "body": b"", "more_body": False})

        await self.app({**scope, "method": "GET"}, receive, send_headers_only)


class ProblemCORSMiddleware(CORSMiddleware):
    """Starlette's CORS, with a refused preflight answered as problem+json like every
    other error (Starlette answers "Disallowed CORS origin" in plain text)."""

    def preflight_response(self, request_headers: Headers) -> Response:
        response = super().preflight_response(request_headers)
        if response.status_code < 400:
            return response
        reason = bytes(response.body).decode(errors="replace")
        headers = {
            k: v for k, v in response.headers.items() if k not in ("content-length", "content-type")
        }
        return problem(
            response.status_code,
            "cors-refused",
            "CORS preflight refused",
            f"{reason}: this server allows {', '.join(self.allow_origins) or 'no origins'}.",
            "",
            headers,
        )
