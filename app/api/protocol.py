"""The HTTP protocol `claimdb serve` runs: uvicorn's h11, with its own refusals in
problem+json.

A request that cannot be parsed as HTTP never reaches the app: uvicorn answers it with a
plain-text 400. An over-long request line (a query string past h11's 16 KB buffer, where
the app's own 414 cannot see it) is such a request.
"""

from __future__ import annotations

import h11
from uvicorn.protocols.http.h11_impl import DEFAULT_MAX_INCOMPLETE_EVENT_SIZE, H11Protocol

from app.api.problems import problem


class ProblemH11Protocol(H11Protocol):
    def send_400_response(self, msg: str) -> None:
        buffered, _closed = self.conn.trailing_data
        limit = self.config.h11_max_incomplete_event_size or DEFAULT_MAX_INCOMPLETE_EVENT_SIZE
        if len(buffered) > limit:
            if b"\r\n" not in buffered:
                status, slug, title = 414, "uri-too-long", "URI too long"
                detail = "The request line is too long for this server."
            else:
                status, slug, title = 431, "headers-too-large", "Request headers too large"
                detail = "The request headers are too large for this server."
        else:
            status, slug, title = 400, "bad-request", "Bad request"
            detail = "The request could not be read as HTTP/1.1."
        response = problem(status, slug, title, detail, "")
        headers = [*response.raw_headers, (b"connection", b"close")]
        for event in (
            h11.Response(status_code=status, headers=headers),
            h11.Data(data=response.body),
            h11.EndOfMessage(),
        ):
            self.transport.write(self.conn.send(event))
        self.transport.close()
