"""Keyset (cursor) paging and counting, the same for every list.

A cursor is the sort key of the last row served, so the next page starts strictly
after it: rows inserted meanwhile never make a page repeat or skip an old row, and
deep pages cost the same as the first. Every ordering ends with the primary key, so
ties are broken the same way every time.

Counting is bounded unless asked (`count=exact`): a page costs what its rows cost. The
first page counts at most COUNT_BOUND + 1 matches (a page without a next one counts its
own rows); its count rides in the cursor, so later pages never count again.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.sql import ColumnElement, Select
from sqlmodel import Session

from app.errors import InvalidParameter
from app.models.page import COUNT_BOUND, DEFAULT_LIMIT, CountMode
from app.services.kept import Kept


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
    count: int  # -1: not counted
    next: str | None
    count_exact: bool = True

    def envelope(self) -> dict[str, Any]:
        """The list envelope's paging fields (models.page.Page)."""
        return {"count": self.count, "count_exact": self.count_exact, "next": self.next}


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


Counted = tuple[int, bool]  # a count and whether it is exact, carried from page to page


def encode_cursor(ordering: Ordering, values: Sequence[Any], counted: Counted | None = None) -> str:
    issued: list[Any] = [ordering.name, [_encode_value(v) for v in values]]
    if counted is not None:
        issued.append([counted[0], counted[1]])
    raw = json.dumps(issued, separators=(",", ":"))
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


def _counted(value: Any) -> Counted:
    """The count a cursor carries: a cursor edited to hold something else is a 422."""
    n, exact = value
    if type(n) is not int or not 0 <= n < 2**53 or type(exact) is not bool:
        raise ValueError("unexpected count in cursor")
    return n, exact


def decode_cursor(ordering: Ordering, cursor: str) -> list[Any]:
    return decode_page_cursor(ordering, cursor)[0]


def decode_page_cursor(ordering: Ordering, cursor: str) -> tuple[list[Any], Counted | None]:
    """The sort key values a cursor holds, and the count it carries (cursors issued before
    counts rode in them carry none)."""
    bad = InvalidParameter("cursor", "Not a cursor this server issued; pass `next` back unchanged.")
    if len(cursor) > MAX_CURSOR_CHARS:
        raise bad
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        if _depth(raw) > MAX_CURSOR_DEPTH:
            raise bad
        name, values, *rest = json.loads(raw)
        decoded = [_decode_value(v) for v in values]
        if len(rest) > 1:
            raise ValueError("unexpected cursor")
        counted = _counted(rest[0]) if rest else None
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
    return decoded, counted


def _after(ordering: Ordering, values: Sequence[Any]) -> ColumnElement[bool]:
    """Rows strictly after `values` in `ordering`: (a > va) OR (a = va AND b > vb) OR ..."""
    clauses = []
    for i, key in enumerate(ordering.keys):
        step = key.expr < values[i] if key.descending else key.expr > values[i]
        equal = [k.expr == values[j] for j, k in enumerate(ordering.keys[:i])]
        clauses.append(sa.and_(*equal, step))
    return sa.or_(*clauses)


def _primary_key(stmt: Select[Any]) -> list[Any]:
    entity = stmt.column_descriptions[0].get("entity")
    if entity:
        return list(sa.inspect(entity).primary_key)
    return list(stmt.selected_columns[0].table.primary_key.columns)


def count_statement(stmt: Select[Any], bound: int | None) -> Select[Any]:
    """How many rows `stmt` matches, counting at most `bound` + 1 of them when bounded."""
    # the matching rows' primary keys only: counting needs no other column
    ids = stmt.order_by(None).with_only_columns(*_primary_key(stmt), maintain_column_froms=True)
    if bound is not None:
        ids = ids.limit(bound + 1)
    return sa.select(sa.func.count()).select_from(ids.subquery())


def _count(session: Session, stmt: Select[Any], bound: int | None) -> int:
    return session.execute(count_statement(stmt, bound)).scalar_one()


def _bounded(n: int) -> Counted:
    return (n, True) if n <= COUNT_BOUND else (COUNT_BOUND, False)


def count_matches(session: Session, stmt: Select[Any], mode: CountMode) -> Counted:
    """The count a list reports for `stmt`: all of them, or at most COUNT_BOUND exactly."""
    if mode == "exact":
        return _count(session, stmt, None), True
    return _bounded(_count(session, stmt, COUNT_BOUND))


def _sorted(ordering: Ordering, columns: Sequence[Any] | None = None) -> list[Any]:
    """ORDER BY of `ordering`, on its own expressions or on `columns` (a subquery's)."""
    exprs = columns if columns is not None else [k.expr for k in ordering.keys]
    return [c.desc() if k.descending else c for c, k in zip(exprs, ordering.keys, strict=True)]


Read = Callable[[Select[Any]], Select[Any]]


def _key_columns(ordering: Ordering) -> list[ColumnElement[Any]]:
    return [k.expr.label(f"_k{i}") for i, k in enumerate(ordering.keys)]


