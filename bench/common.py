"""Shared benchmark plumbing: a dedicated Neo4j instance, synthetic data, percentiles."""

from __future__ import annotations

import statistics
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any

from peacegraph.devserver import LocalNeo4j
from peacegraph.graph.bundles.load import load_bundles
from peacegraph.graph.bundles.parse import ParsedBundle
from peacegraph.graph.settings import Settings
from peacegraph.graph.store.database import Database, make_driver
from peacegraph.seed.synth import synth_bundle

BENCH_SETTINGS = dict(PEACEGRAPH_BOLT_PORT=7699, PEACEGRAPH_NEO4J_HTTP_PORT=7487, PEACEGRAPH_NEO4J_HEAP="2g",
                      PEACEGRAPH_NEO4J_PAGECACHE="1g")


@asynccontextmanager
async def bench_graph() -> AsyncIterator[Database]:
    """The bench Neo4j (its own instance and ports, or NEO4J_URI), started if needed."""
    settings = Settings(**BENCH_SETTINGS)  # type: ignore[arg-type]
    if not settings.external:
        LocalNeo4j(settings, instance="bench").start()
    driver = make_driver(settings)
    try:
        graph = Database(driver, settings.neo4j_database)
        await graph.apply_schema()
        yield graph
    finally:
        await driver.close()


async def load_synth(graph: Database, scale: int) -> dict[str, int]:
    """Load the synthetic graph at `scale` unless the bench database already holds exactly it."""
    bundle = synth_bundle(scale)
    rows = await graph.read("count_nodes_by_label")
    counts = {r["label"]: r["count"] for r in rows}
    if counts.get("Coverage") == len(bundle.coverages) and counts.get("Mission") == len(bundle.missions):
        print(f"reusing synthetic scale {scale} already loaded: {len(bundle.coverages)} coverage facts")
        return {"missions": len(bundle.missions), "coverages": len(bundle.coverages)}
    await graph.wipe()
    t = time.perf_counter()
    await load_bundles(graph, [ParsedBundle(f"synth-{scale}", bundle, None)])
    print(f"loaded synthetic scale {scale}: {len(bundle.missions)} missions, {len(bundle.coverages)} coverage facts "
          f"in {time.perf_counter() - t:.1f}s")
    return {"missions": len(bundle.missions), "coverages": len(bundle.coverages)}


def pct(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


async def measure(graph: Database, name: str, call: Callable[[], Awaitable[Any]], runs: int = 50,
                  warmup: int = 5) -> dict[str, float]:
    """Run `call` repeatedly; print p50/p95/p99 in ms and the Cypher round trips per call."""
    for _ in range(warmup):
        await call()
    samples = []
    graph.round_trips = 0
    for _ in range(runs):
        t = time.perf_counter()
        await call()
        samples.append((time.perf_counter() - t) * 1000)
    trips = graph.round_trips / runs
    row = {"p50": statistics.median(samples), "p95": pct(samples, 0.95), "p99": pct(samples, 0.99), "trips": trips}
    print(f"  {name:<48} p50 {row['p50']:7.1f} ms   p95 {row['p95']:7.1f} ms   p99 {row['p99']:7.1f} ms"
          f"   round trips/call {trips:.0f}")
    return row
