"""The GraphQL API over HTTP against a real Neo4j holding the bundled dataset: root lists, filters, pagination,
asOf, node lookup, search, nested fields without N+1."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from peacegraph.graph.analysis.coverage import month_starts
from tests.fixtures.api import GraphQLClient
from tests.paths import ROOT as PROJECT_ROOT

pytestmark = pytest.mark.usefixtures("dataset_graph")


def data(reply: dict[str, Any]) -> dict[str, Any]:
    assert "errors" not in reply, reply.get("errors")
    return reply["data"]


def ids(conn: dict[str, Any]) -> list[str]:
    return [e["node"]["id"] for e in conn["edges"]]


def test_schema_file_is_up_to_date() -> None:
    from peacegraph.api.schema import schema_sdl

    assert (PROJECT_ROOT / "schema.graphql").read_text() == schema_sdl(), \
        "schema.graphql is stale: run `peacegraph api schema -o schema.graphql`"


@pytest.mark.parametrize("field", ["missions", "organizations", "places", "mandates", "tasks", "coverages",
                                   "fundingLines", "transitions", "agreements", "sources"])
def test_every_root_list_answers(gql: GraphQLClient, field: str) -> None:
    conn = data(gql(f"{{ {field}(first: 2) {{ totalCount edges {{ cursor node {{ __typename }} }} }} }}"))[field]
    assert conn["totalCount"] > 0 and len(conn["edges"]) == min(2, conn["totalCount"])


def test_string_operators(gql: GraphQLClient) -> None:
    q = "query($w: MissionWhere) { missions(where: $w, first: 100) { totalCount edges { node { id name } } } }"
    assert ids(data(gql(q, {"w": {"id": {"eq": "minusma"}}}))["missions"]) == ["minusma"]
    assert set(ids(data(gql(q, {"w": {"id": {"in": ["amisom", "atmis", "nope"]}}}))["missions"])) == {"amisom", "atmis"}
    names = [e["node"]["name"] for e in data(gql(q, {"w": {"name": {"contains": "in Mali"}}}))["missions"]["edges"]]
    assert names and all("in Mali" in n for n in names)
    starts = ids(data(gql(q, {"w": {"id": {"startsWith": "unm"}}}))["missions"])
    assert starts and all(i.startswith("unm") for i in starts)
    ends = ids(data(gql(q, {"w": {"id": {"endsWith": "som"}}}))["missions"])
    assert ends and all(i.endswith("som") for i in ends) and "amisom" in ends
    q2 = "query($w: MissionWhere) { missions(where: $w, first: 200) { edges { node { id validTo } } } }"
    open_ended = data(gql(q2, {"w": {"validTo": {"isNull": True}}}))["missions"]["edges"]
    closed = data(gql(q2, {"w": {"validTo": {"isNull": False}}}))["missions"]["edges"]
    assert open_ended and all(e["node"]["validTo"] is None for e in open_ended)
    assert closed and all(e["node"]["validTo"] for e in closed)
    dates = data(gql(q2, {"w": {"validTo": {"in": ["2024-01-01"]}}}))["missions"]["edges"]
    assert "minusma" in {e["node"]["id"] for e in dates}


def test_date_operators_and_boolean_combinations(gql: GraphQLClient) -> None:
    q = """query($w: MissionWhere) { missions(where: $w, first: 200) { edges { node { id validFrom validTo } } } }"""
    before = data(gql(q, {"w": {"validFrom": {"lt": "1995-01-01"}}}))["missions"]["edges"]
    assert before and all(e["node"]["validFrom"] < "1995-01-01" for e in before)
    ranged = data(gql(q, {"w": {"AND": [{"validFrom": {"gte": "2013-01-01"}}, {"validFrom": {"lte": "2013-12-31"}}]}}))
    years = {e["node"]["validFrom"][:4] for e in ranged["missions"]["edges"]}
    assert years == {"2013"}
    either = ids(data(gql(q, {"w": {"OR": [{"id": {"eq": "minusma"}}, {"id": {"eq": "amisom"}}]}}))["missions"])
    assert sorted(either) == ["amisom", "minusma"]
    not_un = data(gql(q, {"w": {"NOT": {"ledBy": {"some": {"id": {"eq": "un"}}}}, "id": {"in": ["minusma", "amisom"]}}}))
    assert ids(not_un["missions"]) == ["amisom"]


def test_relationship_filters_some_and_none(gql: GraphQLClient) -> None:
    q = "query($w: MissionWhere) { missions(where: $w, first: 200) { edges { node { id deployedIn { id } } } } }"
    in_mali = data(gql(q, {"w": {"deployedIn": {"some": {"id": {"eq": "MLI"}}}}}))["missions"]["edges"]
    assert {"minusma", "eutm-mali", "afisma"} <= {e["node"]["id"] for e in in_mali}
    assert all(any(p["id"] == "MLI" for p in e["node"]["deployedIn"]) for e in in_mali)
    none_un = ids(data(gql(q, {"w": {"ledBy": {"none": {"id": {"eq": "un"}}}}}))["missions"])
    assert "minusma" not in none_un and "amisom" in none_un
    q2 = "query($w: FundingLineWhere) { fundingLines(where: $w, first: 100) { edges { node { id amount currency } } } }"
    big = data(gql(q2, {"w": {"amount": {"gt": 100000000}, "currency": {"eq": "EUR"}}}))["fundingLines"]["edges"]
    assert big and all(e["node"]["amount"] > 1e8 and e["node"]["currency"] == "EUR" for e in big)


def test_sort_and_pagination_both_ways(gql: GraphQLClient) -> None:
    q = """query($first: Int, $after: String, $last: Int, $before: String) {
      missions(sort: [{validFrom: ASC}], first: $first, after: $after, last: $last, before: $before) {
        totalCount edges { cursor node { id validFrom } }
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }"""
    everything = data(gql(q, {"first": 200}))["missions"]
    rest = data(gql(q, {"first": 200, "after": everything["pageInfo"]["endCursor"]}))["missions"]
    all_ids = ids(everything) + ids(rest)
    assert len(all_ids) == len(set(all_ids)) == everything["totalCount"] >= 170
    assert everything["pageInfo"]["hasNextPage"] and not rest["pageInfo"]["hasNextPage"]
    starts = [e["node"]["validFrom"] or "" for e in everything["edges"] + rest["edges"]]
    assert [s for s in starts if s] == sorted(s for s in starts if s)
    page1 = data(gql(q, {"first": 5}))["missions"]
    assert ids(page1) == all_ids[:5] and page1["pageInfo"]["hasNextPage"] and not page1["pageInfo"]["hasPreviousPage"]
    page2 = data(gql(q, {"first": 5, "after": page1["pageInfo"]["endCursor"]}))["missions"]
    assert ids(page2) == all_ids[5:10] and page2["pageInfo"]["hasPreviousPage"]
    back = data(gql(q, {"last": 3, "before": page2["pageInfo"]["startCursor"]}))["missions"]
    assert ids(back) == all_ids[2:5]
    tail = data(gql(q, {"last": 2}))["missions"]
    assert ids(tail) == all_ids[-2:] and not tail["pageInfo"]["hasNextPage"]


def test_as_of_on_nested_lists(gql: GraphQLClient) -> None:
    q = """query($d: Date) { place(id: "MLI") { name missions(asOf: $d, first: 50) { edges { node { id } } } } }"""
    in_2015 = set(ids(data(gql(q, {"d": "2015-06-01"}))["place"]["missions"]))
    assert "minusma" in in_2015 and "afisma" not in in_2015
    assert "afisma" in set(ids(data(gql(q, {"d": "2013-03-01"}))["place"]["missions"]))
    all_time = data(gql('{ place(id: "MLI") { missions(asOf: null, first: 50) { totalCount } } }'))
    assert all_time["place"]["missions"]["totalCount"] >= len(in_2015) + 1
    today = data(gql('{ place(id: "MLI") { missions(first: 50) { edges { node { id } } } } }'))
    assert "minusma" not in ids(today["place"]["missions"]), "default asOf is today; MINUSMA left in 2023"


def test_node_lookup_and_sources(gql: GraphQLClient) -> None:
    q = """query($id: ID!) { node(id: $id) { __typename
      ... on Mission { id acronym sources { locator quote source { id title kind } } }
      ... on Mandate { id symbol tasks { totalCount } }
      ... on Place { id name } } }"""
    mission = data(gql(q, {"id": "minusma"}))["node"]
    assert mission["__typename"] == "Mission" and mission["acronym"] == "MINUSMA"
    assert mission["sources"] and all(s["source"]["title"] for s in mission["sources"])
    mandate = data(gql(q, {"id": "S/RES/2100 (2013)"}))["node"]
    assert mandate["__typename"] == "Mandate" and mandate["tasks"]["totalCount"] > 5
    assert data(gql(q, {"id": "MLI"}))["node"] == {"__typename": "Place", "id": "MLI", "name": "Mali"}
    assert data(gql(q, {"id": "no-such-thing"}))["node"] is None


def test_a_mandate_says_whether_its_text_sets_no_end(gql: GraphQLClient) -> None:
    q = """query($id: ID!) { node(id: $id) { ... on Mandate { validTo openEnded } } }"""
    assert data(gql(q, {"id": "S/RES/50 (1948)"}))["node"] == {"validTo": None, "openEnded": True}, \
        "UNTSO's founding resolution sets no end: open-ended, not an end unknown"
    dated = data(gql(q, {"id": "S/RES/2100 (2013)"}))["node"]
    assert dated["openEnded"] is False and dated["validTo"] is not None


def test_timeline_runs_expand_to_the_monthly_timeline(gql: GraphQLClient) -> None:
    args = 'place: "COD", from: "1999-01-01", to: "2025-12-01"'
    points = data(gql(f"{{ coverageTimeline({args}) {{ month task state actors }} }}"))["coverageTimeline"]
    runs = data(gql(f"{{ coverageTimelineRuns({args}) {{ task state actors from to }} }}"))["coverageTimelineRuns"]
    assert 0 < len(runs) < len(points) / 5, (len(runs), len(points))
    expanded = {(str(m), r["task"], r["state"], tuple(r["actors"])) for r in runs
                for m in month_starts(dt.date.fromisoformat(r["from"]), dt.date.fromisoformat(r["to"]))}
    assert expanded == {(p["month"], p["task"], p["state"], tuple(p["actors"])) for p in points}


def test_full_text_search(gql: GraphQLClient) -> None:
    hits = data(gql('{ search(text: "Mali stabilization") { id label name } }'))["search"]
    assert any(h["id"] == "minusma" for h in hits)
    by_acronym = data(gql('{ search(text: "AMISOM", first: 3) { id label } }'))["search"]
    assert by_acronym[0]["id"] == "amisom"
    symbol = data(gql('{ search(text: "2100", first: 5) { id label } }'))["search"]
    assert any(h["id"] == "S/RES/2100 (2013)" for h in symbol)
    odd = gql('{ search(text: "AND OR NOT ~ * \\\\ ( [ :") { id } }')
    assert "errors" not in odd, "Lucene syntax in the text is never passed through"
    assert data(gql('{ search(text: "~*") { id } }'))["search"] == []


def test_nested_query_costs_fixed_round_trips(gql: GraphQLClient) -> None:
    q = """query($n: Int) { place(id: "SOM") { missions(asOf: null, first: $n) { edges { node { id
      mandates(asOf: null, first: 5) { edges { node { id tasks(first: 5) { edges { node { id
        coverages(asOf: null, first: 3) { edges { node { id sources { locator source { title } } } } } } } } } } } } } } } }"""
    small = gql(q, {"n": 1})
    large = gql(q, {"n": 20})
    assert "errors" not in large, large.get("errors")
    assert len(large["data"]["place"]["missions"]["edges"]) > 3
    trips_small = small["extensions"]["cypherRoundTrips"]
    trips_large = large["extensions"]["cypherRoundTrips"]
    assert trips_large == trips_small <= 8, (trips_small, trips_large)
