"""`make bench`'s script runs end to end (tiny size, few requests), so the harness cannot
rot unnoticed. It checks that a table comes out, never a timing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bench.compare import QUERIES, inline

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_the_side_by_side_benchmark_runs(tmp_path: Path) -> None:
    results = tmp_path / "RESULTS.md"
    results.write_text(
        "# Benchmark results\n\n## Side by side: claimdb, Datasette and raw SQL\n\nold table\n\n"
        "### Notes of an earlier run\n\nnotes kept\n\n## Another section\n\nkept\n"
    )
    done = subprocess.run(
        [sys.executable, "bench/compare.py", "--sizes", "2000", "--requests", "2", "--seconds",
         "0.2", "--workers", "1", "--data-dir", str(tmp_path), "--results", str(results)],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    written = results.read_text()
    assert "kept" in written and written.count("## Side by side") == 1
    # a run replaces its own table, not the notes under it nor the sections after it
    assert "old table" not in written and "notes kept" in written
    rows = [line for line in written.splitlines() if line.startswith("| sqlite | 2,000 |")]
    assert len(rows) == len(QUERIES) + 1  # each query, and the deep page against page 1
    for row in rows[:-1]:  # every system answered: claimdb, raw SQL and Datasette
        cells = [c.strip() for c in row.split("|")]
        assert all(cells[i] not in ("", "-") for i in (4, 5, 7, 8, 9)), row


def test_parameters_are_written_into_the_sql() -> None:
    sql = "SELECT * FROM claim WHERE a = ? AND b = '?' AND c IN (?, ?) AND d = ?"
    assert inline(sql, (1, "it's", 2.5, None)) == (
        "SELECT * FROM claim WHERE a = 1 AND b = '?' AND c IN ('it''s', 2.5) AND d = NULL"
    )
