"""`claimdb eval` and `claimdb rebuild-events`: measuring against gold labels, and
recomputing everything cross-source from the stored claims."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from app.cli_common import _require_schema, _usage_error, app, out
from app.errors import UsageError


@app.command("eval")
def eval_(
    path: Annotated[
        Path | None,
        typer.Argument(help="A labelled dataset, e.g. the FA-KES CSV (with --preset)."),
    ] = None,
    preset: Annotated[str, typer.Option(help="Column mapping of the dataset.")] = "fakes",
    claims: Annotated[
        Path | None,
        typer.Option(
            "--claims",
            help="Gold claim files (a .json file or a folder of them, docs/annotation.md): "
            "score claims and their fields.",
            show_default=False,
        ),
    ] = None,
    relations: Annotated[
        Path | None,
        typer.Option(
            "--relations",
            help="Gold claim pairs (a .json file or a folder, docs/relations-annotation.md): "
            "score same-event grouping and each relation kind.",
            show_default=False,
        ),
    ] = None,
    errors: Annotated[
        bool, typer.Option("--errors", help="Also list every error, with what was expected.")
    ] = False,
) -> None:
    """Measure extraction through a real import into a throwaway database. Prints JSON.

    With a dataset: the primary governorate against its `location` label and the main
    event date against its `date` label. With --claims: claim precision and recall, and
    on matched claims the accuracy of claimant, hedged, event date, actors and roles,
    places and figures, and the share with every field right. With --relations:
    pairwise precision and recall of same-event grouping and of each relation kind."""
    from app.evaluation.run import evaluate, evaluate_claims, evaluate_relations

    if path is None and claims is None and relations is None:
        raise _usage_error("give a labelled dataset, --claims GOLD or --relations GOLD")
    result: dict[str, object] = {}
    try:
        if path is not None:
            result["labels"] = evaluate(path, preset=preset, with_errors=errors)
        if claims is not None:
            result["claims"] = evaluate_claims(claims, with_errors=errors)
        if relations is not None:
            result["relations"] = evaluate_relations(relations, with_errors=errors)
    except UsageError as exc:
        raise _usage_error(exc.detail) from None
    print(json.dumps(result, indent=2, ensure_ascii=False))


@app.command("rebuild-events")
def rebuild_events(
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
) -> None:
    """Recompute events, relations, grades and framing from the stored claims.

    Everything cross-source is derived from claims, so this gives what importing every
    current source again would; use it after changing the linking rules."""
    import time

    from app.db import write_session
    from app.services import events

    _require_schema()
    started = time.perf_counter()
    with write_session() as session:
        summary = events.rebuild(session)
        session.commit()
    summary["seconds"] = round(time.perf_counter() - started, 2)
    if as_json:
        print(json.dumps(summary))
    else:
        out.print(
            f"{summary['claims']} claims, {summary['relations']} relations, "
            f"{summary['events']} events in {summary['seconds']} s"
        )