def _first_page(
    execute: Any,
    stmt: Select[Any],
    ordering: Ordering,
    limit: int,
    entity: bool,
) -> tuple[list[Any], list[Sequence[Any]], Counted]:
    """The first page, the sort keys of its rows, and its bounded count, from one walk of
    the matches: the primary keys and sort keys of the first COUNT_BOUND + 1 matches in
    page order (the count walked them anyway; a separate page query found its candidates a
    second time, half of the first page's time at 1M claims, issue #15), then the page's
    rows by primary key."""
    key = _primary_key(stmt)
    walked = execute(
        stmt.with_only_columns(*key, *_key_columns(ordering), maintain_column_froms=True)
        .order_by(*_sorted(ordering))
        .limit(COUNT_BOUND + 1)
    ).all()
    page = walked[: limit + 1]
    if not page:
        return [], [], (0, True)
    # the rows themselves by the page's keys, without the filters (they were the walk's)
    chosen = (
        sa.select(stmt.column_descriptions[0]["entity"])
        if entity
        else sa.select(*stmt.selected_columns)
    )
    ids = [r[0] for r in page]
    fetched = execute(chosen.where(key[0].in_(ids))).all()
    by_id = {_row_key(r, entity, key[0].name): r for r in fetched}
    # a row deleted between the two statements (PostgreSQL reads each at its own moment)
    # is left out, as a later page query would
    kept = [r for r in page if r[0] in by_id]
    return [by_id[r[0]] for r in kept], [r[1:] for r in kept], _bounded(len(walked))


def _cut(stmt: Select[Any], ordering: Ordering) -> Select[Any]:
    """`stmt`'s primary key (`_key`) and sort keys (`_k0`...) in page order."""
    key = _primary_key(stmt)[0].label("_key")
    return stmt.with_only_columns(key, *_key_columns(ordering), maintain_column_froms=True)


def _read_cut(
    stmt: Select[Any], cut: Any, ordering: Ordering, read: Read, *extra: Any
) -> Select[Any]:
    """`read`'s rows of the page `cut` (a subquery of _cut's columns, the page's), then
    `extra`, then the sort keys: what `read` joins is joined to the page's rows only
    (joined to every match, then sorted, SQLite looked up the joined rows of each of 30,070
    matches for 51)."""
    key = _primary_key(stmt)[0]
    keys = [cut.c[f"_k{i}"] for i in range(len(ordering.keys))]
    rows = read(sa.select(*stmt.selected_columns)).join(cut, key == cut.c._key)
    return rows.add_columns(*extra, *keys).order_by(*_sorted(ordering, keys))


@dataclass(frozen=True, slots=True)
class Walk:
    """A walk of the matches in the default order (`id`) by another way than `stmt`'s own
    (claim_query.Merge, claim_query.Gather): `make(after, limit)` selects the primary keys
    (`_key`, `_k0`) after `after` (a bound parameter, or None: from the first), up to
    `limit`, run with `values` for its parameters. Walks of one `shape` make the same
    statement, so a page's is built once per shape and run with each walk's values
    (_walked); a walk without a shape (None) is built for its page alone.

    A `cut` walk looks at only part of its candidates and may come up short: its rows
    also hold `_cut`, true when candidates were left out. A page that finds fewer rows
    than it asked for while they were (or that finds none, which shows nothing) is read
    again from `stmt` (paginate). `options`: execution options of the walk's page."""

    shape: Hashable
    values: dict[str, Any]
    make: Callable[[ColumnElement[Any] | None, int], Select[Any]]
    cut: bool = False
    options: dict[str, Any] = field(default_factory=dict)


# Pages' statements by their walk's shape and the rest of what makes them: built, keyed
# and compiled by SQLAlchemy on each request, a merge of 42 places' links cost ~2.5 ms of
# a first page's ~10 at 1M claims (issue #15)
_WALKED: Kept[Select[Any]] = Kept(128)
_AFTER = sa.bindparam("walk_after")


def _walked(
    walk: Walk,
    stmt: Select[Any],
    ordering: Ordering,
    read: Read,
    how: tuple[Any, ...],
    build: Callable[[], Select[Any]],
) -> Select[Any]:
    if walk.shape is None:
        return build().execution_options(**walk.options)
    key = (walk.shape, ordering.name, read, *stmt.selected_columns, *how)
    return _WALKED.get(key, lambda: build().execution_options(**walk.options))


def _short(walk: Walk, result: Sequence[Any], found: int, asked: int) -> bool:
    """Whether a page walked by `walk` must be read again without it: the walk found
    `found` of the `asked` keys it looked for, `result` its page's rows."""
    return walk.cut and found < asked and (not result or result[0]._mapping["_cut"])


