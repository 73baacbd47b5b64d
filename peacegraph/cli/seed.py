"""`peacegraph seed …`, `peacegraph export` and `peacegraph synth`: load bundles, import HXL 3W tables, export the
graph, load synthetic graphs."""

from __future__ import annotations

import json
import time
from pathlib import Path

import typer
from neo4j.exceptions import ServiceUnavailable, SessionExpired
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from peacegraph.cli.common import console, fail, out, with_graph
from peacegraph.cli.initial import run_initial
from peacegraph.graph.bundles.bulk import finish, new_load_id, staged_loads
from peacegraph.graph.bundles.journal import Journal, Note
from peacegraph.graph.bundles.load import LoadReport, load_bundles
from peacegraph.graph.bundles.parse import BundleInvalid, ParsedBundle, dump_bundle, dump_bundle_parts
from peacegraph.graph.domain.model import KINDS, Bundle
from peacegraph.graph.settings import get_settings
from peacegraph.graph.store.database import Database
from peacegraph.graph.store.export import export_bundle
from peacegraph.seed.files import read_all
from peacegraph.seed.hxl import coverage_csv, import_3w
from peacegraph.seed.synth import synth_bundle

seed_app = typer.Typer(help="Load bundles of facts, import 3W tables, extract facts from reports.",
                       no_args_is_help=True)


def print_errors(exc: BundleInvalid) -> None:
    console.print(f"[bold red]{len(exc.errors)} error(s); nothing was loaded:[/]")
    for err in exc.errors:
        console.print(f"  {err}", highlight=False, markup=False)


def print_report(report: LoadReport, seconds: float | None = None) -> None:
    """Per bundle: records new, updated and unchanged (by kind), then what the write did."""
    table = Table(title="dry run: what would change" if not report.written else "loaded")
    for col in ("bundle", "new", "updated", "unchanged"):
        table.add_column(col, justify="left" if col == "bundle" else "right")
    table.add_column("by kind (new+updated)")
    for plan in report.plans:
        kinds = ", ".join(f"{k} {c['new']}+{c['updated']}" for k, c in plan.counts.items())
        table.add_row(plan.name, str(plan.total("new")), str(plan.total("updated")), str(plan.total("unchanged")),
                      kinds)
    out.print(table)
    if report.cleaned:
        out.print(f"removed {report.cleaned:,} staged records an interrupted bulk load had left (never visible)")
    out.print(f"total: {report.total('new'):,} new, {report.total('updated'):,} updated, "
              f"{report.total('unchanged'):,} unchanged")
    if report.written:
        c = report.counts
        how = "initial load: built by neo4j-admin's importer" if report.initial else \
            f"bulk load {report.load_id}: staged in batches, published in one transaction" if report.bulk \
            else "one transaction"
        took = f" in {seconds:.1f}s" if seconds is not None else ""
        out.print(f"nodes created {c.nodes_created:,}, relationships created {c.relationships_created:,}, "
                  f"relationships replaced {c.relationships_deleted:,} ({how}){took}")


class LoadInterrupted(Exception):
    """The connection to Neo4j was lost while a load was writing; `note` says how far it had got."""

    def __init__(self, note: Note | None, cause: Exception) -> None:
        self.note = note
        self.cause = cause
        super().__init__(str(cause))


async def _previous_load(graph: Database, journal: Journal) -> list[str]:
    """Say what became of a load an earlier run could not finish, and remove what it staged."""
    note = journal.previous()
    if note is None:
        return []
    settled = await finish(graph, note.load_id)
    lines = [f"the previous load {note.load_id} (started {note.started}) was interrupted: {note.outcome()}."]
    if settled:
        lines.append(f"{settled[0].upper()}{settled[1:]}.")
    lines.append("Loading again is safe: every load checks against the graph as it is and lands whole or not at all.")
    journal.clear()
    return lines


