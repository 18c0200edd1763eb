"""The `claimdb` command as users run it, on real databases: in this process (CliRunner),
and as real processes where the process itself is what is tested."""

from __future__ import annotations

import csv
import gc
import json
import os
import subprocess
from pathlib import Path

import pytest
import sqlalchemy as sa

from app.db import make_engine
from tests.commands import claimdb_here as claimdb
from tests.conftest import SEEDS
from tests.processes import CLAIMDB, FAKES, count
from tests.processes import claimdb as claimdb_process


def test_help_lists_the_commands() -> None:
    done = claimdb(None, "--help")
    for command in ("migrate", "serve", "seed", "import", "reextract", "eval"):
        assert command in done.stdout


def test_seed_twice(fresh_url: str) -> None:
    first = json.loads(claimdb(fresh_url, "seed", "--json").stdout)
    second = json.loads(claimdb(fresh_url, "seed", "--json").stdout)
    assert (first["added"], second["added"], second["unchanged"]) == (5, 0, 5)
    assert count(fresh_url, "source") == 5


def test_an_import_keeps_what_it_loaded_out_of_the_collector_until_it_ends(
    fresh_url: str,
) -> None:
    frozen: list[int] = []  # the objects frozen whenever the collector ran during the import

    def seen(phase: str, _info: dict) -> None:
        if phase == "start":
            frozen.append(gc.get_freeze_count())

    gc.unfreeze()  # as a process starts (a server test of this process may have frozen)
    gc.callbacks.append(seen)
    try:
        claimdb(fresh_url, "seed", "--json")
    finally:
        gc.callbacks.remove(seen)
    assert max(frozen) > 10_000  # the registry, gazetteer and tokenizer at least
    assert gc.get_freeze_count() == 0


def test_import_reports_failures_and_exits_1(fresh_url: str, tmp_path: Path) -> None:
    claimdb(fresh_url, "migrate")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(
        "Headline\n\nThe army took Khanaser on Monday.\n", encoding="utf-8"
    )
    (folder / "empty.txt").write_bytes(b"")
    done = claimdb(fresh_url, "import", str(folder), "--json", check_code=1)
    summary = json.loads(done.stdout)
    assert summary["added"] == 1 and summary["failed"] == 1
    assert summary["errors"][0]["location"].endswith("empty.txt") and summary["errors"][0]["reason"]
    human = claimdb(fresh_url, "import", str(folder), check_code=1).stdout
    assert "1 unchanged" in human and "empty.txt" in human


@pytest.mark.parametrize(
    "args",
    [
        ["nowhere.txt"],
        ["--preset", "nosuch", str(FAKES)],
        ["--map", "title", str(FAKES)],
        ["--map", "colour=x", str(FAKES)],
        ["--format", "xml", str(FAKES)],
    ],
)
def test_usage_errors_exit_2_and_import_nothing(fresh_url: str, args: list[str]) -> None:
    claimdb(fresh_url, "migrate")
    done = claimdb(fresh_url, "import", *args, check_code=2)
    assert "error" in done.stderr.lower()
    assert count(fresh_url, "source") == 0 and count(fresh_url, "import_run") == 0


def test_import_fakes_preset(fresh_url: str) -> None:
    claimdb(fresh_url, "migrate")
    summary = json.loads(
        claimdb(fresh_url, "import", "--preset", "fakes", str(FAKES), "--json").stdout
    )
    assert summary["added"] + summary["unchanged"] == 381 and summary["failed"] == 0
    assert count(fresh_url, "source") == summary["added"]
    # The unchanged rows are the dataset's repeats: the same unit_id and text listed again.
    with FAKES.open(encoding="utf-8", newline="") as f:
        rows = [(r["unit_id"], r["article_content"]) for r in csv.DictReader(f)]
    assert summary["unchanged"] == len(rows) - len(set(rows)) == 8
    assert summary["same_text"] == []


def test_import_names_documents_whose_text_another_already_has(
    fresh_url: str, tmp_path: Path
) -> None:
    text = "Government forces shelled Douma on Monday, the Observatory said."
    docs = [{"external_id": "a-1", "text": text}, {"external_id": "b-7", "text": text}]
    path = tmp_path / "copies.jsonl"
    path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    claimdb(fresh_url, "migrate")
    summary = json.loads(claimdb(fresh_url, "import", str(path), "--json").stdout)
    assert (summary["added"], summary["unchanged"]) == (1, 1)
    [same] = summary["same_text"]
    assert same["external_id"] == "b-7" and same["source_external_id"] == "a-1"
    assert same["location"].endswith("copies.jsonl:line 2")
    again = claimdb(fresh_url, "import", str(path)).stdout  # the summary a person reads
    assert "0 added, 2 unchanged" in again
    assert f"line 2 (b-7): same text as source {same['source_id']} (a-1)" in again
    assert "(a-1): same text" not in again  # a re-import of a-1 itself is just unchanged


