"""Schema fuzzing: every operation of the app's own OpenAPI spec, against a seeded database.

Schemathesis loads /openapi.json from the app in-process (ASGI) and, for each operation,
sends its examples, the coverage phase's boundary values (limits, empty and over-long
strings, wrong types, missing parameters, undeclared methods) and generated positive and
negative cases, some drawn from dictionaries of names the seed data knows and of hostile
values. Every response must be: not a 5xx, a documented status, the documented media type
(application/problem+json for every error), valid against the documented schema and
headers, and a 405 must carry Allow. About 5,700 cases per backend, ~1 minute each.

Generation is deterministic (a fixed seed, no example database), so a CI failure
reproduces locally; CLAIMDB_FUZZ_SEED and CLAIMDB_FUZZ_EXAMPLES explore further. Writes
(POST /sources, with the API key) land inside an outer transaction that is rolled back,
like every other test. tests/api/test_fuzz_regressions.py pins what this found.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from pydantic import SecretStr
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
    unsupported_method,
)
from sqlmodel import Session

from app.config import settings as app_settings
from app.db import get_session, get_write_session
from app.main import app
from tests.conftest import Database

KEY = "fuzz-key"
AUTH = {"Authorization": f"Bearer {KEY}"}
MIN_CASES = 1_000
# Generated cases per operation, on top of examples and boundary values; a fixed seed so CI
# reruns the same cases. Set CLAIMDB_FUZZ_SEED (and _EXAMPLES) to explore beyond them.
FUZZ_EXAMPLES = int(os.environ.get("CLAIMDB_FUZZ_EXAMPLES", "200"))
FUZZ_SEED = int(os.environ.get("CLAIMDB_FUZZ_SEED", "20161127"))

# Values the seed data knows, so generated requests also get past name resolution and
# reach the queries, mixed with values that have broken servers like this one before.
DICTIONARIES = {
    "places": ["Aleppo", "East Aleppo", "Palmyra", "Kweires", "Hanano", "Idlib", "164", "25"],
    "actors": ["Daesh", "ISIL", "Islamic State", "SAA", "Tiger Forces", "YPG", "Russia", "52"],
    "claimants": ["Sergei Rudskoy", "SOHR", "Reuters", "Syrian state media", "34"],
    "governorates": ["Aleppo", "Homs", "Idlib", "Rif Dimashq", "Deir ez-Zor", "Hasakah"],
    "outlets": [
        "Russia Insider",
        "morning star",
        "morning-star",
        "Informed Comment",
        "The Inquisitr",
        "sana",
        "Syrian Arab News Agency",
    ],
    "words": ["Aleppo", "army", '"East Aleppo"', "killed", "ISIS", "al-Nusra"],
    "ids": [1, 2, 5, 25, 34, 52, 78, 164, 2147483647],
    "texts": [
        "Syrian troops seized the Hanano district of Aleppo on Saturday, state media said.",
        "At least 20 people were killed in air strikes on Idlib on Wednesday, the Syrian "
        "Observatory for Human Rights said. Daesh reportedly shelled Palmyra.",
        "According to SOHR, hundreds of fighters from the YPG entered Manbij early this month.",
    ],
    "dates": ["2016-11-27", "2016-11", "2016", "2016-02-30", "0001", "9999-12-31", "16-11-27"],
    "hostile": [
        "\x00",
        "a\x00b",
        "' OR '1'='1",
        "%",
        "_",
        "\\",
        '"',
        "\u202eAleppo",
        "²",
        "٣",
        "0",
        "-1",
        "2147483648",
        "99999999999999999999",
        " ",
        "İstanbul",
        "ﬁ",
        "\U0001f600",
        "NEAR(a b)",
        "x" * 2000,
    ],
    "extreme_ints": [0, -1, 2**31 - 1, 2**31, -(2**31) - 1, 2**63 - 1, 2**63],
}
_QUERY_BINDINGS = {
    "place": "places",
    "actor": "actors",
    "claimant": "claimants",
    "governorate": "governorates",
    "outlet": "outlets",
    "q": "words",
    "source": "ids",
    "date_from": "dates",
    "date_to": "dates",
}
PARAMETERS = {
    **{
        f"query.{name}": {"dictionary": d, "probability": 0.5}
        for name, d in _QUERY_BINDINGS.items()
    },
    **{
        f"path.{name}": {"dictionary": "ids", "probability": 0.5}
        for name in ("claim_id", "source_id", "actor_id", "place_id", "run_id")
    },
    "path.key": {"dictionary": "outlets", "probability": 0.5},
    "body.text": {"dictionary": "texts", "probability": 0.3},
    "body.published": {"dictionary": "dates", "probability": 0.5},
}

CONFIG = schemathesis.Config.from_dict(
    {
        "seed": FUZZ_SEED,
        "dictionaries": {name: {"values": values} for name, values in DICTIONARIES.items()},
        "parameters": PARAMETERS,
        "generation": {
            "mode": "all",  # positive and negative cases
            "max-examples": FUZZ_EXAMPLES,
            "deterministic": True,
            "database": "none",
            "dictionaries": {
                "string": {"dictionary": "hostile", "probability": 0.1},
                "integer": {"dictionary": "extreme_ints", "probability": 0.1},
            },
        },
        "phases": {
            "examples": {"enabled": True},
            "coverage": {"enabled": True},
            "fuzzing": {"enabled": True},
            "stateful": {"enabled": False},
        },
    }
)
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    response_headers_conformance,
    unsupported_method,  # a 405 must say what is allowed (RFC 9110)
]

schema = schemathesis.openapi.from_asgi("/openapi.json", app, config=CONFIG)
OPERATIONS = {result.ok().label for result in schema.get_all_operations()}


@dataclass
class Tally:
    """What one backend's run sent and got, to check the run itself was thorough."""

    cases: Counter[str] = field(default_factory=Counter)
    answered_2xx: set[str] = field(default_factory=set)


