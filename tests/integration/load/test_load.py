"""Loading bundles into a real Neo4j: round trips, idempotency, updates, atomicity across files, located errors.

(Malformed and hostile bundles: tests/integration/hostile.)"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest

from peacegraph.graph.bundles.load import load_bundles, missing_errors
from peacegraph.graph.bundles.parse import BundleInvalid, dump_bundle_parts, parse_bundle_text, read_bundle_file
from peacegraph.graph.domain.model import KINDS, Bundle
from peacegraph.graph.settings import Settings, get_settings
from peacegraph.graph.store.database import Database
from peacegraph.graph.store.export import export_bundle
from peacegraph.graph.store.keys import create_key
from peacegraph.graph.store.writer import MissingTargets
from peacegraph.seed.files import read_all
from tests.fixtures.api import GraphQLClient
from tests.integration.load.cli import run_cli
from tests.integration.load.fingerprint import fingerprint
from tests.paths import DATA

HERE = Path(__file__).parent
SAMPLE = HERE / "samples" / "sample.yaml"


def normalised(bundle: Bundle) -> dict[str, list[dict[str, Any]]]:
    """Bundle content without its header, each kind sorted by id, for equality checks."""
    data = bundle.model_dump(mode="json")
    out = {}
    for kind in KINDS:
        items = sorted(data[kind], key=lambda r: r["id"])
        for item in items:
            for key, value in item.items():
                if isinstance(value, list) and value and isinstance(value[0], str):
                    item[key] = sorted(value)
            if "cites" in item:
                item["cites"] = sorted(item["cites"], key=lambda c: (c["source"], c["locator"]))
        out[kind] = items
    return out


async def load_sample(graph: Database) -> Bundle:
    parsed = read_bundle_file(SAMPLE)
    await load_bundles(graph, [parsed])
    return parsed.bundle


async def test_every_kind_round_trips(graph: Database) -> None:
    bundle = await load_sample(graph)
    exported = await export_bundle(graph)
    assert normalised(exported) == normalised(bundle)
    for kind in KINDS:
        assert getattr(exported, kind), f"sample bundle should exercise {kind}"


async def test_reload_is_idempotent(graph: Database) -> None:
    await load_sample(graph)
    first = normalised(await export_bundle(graph))
    report = await load_bundles(graph, [read_bundle_file(SAMPLE)])
    assert report.counts.nodes_created == 0
    assert all(n == 0 for n in report.plans[0].new.values())
    assert normalised(await export_bundle(graph)) == first


async def test_update_keeps_both_sources(graph: Database) -> None:
    await load_sample(graph)
    update = parse_bundle_text(
        """
format: peacegraph.bundle/1
sources:
  - {id: ipi-2022, title: "The Primacy of Politics and the Protection of Civilians", kind: report, date: 2022-12-01}
coverages:
  - id: "cov:minusma:civilian_protection:MLI:2013"
    actor: minusma
    task: civilian_protection
    place: MLI
    role: lead
    modality: secure
    valid_from: 2013-07-01
    valid_to: 2023-12-31
    mandate: "S/RES/2100 (2013)"
    cites: [{source: ipi-2022, locator: "line 272", quote: "MINUSMA ... counterterrorism-related activities"}]
""",
        "update.yaml",
    )
    await load_bundles(graph, [update])
    exported = {c.id: c for c in (await export_bundle(graph)).coverages}
    cov = exported["cov:minusma:civilian_protection:MLI:2013"]
    assert str(cov.valid_to) == "2023-12-31", "the later bundle's fields win"
    assert {c.source for c in cov.cites} == {"S/RES/2100 (2013)", "ipi-2022"}, "sources of both are kept"


@pytest.mark.rewrites_dataset
async def test_export_wipe_load_gives_the_same_graph(dataset_graph: Database) -> None:
    before = await export_bundle(dataset_graph)
    assert len(before.tasks) >= 40
    # the export as `peacegraph export` writes it: one file, or a folder of files when over the bundle size limit
    parts = [parse_bundle_text(text, f"export/{i:03d}.json")
             for i, text in enumerate(dump_bundle_parts(before, get_settings().bundle_max_bytes, "json"), 1)]
    await dataset_graph.wipe()
    try:
        await load_bundles(dataset_graph, parts)
        after = await export_bundle(dataset_graph)
        assert normalised(after) == normalised(before)
    finally:
        await dataset_graph.wipe()
        from tests.fixtures import neo4j as fx

        fx._state["dataset_loaded"] = False


async def test_a_bundle_lands_whole_or_not_at_all(graph: Database) -> None:
    await load_sample(graph)
    before = normalised(await export_bundle(graph))
    bad = parse_bundle_text(
        """
