"""Test plugins: a real Neo4j for the session, an empty database per test (see tests/fixtures/)."""

pytest_plugins = ["tests.fixtures.neo4j", "tests.fixtures.data", "tests.fixtures.api"]
