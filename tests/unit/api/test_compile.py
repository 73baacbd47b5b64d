"""GraphQL → Cypher + parameters, pinned as snapshots in the style of @neo4j/graphql's TCK tests (no database).

A changed compilation shows up as a diff of tests/unit/snapshots/<name>.cypher; after checking it, refresh the
files with `PEACEGRAPH_UPDATE_SNAPSHOTS=1 pytest tests/unit/api/test_compile.py`.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from typing import Any

import pytest
from graphql import FragmentDefinitionNode, OperationDefinitionNode, parse
from graphql.execution.values import get_variable_values

from peacegraph.api.compile import CompileError, Compiler, Shape, shape_value
from peacegraph.api.execute import compile_root
from peacegraph.api.pagination import decode_cursor, encode_cursor
from peacegraph.api.schema import make_schema
from peacegraph.graph.settings import Settings
from tests.paths import ROOT

SNAPSHOTS = ROOT / "tests" / "unit" / "snapshots"
TODAY = dt.date(2026, 12, 1)
SCHEMA = make_schema(Settings())._schema


def compile_query(query: str, variables: dict[str, Any] | None = None, max_page_size: int = 200) -> list[Any]:
    document = parse(query)
    op = next(d for d in document.definitions if isinstance(d, OperationDefinitionNode))
    fragments = {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}
    coerced = get_variable_values(SCHEMA, op.variable_definitions or (), variables or {})
    assert not isinstance(coerced, list), coerced
    compiler = Compiler(SCHEMA, fragments, coerced, max_page_size, today=TODAY)
    plans = []
    for nodes in compiler.collect_set(op.selection_set, "Query").values():
        plans.append(compile_root(compiler, nodes[0].name.value, nodes, compiler.args("Query", nodes[0])))
    return plans


def snapshot(name: str, plans: list[Any]) -> None:
    text = "\n\n".join(f"{p.text}\n// params: {json.dumps(p.params, sort_keys=True, default=str)}" for p in plans)
    path = SNAPSHOTS / f"{name}.cypher"
    if os.environ.get("PEACEGRAPH_UPDATE_SNAPSHOTS") or not path.exists():
        SNAPSHOTS.mkdir(parents=True, exist_ok=True)
        path.write_text(text + "\n", encoding="utf-8")
    assert path.read_text(encoding="utf-8") == text + "\n", f"compiled Cypher changed: see {path}"


CASES = {
    "missions_page": """{ missions(where: {name: {contains: "Mali"}, kind: {in: [un_peacekeeping, un_political]}},
                                    sort: [{name: ASC}], first: 50) {
                          totalCount edges { node { id acronym name validFrom } } } }""",
    "nested_three_levels": """{ missions(first: 50) { edges { node { id
                                  mandates(asOf: null, first: 5) { edges { node { id tasks { edges { node { id } } } } } }
                              } } } }""",
    "coverage_as_of_with_union_and_sources": """{ place(id: "MLI") { name
                              coverages(asOf: "2020-06-01", where: {status: {eq: actual}}, sort: [{validFrom: DESC}],
                                        first: 200) {
                                edges { cursor node { id actor { __typename ... on Mission { acronym }
                                                                ... on Organization { name } }
                                                     sources { locator quote source { title } } } } } } }""",
    "relationship_filters": """{ coverages(where: {mission: {some: {ledBy: {some: {id: {eq: "un"}}}}},
                                               NOT: {task: {some: {group: {eq: military}}}},
                                               OR: [{validTo: {isNull: true}}, {validTo: {gt: "2024-01-01"}}]}) {
                                  totalCount } }""",
    "node_by_id_with_fragments": """query ($id: ID!) { node(id: $id) { ...M ... on Mandate { id action } } }
                                    fragment M on Mission { id name deployedIn { id } }""",
    "aliases_and_typename": """{ a: mission(id: "minusma") { __typename n: name ledBy { i: id } }
                                b: missions(first: 1) { pageInfo { hasNextPage endCursor } } }""",
    "transition_handovers": """{ transition(id: "tr:x") { id handovers { taskId task { label } to {
                                  ... on Organization { id } } place { id } } } }""",
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_compiled_cypher_matches_its_snapshot(name: str) -> None:
    variables = {"id": "minusma"} if name == "node_by_id_with_fragments" else None
    snapshot(name, compile_query(CASES[name], variables))


def test_one_statement_per_root_field_whatever_the_depth_or_page_size() -> None:
    shallow = compile_query('{ missions(first: 2) { edges { node { id } } } }')
    deep = compile_query('{ missions(first: 200) { edges { node { id mandates { edges { node { id tasks { edges {'
                         ' node { id coverages { edges { node { id actor { ... on Mission { id } } } } } } } } } } } }'
                         ' } } }')
    assert len(shallow) == len(deep) == 1


def test_request_values_are_parameters_never_cypher_text() -> None:
    hostile = "x' }) DETACH DELETE n //"
    (plan,) = compile_query('query ($t: String!) { missions(where: {name: {eq: $t}}) { totalCount } }',
                            {"t": hostile})
    assert hostile not in plan.text and hostile in plan.params.values()
    (aliased,) = compile_query('{ mission(id: "x") { dangerous_alias: name } }')
    assert "dangerous_alias" not in aliased.text


def test_the_selection_sets_the_returned_fields_only() -> None:
    (plan,) = compile_query('{ mission(id: "minusma") { acronym } }')
    assert "this.acronym" in plan.text and "this.name" not in plan.text and "COUNT" not in plan.text


def test_total_count_and_page_info_are_computed_only_when_selected() -> None:
    (without,) = compile_query("{ missions(first: 3) { edges { node { id } } } }")
    (with_total,) = compile_query("{ missions(first: 3) { totalCount } }")
    assert "total:" not in without.text and "COUNT" in with_total.text and "rows:" not in with_total.text


@pytest.mark.parametrize(("query", "argument"), [
    ("{ missions(first: 1000) { totalCount } }", "first"),
    ('{ missions(first: 1, after: "bm90LWEtY3Vyc29y") { totalCount } }', "after"),
    ('{ mission(id: "x") { coverages(asOf: "9999-12-31") { totalCount } } }', "asOf"),
    ('{ missions(where: {id: {in: [' + ",".join(f'"{i}"' for i in range(500)) + ']}}) { totalCount } }', "where"),
])
def test_caller_errors_name_the_argument(query: str, argument: str) -> None:
    with pytest.raises(CompileError) as caught:
        compile_query(query)
    assert caught.value.argument == argument


def test_cost_grows_with_nested_page_sizes() -> None:
    def cost(query: str) -> int:
        document = parse(query)
        op = document.definitions[0]
        assert isinstance(op, OperationDefinitionNode)
        coerced = get_variable_values(SCHEMA, (), {})
        compiler = Compiler(SCHEMA, {}, coerced, 200, today=TODAY)
        for nodes in compiler.collect_set(op.selection_set, "Query").values():
            compile_root(compiler, nodes[0].name.value, nodes, compiler.args("Query", nodes[0]))
        return compiler.cost

    small = cost("{ missions(first: 5) { edges { node { id mandates(first: 5) { edges { node { id } } } } } } }")
    big = cost("{ missions(first: 200) { edges { node { id mandates(first: 200) { edges { node { id } } } } } } }")
    assert big > 1000 * small / 10


def test_cursors_hold_the_sort_values_and_the_id() -> None:
    cursor = encode_cursor(["Mali", "2013-07-01", "minusma"])
    assert decode_cursor(cursor, ["string", "date", "string"], "after") == ["Mali", "2013-07-01", "minusma"]
    with pytest.raises(ValueError, match="another sort order"):
        decode_cursor(cursor, ["string", "string"], "after")


def test_shapes_rename_aliases_and_drop_unasked_union_tags() -> None:
    shape = Shape(fields=[("n", None), ("actor", Shape(union={"Mission": Shape(fields=[("acronym", None)])}))])
    value = ["MINUSMA", ["Mission", "MINUSMA"]]
    assert shape_value(value, shape) == {"n": "MINUSMA", "actor": {"acronym": "MINUSMA"}}
    assert shape_value(value, shape, tag=True)["actor"]["__typename"] == "Mission"
