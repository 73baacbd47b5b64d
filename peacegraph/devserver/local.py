"""Start, stop and inspect a real Neo4j 5.26 Community server from Maven Central jars (no Docker needed)."""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from neo4j import GraphDatabase
from neo4j.exceptions import ServiceUnavailable

from peacegraph.graph.settings import Settings

NEO4J_VERSION = "5.26.30"  # the 5.26 LTS line, the newest on Maven Central that runs on Java 17
POM = Path(__file__).with_name("pom.xml")
ENTRY_POINT = "org.neo4j.server.CommunityEntryPoint"
JVM_FLAGS = [
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+UnlockExperimentalVMOptions",
    "-XX:+TrustFinalNonStaticFields",
    "-XX:+DisableExplicitGC",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Dlog4j2.disable.jmx=true",
    "-Dfile.encoding=UTF-8",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-opens=java.base/java.lang=ALL-UNNAMED",
]


class Neo4jStartError(RuntimeError):
    """Neo4j could not be fetched or started; the message says why and what to do."""


@dataclass(frozen=True)
class ServerStatus:
    """What `peacegraph neo4j status` reports."""

    running: bool
    pid: int | None
    uri: str
    version: str | None = None
    edition: str | None = None


class LocalNeo4j:
    """A Neo4j server owned by this project, living under `<state_dir>/<instance>`."""

    def __init__(self, settings: Settings, instance: str = "main") -> None:
        self.settings = settings
        self.jars = settings.state_dir / "jars" / NEO4J_VERSION
        self.home = settings.state_dir / "neo4j" / instance
        self.pid_file = self.home / "run" / "neo4j.pid"
        self.console_log = self.home / "logs" / "console.log"
        self.class_archive = self.jars.parent / f"neo4j-{NEO4J_VERSION}.jsa"
        self._archive_claim = self.class_archive.with_name(self.class_archive.name + ".claim")  # who records it
        self._archive_draft = self.home / "run" / "classes.jsa.draft"

    # -- fetching ---------------------------------------------------------------------------------------------
    def ensure_jars(self) -> Path:
        """Resolve the Neo4j jars with Maven once; later calls reuse the cached folder. Servers starting together
        (`make run` and `make test` at once on a fresh clone) share it: the first resolves it under a lock, the others wait."""
        marker = self.jars / ".complete"
        if marker.exists():
            return self.jars
        self.jars.parent.mkdir(parents=True, exist_ok=True)
        with open(self.jars.parent / f".{NEO4J_VERSION}.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            if marker.exists():
                return self.jars
            return self._resolve_jars(marker)

    def _resolve_jars(self, marker: Path) -> Path:
        """Copy the server's jars and their dependencies from Maven into the folder, then mark it complete."""
        mvn = shutil.which("mvn")
        if mvn is None:
            raise Neo4jStartError("Maven (mvn) is not on PATH: install it (apt-get install maven) or set NEO4J_URI")
        self.jars.mkdir(parents=True, exist_ok=True)
        cmd = [
            mvn, "-q", "-B", "-f", str(POM), f"-Dneo4j.version={NEO4J_VERSION}",
            "dependency:copy-dependencies", f"-DoutputDirectory={self.jars}",
        ]
        proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if proc.returncode != 0:
            tail = "\n".join((proc.stdout + proc.stderr).splitlines()[-20:])
            raise Neo4jStartError(f"could not fetch Neo4j {NEO4J_VERSION} jars with Maven:\n{tail}")
        if not any(self.jars.glob(f"neo4j-{NEO4J_VERSION}.jar")):
            raise Neo4jStartError(f"Maven finished but neo4j-{NEO4J_VERSION}.jar is not in {self.jars}")
        marker.write_text(NEO4J_VERSION)
        return self.jars

    # -- config -----------------------------------------------------------------------------------------------
    def write_config(self) -> None:
        """Write neo4j.conf for a loopback-only, auth-free server sized for a small machine."""
        s = self.settings
        for sub in ("conf", "data", "logs", "plugins", "run", "import"):
            (self.home / sub).mkdir(parents=True, exist_ok=True)
        conf = {
            "server.directories.data": self.home / "data",
            "server.directories.logs": self.home / "logs",
            "server.directories.plugins": self.home / "plugins",
            "server.directories.import": self.home / "import",
            "server.directories.run": self.home / "run",
            "server.bolt.listen_address": f"127.0.0.1:{s.bolt_port}",
            "server.bolt.advertised_address": f"127.0.0.1:{s.bolt_port}",
            "server.http.listen_address": f"127.0.0.1:{s.http_port}",
            "server.https.enabled": "false",
            "dbms.security.auth_enabled": "false",
            "dbms.usage_report.enabled": "false",
            "server.memory.pagecache.size": s.neo4j_pagecache,
            "db.tx_log.rotation.retention_policy": "100M size",
            "server.jvm.additional": "-XX:+UseG1GC",
            # Bolt's event loops wait 5 s each for a quiet period when stopping (10 s per stop); a local server with
            # no clients left has nothing to wait for.
            "internal.dbms.bolt.netty_server_shutdown_quiet_period": "0",
        }
        text = "".join(f"{k}={v}\n" for k, v in conf.items())
        (self.home / "conf" / "neo4j.conf").write_text(text)

    # -- process ----------------------------------------------------------------------------------------------
    def _pid(self) -> int | None:
        """The running server's process id, or None (a killed server this process started is a zombie until
        reaped: it counts as gone, so `start` after `kill -9` starts a new one)."""
        try:
            pid = int(self.pid_file.read_text().strip())
        except (FileNotFoundError, ValueError):
            return None
        try:
            alive = _alive(pid)
        except PermissionError:
            return pid
        if not alive:
            self.pid_file.unlink(missing_ok=True)
            return None
        return pid

    def _port_in_use(self, port: int) -> bool:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                return True
        return False

    def log_tail(self, lines: int = 25) -> str:
        """The last lines of the server's logs, for error messages."""
        parts = []
        for log in (self.console_log, self.home / "logs" / "neo4j.log"):
            if log.exists():
                parts.extend(log.read_text(errors="replace").splitlines()[-lines:])
        return "\n".join(parts[-lines:]) or "(no log written)"

    def start(self) -> ServerStatus:
        """Start the server unless it already runs; wait until Bolt answers. Idempotent."""
        if self.settings.external:
            raise Neo4jStartError("NEO4J_URI is set: peacegraph uses that server and starts none")
        if self._pid() is not None:
            return self.wait_ready()
        for port, name in ((self.settings.bolt_port, "Bolt"), (self.settings.http_port, "HTTP")):
            if self._port_in_use(port):
                raise Neo4jStartError(
                    f"port {port} ({name}) on 127.0.0.1 is already in use by another process; stop it or choose "
                    f"another port (PEACEGRAPH_BOLT_PORT / PEACEGRAPH_NEO4J_HTTP_PORT)"
                )
        java = shutil.which("java")
        if java is None:
            raise Neo4jStartError("java is not on PATH: Neo4j 5.26 needs Java 17")
        jars = self.ensure_jars()
        self.write_config()
        try:
            return self._launch(java, jars, self._class_sharing())
        except Neo4jStartError:
            if not self.class_archive.exists():
                raise
            # a damaged archive (a truncated one makes the JVM die of SIGBUS): drop it and start without
            self.class_archive.unlink(missing_ok=True)
            return self._launch(java, jars, [])

    def _launch(self, java: str, jars: Path, sharing: list[str]) -> ServerStatus:
        """Run the server's JVM and wait until Bolt answers (stopping it if it does not)."""
        heap = self.settings.neo4j_heap
        cmd = [
            java, f"-Xms{heap}", f"-Xmx{heap}", *JVM_FLAGS, *sharing, "-cp", f"{jars}/*", ENTRY_POINT,
            f"--home-dir={self.home}", f"--config-dir={self.home / 'conf'}",
        ]
        with self.console_log.open("ab") as log:
            proc = subprocess.Popen(
                cmd, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                cwd=self.home, start_new_session=True,
            )
        self.pid_file.write_text(str(proc.pid))
        try:
            return self.wait_ready(proc)
        except Neo4jStartError:
            self.stop()
            raise

    # -- class-data sharing -----------------------------------------------------------------------------------
    def _class_sharing(self) -> list[str]:
        """JVM flags for a class-data-sharing archive of the server's classes: a start that maps it takes about 6 s
        instead of 11-13 s here. With no archive yet, the first server to claim it records one when it stops
        (`stop` publishes it); the others start without. The JVM ignores an archive of another JVM build; a truncated
        one makes it die while starting, and `start` then deletes it and starts without."""
        if self.class_archive.exists():
            return [f"-XX:SharedArchiveFile={self.class_archive}"]
        claim = self._archive_claim
        claim.parent.mkdir(parents=True, exist_ok=True)
        for _ in range(2):
            try:
                fd = os.open(claim, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
            except FileExistsError:
                owner = Path(claim.read_text(errors="replace").strip() or "-")
                if owner != self.home and _running(owner / "run" / "neo4j.pid"):
                    return []  # another running server records it
                claim.unlink(missing_ok=True)  # left by a server that is gone (or by this one, killed)
                continue
            with os.fdopen(fd, "w") as f:
                f.write(str(self.home))
            self._archive_draft.unlink(missing_ok=True)
            return [f"-XX:ArchiveClassesAtExit={self._archive_draft}"]
        return []

    def _publish_class_archive(self, exited_cleanly: bool) -> None:
        """After a stop: the archive this server recorded at exit becomes the shared one (only after a clean exit,
        so a killed server never leaves half an archive); its claim is released either way."""
        claim = self._archive_claim
        with contextlib.suppress(FileNotFoundError):
            if Path(claim.read_text(errors="replace").strip()) != self.home:
                return
            if exited_cleanly and self._archive_draft.is_file() and self._archive_draft.stat().st_size > 0:
                os.replace(self._archive_draft, self.class_archive)
            self._archive_draft.unlink(missing_ok=True)
            claim.unlink(missing_ok=True)

    def wait_ready(self, proc: subprocess.Popen[bytes] | None = None) -> ServerStatus:
        """Poll Bolt with `verify_connectivity` until it answers or the timeout runs out."""
        deadline = time.monotonic() + self.settings.neo4j_start_timeout
        last_error: Exception | None = None
        while time.monotonic() < deadline:
            if proc is not None and proc.poll() is not None:
                raise Neo4jStartError(
                    f"Neo4j exited with code {proc.returncode} while starting. Log tail:\n{self.log_tail()}"
                )
            try:
                return self.status(raise_errors=True)
            except (ServiceUnavailable, OSError) as exc:
                last_error = exc
                time.sleep(0.5)
        raise Neo4jStartError(
            f"Neo4j did not answer on {self.settings.uri} within {self.settings.neo4j_start_timeout:.0f}s "
            f"({last_error}). Log tail:\n{self.log_tail()}"
        )

    def status(self, raise_errors: bool = False) -> ServerStatus:
        """Running or not; if running, the version and edition from `CALL dbms.components()`."""
        pid = self._pid()
        uri = self.settings.uri
        if pid is None:
            return ServerStatus(running=False, pid=None, uri=uri)
        try:
            with GraphDatabase.driver(uri, auth=None, connection_timeout=2, notifications_min_severity="OFF") as driver:
                driver.verify_connectivity()
                records, _, _ = driver.execute_query(
                    "CALL dbms.components() YIELD versions, edition RETURN versions[0] AS v, edition AS e"
                )
        except (ServiceUnavailable, OSError):
            if raise_errors:
                raise
            return ServerStatus(running=True, pid=pid, uri=uri)
        return ServerStatus(running=True, pid=pid, uri=uri, version=records[0]["v"], edition=records[0]["e"])

    # -- offline import ---------------------------------------------------------------------------------------
    def _database_dirs(self) -> list[Path]:
        name = self.settings.neo4j_database
        return [self.home / "data" / "databases" / name, self.home / "data" / "transactions" / name]

    def import_csv(self, arguments: list[str]) -> str:
        """Build the database from CSV files with `neo4j-admin database import full` (the server stopped meanwhile,
        started again after), over a database that must be empty; the tool's summary. On failure the database is
        reset to empty and the server started, and Neo4jStartError carries the tool's last lines."""
        if self.settings.external:
            raise Neo4jStartError("NEO4J_URI is set: an offline import needs the project's own Neo4j")
        jars = self.ensure_jars()
        self.stop()
        self.write_config()
        cmd = [shutil.which("java") or "java", f"-Xmx{self.settings.neo4j_heap}", "-cp", f"{jars}/*",
               "org.neo4j.cli.AdminTool", "database", "import", "full", self.settings.neo4j_database,
               "--overwrite-destination=true", "--array-delimiter=U+001F", "--multiline-fields=true",
               "--bad-tolerance=0", f"--report-file={self.home / 'logs' / 'import.report'}", *arguments]
        env = {**os.environ, "NEO4J_HOME": str(self.home), "NEO4J_CONF": str(self.home / "conf")}
        proc = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False, cwd=self.home)
        out = proc.stdout + proc.stderr
        if proc.returncode != 0 or "IMPORT DONE" not in out:
            self.reset_database()
            tail = "\n".join(line for line in out.splitlines()[-15:] if line.strip() and not line.startswith("...."))
            raise Neo4jStartError(f"neo4j-admin import failed (exit {proc.returncode}); the database is empty again:\n"
                                  f"{tail}")
        self.start()
        done = out[out.index("IMPORT DONE"):].splitlines()
        return " ".join(line.strip() for line in done[:5] if line.strip())

    def reset_database(self) -> None:
        """Remove the database's files and start the server: it creates the database again, empty."""
        self.stop()
        for folder in self._database_dirs():
            shutil.rmtree(folder, ignore_errors=True)
        self.start()

    def stop(self, timeout: float = 30.0) -> bool:
        """Stop the server (SIGTERM, then SIGKILL after `timeout`); True if one was running."""
        pid = self._pid()
        if pid is None:
            return False
        with contextlib.suppress(ProcessLookupError):
            os.killpg(pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        exited_cleanly = True
        while time.monotonic() < deadline:
            if not _alive(pid):
                break
            time.sleep(0.2)
        else:
            os.killpg(pid, signal.SIGKILL)
            time.sleep(0.5)
            exited_cleanly = False
        self.pid_file.unlink(missing_ok=True)
        self._publish_class_archive(exited_cleanly)
        return True


def _running(pid_file: Path) -> bool:
    """True if the pid file names a live process."""
    try:
        return _alive(int(pid_file.read_text().strip()))
    except (FileNotFoundError, ValueError):
        return False
    except PermissionError:
        return True


def _alive(pid: int) -> bool:
    """True while the process exists and is not a zombie we could reap."""
    try:
        waited, _ = os.waitpid(pid, os.WNOHANG)
        if waited == pid:
            return False
    except ChildProcessError:
        pass
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    stat = Path(f"/proc/{pid}/stat")
    return not (stat.exists() and ") Z" in stat.read_text())
