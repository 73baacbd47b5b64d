"""Analysis speed at synthetic scales (`peacegraph synth --scale N`): one table, each analysis's p50 and p95.

Targets (issue 15, at scale 1000): matrix p95 < 50 ms, who-covers < 30 ms, what-if one mission < 150 ms, a whole
country < 1 s, 5-year timeline < 100 ms. Each call goes the way a request does: one small read (the ids and the
country, whose bookmark says whether the kept snapshot is current), then the pure computation in a worker thread;
"cold" is the first call after the snapshots were dropped (the country's snapshot read from Neo4j).

Run: `.venv/bin/python -m bench.bench_analysis [SCALES]` (default 100,300,1000; e.g. `100,300`). Scales load in
increasing order: synth(N) extends synth(M) for M < N, so each scale loads only what the last one lacks, in loads
of CHUNK_MISSIONS missions. Start from an empty database or one holding a smaller synthetic scale: a database
holding more is wiped first, and wiping scale 1000 (`cypher/wipe.cypher`) exceeds the default transaction memory.
Use NEO4J_URI to point at a Neo4j of your own (the graph is replaced).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import sys
import time
from collections.abc import Awaitable, Callable
from typing import Any

from bench.common import bench_graph, measure
from peacegraph.graph.analysis import coverage as cov
from peacegraph.graph.analysis import diff as df
from peacegraph.graph.analysis import drawdown as dd
from peacegraph.graph.analysis import portfolio as pf
from peacegraph.graph.analysis.load import STORE
from peacegraph.graph.bundles.load import load_bundles
from peacegraph.graph.bundles.parse import ParsedBundle
from peacegraph.graph.domain.model import BUNDLE_FORMAT, Bundle
from peacegraph.graph.store.database import Database
from peacegraph.seed.synth import COUNTRIES, synth_bundle

ON = dt.date(2015, 6, 1)
TARGETS = {"matrix": 50, "who covers": 30, "timeline 5y": 100, "what-if 1 mission": 150, "what-if country": 1000}
COUNTRY_IDS = [f"S{i:02d}" for i in range(COUNTRIES)]
CHUNK_MISSIONS = 2_500
"""Missions per load (17,500 coverage facts): one load of scale 1000's 350,000 facts exceeds the bench server's
transaction memory (dbms.memory.transaction.total.max) even through the bulk loader's validation read."""


async def counts(graph: Database) -> dict[str, int]:
    return {r["label"]: r["count"] for r in await graph.read("count_nodes_by_label")}