def run_load(parsed: list[ParsedBundle], dry_run: bool = False, allow_pending: bool = False,
             bulk: bool | None = None) -> tuple[LoadReport, float]:
    """Load `parsed` against the configured database, with a journal note while it writes; the report and the
    seconds the load took."""
    settings = get_settings()
    journal = Journal.for_settings(settings)
    files = [pb.name for pb in parsed]

    async def work(graph: Database) -> tuple[LoadReport, float]:
        for line in await _previous_load(graph, journal):
            console.print(f"[yellow]note:[/] {line}", highlight=False)
        others = await staged_loads(graph)
        if others:
            console.print(f"[yellow]note:[/] bulk loads {', '.join(others)} left staged records (interrupted, or "
                          "running now); `peacegraph db cleanup` removes them", highlight=False)
        load_id = new_load_id()
        if not dry_run:
            journal.start(load_id, files)
        total = sum(1 for pb in parsed for k in KINDS if getattr(pb.bundle, k))
        started = time.perf_counter()
        try:
            with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                          transient=True, disable=dry_run, console=console) as progress:
                bar = progress.add_task("loading", total=total)
                report = await load_bundles(
                    graph, parsed, dry_run=dry_run, allow_pending=allow_pending, bulk=bulk, load_id=load_id,
                    on_phase=journal.phase,
                    on_step=lambda name, kind: progress.update(bar, advance=1, description=f"{name}: {kind}"),
                )
        except (ServiceUnavailable, SessionExpired, OSError) as exc:
            raise LoadInterrupted(journal.note, exc) from None
        except BaseException:
            journal.clear()  # refused or failed cleanly: nothing landed, nothing to report next time
            raise
        journal.clear()
        return report, time.perf_counter() - started

    return with_graph(work)


@seed_app.command("load")
def load(
    paths: list[Path] = typer.Argument(..., help="bundle files or folders (folders load in file-name order)"),
    dry_run: bool = typer.Option(False, "--dry-run", help="validate and report what would change; write nothing"),
    allow_pending: bool = typer.Option(False, "--allow-pending",
                                       help="also load extracted facts still marked review: pending"),
    bulk: bool | None = typer.Option(None, "--bulk/--no-bulk",
                                     help="stage in batches and publish in one transaction (default: when at least "
                                          "PEACEGRAPH_BULK_MIN_RECORDS records are to be written)"),
    initial: bool = typer.Option(False, "--initial",
                                 help="a first load into the empty database of the project's own Neo4j, built by "
                                      "neo4j-admin's offline importer (several times faster; the server restarts)"),
) -> None:
    """Load bundles: all are validated together first; then all land in one transaction, or nothing does."""
    if initial and (dry_run or bulk is not None):
        fail("--initial cannot be combined with --dry-run, --bulk or --no-bulk")
    try:
        parsed = read_all(paths)
    except BundleInvalid as exc:
        print_errors(exc)
        raise typer.Exit(1) from None
    try:
        if initial:
            report, seconds = run_initial(parsed, allow_pending=allow_pending)
        else:
            report, seconds = run_load(parsed, dry_run=dry_run, allow_pending=allow_pending, bulk=bulk)
    except BundleInvalid as exc:
        print_errors(exc)
        raise typer.Exit(1) from None
    except LoadInterrupted as exc:
        settings = get_settings()
        what = exc.note.outcome() if exc.note else "the load had not started writing: nothing was written"
        console.print(f"[bold red]error:[/] lost the connection to Neo4j at {settings.uri} during the load "
                      f"({exc.cause}).", highlight=False)
        console.print(f"  {what}.", highlight=False)
        console.print(f"  Re-running `peacegraph seed load {' '.join(map(str, paths))}` is safe once Neo4j answers "
                      "again (`peacegraph neo4j start` for the project's own server).", highlight=False)
        raise typer.Exit(1) from None
    print_report(report, seconds)


async def actor_lookup(graph: Database) -> dict[str, str]:
    """Lower-case id, acronym, name and aliases → actor id, for resolving names in tables."""
    lookup: dict[str, str] = {}
    for row in await graph.read("actor_names"):
        for key in [row["id"], row["acronym"], row["name"], *row["aliases"]]:
            if key:
                lookup.setdefault(str(key).lower(), row["id"])
    return lookup


