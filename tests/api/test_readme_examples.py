"""Every GraphQL example in the README runs as written against the bundled dataset, without an error."""

from __future__ import annotations

import re

import pytest

from tests.fixtures.api import GraphQLClient
from tests.paths import ROOT

EXAMPLES = re.findall(r"```graphql\n(.*?)```", (ROOT / "README.md").read_text(), re.S)


def test_the_readme_has_examples() -> None:
    assert len(EXAMPLES) >= 4


@pytest.mark.usefixtures("dataset_graph")
@pytest.mark.parametrize("query", EXAMPLES, ids=[f"example-{i + 1}" for i in range(len(EXAMPLES))])
def test_a_readme_example_runs_as_written(gql: GraphQLClient, query: str) -> None:
    reply = gql(query)
    assert "errors" not in reply, reply.get("errors")
    assert all(value is not None for value in reply["data"].values())
