"""The `claimdb` command: migrate, serve, seed, import, reextract, backup, restore, check
(eval and rebuild-events: app.cli_analysis; keys: app.cli_keys; synth: app.cli_synth)."""

from __future__ import annotations

import gc
import json
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer

from app.cli_common import _require_schema, _safe_url, _usage_error, app, err, out
from app.config import settings
from app.errors import UsageError


def main() -> None:
    """The `claimdb` command (a database fault is the command group's to report:
    app.cli_common)."""
    import logging

    # psycopg warns about the batch it abandons when a write fails ("error ignored
    # terminating <Pipeline ...>"); the fault itself is the line that matters
    logging.getLogger("psycopg").setLevel(logging.ERROR)
    app()


@app.command()
def migrate() -> None:
    """Create or upgrade the database schema (CLAIMDB_DATABASE_URL) and load the registry."""
    from app.db import get_engine
    from app.db import migrate as run_migrations
    from app.importer import prepare

    run_migrations()
    prepare(get_engine())
    out.print(f"database at the latest revision: {_safe_url()}")


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
    workers: Annotated[
        int | None,
        typer.Option(
            help="Worker processes, each with its own socket on the port (SO_REUSEPORT), so "
            "connections spread over them. Default: one per core this process may use.",
            show_default=False,
        ),
    ] = None,
    keep_alive: Annotated[
        int,
        typer.Option(
            help="Seconds an idle connection stays open; keep it above any proxy's or "
            "client's own idle timeout, or requests can race a closing connection.",
        ),
    ] = 75,
) -> None:
    """Serve the API (docs at /docs and /redoc) on all cores.

    Refuses a database that is not at this code's schema revision (behind: run `claimdb
    migrate`; ahead: written by a newer claimdb). /health names the worker that answered
    (`pid`). SIGINT or SIGTERM stops every worker after its requests in flight."""
    from app.serving import default_workers
    from app.serving import serve as run_server

    count = default_workers() if workers is None else workers
    if count < 1:
        raise _usage_error("--workers must be at least 1")
    _require_schema()
    raise typer.Exit(run_server(host, port, count, keep_alive))


def _run_import(
    items_factory, origin: str, as_json: bool, show_progress: bool | None = None
) -> int:
    """Run a batch with a progress bar on a terminal; print the summary; return the exit
    code. A new, empty database gets the schema first (app.db.ensure_schema)."""
    from app.db import ensure_schema
    from app.importer import run_import

    try:
        items = items_factory()
    except UsageError as exc:
        raise _usage_error(exc.detail) from None
    if ensure_schema():
        err.print(f"created the schema in the new database {_safe_url()}")
    show = (sys.stderr.isatty() if show_progress is None else show_progress) and not as_json
    # Reading is fast beside extraction: counting the documents first gives the bar its
    # total and its time remaining, at the cost of reading the files twice.
    progress = import_progress(sum(1 for _ in items_factory()) if show else None, show)
    with _frozen_start(), progress:
        task = progress.task_ids[0]

        def on_item(item, outcome: str) -> None:
            progress.update(task, advance=1, last=f"{outcome}: {item.location}"[:60])

        report = run_import(items, origin=origin, on_item=on_item)
    if as_json:
        print(json.dumps(report.as_json(), indent=2, ensure_ascii=False))
    else:
        _print_summary(report)
    return 1 if report.failed else 0


