"""Loading bundles into a real Neo4j: round trips, idempotency, updates, atomicity, located errors."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from peacegraph.graph.bundles.load import load_bundles
from peacegraph.graph.bundles.parse import BundleInvalid, parse_bundle_text, read_bundle_file
from peacegraph.graph.domain.model import KINDS, Bundle
from peacegraph.graph.store.database import Database
from peacegraph.graph.store.export import export_bundle
from peacegraph.seed.files import read_all

HERE = Path(__file__).parent
SAMPLE = HERE / "samples" / "sample.yaml"
MALFORMED = HERE.parent / "hostile"
EXPECTED: dict[str, dict[str, Any]] = YAML(typ="safe").load((MALFORMED / "expected.yaml").read_text())


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


async def test_export_wipe_load_gives_the_same_graph(dataset_graph: Database) -> None:
    before = await export_bundle(dataset_graph)
    assert len(before.tasks) >= 40
    text_bundle = parse_bundle_text(before.model_dump_json(), "export.json")
    await dataset_graph.wipe()
    try:
        await load_bundles(dataset_graph, [text_bundle])
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


def test_every_malformed_bundle_is_in_the_expectations() -> None:
    files = {p.name for p in MALFORMED.iterdir() if p.name != "expected.yaml"}
    assert files == set(EXPECTED)
    assert len(files) >= 25


@pytest.mark.parametrize("name", sorted(EXPECTED))
async def test_malformed_bundle_gives_located_error_and_changes_nothing(graph: Database, name: str) -> None:
    await load_sample(graph)
    before = normalised(await export_bundle(graph))
    expected = EXPECTED[name]
    with pytest.raises(BundleInvalid) as caught:
        parsed = read_all([MALFORMED / name])
        await load_bundles(graph, parsed)
    errors = caught.value.errors
    first = errors[0]
    assert first.file.endswith(name)
    assert first.line == expected["line"], str(first)
    assert expected["says"] in str(first), str(first)
    assert len(errors) >= expected.get("at_least", 1), "\n".join(map(str, errors))
    assert normalised(await export_bundle(graph)) == before


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
