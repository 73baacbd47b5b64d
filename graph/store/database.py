"""Neo4j access: one async driver per process, named statements, read/write/transaction helpers.

Every query goes through the driver's bookmark manager (read-your-writes across a cluster and across API replicas
behind one driver), carries transaction metadata naming the request (visible in `SHOW TRANSACTIONS`) and a
timeout. The server's version and edition are checked once per driver.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any, LiteralString, TypeVar

from neo4j import AsyncDriver, AsyncGraphDatabase, AsyncManagedTransaction, Query, RoutingControl, unit_of_work

from peacegraph.graph.settings import Settings
from peacegraph.graph.store.catalog import statement, statements

T = TypeVar("T")
MIN_VERSION = (5, 23)  # CALL (x) { … } subqueries with explicit import lists need Neo4j 5.23 or later


class UnsupportedServer(RuntimeError):
    """The Neo4j server is older than the Cypher this project sends."""


def make_driver(settings: Settings, retry_seconds: float | None = None) -> AsyncDriver:
    """An async driver for the configured server (routing `neo4j://`/`neo4j+s://` URIs reach a cluster or Aura).

    `retry_seconds` overrides the transaction retry budget (the API keeps it short so an outage answers 503
    promptly instead of hanging).
    """
    notifications: dict[str, Any] = {"notifications_min_severity": settings.neo4j_notifications}
    if settings.neo4j_notifications != "OFF":
        notifications["warn_notification_severity"] = settings.neo4j_notifications
    return AsyncGraphDatabase.driver(
        settings.uri,
        auth=settings.auth,
        max_connection_pool_size=settings.neo4j_pool_size,
        connection_acquisition_timeout=settings.neo4j_acquire_timeout,
        connection_timeout=settings.neo4j_connect_timeout,
        max_transaction_retry_time=settings.neo4j_retry_seconds if retry_seconds is None else retry_seconds,
        **notifications,
    )


def parse_version(text: str) -> tuple[int, ...]:
    """'5.26.30' -> (5, 26, 30); '2025.01.0' -> (2025, 1, 0); anything after the numbers is ignored."""
    parts = []
    for piece in text.split("."):
        digits = "".join(ch for ch in piece if ch.isdigit())
        if not digits:
            break
        parts.append(int(digits))
    return tuple(parts)


def check_version(version: str, edition: str) -> None:
    """Refuse a server older than the Cypher needs, with what to do about it."""
    if parse_version(version)[:2] < MIN_VERSION:
        need = ".".join(map(str, MIN_VERSION))
        raise UnsupportedServer(
            f"Neo4j {version} ({edition}) is older than {need}, the oldest version whose Cypher peacegraph uses "
            f"(CALL (x) {{ … }} subqueries): upgrade the server to {need} or later (5.26 LTS recommended)")


@asynccontextmanager
async def driver_for(settings: Settings) -> AsyncIterator[AsyncDriver]:
    """Open a driver, check the server answers and is recent enough, close it afterwards."""
    driver = make_driver(settings)
    try:
        await driver.verify_connectivity()
        await Database(driver, settings.neo4j_database).check_server()
        yield driver
    finally:
        await driver.close()


@dataclass
class Database:
    """The driver plus the database name, with the request's metadata and timeout; counts round trips."""

    driver: AsyncDriver
    database: str
    metadata: dict[str, Any] = field(default_factory=dict)
    timeout: float | None = None
    round_trips: int = 0

    def _query(self, text: LiteralString) -> Query:
        return Query(text, metadata=self.metadata or None, timeout=self.timeout)

    async def run(self, text: LiteralString, params: dict[str, Any], write: bool = False) -> list[dict[str, Any]]:
        """Run Cypher text (a named statement's, or one compiled from spec identifiers) with parameters."""
        self.round_trips += 1
        records, _, _ = await self.driver.execute_query(
            self._query(text), params, database_=self.database,
            routing_=RoutingControl.WRITE if write else RoutingControl.READ,
        )
        return [dict(r.items()) for r in records]

    async def read(self, name: str, /, **params: Any) -> list[dict[str, Any]]:
        """Run the named statement in a read transaction (routed to a reader on a cluster); rows as dicts."""
        return await self.run(statement(name), params)

    async def write(self, name: str, /, **params: Any) -> list[dict[str, Any]]:
        """Run the named statement in a write transaction; rows as dicts."""
        return await self.run(statement(name), params, write=True)

    async def transaction(self, work: Callable[[AsyncManagedTransaction], Awaitable[T]], write: bool = True,
                          timeout: float | None = None) -> T:
        """Run `work` in one managed transaction (retried whole on transient errors: `work` must be idempotent)."""
        self.round_trips += 1
        config = unit_of_work(metadata=self.metadata or None, timeout=timeout if timeout is not None else self.timeout)
        async with self.driver.session(database=self.database,
                                       bookmark_manager=self.driver.execute_query_bookmark_manager) as session:
            run = session.execute_write if write else session.execute_read
            return await run(config(work))

    async def auto_commit(self, text: LiteralString, params: dict[str, Any] | None = None) -> None:
        """Run one statement in an auto-commit transaction (what `CALL { … } IN TRANSACTIONS` needs)."""
        self.round_trips += 1
        async with self.driver.session(database=self.database,
                                       bookmark_manager=self.driver.execute_query_bookmark_manager) as session:
            result = await session.run(self._query(text), params or {})
            await result.consume()

    async def apply_schema(self) -> int:
        """Apply cypher/schema.cypher; every statement is IF NOT EXISTS, so this is safe to repeat."""
        parts = statements("schema")
        for part in parts:
            await self.run(part, {}, write=True)
        await self.run("CALL db.awaitIndexes(60)", {}, write=True)
        return len(parts)

    async def wipe(self, with_keys: bool = False) -> None:
        """Delete all facts in bounded batches (the schema stays; API keys stay unless `with_keys`)."""
        for part in statements("wipe"):
            await self.auto_commit(part)
        if with_keys:
            await self.run(statement("wipe_keys"), {}, write=True)

    async def version(self) -> dict[str, Any]:
        """Name, version and edition of the server."""
        rows = await self.read("server_version")
        return rows[0]

    async def check_server(self) -> dict[str, Any]:
        """The server's version and edition, refused (UnsupportedServer) when too old."""
        info = await self.version()
        check_version(str(info["version"]), str(info["edition"]))
        return info


