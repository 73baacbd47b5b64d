"""The store against a real Neo4j: schema, constraints, round trips, routing, metadata and timeouts, bookmarks,
the version gate, and the API through a routing (`neo4j://`) URI."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from neo4j import RoutingControl
from neo4j.exceptions import ClientError

from peacegraph.graph.settings import Settings
from peacegraph.graph.store.catalog import UnknownStatement, catalogue, statement
from peacegraph.graph.store.database import Database, UnsupportedServer, check_version, parse_version
from tests.fixtures.api import GraphQLClient, LiveServer, api_settings


async def test_server_is_real_neo4j_5_26(graph: Database) -> None:
    info = await graph.version()
    assert info["name"] == "Neo4j Kernel"
    assert info["version"].startswith("5.26.")
    assert info["edition"] == "community"


async def test_schema_applies_twice(graph: Database) -> None:
    first = await graph.apply_schema()
    second = await graph.apply_schema()
    assert first == second > 10
    records, _, _ = await graph.driver.execute_query("SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names")
    names = set(records[0]["names"])
    assert {"mission_id", "coverage_id", "actor_id", "mandate_id"} <= names


async def test_uniqueness_constraint_is_enforced(graph: Database) -> None:
    await graph.driver.execute_query("CREATE (:Mission {id: 'm1'})")
    with pytest.raises(Exception, match="already exists"):
        await graph.driver.execute_query("CREATE (:Mission {id: 'm1'})")


async def test_write_then_read_round_trip(graph: Database) -> None:
    when = dt.date(2013, 7, 1)
    await graph.driver.execute_query(
        "CREATE (:Mission {id: $id, name: $name, valid_from: $d})", id="minusma", name="MINUSMA", d=when
    )
    records, _, _ = await graph.driver.execute_query("MATCH (m:Mission {id: 'minusma'}) RETURN m")
    node = records[0]["m"]
    assert node["name"] == "MINUSMA"
    assert node["valid_from"].to_native() == when


async def test_wipe_leaves_database_empty(graph: Database) -> None:
    await graph.driver.execute_query("UNWIND range(1, 500) AS i CREATE (:Task {id: 't' + i})")
    await graph.wipe()
    rows = await graph.read("count_nodes_by_label")
    assert rows == []


async def test_wipe_removes_a_hub_and_its_relationships_and_keeps_api_keys(graph: Database) -> None:
    await graph.driver.execute_query(
        "CREATE (t:Task {id: 'hub'}) WITH t UNWIND range(1, 3000) AS i "
        "CREATE (:Coverage {id: 'c' + i})-[:OF_TASK]->(t)")
    await graph.driver.execute_query("CREATE (:ApiKey {id: 'k-wipe', name: 'kept', role: 'reader', revoked: false})")
    await graph.wipe()
    records, _, _ = await graph.driver.execute_query(
        "MATCH (n) RETURN labels(n) AS labels, n.id AS id ORDER BY id")
    assert [(r["labels"], r["id"]) for r in records] == [(["ApiKey"], "k-wipe")], "only the key is left"
    records, _, _ = await graph.driver.execute_query("MATCH ()-[r]->() RETURN count(r) AS n")
    assert records[0]["n"] == 0
    await graph.write("wipe_keys")


def test_catalogue_names_statements() -> None:
    assert "schema" in catalogue()
    assert statement("wipe").startswith("//") or "DETACH DELETE" in statement("wipe")
    with pytest.raises(UnknownStatement, match=r"cypher/nope\.cypher"):
        statement("nope")


async def test_reads_route_to_readers_and_writes_to_the_writer(graph: Database, monkeypatch: pytest.MonkeyPatch
                                                               ) -> None:
    seen: list[tuple[str, Any]] = []
    real = graph.driver.execute_query

    async def spy(query: Any, parameters: Any = None, **kwargs: Any) -> Any:
        seen.append((getattr(query, "text", query).split()[0], kwargs.get("routing_")))
        return await real(query, parameters, **kwargs)

    monkeypatch.setattr(graph.driver, "execute_query", spy)
    await graph.read("count_nodes_by_label")
    await graph.write("wipe_keys")
    assert [r for _, r in seen] == [RoutingControl.READ, RoutingControl.WRITE]


async def test_every_query_carries_the_request_metadata_and_a_timeout(graph: Database) -> None:
    tagged = Database(graph.driver, graph.database, metadata={"request_id": "req-42", "operation": "probe"},
                      timeout=5)
    query = "SHOW TRANSACTIONS YIELD metaData RETURN collect(metaData) AS meta"
    rows = await tagged.run(query, {})
    assert {"request_id": "req-42", "operation": "probe"} in rows[0]["meta"]
    slow = Database(graph.driver, graph.database, timeout=0.5)
    with pytest.raises(ClientError, match=r"(?i)timeout|terminated"):
        await slow.run("UNWIND range(1, 200000000) AS i WITH i WHERE i < 0 RETURN count(i)", {})


async def test_reads_see_the_writes_before_them_through_the_bookmark_manager(graph: Database) -> None:
    async def work(tx: Any) -> None:
        await tx.run("CREATE (:Task {id: 'bookmarked'})")

    await graph.transaction(work)
    rows = await graph.run("MATCH (t:Task {id: 'bookmarked'}) RETURN count(t) AS n", {})
    assert rows == [{"n": 1}]
    assert graph.driver.execute_query_bookmark_manager is not None


def test_the_version_gate_refuses_servers_older_than_the_cypher_needs() -> None:
    check_version("5.26.30", "community")
    check_version("2025.01.0", "enterprise")
    with pytest.raises(UnsupportedServer, match=r"Neo4j 5\.20\.0 .*older than 5\.23"):
        check_version("5.20.0", "community")
    assert parse_version("5.26.30-aura") == (5, 26, 30)


async def test_the_api_serves_through_a_routing_uri(neo4j_settings: Settings, dataset_graph: Database) -> None:
    routed = api_settings(neo4j_settings, neo4j_uri=neo4j_settings.uri.replace("bolt://", "neo4j://"))
    assert routed.uri.startswith("neo4j://")
    server = LiveServer(routed).start()
    try:
        reply = GraphQLClient(server.url)('{ mission(id: "minusma") { acronym } }')
        assert reply["data"] == {"mission": {"acronym": "MINUSMA"}}
    finally:
        server.stop()
