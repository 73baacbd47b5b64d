"""`peacegraph db init|wipe|cleanup`: schema and maintenance of the database."""

from __future__ import annotations

import typer

from peacegraph.cli.common import out, with_graph
from peacegraph.graph.bundles.bulk import finish, unfinished_loads
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
    """Settle bulk loads that never finished: one cut short while staging is removed (readers never saw it), one
    that had staged every record is published."""

    loads = with_graph(unfinished_loads)
    if not loads:
        out.print("no unfinished bulk loads: nothing to clean up")
        return
    listing = ", ".join(f"{u.load_id} ({u.staged:,} staged records)" for u in loads)
    if not yes:
        typer.confirm(f"Settle {listing}? (a bulk load running right now would fail)", abort=True)

    async def settle(graph: Database) -> list[str]:
        return [f"{u.load_id}: {await finish(graph, u.load_id)}" for u in loads]

    for line in with_graph(settle):
        out.print(line)
