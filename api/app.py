"""The FastAPI application: GraphQL at /graphql, the planners' page at /app/, liveness at /health, readiness at
/ready. Stateless: any number of replicas can serve behind a load balancer."""

from __future__ import annotations

import asyncio
import datetime as dt
import gc
import hashlib
import logging
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any

import orjson
import strawberry
from cachetools import TTLCache
from fastapi import FastAPI, Request, Response
from fastapi.responses import JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from neo4j.exceptions import ServiceUnavailable, SessionExpired
from strawberry.fastapi import GraphQLRouter

from peacegraph.api.context import Context
from peacegraph.api.page_queries import first_visit, page_queries, web_dist
from peacegraph.api.schema import make_schema
from peacegraph.graph.analysis import portfolio as pf
from peacegraph.graph.analysis.load import STORE, SnapshotStore
from peacegraph.graph.settings import Settings, get_settings
from peacegraph.graph.store.database import Database, make_driver
from peacegraph.graph.store.keys import ApiKey, check_token

log = logging.getLogger("peacegraph.api")
UNAVAILABLE = {"errors": [{"message": "The database is unavailable; try again shortly (see /ready).",
                           "extensions": {"code": "SERVICE_UNAVAILABLE"}}]}


class KeyCache:
    """Checked tokens for a short while (a setting), keyed by the token's hash, bounded in size."""

    def __init__(self, seconds: float, size: int) -> None:
        self._entries: TTLCache[str, ApiKey | None] = TTLCache(maxsize=size, ttl=seconds)

    async def check(self, db: Database, token: str) -> ApiKey | None:
        digest = hashlib.sha256(token.encode()).hexdigest()
        if digest in self._entries:
            return self._entries[digest]
        key = await check_token(db, token)
        self._entries[digest] = key
        return key


def token_of(request: Request) -> str | None:
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        return auth[7:].strip()
    return request.headers.get("x-api-key")


class Router(GraphQLRouter[Context, None]):
    """The GraphQL endpoint; its GraphiQL page loads only the project's own copies of GraphiQL and React."""

    def encode_json(self, data: object) -> bytes:
        """Responses serialised with orjson (several times faster than the standard library's json)."""
        return orjson.dumps(data)

    @property
    def graphql_ide_html(self) -> str:
        dist = web_dist()
        page = dist / "graphiql.html" if dist is not None else None
        if page is None or not page.is_file():
            return "<p>GraphiQL is not built: run <code>make web</code>.</p>"
        return page.read_text(encoding="utf-8")


