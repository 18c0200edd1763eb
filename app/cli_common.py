"""The `claimdb` Typer app and what its commands share: consoles, usage errors, database
faults and the schema check (commands: app.cli, app.cli_analysis)."""

from __future__ import annotations

import sqlite3

import click
import typer
from rich.console import Console
from typer.core import TyperGroup

from app.config import settings
from app.errors import DatabaseFault

err = Console(stderr=True, soft_wrap=True)
out = Console(soft_wrap=True)


class _Commands(TyperGroup):
    """A database fault (read-only, disk full, damaged, unknown schema) in any command is
    one line on stderr and its own exit status, never a traceback; here rather than in
    main(), so that a command run in-process (typer's CliRunner) answers the same."""

    def invoke(self, ctx: click.Context) -> object:
        from sqlalchemy.exc import DBAPIError

        from app.db import database_fault

        try:
            return super().invoke(ctx)
        except (DatabaseFault, DBAPIError, sqlite3.Error) as exc:
            fault = exc if isinstance(exc, DatabaseFault) else database_fault(exc)
            if fault is None:
                raise
            err.print("[red]error:[/red] ", end="")
            err.print(f"{fault.detail} ({_safe_url()})", markup=False, highlight=False)
            raise typer.Exit(fault.exit_code) from None


app = typer.Typer(
    cls=_Commands,
    help="claimdb: who said what, where and when, in reporting on the Syrian war.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    # click's own help layout: typer's rich one prints every flag as `--json <bool>`
    rich_markup_mode=None,
)


def _safe_url() -> str:
    from sqlalchemy.engine import make_url

    return make_url(settings.database_url).render_as_string(hide_password=True)


def _usage_error(message: str) -> typer.Exit:
    err.print("[red]error:[/red] ", end="")
    err.print(message, markup=False, highlight=False)
    return typer.Exit(code=2)


def _require_schema() -> None:
    """Refuse a database that is behind (run migrate) or ahead of this code (newer claimdb)."""
    from app.db import check_schema

    check_schema()
