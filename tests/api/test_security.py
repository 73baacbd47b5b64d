"""Mutations and roles, API keys, limits (depth, aliases, tokens, page size), error masking, Neo4j outage."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from peacegraph.graph.bundles.load import load_bundles
from peacegraph.graph.bundles.parse import read_bundle_file
from peacegraph.graph.settings import Settings
from peacegraph.graph.store.database import Database
from peacegraph.graph.store.export import export_bundle
from peacegraph.graph.store.keys import create_key, list_keys, revoke_key
from tests.fixtures.api import GraphQLClient, LiveServer, api_settings

SAMPLE = Path(__file__).parents[1] / "integration" / "load" / "samples" / "sample.yaml"
NEW_MISSION = {"id": "eucap-sahel-mali", "name": "EUCAP Sahel Mali", "kind": "eu_civilian", "led_by": ["eu"],
               "deployed_in": ["MLI"], "valid_from": "2015-01-15",
               "cites": [{"source": "unsc-wg-2016", "locator": "line 1"}]}
UPSERT = "mutation($r: [JSON!]!) { upsert(kind: MISSIONS, records: $r) { ok written errors { line path message } } }"


@pytest.fixture
async def sample(graph: Database) -> Database:
    await load_bundles(graph, [read_bundle_file(SAMPLE)])
    return graph


@pytest.fixture
async def keys(sample: Database) -> dict[str, str]:
    out = {}
    for role in ("reader", "editor", "admin"):
        _, token = await create_key(sample, f"test {role}", role)
        out[role] = token
    return out


async def test_keys_are_stored_hashed_and_revocable(sample: Database) -> None:
    key, token = await create_key(sample, "ci", "editor")
    records, _, _ = await sample.driver.execute_query("MATCH (k:ApiKey) RETURN properties(k) AS p")
    stored = records[0]["p"]
    assert token.split("_", 2)[2] not in str(stored) and len(stored["hash"]) == 64
    assert await revoke_key(sample, key.id)
    assert [k.revoked for k in await list_keys(sample)] == [True]
    with pytest.raises(ValueError, match="role must be one of"):
        await create_key(sample, "x", "superuser")


async def test_mutations_need_an_editor(sample: Database, keys: dict[str, str], gql: GraphQLClient) -> None:
    before = (await export_bundle(sample)).model_dump()
    anonymous = gql(UPSERT, {"r": [NEW_MISSION]})
    assert anonymous["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED" and gql.status == 401
    reader = gql(UPSERT, {"r": [NEW_MISSION]}, key=keys["reader"])
    assert reader["errors"][0]["extensions"]["code"] == "FORBIDDEN" and gql.status == 403
    assert (await export_bundle(sample)).model_dump() == before, "a refused request changes nothing"
    wrong = gql(UPSERT, {"r": [NEW_MISSION]}, key="pg_nope_nope")
    assert wrong["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    done = gql(UPSERT, {"r": [NEW_MISSION]}, key=keys["editor"])
    assert done["data"]["upsert"] == {"ok": True, "written": True, "errors": []}
    assert "eucap-sahel-mali" in {m.id for m in (await export_bundle(sample)).missions}


async def test_upsert_errors_are_typed_and_located(sample: Database, keys: dict[str, str], gql: GraphQLClient) -> None:
    before = (await export_bundle(sample)).model_dump()
    bad = dict(NEW_MISSION, led_by=["nobody"], valid_to="2010-01-01")
    reply = gql(UPSERT, {"r": [bad]}, key=keys["editor"])
    result = reply["data"]["upsert"]
    assert result["ok"] is False and result["written"] is False
    assert any("valid_to 2010-01-01 is not after valid_from 2015-01-15" in e["message"] for e in result["errors"])
    assert all(e["line"] for e in result["errors"])
    assert (await export_bundle(sample)).model_dump() == before


async def test_load_bundle_mutation(sample: Database, keys: dict[str, str], gql: GraphQLClient) -> None:
    text = ("format: peacegraph.bundle/1\ncoverages:\n  - {id: c-new, actor: afisma, task: human_rights,"
            " place: MLI, cites: [{source: unsc-wg-2016, locator: line 2}]}\n")
    q = ("mutation($t: String, $d: Boolean!) { loadBundle(text: $t, dryRun: $d) { ok written counts { kind new } } }")
    qe = "mutation($t: String) { loadBundle(text: $t) { ok errors { line message } } }"
    dry = gql(q, {"t": text, "d": True}, key=keys["editor"])["data"]["loadBundle"]
    assert dry == {"ok": True, "written": False, "counts": [{"kind": "coverages", "new": 1}]}
    assert "c-new" not in {c.id for c in (await export_bundle(sample)).coverages}
    done = gql(q, {"t": text, "d": False}, key=keys["admin"])["data"]["loadBundle"]
    assert done["written"] is True
    assert "c-new" in {c.id for c in (await export_bundle(sample)).coverages}
    broken = gql(qe, {"t": "format: peacegraph.bundle/1\nmissions: [\n"}, key=keys["editor"])["data"]["loadBundle"]
    assert broken["ok"] is False and broken["errors"][0]["message"].startswith("not valid YAML/JSON")
    assert broken["errors"][0]["line"] == 3


async def test_delete_is_refused_while_referenced(sample: Database, keys: dict[str, str], gql: GraphQLClient) -> None:
    q = "mutation($ids: [ID!]!) { delete(kind: MISSIONS, ids: $ids) { deleted blocked { id referencedBy } missing } }"
    refused = gql(q, {"ids": ["afisma"]}, key=keys["editor"])["data"]["delete"]
    assert refused["deleted"] == 0 and refused["blocked"][0]["id"] == "afisma"
    assert any("FROM from tr:afisma-minusma" in r for r in refused["blocked"][0]["referencedBy"])
    qt = "mutation { delete(kind: TRANSITIONS, ids: [\"tr:afisma-minusma\"]) { deleted } }"
    assert gql(qt, key=keys["editor"])["data"]["delete"]["deleted"] == 1
    qf = "mutation { delete(kind: FUNDING_LINES, ids: [\"fund:eu-apf-afisma\"]) { deleted } }"
    assert gql(qf, key=keys["editor"])["data"]["delete"]["deleted"] == 1
    done = gql(q, {"ids": ["afisma", "ghost"]}, key=keys["editor"])["data"]["delete"]
    assert done == {"deleted": 1, "blocked": [], "missing": ["ghost"]}


def nested(depth: int) -> str:
    body = "id"
    for _ in range(depth):
        body = f"parent {{ {body} }}"
    return f'{{ place(id: "MLI-mopti") {{ {body} }} }}'


@pytest.mark.usefixtures("dataset_graph")
def test_limits_reject_too_deep_too_wide_too_large(gql: GraphQLClient) -> None:
    deep = gql(nested(25))
    assert "exceeds maximum operation depth of 20" in deep["errors"][0]["message"]
    wide = gql("{ " + " ".join(f"a{i}: place(id: \"MLI\") {{ id }}" for i in range(40)) + " }")
    assert "aliases found. Allowed: 30" in wide["errors"][0]["message"]
    large = gql("{ " + " ".join(f"place(id: \"MLI\") {{ {' '.join(['id'] * 50)} }}" for _ in range(50)) + " }")
    assert "Document contains more than 2000 tokens" in large["errors"][0]["message"]
    page = gql("{ missions(first: 5000) { totalCount } }")
    assert page["errors"][0]["message"] == "`first` must be between 0 and 200 (got 5000)"
    assert page["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


@pytest.mark.usefixtures("dataset_graph")
def test_caller_errors_carry_the_request_id(gql: GraphQLClient) -> None:
    reply = gql('{ search(text: "x", first: 0) { id } }')
    assert reply["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert gql.headers["x-request-id"] == reply["errors"][0]["extensions"]["requestId"]


def test_introspection_and_graphiql_can_be_switched_off(neo4j_settings: Settings) -> None:
    settings = api_settings(neo4j_settings, PEACEGRAPH_INTROSPECTION=False, PEACEGRAPH_GRAPHIQL=False,
                            PEACEGRAPH_ANONYMOUS_READ=False)
    server = LiveServer(settings).start()
    try:
        client = GraphQLClient(server.url)
        reply = client("{ __schema { types { name } } }")
        assert reply.get("errors"), "introspection is off"
        assert httpx.get(f"{server.url}/graphql", headers={"accept": "text/html"}).status_code != 200
        anonymous = client('{ place(id: "MLI") { id } }')
        assert anonymous["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    finally:
        server.stop()