async def warm_up(db: Database, settings: Settings, store: SnapshotStore = STORE,
                  schema: strawberry.Schema | None = None) -> int:
    """Once, in the background at start-up: today's portfolio (fills the snapshot cache the views share), then the
    page's first requests for the country with the most operations. The first run of a statement makes Neo4j plan
    it (0.2-1.5 s each on a cold server), so the first planner need not. Never fails the app; returns how many page
    requests answered without errors."""
    started = time.perf_counter()
    today = dt.date.today()
    try:
        found = await pf.portfolio(db, today, stale_after_years=settings.stale_after_years, store=store)
        answered = 0
        documents = page_queries()
        busiest = max(found.countries, key=lambda c: len(c.operations), default=None)
        if schema is not None and busiest is not None and documents:
            for name, variables in first_visit(busiest.country, today, min(busiest.operations, default=None)):
                context = Context(graph=db, settings=settings, role="reader", request_id="warm-up")
                result = await schema.execute(documents[name], variable_values=variables, context_value=context)
                if result.errors:
                    log.info("warm-up: the page's %s query failed (%s)", name, result.errors[0].message)
                else:
                    answered += 1
    except asyncio.CancelledError:
        raise
    except Exception as exc:  # a server not up yet, or any other reason: the first request pays, as without it
        log.info("warm-up skipped (%s)", exc)
        return 0
    log.info("warmed up in %.1fs: %d countries' snapshots read, %d of the page's first requests run",
             time.perf_counter() - started, len(found.countries), answered)
    return answered


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the app; the Neo4j driver lives for the app's lifetime and reconnects by itself."""
    settings = settings or get_settings()
    state: dict[str, Any] = {}
    keys = KeyCache(settings.key_cache_seconds, settings.key_cache_size)
    schema = make_schema(settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        driver = make_driver(settings, retry_seconds=settings.api_retry_seconds)
        state["driver"] = driver
        try:
            info = await Database(driver, settings.neo4j_database).check_server()
            log.info("serving Neo4j %s %s at %s", info["version"], info["edition"], settings.uri)
        except (ServiceUnavailable, SessionExpired, OSError) as exc:
            log.warning("Neo4j at %s is not reachable yet (%s); requests answer 503 until it is", settings.uri, exc)
        gc.freeze()  # start-up objects (schema, modules) leave the GC's scans: fewer, shorter pauses under load
        warming = asyncio.create_task(warm_up(Database(
            driver, settings.neo4j_database, metadata={"app": "peacegraph-api", "request_id": "warm-up"},
            timeout=settings.neo4j_query_timeout), settings, schema=schema)) if settings.warm_up else None
        try:
            yield
        finally:
            if warming is not None:
                warming.cancel()
            await driver.close()

    async def context_getter(request: Request, response: Response) -> Context:
        request_id = request.headers.get("x-request-id") or uuid.uuid4().hex[:12]
        response.headers["x-request-id"] = request_id
        db = Database(state["driver"], settings.neo4j_database, metadata={"app": "peacegraph-api",
                                                                          "request_id": request_id},
                      timeout=settings.neo4j_query_timeout)
        role, key_id, key_error = None, None, None
        token = token_of(request)
        if token:
            key = await keys.check(db, token)
            if key is None:
                key_error = "unknown or revoked API key"
            else:
                role, key_id = key.role, key.id
            db.round_trips = 0
        return Context(graph=db, settings=settings, role=role, key_id=key_id, key_error=key_error,
                       request_id=request_id)

    app = FastAPI(title="peacegraph", lifespan=lifespan, docs_url=None, redoc_url=None)
    router = Router(
        schema, context_getter=context_getter,
        graphql_ide="graphiql" if settings.graphiql else None,
    )
    app.include_router(router, prefix="/graphql")

    @app.middleware("http")
    async def limits_and_outages(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        """Refuse oversized bodies before reading them; answer 503 (with Retry-After) whenever Neo4j is down."""
        length = request.headers.get("content-length")
        if length is not None and length.isdigit() and int(length) > settings.max_body_bytes:
            return JSONResponse({"errors": [{"message": f"request body of {length} bytes is over the limit of "
                                             f"{settings.max_body_bytes} (larger loads go through the CLI)",
                                             "extensions": {"code": "BAD_USER_INPUT"}}]}, status_code=413)
        try:
            response = await call_next(request)
        except (ServiceUnavailable, SessionExpired, ConnectionError) as exc:
            log.warning("request %s: database unavailable (%s)", request.headers.get("x-request-id", "-"),
                        type(exc).__name__)
            return JSONResponse(UNAVAILABLE, status_code=503, headers={"Retry-After": "5"})
        if response.status_code == 503:
            response.headers["Retry-After"] = "5"
        return response

    @app.get("/health")
    async def health() -> dict[str, str]:
        """Liveness: the process answers."""
        return {"status": "ok"}

    @app.get("/ready")
    async def ready() -> JSONResponse:
        """Readiness: the database answers (503 otherwise)."""
        try:
            await asyncio.wait_for(state["driver"].verify_connectivity(), timeout=3)
        except Exception as exc:
            return JSONResponse({"status": "unavailable", "database": settings.uri, "error": type(exc).__name__},
                                status_code=503, headers={"Retry-After": "5"})
        return JSONResponse({"status": "ready", "database": settings.uri})

    dist = web_dist()
    if dist is not None:
        app.mount("/app", StaticFiles(directory=dist, html=True), name="page")

        @app.get("/", include_in_schema=False)
        async def root() -> RedirectResponse:
            return RedirectResponse("/app/")

    return app
