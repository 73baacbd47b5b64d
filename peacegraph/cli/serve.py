"""`peacegraph serve`, `peacegraph keys …` and `peacegraph api schema`."""

from __future__ import annotations

import contextlib
import copy
import os
import webbrowser
from pathlib import Path
from typing import Any

import typer

from peacegraph.cli.common import fail, out, with_graph
from peacegraph.graph.settings import get_settings
from peacegraph.graph.store.database import Database

keys_app = typer.Typer(help="API keys (stored hashed; roles reader, editor, admin).", no_args_is_help=True)
api_app = typer.Typer(help="The GraphQL API.", no_args_is_help=True)


@keys_app.command("create")
def keys_create(name: str = typer.Option(..., help="who or what holds the key"),
                role: str = typer.Option("reader", help="reader, editor or admin")) -> None:
    """Create a key; its token is printed once and never stored."""
    from peacegraph.graph.store.keys import create_key

    async def work(graph: Database) -> tuple[str, str]:
        key, token = await create_key(graph, name, role)
        return key.id, token

    try:
        key_id, token = with_graph(work)
    except ValueError as exc:
        fail(str(exc))
        return
    out.print(f"key {key_id} ({role}) for {name}. Token (shown once): {token}")


@keys_app.command("revoke")
def keys_revoke(key_id: str) -> None:
    """Revoke a key (takes effect within 30 s on running servers)."""
    from peacegraph.graph.store.keys import revoke_key

    if not with_graph(lambda g: revoke_key(g, key_id)):
        fail(f"no key {key_id}")
    out.print(f"revoked {key_id}")


@keys_app.command("list")
def keys_list() -> None:
    from peacegraph.graph.store.keys import list_keys

    for key in with_graph(list_keys):
        out.print(f"{key.id}  {key.role:<7} {'revoked' if key.revoked else 'active '}  {key.name}")


@api_app.command("schema")
def api_schema(output: Path | None = typer.Option(None, "-o", help="write here instead of standard output")) -> None:
    """Print the GraphQL schema (SDL); the repository keeps it in schema.graphql."""
    from peacegraph.api.schema import schema_sdl

    text = schema_sdl()
    if output:
        output.write_text(text, encoding="utf-8")
    else:
        typer.echo(text, nl=False)


def serve(
    open_page: bool = typer.Option(False, "--open", help="open the planners' page in a browser"),
    host: str | None = typer.Option(None, help="listen address (default PEACEGRAPH_API_HOST)"),
    port: int | None = typer.Option(None, help="port (default PEACEGRAPH_API_PORT)"),
    workers: int = typer.Option(os.cpu_count() or 1, "--workers", min=1,
                                help="worker processes (default: the machine's cores)"),
    access_log: bool = typer.Option(False, "--access-log", help="log every request (off: it costs throughput)"),
) -> None:
    """Serve the GraphQL API and the planners' page. Stateless: load data with `peacegraph seed load` first
    (a one-shot job), and run as many replicas as you like behind a load balancer."""
    import uvicorn

    settings = get_settings()
    with_graph(lambda g: g.apply_schema())
    host = host or settings.api_host
    port = port or settings.api_port
    base = f"http://{'127.0.0.1' if host == '0.0.0.0' else host}:{port}"
    out.print(f"planners' page: {base}/   GraphiQL: {base}/graphql   health: {base}/health, {base}/ready   "
              f"({workers} worker{'s' if workers != 1 else ''})")
    if open_page:
        with contextlib.suppress(Exception):
            webbrowser.open(f"{base}/")
    uvicorn.run("peacegraph.api.app:create_app", factory=True, host=host, port=port, workers=workers,
                access_log=access_log, log_level="info", log_config=log_config())


def log_config() -> dict[str, Any]:
    """uvicorn's logging, with the API's own messages (which Neo4j it serves, the warm-up, errors) beside its own:
    without a handler they showed only from WARNING up, so `warmed up in …` never reached the operator."""
    from uvicorn.config import LOGGING_CONFIG

    config = copy.deepcopy(LOGGING_CONFIG)
    config["loggers"]["peacegraph"] = {"handlers": ["default"], "level": "INFO", "propagate": False}
    return config
