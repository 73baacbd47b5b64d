"""API speed at synthetic scale 100, through HTTP on loopback against a real uvicorn process.

Prints p50/p95/p99 for whoCovers and coverageMatrix (targets: p95 < 50 ms), node(id) throughput with 32
concurrent clients (target: >= 300 requests/s), a fixed query mix, Cypher round trips per request (from the
response's `extensions.cypherRoundTrips`), and the API overhead: HTTP time / direct call time of the same analysis.
Every loop is bounded in count and time and only talks to 127.0.0.1.
Run: `.venv/bin/python -m bench.bench_api [scale] [workers]`.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable
from typing import Any

import httpx

from bench.common import BENCH_SETTINGS, bench_graph, load_synth, pct
from bench.paths import ROOT as PROJECT_ROOT
from peacegraph.graph.analysis.coverage import coverage_matrix, who_covers
from peacegraph.graph.analysis.drawdown import Departure, drawdown_what_if

PORT = 8799
ON = "2015-06-01"
MATRIX = '{ coverageMatrix(place: "S03", asOf: "%s") { counts { covered thin overlap gap } tasks { task state } } }'
WHO = '{ whoCovers(task: "civilian_protection", place: "S03", asOf: "%s") { actorId role mandates { id } } }'
NODE = '{ node(id: "%s") { __typename ... on Mission { id name validFrom } } }'
LIST = ('{ missions(where: {deployedIn: {some: {id: {eq: "S05"}}}, validFrom: {lt: "2015-01-01"}}, first: 20, '
        'sort: [{validFrom: DESC}]) { totalCount edges { node { id name ledBy { id } } } } }')
NESTED = ('{ place(id: "S07") { missions(asOf: null, first: 20) { edges { node { id '
          'mandates(asOf: null, first: 5) { edges { node { id tasks(first: 5) { edges { node { id '
          'coverages(asOf: null, first: 3) { edges { node { id sources { locator } } } } } } } } } } } } } } }')
WHAT_IF = ('{ drawdownWhatIf(input: {place: "S03", departures: [{actor: "%s", date: "%s"}]}) '
           '{ lost { task place candidates { actor rank } } fundingEnding { id } } }')


def wrk_node(mission_ids: list[str], seconds: int = 10) -> None:
    """node(id) throughput with 32 connections from wrk (a C load generator in its own process), if installed."""
    import shutil
    import tempfile

    wrk = shutil.which("wrk")
    if wrk is None:
        print("  (install wrk — apt-get install wrk — for the node(id) throughput measured outside Python)")
        return
    ids = ", ".join(f'"{i}"' for i in mission_ids[:500])
    body = ('{"query":"query($id: ID!) { node(id: $id) { __typename ... on Mission { id name validFrom } } }",'
            '"variables":{"id":"')
    script = (
        "ids = {" + ids + "}\n"
        "counter = 0\n"
        "request = function()\n"
        "  counter = counter + 1\n"
        "  local id = ids[(counter % #ids) + 1]\n"
        "  local body = '" + body + "' .. id .. '\"}}'\n"
        '  return wrk.format("POST", "/graphql", {["Content-Type"] = "application/json"}, body)\n'
        "end\n"
    )
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as fh:
        fh.write(script)
    out = subprocess.run([wrk, "-t2", "-c32", f"-d{seconds}s", "--latency", "-s", fh.name, f"http://127.0.0.1:{PORT}"],
                         capture_output=True, text=True, timeout=seconds + 30).stdout
    rate = next((ln.split()[1] for ln in out.splitlines() if ln.startswith("Requests/sec")), "?")
    lat = {ln.split()[0]: ln.split()[1] for ln in out.splitlines() if ln.strip().startswith(("50%", "90%", "99%"))}
    errors = [ln.strip() for ln in out.splitlines() if "Non-2xx" in ln or "Socket errors" in ln]
    print(f"  node(id), 32 connections (wrk)     p50 {lat.get('50%')}  p90 {lat.get('90%')}  p99 {lat.get('99%')}"
          f"   {rate} requests/s {' '.join(errors)}")


def start_server(workers: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "NEO4J_URI": f"bolt://127.0.0.1:{BENCH_SETTINGS['PEACEGRAPH_BOLT_PORT']}",
           "PEACEGRAPH_ANONYMOUS_READ": "true", "PEACEGRAPH_MAX_PAGE_SIZE": "200"}
    cmd = [str(PROJECT_ROOT / ".venv" / "bin" / "uvicorn"), "peacegraph.api.app:create_app", "--factory", "--host", "127.0.0.1",
           "--port", str(PORT), "--workers", str(workers), "--log-level", "warning", "--no-access-log"]
    proc = subprocess.Popen(cmd, env=env, cwd=PROJECT_ROOT)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{PORT}/ready", timeout=2).status_code == 200:
                return proc
        except httpx.TransportError:
            time.sleep(0.3)
    proc.terminate()
    raise RuntimeError("API did not start")


async def post(client: httpx.AsyncClient, query: str) -> tuple[float, int]:
    t = time.perf_counter()
    reply = await client.post("/graphql", json={"query": query})
    ms = (time.perf_counter() - t) * 1000
    body = reply.json()
    if body.get("errors"):
        raise RuntimeError(body["errors"])
    return ms, body.get("extensions", {}).get("cypherRoundTrips", 0)


def line(name: str, samples: list[float], trips: list[int], extra: str = "") -> None:
    print(f"  {name:<34} p50 {statistics.median(samples):7.1f}  p95 {pct(samples, .95):7.1f}  "
          f"p99 {pct(samples, .99):7.1f} ms   round trips {max(trips)}{extra}")


async def sequential(client: httpx.AsyncClient, name: str, make: Callable[[int], str], runs: int = 60) -> float:
    for i in range(5):
        await post(client, make(i))
    results = [await post(client, make(i)) for i in range(runs)]
    samples = [r[0] for r in results]
    line(name, samples, [r[1] for r in results])
    return statistics.median(samples)


async def concurrent(client: httpx.AsyncClient, make: Callable[[int], str], clients: int, total: int,
                     seconds: float = 20.0) -> tuple[list[float], list[int], float]:
    """`clients` workers share `total` requests (stopping after `seconds` in any case)."""
    queue = list(range(total))
    samples: list[float] = []
    trips: list[int] = []
    deadline = time.monotonic() + seconds

    async def worker() -> None:
        while queue and time.monotonic() < deadline:
            i = queue.pop()
            ms, n = await post(client, make(i))
            samples.append(ms)
            trips.append(n)

    t = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(clients)))
    return samples, trips, len(samples) / (time.perf_counter() - t)


async def direct_median(call: Callable[[], Awaitable[Any]], runs: int = 30) -> float:
    for _ in range(3):
        await call()
    samples = []
    for _ in range(runs):
        t = time.perf_counter()
        await call()
        samples.append((time.perf_counter() - t) * 1000)
    return statistics.median(samples)


async def main(scale: int = 100, workers: int = 1) -> None:
    async with bench_graph() as graph:
        await load_synth(graph, scale)
        rows, _, _ = await graph.driver.execute_query("MATCH (m:Mission) RETURN m.id AS id ORDER BY id LIMIT 2000")
        mission_ids = [r["id"] for r in rows]
        present, _, _ = await graph.driver.execute_query(
            "MATCH (m:Mission)-[:DEPLOYED_IN]->(:Place {id: 'S03'}) WHERE m.valid_from <= date($on) "
            "AND (m.valid_to IS NULL OR m.valid_to > date($on)) RETURN m.id AS id LIMIT 1", on=ON)
        leaver = present[0]["id"]
        on = dt.date.fromisoformat(ON)
        direct = {
            "coverageMatrix": await direct_median(lambda: coverage_matrix(graph, "S03", on)),
            "whoCovers": await direct_median(lambda: who_covers(graph, "civilian_protection", "S03", on)),
            "drawdownWhatIf": await direct_median(lambda: drawdown_what_if(graph, "S03", [Departure(leaver, on)]), 10),
        }
    server = start_server(workers)
    try:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{PORT}", timeout=30,
                                     limits=httpx.Limits(max_connections=64)) as client:
            print(f"API at scale {scale}, {workers} uvicorn worker(s), sequential requests:")
            dates = [f"2015-{m:02d}-01" for m in range(1, 13)]
            api = {
                "coverageMatrix": await sequential(client, "coverageMatrix (country)",
                                                   lambda i: MATRIX % dates[i % 12]),
                "whoCovers": await sequential(client, "whoCovers (country)", lambda i: WHO % dates[i % 12]),
                "drawdownWhatIf": await sequential(client, "drawdownWhatIf (one mission)",
                                                   lambda i: WHAT_IF % (leaver, ON), runs=15),
            }
            await sequential(client, "missions (where + sort)", lambda i: LIST)
            await sequential(client, "nested place→missions→…→sources", lambda i: NESTED, runs=20)
            samples, trips, rate = await concurrent(client, lambda i: NODE % mission_ids[i % len(mission_ids)],
                                                    clients=32, total=3000)
            line("node(id), 32 clients (httpx)", samples, trips, f"   {rate:6.0f} requests/s")
            wrk_node(mission_ids)
            mix = [lambda i: MATRIX % dates[i % 12], lambda i: WHO % dates[i % 12],
                   lambda i: NODE % mission_ids[i % len(mission_ids)], lambda i: LIST, lambda i: NESTED]
            samples, trips, rate = await concurrent(client, lambda i: mix[i % len(mix)](i), clients=8, total=500)
            line("query mix (5 kinds), 8 clients", samples, trips, f"   {rate:6.0f} requests/s")
            print("API overhead (HTTP + GraphQL time / direct graph call, medians):")
            for name, ms in api.items():
                print(f"  {name:<34} {ms:6.1f} ms / {direct[name]:6.1f} ms = {ms / direct[name]:4.2f}x")
    finally:
        server.terminate()
        server.wait(timeout=20)


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 100, int(sys.argv[2]) if len(sys.argv) > 2 else 1))