async def ensure_scale(graph: Database, scale: int) -> dict[str, Any]:
    """Make the graph hold exactly synth(scale), loading only the missions it lacks when it holds a smaller one."""
    full = synth_bundle(scale)
    have = await counts(graph)
    held = have.get("Mission", 0)
    if held == len(full.missions) and have.get("Coverage", 0) == len(full.coverages):
        return {"loaded": 0, "seconds": 0.0, "note": "already loaded"}
    prefix = synth_bundle(max(1, held // 50)) if held else None
    if prefix is None or held % 50 or held > len(full.missions) or have.get("Coverage", 0) != len(prefix.coverages):
        await graph.wipe()
        held = 0
    started, loaded = time.perf_counter(), 0
    for lo in range(held, len(full.missions), CHUNK_MISSIONS):
        chunk = full.missions[lo:lo + CHUNK_MISSIONS]
        ids = {m.id for m in chunk}
        delta = Bundle.model_construct(
            format=BUNDLE_FORMAT, id=f"synth-{scale}", description=None,
            sources=full.sources, organizations=full.organizations, places=full.places, tasks=full.tasks,
            agreements=full.agreements, transitions=[], missions=chunk,
            mandates=[m for m in full.mandates if m.authorizes[0] in ids],
            coverages=[c for c in full.coverages if c.actor in ids],
            funding_lines=[f for f in full.funding_lines if f.recipient in ids])
        await load_bundles(graph, [ParsedBundle(f"synth-{scale}", delta, None)])
        loaded += len(delta.coverages)
    seconds = time.perf_counter() - started
    return {"loaded": loaded, "seconds": seconds, "note": f"{loaded:,} coverage facts in {seconds:.1f} s "
            f"({loaded / seconds:,.0f}/s, in loads of {CHUNK_MISSIONS:,} missions)"}


async def cold(call: Callable[[], Awaitable[Any]]) -> float:
    STORE.clear()
    started = time.perf_counter()
    await call()
    return (time.perf_counter() - started) * 1000


async def present_missions(graph: Database, country: str) -> list[str]:
    rows = await graph.driver.execute_query(
        "MATCH (m:Mission)-[:DEPLOYED_IN]->(:Place {id: $c}) "
        "WHERE m.valid_from <= $on AND (m.valid_to IS NULL OR m.valid_to > $on) RETURN m.id AS id ORDER BY id",
        c=country, on=ON, database_=graph.database)
    return [r["id"] for r in rows.records]


async def bench_scale(graph: Database, scale: int) -> dict[str, Any]:
    load = await ensure_scale(graph, scale)
    have = await counts(graph)
    missions = await present_missions(graph, "S03")
    print(f"\nscale {scale}: {have.get('Mission', 0):,} missions, {have.get('Coverage', 0):,} coverage facts; "
          f"S03 has {len(missions)} missions present on {ON}; load: {load['note']}")
    turn = {"i": 0}

    def next_country() -> str:
        turn["i"] += 1
        return COUNTRY_IDS[turn["i"] % len(COUNTRY_IDS)]

    row: dict[str, Any] = {"scale": scale, "coverage": have.get("Coverage", 0), "present": len(missions),
                           "load": load}
    row["cold matrix"] = await cold(lambda: cov.coverage_matrix(graph, "S03", ON))
    for c in COUNTRY_IDS:  # every country's snapshot read once, as a server would after its first requests
        await cov.coverage_matrix(graph, c, ON)
    row["matrix"] = await measure(graph, "coverage matrix (country)", lambda: cov.coverage_matrix(
        graph, next_country(), ON), runs=60)
    row["matrix area"] = await measure(graph, "coverage matrix (area)", lambda: cov.coverage_matrix(
        graph, "S03-a1", ON), runs=40)
    row["who covers"] = await measure(graph, "who covers (country, one task)", lambda: cov.who_covers(
        graph, "civilian_protection", next_country(), ON), runs=60)
    row["timeline 5y"] = await measure(graph, "timeline (country, 60 months)", lambda: cov.coverage_timeline(
        graph, "S03", dt.date(2010, 1, 1), dt.date(2014, 12, 31)), runs=20)
    row["what-if 1 mission"] = await measure(graph, "what-if, one mission leaves", lambda: dd.drawdown_what_if(
        graph, "S03", [dd.Departure(missions[0], ON)]), runs=20)
    row["what-if country"] = await measure(graph, f"what-if, all {len(missions)} missions of S03 leave",
                                           lambda: dd.drawdown_what_if(graph, "S03", [dd.Departure(m, ON)
                                                                                     for m in missions]), runs=5,
                                           warmup=1)
    row["diff 5y"] = await measure(graph, "coverage diff (country, 5 years apart)", lambda: df.coverage_diff(
        graph, "S03", dt.date(2010, 6, 1), ON), runs=20)
    row["portfolio"] = await measure(graph, f"portfolio ({COUNTRIES} countries)", lambda: pf.portfolio(graph, ON),
                                     runs=5, warmup=1)
    return row


def table(rows: list[dict[str, Any]]) -> None:
    names = ["matrix", "matrix area", "who covers", "timeline 5y", "what-if 1 mission", "what-if country", "diff 5y",
             "portfolio"]
    print("\n| scale | coverage facts | missions present (S03) | cold matrix (snapshot read) | "
          + " | ".join(f"{n} p50 / p95" for n in names) + " |")
    print("|" + "---|" * (4 + len(names)))
    for r in rows:
        cells = [f"{r[n]['p50']:.1f} / {r[n]['p95']:.1f} ms" for n in names]
        print(f"| {r['scale']} | {r['coverage']:,} | {r['present']} | {r['cold matrix']:.0f} ms | " + " | ".join(cells)
              + " |")
    last = rows[-1]
    print(f"\ntargets at scale 1000 (p95), measured at scale {last['scale']}:")
    for name, target in TARGETS.items():
        got = last[name]["p95"]
        print(f"  {name:<20} {got:8.1f} ms   target < {target} ms   {'met' if got < target else 'NOT met'}")


async def main(scales: list[int] | None = None) -> None:
    scales = sorted(scales or [100, 300, 1000])
    rows = []
    async with bench_graph() as graph:
        for scale in scales:
            try:
                rows.append(await bench_scale(graph, scale))
            except Exception as exc:  # a scale that cannot load is reported, the smaller ones still print
                print(f"scale {scale} could not be measured: {type(exc).__name__}: {exc}")
                break
    if rows:
        table(rows)


if __name__ == "__main__":
    asyncio.run(main([int(s) for s in sys.argv[1].split(",")] if len(sys.argv) > 1 else None))