format: peacegraph.bundle/1
organizations:
  - {id: ecowas, name: Economic Community of West African States, kind: subregional}
missions:
  - {id: ecomib, name: ECOWAS Mission in Guinea-Bissau, kind: regional, led_by: [ecowas], deployed_in: [GNB],
     cites: [{source: unsc-wg-2016, locator: "line 130"}]}
""",
        "half.yaml",
    )
    with pytest.raises(BundleInvalid, match="unknown place 'GNB'"):
        await load_bundles(graph, [bad])
    assert normalised(await export_bundle(graph)) == before


async def test_later_bundle_may_reference_an_earlier_one(graph: Database, tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(SAMPLE.read_text())
    (tmp_path / "b.yaml").write_text(
        "format: peacegraph.bundle/1\ncoverages:\n"
        "  - {id: c-b, actor: afisma, task: human_rights, place: MLI-mopti,"
        " cites: [{source: unsc-wg-2016, locator: line 1}]}\n"
    )
    report = await load_bundles(graph, read_all([tmp_path]), dry_run=True)
    assert [p.new.get("coverages") for p in report.plans] == [3, 1]
    assert report.written is False
    assert (await export_bundle(graph)).coverages == [], "a dry run writes nothing"


REVIEWED = """
format: peacegraph.bundle/1
coverages:
  - {id: cand-a, actor: afisma, task: human_rights, place: MLI, cites: [{source: unsc-wg-2016, locator: line 9}],
     extraction: {method: "cooccurrence:sentence", confidence: 0.8, review: accepted}}
  - {id: cand-b, actor: afisma, task: civilian_protection, place: MLI, cites: [{source: unsc-wg-2016, locator: line 9}],
     extraction: {method: "cooccurrence:sentence", confidence: 0.4, review: rejected}}
  - {id: cand-c, actor: minusma, task: human_rights, place: MLI, cites: [{source: unsc-wg-2016, locator: line 9}],
     extraction: {method: "cooccurrence:sentence", confidence: 0.6, review: REVIEW}}
