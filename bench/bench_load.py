"""Load speed: coverage facts per second for `peacegraph synth --scale N`, bulk path (staged, published at once).

Each scale loads into a new, empty database on a server of its own (instance `bench-load`, started afresh per scale,
default heap 1 GB, so "scale 1000 loads with the default heap" is what is measured), then again (a reload of
unchanged data: 0 updated).
Printed per scale: records, coverage facts, seconds for validation+plan, staging and publishing, facts/s over the
whole load (from the validated bundle to the committed publish), the CPU seconds the loader and the Neo4j server
spent on it (on a shared machine the wall clock also counts other work), the loader's peak memory.

Then, on the same server, the ceiling of any Cypher load here: one transaction of a bare `UNWIND … CREATE` of
10,000 nodes with 5 relationships each to existing nodes (what one staged coverage batch writes, without checks or
staging), the best of three; coverage facts per second cannot beyond it on this path.

With `--initial`: the first load built by neo4j-admin's offline importer instead (`peacegraph seed load --initial`,
graph/bundles/initial.py), per scale into a new empty database: validation and CSV, the import (the server stopped,
built, started again), then the schema over the imported nodes and the remaining kinds.

Run: `.venv/bin/python -m bench.bench_load [SCALE ...] [--one-tx | --initial]` (default 100; `make bench` runs 100).
Ports: PEACEGRAPH_BENCH_LOAD_BOLT_PORT / _HTTP_PORT (default 7752 / 7753).
"""

from __future__ import annotations

import asyncio
import os
import resource
import shutil
import sys
import time
from pathlib import Path

from peacegraph.devserver import LocalNeo4j
from peacegraph.graph.bundles import initial
from peacegraph.graph.bundles.load import load_bundles
from peacegraph.graph.bundles.parse import ParsedBundle
from peacegraph.graph.domain.model import KINDS
from peacegraph.graph.settings import Settings
from peacegraph.graph.store.database import Database, make_driver
from peacegraph.seed.synth import synth_bundle


def settings() -> Settings:
    return Settings(PEACEGRAPH_BOLT_PORT=int(os.environ.get("PEACEGRAPH_BENCH_LOAD_BOLT_PORT", "7752")),
                    PEACEGRAPH_NEO4J_HTTP_PORT=int(os.environ.get("PEACEGRAPH_BENCH_LOAD_HTTP_PORT", "7753")),
                    PEACEGRAPH_NEO4J_HEAP="1g", PEACEGRAPH_NEO4J_PAGECACHE="512m")


def cpu_seconds(pid: int | None) -> float:
    """CPU time (user + system) a process has used so far: the server's share of a load, whatever else runs."""
    if pid is None:
        return float("nan")
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


async def one(db: Database, scale: int, bulk: bool, server: int | None) -> dict[str, float]:
    await db.apply_schema()
    started = time.perf_counter()
    bundle = synth_bundle(scale)
    built = time.perf_counter() - started
    records = sum(len(getattr(bundle, k)) for k in KINDS)
    marks: dict[str, float] = {}
    t0, cpu0, db0 = time.perf_counter(), time.process_time(), cpu_seconds(server)
    await load_bundles(db, [ParsedBundle(f"synth-{scale}", bundle, None)], bulk=bulk,
                       on_phase=lambda phase: marks.setdefault(phase, time.perf_counter() - t0))
    seconds = time.perf_counter() - t0
    loader_cpu, server_cpu = time.process_time() - cpu0, cpu_seconds(server) - db0
    t1 = time.perf_counter()
    again = await load_bundles(db, [ParsedBundle(f"synth-{scale}", bundle, None)], bulk=bulk)
    reload = time.perf_counter() - t1
    covs = len(bundle.coverages)
    if bulk:
        phases = (f"validate+plan {marks.get('staging', 0):5.1f}s  stage {marks['publishing'] - marks['staging']:5.1f}s"
                  f"  publish {marks['published'] - marks['publishing']:5.1f}s")
    else:
        phases = f"one transaction {marks['committed']:5.1f}s"
    print(f"  scale {scale:>5}: {records:>9,} records, {covs:>9,} coverage facts  built {built:5.1f}s  {phases}  "
          f"total {seconds:6.1f}s  {covs / seconds:>8,.0f} coverage facts/s  ({records / seconds:,.0f} records/s)  "
          f"CPU: loader {loader_cpu:5.1f}s, Neo4j {server_cpu:5.1f}s  peak RSS {_mb():,.0f} MB  "
          f"reload {reload:5.1f}s: {again.total('new')} new, {again.total('updated')} updated")
    return {"scale": scale, "seconds": seconds, "facts_per_s": covs / seconds}


