"""`claimdb keys create | list | revoke`: the API keys of the people who read, review and
correct. A key is printed once, at creation; the database keeps only its hash."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from app.cli_common import _require_schema, _usage_error, app, out
from app.errors import ClaimdbError

keys_app = typer.Typer(help="API keys: create (printed once), list, revoke.", no_args_is_help=True)
app.add_typer(keys_app, name="keys")


@keys_app.command("create")
def create(
    name: Annotated[str, typer.Argument(help="Who holds the key (shown in the audit trail).")],
    role: Annotated[
        str, typer.Option(help="reader (reads), editor (reviews and corrects), admin (all).")
    ] = "reader",
) -> None:
    """Create a key for NAME and print it: it is shown this once and never stored."""
    from app.db import write_session
    from app.services import keys

    _require_schema()
    with write_session() as session:
        try:
            key = keys.create(session, name, role)
        except ClaimdbError as exc:
            raise _usage_error(exc.detail) from None
        session.commit()
    out.print(f"created {role} key for {name} (shown once; keep it safe):", highlight=False)
    print(key)


@keys_app.command("list")
def list_(
    as_json: Annotated[bool, typer.Option("--json", help="Print the keys as JSON.")] = False,
) -> None:
    """Every key's name, role, creation and revocation time (never the key)."""
    from sqlmodel import Session

    from app.db import get_engine
    from app.services import keys

    _require_schema()
    with Session(get_engine()) as session:
        rows = keys.list_keys(session)
    if as_json:
        print(json.dumps([r.model_dump(mode="json") for r in rows]))
        return
    for r in rows:
        state = f"revoked {r.revoked_at:%Y-%m-%d %H:%M}" if r.revoked_at else "active"
        out.print(f"{r.name}\t{r.role}\tcreated {r.created_at:%Y-%m-%d %H:%M}\t{state}")


@keys_app.command("revoke")
def revoke(name: Annotated[str, typer.Argument(help="The key's name.")]) -> None:
    """Revoke NAME's key: the next request with it is refused."""
    from app.db import write_session
    from app.services import keys

    _require_schema()
    with write_session() as session:
        try:
            keys.revoke(session, name)
        except ClaimdbError as exc:
            raise _usage_error(exc.detail) from None
        session.commit()
    out.print(f"revoked the key of {name}")
