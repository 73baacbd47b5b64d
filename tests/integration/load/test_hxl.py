"""3W (HXL) tables into a real graph, and coverage out of it as an HXL-tagged CSV."""

from __future__ import annotations

import asyncio
import csv
import io
from pathlib import Path

from peacegraph.cli.seed import actor_lookup
from peacegraph.graph.bundles.load import load_bundles
from peacegraph.graph.bundles.parse import ParsedBundle, parse_bundle_text, read_bundle_file
from peacegraph.graph.settings import Settings
from peacegraph.graph.store.database import Database
from peacegraph.graph.store.export import export_bundle
from peacegraph.seed.hxl import coverage_csv, import_3w
from tests.integration.load.cli import run_cli

SAMPLES = Path(__file__).parent / "samples"
TASKS = """format: peacegraph.bundle/1
tasks:
  - {id: child_protection, group: protection, label: Child protection}
  - {id: refugees_idps, group: socioeconomic, label: Refugees and IDPs}
"""


async def test_3w_table_imports_as_coverage(graph: Database) -> None:
    await load_bundles(graph, [read_bundle_file(SAMPLES / "sample.yaml"), parse_bundle_text(TASKS, "tasks.yaml")])
    actors = await actor_lookup(graph)
    places = {"MLI", "MLI-mopti"}
    bundle = import_3w(SAMPLES / "3w-mali.csv", actors, places)
    covs = {(c.actor, c.task, c.place, str(c.valid_from), str(c.valid_to)) for c in bundle.coverages}
    assert covs == {
        ("unicef", "child_protection", "MLI-mopti", "2022-01-01", "2023-01-01"),
        ("un", "civilian_protection", "MLI", "2022-03-01", "None"),
        ("norwegian-refugee-council", "refugees_idps", "MLI-gao", "2022-02-01", "2022-12-01"),
    }
    assert {o.id for o in bundle.organizations} == {"unicef", "norwegian-refugee-council"}
    assert [p.id for p in bundle.places] == ["MLI-gao"]
    assert bundle.coverages[0].cites[0].locator == "row 3"
    await load_bundles(graph, [ParsedBundle("3w", bundle, None)])
    exported = await export_bundle(graph)
    assert len(exported.coverages) == 6


async def test_coverage_exports_as_hxl_csv_with_formulas_neutralised(graph: Database) -> None:
    text = (SAMPLES / "sample.yaml").read_text().replace("name: European Union,", 'name: "=HYPERLINK(1)",')
    await load_bundles(graph, [parse_bundle_text(text, "sample.yaml")])
    rows = list(csv.reader(io.StringIO(coverage_csv(await graph.read("coverage_export")))))
    assert rows[1][:3] == ["#org", "#org+id", "#sector"]
    by_actor = {(r[1], r[3]): r for r in rows[2:]}
    poc = by_actor[("minusma", "civilian_protection")]
    assert poc[5] == "MLI" and poc[9] == "2013-07-01" and poc[10] == "2023-12-31"
    assert by_actor[("minusma", "human_rights")][6] == "MLI-mopti"
    assert by_actor[("eu", "financing_support")][0] == "'=HYPERLINK(1)"


async def test_the_cli_export_neutralises_formulas_in_its_hxl_csv(graph: Database, neo4j_settings: Settings,
                                                                 tmp_path: Path) -> None:
    text = (SAMPLES / "sample.yaml").read_text().replace("name: European Union,", 'name: "@SUM(A1:A9)",')
    await load_bundles(graph, [parse_bundle_text(text, "sample.yaml")])
    env = {"NEO4J_URI": neo4j_settings.uri, "PEACEGRAPH_STATE_DIR": str(tmp_path)}
    args = ["export", "-o", str(tmp_path / "graph.yaml"), "--hxl", str(tmp_path / "coverage.csv")]
    result = await asyncio.to_thread(run_cli, args, env)
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO((tmp_path / "coverage.csv").read_text(encoding="utf-8"))))
    assert [r[0] for r in rows[2:] if r[1] == "eu"] == ["'@SUM(A1:A9)"]
