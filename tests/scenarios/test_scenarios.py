"""Hand-worked worlds, checked through GraphQL: each folder holds a bundle and the answers worked out by hand
before the analyses ran (expected.yaml: a query and the exact `data` it must return)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from peacegraph.graph.bundles.load import load_bundles
from peacegraph.graph.bundles.parse import read_bundle_file
from peacegraph.graph.store.database import Database
from tests.fixtures.api import GraphQLClient

HERE = Path(__file__).parent
SCENARIOS = sorted(p.name for p in HERE.iterdir() if (p / "bundle.yaml").is_file())


def test_there_are_at_least_three_worlds() -> None:
    assert len(SCENARIOS) >= 3


@pytest.mark.parametrize("scenario", SCENARIOS)
async def test_scenario(scenario: str, graph: Database, gql: GraphQLClient) -> None:
    await load_bundles(graph, [read_bundle_file(HERE / scenario / "bundle.yaml")])
    checks: list[dict[str, Any]] = yaml.safe_load((HERE / scenario / "expected.yaml").read_text())["checks"]
    failures = []
    for check in checks:
        reply = gql(check["query"])
        got = reply.get("data") if not reply.get("errors") else {"errors": reply["errors"]}
        if got != check["expect"]:
            failures.append(f"{check['name']}:\n  expected {check['expect']}\n  got      {got}")
    assert not failures, "\n".join(failures)
