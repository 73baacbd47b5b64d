"""Every GraphQL document the planners' page sends is valid against the schema, and the warm-up's requests name
page queries with the variables they declare."""

from __future__ import annotations

import datetime as dt

import pytest
from graphql import OperationDefinitionNode, parse, validate

from peacegraph.api.page_queries import first_visit, operation_name, page_queries
from peacegraph.api.schema import make_schema
from peacegraph.graph.settings import Settings

QUERIES = page_queries()


def test_the_page_is_built_with_its_queries() -> None:
    if not QUERIES:
        pytest.fail("api/web/dist/queries.json is missing: run `make web`", pytrace=False)
    assert {"bootstrap", "country", "matrix", "timeline", "diff", "portfolio", "whatIf"} <= set(QUERIES)


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_every_page_query_validates_against_the_schema(name: str) -> None:
    errors = validate(make_schema(Settings())._schema, parse(QUERIES[name]))
    assert errors == [], f"the page's {name} query: {[e.message for e in errors]}"


def test_the_warm_up_sends_page_queries_with_exactly_their_variables() -> None:
    requests = first_visit("SOM", dt.date(2024, 2, 29), "atmis")
    assert [name for name, _ in requests][-1] == "mission" and len(first_visit("SOM", dt.date(2024, 2, 29))) == 6
    assert dict(requests)["timeline"]["from"] == "2019-02-28", "a leap day five years back is the 28th"
    for name, variables in requests:
        operation = next(d for d in parse(QUERIES[name]).definitions if isinstance(d, OperationDefinitionNode))
        declared = {v.variable.name.value for v in operation.variable_definitions or ()}
        assert set(variables) == declared, name


def test_a_documents_operation_name_labels_its_request() -> None:
    assert operation_name("query Matrix($place: ID!) { coverageMatrix(place: $place) { asOf } }") == "Matrix"
    assert operation_name("mutation Load { x }") == "Load"
    assert operation_name("{ anonymous }") is None
    assert operation_name("query Broken {") is None, "not GraphQL: no name rather than an exception"