"""


async def test_extracted_facts_load_only_once_reviewed(graph: Database) -> None:
    await load_sample(graph)
    pending = parse_bundle_text(REVIEWED.replace("REVIEW", "pending"), "review.yaml")
    with pytest.raises(BundleInvalid) as caught:
        await load_bundles(graph, [pending])
    assert [str(e) for e in caught.value.errors] == [
        "review.yaml:9: coverages[2].extraction.review: extracted fact still pending review: set review to "
        "accepted (or rejected to leave it out), or load with --allow-pending"]
    reviewed = parse_bundle_text(REVIEWED.replace("REVIEW", "accepted"), "review.yaml")
    await load_bundles(graph, [reviewed])
    loaded = {c.id: c for c in (await export_bundle(graph)).coverages}
    assert "cand-a" in loaded and "cand-c" in loaded and "cand-b" not in loaded, "rejected facts are left out"
    assert loaded["cand-a"].extraction is not None and loaded["cand-a"].extraction.confidence == 0.8


CLASH = {
    "1-org.yaml": "format: peacegraph.bundle/1\norganizations:\n  - {id: twin, name: Twin organisation, kind: ngo}\n",
    "2-mission.yaml": ("format: peacegraph.bundle/1\nmissions:\n"
                       "  - {id: twin, name: Twin mission, kind: other, led_by: [un], deployed_in: [MLI],\n"
                       "     cites: [{source: unsc-wg-2016, locator: line 1}]}\n"),
}


async def test_multi_file_clash_writes_nothing(graph: Database, tmp_path: Path) -> None:
    """An organisation in one file and a mission with the same id in the next: a located error, nothing written."""
    await load_sample(graph)
    before = await fingerprint(graph)
    for name, text in CLASH.items():
        (tmp_path / name).write_text(text)
    with pytest.raises(BundleInvalid) as caught:
        await load_bundles(graph, read_all([tmp_path]))
    assert [str(e) for e in caught.value.errors] == [
        f"{tmp_path / '2-mission.yaml'}:3: missions[0].id: id 'twin' is used by both an organization "
        f"({tmp_path / '1-org.yaml'}) and a mission; actor ids must be unique"]
    assert await fingerprint(graph) == before


async def test_conflicting_duplicates_across_files_write_nothing(graph: Database, tmp_path: Path) -> None:
    await load_sample(graph)
    before = await fingerprint(graph)
    org = "format: peacegraph.bundle/1\norganizations:\n  - {{id: ngo-x, name: {name}, kind: ngo}}\n"
    (tmp_path / "a.yaml").write_text(org.format(name="First name"))
    (tmp_path / "b.yaml").write_text(org.format(name="Second name"))
    with pytest.raises(BundleInvalid) as caught:
        await load_bundles(graph, read_all([tmp_path]))
    message = str(caught.value.errors[0])
    assert message.startswith(f"{tmp_path / 'b.yaml'}:3: organizations[0].id: duplicate id 'ngo-x' with "
                              "conflicting fields name"), message
    assert f"first defined at {tmp_path / 'a.yaml'} line 3" in message
    assert await fingerprint(graph) == before


async def test_reload_of_the_dataset_reports_nothing_updated(dataset_graph: Database, gql: GraphQLClient) -> None:
    """Loading data/ again changes nothing and says so: 0 new, 0 updated, every record unchanged (store and
    loadBundle)."""
    before = await fingerprint(dataset_graph)
    parsed = read_all([DATA])
    report = await load_bundles(dataset_graph, parsed, dry_run=False)
    assert report.total("new") == 0 and report.total("updated") == 0
    assert report.total("unchanged") == sum(len(getattr(pb.bundle, k)) for pb in parsed for k in KINDS)
    assert report.counts.nodes_created == 0 and report.counts.relationships_created == 0
    token = (await create_key(dataset_graph, "reload", "editor"))[1]
    text = (DATA / "10-mali.yaml").read_text()
    reply = gql("mutation($t: String!) { loadBundle(text: $t) { ok written counts { kind new updated unchanged } } }",
                {"t": text}, key=token)
    answer = reply["data"]["loadBundle"]
    assert answer["ok"] and answer["written"]
    assert {c["kind"]: (c["new"], c["updated"]) for c in answer["counts"]} == {
        c["kind"]: (0, 0) for c in answer["counts"]}
    assert sum(c["unchanged"] for c in answer["counts"]) == len(
        [1 for pb in parsed if pb.name.endswith("10-mali.yaml") for k in KINDS for _ in getattr(pb.bundle, k)])
    assert await fingerprint(dataset_graph) == before


async def test_an_update_is_reported_as_updated_and_the_rest_unchanged(graph: Database) -> None:
    bundle = await load_sample(graph)
    text = SAMPLE.read_text().replace("name: African Union,", "name: The African Union,")
    report = await load_bundles(graph, [parse_bundle_text(text, "changed.yaml")])
    assert report.plans[0].updated == {**dict.fromkeys(report.plans[0].counts, 0), "organizations": 1}
    assert report.total("new") == 0
    assert report.total("unchanged") == sum(len(getattr(bundle, k)) for k in KINDS) - 1


async def test_a_link_to_a_record_deleted_meanwhile_is_a_located_error(graph: Database) -> None:
    """The writer's link statements return ids naming no node; the load turns them into errors at the record."""
    await load_sample(graph)
    parsed = parse_bundle_text(
        "format: peacegraph.bundle/1\ncoverages:\n"
        "  - {id: c-gone, actor: afisma, task: human_rights, place: MLI, cites: [{source: unsc-wg-2016, locator: x}]}\n",
        "gone.yaml")
    await graph.run("MATCH (m:Mission {id: 'afisma'}) DETACH DELETE m", {}, write=True)
    exc = missing_errors([parsed], MissingTargets("coverages", {"c-gone": ["actor afisma"]}))
    assert [str(e) for e in exc.errors] == [
        "gone.yaml:3: coverages[0].actor: organization or mission 'afisma' is not in the graph: it was deleted "
        "while this load ran (nothing of the load was written)"]
    with pytest.raises(BundleInvalid, match="unknown organization or mission 'afisma'"):
        await load_bundles(graph, [parsed])


async def test_the_cli_export_of_a_graph_over_the_size_limit_is_a_folder_that_loads_as_the_graph(
        graph: Database, neo4j_settings: Settings, tmp_path: Path) -> None:
    await load_sample(graph)
    before = normalised(await export_bundle(graph))
    env = {"NEO4J_URI": neo4j_settings.uri, "PEACEGRAPH_STATE_DIR": str(tmp_path),
           "PEACEGRAPH_BUNDLE_MAX_BYTES": "2048"}
    result = await asyncio.to_thread(run_cli, ["export", "-o", str(tmp_path / "graph.yaml")], env)
    assert result.exit_code == 0, result.output
    assert not (tmp_path / "graph.yaml").exists() and "files into" in result.output
    files = sorted((tmp_path / "graph").iterdir())
    assert len(files) > 2 and all(f.stat().st_size <= 2048 for f in files)
    await graph.wipe()
    await load_bundles(graph, read_all([tmp_path / "graph"]))
    assert normalised(await export_bundle(graph)) == before
    again = await asyncio.to_thread(run_cli, ["export", "-o", str(tmp_path / "graph.yaml")], env)
    assert again.exit_code != 0 and "not an empty folder" in again.output
