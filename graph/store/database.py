"""Neo4j access: one async driver per process, named statements, schema setup, read/write helpers."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from neo4j import AsyncDriver, AsyncGraphDatabase, Query, RoutingControl

from peacegraph.graph.settings import Settings
from peacegraph.graph.store.catalog import statement, statements


def make_driver(settings: Settings, retry_seconds: float = 30.0) -> AsyncDriver:
    """An async driver for the configured server (the user's NEO4J_URI or the project's local one).

    `retry_seconds` bounds the driver's retries of a failing transaction (the API keeps it short so an outage
    answers 503 promptly instead of hanging).
    """
    return AsyncGraphDatabase.driver(
        settings.uri,
        auth=settings.auth,
        max_connection_pool_size=64,
        connection_acquisition_timeout=10.0,
        connection_timeout=5.0,
        notifications_min_severity="OFF",
        max_transaction_retry_time=retry_seconds,
    )


@asynccontextmanager
async def driver_for(settings: Settings) -> AsyncIterator[AsyncDriver]:
    """Open a driver, check the server answers, close it afterwards."""
    driver = make_driver(settings)
    try:
        await driver.verify_connectivity()
        yield driver
    finally:
        await driver.close()


class Graph:
    """A thin handle on the database: the driver plus the database name, with read and write helpers."""

    def __init__(self, driver: AsyncDriver, database: str) -> None:
        self.driver = driver
        self.database = database
        self.round_trips = 0

    async def read(self, name: str, /, **params: Any) -> list[dict[str, Any]]:
        """Run the named statement in a read transaction (with the driver's retries); rows as dicts."""
        self.round_trips += 1
        records, _, _ = await self.driver.execute_query(
            Query(statement(name)), params, database_=self.database, routing_=RoutingControl.READ
        )
        return [dict(r.items()) for r in records]

    async def write(self, name: str, /, **params: Any) -> list[dict[str, Any]]:
        """Run the named statement in a write transaction; rows as dicts."""
        self.round_trips += 1
        records, _, _ = await self.driver.execute_query(
            Query(statement(name)), params, database_=self.database, routing_=RoutingControl.WRITE
        )
        return [dict(r.items()) for r in records]

    async def apply_schema(self) -> int:
        """Apply cypher/schema.cypher; every statement is IF NOT EXISTS, so this is safe to repeat."""
        parts = statements("schema")
        for part in parts:
            self.round_trips += 1
            await self.driver.execute_query(Query(part), database_=self.database)
        await self.driver.execute_query("CALL db.awaitIndexes(60)", database_=self.database)
        return len(parts)

    async def wipe(self) -> None:
        """Delete all data (not the schema). Uses an auto-commit transaction, as CALL … IN TRANSACTIONS needs."""
        async with self.driver.session(database=self.database) as session:
            result = await session.run(Query(statement("wipe")))
            await result.consume()

    async def version(self) -> dict[str, Any]:
        """Name, version and edition of the server."""
        rows = await self.read("server_version")
        return rows[0]
