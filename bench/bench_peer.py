"""peacegraph beside the Neo4j GraphQL Library (@neo4j/graphql 7 on Apollo Server), same Neo4j, same data.

The data is the bundled dataset plus `peacegraph synth --scale 100`, in the bench's own Neo4j (instance
`bench-peer`, Bolt 7760), loaded once and reused. Ours runs under uvicorn as in production (N workers, no access
log); the peer (bench/peer/server.mjs) serves type definitions generated from the domain spec
(bench/peer/typedefs.py) in N Node processes. Every pair (bench/peer/pairs.py) must return the same data on both
sides before it is timed: a pair that differs stops the run. Load comes from wrk (C, epoll, one thread, its own
process: a Python client would compete with the servers for the 2 cores and cap their rates), closed loop, at 1 and
16 connections. Prints one table; `--repeat N` runs the whole matrix N times and prints medians.
Run: `.venv/bin/python -m bench.bench_peer [--quick] [--repeat N] [--workers N] [--ours-rev REV]`.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import math
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from bench.paths import ROOT
from bench.peer.pairs import PAIRS, Pair, canonical, first_difference, scalars

PEER_DIR = ROOT / "bench" / "peer"
STATE = ROOT / ".state" / "bench-peer"
NEO4J = dict(PEACEGRAPH_BOLT_PORT=7760, PEACEGRAPH_NEO4J_HTTP_PORT=7761)
INSTANCE = "bench-peer"
OURS_PORT, PEER_PORT = 7762, 7763
SCALE = 100
CONCURRENCY = (1, 16)
SOURCE_PATHS = ("peacegraph", "graph", "api", "seed", "cypher", "data")


class PairDiffers(SystemExit):
    """A pair whose two answers are not the same data: nothing is timed."""


@dataclass(frozen=True)
class Cell:
    """One wrk run: latency percentiles in ms, throughput, and answers that were not clean 200s."""

    p50: float
    p95: float
    rate: float
    requests: int
    failed: int


# -- the database --------------------------------------------------------------------------------------------------

def neo4j_settings() -> Any:
    from peacegraph.graph.settings import Settings

    return Settings(**NEO4J)  # type: ignore[arg-type]


async def ensure_data(settings: Any, src: Path, load: bool = True) -> dict[str, Any]:
    """The bundled dataset + synth scale 100 in the bench database, loaded unless the counts already match
    (`load=False`: only report what the database holds, loaded by another revision's code)."""
    from peacegraph.graph.bundles.load import load_bundles
    from peacegraph.graph.bundles.parse import ParsedBundle
    from peacegraph.graph.store.database import Database, make_driver
    from peacegraph.seed.files import read_all
    from peacegraph.seed.synth import synth_bundle

    bundled = read_all([src / "data"])
    synth = synth_bundle(SCALE)
    want = {kind: sum(len(getattr(p.bundle, kind)) for p in bundled) + len(getattr(synth, kind))
            for kind in ("missions", "coverages", "funding_lines", "mandates")}
    driver = make_driver(settings)
    try:
        graph = Database(driver, settings.neo4j_database)
        await graph.apply_schema()
        have = await _counts(graph)
        if load and have != want:
            if settings.external:
                raise SystemExit(f"NEO4J_URI={settings.uri} holds {have}, not the bench data {want}: load data/ and "
                                 f"`peacegraph synth --scale {SCALE}` there first (the bench wipes only its own server)")
            print(f"loading the bench data (bundled dataset + synth scale {SCALE}) into {settings.uri} ...", flush=True)
            t = time.perf_counter()
            await graph.wipe()
            await load_bundles(graph, bundled)
            await load_bundles(graph, [ParsedBundle(f"synth-{SCALE}", synth, None)])
            print(f"  loaded in {time.perf_counter() - t:.0f} s", flush=True)
            have = await _counts(graph)
        rows, _, _ = await driver.execute_query(
            "CALL dbms.components() YIELD versions, edition RETURN versions[0] AS v, edition AS e")
        nodes, _, _ = await driver.execute_query("MATCH (n) RETURN count(n) AS n")
        rels, _, _ = await driver.execute_query("MATCH ()-[r]->() RETURN count(r) AS n")
        return {"neo4j": f"{rows[0]['v']} {rows[0]['e']}", "data": data_version(src if load else None), "nodes": nodes[0]["n"], "relationships": rels[0]["n"],
                **have}
    finally:
        await driver.close()


async def _counts(graph: Any) -> dict[str, int]:
    rows = await graph.read("count_nodes_by_label")
    by_label = {r["label"]: r["count"] for r in rows}
    return {"missions": by_label.get("Mission", 0), "coverages": by_label.get("Coverage", 0),
            "funding_lines": by_label.get("FundingLine", 0), "mandates": by_label.get("Mandate", 0)}


# -- the two servers -----------------------------------------------------------------------------------------------

def our_source(rev: str | None) -> Path:
    """Where our server's code comes from: the working tree, or `rev` exported from git (to measure a commit)."""
    if rev is None:
        return ROOT
    sha = subprocess.run(["git", "rev-parse", "--verify", f"{rev}^{{commit}}"], cwd=ROOT, capture_output=True,
                         text=True, check=True).stdout.strip()
    target = STATE / f"src-{sha[:12]}"
    if not all((target / path).exists() for path in SOURCE_PATHS):
        target.mkdir(parents=True, exist_ok=True)
        archive = subprocess.run(["git", "archive", sha, *SOURCE_PATHS], cwd=ROOT, capture_output=True, check=True)
        subprocess.run(["tar", "-x", "-C", str(target)], input=archive.stdout, check=True)
    return target


def resolve(rev: str) -> str:
    return subprocess.run(["git", "rev-parse", "--verify", f"{rev}^{{commit}}"], cwd=ROOT, capture_output=True,
                          text=True, check=True).stdout.strip()


def data_version(src: Path | None) -> str:
    """Which dataset the database holds: the working tree's, a revision's, or one loaded by another run."""
    if src is None:
        return "loaded by the run given --data-rev"
    return "data/ of the working tree" if src == ROOT else f"data/ of {src.name.removeprefix('src-')}"


def our_version(rev: str | None) -> str:
    sha = subprocess.run(["git", "rev-parse", "--short", rev or "HEAD"], cwd=ROOT, capture_output=True, text=True,
                         check=True).stdout.strip()
    if rev is not None:
        return f"peacegraph {sha}"
    dirty = subprocess.run(["git", "status", "--porcelain", "--", *SOURCE_PATHS], cwd=ROOT, capture_output=True,
                           text=True, check=True).stdout.strip()
    return f"peacegraph {sha}{' + uncommitted changes' if dirty else ''}"


def python_env(src: Path) -> dict[str, str]:
    """The environment that makes `src`'s peacegraph the one imported (the bench's own modules stay importable)."""
    paths = [str(src)] if src == ROOT else [str(src), str(ROOT)]
    return {**os.environ, "PYTHONPATH": os.pathsep.join(paths)}


def write_type_defs(src: Path) -> Path:
    """Generate the peer's type definitions from `src`'s domain spec (every run: they follow the model)."""
    out = STATE / "typedefs.graphql"
    subprocess.run([sys.executable, "-m", "bench.peer.typedefs", "-o", str(out)], cwd=src,
                   env=python_env(src), check=True)
    return out


def ensure_peer_installed() -> None:
    """`npm ci` in bench/peer when node_modules is missing or older than the lockfile (as `make bench` does)."""
    stamp = PEER_DIR / "node_modules" / ".installed"
    lock = PEER_DIR / "package-lock.json"
    if stamp.exists() and stamp.stat().st_mtime >= lock.stat().st_mtime:
        return
    if shutil.which("npm") is None:
        raise SystemExit("npm is not on PATH: the peer (@neo4j/graphql on Apollo Server) needs Node.js 20+")
    subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--silent"], cwd=PEER_DIR, check=True)
    stamp.touch()


def _port_free(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) != 0


def _wait_answering(proc: subprocess.Popen[bytes], port: int, name: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"{name} exited with code {proc.returncode} while starting")
        with contextlib.suppress(httpx.TransportError):
            if httpx.post(f"http://127.0.0.1:{port}/graphql", json={"query": "{ __typename }"},
                          timeout=5).status_code == 200:
                return
        time.sleep(0.3)
    raise SystemExit(f"{name} did not answer on port {port} within {timeout:.0f} s")


@contextlib.contextmanager
def servers(src: Path, type_defs: Path, workers: int, bolt: str) -> Iterator[None]:
    """Ours (uvicorn, `workers` processes, no access log) and the peer (`workers` Node processes), both stopped after."""
    for port in (OURS_PORT, PEER_PORT):
        if not _port_free(port):
            raise SystemExit(f"port {port} on 127.0.0.1 is in use: stop what listens there first")
    ours_cmd = [str(Path(sys.executable).with_name("uvicorn")), "peacegraph.api.app:create_app", "--factory",
                "--host", "127.0.0.1", "--port", str(OURS_PORT), "--workers", str(workers),
                "--log-level", "warning", "--no-access-log"]
    ours_env = {**python_env(src), "NEO4J_URI": bolt, "PEACEGRAPH_ANONYMOUS_READ": "true",
                "PEACEGRAPH_MAX_PAGE_SIZE": "200"}
    peer_env = {**os.environ, "NEO4J_URI": bolt, "PEER_PORT": str(PEER_PORT), "PEER_WORKERS": str(workers)}
    procs: list[subprocess.Popen[bytes]] = []
    try:
        procs.append(subprocess.Popen(ours_cmd, cwd=src, env=ours_env, start_new_session=True))
        procs.append(subprocess.Popen(["node", "server.mjs", str(type_defs)], cwd=PEER_DIR, env=peer_env,
                                      stdout=subprocess.DEVNULL, start_new_session=True))
        _wait_answering(procs[0], OURS_PORT, "our server (uvicorn)")
        _wait_answering(procs[1], PEER_PORT, "the peer (node server.mjs)")
        yield
    finally:
        for proc in procs:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, 15)
        for proc in procs:
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, 9)
                proc.wait()


