"""What every command shares: the consoles, a located failure, and running work against the configured database."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import NoReturn, TypeVar

import typer
from neo4j.exceptions import ServiceUnavailable, SessionExpired
from rich.console import Console

from peacegraph.graph.settings import get_settings
from peacegraph.graph.store.database import Database, driver_for

T = TypeVar("T")
console = Console(stderr=True)
out = Console()


def fail(message: str, code: int = 1) -> NoReturn:
    """Print an error the user can act on and exit non-zero."""
    console.print(f"[bold red]error:[/] {message}", highlight=False)
    raise typer.Exit(code)


def with_graph(work: Callable[[Database], Awaitable[T]]) -> T:
    """Open the configured database, run `work`, close it; an unreachable server gives a clear error."""
    settings = get_settings()

    async def run() -> T:
        async with driver_for(settings) as driver:
            return await work(Database(driver, settings.neo4j_database))

    try:
        return asyncio.run(run())
    except (OSError, ServiceUnavailable, SessionExpired) as exc:
        fail(f"cannot reach Neo4j at {settings.uri} ({exc}). Start it with `peacegraph neo4j start` or set NEO4J_URI.")
