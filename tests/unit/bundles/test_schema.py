"""The published bundle JSON Schema, and the OCHA 3W (HXL) import and export."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from peacegraph.cli.seed import actor_lookup, bundle_json_schema
from peacegraph.graph.bundles.load import load_bundles
from peacegraph.graph.bundles.parse import BundleInvalid, ParsedBundle, read_bundle_file
from peacegraph.graph.store.database import Database
from peacegraph.graph.store.export import export_bundle
from peacegraph.seed.hxl import coverage_csv, import_3w
from tests.paths import ROOT as PROJECT_ROOT

SAMPLES = Path(__file__).parents[2] / "integration" / "load" / "samples"


def test_published_schema_is_up_to_date() -> None:
    published = (PROJECT_ROOT / "docs" / "bundle.schema.json").read_text()
    assert published == bundle_json_schema(), "stale: run `peacegraph seed schema`"


def test_bundled_data_files_validate_against_the_json_schema() -> None:
    schema = json.loads(bundle_json_schema())
    files = sorted((PROJECT_ROOT / "data").glob("*.yaml"))
    assert files
    for path in files:
        data = json.loads(json.dumps(yaml.safe_load(path.read_text()), default=str))
        jsonschema.validate(data, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"format": "peacegraph.bundle/1", "missions": [{"id": "x"}]}, schema)


async def test_3w_table_imports_as_coverage(graph: Database) -> None:
    await load_bundles(graph, [read_bundle_file(SAMPLES / "sample.yaml")])
    await graph.write("upsert_tasks", rows=[
        {"id": t, "props": {"group": g, "label": t}, "cites": []}
        for t, g in (("child_protection", "protection"), ("refugees_idps", "socioeconomic"))
    ])
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


def test_3w_rows_that_cannot_map_are_reported_by_line(tmp_path: Path) -> None:
    table = tmp_path / "bad.csv"
    table.write_text("#org,#sector,#country+code,#date+start\nUNICEF,Astrology,MLI,2022-01-01\n"
                     "UNICEF,Protection,XXX,2022-01-01\nUNICEF,Protection,MLI,not-a-date\n")
    with pytest.raises(BundleInvalid) as caught:
        import_3w(table, {}, {"MLI"})
    messages = [str(e) for e in caught.value.errors]
    assert "bad.csv:2: #activity/#sector: no task for activity None / sector 'Astrology'" in messages[0]
    assert "bad.csv:3: #country+code: unknown country code 'XXX'" in messages[1]
    assert "bad.csv:4: #date+start: bad date 'not-a-date'" in messages[2]


async def test_coverage_exports_as_hxl_csv(graph: Database) -> None:
    await load_bundles(graph, [read_bundle_file(SAMPLES / "sample.yaml")])
    text = coverage_csv(await graph.read("coverage_export"))
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[1][:3] == ["#org", "#org+id", "#sector"]
    by_actor = {(r[1], r[3]): r for r in rows[2:]}
    poc = by_actor[("minusma", "civilian_protection")]
    assert poc[5] == "MLI" and poc[9] == "2013-07-01" and poc[10] == "2023-12-31"
    assert by_actor[("minusma", "human_rights")][6] == "MLI-mopti"
