"""The FastAPI application: GraphQL at /graphql, the planners' page at /, liveness at /health, readiness at /ready."""

import asyncio
import gc
import logging
import time
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request, Response
from fastapi.responses import JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from strawberry.fastapi import GraphQLRouter

from peacegraph.api.context import Context, make_loaders
from peacegraph.api.schema import make_schema
from peacegraph.graph.settings import Settings, get_settings
from peacegraph.graph.store.database import Database, make_driver
from peacegraph.graph.store.keys import ApiKey, check_token

log = logging.getLogger("peacegraph.api")
WEB_DIR = Path(__file__).with_name("web")
KEY_CACHE_SECONDS = 30.0


class KeyCache:
    """Checked tokens for a short while, so each request does not cost a database round trip."""

    def __init__(self) -> None:
        self._entries: dict[str, tuple[float, ApiKey | None]] = {}

    async def check(self, graph: Database, token: str) -> ApiKey | None:
        hit = self._entries.get(token)
        now = time.monotonic()
        if hit and now - hit[0] < KEY_CACHE_SECONDS:
            return hit[1]
        key = await check_token(graph, token)
        self._entries[token] = (now, key)
        return key


def token_of(request: Request) -> str | None:
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        return auth[7:].strip()
    return request.headers.get("x-api-key")


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the app; the Neo4j driver lives for the app's lifetime and reconnects by itself."""
    settings = settings or get_settings()
    state: dict[str, Any] = {}
    keys = KeyCache()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        driver = make_driver(settings, retry_seconds=2.0)
        state["driver"] = driver
        state["graph"] = Database(driver, settings.neo4j_database)
        gc.freeze()  # start-up objects (schema, modules) leave the GC's scans: fewer, shorter pauses under load
        try:
            yield
        finally:
            await driver.close()

    async def context_getter(request: Request, response: Response) -> Context:
        graph = Database(state["driver"], settings.neo4j_database)
        request_id = request.headers.get("x-request-id") or uuid.uuid4().hex[:12]
        response.headers["x-request-id"] = request_id
        role, key_id, key_error = None, None, None
        token = token_of(request)
        if token:
            key = await keys.check(graph, token)
            if key is None:
                key_error = "unknown or revoked API key"
            else:
                role, key_id = key.role, key.id
        return Context(graph=graph, settings=settings, role=role, key_id=key_id, key_error=key_error,
                       request_id=request_id, loaders=make_loaders(graph))

    app = FastAPI(title="peacegraph", lifespan=lifespan, docs_url=None, redoc_url=None)
    router: GraphQLRouter[Context, None] = GraphQLRouter(
        make_schema(settings), context_getter=context_getter,
        graphql_ide="graphiql" if settings.graphiql else None,
    )
    app.include_router(router, prefix="/graphql")

    @app.get("/health")
    async def health() -> dict[str, str]:
        """Liveness: the process answers."""
        return {"status": "ok"}

    @app.get("/ready")
    async def ready() -> JSONResponse:
        """Readiness: the database answers (503 otherwise)."""
        graph: Database = state["graph"]
        try:
            await asyncio.wait_for(graph.driver.verify_connectivity(), timeout=3)
        except Exception as exc:
            return JSONResponse({"status": "unavailable", "database": settings.uri, "error": type(exc).__name__},
                                status_code=503)
        return JSONResponse({"status": "ready", "database": settings.uri})

    dist = WEB_DIR / "dist"
    if dist.is_dir():
        app.mount("/app", StaticFiles(directory=dist, html=True), name="page")

        @app.get("/", include_in_schema=False)
        async def root() -> RedirectResponse:
            return RedirectResponse("/app/")

    return app
