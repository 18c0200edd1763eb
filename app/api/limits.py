"""Refuse oversized query strings before routing, with the same problem+json shape."""

from __future__ import annotations

from starlette.types import ASGIApp, Receive, Scope, Send

from app.api.problems import problem


class QueryStringLimit:
    """414 for a query string over `max_bytes`: long filter lists cost work to parse and
    to resolve, and no legitimate query needs kilobytes of parameters."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and len(scope.get("query_string", b"")) > self.max_bytes:
            response = problem(
                414,
                "uri-too-long",
                "URI too long",
                f"The query string is over {self.max_bytes} bytes.",
                scope.get("path", ""),
            )
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)
