"""Dependencies shared by the routes: the session and the two access checks."""

from __future__ import annotations

import asyncio
import hmac
import logging
import weakref
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import SecretStr
from sqlmodel import Session

from app.config import settings
from app.db import (
    PROBE_SESSIONS,
    READ_SESSIONS,
    WRITE_SESSIONS,
    get_session,
    get_write_session,
)
from app.errors import (
    DatabaseBusy,
    DatabaseDamaged,
    DatabaseFault,
    DiskFull,
    Forbidden,
    NotAuthenticated,
)

log = logging.getLogger("claimdb.auth")

# scope="function": the session (and its pooled connection) is closed once the response
# is serialised, before it is sent. max_concurrency: requests beyond the limit wait
# without holding a worker thread, so requests holding connections always find a thread
# to finish on (app.db explains the stall this prevents).
SessionDep = Annotated[
    Session, Depends(get_session, scope="function", max_concurrency=READ_SESSIONS)
]
# /health's own: a probe answers while every read session is busy.
ProbeSessionDep = Annotated[
    Session, Depends(get_session, scope="function", max_concurrency=PROBE_SESSIONS)
]
# A write session connects only when used, inside write_slot(), which limits writers.
WriteSessionDep = Annotated[Session, Depends(get_write_session, scope="function")]

# per event loop: a semaphore belongs to the loop it is first awaited on
_write_slots: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Semaphore] = (
    weakref.WeakKeyDictionary()
)


@asynccontextmanager
async def write_slot() -> AsyncIterator[None]:
    """One of WRITE_SESSIONS places to write in, waited for at most CLAIMDB_WRITE_WAIT_MS
    (then DatabaseBusy: a 503 with Retry-After). Like the session limit, the wait holds no
    worker thread; unlike it, the wait is bounded, so a queue of uploads never holds a
    client longer than that."""
    loop = asyncio.get_running_loop()
    slots = _write_slots.setdefault(loop, asyncio.Semaphore(WRITE_SESSIONS))
    try:
        await asyncio.wait_for(slots.acquire(), settings.write_wait_ms / 1000)
    except TimeoutError:
        raise DatabaseBusy("the server is busy with other writes; retry shortly") from None
    try:
        yield
    finally:
        slots.release()


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


# The last write's fault that a probe cannot see without writing data (a full disk, a
# damaged page), for /health; the next write that commits clears it.
_write_fault: list[DatabaseFault] = []


def note_write(fault: DatabaseFault | None) -> None:
    if fault is None or isinstance(fault, DiskFull | DatabaseDamaged):
        _write_fault[:] = [fault] if fault else []


def last_write_fault() -> DatabaseFault | None:
    return _write_fault[0] if _write_fault else None
