"""`peacegraph db init|wipe|cleanup`: schema and maintenance of the database."""

from __future__ import annotations

import typer

from peacegraph.cli.common import out, with_graph
from peacegraph.graph.bundles.bulk import remove_staged, staged_loads
from peacegraph.graph.settings import get_settings
from peacegraph.graph.store.catalog import statement
from peacegraph.graph.store.database import Database

db_app = typer.Typer(help="Schema and maintenance of the database.", no_args_is_help=True)


@db_app.command("init")
def db_init() -> None:
    """Apply the schema (constraints and indexes) and give older nodes their look-alike key; safe to run again."""

    async def work(graph: Database) -> int:
        count = await graph.apply_schema()
        await graph.auto_commit(statement("backfill_keys"))
        return count

    count = with_graph(work)
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


@db_app.command("cleanup")
def db_cleanup(yes: bool = typer.Option(False, "--yes", help="do not ask")) -> None:
    """Remove the staged records of bulk loads that never published (interrupted); readers never saw them."""

    async def find(graph: Database) -> dict[str, int]:
        return await staged_loads(graph)

    loads = with_graph(find)
    if not loads:
        out.print("no staged records: nothing to clean up")
        return
    listing = ", ".join(f"{load} ({n:,} records)" for load, n in loads.items())
    if not yes:
        typer.confirm(f"Remove the staged records of {listing}? (a bulk load running right now would fail)",
                      abort=True)

    async def remove(graph: Database) -> int:
        return sum([await remove_staged(graph, load) for load in loads])

    removed = with_graph(remove)
    out.print(f"removed {removed:,} staged records of {len(loads)} unpublished bulk load(s)")
