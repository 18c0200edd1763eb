"""`next_url` beside `next`: the request again with the next page's cursor."""

from __future__ import annotations

from typing import Protocol, TypeVar

from fastapi import Request


class Paged(Protocol):
    next: str | None
    next_url: str | None


P = TypeVar("P", bound=Paged)


def with_next_url(request: Request, page: P) -> P:
    """Set `page.next_url`: a path and query, not an absolute URL, since the Host header
    is the client's to choose, not ours to echo (as for `Location`)."""
    if page.next is not None:
        query = request.url.include_query_params(cursor=page.next).query
        page.next_url = f"{request.url.path}?{query}"
    return page
