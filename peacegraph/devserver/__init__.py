"""The project's own Neo4j: fetched from Maven Central, run as a child process, stopped cleanly."""

from peacegraph.devserver.local import LocalNeo4j, Neo4jStartError, ServerStatus

__all__ = ["LocalNeo4j", "Neo4jStartError", "ServerStatus"]
