"""API keys: created (shown once), listed, revoked, and the one place a presented key is
checked. Only a key's sha256 is stored; never commits."""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass

import sqlalchemy as sa
from sqlmodel import Session

from app.errors import InvalidParameter, NotFound
from app.models.api_key import ROLES, ApiKey, ApiKeyPublic, Role
from app.models.base import utcnow

PREFIX = "cdb_"
NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$")
# The name CLAIMDB_API_KEY (admin) and CLAIMDB_READ_KEY (reader) act under: a database
# key cannot take them, so the audit trail never confuses the two.
SERVER_KEY_NAMES = {"admin": "server-admin-key", "reader": "server-read-key"}


@dataclass(frozen=True, slots=True)
class Principal:
    """Who made a request: the key's name and role (never the key itself)."""

    name: str
    role: Role

    def may(self, role: Role) -> bool:
        return ROLES.index(self.role) >= ROLES.index(role)


def key_hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def create(session: Session, name: str, role: str) -> str:
    """A new key for `name`; returns the key, which is stored only as its hash."""
    if not NAME.match(name) or name in SERVER_KEY_NAMES.values():
        raise InvalidParameter(
            "name", f"{name!r}: use 1-64 letters, digits, '.', '_', '@' or '-' (not a server name)."
        )
    if role not in ROLES:
        raise InvalidParameter("role", f"{role!r}: use one of {', '.join(ROLES)}.")
    if session.execute(sa.select(ApiKey.id).where(ApiKey.name == name)).first():
        raise InvalidParameter("name", f"A key named {name!r} exists already (revoke it first).")
    key = PREFIX + secrets.token_urlsafe(32)
    session.add(ApiKey(name=name, role=role, key_hash=key_hash(key)))
    session.flush()
    return key


def list_keys(session: Session) -> list[ApiKeyPublic]:
    rows = session.execute(sa.select(ApiKey).order_by(ApiKey.name)).scalars()
    return [ApiKeyPublic.model_validate(r, from_attributes=True) for r in rows]


def revoke(session: Session, name: str) -> None:
    """Revoke `name`'s key; it stops working at the next request. The row stays (and its
    name stays taken), so the audit trail's names keep meaning one holder."""
    key = session.execute(sa.select(ApiKey).where(ApiKey.name == name)).scalar_one_or_none()
    if key is None:
        raise NotFound("key", name)
    if key.revoked_at is None:
        key.revoked_at = utcnow()
    session.flush()


def any_live(session: Session) -> bool:
    """Whether any database key works (without one, and without CLAIMDB_API_KEY, the
    server is read-only)."""
    return (
        session.execute(sa.select(ApiKey.id).where(ApiKey.revoked_at.is_(None)).limit(1)).first()
        is not None
    )


def authenticate(session: Session, key: str) -> Principal | None:
    """The holder of `key`, if it is a live database key. Looked up by hash (a key's hash
    reveals nothing), then compared in constant time."""
    digest = key_hash(key)
    row = session.execute(
        sa.select(ApiKey.name, ApiKey.role, ApiKey.key_hash).where(
            ApiKey.key_hash == digest, ApiKey.revoked_at.is_(None)
        )
    ).first()
    if row is None or not hmac.compare_digest(row.key_hash, digest):
        return None
    return Principal(row.name, row.role)
