"""Compiled execution over HTTP: one statement per root field whatever the depth and page size; the fast path
answers exactly as normal execution does; keyset cursors stay put when nodes are inserted before them."""

from __future__ import annotations

import json
from typing import Any

import pytest

from peacegraph.graph.bundles.load import load_bundles
from peacegraph.graph.bundles.parse import parse_bundle_text
from peacegraph.graph.store.database import Database
from tests.fixtures.api import GraphQLClient
from tests.paths import DATA

NODES = """missions(where: {kind: {in: [un_peacekeeping, au_peace_support]}}, sort: [{name: DESC}], first: 7) {
  totalCount
  pageInfo { endCursor hasNextPage }
  edges { cursor node { __typename id n: name validFrom ledBy { id }
    mandates(asOf: null, first: 3, sort: [{adopted: DESC}]) { totalCount edges { node { id action validTo
      tasks(first: 2) { edges { node { id label } } } } } }
    coverages(asOf: "2020-06-01", first: 4) { edges { node { id actor { __typename ... on Mission { acronym } }
      place { name } sources { locator source { title } } } } } } } }
node(id: "S/RES/2100 (2013)") { __typename ... on Mandate { id action } }"""


def data(reply: dict[str, Any]) -> dict[str, Any]:
    assert "errors" not in reply, reply.get("errors")
    return reply["data"]


@pytest.mark.usefixtures("dataset_graph")
def test_the_fast_path_answers_like_normal_execution(gql: GraphQLClient) -> None:
    fast = gql("{ " + NODES + " }")
    mixed = gql('{ ' + NODES + ' tasks(first: 1) { totalCount } whoCovers(task: "civilian_protection", '
                'place: "SSD", asOf: "2020-01-01") { actorName } }')
    assert fast["extensions"]["cypherRoundTrips"] == 2
    normal = data(mixed)
    answer = data(fast)
    assert answer == {k: normal[k] for k in answer}
    assert json.dumps(answer) == json.dumps({k: normal[k] for k in answer}), "the key order differs"
    first = answer["missions"]["edges"][0]["node"]
    assert list(first) == ["__typename", "id", "n", "validFrom", "ledBy", "mandates", "coverages"]


@pytest.mark.usefixtures("dataset_graph")
def test_round_trips_do_not_grow_with_depth_or_page_size(gql: GraphQLClient) -> None:
    shallow = gql("{ missions(first: 2) { edges { node { id } } } }")
    deep = gql("{ missions(first: 100) { edges { node { id ledBy { id missions(asOf: null, first: 5) { edges {"
               " node { id mandates(asOf: null, first: 5) { edges { node { id tasks(first: 5) { totalCount } } } }"
               " } } } } } } } }")
    assert shallow["extensions"]["cypherRoundTrips"] == deep["extensions"]["cypherRoundTrips"] == 1
    assert len(data(deep)["missions"]["edges"]) == 100


async def test_cursors_stay_put_when_nodes_are_inserted_before_them(graph: Database, gql: GraphQLClient) -> None:
    base = (DATA / "01-taxonomy.yaml").read_text()
    await load_bundles(graph, [parse_bundle_text(base, "01-taxonomy.yaml")])
    query = "query($after: String) { tasks(sort: [{label: ASC}], first: 5, after: $after) { edges { node { id } } " \
            "pageInfo { endCursor } } }"
    page1 = data(gql(query))["tasks"]
    page2_before = [e["node"]["id"] for e in data(gql(query, {"after": page1["pageInfo"]["endCursor"]}))["tasks"]
                    ["edges"]]
    await load_bundles(graph, [parse_bundle_text(
        "format: peacegraph.bundle/1\nsources: [{id: s, title: t, kind: codebook, path: x}]\n"
        "tasks: [{id: aaa_first, group: governance, label: A first task, cites: [{source: s, locator: l}]}]\n",
        "insert.yaml")])
    assert data(gql(query))["tasks"]["edges"][0]["node"]["id"] == "aaa_first", "the insert sorts first"
    page2_after = [e["node"]["id"] for e in data(gql(query, {"after": page1["pageInfo"]["endCursor"]}))["tasks"]
                   ["edges"]]
    assert page2_after == page2_before


@pytest.mark.usefixtures("dataset_graph")
@pytest.mark.parametrize(("query", "argument"), [
    ('{ mission(id: "minusma") { coverages(first: 999) { totalCount } } }', "first"),
    ('{ missions(first: 2, after: "AAAA") { totalCount } }', "after"),
    ('{ mission(id: "minusma") { coverages(asOf: "9999-12-31") { totalCount } } }', "asOf"),
    ('{ missions(first: 200) { edges { node { mandates(first: 200) { edges { node { tasks(first: 200) {'
     ' edges { node { id } } } } } } } } } }', "first"),
])
def test_caller_errors_are_bad_user_input_naming_the_argument(gql: GraphQLClient, query: str, argument: str) -> None:
    reply = gql(query)
    (error,) = reply["errors"]
    assert error["extensions"]["code"] == "BAD_USER_INPUT", error
    assert error["extensions"]["argument"] == argument


async def test_counts_at_three_nested_levels_answer_and_match_the_graph(dataset_graph: Database,
                                                                        gql: GraphQLClient) -> None:
    """totalCount with edges at every level (match once, then count and page): Neo4j 5.26 failed with an internal
    error on three levels of this written as list comprehensions."""
    reply = gql('{ missions(where: {kind: {eq: un_peacekeeping}}, sort: [{id: ASC}], first: 20) { totalCount edges '
                '{ node { id mandates(asOf: null, first: 10) { totalCount edges { node { id tasks(first: 20) '
                '{ totalCount edges { node { id } } } } } } } } } }')
    assert "errors" not in reply, reply
    missions = reply["data"]["missions"]
    expected = await dataset_graph.run(
        "MATCH (m:Mission {kind: 'un_peacekeeping'}) WITH m ORDER BY m.id "
        "RETURN m.id AS id, COUNT { (m)<-[:AUTHORIZES]-(:Mandate) } AS mandates", {})
    assert missions["totalCount"] == len(expected) > len(missions["edges"]) == 20
    for edge, row in zip(missions["edges"], expected, strict=False):
        assert (edge["node"]["id"], edge["node"]["mandates"]["totalCount"]) == (row["id"], row["mandates"])
        for mandate in edge["node"]["mandates"]["edges"]:
            tasks = mandate["node"]["tasks"]
            assert tasks["totalCount"] >= len(tasks["edges"])
    assert any(m["node"]["tasks"]["totalCount"] > 0 for e in missions["edges"] for m in e["node"]["mandates"]["edges"])
