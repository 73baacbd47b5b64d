"""Analysis speed at synthetic scale (default 100): coverage matrix, who-covers, drawdown what-ifs.

Targets (issue 4): matrix p95 < 50 ms; what-if for one mission < 200 ms; for every mission of a country < 2 s.
Run: `.venv/bin/python -m bench.bench_analysis [scale]`.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import sys

from bench.common import bench_graph, load_synth, measure
from peacegraph.graph.analysis.coverage import coverage_matrix, coverage_timeline, who_covers
from peacegraph.graph.analysis.drawdown import Departure, drawdown_what_if

ON = dt.date(2015, 6, 1)


async def main(scale: int = 100) -> None:
    async with bench_graph() as graph:
        await load_synth(graph, scale)
        rows = await graph.driver.execute_query(
            "MATCH (m:Mission)-[:DEPLOYED_IN]->(:Place {id: 'S03'}) "
            "WHERE m.valid_from <= $on AND (m.valid_to IS NULL OR m.valid_to > $on) RETURN m.id AS id", on=ON)
        missions = [r["id"] for r in rows.records]
        print(f"country S03 on {ON}: {len(missions)} missions present")
        countries = [f"S{i:02d}" for i in range(20)]
        state = {"i": 0}

        def next_country() -> str:
            state["i"] += 1
            return countries[state["i"] % len(countries)]

        await measure(graph, "coverage matrix (country)", lambda: coverage_matrix(graph, next_country(), ON))
        await measure(graph, "coverage matrix (area)", lambda: coverage_matrix(graph, "S03-a1", ON))
        await measure(graph, "who covers (country, one task)",
                      lambda: who_covers(graph, "civilian_protection", next_country(), ON))
        await measure(graph, "timeline (country, 5 years by month)",
                      lambda: coverage_timeline(graph, "S03", dt.date(2010, 1, 1), dt.date(2014, 12, 31)), runs=10)
        await measure(graph, "drawdown what-if, one mission",
                      lambda: drawdown_what_if(graph, "S03", [Departure(missions[0], ON)]), runs=20)
        await measure(graph, f"drawdown what-if, all {len(missions)} missions of a country",
                      lambda: drawdown_what_if(graph, "S03", [Departure(m, ON) for m in missions]), runs=5)


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 100))