@contextmanager
def _frozen_start():
    """The extractor loaded (registry, gazetteer, tokenizer) and kept out of the garbage
    collector's full passes for the batch: it lives as long as the import, and each full
    pass walked it all again while the articles' linking allocates (the server does the
    same at start-up, app.main). Unfrozen after, so that a caller in the same process
    (the tests' CliRunner) gets its objects collected again."""
    from app.workers import warm_up

    warm_up()
    gc.collect()  # what is garbage already is not frozen with the rest
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def import_progress(total: int | None, show: bool, console=None):
    """The import's progress bar: done/total, the document last stored, elapsed and
    remaining time (the latter once `total` is known)."""
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    progress = Progress(
        TextColumn("importing"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("eta"),
        TimeRemainingColumn(),
        TextColumn("{task.fields[last]}"),
        console=console or err,
        disable=not show,
        transient=True,
    )
    progress.add_task("import", total=total, last="")
    return progress


def _print_summary(report) -> None:
    c = report.counts
    out.print(
        f"import run {report.import_run_id}: [green]{c['added']} added[/green], "
        f"{c['unchanged']} unchanged, {c['superseded']} superseded, "
        f"[{'red' if c['failed'] else 'green'}]{c['failed']} failed[/], "
        f"{c['claims']} claims, in {report.seconds:.1f} s"
    )
    for failure in report.failed:  # file names and reasons are text, never rich markup
        out.print("  [red]failed[/red] ", end="")
        out.print(f"{failure['location']}: {failure['reason']}", markup=False, highlight=False)
    for same in report.same_text:
        out.print(
            f"  unchanged {same['location']} ({same['external_id']}): same text as source "
            f"{same['source_id']} ({same['source_external_id']})",
            markup=False,
            highlight=False,
        )
    for lost in report.not_carried:
        out.print(
            f"  review not carried to {lost['location']} (source {lost['source_id']}): "
            f"{lost['reason']}",
            markup=False,
            highlight=False,
        )


@app.command()
def seed(
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
) -> None:
    """Migrate, then import the seed documents (seeds/ and its manifest). Safe to run twice."""
    from app.db import migrate as run_migrations
    from app.ingest import read_documents

    run_migrations()
    code = _run_import(
        lambda: read_documents([settings.seeds_dir]), f"seed {settings.seeds_dir}", as_json
    )
    raise typer.Exit(code)


@app.command("import")
def import_(
    paths: Annotated[
        list[Path], typer.Argument(help="Files or folders to import.", show_default=False)
    ],
    format: Annotated[
        str, typer.Option("--format", help="auto, text, csv or jsonl; auto goes by suffix.")
    ] = "auto",
    manifest: Annotated[
        Path | None,
        typer.Option(help="manifest.toml for text files (default: the one beside them)."),
    ] = None,
    preset: Annotated[
        str | None, typer.Option(help="Column mapping for a known dataset: fakes.")
    ] = None,
    map_: Annotated[
        list[str] | None,
        typer.Option(
            "--map",
            help="FIELD=COLUMN for CSV (fields: external_id, title, text, outlet, url, published, author). Repeatable.",
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
) -> None:
    """Import documents: a folder of .txt files (+ manifest.toml), a CSV, or JSON Lines.

    Each document is one transaction: a bad document is reported (file, line or row, reason)
    and the rest are imported. Re-importing the same content changes nothing.
    Exit status: 0 all imported, 1 some documents failed, 2 usage error.
    """
    from app.ingest import parse_mapping, read_documents

    def items():
        return read_documents(
            paths,
            format=format,
            manifest=manifest,
            preset=preset,
            mapping=parse_mapping(map_ or []),
            max_bytes=settings.max_document_bytes,
        )

    origin = " ".join(
        ["import", *(str(p) for p in paths)] + ([f"--preset {preset}"] if preset else [])
    )
    raise typer.Exit(_run_import(items, origin, as_json))


@app.command()
def reextract(
    everything: Annotated[
        bool, typer.Option("--all", help="Redo every source, not only outdated ones.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
) -> None:
    """Re-run extraction over stored sources (after the registry or gazetteer improved).

    Texts and supplied metadata are kept; claims, mentions and places are replaced, one
    source per transaction, except what people reviewed and corrected: it is applied
    again, and each place the new extraction disagrees with a correction is listed.
    By default only sources from another extractor version.
    """
    from rich.progress import Progress

    from app.importer import reextract as run

    _require_schema()
    with Progress(console=err, disable=as_json or not sys.stderr.isatty(), transient=True) as bar:
        task = bar.add_task("re-extracting", total=None)
        summary = run(everything=everything, on_item=lambda _id, _outcome: bar.advance(task))
    if as_json:
        print(json.dumps(summary))
    else:
        out.print(
            f"{summary['reextracted']} sources re-extracted, {summary['failed']} failed "
            f"(of {summary['sources']}); {summary['reviewed_claims_kept']} reviewed claims "
            "kept with their corrections"
        )
        for line in summary["disagreements"]:
            out.print(f"  {line}", markup=False, highlight=False)
    raise typer.Exit(1 if summary["failed"] else 0)


@app.command("backup")
def backup_(
    path: Annotated[Path, typer.Argument(help="New file to write the backup to.")],
) -> None:
    """Copy the SQLite database to PATH while the service keeps running (online backup).

    For PostgreSQL, this prints how to use pg_dump instead."""
    from app.backup import backup

    try:
        size = backup(settings.database_url, path)
    except UsageError as exc:
        raise _usage_error(exc.detail) from None
    out.print(f"backed up {_safe_url()} to {path} ({size / 1_000_000:.1f} MB)")


@app.command()
def restore(
    path: Annotated[Path, typer.Argument(help="A file written by `claimdb backup`.")],
    force: Annotated[
        bool, typer.Option("--force", help="Replace a database that already holds sources.")
    ] = False,
) -> None:
    """Replace the SQLite database with a backup, then migrate it to the current schema."""
    from app.backup import restore as run_restore
    from app.db import migrate as run_migrations

    try:
        revision = run_restore(settings.database_url, path, force=force)
    except UsageError as exc:
        raise _usage_error(exc.detail) from None
    run_migrations()
    out.print(f"restored {path} (schema {revision}) into {_safe_url()}, now migrated")


@app.command()
def check() -> None:
    """Check the database: schema revision, and on SQLite every page (PRAGMA quick_check).

    Exit status 0 when sound; otherwise the fault's own status (6: damaged, 7: unknown
    schema revision, 2: not migrated) with the problem in one line."""
    from app.db import check_database

    out.print(f"{_safe_url()}: {check_database()}")


# eval, rebuild-events, keys and synth, listed after the commands above
from app import cli_analysis, cli_keys, cli_synth  # noqa: E402, F401

if __name__ == "__main__":
    main()
