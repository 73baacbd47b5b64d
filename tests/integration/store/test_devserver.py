"""The project's own Neo4j: start is idempotent, status reports the version, a busy port is a clear error."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from peacegraph.devserver import LocalNeo4j, Neo4jStartError
from peacegraph.graph.settings import Settings


def test_start_twice_reuses_the_running_server(local_test_server: LocalNeo4j) -> None:
    before = local_test_server.status()
    again = local_test_server.start()
    assert before.running and again.running
    assert again.pid == before.pid
    assert again.version is not None and again.version.startswith("5.26")


def test_port_in_use_gives_a_clear_error(tmp_path: Path) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(1)
        port = sock.getsockname()[1]
        settings = Settings(PEACEGRAPH_STATE_DIR=tmp_path, PEACEGRAPH_BOLT_PORT=port, PEACEGRAPH_NEO4J_HTTP_PORT=port + 1)
        with pytest.raises(Neo4jStartError, match=f"port {port} .*already in use"):
            LocalNeo4j(settings, instance="busy").start()


def test_status_of_a_server_never_started(tmp_path: Path) -> None:
    settings = Settings(PEACEGRAPH_STATE_DIR=tmp_path, PEACEGRAPH_BOLT_PORT=7999)
    status = LocalNeo4j(settings, instance="never").status()
    assert not status.running and status.pid is None


def test_external_uri_starts_nothing() -> None:
    settings = Settings(neo4j_uri="bolt://127.0.0.1:1")
    with pytest.raises(Neo4jStartError, match="NEO4J_URI is set"):
        LocalNeo4j(settings).start()


def test_remote_server_needs_a_real_password() -> None:
    with pytest.raises(ValueError, match="NEO4J_PASSWORD"):
        Settings(neo4j_uri="neo4j+s://db.example.org:7687", neo4j_password="neo4j")
