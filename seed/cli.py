"""The `peacegraph` command: run a local Neo4j, load and export bundles, extract from reports, serve the API."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import typer
from rich.console import Console

from graph.db import Graph, driver_for
from graph.server import LocalNeo4j, Neo4jStartError
from graph.settings import get_settings

T = TypeVar("T")
console = Console(stderr=True)
out = Console()

app = typer.Typer(help="peacegraph: who covers what, where, when, and what a drawdown leaves behind.",
                  no_args_is_help=True)
neo4j_app = typer.Typer(help="Run the project's own Neo4j 5.26 (ignored when NEO4J_URI is set).", no_args_is_help=True)
db_app = typer.Typer(help="Schema and maintenance of the database.", no_args_is_help=True)
app.add_typer(neo4j_app, name="neo4j")
app.add_typer(db_app, name="db")


def fail(message: str, code: int = 1) -> None:
    """Print an error the user can act on and exit non-zero."""
    console.print(f"[bold red]error:[/] {message}", highlight=False)
    raise typer.Exit(code)


def with_graph(work: Callable[[Graph], Awaitable[T]]) -> T:
    """Open the configured database, run `work`, close it; unreachable servers give a clear error."""
    settings = get_settings()

    async def run() -> T:
        async with driver_for(settings) as driver:
            return await work(Graph(driver, settings.neo4j_database))

    try:
        return asyncio.run(run())
    except OSError as exc:
        fail(f"cannot reach Neo4j at {settings.uri}: {exc}. Start it with `peacegraph neo4j start` or set NEO4J_URI.")
        raise
    except Exception as exc:
        if type(exc).__name__ in {"ServiceUnavailable", "SessionExpired"}:
            fail(f"cannot reach Neo4j at {settings.uri} ({exc}). Start it with `peacegraph neo4j start` "
                 "or set NEO4J_URI.")
        raise


def local_server() -> LocalNeo4j:
    settings = get_settings()
    if settings.external:
        fail(f"NEO4J_URI is set ({settings.neo4j_uri}): peacegraph uses that server and manages none")
    return LocalNeo4j(settings, instance=settings.neo4j_instance)


@neo4j_app.command("start")
def neo4j_start() -> None:
    """Fetch Neo4j on first use (Maven Central, ~123 MB), start it, wait until Bolt answers."""
    server = local_server()
    already = server.status().running
    try:
        status = server.start()
    except Neo4jStartError as exc:
        fail(str(exc))
        return
    word = "already running" if already else "started"
    out.print(f"Neo4j {status.version} {status.edition} {word} at {status.uri} (pid {status.pid})")


@neo4j_app.command("stop")
def neo4j_stop() -> None:
    """Stop the project's Neo4j and wait for its process to end."""
    out.print("stopped" if local_server().stop() else "not running")


@neo4j_app.command("status")
def neo4j_status() -> None:
    """Say whether Neo4j runs, and its version from `CALL dbms.components()`."""
    settings = get_settings()
    if settings.external:
        info: dict[str, Any] = with_graph(lambda g: g.version())
        out.print(f"external Neo4j {info['version']} {info['edition']} at {settings.uri}")
        return
    status = local_server().status()
    if not status.running:
        out.print(f"not running (would listen on {status.uri})")
        raise typer.Exit(3)
    out.print(f"running: Neo4j {status.version} {status.edition} at {status.uri} (pid {status.pid})")


@db_app.command("init")
def db_init() -> None:
    """Apply the schema (constraints and indexes); safe to run again."""
    count = with_graph(lambda g: g.apply_schema())
    out.print(f"schema applied: {count} constraints and indexes")


@db_app.command("wipe")
def db_wipe(yes: bool = typer.Option(False, "--yes", help="do not ask")) -> None:
    """Delete all data in the database (the schema stays)."""
    if not yes:
        typer.confirm(f"Delete ALL data in {get_settings().uri}?", abort=True)
    with_graph(lambda g: g.wipe())
    out.print("database wiped")


def main() -> None:
    app()


def _register() -> None:
    from seed.commands import export_command, seed_app
    from seed.serve import api_app, keys_app, serve

    app.add_typer(seed_app, name="seed")
    app.add_typer(keys_app, name="keys")
    app.add_typer(api_app, name="api")
    app.command("export")(export_command)
    app.command("serve")(serve)


_register()


@app.command("synth")
def synth(
    scale: int = typer.Option(1, "--scale", min=1, help="1 ≈ the bundled dataset; 100 ≈ 100× its actors and coverage"),
    seed: int = typer.Option(7, help="random seed (the same seed gives the same graph)"),
    wipe: bool = typer.Option(False, "--wipe", help="empty the database first"),
) -> None:
    """Load a synthetic graph with the dataset's shape (for benchmarks; ids start with S, sm, sc, sf)."""
    from graph.bundle import ParsedBundle
    from graph.load import load_bundles
    from seed.synth import synth_bundle

    bundle = synth_bundle(scale, seed)

    async def work(graph: Graph) -> None:
        if wipe:
            await graph.wipe()
        await graph.apply_schema()
        await load_bundles(graph, [ParsedBundle(f"synth-{scale}", bundle, None)])

    with_graph(work)
    out.print(f"synthetic scale {scale}: {len(bundle.missions)} missions, {len(bundle.coverages)} coverage facts, "
              f"{len(bundle.funding_lines)} funding lines in {len(bundle.places)} places")
