"""`peacegraph seed load --initial`: a first load built by neo4j-admin's offline importer (graph/bundles/initial.py),
composed here because it stops and restarts the project's own Neo4j (peacegraph/devserver)."""

from __future__ import annotations

import shutil
import time

from peacegraph.cli.common import console, fail, with_graph
from peacegraph.devserver import LocalNeo4j, Neo4jStartError
from peacegraph.graph.bundles import initial
from peacegraph.graph.bundles.bulk import new_load_id
from peacegraph.graph.bundles.load import LoadReport
from peacegraph.graph.bundles.parse import ParsedBundle
from peacegraph.graph.settings import get_settings


def run_initial(parsed: list[ParsedBundle], allow_pending: bool = False) -> tuple[LoadReport, float]:
    """Validate, write CSV, import, then the schema and the remaining kinds; on any failure after the import the
    database is reset to empty (as it was). The report and the seconds it took. Raises BundleInvalid."""
    settings = get_settings()
    if settings.external:
        fail("--initial needs the project's own Neo4j (NEO4J_URI is set): use the ordinary load")
    server = LocalNeo4j(settings, instance=settings.neo4j_instance)
    folder = settings.state_dir / "import" / new_load_id()
    started = time.perf_counter()
    try:
        try:
            prepared = with_graph(lambda db: initial.prepare(db, parsed, folder, allow_pending))
        except initial.NotEmpty as exc:
            fail(str(exc))
        console.print(f"importing {prepared.files.node_count:,} nodes and {prepared.files.relationship_count:,} "
                      "relationships with neo4j-admin (the server restarts)", highlight=False)
        try:
            server.import_csv(prepared.files.arguments())
        except Neo4jStartError as exc:
            fail(f"{exc}\nnothing was loaded")
        try:
            report = with_graph(lambda db: initial.finish(db, prepared))
        except BaseException:
            server.reset_database()
            console.print("[bold red]the load failed after the import: the database was reset to empty[/]")
            raise
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return report, time.perf_counter() - started