# -- equivalence ----------------------------------------------------------------------------------------------------

def ask(port: int, query: str) -> dict[str, Any]:
    reply = httpx.post(f"http://127.0.0.1:{port}/graphql", json={"query": query}, timeout=120)
    body: dict[str, Any] = reply.json()
    if reply.status_code != 200 or body.get("errors"):
        side = "ours" if port == OURS_PORT else "the peer"
        raise PairDiffers(f"{side} answered {reply.status_code} with errors: {json.dumps(body.get('errors'))[:2000]}")
    return body


def check(pair: Pair) -> tuple[int, int]:
    """Both answers as canonical data must be equal; returns (values compared, our Cypher round trips)."""
    ours, peer = ask(OURS_PORT, pair.ours), ask(PEER_PORT, pair.peer)
    a, b = canonical(ours["data"]), canonical(peer["data"])
    if pair.peer_single:
        found = b[pair.peer_single]
        if len(found) != 1:
            raise PairDiffers(f"{pair.name}: the peer found {len(found)} {pair.peer_single} nodes, not one")
        b[pair.peer_single] = found[0]
    diff = first_difference(a, b)
    if diff:
        raise PairDiffers(f"pair '{pair.name}' returns different data: {diff}")
    values = scalars(a)
    if not any(v not in (None, 0, "", False) for v in values):
        raise PairDiffers(f"pair '{pair.name}' answers nothing but empty values on both sides: not a check")
    return len(values), int(ours.get("extensions", {}).get("cypherRoundTrips", 0))


