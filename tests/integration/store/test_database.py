"""The driver layer against a real Neo4j: schema applies twice, a write and a read round-trip."""

from __future__ import annotations

import datetime as dt

import pytest

from peacegraph.graph.store.catalog import UnknownStatement, catalogue, statement
from peacegraph.graph.store.database import Database


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


def test_catalogue_names_statements() -> None:
    assert "schema" in catalogue()
    assert statement("wipe").startswith("//") or "DETACH DELETE" in statement("wipe")
    with pytest.raises(UnknownStatement, match=r"cypher/nope\.cypher"):
        statement("nope")
