"""The ASGI application: routers, error handlers, CORS and the offline docs pages."""

from __future__ import annotations

import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI
from fastapi.concurrency import run_in_threadpool
from fastapi_offline import FastAPIOffline

from app.api import errors
from app.api.limits import QueryStringLimit
from app.api.middleware import HeadAsGet, ProblemCORSMiddleware, SecurityHeaders
from app.api.patch import COMPONENTS
from app.api.problems import PROBLEM_MEDIA_TYPE
from app.api.routes import (
    actors,
    claims,
    events,
    health,
    imports,
    outlets,
    places,
    revisions,
    sources,
)
from app.config import settings
from app.models.event import GRADE_HELP, RELATION_HELP

DESCRIPTION = """
claimdb turns war reporting into checkable data: every **claim** is a statement made in a
**source** (an imported article, kept byte-exact), attributed to its **claimant**, with the
exact character span it came from, its event date range and precision, and the **actors**
and **places** it names.

* Offsets are half-open `[char_start, char_end)` ranges into the source's `text`.
* Lists answer `{"data": [...], "count": N, "next": "<cursor>|null"}`; pass `next` back as
  `cursor=` for the following page.
* Errors are RFC 9457 problem details (`application/problem+json`).
"""

REVIEW_HELP = """**Reviewing and correcting.** Keys come from `claimdb keys create NAME --role
reader|editor|admin` (shown once). Readers read (when CLAIMDB_READ_KEY makes reads
private); editors review and correct claims (`PATCH /claims/{id}`); admins also delete
and restore sources. Every change needs the `ETag` of the version it was made on, as
`If-Match` (412 when someone changed it meanwhile), and a `reason`; it is kept here with
the name of the key that made it. Example:

```
curl -i https://claimdb.example/claims/42            # note the ETag
curl -X PATCH https://claimdb.example/claims/42 \\
  -H "Authorization: Bearer $KEY" -H 'If-Match: "3f2a..."' \\
  -H 'Content-Type: application/merge-patch+json' \\
  -d '{"claimant": "Syrian Arab Army", "reason": "The denial is the army's."}'
```
"""

TAGS = [
    {
        "name": "claims",
        "description": "Statements made in sources, with claimant and evidence span.",
    },
    {
        "name": "events",
        "description": "Claims about one incident, grouped within and across sources, and "
        "graded from their claimants.\n\n**Grades**\n\n"
        + "\n".join(f"- `{k}`: {v}" for k, v in GRADE_HELP.items())
        + "\n\n**Relations between claims** (`GET /claims/{id}/related`, and in each "
        "event)\n\n"
        + "\n".join(f"- `{k}`: {v}" for k, v in RELATION_HELP.items())
        + "\n\nIndependence counts claimants, not articles: SANA quoted by three outlets "
        "is one claimant, and so is a wire copy carried twice. Every relation has a "
        "`reason` in words and the fields that `agree` and `differ`; every grade a "
        "`grade_reason`.",
    },
    {"name": "sources", "description": "Imported documents, kept exactly as read."},
    {"name": "actors", "description": "Armed groups, states, people, media and monitors."},
    {"name": "places", "description": "Gazetteer of Syria with coordinates and hierarchy."},
    {
        "name": "outlets",
        "description": "Who published the sources: country, owner and alignment, with "
        "where each was read.",
    },
    {
        "name": "revisions",
        "description": "The audit trail: who changed what, when, and why.\n\n" + REVIEW_HELP,
    },
    {"name": "imports", "description": "Import runs: counts and every failure with its reason."},
    {"name": "health", "description": "Liveness and database state."},
]


@asynccontextmanager
async def _lifespan(_app: FastAPI) -> AsyncIterator[None]:
    # Load the extractor's registry, gazetteer and tokenizer before the first request:
    # loading them inside the first upload held the interpreter for a second or more,
    # which every concurrent request (and /health) felt.
    from app.extraction import extract

    await run_in_threadpool(extract, "Warm-up. The army entered Aleppo on Monday, SANA said.")
    # What is loaded by now lives as long as the process: kept out of the collector's full
    # passes, which otherwise walk it all (about 50 ms a pass here, felt by every request)
    gc.freeze()
    yield


def create_app() -> FastAPI:
    app = FastAPIOffline(
        lifespan=_lifespan,
        title="claimdb",
        summary="Who said what, where and when, in reporting on the Syrian war.",
        description=DESCRIPTION,
        version="0.1.0",
        openapi_tags=TAGS,
    )
    errors.install(app)
    app.add_middleware(QueryStringLimit, max_bytes=settings.max_query_bytes)
    if settings.cors_origins:
        app.add_middleware(
            ProblemCORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST", "PATCH", "DELETE"],
            allow_headers=["Authorization", "Content-Type", "If-Match"],
            expose_headers=["ETag"],
        )
    app.add_middleware(HeadAsGet)
    app.add_middleware(SecurityHeaders)  # added last: outermost, so every answer has them
    for module in (claims, events, sources, outlets, actors, places, revisions, imports, health):
        app.include_router(module.router)
    _finish_openapi(app)
    return app


def _finish_openapi(app: FastAPI) -> None:
    """Two corrections FastAPI cannot express per route, applied once to the document.

    - Error bodies are documented under application/problem+json only, which is what
      they are (FastAPI files every response model under application/json).
    - PATCH bodies, read by app.api.patch rather than by FastAPI, have their schemas added.
    - Reads declare the bearer key as optional ({} among the alternatives): they need it
      only when CLAIMDB_READ_KEY is set, and then the 401 is documented.
    """
    build = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = build()
            schema.setdefault("components", {}).setdefault("schemas", {}).update(COMPONENTS)
            for path in schema["paths"].values():
                for method, operation in path.items():
                    if method == "get" and operation.get("security"):
                        operation["security"] = [{}, *operation["security"]]
                    for response in operation.get("responses", {}).values():
                        content = response.get("content", {})
                        if PROBLEM_MEDIA_TYPE in content and "application/json" in content:
                            json_body = content.pop("application/json")
                            content[PROBLEM_MEDIA_TYPE]["schema"] = json_body["schema"]
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


app = create_app()
