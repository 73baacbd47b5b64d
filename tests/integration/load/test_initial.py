"""`peacegraph seed load --initial`: a first load built by neo4j-admin's importer gives exactly the graph the
ordinary load gives, refuses a database that holds anything, and a bad bundle leaves the database empty."""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator
from pathlib import Path

import pytest_asyncio

from peacegraph.graph.settings import Settings
from peacegraph.graph.store.database import Database, make_driver
from tests.fixtures.neo4j import private_server
from tests.integration.load.cli import run_cli
from tests.integration.load.fingerprint import graph_state
from tests.paths import ROOT

DATA = ROOT / "data"


@pytest_asyncio.fixture
async def empty_server(neo4j_settings: Settings) -> AsyncIterator[tuple[Database, dict[str, str]]]:
    """A private project Neo4j with an empty database (the import stops and restarts it), and the environment
    that points the CLI at it."""
    own, server = private_server(neo4j_settings, "initial", 30)
    server.reset_database()
    env = {"NEO4J_URI": "", "PEACEGRAPH_STATE_DIR": str(own.state_dir), "PEACEGRAPH_NEO4J_INSTANCE": server.home.name,
           "PEACEGRAPH_BOLT_PORT": str(own.bolt_port), "PEACEGRAPH_NEO4J_HTTP_PORT": str(own.http_port),
           "PEACEGRAPH_NEO4J_HEAP": "1g", "COLUMNS": "3000", "NO_COLOR": "1"}
    driver = make_driver(own)
    try:
        yield Database(driver, own.neo4j_database), env
    finally:
        await driver.close()
        server.stop()


async def load_initial(paths: list[Path], env: dict[str, str]) -> tuple[int, str]:
    result = await asyncio.to_thread(run_cli, ["seed", "load", "--initial", *map(str, paths)], env)
    return result.exit_code, " ".join(result.output.split())


async def test_initial_load_gives_the_ordinary_graph_and_refuses_what_it_must(
        empty_server: tuple[Database, dict[str, str]], dataset_graph: Database, tmp_path: Path) -> None:
    db, env = empty_server
    # a reference to nothing: a located error, and the database stays empty
    bad = tmp_path / "bad.yaml"
    bad.write_text((DATA / "01-taxonomy.yaml").read_text(encoding="utf-8") + "coverages:\n"
                   "  - {id: cov:x, actor: nobody, task: civilian_protection, place: MLI, role: lead,\n"
                   "     valid_from: 2020-01-01, cites: [{source: nowhere, locator: p. 1}]}\n", encoding="utf-8")
    code, said = await load_initial([bad], env)
    assert code == 1 and "nothing was loaded" in said and "bad.yaml:" in said and "'nobody'" in said, said
    assert (await db.read("node_total"))[0]["nodes"] == 0

    # anything in the database: refused, untouched
    await db.run("CREATE (:Task {id: 'already-here'})", {}, write=True)
    code, said = await load_initial([DATA], env)
    assert code == 1 and "holds 1 nodes: --initial loads into an empty database only" in said, said
    assert (await db.read("node_total"))[0]["nodes"] == 1
    await db.run("MATCH (n) DETACH DELETE n", {}, write=True)

    # the dataset: the very graph the ordinary load gave the test server (labels, properties, relationships)
    code, said = await load_initial([DATA], env)
    assert code == 0 and "initial load: built by neo4j-admin's importer" in said, said
    mine, theirs = await graph_state(db), await graph_state(dataset_graph)
    for a, b in zip(mine, theirs, strict=True):
        extra, lost = sorted(set(a) - set(b)), sorted(set(b) - set(a))
        assert (extra, lost) == ([], []), f"{len(extra)} differ: {extra[:3]} vs {lost[:3]}"
    constraints = await db.run("SHOW CONSTRAINTS YIELD name RETURN count(*) AS n", {})
    assert constraints[0]["n"] >= 13, "the schema was applied over the imported nodes"
    assert os.listdir(Path(env["PEACEGRAPH_STATE_DIR"]) / "import") == [], "the CSV files are removed"
