"""Bulk loads: staged in batches under a load id, published in one transaction; readers see all or nothing; a
failed or interrupted bulk load leaves nothing a reader sees, and its staged batches are removed."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from peacegraph.graph.bundles.bulk import bulk_load, finish, staged_loads, unfinished_loads
from peacegraph.graph.bundles.load import load_bundles, rows_of
from peacegraph.graph.bundles.parse import BundleInvalid, ParsedBundle, parse_bundle_text
from peacegraph.graph.domain.model import KINDS
from peacegraph.graph.settings import Settings
from peacegraph.graph.store.database import Database
from peacegraph.graph.store.export import export_bundle
from peacegraph.seed.files import read_all
from peacegraph.seed.synth import synth_bundle
from tests.integration.load.fingerprint import fingerprint
from tests.integration.load.test_crash import write_parts
from tests.integration.load.test_load import SAMPLE, normalised
from tests.paths import ROOT

PEACEGRAPH = str(Path(sys.executable).with_name("peacegraph"))
LABELS = "MATCH (n) WHERE NOT n:ApiKey UNWIND labels(n) AS label RETURN label, count(*) AS n"
PROVENANCE = frozenset({"_load"})
TYPES = "MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n"


def synth(scale: int = 2) -> list[ParsedBundle]:
    return [ParsedBundle(f"synth-{scale}", synth_bundle(scale, seed=5), None)]


async def counts(db: Database, query: str) -> dict[str, int]:
    """Nodes per label (or relationships per type) a reader sees: the staging labels (_Staged, _Load) left out."""
    rows = {r["label" if "label" in r else "type"]: r["n"] for r in await db.run(query, {})}
    return {k: v for k, v in rows.items() if not k.startswith("_")}


async def test_a_bulk_load_gives_the_graph_a_one_transaction_load_gives(graph: Database) -> None:
    parsed = synth()
    report = await load_bundles(graph, parsed, bulk=False)
    one_tx = await fingerprint(graph, PROVENANCE), normalised(await export_bundle(graph))
    await graph.wipe()
    bulk = await load_bundles(graph, parsed, bulk=True)
    assert bulk.bulk and not report.bulk
    assert (await fingerprint(graph, PROVENANCE), normalised(await export_bundle(graph))) == one_tx
    stamped = await graph.run("MATCH (n) WHERE n._load = $id RETURN count(n) AS n", {"id": bulk.load_id})
    assert stamped[0]["n"] == bulk.total("new"), "a bulk load's nodes name the load that wrote them"
    assert await staged_loads(graph) == {}
    assert bulk.total("new") == report.total("new") == sum(len(getattr(parsed[0].bundle, k)) for k in KINDS)
    again = await load_bundles(graph, parsed, bulk=True)
    assert (again.total("new"), again.total("updated")) == (0, 0), "a bulk reload of the same data changes nothing"


async def test_readers_see_nothing_of_a_bulk_load_until_it_publishes(graph: Database) -> None:
    await load_bundles(graph, read_all([SAMPLE]))
    before = await counts(graph, LABELS)
    parsed = synth()
    seen: dict[str, Any] = {}

    async def while_staged() -> None:
        seen["labels"] = await counts(graph, LABELS)
        seen["lookup"] = await graph.run("MATCH (c:Coverage {id: $id}) RETURN count(c) AS n",
                                         {"id": parsed[0].bundle.coverages[0].id})
        seen["search"] = await graph.run("CALL db.index.fulltext.queryNodes('entity_names', 'synthetic') "
                                         "YIELD node RETURN count(node) AS n", {})
        seen["staged"] = await staged_loads(graph)

    report = await bulk_load(graph, parsed, rows_of(parsed[0].bundle), batch=200, before_publish=while_staged)
    staged_records = sum(seen["staged"].values())
    assert seen["staged"] == {report.load_id: staged_records} and staged_records > 1000
    assert seen["labels"] == before, "staged records were visible"
    assert seen["lookup"] == [{"n": 0}] and seen["search"] == [{"n": 0}]
    after = await counts(graph, LABELS)
    assert after["Coverage"] == before["Coverage"] + len(parsed[0].bundle.coverages)
    assert await staged_loads(graph) == {}
    search = await graph.run("CALL db.index.fulltext.queryNodes('entity_names', 'synthetic') "
                             "YIELD node RETURN count(node) AS n", {})
    assert search[0]["n"] == len(parsed[0].bundle.missions) + 1, "published: the search finds them now"


async def test_a_failed_publish_removes_the_staged_batches_and_changes_nothing(graph: Database) -> None:
    await load_bundles(graph, read_all([SAMPLE]))
    parsed = synth()
    clash = parsed[0].bundle.coverages[10].id

    async def concurrent_writer() -> None:  # another writer creates a record this load staged, before it publishes
        await graph.run("CREATE (:Coverage {id: $id})", {"id": clash}, write=True)

    before = None

    async def remember_then_clash() -> None:
        nonlocal before
        await concurrent_writer()
        before = await counts(graph, LABELS)

    with pytest.raises(BundleInvalid, match="another writer created records this load stages as new while it ran"):
        await bulk_load(graph, parsed, rows_of(parsed[0].bundle), batch=300, before_publish=remember_then_clash)
    assert await staged_loads(graph) == {}
    assert await counts(graph, LABELS) == before


async def test_a_record_a_staged_one_points_at_cannot_be_deleted_under_it(graph: Database) -> None:
    await load_bundles(graph, read_all([SAMPLE]))
    text = "format: peacegraph.bundle/1\ncoverages:\n" + "".join(
        f"  - {{id: bulk-{i}, actor: afisma, task: human_rights, place: MLI, cites: [{{source: unsc-wg-2016, "
        f"locator: line {i}}}]}}\n" for i in range(300))
    parsed = [parse_bundle_text(text, "bulk.yaml")]
    tried: dict[str, Any] = {}

    async def delete_afisma() -> None:
        tried["row"] = (await graph.write("delete_missions", ids=["afisma"]))[0]

    await bulk_load(graph, parsed, rows_of(parsed[0].bundle), batch=100, before_publish=delete_afisma)
    assert tried["row"]["deleted"] == 0
    assert Counter(r.split(" from ")[0] for b in tried["row"]["blocked"] for r in b["refs"])["BY"] == 300
    orphans = await graph.run("MATCH (c:Coverage) WHERE NOT (c)-[:BY]->(:Actor) RETURN count(c) AS n", {})
    assert orphans[0]["n"] == 0


async def test_a_bulk_load_updates_existing_records_when_it_publishes(graph: Database) -> None:
    await load_bundles(graph, read_all([SAMPLE]))
    text = SAMPLE.read_text().replace("name: African Union,", "name: The African Union,")
    extra = "".join(f"  - {{id: more-{i}, actor: au, task: human_rights, place: MLI-mopti, cites: [{{source: "
                    f"unsc-wg-2016, locator: line {i}}}]}}\n" for i in range(50))
    text = text.replace("coverages:\n", "coverages:\n" + extra)
    report = await load_bundles(graph, [parse_bundle_text(text, "update.yaml")], bulk=True)
    assert report.bulk
    assert report.plans[0].updated["organizations"] == 1 and report.plans[0].new["coverages"] == 50
    exported = await export_bundle(graph)
    assert {o.id: o.name for o in exported.organizations}["au"] == "The African Union"
    assert len(exported.coverages) == 53


async def settled_staged_loads(graph: Database) -> dict[str, int]:
    """The staged records once they stop changing: a batch whose commit the killed client had already sent is
    committed by the server after the kill, so a count read at once can be one batch short."""
    deadline = asyncio.get_running_loop().time() + 30
    last = await staged_loads(graph)
    while True:
        await asyncio.sleep(0.5)
        now = await staged_loads(graph)
        if now == last:
            return now
        assert asyncio.get_running_loop().time() < deadline, "the staged records kept changing after the kill"
        last = now


async def test_an_interrupted_bulk_load_is_removed_and_reported_by_the_next_load(
    graph: Database, neo4j_settings: Settings, tmp_path: Path,
) -> None:
    """kill -9 of the loading client while it stages: nothing visible changed; the next `seed load` removes the
    staged batches, says that none of the files was written, and loads."""
    await load_bundles(graph, read_all([SAMPLE]))
    before = await counts(graph, LABELS)
    folder = tmp_path / "bundles"
    records = write_parts(folder, scale=4)
    state = tmp_path / "state"
    env = {**os.environ, "NEO4J_URI": neo4j_settings.uri, "PEACEGRAPH_STATE_DIR": str(state), "COLUMNS": "300",
           "PEACEGRAPH_BULK_BATCH_ROWS": "100", "NO_COLOR": "1"}
    cli = await asyncio.create_subprocess_exec(PEACEGRAPH, "seed", "load", "--bulk", str(folder), env=env, cwd=ROOT,
                                               stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
                                               start_new_session=True)
    deadline = asyncio.get_running_loop().time() + 120
    while sum((await staged_loads(graph)).values()) < 300:
        assert cli.returncode is None, "the load finished before it could be interrupted"
        assert asyncio.get_running_loop().time() < deadline, "nothing was staged"
        await asyncio.sleep(0.05)
    os.killpg(cli.pid, signal.SIGKILL)
    await cli.wait()
    left = await settled_staged_loads(graph)
    assert len(left) == 1 and sum(left.values()) >= 300
    assert await counts(graph, LABELS) == before

    again = await asyncio.create_subprocess_exec(PEACEGRAPH, "seed", "load", str(folder), env=env, cwd=ROOT,
                                                 stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    out, err = await asyncio.wait_for(again.communicate(), 300)
    note = " ".join(err.decode().split())
    assert again.returncode == 0, note
    assert f"the previous load {next(iter(left))}" in note and "was interrupted" in note, note
    assert "had not committed: none of its files was written" in note, note
    assert f"Removed the {sum(left.values()):,} records it had staged (never visible to readers)" in note, note
    assert await staged_loads(graph) == {}
    total = next(line for line in out.decode().splitlines() if line.startswith("total: "))
    assert total.endswith("0 unchanged") and str(records - 6) in total.replace(",", ""), total


async def test_a_load_too_large_for_one_transaction_publishes_in_batches_and_an_interrupted_one_is_finished(
    graph: Database,
) -> None:
    """Past PEACEGRAPH_BULK_PUBLISH_MAX staged records the publish runs in batches; a load cut short once every
    record is staged is published (rolled forward) by `finish`, not removed."""
    await load_bundles(graph, read_all([SAMPLE]))
    parsed = synth()
    whole = await bulk_load(graph, parsed, rows_of(parsed[0].bundle), batch=300, publish_max=500)
    assert await staged_loads(graph) == {}
    expected = await fingerprint(graph, PROVENANCE)
    await graph.wipe()
    await load_bundles(graph, read_all([SAMPLE]))

    def stop_at(phase: str) -> None:
        if phase == "publishing":
            raise KeyboardInterrupt  # the process dies after its last staged batch, before it publishes

    with pytest.raises(KeyboardInterrupt):
        await bulk_load(graph, parsed, rows_of(parsed[0].bundle), batch=300, publish_max=500, on_phase=stop_at,
                        load_id="L-cut")
    (left,) = await unfinished_loads(graph)
    assert (left.load_id, left.state, left.staged) == ("L-cut", "staged", whole.total("new"))
    said = await finish(graph, "L-cut")
    updated = whole.total("updated")
    assert updated == 6  # the synthetic graph redefines the sample's organisations and tasks
    assert said == (f"finished publishing the {whole.total('new'):,} new records it had staged; its {updated} updates "
                    "to records already in the graph were not applied: load the same files again to apply them")
    assert await unfinished_loads(graph) == []
    again = await load_bundles(graph, parsed, bulk=True)
    assert (again.total("new"), again.total("updated")) == (0, updated), "loading again applies the updates"
    assert await fingerprint(graph, PROVENANCE) == expected