CEILING = """
UNWIND $rows AS row
MATCH (a:Actor {id: row.actor}) MATCH (t:Task {id: row.task}) MATCH (p:Place {id: row.place})
MATCH (m:Mandate {id: row.mandate}) MATCH (s:Source {id: row.source})
CREATE (n:_BenchCeiling {id: row.id, role: 'lead', valid_from: row.valid_from})
CREATE (n)-[:BY]->(a), (n)-[:OF_TASK]->(t), (n)-[:IN]->(p), (n)-[:UNDER]->(m), (n)-[:CITES]->(s)
"""


async def ceiling(db: Database, scale: int) -> float:
    """Nodes per second of a bare UNWIND … CREATE batch (10,000 nodes, 50,000 relationships), best of three."""
    bundle = synth_bundle(scale)
    covs = [c for c in bundle.coverages if c.mandate][:10_000]
    rows = [{"id": f"ceiling-{i}", "actor": c.actor, "task": c.task, "place": c.place, "mandate": c.mandate,
             "source": c.cites[0].source, "valid_from": c.valid_from} for i, c in enumerate(covs)]
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        await db.run(CEILING, {"rows": rows}, write=True)
        best = min(best, time.perf_counter() - t0)
        await db.run("MATCH (n:_BenchCeiling) DETACH DELETE n", {}, write=True)
    print(f"  ceiling: one transaction of UNWIND … CREATE, {len(rows):,} nodes + {5 * len(rows):,} relationships: "
          f"{best:.2f}s = {len(rows) / best:,.0f} nodes/s (coverage facts/s cannot exceed this on the Cypher path)")
    return len(rows) / best


def fresh_server(s: Settings) -> int | None:
    """The bench's own server, started on an empty database (its data folder removed first): each scale loads into
    a new database on a new JVM. None when NEO4J_URI points elsewhere (that database is wiped instead)."""
    if s.external:
        return None
    local = LocalNeo4j(s, instance="bench-load")
    local.stop()
    shutil.rmtree(local.home / "data", ignore_errors=True)
    local.start()
    return local._pid()


async def one_initial(s: Settings, scale: int, server: LocalNeo4j, folder: Path) -> dict[str, float]:
    """The initial-load path at one scale, into the empty database of `server` (a driver per side of the import,
    as the CLI has: the rebuilt database starts a new transaction history, so old bookmarks would wait forever)."""
    driver = make_driver(s)
    db = Database(driver, s.neo4j_database)
    bundle = synth_bundle(scale)
    records = sum(len(getattr(bundle, k)) for k in KINDS)
    t0 = time.perf_counter()
    prepared = await initial.prepare(db, [ParsedBundle(f"synth-{scale}", bundle, None)], folder)
    t1 = time.perf_counter()
    await driver.close()
    await asyncio.to_thread(server.import_csv, prepared.files.arguments())
    t2 = time.perf_counter()
    driver = make_driver(s)
    db = Database(driver, s.neo4j_database)
    await initial.finish(db, prepared)
    seconds = time.perf_counter() - t0
    shutil.rmtree(folder, ignore_errors=True)
    covs = len(bundle.coverages)
    got = (await db.read("node_total"))[0]["nodes"]
    await driver.close()
    print(f"  scale {scale:>5}: {records:>9,} records, {covs:>9,} coverage facts  validate+CSV {t1 - t0:5.1f}s  "
          f"import+restart {t2 - t1:5.1f}s  schema+rest {seconds - (t2 - t0):5.1f}s  total {seconds:6.1f}s  "
          f"{covs / seconds:>8,.0f} coverage facts/s  ({records / seconds:,.0f} records/s)  {got:,} nodes  "
          f"peak RSS {_mb():,.0f} MB")
    return {"scale": scale, "seconds": seconds, "facts_per_s": covs / seconds}


async def main(scales: list[int], bulk: bool = True, first_load: bool = False) -> None:
    s = settings()
    if first_load:
        print(f"load speed (initial: neo4j-admin import into an empty database), {os.cpu_count()} cores, Neo4j heap "
              f"{s.neo4j_heap}, load average {os.getloadavg()[0]:.1f}")
        for scale in scales:
            fresh_server(s)
            await one_initial(s, scale, LocalNeo4j(s, instance="bench-load"), s.state_dir / "import" / f"bench-{scale}")
        return
    print(f"load speed ({'bulk: staged in batches, then published' if bulk else 'one transaction'}), "
          f"{os.cpu_count()} cores, Neo4j heap {s.neo4j_heap}, load average {os.getloadavg()[0]:.1f}")
    for scale in scales:
        server = fresh_server(s)
        driver = make_driver(s)
        try:
            db = Database(driver, s.neo4j_database)
            if server is None:
                await db.wipe()
            await one(db, scale, bulk, server)
            await ceiling(db, scale)
        finally:
            await driver.close()


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    asyncio.run(main([int(a) for a in args] or [100], bulk="--one-tx" not in sys.argv,
                     first_load="--initial" in sys.argv))