def _first_read(
    stmt: Select[Any],
    ordering: Ordering,
    limit: int,
    read: Read,
    walked: Select[Any],
) -> Select[Any]:
    """_first_page_read's statement: `walked` (the first COUNT_BOUND + 1 primary and sort
    keys in page order) is a CTE that the count and the page's cut both read."""
    cte = walked.cte("walked")
    keys = [cte.c[f"_k{i}"] for i in range(len(ordering.keys))]
    cut = sa.select(cte).order_by(*_sorted(ordering, keys)).limit(limit + 1).subquery("page")
    counted = sa.select(sa.func.count()).select_from(cte).scalar_subquery()
    return _read_cut(stmt, cut, ordering, read, *_cut_flag(cut), counted.label("_walked"))


def _cut_flag(page: Any) -> list[Any]:
    """A cut walk's `_cut` column, read with the page's rows (Walk)."""
    return [page.c._cut] if "_cut" in page.c else []


def _first_page_read(
    execute: Any,
    stmt: Select[Any],
    ordering: Ordering,
    limit: int,
    read: Read,
    walk: Walk | None,
) -> tuple[list[Any], list[Sequence[Any]], Counted]:
    """_first_page in one statement, for `read`'s rows: the walk's 1,001 keys never leave
    the database."""
    if walk:
        page = _walked(
            walk,
            stmt,
            ordering,
            read,
            ("first", limit),
            lambda: _first_read(stmt, ordering, limit, read, walk.make(None, COUNT_BOUND + 1)),
        )
        result = execute(page, walk.values).all()
        if _short(walk, result, result[0]._walked if result else 0, COUNT_BOUND + 1):
            return _first_page_read(execute, stmt, ordering, limit, read, None)
    else:
        walked = _cut(stmt, ordering).order_by(*_sorted(ordering)).limit(COUNT_BOUND + 1)
        result = execute(_first_read(stmt, ordering, limit, read, walked)).all()
    n = len(ordering.keys)
    if not result:
        return [], [], (0, True)
    return result, [r[-n:] for r in result], _bounded(result[0][-n - 1])


def _row_key(row: Any, entity: bool, name: str) -> Any:
    return getattr(row[0], name) if entity else row._mapping[name]


def paginate(
    session: Session,
    stmt: Select[Any],
    ordering: Ordering,
    *,
    limit: int = DEFAULT_LIMIT,
    cursor: str | None = None,
    count: CountMode | None = "auto",
    read: Read | None = None,
    walk: Walk | None = None,
) -> PageResult:
    """Run `stmt` (a select of one entity, or of columns of one table, filters applied) for
    one page, counted as the module says; `count=None` counts nothing (exports walk every
    page and need no total). The page's rows are entities, or rows of those columns, or
    with `read` rows of what `read` makes of a select of them (more columns, joined on
    unique keys: the walk and the count need none of them). `walk`, with `read`, finds the
    page's keys in the `id` ordering; the count is still `stmt`'s."""
    if ordering.name != "id" or not read:
        walk = None
    entity = len(stmt.column_descriptions) == 1 and bool(stmt.column_descriptions[0].get("entity"))
    if not entity:
        # rows of columns need no ORM: Core's execution, without the per-row ORM loading
        # (a first page walks 1,001 rows), after the session's pending changes are written
        session.flush()
        execute: Any = session.connection().execute
    else:
        execute = session.execute
    carried = None
    if count == "auto" and not cursor and len(_primary_key(stmt)) == 1 and read:
        result, keys, counted = _first_page_read(execute, stmt, ordering, limit, read, walk)
    elif count == "auto" and not cursor and len(_primary_key(stmt)) == 1:
        result, keys, counted = _first_page(execute, stmt, ordering, limit, entity)
    else:
        values = None
        if cursor:
            values, carried = decode_page_cursor(ordering, cursor)
        result = None
        if walk and read:
            after = values[0] if values else None

            def build() -> Select[Any]:
                page = walk.make(None if after is None else _AFTER, limit + 1).subquery("page")
                return _read_cut(stmt, page, ordering, read, *_cut_flag(page))

            how = (after is None, limit)
            result = execute(
                _walked(walk, stmt, ordering, read, how, build),
                {**walk.values, _AFTER.key: after},
            ).all()
            if _short(walk, result, len(result), limit + 1):
                result = None
        if result is None:
            paged = _cut(stmt, ordering) if read else stmt.add_columns(*_key_columns(ordering))
            if values is not None:
                paged = paged.where(_after(ordering, values))
            paged = paged.order_by(*_sorted(ordering)).limit(limit + 1)
            if read:
                paged = _read_cut(stmt, paged.subquery("page"), ordering, read)
            result = execute(paged).all()
        keys = [r[-len(ordering.keys) :] for r in result]
        counted = (-1, True)
        more = len(result) > limit
        if count == "exact" or (count == "auto" and carried is None and (cursor or more)):
            counted = count_matches(session, stmt, count)
        elif count == "auto":
            # the first page holds every match, or the first page's count came in the cursor
            counted = carried or (len(result), True)
    rows = [r[0] for r in result[:limit]] if entity else result[:limit]
    more = len(result) > limit
    next_cursor = None
    if more:
        next_cursor = encode_cursor(
            ordering, list(keys[limit - 1]), counted if count is not None else None
        )
    return PageResult(rows=rows, count=counted[0], next=next_cursor, count_exact=counted[1])
