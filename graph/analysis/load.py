"""Reading snapshots from Neo4j (the analyses' only I/O) and keeping them while the database is unchanged.

Each request first runs one small read (analysis_ids.cypher: the ids it was given, the countries of its places); the
bookmark that read returns names the database state it saw (the last committed transaction). A country's snapshot
is read whole — all time, every status, in one read transaction of a fixed number of statements — and kept with the
bookmark of that transaction; a later request whose first read returns the same bookmark reuses it, any write in
between (from any process) changes the bookmark and the snapshot is read again. Building runs in a worker thread.
"""

from __future__ import annotations

import asyncio
import gc
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from neo4j import READ_ACCESS, AsyncManagedTransaction, unit_of_work

from peacegraph.graph.analysis.ids import UnknownIds, Wanted
from peacegraph.graph.analysis.snapshot import Partners, Snapshot, Task, build, build_partners
from peacegraph.graph.store.catalog import statement
from peacegraph.graph.store.database import Database

SNAPSHOT_STATEMENTS = ("places", "facts", "actors", "mandates", "funding", "transitions")
MAX_CACHED_FACTS = 2_000_000
"""Snapshots kept per process, counted in coverage facts (the oldest used go first)."""


@dataclass(frozen=True)
class Prepared:
    """What the first read of a request found: the country of each place asked about, and the state it saw."""

    countries: dict[str, str]
    token: str


async def read_transaction(graph: Database, reads: Sequence[tuple[str, dict[str, Any]]]
                           ) -> tuple[list[list[dict[str, Any]]], str]:
    """Run named statements in one read transaction; their rows, and the bookmark of the state they saw."""
    graph.round_trips += len(reads)

    async def work(tx: AsyncManagedTransaction) -> list[list[dict[str, Any]]]:
        out = []
        for name, params in reads:
            result = await tx.run(statement(name), params)
            out.append([dict(r.items()) async for r in result])
        return out

    config = unit_of_work(metadata=graph.metadata or None, timeout=graph.timeout)
    async with graph.driver.session(database=graph.database, default_access_mode=READ_ACCESS,
                                    bookmark_manager=graph.driver.execute_query_bookmark_manager) as session:
        rows = await session.execute_read(config(work))
        bookmarks = await session.last_bookmarks()
    return rows, "|".join(sorted(bookmarks.raw_values))