@pytest.mark.slow
def test_two_imports_at_once_leave_no_duplicates(fresh_url: str) -> None:
    """Two processes import the same dataset into one database at the same time."""
    claimdb(fresh_url, "migrate")
    env = {**os.environ, "CLAIMDB_DATABASE_URL": fresh_url}
    args = [*CLAIMDB, "import", "--preset", "fakes", str(FAKES), str(SEEDS), "--json"]
    procs = [
        subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    results = [p.communicate(timeout=600) for p in procs]
    summaries = []
    for proc, (stdout, stderr) in zip(procs, results, strict=True):
        assert proc.returncode == 0, stderr
        assert "locked" not in stderr.lower()
        summaries.append(json.loads(stdout))
    assert all(s["failed"] == 0 for s in summaries)
    sources = count(fresh_url, "source")
    assert sum(s["added"] for s in summaries) == sources
    engine = make_engine(fresh_url)
    with engine.connect() as conn:
        dupes = conn.execute(
            sa.text(
                "SELECT count(*) FROM (SELECT content_sha256 FROM source GROUP BY content_sha256 HAVING count(*) > 1) d"
            )
        ).scalar_one()
        orphan_claims = conn.execute(
            sa.text("SELECT count(*) FROM claim WHERE source_id NOT IN (SELECT id FROM source)")
        ).scalar_one()
        actors = conn.execute(
            sa.text(
                "SELECT count(*) FROM (SELECT slug FROM actor GROUP BY slug HAVING count(*) > 1) d"
            )
        ).scalar_one()
    engine.dispose()
    assert (dupes, orphan_claims, actors) == (0, 0, 0)


def test_reextract_redoes_outdated_sources(fresh_url: str) -> None:
    claimdb(fresh_url, "seed")
    engine = make_engine(fresh_url)
    with engine.begin() as conn:
        before = conn.execute(sa.text("SELECT count(*) FROM claim")).scalar_one()
        figures = conn.execute(sa.text("SELECT count(*) FROM claim_figure")).scalar_one()
        conn.execute(sa.text("UPDATE source SET extractor_version = 'old' WHERE id = 1"))
    engine.dispose()
    summary = json.loads(claimdb(fresh_url, "reextract", "--json").stdout)
    assert summary == {
        "reextracted": 1,
        "failed": 0,
        "sources": 1,
        "reviewed_claims_kept": 0,
        "disagreements": [],
    }
    assert count(fresh_url, "claim") == before
    assert count(fresh_url, "claim_figure") == figures > 0  # replaced, not added to
    assert json.loads(claimdb(fresh_url, "reextract", "--json").stdout)["sources"] == 0


def test_eval_prints_the_measures() -> None:
    done = claimdb(None, "eval", str(FAKES), "--preset", "fakes")
    result = json.loads(done.stdout)["labels"]
    assert result["documents"] == 381
    for key in ("event_date_exact", "governorate_accuracy", "docs_per_second"):
        assert result[key] > 0


def test_import_into_a_new_database_creates_the_schema(fresh_url: str) -> None:
    done = claimdb(fresh_url, "import", str(SEEDS), "--json")
    assert json.loads(done.stdout)["added"] == 5
    assert "created the schema" in done.stderr
    assert claimdb(fresh_url, "check").exit_code == 0


@pytest.mark.slow
def test_import_into_a_database_behind_says_migrate(fresh_url: str) -> None:
    """An existing database behind the code is left for `claimdb migrate` to upgrade; a real
    process: the installed entry point turns the fault into one line, no traceback."""
    from app.db import migrate

    migrate(fresh_url, "0001")
    done = claimdb_process(fresh_url, "import", str(SEEDS), check_code=2)
    assert "claimdb migrate" in done.stderr and "Traceback" not in done.stderr


def test_a_mapped_column_the_csv_lacks_exits_2(fresh_url: str) -> None:
    claimdb(fresh_url, "migrate")
    done = claimdb(fresh_url, "import", "--map", "title=no_such_col", str(FAKES), check_code=2)
    assert "--map title=no_such_col" in done.stderr and "'article_content'" in done.stderr
    assert count(fresh_url, "source") == 0 and count(fresh_url, "import_run") == 0


def test_flags_print_as_flags_in_help() -> None:
    for command in ("import", "seed", "reextract", "restore"):
        done = claimdb(None, command, "--help")
        assert "<bool>" not in done.stdout
    assert "--json " in claimdb(None, "import", "--help").stdout


def test_the_import_progress_bar_has_a_total_and_a_time_remaining() -> None:
    import io

    from rich.console import Console

    from app.cli import import_progress
    from app.ingest import read_documents

    total = sum(1 for _ in read_documents([SEEDS]))
    screen = io.StringIO()
    console = Console(file=screen, force_terminal=True, width=150)
    with import_progress(total, True, console) as progress:
        progress.update(progress.task_ids[0], advance=2, last="added: a.txt")
        progress.refresh()
    assert total == 5 and progress.tasks[0].total == 5
    shown = screen.getvalue()
    assert "2/5" in shown and "eta" in shown


def test_summary_prints_reasons_verbatim(fresh_url: str) -> None:
    """File names and reasons may look like terminal markup ([[document]]); they print as is."""
    claimdb(fresh_url, "migrate")
    bad = Path(__file__).resolve().parent / "data" / "bad" / "bad_manifest"
    done = claimdb(fresh_url, "import", str(bad), check_code=1)
    assert "manifest.toml: [[document]] #2 (file bad_date.txt)" in done.stdout
