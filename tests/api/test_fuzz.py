"""Schema fuzzing: queries generated from schema.graphql (hypothesis-graphql) never make the API fail as a bug.

Every answer is a 2xx/4xx/503 with data or errors a caller can act on; no INTERNAL_SERVER_ERROR, no 5xx. The
number of examples is PEACEGRAPH_FUZZ_EXAMPLES (250 in `make test`, the same ones every run; `make fuzz` runs 5,000
fresh ones). Generating a query costs hypothesis-graphql about 50 ms here, most of this test's time.
"""

from __future__ import annotations

import os
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_graphql import from_schema
from hypothesis_graphql.nodes import String

from tests.fixtures.api import LiveServer
from tests.paths import ROOT

SDL = (ROOT / "schema.graphql").read_text()
EXAMPLES = int(os.environ.get("PEACEGRAPH_FUZZ_EXAMPLES", "250"))
SCALARS = {
    "Date": st.dates().map(lambda d: String(d.isoformat())),
    "JSON": st.just(String("{}")),
}
queries = from_schema(SDL, custom_scalars=SCALARS, allow_x00=False)


@pytest.fixture(scope="module")
def client(api_server: LiveServer) -> httpx.Client:
    return httpx.Client(base_url=api_server.url, timeout=60)


@pytest.mark.usefixtures("dataset_graph")
@settings(max_examples=EXAMPLES, deadline=None,  # repeatable or fresh: the profile (tests/conftest.py)
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                 HealthCheck.data_too_large])
@given(query=queries)
def test_generated_queries_never_fail_as_a_bug(query: str, client: httpx.Client) -> None:
    reply = client.post("/graphql", json={"query": query})
    assert reply.status_code < 500 or reply.status_code == 503, (reply.status_code, query, reply.text[:500])
    body: dict[str, Any] = reply.json()
    codes = [(e.get("extensions") or {}).get("code") for e in body.get("errors") or []]
    assert "INTERNAL_SERVER_ERROR" not in codes, (query, body["errors"])
    assert all(codes), (query, body["errors"])