TALLIES: dict[str, Tally] = {}
# Where a fuzzing run started by test_the_fuzzing_was_thorough writes its tally.
TALLY_FILE = "CLAIMDB_FUZZ_TALLY_FILE"


def _save(tally: Tally) -> None:
    if path := os.environ.get(TALLY_FILE):
        record = {"cases": dict(tally.cases), "answered_2xx": sorted(tally.answered_2xx)}
        Path(path).write_text(json.dumps(record), encoding="utf-8")


def _fuzz_in_a_process(backend: str, folder: Path) -> Tally:
    """Every operation's fuzzing on `backend`, run by pytest in a process of its own (for
    when this session did not run all of it); returns what it sent and got."""
    path = folder / "tally.json"
    done = subprocess.run(
        [
            sys.executable,
            *("-m", "pytest", __file__, "-q", "-p", "no:cacheprovider"),
            *("-k", f"test_every_operation_conforms and {backend}"),
        ],
        env={**os.environ, TALLY_FILE: str(path)},
        capture_output=True,
        text=True,
        timeout=1800,
    )
    assert done.returncode == 0, done.stdout[-5000:]
    record = json.loads(path.read_text(encoding="utf-8"))
    return Tally(Counter(record["cases"]), set(record["answered_2xx"]))


@pytest.fixture
def seeded_app(database: Database, monkeypatch: pytest.MonkeyPatch) -> Iterator[Tally]:
    """The app on the seeded database, writable with KEY; everything it writes is rolled back.

    Each request gets its own session on one connection (a savepoint inside the outer
    transaction), as in production: a request that fails cannot poison the next one.
    """
    monkeypatch.setattr(app_settings, "api_key", SecretStr(KEY))
    with database.engine.connect() as conn:
        outer = conn.begin()

        def request_session() -> Iterator[Session]:
            with Session(bind=conn, join_transaction_mode="create_savepoint") as session:
                yield session

        app.dependency_overrides[get_session] = request_session
        app.dependency_overrides[get_write_session] = request_session
        tally = TALLIES.setdefault(database.backend, Tally())
        try:
            yield tally
        finally:
            app.dependency_overrides.clear()
            outer.rollback()
            _save(tally)


@pytest.mark.slow
@schema.parametrize()
# One seeded_app per operation is intended: its outer transaction spans the operation's cases.
@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_every_operation_conforms(case: schemathesis.Case, seeded_app: Tally) -> None:
    """The key goes with every case, except the negative ones that drop it on purpose."""
    label = case.operation.label
    seeded_app.cases[label] += 1
    response = case.call_and_validate(headers=AUTH, checks=CHECKS)
    if 200 <= response.status_code < 300:
        seeded_app.answered_2xx.add(label)


@pytest.mark.slow
def test_the_fuzzing_was_thorough(
    backend: str, tmp_path: Path, record_testsuite_property: Callable[[str, object], None]
) -> None:
    """Checks this session's fuzzing of `backend` when it ran every operation (pytest runs
    a backend's items together, this one last); otherwise (run alone, or with -k) it runs
    the whole fuzzing in a process of its own, and checks that."""
    tally = TALLIES.get(backend)
    if tally is None or set(tally.cases) != OPERATIONS:
        tally = _fuzz_in_a_process(backend, tmp_path)
    assert set(tally.cases) == OPERATIONS, OPERATIONS - set(tally.cases)
    total = sum(tally.cases.values())
    record_testsuite_property(f"fuzz_cases_{backend}", total)  # in --junitxml reports
    assert total >= MIN_CASES, dict(tally.cases)
    # a broken override or key would leave every case at 401 or 422 and prove nothing
    assert tally.answered_2xx == OPERATIONS, OPERATIONS - tally.answered_2xx
