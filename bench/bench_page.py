"""The planners' page on a freshly started Neo4j (`python -m bench.bench_page`): each view's time to interactive on
a planner's first visit after a restart, with the API's start-up warm-up off and on (PEACEGRAPH_WARM_UP).

Bundled dataset in the bench's own Neo4j; for each mode the server is restarted (a cold JVM, no plans cached) and a
new API process started; headless Chromium (/usr/bin/chromium) opens the portfolio, then a country, then the country
again. Printed: milliseconds from the page's load event to the view's `pg:<view>:ready` mark (what the browser tests
print), and the slowest GraphQL request of each visit.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
from playwright.async_api import Request, async_playwright

from bench.common import BENCH_SETTINGS
from bench.paths import ROOT
from peacegraph.api.page_queries import operation_name
from peacegraph.devserver import LocalNeo4j
from peacegraph.devserver.ports import free_port
from peacegraph.graph.bundles.load import load_bundles
from peacegraph.graph.settings import Settings
from peacegraph.graph.store.database import Database, make_driver
from peacegraph.seed.files import read_all

VISITS = [  # label, link, what says the view is drawn
    ("portfolio (first visit)", "#tab=portfolio&date=2024-06-30", "#portfolio-map[data-state='ready']", "portfolio"),
    ("country SOM (first visit)", "#country=SOM&date=2024-06-30&tab=country", "#heatmap[data-state='ready']", "country"),
    ("country SOM (again)", "#country=SOM&date=2024-06-30&tab=country", "#heatmap[data-state='ready']", "country"),
]


async def ensure_dataset(settings: Settings) -> None:
    """The bench database holds exactly the bundled dataset (loaded if it does not)."""
    bundles = read_all([ROOT / "data"])
    missions = sum(len(p.bundle.missions) for p in bundles)
    driver = make_driver(settings)
    try:
        graph = Database(driver, settings.neo4j_database)
        await graph.apply_schema()
        counts = {r["label"]: r["count"] for r in await graph.read("count_nodes_by_label")}
        if counts.get("Mission") != missions or counts.get("Coverage") != sum(len(p.bundle.coverages) for p in bundles):
            await graph.wipe()
            await load_bundles(graph, bundles)
    finally:
        await driver.close()


def start_api(port: int, warm_up: bool, log: Path) -> subprocess.Popen[bytes]:
    """`peacegraph serve` on the bench Neo4j (its log in `log`); with the warm-up, returns once the log says it
    finished."""
    env = {**os.environ, **{k: str(v) for k, v in BENCH_SETTINGS.items()}, "PEACEGRAPH_NEO4J_INSTANCE": "bench",
           "PEACEGRAPH_WARM_UP": str(warm_up).lower(), "PEACEGRAPH_ANONYMOUS_READ": "true", "NEO4J_URI": ""}
    with log.open("wb") as out:
        proc = subprocess.Popen([sys.executable, "-m", "peacegraph", "serve", "--port", str(port), "--workers", "1"],
                                env=env, stdout=out, stderr=subprocess.STDOUT, cwd=ROOT)
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline and proc.poll() is None:
        if warm_up:
            said = [line for line in log.read_text(errors="replace").splitlines()
                    if "warmed up" in line or "warm-up skipped" in line]
            if said:
                print(f"    {said[0].split('peacegraph.api', 1)[-1].strip(' :-')}")
                return proc
        else:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/health", timeout=1).status_code == 200:
                    return proc
            except httpx.TransportError:
                pass
        time.sleep(0.2)
    proc.terminate()
    raise RuntimeError(f"the API did not start (or finish its warm-up) within 180 s; see {log}")


async def visit(port: int) -> list[tuple[str, float, str]]:
    """Each visit of VISITS: label, ms from the load event to the view's ready mark, slowest GraphQL request."""
    out = []
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path="/usr/bin/chromium",
                                          args=["--headless", "--no-sandbox", "--disable-gpu"])
        context = await browser.new_context(viewport={"width": 1280, "height": 800})
        for label, link, ready, view in VISITS:
            page = await context.new_page()
            started: dict[Request, float] = {}
            took: list[tuple[float, str]] = []

            def sent(r: Request, started: dict[Request, float] = started) -> None:
                if r.url.endswith("/graphql") and r.method == "POST":
                    started[r] = time.perf_counter()

            def done(r: Request, started: dict[Request, float] = started, took: list[Any] = took) -> None:
                if r in started:
                    name = operation_name((r.post_data_json or {}).get("query", "")) or "?"
                    took.append(((time.perf_counter() - started[r]) * 1000, name))

            page.on("request", sent)
            page.on("requestfinished", done)
            await page.goto(f"http://127.0.0.1:{port}/app/{link}")
            await page.wait_for_selector(ready, timeout=60_000)
            await page.wait_for_function(f"() => performance.getEntriesByName('pg:{view}:ready').length > 0")
            ms = await page.evaluate(f"""() => performance.getEntriesByName('pg:{view}:ready')[0].startTime
                                              - performance.getEntriesByType('navigation')[0].loadEventEnd""")
            slowest = max(took, default=(0.0, "-"))
            out.append((label, ms, f"{slowest[1]} {slowest[0]:.0f} ms"))
            await page.close()
        await browser.close()
    return out


async def main() -> None:
    settings = Settings(**BENCH_SETTINGS)  # type: ignore[arg-type]
    if settings.external:
        raise SystemExit("bench_page restarts the bench's own Neo4j: unset NEO4J_URI")
    server = LocalNeo4j(settings, instance="bench")
    server.start()
    await ensure_dataset(settings)
    print("planners' page after a Neo4j restart (bundled dataset; ms from the load event to the view's ready mark)")
    for warm_up in (False, True):
        server.stop()
        server.start()
        port = free_port()
        print(f"  warm-up {'on' if warm_up else 'off'}:")
        api = start_api(port, warm_up, ROOT / ".state" / f"bench-page-{'on' if warm_up else 'off'}.log")
        try:
            for label, ms, slowest in await visit(port):
                print(f"    {label:<28} {ms:7.0f} ms   slowest request: {slowest}")
        finally:
            api.terminate()
            api.wait(timeout=30)


if __name__ == "__main__":
    asyncio.run(main())
