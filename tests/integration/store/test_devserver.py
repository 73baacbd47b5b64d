"""The project's own Neo4j: start is idempotent, status reports the version, a busy port is a clear error."""

from __future__ import annotations

import os
import socket
import subprocess
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


def test_the_running_test_server_maps_the_shared_class_archive_or_records_it(local_test_server: LocalNeo4j) -> None:
    """The JVM of the test server was started with the class-data-sharing flag (mapping the archive, or recording it
    as the first server on this machine), or without it only while another running server records the archive:
    what makes later starts take half the time."""
    pid = local_test_server.status().pid
    assert pid is not None
    args = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    flags = [a.decode() for a in args if a.startswith((b"-XX:SharedArchiveFile=", b"-XX:ArchiveClassesAtExit="))]
    claim = local_test_server._archive_claim
    recorder = Path(claim.read_text().strip()) if claim.exists() else None
    other_records = recorder not in (None, local_test_server.home) and (recorder / "run" / "neo4j.pid").exists()
    assert flags in ([f"-XX:SharedArchiveFile={local_test_server.class_archive}"],
                     [f"-XX:ArchiveClassesAtExit={local_test_server.home / 'run' / 'classes.jsa.draft'}"],
                     *([[]] if other_records else [])), args


def _servers(tmp_path: Path) -> tuple[LocalNeo4j, LocalNeo4j]:
    settings = Settings(PEACEGRAPH_STATE_DIR=tmp_path, PEACEGRAPH_BOLT_PORT=7999)
    one, two = LocalNeo4j(settings, instance="one"), LocalNeo4j(settings, instance="two")
    for server in (one, two):
        (server.home / "run").mkdir(parents=True)
    return one, two


def test_the_first_server_claims_the_class_archive_and_publishes_it_after_a_clean_stop(tmp_path: Path) -> None:
    one, two = _servers(tmp_path)
    assert one._class_sharing() == [f"-XX:ArchiveClassesAtExit={one.home / 'run' / 'classes.jsa.draft'}"]
    one.pid_file.write_text(str(os.getpid()))  # "one" runs (this process stands in for its JVM)
    assert two._class_sharing() == [], "a second server starts without while the first records the archive"
    (one.home / "run" / "classes.jsa.draft").write_bytes(b"archive")  # what the JVM writes at exit
    one._publish_class_archive(exited_cleanly=True)
    assert one.class_archive.read_bytes() == b"archive"
    assert two._class_sharing() == [f"-XX:SharedArchiveFile={one.class_archive}"]


def test_a_killed_server_publishes_no_archive_and_its_stale_claim_is_taken_over(tmp_path: Path) -> None:
    one, two = _servers(tmp_path)
    one._class_sharing()
    (one.home / "run" / "classes.jsa.draft").write_bytes(b"half")
    one._publish_class_archive(exited_cleanly=False)
    assert not one.class_archive.exists() and not (one.home / "run" / "classes.jsa.draft").exists()
    one._class_sharing()  # claimed again, then the server dies without a stop: its pid file names no process
    one.pid_file.write_text("999999999")
    assert two._class_sharing() == [f"-XX:ArchiveClassesAtExit={two.home / 'run' / 'classes.jsa.draft'}"]


def test_a_damaged_class_archive_is_dropped_and_the_server_starts_without_it(tmp_path: Path,
                                                                             neo4j_settings: Settings) -> None:
    """A truncated archive makes the JVM die (SIGBUS) while starting: start deletes it and starts again without."""
    shared = LocalNeo4j(neo4j_settings, instance="test")  # its jars (resolved from Maven even when NEO4J_URI is set)
    (tmp_path / "jars").mkdir()
    (tmp_path / "jars" / shared.jars.name).symlink_to(shared.ensure_jars())
    settings = Settings(NEO4J_URI="", PEACEGRAPH_STATE_DIR=tmp_path, PEACEGRAPH_BOLT_PORT=neo4j_settings.bolt_port + 40,
                        PEACEGRAPH_NEO4J_HTTP_PORT=neo4j_settings.http_port + 40, PEACEGRAPH_NEO4J_HEAP="512m",
                        PEACEGRAPH_NEO4J_PAGECACHE="64m")
    server = LocalNeo4j(settings, instance="damaged")
    recorded = tmp_path / "small.jsa"  # a real archive (of `java -version`'s classes), then cut in half
    subprocess.run(["java", f"-XX:ArchiveClassesAtExit={recorded}", "-version"], capture_output=True, check=True)
    server.class_archive.write_bytes(recorded.read_bytes()[: recorded.stat().st_size // 2])
    try:
        status = server.start()
        assert status.running and status.version is not None
        assert not server.class_archive.exists(), "the damaged archive was removed"
    finally:
        server.stop(timeout=5)
