"""Keyset (cursor) paging, the same for every list.

A cursor is the sort key of the last row served, so the next page starts strictly
after it: rows inserted meanwhile never make a page repeat or skip an old row, and
deep pages cost the same as the first. Every ordering ends with the primary key, so
ties are broken the same way every time.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.sql import ColumnElement, Select
from sqlmodel import Session

from app.errors import InvalidParameter
from app.models.page import DEFAULT_LIMIT


@dataclass(frozen=True, slots=True)
class SortKey:
    """One column of an ordering; `expr` must never be NULL (coalesce it if it can be)."""

    expr: ColumnElement[Any]
    descending: bool = False


@dataclass(frozen=True, slots=True)
class Ordering:
    name: str  # what the client asked for; a cursor is only valid for the ordering it came from
    keys: tuple[SortKey, ...]


@dataclass(frozen=True, slots=True)
class PageResult:
    rows: list[Any]
    count: int
    next: str | None


def _encode_value(value: Any) -> Any:
    if isinstance(value, date):
        return {"d": value.isoformat()}
    return value


def _decode_value(value: Any) -> Any:
    if isinstance(value, dict) and set(value) == {"d"}:
        return date.fromisoformat(value["d"])
    if isinstance(value, int | float | str):
        return value
    raise ValueError("unexpected cursor value")


_INT_BITS = {sa.SmallInteger: 16, sa.BigInteger: 64}


def _fits(key: SortKey, value: Any) -> bool:
    """Whether `value` can be compared with `key` in SQL: an edited cursor must be a 422,
    not a database error (PostgreSQL refuses 2**31 for an INTEGER, text for a DATE)."""
    kind = key.expr.type
    if isinstance(kind, sa.Date):
        return isinstance(value, date)
    if isinstance(kind, sa.Integer):
        bits = next((n for t, n in _INT_BITS.items() if isinstance(kind, t)), 32)
        return type(value) is int and -(2 ** (bits - 1)) <= value < 2 ** (bits - 1)
    if isinstance(kind, sa.String):
        return isinstance(value, str) and "\x00" not in value
    return not isinstance(value, bool | dict | list)


def encode_cursor(ordering: Ordering, values: Sequence[Any]) -> str:
    raw = json.dumps([ordering.name, [_encode_value(v) for v in values]], separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


# An issued cursor is a short, flat JSON array: ["name", [value, {"d": "date"}, ...]].
# Anything longer or deeper was not issued here, and is refused before it is parsed:
# json.loads recurses once per level, and ~990 levels of "[[[[" (1,320 characters)
# raised RecursionError, a 500.
MAX_CURSOR_CHARS = 1024
MAX_CURSOR_DEPTH = 3


def _depth(raw: bytes) -> int:
    """How deeply JSON arrays and objects nest in `raw`, not counting brackets in strings."""
    depth = deepest = 0
    in_string = escaped = False
    for byte in raw:
        if in_string:
            escaped = not escaped and byte == 0x5C  # backslash
            in_string = escaped or byte != 0x22  # closing quote
        elif byte == 0x22:
            in_string = True
        elif byte in b"[{":
            depth += 1
            deepest = max(deepest, depth)
        elif byte in b"]}":
            depth -= 1
    return deepest


def decode_cursor(ordering: Ordering, cursor: str) -> list[Any]:
    bad = InvalidParameter("cursor", "Not a cursor this server issued; pass `next` back unchanged.")
    if len(cursor) > MAX_CURSOR_CHARS:
        raise bad
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        if _depth(raw) > MAX_CURSOR_DEPTH:
            raise bad
        name, values = json.loads(raw)
        decoded = [_decode_value(v) for v in values]
    except (binascii.Error, ValueError, TypeError, UnicodeDecodeError):
        raise bad from None
    if name != ordering.name:
        raise InvalidParameter(
            "cursor", f"This cursor belongs to sort={name}, not {ordering.name}."
        )
    if len(decoded) != len(ordering.keys) or not all(
        _fits(key, value) for key, value in zip(ordering.keys, decoded, strict=True)
    ):
        raise bad
    return decoded


def _after(ordering: Ordering, values: Sequence[Any]) -> ColumnElement[bool]:
    """Rows strictly after `values` in `ordering`: (a > va) OR (a = va AND b > vb) OR ..."""
    clauses = []
    for i, key in enumerate(ordering.keys):
        step = key.expr < values[i] if key.descending else key.expr > values[i]
        equal = [k.expr == values[j] for j, k in enumerate(ordering.keys[:i])]
        clauses.append(sa.and_(*equal, step))
    return sa.or_(*clauses)


def paginate(
    session: Session,
    stmt: Select[Any],
    ordering: Ordering,
    *,
    limit: int = DEFAULT_LIMIT,
    cursor: str | None = None,
    count: bool = True,
) -> PageResult:
    """Run `stmt` (a select of one entity, filters applied) for one page; `count=False`
    skips counting all matches (exports walk every page and need no total)."""
    total = -1
    if count:
        # the matching rows' primary keys only: counting needs no other column
        entity = stmt.column_descriptions[0]["entity"]
        ids = stmt.order_by(None).with_only_columns(*sa.inspect(entity).primary_key)
        total = session.execute(sa.select(sa.func.count()).select_from(ids.subquery())).scalar_one()
    key_columns = [k.expr.label(f"_k{i}") for i, k in enumerate(ordering.keys)]
    paged = stmt.add_columns(*key_columns)
    if cursor:
        paged = paged.where(_after(ordering, decode_cursor(ordering, cursor)))
    paged = paged.order_by(*[k.expr.desc() if k.descending else k.expr for k in ordering.keys])
    result = session.execute(paged.limit(limit + 1)).all()
    rows = [r[0] for r in result[:limit]]
    next_cursor = None
    if len(result) > limit:
        last = result[limit - 1]
        next_cursor = encode_cursor(ordering, list(last[1:]))
    return PageResult(rows=rows, count=total, next=next_cursor)
