"""`peacegraph data check [PATH…]`: semantic checks on bundles, or on what the graph holds."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import typer
from rich.table import Table

from peacegraph.cli.common import console, out, with_graph
from peacegraph.graph.bundles.checks import Finding, check_bundles
from peacegraph.graph.bundles.load import check_offline
from peacegraph.graph.bundles.parse import BundleInvalid, ParsedBundle
from peacegraph.graph.bundles.validate import check_references
from peacegraph.graph.domain.model import KINDS
from peacegraph.graph.store.database import Database
from peacegraph.graph.store.export import export_bundle
from peacegraph.seed.files import read_all

data_app = typer.Typer(help="Check the facts: sources, dates, mandates, currency, duplicates.", no_args_is_help=True)


def check_files(paths: list[Path]) -> tuple[list[ParsedBundle], list[str], list[Finding]]:
    """Parse the files and check them together: (bundles, structural errors, semantic findings)."""
    parsed = read_all(paths)
    errors = [str(e) for e in check_offline(parsed, allow_pending=True)]
    errors += [str(e) for e in check_references(parsed, {})]
    return parsed, errors, check_bundles(parsed)


@data_app.command("check")
def check(
    paths: list[Path] = typer.Argument(None, help="bundle files or folders (default: what the graph holds)"),
    warnings: bool = typer.Option(True, "--warnings/--no-warnings", help="print the warnings too"),
) -> None:
    """Report every located finding; exit 1 when any is an error (warnings are advice)."""
    try:
        if paths:
            parsed, errors, findings = check_files(paths)
        else:
            async def work(db: Database) -> ParsedBundle:
                return ParsedBundle("graph", await export_bundle(db), None)

            parsed = [with_graph(work)]
            errors, findings = [], check_bundles(parsed)
    except BundleInvalid as exc:
        for e in exc.errors:
            console.print(str(e), highlight=False, markup=False)
        console.print(f"[bold red]{len(exc.errors)} error(s) reading the bundles[/]")
        raise typer.Exit(1) from None
    errors += [str(f) for f in findings if f.severity == "error"]
    shown = [str(f) for f in findings if f.severity == "warning"] if warnings else []
    for line in shown:
        out.print(line, highlight=False, markup=False)
    for line in errors:
        console.print(line, highlight=False, markup=False)
    counts = Counter({kind: len({item.id for pb in parsed for item in getattr(pb.bundle, kind)}) for kind in KINDS})
    table = Table(title="facts checked")
    for kind in KINDS:
        table.add_column(kind, justify="right")
    table.add_row(*(str(counts[k]) for k in KINDS))
    out.print(table)
    n_warn = sum(1 for f in findings if f.severity == "warning")
    out.print(f"{len(errors)} error(s), {n_warn} warning(s)")
    if errors:
        raise typer.Exit(1)


@data_app.command("sample")
def sample(
    paths: list[Path] = typer.Argument(..., help="bundle files or folders (e.g. data/)"),
    n: int = typer.Option(48, "-n", help="how many facts"),
    seed: int = typer.Option(2026, "--seed", help="random seed (the same seed draws the same sample)"),
) -> None:
    """A seeded random sample of facts across kinds, each with its citations: the start of a data audit."""
    import random

    parsed = read_all(paths)
    kinds = ["coverages", "mandates", "missions", "transitions", "funding_lines", "agreements"]
    sources = {s.id: s for pb in parsed for s in pb.bundle.sources}
    pool = {kind: sorted({item.id: (pb.name, item) for pb in parsed for item in getattr(pb.bundle, kind)}.items())
            for kind in kinds}
    rng = random.Random(seed)
    share = {"coverages": 0.35, "mandates": 0.2, "missions": 0.2, "transitions": 0.1, "funding_lines": 0.1,
             "agreements": 0.05}
    for kind in kinds:
        k = min(len(pool[kind]), max(1, round(n * share[kind])))
        for item_id, (file, item) in rng.sample(pool[kind], k):
            record = item.model_dump(mode="json", exclude_none=True, exclude={"cites"})
            out.print(f"\n[bold]{kind} {item_id}[/] ({file})", highlight=False)
            out.print({k: v for k, v in record.items() if v not in ([], "day")}, highlight=False)
            for c in item.cites:
                s = sources.get(c.source)
                where = f"{s.kind}, {s.publisher or ''} {s.date or ''} {s.url or s.path or ''}" if s else "?"
                out.print(f"  cites {c.source} [{where}] at {c.locator}: {c.quote or ''}", highlight=False,
                          markup=False)


def dataset_stats(paths: list[Path]) -> list[tuple[str, str]]:
    """The dataset's counts as (what, how many) rows: the README's dataset table (a test keeps it true)."""
    parsed = read_all(paths)

    def unique(kind: str) -> dict[str, Any]:
        return {item.id: item for pb in parsed for item in getattr(pb.bundle, kind)}

    missions, places, coverage = unique("missions"), unique("places"), unique("coverages")
    mandates, transitions, funding = unique("mandates"), unique("transitions"), unique("funding_lines")
    hosts = {p for m in missions.values() for p in m.deployed_in}
    countries = {pid for pid in hosts if places[pid].kind == "country"}
    leads = {o for m in missions.values() for o in m.led_by}
    open_ended = sum(1 for m in missions.values() if m.valid_to is None)
    areas = sum(1 for c in coverage.values() if places[c.place].kind != "country")
    actions: dict[str, int] = {}
    for m in mandates.values():
        actions[m.action or "unset"] = actions.get(m.action or "unset", 0) + 1
    dated = sum(1 for f in funding.values() if f.valid_from or f.valid_to)
    with_amount = sum(1 for f in funding.values() if f.amount is not None)
    handovers = sum(len(t.handovers) for t in transitions.values())
    return [
        ("operations", f"{len(missions)} ({open_ended} with no end date, each with `verified_on`), led by "
                       f"{len(leads)} organisations and states"),
        ("host countries", str(len(countries))),
        ("mandates", f"{len(mandates)}: " + ", ".join(f"{n} {a}" for a, n in sorted(actions.items()))),
        ("coverage facts", f"{len(coverage)} ({areas} declared for an area)"),
        ("transitions", f"{len(transitions)}, with {handovers} handovers"),
        ("funding lines", f"{len(funding)} ({dated} dated, {with_amount} with an amount)"),
        ("agreements", str(len(unique("agreements")))),
        ("organisations, places, sources", f"{len(unique('organizations'))}, {len(places)}, {len(unique('sources'))}"),
    ]


@data_app.command("stats")
def stats(paths: list[Path] = typer.Argument(..., help="bundle files or folders (e.g. data/)")) -> None:
    """The dataset's counts, as the Markdown table the README shows."""
    typer.echo("| | count |\n|---|---|")
    for what, n in dataset_stats(paths):
        typer.echo(f"| {what} | {n} |")
