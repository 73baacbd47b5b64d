"""kill -9 of Neo4j in the middle of a multi-file load: the CLI says that none of the files was committed and that
running the load again is safe; the graph is as before; the next `peacegraph seed load` reports the interrupted
load, and lands it whole."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import sys
from pathlib import Path

from peacegraph.devserver import LocalNeo4j
from peacegraph.graph.bundles.load import load_bundles
from peacegraph.graph.bundles.parse import dump_bundle
from peacegraph.graph.domain.model import BUNDLE_FORMAT, KINDS, Bundle
from peacegraph.graph.settings import Settings
from peacegraph.graph.store.database import Database
from peacegraph.seed.files import read_all
from peacegraph.seed.synth import synth_bundle
from tests.integration.load.fingerprint import fingerprint
from tests.integration.load.test_load import SAMPLE
from tests.paths import ROOT

PEACEGRAPH = str(Path(sys.executable).with_name("peacegraph"))
SCALE = 4  # ~2,000 records in one transaction: a second or more of writing, time enough to kill the server mid-way
PARTS = {"1-entities.json": ("sources", "tasks", "organizations", "places", "agreements"),
         "2-missions.json": ("missions", "mandates"), "3-coverage.json": ("coverages", "funding_lines")}
RUNNING = ("SHOW TRANSACTIONS YIELD currentQuery, elapsedTime "
           "WHERE currentQuery CONTAINS 'UNWIND $rows' RETURN count(*) AS n")


def write_parts(folder: Path, scale: int) -> int:
    """A synthetic graph as three files that reference each other; returns how many records they hold."""
    bundle = synth_bundle(scale, seed=3)
    folder.mkdir()
    for name, kinds in PARTS.items():
        part = Bundle.model_construct(format=BUNDLE_FORMAT, id=None, description=None,
                                      **{k: (getattr(bundle, k) if k in kinds else []) for k in KINDS})
        (folder / name).write_text(dump_bundle(part, "json"), encoding="utf-8")
    return sum(len(getattr(bundle, k)) for k in KINDS)


async def _wait_for(predicate, timeout: float, what: str) -> None:  # type: ignore[no-untyped-def]
    deadline = asyncio.get_running_loop().time() + timeout
    while not await predicate():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.05)


async def test_kill_9_mid_multi_file_load_writes_nothing_and_says_so(
    killable_server: tuple[Database, Settings, LocalNeo4j], tmp_path: Path,
) -> None:
    graph, neo4j_settings, local_test_server = killable_server
    await load_bundles(graph, read_all([SAMPLE]))
    before = await fingerprint(graph)
    folder = tmp_path / "bundles"
    records = write_parts(folder, scale=SCALE)
    state = tmp_path / "state"
    env = {**os.environ, "NEO4J_URI": neo4j_settings.uri, "PEACEGRAPH_STATE_DIR": str(state),
           "PEACEGRAPH_NEO4J_RETRY_SECONDS": "1", "COLUMNS": "300", "NO_COLOR": "1"}
    cli = await asyncio.create_subprocess_exec(PEACEGRAPH, "seed", "load", "--no-bulk", str(folder), env=env,
                                               cwd=ROOT, stdout=asyncio.subprocess.PIPE,
                                               stderr=asyncio.subprocess.PIPE)

    async def writing() -> bool:
        notes = list((state / "loads").glob("*.json")) if (state / "loads").exists() else []
        if not notes or json.loads(notes[0].read_text())["phase"] != "writing":
            return False
        return bool((await graph.run(RUNNING, {}))[0]["n"])

    await _wait_for(writing, 120, "the load's transaction to start writing")
    pid = local_test_server._pid()
    assert pid is not None
    os.killpg(pid, signal.SIGKILL)
    out, err = await asyncio.wait_for(cli.communicate(), 120)
    stderr = " ".join(err.decode().split())
    try:
        assert cli.returncode == 1, (out.decode(), stderr)
        assert "lost the connection to Neo4j" in stderr, stderr
        assert "the load of 3 files (" in stderr and "had not committed: none of its files was written" in stderr
        assert f"Re-running `peacegraph seed load {folder}` is safe" in stderr, stderr
        assert "Traceback" not in stderr
    finally:
        await asyncio.to_thread(local_test_server.start)
    assert await fingerprint(graph) == before, "a load cut short by kill -9 left part of itself"

    again = await asyncio.create_subprocess_exec(PEACEGRAPH, "seed", "load", str(folder), env=env, cwd=ROOT,
                                                 stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    out, err = await asyncio.wait_for(again.communicate(), 300)
    assert again.returncode == 0, err.decode()
    note = " ".join(err.decode().split())
    assert "was interrupted: the load of 3 files (" in note and "had not committed: none of its files was written" \
        in note, note
    assert "Loading again is safe" in note, note
    total = next(line for line in out.decode().splitlines() if line.startswith("total: "))
    new, updated, unchanged = (int(part.split()[0].replace(",", "")) for part in total[7:].split(", "))
    assert (new + updated, unchanged) == (records, 0), total  # updated: the sample's tasks and organisations
    assert not list((state / "loads").glob("*.json")), "the journal note is gone once a load committed"
    coverages = await graph.run("MATCH (c:Coverage) RETURN count(c) AS n", {})
    assert coverages[0]["n"] == len(synth_bundle(SCALE, seed=3).coverages) + 3