# -- load -----------------------------------------------------------------------------------------------------------

WRK_SCRIPT = """
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = [==[%s]==]
failed = 0
local threads = {}
function setup(thread) table.insert(threads, thread) end
function response(status, headers, body)
  if status ~= 200 or string.find(body, '"errors"', 1, true) then failed = failed + 1 end
end
function done(summary, latency, requests)
  local f = 0
  for _, t in ipairs(threads) do f = f + t:get("failed") end
  io.write(string.format("RESULT %%d %%d %%d %%d %%d\\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(95), f + summary.errors.connect + summary.errors.read +
    summary.errors.write + summary.errors.timeout))
end
"""


def wrk(port: int, query: str, connections: int, seconds: float) -> Cell:
    """A closed-loop run of `connections` connections for `seconds` (one wrk thread; 60 s request timeout)."""
    body = json.dumps({"query": query})
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as fh:
        fh.write(WRK_SCRIPT % body)
    try:
        out = subprocess.run(["wrk", "-t1", f"-c{connections}", f"-d{seconds:g}s", "--timeout", "60s", "-s", fh.name,
                              f"http://127.0.0.1:{port}/graphql"], capture_output=True, text=True,
                             timeout=seconds + 120).stdout
    finally:
        os.unlink(fh.name)
    found = re.search(r"^RESULT (\d+) (\d+) (\d+) (\d+) (\d+)$", out, re.M)
    if found is None:
        raise SystemExit(f"wrk printed no result:\n{out}")
    requests, duration_us, p50_us, p95_us, failed = map(int, found.groups())
    if requests == 0:  # not one answer within the cell's time: no latency to report
        return Cell(math.nan, math.nan, 0.0, 0, failed)
    return Cell(p50_us / 1000, p95_us / 1000, requests / (duration_us / 1e6), requests, failed)


# -- the run --------------------------------------------------------------------------------------------------------

def machine() -> str:
    cpu = next((ln.split(":", 1)[1].strip() for ln in Path("/proc/cpuinfo").read_text().splitlines()
                if ln.startswith("model name")), platform.processor())
    mem = next((int(ln.split()[1]) for ln in Path("/proc/meminfo").read_text().splitlines()
                if ln.startswith("MemTotal")), 0)
    return f"{os.cpu_count()} cores ({cpu}), {mem / 2**20:.0f} GiB, {platform.system()} {platform.release()}"


