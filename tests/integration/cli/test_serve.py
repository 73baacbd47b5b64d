"""`peacegraph serve` as a user runs it: the real command, two workers, against the test Neo4j; then stopped."""

from __future__ import annotations

import os
import signal
import subprocess
import time

import httpx

from peacegraph.devserver.ports import free_port
from peacegraph.graph.settings import Settings
from peacegraph.graph.store.database import Database
from tests.paths import ROOT

PEACEGRAPH = str(ROOT / ".venv" / "bin" / "peacegraph")


def test_serve_answers_on_every_endpoint_then_stops(neo4j_settings: Settings, dataset_graph: Database) -> None:
    port = free_port()
    env = {**os.environ, "NEO4J_URI": neo4j_settings.uri, "PEACEGRAPH_API_PORT": str(port), "COLUMNS": "200"}
    proc = subprocess.Popen([PEACEGRAPH, "serve", "--workers", "2"], env=env, cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{base}/ready", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.3)
        else:
            raise AssertionError("peacegraph serve did not become ready")
        assert httpx.get(f"{base}/health").json() == {"status": "ok"}
        reply = httpx.post(f"{base}/graphql", json={"query": '{ mission(id: "minusma") { acronym } }'}).json()
        assert reply["data"] == {"mission": {"acronym": "MINUSMA"}}
        assert httpx.get(f"{base}/", follow_redirects=True).status_code == 200  # the planners' page
        assert "GraphiQL" in httpx.get(f"{base}/graphql", headers={"accept": "text/html"}).text
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        output, _ = proc.communicate(timeout=30)
    assert proc.returncode is not None
    assert "2 workers" in output
    assert "serving Neo4j 5.26" in output, "the API's own log lines reach the console"
