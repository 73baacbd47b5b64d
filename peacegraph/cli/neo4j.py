"""`peacegraph neo4j start|stop|status`: the project's own Neo4j 5.26 (ignored when NEO4J_URI is set)."""

from __future__ import annotations

from typing import Any

import typer

from peacegraph.cli.common import fail, out, with_graph
from peacegraph.devserver import LocalNeo4j, Neo4jStartError
from peacegraph.graph.settings import get_settings

neo4j_app = typer.Typer(help="Run the project's own Neo4j 5.26 (ignored when NEO4J_URI is set).", no_args_is_help=True)


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