def versions(rev: str | None) -> dict[str, str]:
    def npm_version(name: str) -> str:
        return str(json.loads((PEER_DIR / "node_modules" / name / "package.json").read_text())["version"])

    node = subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip()
    wrk_v = subprocess.run(["wrk", "--version"], capture_output=True, text=True).stdout.split(" [")[0]
    import uvicorn

    return {"ours": f"{our_version(rev)}, Python {platform.python_version()}, uvicorn {uvicorn.__version__}",
            "peer": f"@neo4j/graphql {npm_version('@neo4j/graphql')}, @apollo/server {npm_version('@apollo/server')}, "
                    f"neo4j-driver {npm_version('neo4j-driver')}, Node.js {node}",
            "load": wrk_v}


def measure(pairs: tuple[Pair, ...], seconds: float, warmup: float) -> dict[tuple[int, int, str], Cell]:
    """Every pair × concurrency × side once; the two sides alternate so drift on the machine hits both alike."""
    cells: dict[tuple[int, int, str], Cell] = {}
    for i, pair in enumerate(pairs):
        for port in (OURS_PORT, PEER_PORT):
            wrk(port, pair.ours if port == OURS_PORT else pair.peer, 4, warmup)
        for c in CONCURRENCY:
            for side, port, query in (("ours", OURS_PORT, pair.ours), ("peer", PEER_PORT, pair.peer)):
                cell = wrk(port, query, c, seconds)
                if cell.failed:
                    raise SystemExit(f"{side}, pair '{pair.name}', c={c}: {cell.failed} of {cell.requests} answers "
                                     f"were errors or not 200")
                cells[i, c, side] = cell
                print(f"  {pair.name[:44]:<44} c={c:<2} {side:<4} p50 {cell.p50:7.1f} ms  p95 {cell.p95:7.1f} ms  "
                      f"{cell.rate:7.1f} req/s  ({cell.requests} requests)", flush=True)
    return cells


def _median(runs: list[dict[tuple[int, int, str], Cell]], key: tuple[int, int, str], field: str) -> float:
    values = [getattr(run[key], field) for run in runs if run[key].requests]
    return statistics.median(values) if values else (0.0 if field == "rate" else math.nan)


def _ratio(a: float, b: float) -> float:
    return a / b if b > 0 and not math.isnan(a) else math.nan


def _fmt(x: float, unit: str = "") -> str:
    return "–" if math.isnan(x) else f"{x:.1f}{unit}" if unit else f"{x:.2f}"


def _ratio_range(runs: list[dict[tuple[int, int, str], Cell]], i: int, c: int) -> str:
    ratios = [r for r in (_ratio(run[i, c, "ours"].p50, run[i, c, "peer"].p50) for run in runs) if not math.isnan(r)]
    return f"{min(ratios):.2f}–{max(ratios):.2f}" if len(runs) > 1 and ratios else "–"


