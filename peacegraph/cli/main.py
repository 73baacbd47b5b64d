"""The `peacegraph` command, composed here from its parts: the composition root above graph, seed and api."""

from __future__ import annotations

import typer

from peacegraph.cli.data import data_app
from peacegraph.cli.db import db_app
from peacegraph.cli.extract import evaluate, extract, review
from peacegraph.cli.neo4j import neo4j_app
from peacegraph.cli.seed import export_command, seed_app, synth
from peacegraph.cli.serve import api_app, keys_app, serve

app = typer.Typer(help="peacegraph: who covers what, where, when, and what a drawdown leaves behind.",
                  no_args_is_help=True)
app.add_typer(neo4j_app, name="neo4j")
app.add_typer(db_app, name="db")
app.add_typer(data_app, name="data")
seed_app.command("extract")(extract)
seed_app.command("evaluate")(evaluate)
seed_app.command("review")(review)
app.add_typer(seed_app, name="seed")
app.add_typer(keys_app, name="keys")
app.add_typer(api_app, name="api")
app.command("export")(export_command)
app.command("serve")(serve)
app.command("synth")(synth)


def main() -> None:
    """Entry point of the `peacegraph` console script and of `python -m peacegraph`."""
    app(prog_name="peacegraph")
