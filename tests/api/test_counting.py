"""How lists count (issue #15): exact up to COUNT_BOUND matches, a lower bound beyond it
with `count_exact: false`, exact on request, and never again on the pages after the first.

Checked through HTTP on a database of synthetic claims (more than COUNT_BOUND of them), on
both backends. Which statements a request runs is seen by listening to the engine.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from typing import Any

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlmodel import Session

from app.db import get_session, make_engine, migrate
from app.importer import prepare
from app.models import Claim
from app.models.page import COUNT_BOUND
from app.synth import generate
from tests.problems import assert_problem

CLAIMS = COUNT_BOUND + 300


@pytest.fixture(scope="module")
def many(backend: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    from tests.conftest import create_database, drop_database

    url = create_database(backend, tmp_path_factory.mktemp("counting"))
    migrate(url)
    engine = make_engine(url)
    prepare(engine)
    generate(engine, CLAIMS)
    with engine.begin() as conn:  # the generator's figures lack approx and surface
        conn.execute(sa.update(Claim).values(quantities=[]))
    yield engine
    engine.dispose()
    drop_database(url)


@pytest.fixture
def api(many: Engine) -> Iterator[tuple[TestClient, list[str]]]:
    """A client on `many`, and the SQL statements its requests run."""
    from app.main import app

    statements: list[str] = []

    def seen(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        statements.append(statement)

    def session() -> Iterator[Session]:
        with Session(many) as s:
            yield s

    sa.event.listen(many, "before_cursor_execute", seen)
    app.dependency_overrides[get_session] = session
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c, statements
    app.dependency_overrides.clear()
    sa.event.remove(many, "before_cursor_execute", seen)


def _counts(statements: list[str]) -> list[str]:
    """The statements that count a list's matches (not per-row counts such as a source's)."""
    return [s for s in statements if s.lower().startswith("select count(*)")]


def _exact(engine: Engine, where: str = "") -> int:
    with engine.connect() as conn:
        return conn.execute(sa.text(f"SELECT count(*) FROM claim {where}")).scalar_one()


def test_a_large_result_counts_up_to_the_bound(api: tuple[TestClient, list[str]]) -> None:
    client, _ = api
    body = client.get("/claims").json()
    assert (body["count"], body["count_exact"]) == (COUNT_BOUND, False)
    assert len(body["data"]) == 50 and body["next"]


def test_count_exact_counts_every_match(api: tuple[TestClient, list[str]], many: Engine) -> None:
    client, _ = api
    body = client.get("/claims?count=exact").json()
    assert (body["count"], body["count_exact"]) == (_exact(many), True)
    assert body["count"] > COUNT_BOUND


def test_below_the_bound_the_count_is_exact(
    api: tuple[TestClient, list[str]], many: Engine
) -> None:
    client, _ = api
    body = client.get("/claims?event_type=siege&limit=10").json()
    assert body["count_exact"] is True
    assert body["count"] == _exact(many, "WHERE event_type = 'siege'") < COUNT_BOUND


def test_a_single_page_counts_its_rows_without_a_count_query(
    api: tuple[TestClient, list[str]], many: Engine
) -> None:
    client, statements = api
    body = client.get("/claims?event_type=siege&limit=500").json()
    assert not _counts(statements)
    assert body["next"] is None and body["count_exact"] is True
    assert body["count"] == len(body["data"]) == _exact(many, "WHERE event_type = 'siege'")


@pytest.mark.parametrize("query", ["", "count=exact", "event_type=siege"])
def test_later_pages_carry_the_first_count_without_counting(
    api: tuple[TestClient, list[str]], query: str
) -> None:
    client, statements = api
    first = client.get(f"/claims?limit=20&{query}").json()
    seen = {c["id"] for c in first["data"]}
    cursor = first["next"]
    for _ in range(3):
        statements.clear()
        # the cursor alone: next_url would repeat count=exact, which asks for a recount
        page = client.get(f"/claims?limit=20&cursor={cursor}").json()
        assert (page["count"], page["count_exact"]) == (first["count"], first["count_exact"])
        assert not _counts(statements), statements
        assert not seen & {c["id"] for c in page["data"]}
        seen |= {c["id"] for c in page["data"]}
        cursor = page["next"]


def test_count_exact_recounts_a_later_page(api: tuple[TestClient, list[str]], many: Engine) -> None:
    client, statements = api
    first = client.get("/claims?limit=20").json()
    assert "count=exact" not in first["next_url"]
    statements.clear()
    page = client.get(f"/claims?limit=20&count=exact&cursor={first['next']}").json()
    assert _counts(statements)
    assert (page["count"], page["count_exact"]) == (_exact(many), True)
    # asked for, the exact count rides in the next cursor
    statements.clear()
    after = client.get(f"/claims?limit=20&cursor={page['next']}").json()
    assert not _counts(statements)
    assert (after["count"], after["count_exact"]) == (_exact(many), True)


def _cursor(issued: list[Any]) -> str:
    raw = json.dumps(issued, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def test_a_cursor_without_a_count_is_counted_again(api: tuple[TestClient, list[str]]) -> None:
    """Cursors issued before counts rode in them stay valid."""
    client, _ = api
    page = client.get(f"/claims?limit=20&cursor={_cursor(['id', [20]])}").json()
    assert page["data"][0]["id"] > 20
    assert (page["count"], page["count_exact"]) == (COUNT_BOUND, False)


def test_a_last_page_by_a_cursor_without_a_count_counts_every_match(
    api: tuple[TestClient, list[str]], many: Engine
) -> None:
    """Not only the rows of that page: the page holding the last matches is not the first."""
    client, _ = api
    with many.connect() as conn:
        last = conn.execute(sa.select(sa.func.max(Claim.id))).scalar_one()
    page = client.get(f"/claims?limit=20&event_type=siege&cursor={_cursor(['id', [last - 3]])}")
    assert len(page.json()["data"]) < 20
    everything = client.get("/claims?limit=20&event_type=siege&count=exact").json()["count"]
    assert page.json()["count"] == min(everything, COUNT_BOUND) > len(page.json()["data"])


@pytest.mark.parametrize(
    "carried", [[-1, True], [1.5, True], [3, "yes"], [3], [2**60, False], [3, True, 1]]
)
def test_an_edited_count_in_a_cursor_is_422(
    api: tuple[TestClient, list[str]], carried: list[Any]
) -> None:
    client, _ = api
    response = client.get(f"/claims?cursor={_cursor(['id', [20], carried])}")
    assert_problem(response, 422, "cursor")


def test_count_is_checked(api: tuple[TestClient, list[str]]) -> None:
    client, _ = api
    assert_problem(client.get("/claims?count=planned"), 422, "count")


def test_other_lists_count_by_the_same_rule(
    api: tuple[TestClient, list[str]], many: Engine
) -> None:
    client, statements = api
    with many.connect() as conn:
        sources = conn.execute(sa.text("SELECT count(*) FROM source")).scalar_one()
    first = client.get("/sources?limit=10").json()
    assert (first["count"], first["count_exact"]) == (sources, True)
    statements.clear()
    page = client.get(f"/sources?limit=10&cursor={first['next']}").json()
    assert not _counts(statements)
    assert (page["count"], page["count_exact"]) == (sources, True)
    assert client.get("/sources?limit=10&count=exact").json()["count"] == sources