def table(pairs: tuple[Pair, ...], runs: list[dict[tuple[int, int, str], Cell]], trips: list[int]) -> str:
    """One markdown table: medians over the runs; × columns are ours/peer (latency: < 1 is ours faster;
    requests/s: > 1 is ours faster); the p50 × range is the spread over the runs."""
    head = ("| query pair | c | ours p50 | peer p50 | p50 × | ours p95 | peer p95 | p95 × | ours req/s | "
            "peer req/s | req/s × | p50 × range | our round trips |")
    lines = [head, "|" + "---|" * (head.count("|") - 1)]
    for i, pair in enumerate(pairs):
        for c in CONCURRENCY:
            o = {f: _median(runs, (i, c, "ours"), f) for f in ("p50", "p95", "rate")}
            p = {f: _median(runs, (i, c, "peer"), f) for f in ("p50", "p95", "rate")}
            lines.append(f"| {pair.name if c == CONCURRENCY[0] else ''} | {c} | {_fmt(o['p50'], ' ms')} | "
                         f"{_fmt(p['p50'], ' ms')} | {_fmt(_ratio(o['p50'], p['p50']))} | {_fmt(o['p95'], ' ms')} | "
                         f"{_fmt(p['p95'], ' ms')} | {_fmt(_ratio(o['p95'], p['p95']))} | {o['rate']:.1f} | "
                         f"{p['rate']:.1f} | {_fmt(_ratio(o['rate'], p['rate']))} | {_ratio_range(runs, i, c)} | "
                         f"{trips[i] if c == CONCURRENCY[0] else ''} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="peacegraph beside @neo4j/graphql on the same Neo4j and data")
    parser.add_argument("--quick", action="store_true", help="3 s per cell instead of 10 (a smoke run)")
    parser.add_argument("--seconds", type=float, help="seconds per cell (default 10, or 3 with --quick)")
    parser.add_argument("--repeat", type=int, default=1, help="run the whole matrix N times; print medians")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                        help="uvicorn workers for ours and Node processes for the peer (default: the machine's cores)")
    parser.add_argument("--ours-rev", help="serve ours from this git revision instead of the working tree")
    parser.add_argument("--data-rev", help="load the data with this git revision's code and dataset (default: as ours)")
    parser.add_argument("--load-only", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--keep-neo4j", action="store_true", help="leave the bench Neo4j running afterwards")
    args = parser.parse_args(argv)
    seconds = args.seconds or (3.0 if args.quick else 10.0)
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed: `apt-get install wrk` (make bench installs it)")
    ensure_peer_installed()

    if args.ours_rev is not None:
        args.ours_rev = resolve(args.ours_rev)
    given = os.environ.get("BENCH_PEER_SOURCE")  # set when this process is the bench re-run on a revision's code
    src = Path(given) if given else our_source(args.ours_rev)
    if src != ROOT and not given:
        # the whole bench (its data, the type definitions, our server) then runs on that revision's code and dataset
        rest = list(argv if argv is not None else sys.argv[1:])
        os.chdir(src)
        os.execve(sys.executable, [sys.executable, "-m", "bench.bench_peer", *rest, "--ours-rev", str(args.ours_rev)],
                  {**python_env(src), "BENCH_PEER_SOURCE": str(src), "PEACEGRAPH_STATE_DIR": str(ROOT / ".state")})

    from peacegraph.devserver import LocalNeo4j

    settings = neo4j_settings()
    neo4j = None if settings.external else LocalNeo4j(settings, instance=INSTANCE)
    started = neo4j is not None and not neo4j.status().running
    if neo4j is not None:
        neo4j.start()
    try:
        data_src = src if args.data_rev is None else our_source(resolve(args.data_rev))
        if data_src != src:
            subprocess.run([sys.executable, "-m", "bench.bench_peer", "--load-only"], cwd=data_src, check=True,
                           env={**python_env(data_src), "BENCH_PEER_SOURCE": str(data_src),
                                "PEACEGRAPH_STATE_DIR": str(ROOT / ".state")})
        data = asyncio.run(ensure_data(settings, src, load=data_src == src))
        if args.load_only:
            return
        type_defs = write_type_defs(src)
        info = versions(args.ours_rev)
        print(f"peacegraph vs @neo4j/graphql: Neo4j {data['neo4j']} at {settings.uri}, {data['nodes']:,} nodes, "
              f"{data['relationships']:,} relationships (bundled dataset, {data['data']}, + synth scale {SCALE}: {data['missions']:,} "
              f"missions, {data['coverages']:,} coverage facts, {data['funding_lines']:,} funding lines)")
        print(f"  ours: {info['ours']}, {args.workers} uvicorn worker(s), no access log")
        print(f"  peer: {info['peer']}, {args.workers} Node process(es), Apollo Server standalone")
        print(f"  load: {info['load']}, 1 thread, {seconds:g} s per cell after a warm-up; machine: {machine()}")
        with servers(src, type_defs, args.workers, settings.uri):
            trips = []
            for pair in PAIRS:
                values, n = check(pair)
                trips.append(n)
                print(f"  same data: {pair.name} ({values} values compared; ours {n} Cypher round trips)", flush=True)
            runs = []
            for r in range(args.repeat):
                print(f"run {r + 1} of {args.repeat} (load average {os.getloadavg()[0]:.1f}):", flush=True)
                runs.append(measure(PAIRS, seconds, warmup=1.0 if args.quick else 3.0))
            print(f"  (load average {os.getloadavg()[0]:.1f} at the end)")
            for pair in PAIRS:  # still the same data after the load
                check(pair)
        print(f"\nMedians of {args.repeat} run(s), {args.workers} worker(s) each side, {seconds:g} s per cell "
              "(× = ours/peer; latency < 1 and req/s > 1 mean ours is faster):\n")
        print(table(PAIRS, runs, trips), flush=True)
        print()
        subprocess.run([sys.executable, "-m", "bench.peer.where", settings.uri], cwd=src, env=python_env(src),
                       check=True)
    finally:
        if started and neo4j is not None and not args.keep_neo4j:
            neo4j.stop()


if __name__ == "__main__":
    main()
