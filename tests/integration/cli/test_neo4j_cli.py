"""The `peacegraph neo4j` commands as a user runs them: start, status, start again, stop, nothing left behind."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

from tests.paths import ROOT as PROJECT_ROOT

PEACEGRAPH = str(PROJECT_ROOT / ".venv" / "bin" / "peacegraph")


def run(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([PEACEGRAPH, *args], env=env, capture_output=True, text=True, timeout=180, check=False)


def alive(pid: int) -> bool:
    stat = Path(f"/proc/{pid}/stat")
    return stat.exists() and ") Z" not in stat.read_text()


def test_neo4j_start_status_stop_leaves_no_process() -> None:
    env = {**os.environ, "PEACEGRAPH_NEO4J_INSTANCE": "cli-test", "PEACEGRAPH_BOLT_PORT": "7703",
           "PEACEGRAPH_NEO4J_HTTP_PORT": "7491", "PEACEGRAPH_NEO4J_HEAP": "512m", "COLUMNS": "200"}
    env.pop("NEO4J_URI", None)
    started = run("neo4j", "start", env=env)
    assert started.returncode == 0, started.stderr
    assert "Neo4j 5.26" in started.stdout and "started at bolt://127.0.0.1:7703" in started.stdout
    try:
        status = run("neo4j", "status", env=env)
        assert status.returncode == 0 and "running: Neo4j 5.26.30 community at bolt://127.0.0.1:7703" in status.stdout
        pid = int(status.stdout.rsplit("pid ", 1)[1].rstrip(")\n"))
        again = run("neo4j", "start", env=env)
        assert "already running" in again.stdout and f"pid {pid}" in again.stdout, "starting twice starts one server"
    finally:
        stopped = run("neo4j", "stop", env=env)
    assert stopped.stdout.strip() == "stopped"
    deadline = time.monotonic() + 10
    while alive(pid) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not alive(pid), "stop leaves no process behind"
    after = run("neo4j", "status", env=env)
    assert after.returncode == 3 and "not running" in after.stdout
