"""Dependencies shared by the routes: the session and the access checks by role."""

from __future__ import annotations

import asyncio
import hmac
import logging
import threading
import weakref
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager, closing, contextmanager
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import SecretStr
from sqlmodel import Session

from app.config import settings
from app.db import (
    BRIEF_SESSIONS,
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
from app.models.api_key import Role
from app.services import keys
from app.services.keys import Principal

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
    description="A key from `claimdb keys create` (role reader, editor or admin), or the "
    "server's CLAIMDB_API_KEY (admin) or CLAIMDB_READ_KEY (reader).",
)
Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]
# Reads need no key unless CLAIMDB_READ_KEY is set: then they are made by this name.
ANONYMOUS = Principal("anonymous", "reader")


def _same(presented: str, key: SecretStr | None) -> bool:
    # Constant-time comparison: response timing must not reveal how much of a key matched.
    return key is not None and hmac.compare_digest(
        presented.encode(), key.get_secret_value().encode()
    )


def _holder(session: Session, presented: str) -> Principal | None:
    if _same(presented, settings.api_key):
        return Principal(keys.SERVER_KEY_NAMES["admin"], "admin")
    if _same(presented, settings.read_key):
        return Principal(keys.SERVER_KEY_NAMES["reader"], "reader")
    return keys.authenticate(session, presented)


_brief = threading.BoundedSemaphore(BRIEF_SESSIONS)


@contextmanager
def brief_session(request: Request) -> Iterator[Session]:
    """A read session for a query or two before the route's work (the key check, what
    editors added for an upload's extraction), closed at once: an upload waiting for its
    turn to write must not hold one of the READ_SESSIONS meanwhile. It is made the way a
    route's read session is, so an override of get_session applies to it."""
    provide = request.app.dependency_overrides.get(get_session, get_session)
    with _brief:
        made = provide()
        if isinstance(made, Session):  # a provider that returns its session, not a generator
            yield made
            return
        with closing(made) as sessions:
            yield next(sessions)


def _require(role: Role) -> Callable[..., Principal]:
    def check(request: Request, credentials: Credentials) -> Principal:
        if role == "reader" and settings.read_key is None:  # public reads
            if credentials is None:
                return ANONYMOUS
            with brief_session(request) as session:
                return _holder(session, credentials.credentials) or ANONYMOUS
        with brief_session(request) as session:
            if role != "reader" and settings.api_key is None and not keys.any_live(session):
                raise Forbidden(
                    "This server is read-only: set CLAIMDB_API_KEY or create a key with "
                    "`claimdb keys create` to enable writes."
                )
            if credentials is None:
                raise NotAuthenticated("Send the key as `Authorization: Bearer <key>`.")
            holder = _holder(session, credentials.credentials)
        if holder is None:
            log.warning(
                "rejected key for %s %s from %s",
                request.method,
                request.url.path,
                request.client.host if request.client else "?",
            )
            raise NotAuthenticated("The key is not valid.")
        if not holder.may(role):
            raise Forbidden(f"This needs an {role} key; {holder.name!r} is a {holder.role} key.")
        return holder

    return check


Reader = Depends(_require("reader"))
Editor = Depends(_require("editor"))
Admin = Depends(_require("admin"))
# The same checks, for routes that need to know who is asking
ReaderDep = Annotated[Principal, Reader]
EditorDep = Annotated[Principal, Editor]
AdminDep = Annotated[Principal, Admin]


# The last write's fault that a probe cannot see without writing data (a full disk, a
# damaged page), for /health; the next write that commits clears it.
_write_fault: list[DatabaseFault] = []


def note_write(fault: DatabaseFault | None) -> None:
    if fault is None or isinstance(fault, DiskFull | DatabaseDamaged):
        _write_fault[:] = [fault] if fault else []


def last_write_fault() -> DatabaseFault | None:
    return _write_fault[0] if _write_fault else None
