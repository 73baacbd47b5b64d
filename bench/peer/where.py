"""Where our time goes on each pair of the side-by-side bench: our app in-process, its Cypher calls timed.

Each call through the driver's `execute_query` (what `Database.run` and the root-list query use) is timed from send
to decoded records, with its rows and their size as JSON; a request's wall time minus the time some Cypher call was
running is what the Python side (GraphQL execution, resolvers, conversion) costs. Medians of 10 requests after 2
warm-ups, one at a time. Run: `.venv/bin/python -m bench.peer.where [BOLT_URI]` (the bench runs it after its table).
"""

from __future__ import annotations

import asyncio
import json
import statistics
import sys
import time
from dataclasses import dataclass
from typing import Any

import httpx
from neo4j import AsyncDriver

from bench.peer.pairs import PAIRS


@dataclass(frozen=True)
class Call:
    start: float
    end: float
    first_line: str
    rows: int
    size: int


CALLS: list[Call] = []
_execute_query = AsyncDriver.execute_query


async def _timed(self: AsyncDriver, query: Any, *args: Any, **kwargs: Any) -> Any:
    start = time.perf_counter()
    result = await _execute_query(self, query, *args, **kwargs)
    end = time.perf_counter()
    text = str(getattr(query, "text", query)).strip()
    rows = [dict(r) for r in result.records]
    CALLS.append(Call(start, end, text.splitlines()[0][:90] if text else "", len(rows),
                      len(json.dumps(rows, default=str))))
    return result


def on_the_clock(calls: list[Call]) -> float:
    """Seconds during which at least one call was running (calls sent together overlap)."""
    total, until = 0.0, float("-inf")
    for call in sorted(calls, key=lambda c: c.start):
        if call.end > until:
            total += call.end - max(call.start, until)
            until = call.end
    return total


async def main(uri: str) -> None:
    from peacegraph.api.app import create_app
    from peacegraph.graph.settings import Settings

    AsyncDriver.execute_query = _timed  # type: ignore[method-assign, assignment]
    app = create_app(Settings(NEO4J_URI=uri, PEACEGRAPH_ANONYMOUS_READ=True))  # type: ignore[call-arg]
    print("Where our time goes (in-process, one request at a time, medians of 10): wall = Cypher on the clock + "
          "Python")
    async with app.router.lifespan_context(app), httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://bench") as client:
        for pair in PAIRS:
            walls, dbs, last = [], [], []
            for i in range(12):
                CALLS.clear()
                t = time.perf_counter()
                reply = await client.post("/graphql", json={"query": pair.ours})
                wall = time.perf_counter() - t
                if i >= 2:
                    walls.append(wall * 1000)
                    dbs.append(on_the_clock(CALLS) * 1000)
                last = list(CALLS)
            trips = reply.json().get("extensions", {}).get("cypherRoundTrips")
            wall, db = statistics.median(walls), statistics.median(dbs)
            print(f"  {pair.name}: wall {wall:.0f} ms = Cypher {db:.0f} ms + Python {wall - db:.0f} ms; "
                  f"{len(last)} calls ({trips} round trips reported), {sum(c.size for c in last) / 1024:.0f} KB of rows "
                  f"for a {len(reply.content) / 1024:.0f} KB answer")
            for call in last:
                print(f"      {(call.end - call.start) * 1000:6.1f} ms {call.rows:5d} rows {call.size / 1024:7.1f} KB"
                      f"  {call.first_line}")


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1] if len(sys.argv) > 1 else "bolt://127.0.0.1:7760"))