@dataclass
class SnapshotStore:
    """Country snapshots and the agreement partners, each kept with the bookmark of the state it was read at."""

    max_facts: int = MAX_CACHED_FACTS
    _countries: OrderedDict[tuple[str, str], Snapshot] = field(default_factory=OrderedDict)
    _partners: dict[str, tuple[str, Partners]] = field(default_factory=dict)
    _tasks: dict[str, tuple[str, dict[str, Task]]] = field(default_factory=dict)
    _loading: dict[tuple[str, str, str], asyncio.Future[dict[str, Snapshot]]] = field(default_factory=dict)

    async def prepare(self, graph: Database, places: Sequence[str] = (), wanted: Sequence[Wanted] = ()) -> Prepared:
        """Check the ids a request names (UnknownIds lists every unknown one) and find its places' countries."""
        every = [*wanted, *(Wanted("place", p, "place") for p in places if not any(
            w.kind == "place" and w.id == p for w in wanted))]
        (rows,), token = await read_transaction(graph, [("analysis_ids", {"ids": _ids_by_kind(every)})])
        found = {(r["kind"], r["id"]) for r in rows}
        missing = [w for w in every if (_KIND_SECTION[w.kind], w.id) not in found]
        if missing:
            raise await UnknownIds.explain(graph, missing, await self.tasks(graph, token))
        return Prepared({r["id"]: r["country"] for r in rows if r["kind"] == "places"}, token)

    async def snapshots(self, graph: Database, countries: Sequence[str], token: str) -> dict[str, Snapshot]:
        """The snapshots of these countries at the state `token` names (read once, in one transaction)."""
        wanted = sorted(set(countries))
        out: dict[str, Snapshot] = {}
        stale = []
        for c in wanted:
            snap = self._countries.get((graph.database, c))
            if snap is not None and snap.token == token:
                self._countries.move_to_end((graph.database, c))
                out[c] = snap
            else:
                stale.append(c)
        if stale:
            out.update(await self._load(graph, stale, token))
        return out

    async def snapshot(self, graph: Database, country: str, token: str) -> Snapshot:
        return (await self.snapshots(graph, [country], token))[country]

    async def tasks(self, graph: Database, token: str) -> dict[str, Task]:
        """The task taxonomy at the state `token` names."""
        held = self._tasks.get(graph.database)
        if held and held[0] == token:
            return held[1]
        (rows,), token = await read_transaction(graph, [("snapshot_tasks", {})])
        tasks = _tasks(rows)
        self._tasks[graph.database] = (token, tasks)
        return tasks

    async def partners(self, graph: Database, token: str) -> Partners:
        """Agreements and where their parties are active, at the state `token` names."""
        held = self._partners.get(graph.database)
        if held and held[0] == token:
            return held[1]
        (rows,), token = await read_transaction(graph, [("snapshot_partners", {})])
        partners = await asyncio.to_thread(build_partners, rows)
        self._partners[graph.database] = (token, partners)
        return partners

    async def _load(self, graph: Database, countries: list[str], token: str) -> dict[str, Snapshot]:
        key = (graph.database, ",".join(countries), token)
        pending = self._loading.get(key)
        if pending is not None:
            shared = await asyncio.shield(pending)
            return {c: shared[c] for c in countries}
        future: asyncio.Future[dict[str, Snapshot]] = asyncio.get_running_loop().create_future()
        self._loading[key] = future
        try:
            params = {"countries": countries}
            results, read_token = await read_transaction(
                graph, [("snapshot_tasks", {}), *((f"snapshot_{name}", params) for name in SNAPSHOT_STATEMENTS)])
            tasks = _tasks(results[0])
            self._tasks[graph.database] = (read_token, tasks)
            by_country: dict[str, dict[str, list[dict[str, Any]]]] = {
                c: {name: [] for name in SNAPSHOT_STATEMENTS} for c in countries}
            for name, rows in zip(SNAPSHOT_STATEMENTS, results[1:], strict=True):
                for row in rows:
                    by_country[row["country"]][name].append(row)
            snaps = await asyncio.to_thread(_build_all, by_country, tasks, read_token)
            for c, snap in snaps.items():
                self._countries[(graph.database, c)] = snap
                self._countries.move_to_end((graph.database, c))
            self._evict()
            future.set_result(snaps)
            return snaps
        except BaseException as exc:
            future.set_exception(exc)
            future.exception()  # retrieved: no "never retrieved" warning when nobody else waits
            raise
        finally:
            self._loading.pop(key, None)

    def _evict(self) -> None:
        total = sum(len(s.facts) for s in self._countries.values())
        while total > self.max_facts and len(self._countries) > 1:
            _, snap = self._countries.popitem(last=False)
            total -= len(snap.facts)

    def clear(self) -> None:
        self._countries.clear()
        self._partners.clear()
        self._tasks.clear()


def _build_all(by_country: dict[str, dict[str, list[dict[str, Any]]]], tasks: dict[str, Task],
               token: str) -> dict[str, Snapshot]:
    """Build and index the snapshots, then move every object alive now out of the collector's scans (gc.freeze).

    A snapshot at scale holds millions of objects and no reference cycle: left to the collector, each full
    collection would rescan all of them (pauses of 0.1-1.5 s at synth scale 1000, every dozen matrices). Frozen
    objects are still freed by reference counting when a snapshot is dropped; only a cycle that is garbage at this
    moment is never collected (a small leak per snapshot read)."""
    out = {}
    for c, rows in by_country.items():
        snap = build(c, rows, tasks, token)
        snap.warm()
        out[c] = snap
    gc.freeze()
    return out


def _tasks(rows: list[dict[str, Any]]) -> dict[str, Task]:
    return {r["id"]: Task(r["id"], r["label"] or r["id"], r["group"] or "", r["primary_responsibility"])
            for r in rows}


_KIND_SECTION = {"place": "places", "task": "tasks", "actor": "actors", "mission": "missions",
                 "transition": "transitions", "coverage": "coverages"}


def _ids_by_kind(wanted: Sequence[Wanted]) -> dict[str, list[str]]:
    out: dict[str, set[str]] = {}
    for w in wanted:
        out.setdefault(_KIND_SECTION[w.kind], set()).add(w.id)
    return {k: sorted(v) for k, v in out.items()}


STORE = SnapshotStore()
"""The process's snapshots (each API worker and each test process has its own)."""
