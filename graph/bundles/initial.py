"""A first load into an empty database at the offline importer's speed (`peacegraph seed load --initial`).

1. `prepare`: validate like any load (the offline checks, then what the graph checks come to against an empty
   database: every reference must name a record of the load), and write the records of every kind without component records
   as CSV (graph/store/csv_import.py).
2. The caller builds the database from those files with `neo4j-admin database import` (the project's own Neo4j:
   peacegraph/devserver) and starts the server again.
3. `finish`: apply the schema (constraints and indexes, built over the imported nodes), then write the remaining
   kinds (transitions with their handovers) with the ordinary one-transaction load.

All or nothing: nothing is written before step 2; if step 2 or 3 fails, the caller resets the database to empty,
as it found it. Only an empty database qualifies (not even API keys), so no reader ever sees part of the load.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from peacegraph.graph.bundles.load import LoadReport, check_offline, combine, load_bundles, plans, rows_of
from peacegraph.graph.bundles.parse import BundleInvalid, ParsedBundle
from peacegraph.graph.bundles.validate import check_references
from peacegraph.graph.domain.model import BUNDLE_FORMAT, KINDS, Bundle
from peacegraph.graph.store.csv_import import ImportFiles, write_csv
from peacegraph.graph.store.database import Database
from peacegraph.graph.store.writer import WriteCounts, creatable


class NotEmpty(RuntimeError):
    """The database holds nodes: an initial load goes into an empty database only."""


@dataclass
class Prepared:
    """A validated initial load: its CSV files, what they hold, and the records left for the ordinary load."""

    files: ImportFiles
    report: LoadReport
    rest: ParsedBundle | None


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector off while a load builds its rows and files: they are millions of objects without
    cycles, and each full collection rescanned all of them (a third of the time at 350k coverage facts, measured).
    Reference counting still frees what is dropped; the collector runs again afterwards."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


async def prepare(db: Database, parsed: Sequence[ParsedBundle], folder: Path,
                  allow_pending: bool = False) -> Prepared:
    """Validate the load against the (empty) database and write its CSV files into `folder`. Raises NotEmpty or
    BundleInvalid (every located error); writes nothing to the database."""
    nodes = (await db.read("node_total"))[0]["nodes"]
    if nodes:
        raise NotEmpty(f"the database holds {nodes:,} nodes: --initial loads into an empty database only (use the "
                       "ordinary load, or `peacegraph db wipe` first)")
    with _collector_paused():
        errors = check_offline(parsed, allow_pending)
        if errors:
            raise BundleInvalid(errors)
        # the graph checks against an empty graph come to this: references must name records of the load (there is
        # nothing in the graph to clash with, close a cycle through or look alike; cycles were judged offline)
        problems = check_references(parsed, {})
        if problems:
            raise BundleInvalid(problems)
        bundle = combine(parsed)
        rows = rows_of(bundle)
        changes = {(kind, r["id"]): "new" for kind, kind_rows in rows.items() for r in kind_rows}
        files = write_csv({k: r for k, r in rows.items() if creatable(k)}, folder)
    counts = WriteCounts()
    for kind, kind_rows in rows.items():
        if creatable(kind):
            counts.add(kind, "new", len(kind_rows))
    counts.nodes_created, counts.relationships_created = files.node_count, files.relationship_count
    rest = {k: getattr(bundle, k) for k in KINDS if not creatable(k) and getattr(bundle, k)}
    later = None
    if rest:
        later = ParsedBundle(f"{len(parsed)} bundles: {', '.join(rest)}", Bundle.model_construct(
            format=BUNDLE_FORMAT, id=None, description=None, **{k: rest.get(k, []) for k in KINDS}), None)
    return Prepared(files, LoadReport(plans(parsed, changes), counts, written=True, initial=True), later)


async def finish(db: Database, prepared: Prepared) -> LoadReport:
    """After the import: the schema over the imported nodes, then the remaining kinds in one transaction."""
    await db.apply_schema()
    await db.run("CALL db.awaitIndexes(600)", {}, write=True)
    report = prepared.report
    if prepared.rest is not None:
        extra = await load_bundles(db, [prepared.rest], bulk=False)
        for kind, c in extra.counts.per_kind.items():
            for change, n in c.items():
                report.counts.add(kind, change, n)
        report.counts.nodes_created += extra.counts.nodes_created
        report.counts.relationships_created += extra.counts.relationships_created
    return report
