"""Dependencies shared by the routes: the session and the two access checks."""

from __future__ import annotations

import hmac
import logging
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import SecretStr
from sqlmodel import Session

from app.config import settings
from app.db import READ_SESSIONS, WRITE_SESSIONS, get_session, get_write_session
from app.errors import Forbidden, NotAuthenticated

log = logging.getLogger("claimdb.auth")

# scope="function": the session (and its pooled connection) is closed once the response
# is serialised, before it is sent. max_concurrency: requests beyond the limit wait
# without holding a worker thread, so requests holding connections always find a thread
# to finish on (app.db explains the stall this prevents).
SessionDep = Annotated[
    Session, Depends(get_session, scope="function", max_concurrency=READ_SESSIONS)
]
WriteSessionDep = Annotated[
    Session, Depends(get_write_session, scope="function", max_concurrency=WRITE_SESSIONS)
]
_bearer = HTTPBearer(
    auto_error=False,
    description="The server's CLAIMDB_API_KEY (writes) or CLAIMDB_READ_KEY (reads, when set).",
)
Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]


def _check(
    request: Request, credentials: HTTPAuthorizationCredentials | None, key: SecretStr
) -> None:
    if credentials is None:
        raise NotAuthenticated("Send the key as `Authorization: Bearer <key>`.")
    # Constant-time comparison: response timing must not reveal how much of a key matched.
    if not hmac.compare_digest(credentials.credentials.encode(), key.get_secret_value().encode()):
        log.warning(
            "rejected key for %s %s from %s",
            request.method,
            request.url.path,
            request.client.host if request.client else "?",
        )
        raise NotAuthenticated("The key is not valid.")


def require_writer(request: Request, credentials: Credentials) -> None:
    """Writes need CLAIMDB_API_KEY; with none configured the server is read-only."""
    if settings.api_key is None:
        raise Forbidden("This server is read-only: set CLAIMDB_API_KEY to enable writes.")
    _check(request, credentials, settings.api_key)


def require_reader(request: Request, credentials: Credentials) -> None:
    """Reads are public unless CLAIMDB_READ_KEY is set; the write key also reads."""
    if settings.read_key is None:
        return
    if (
        credentials is not None
        and settings.api_key is not None
        and hmac.compare_digest(
            credentials.credentials.encode(), settings.api_key.get_secret_value().encode()
        )
    ):
        return
    _check(request, credentials, settings.read_key)


Writer = Depends(require_writer)
Reader = Depends(require_reader)
