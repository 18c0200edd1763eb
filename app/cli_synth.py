"""`claimdb synth`: synthetic claims resampled from real ones (app/synth.py), written into
the configured database, for benchmarks and capacity tests."""

from __future__ import annotations

import sys
import time
from typing import Annotated

import typer

from app.cli_common import _safe_url, _usage_error, app, err, out


@app.command()
def synth(
    claims: Annotated[
        int, typer.Option("--claims", help="How many claims to add.", show_default=False)
    ],
    seed: Annotated[int, typer.Option(help="Random seed: the same seed gives the same rows.")] = 7,
    per_source: Annotated[
        int, typer.Option("--per-source", help="Claims per synthetic source.")
    ] = 20,
) -> None:
    """Add N synthetic claims (with their sources, actors, places, figures and full-text
    rows) to the database (CLAIMDB_DATABASE_URL), creating the schema if it is new.

    The claims are real ones, extracted from seeds/ and the FA-KES dev half, drawn at
    random and moved to new sources and dates (app/data/synth_profile.jsonl.gz), so the
    usual names (Daesh, Aleppo, SOHR, Homs) resolve and every filter has realistic data.
    Nothing is extracted: 1,000,000 claims take about a minute of CPU on SQLite. Added on top of
    whatever the database holds; events are not linked (`claimdb rebuild-events` does
    that)."""
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    from app.db import ensure_schema, get_engine
    from app.importer import prepare
    from app.synth import generate

    if claims < 1 or per_source < 1:
        raise _usage_error("--claims and --per-source must be at least 1")
    started = time.perf_counter()
    if ensure_schema():
        err.print(f"created the schema in the new database {_safe_url()}")
    engine = get_engine()
    prepare(engine)
    bar = Progress(
        TextColumn("synthesising"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("eta"),
        TimeRemainingColumn(),
        console=err,
        disable=not sys.stderr.isatty(),
        transient=True,
    )
    with bar:
        task = bar.add_task("synth", total=claims)
        generate(
            engine,
            claims,
            per_source=per_source,
            seed=seed,
            progress=lambda n: bar.advance(task, n),
        )
    seconds = time.perf_counter() - started
    out.print(
        f"added {claims:,} synthetic claims (seed {seed}, {per_source} per source) to "
        f"{_safe_url()} in {seconds:.1f} s ({claims / seconds:,.0f} claims/s)",
        highlight=False,
    )
