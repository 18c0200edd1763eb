"""The `claimdb` Typer app and what its commands share: consoles, usage errors and the
schema check (commands: app.cli, app.cli_analysis)."""

from __future__ import annotations

import typer
from rich.console import Console

app = typer.Typer(
    help="claimdb: who said what, where and when, in reporting on the Syrian war.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True, soft_wrap=True)
out = Console(soft_wrap=True)


def _usage_error(message: str) -> typer.Exit:
    err.print("[red]error:[/red] ", end="")
    err.print(message, markup=False, highlight=False)
    return typer.Exit(code=2)


def _require_schema() -> None:
    """Refuse a database that is behind (run migrate) or ahead of this code (newer claimdb)."""
    from app.db import check_schema

    check_schema()
