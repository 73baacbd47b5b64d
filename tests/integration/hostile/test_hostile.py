"""Hostile input, each through the CLI (`peacegraph seed load`) and the `loadBundle` mutation: every one is refused
with a located error, and the graph (every node and relationship with their properties) is unchanged afterwards.

`expected.yaml` names each file with the line its first error points at and words the message must contain.
One shared graph (the sample plus baseline/), one load per input and path.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from peacegraph.graph.bundles.load import load_bundles
from peacegraph.graph.settings import Settings
from peacegraph.graph.store.database import Database
from peacegraph.graph.store.keys import create_key
from peacegraph.seed.files import read_all
from tests.fixtures import neo4j as fx
from tests.fixtures.api import GraphQLClient
from tests.integration.load.cli import run_cli
from tests.integration.load.fingerprint import fingerprint

HERE = Path(__file__).parent
SAMPLE = HERE.parent / "load" / "samples" / "sample.yaml"
EXPECTED: dict[str, dict[str, Any]] = YAML(typ="safe").load((HERE / "expected.yaml").read_text(encoding="utf-8"))
CASES = sorted(EXPECTED)
ORIGINAL = 33
LOAD = """mutation($text: String!) {
  loadBundle(text: $text) { ok written errors { file line path message } counts { kind new updated unchanged } }
}"""


@pytest.fixture(scope="module")
async def hostile(session_graph: Database, neo4j_settings: Settings, tmp_path_factory: pytest.TempPathFactory,
                  ) -> AsyncIterator[dict[str, Any]]:
    """The sample graph plus baseline/, an editor key, the CLI's environment, and the graph's fingerprint."""
    fx._state["dataset_loaded"] = False
    await session_graph.wipe(with_keys=True)
    await load_bundles(session_graph, read_all([SAMPLE, HERE / "baseline"]))
    _, token = await create_key(session_graph, "hostile suite", "editor")
    env = {"NEO4J_URI": neo4j_settings.uri, "PEACEGRAPH_STATE_DIR": str(tmp_path_factory.mktemp("state")),
           "COLUMNS": "3000", "NO_COLOR": "1"}
    if neo4j_settings.neo4j_password:
        env["NEO4J_PASSWORD"] = neo4j_settings.neo4j_password
    yield {"graph": session_graph, "key": token, "env": env, "before": await fingerprint(session_graph)}
    fx._state["dataset_loaded"] = False


def test_every_hostile_input_is_in_the_expectations() -> None:
    files = {p.name for p in HERE.iterdir() if p.is_file() and p.suffix in (".yaml", ".yml", ".json")}
    assert files - {"expected.yaml"} == set(EXPECTED)
    assert len(EXPECTED) >= ORIGINAL + 45


def _errors(output: str) -> list[str]:
    lines = output.splitlines()
    start = next(i for i, line in enumerate(lines) if "nothing was loaded:" in line)
    return [line.strip() for line in lines[start + 1:] if line.startswith("  ")]


def _check_first(expected: dict[str, Any], line: int | None, text: str) -> None:
    assert line == expected["line"], f"first error at line {line}, expected {expected['line']}: {text}"
    assert expected["says"] in text, text


@pytest.mark.parametrize("name", CASES)
async def test_hostile_input_is_refused_located_and_changes_nothing(
    name: str, hostile: dict[str, Any], gql: GraphQLClient,
) -> None:
    expected, graph = EXPECTED[name], hostile["graph"]
    path = HERE / name

    result = await asyncio.to_thread(run_cli, ["seed", "load", str(path)], hostile["env"])
    assert result.exit_code == 1, result.output
    errors = _errors(result.stderr)
    assert errors, result.stderr
    first = errors[0]
    assert first.split(":")[0].endswith(name), first
    head = first.split(": ")[0]
    line = int(head.rsplit(":", 1)[1]) if head.count(":") and head.rsplit(":", 1)[1].isdigit() else None
    _check_first(expected, line, first)
    if expected["line"] is not None:
        assert all(e.split(": ")[0].rsplit(":", 1)[-1].isdigit() for e in errors), f"unlocated: {errors}"
    assert len(errors) >= expected.get("at_least", 1)
    assert "Traceback" not in result.output
    assert await fingerprint(graph) == hostile["before"], "the CLI load changed the graph"

    if not expected.get("api", True):
        with pytest.raises(UnicodeDecodeError):
            path.read_bytes().decode("utf-8")  # not text: a GraphQL String cannot carry it
        return
    reply = await asyncio.to_thread(gql, LOAD, {"text": path.read_bytes().decode("utf-8")}, hostile["key"])
    assert "errors" not in reply, reply.get("errors")
    answer = reply["data"]["loadBundle"]
    assert answer["ok"] is False and answer["written"] is False and answer["counts"] == []
    err = answer["errors"][0]
    text = f"{err['path']}: {err['message']}" if err["path"] else err["message"]
    _check_first(expected, err["line"], text)
    if expected["line"] is not None:
        assert all(e["line"] is not None for e in answer["errors"]), answer["errors"]
    assert await fingerprint(graph) == hostile["before"], "the loadBundle mutation changed the graph"


def test_cli_environment_is_the_test_server(hostile: dict[str, Any]) -> None:
    """The CLI legs above talk to the test Neo4j, not a developer's: a load of nothing new says so."""
    result = run_cli(["seed", "load", "--dry-run", str(SAMPLE)], hostile["env"])
    assert result.exit_code == 0, result.output
    assert "0 new, 0 updated" in result.stdout