@seed_app.command("import-3w")
def import_3w_command(
    table: Path = typer.Argument(..., help="a 3W/4W table (CSV or XLSX) with an HXL hashtag row"),
    output: Path | None = typer.Option(None, "-o", "--output", help="write the bundle here instead of loading it"),
    source_id: str | None = typer.Option(None, help="id of the Source the rows cite (default 3w:<file stem>)"),
) -> None:
    """Import an OCHA 3W operational-presence table as coverage (sectors mapped by seed/mappings/hxl_3w.yaml)."""

    async def work(graph: Database) -> LoadReport | None:
        actors = await actor_lookup(graph)
        places = set((await graph.read("place_ids"))[0]["ids"])
        bundle = import_3w(table, actors, places, source_id=source_id)
        if output:
            output.write_text(dump_bundle(bundle, "json" if output.suffix == ".json" else "yaml"), encoding="utf-8")
            out.print(f"wrote {len(bundle.coverages)} coverage facts to {output}")
            return None
        parsed = ParsedBundle(name=str(table), bundle=bundle, raw=None)
        return await load_bundles(graph, [parsed])

    try:
        report = with_graph(work)
    except BundleInvalid as exc:
        print_errors(exc)
        raise typer.Exit(1) from None
    if report:
        print_report(report)


def export_command(
    output: Path = typer.Option(Path("export.yaml"), "-o", "--output", help="bundle file (.yaml or .json)"),
    hxl_csv: Path | None = typer.Option(None, "--hxl", help="also write coverage as an HXL-tagged CSV here"),
) -> None:
    """Write the whole graph as one bundle (and coverage as an HXL-tagged 3W CSV); a graph over the bundle size
    limit (PEACEGRAPH_BUNDLE_MAX_BYTES) is written as a folder of bundle files that loads as one."""
    fmt = "json" if output.suffix == ".json" else "yaml"

    async def work(graph: Database) -> tuple[list[str], str | None]:
        bundle = await export_bundle(graph)
        parts = dump_bundle_parts(bundle, get_settings().bundle_max_bytes, fmt)
        csv_text = coverage_csv(await graph.read("coverage_export")) if hxl_csv else None
        return parts, csv_text

    parts, csv_text = with_graph(work)
    if len(parts) == 1:
        output.write_text(parts[0], encoding="utf-8")
        out.print(f"wrote {output}")
    else:
        folder = output.with_suffix("")
        if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
            fail(f"{folder}: the graph is over the bundle size limit, so it is written as a folder of files, and "
                 f"{folder} exists and is not an empty folder: choose another -o")
        folder.mkdir(parents=True, exist_ok=True)
        for i, text in enumerate(parts, 1):
            (folder / f"{i:03d}{output.suffix or '.yaml'}").write_text(text, encoding="utf-8")
        out.print(f"wrote {len(parts)} files into {folder}/ (the graph is over the bundle size limit, "
                  f"PEACEGRAPH_BUNDLE_MAX_BYTES); load them with `peacegraph seed load {folder}`")
    if hxl_csv and csv_text is not None:
        hxl_csv.write_text(csv_text, encoding="utf-8")
        out.print(f"wrote {hxl_csv}")


@seed_app.command("schema")
def schema_command(
    output: Path = typer.Option(Path("docs/bundle.schema.json"), "-o", "--output", help="where to write it"),
) -> None:
    """Write the bundle format's JSON Schema (generated from the pydantic models)."""

    output.write_text(bundle_json_schema(), encoding="utf-8")
    out.print(f"wrote {output}")


def bundle_json_schema() -> str:
    """The JSON Schema of a bundle file, from graph.model.Bundle."""
    schema = Bundle.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://peacegraph.example/bundle.schema.json"
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def synth(
    scale: int = typer.Option(1, "--scale", min=1, help="1 ≈ the bundled dataset; 100 ≈ 100× its actors and coverage"),
    seed: int = typer.Option(7, help="random seed (the same seed gives the same graph)"),
    wipe: bool = typer.Option(False, "--wipe", help="empty the database first"),
) -> None:
    """Load a synthetic graph with the dataset's shape (for benchmarks; ids start with S, sm, sc, sf)."""
    bundle = synth_bundle(scale, seed)
    if wipe:
        with_graph(lambda g: g.wipe())
    with_graph(lambda g: g.apply_schema())
    try:
        report, seconds = run_load([ParsedBundle(f"synth-{scale}", bundle, None)])
    except LoadInterrupted as exc:
        fail(f"lost the connection to Neo4j during the load ({exc.cause}); "
             f"{exc.note.outcome() if exc.note else 'nothing was written'}")
    print_report(report, seconds)
    out.print(f"synthetic scale {scale}: {len(bundle.missions)} missions, {len(bundle.coverages):,} coverage facts, "
              f"{len(bundle.funding_lines)} funding lines in {len(bundle.places)} places; "
              f"{len(bundle.coverages) / seconds:,.0f} coverage facts/s")
