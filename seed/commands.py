"""`peacegraph seed …` and `peacegraph export`: load bundles, import HXL 3W tables, export the graph."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from graph.bundle import BundleInvalid
from graph.db import Graph
from graph.load import LoadReport, load_bundles
from seed.files import read_all

seed_app = typer.Typer(help="Load bundles of facts, import 3W tables, extract facts from reports.",
                       no_args_is_help=True)


def print_errors(exc: BundleInvalid) -> None:
    from seed.cli import console

    console.print(f"[bold red]{len(exc.errors)} error(s); nothing was loaded:[/]")
    for err in exc.errors:
        console.print(f"  {err}", highlight=False, markup=False)


def print_report(report: LoadReport) -> None:
    from seed.cli import out

    table = Table(title="dry run: what would change" if not report.written else "loaded")
    table.add_column("bundle")
    table.add_column("new", justify="right")
    table.add_column("updated", justify="right")
    table.add_column("by kind")
    for plan in report.plans:
        kinds = ", ".join(f"{k} {plan.new.get(k, 0)}+{plan.updated.get(k, 0)}" for k in plan.new)
        table.add_row(plan.name, str(sum(plan.new.values())), str(sum(plan.updated.values())), kinds)
    out.print(table)
    if report.written:
        c = report.counts
        out.print(
            f"nodes created {c.nodes_created}, relationships created {c.relationships_created}, "
            f"relationships replaced {c.relationships_deleted}, properties set {c.properties_set}"
        )


@seed_app.command("load")
def load(
    paths: list[Path] = typer.Argument(..., help="bundle files or folders (folders load in file-name order)"),
    dry_run: bool = typer.Option(False, "--dry-run", help="validate and report what would change; write nothing"),
) -> None:
    """Load bundles: all are validated first; each then lands whole in one transaction, or nothing does."""
    from seed.cli import with_graph

    try:
        parsed = read_all(paths)
    except BundleInvalid as exc:
        print_errors(exc)
        raise typer.Exit(1) from None

    async def work(graph: Graph) -> LoadReport:
        total = sum(1 for pb in parsed for k in ("sources", "places", "organizations", "tasks", "missions",
                                                   "mandates", "coverages", "funding_lines", "transitions",
                                                   "agreements") if getattr(pb.bundle, k))
        with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                      transient=True, disable=dry_run) as progress:
            bar = progress.add_task("loading", total=total)
            return await load_bundles(
                graph, parsed, dry_run=dry_run,
                on_step=lambda name, kind: progress.update(bar, advance=1, description=f"{name}: {kind}"),
            )

    try:
        report = with_graph(work)
    except BundleInvalid as exc:
        print_errors(exc)
        raise typer.Exit(1) from None
    print_report(report)
