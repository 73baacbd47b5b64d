"""`peacegraph db init|wipe`: schema and maintenance of the database."""

from __future__ import annotations

import typer

from peacegraph.cli.common import out, with_graph
from peacegraph.graph.settings import get_settings

db_app = typer.Typer(help="Schema and maintenance of the database.", no_args_is_help=True)


@db_app.command("init")
def db_init() -> None:
    """Apply the schema (constraints and indexes); safe to run again."""
    count = with_graph(lambda g: g.apply_schema())
    out.print(f"schema applied: {count} constraints and indexes")


@db_app.command("wipe")
def db_wipe(yes: bool = typer.Option(False, "--yes", help="do not ask"),
            with_keys: bool = typer.Option(False, "--with-keys", help="delete the API keys too")) -> None:
    """Delete all facts in the database; the schema and (unless --with-keys) the API keys stay."""
    what = "ALL facts and API keys" if with_keys else "ALL facts (API keys stay)"
    if not yes:
        typer.confirm(f"Delete {what} in {get_settings().uri}?", abort=True)
    with_graph(lambda g: g.wipe(with_keys=with_keys))
    out.print("database wiped: " + ("facts and API keys deleted" if with_keys else "facts deleted, API keys kept"))
