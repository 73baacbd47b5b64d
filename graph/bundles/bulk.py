"""Bulk loads: any size, bounded memory, all or nothing, published at once.

1. Validate like any load (references, actor kinds, cycles, look-alikes; new, updated or unchanged per record), in
   one read transaction.
2. Stage the new records in batches, each batch its own transaction: nodes under the `_Staged` label (no reader
   matches it) carrying the load id, with their relationships and citations. A batch whose relationships fall short
   of what it asked for (a target deleted meanwhile) stops the load.
3. Publish in one transaction: every staged node of the load swaps `_Staged` for its real labels, and records that
   update existing ones (and kinds with components, such as transitions) are written there with the one-transaction
   statements. Its memory is a label change per new node, not the records' content.
4. If staging or publishing fails, the staged nodes are removed (in batches); a load interrupted before it published
   leaves staged nodes that `remove_staged` (the CLI on its next load, or `peacegraph db cleanup`) removes.

What readers see: nothing of the load until the publish commits, then all of it. The one exception is a traversal
into a published node along a relationship whose far end it does not label (`COUNT { (s)<-[:CITES]-() }`), which
counts staged citations while they exist; delete statements see staged references too, so a record a staged one
points at cannot be deleted under it.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any

from neo4j import AsyncManagedTransaction
from neo4j.exceptions import ClientError, ConstraintError

from peacegraph.graph.bundles.load import (
    ENTITY_NOT_FOUND,
    LoadReport,
    Phase,
    graph_checks,
    missing_errors,
    plan_changes,
    plans,
)
from peacegraph.graph.bundles.parse import BundleError, BundleInvalid, ParsedBundle
from peacegraph.graph.domain.spec import NODES, all_links, write_order
from peacegraph.graph.settings import get_settings
from peacegraph.graph.store.catalog import statement
from peacegraph.graph.store.database import Database
from peacegraph.graph.store.writer import MissingTargets, WriteCounts, creatable, write_bundle


def new_load_id() -> str:
    """A load id that sorts by time: 'L20260101T120000-3f9a'."""
    return f"L{dt.datetime.now(dt.UTC):%Y%m%dT%H%M%S}-{secrets.token_hex(2)}"


_ORDER: dict[str, int] = {kind: i for i, kind in enumerate(write_order())}


def _route(row: dict[str, Any], kind: str, staged: dict[str, set[str]]) -> tuple[dict[str, Any], dict[str, Any]]:
    """A writer row as the rows of the two staging passes: the first creates the node with its citations, its links
    to the graph and to nodes staged before it (kinds earlier in the write order); the second, its links to nodes
    staged with or after it. Each row carries `wanted`, the relationships it asks for."""
    spec = NODES[kind]
    order = _ORDER
    sid = f"{kind}:{row['id']}"
    first: dict[str, Any] = {"sid": sid, "id": row["id"], "hash": row["hash"], "props": row["props"], "wanted": 0}
    second: dict[str, Any] = {"sid": sid, "wanted": 0}
    for lk in spec.links:
        graph: list[str] = []
        early: list[str] = []
        late: list[str] = []
        for ref in row[lk.name]:
            for home in lk.target_kinds:
                if ref in staged.get(home, ()):
                    (early if order[home] < order[kind] else late).append(f"{home}:{ref}")
                    break
            else:
                graph.append(ref)
        first[lk.name], first[f"staged_{lk.name}"], second[f"staged_{lk.name}"] = graph, early, late
        first["wanted"] += len(graph) + len(early)
        second["wanted"] += len(late)
    if spec.cites:
        cites, local_cites = [], []
        for c in row["cites"]:
            if c["source"] in staged.get("sources", ()):
                local_cites.append({**c, "source": f"sources:{c['source']}"})
            else:
                cites.append(c)
        first["cites"], first["staged_cites"] = cites, local_cites
        first["wanted"] += len(cites) + len(local_cites)
    return first, second


class StagingShort(RuntimeError):
    """A staging batch created fewer relationships than it asked for: some target is not in the graph."""


async def _missing_targets(db: Database, kind: str, rows: list[dict[str, Any]]) -> list[str]:
    """Which graph ids named by `rows` are not in the graph (the slow path after a short batch)."""
    want: dict[str, set[str]] = {}
    for path, lk in all_links(kind):
        if "." in path:
            continue
        for row in rows:
            for ref in row[lk.name]:
                for target in lk.target_kinds:
                    want.setdefault(target, set()).add(ref)
    for row in rows:
        for c in row.get("cites", []):
            want.setdefault("sources", set()).add(c["source"])
    found = await db.read("known_ids", ids={k: sorted(v) for k, v in want.items()})
    present = {(r["kind"], i) for r in found for i in r["ids"]}
    out = []
    for path, lk in all_links(kind):
        if "." in path:
            continue
        for row in rows:
            for ref in row[lk.name]:
                if not any((t, ref) in present for t in lk.target_kinds):
                    out.append(f"{kind} {row['id']}: {lk.name} {ref!r}")
    for row in rows:
        for c in row.get("cites", []):
            if ("sources", c["source"]) not in present:
                out.append(f"{kind} {row['id']}: cites {c['source']!r}")
    return out


@dataclass(frozen=True)
class Unfinished:
    """A bulk load that has not finished: interrupted (or running right now)."""

    load_id: str
    state: str | None  # 'staging', 'staged' (publish may have begun), None (staged nodes without a marker)
    files: list[str]
    updates: int
    staged: int


async def unfinished_loads(db: Database) -> list[Unfinished]:
    """Bulk loads with a marker or staged nodes left in the graph."""
    return [Unfinished(r["load"], r["state"], list(r["files"] or []), int(r["updates"] or 0), int(r["records"]))
            for r in await db.read("staged_loads")]


async def staged_loads(db: Database) -> dict[str, int]:
    """Bulk loads that left staged nodes or a marker: load id -> staged nodes."""
    return {u.load_id: u.staged for u in await unfinished_loads(db)}


async def finish(db: Database, load_id: str) -> str:
    """Settle an unfinished bulk load, in words: one cut short while staging is removed (readers never saw it);
    one whose every record was staged is published (it may have been half-published when it stopped)."""
    found = next((u for u in await unfinished_loads(db) if u.load_id == load_id), None)
    if found is None:
        return ""
    if found.state == "staged":
        await db.auto_commit(statement("publish_batched"), {"load": load_id})
        await db.run(statement("bulk_end"), {"load": load_id}, write=True)
        pending = (f"; its {found.updates:,} updates to records already in the graph were not applied: load the "
                   "same files again to apply them") if found.updates else ""
        return f"finished publishing the {found.staged:,} new records it had staged{pending}"
    await remove_staged(db, load_id)
    return f"removed the {found.staged:,} records it had staged (never visible to readers)"


async def remove_staged(db: Database, load_id: str) -> int:
    """Remove what a bulk load staged and its marker (batched, so any size fits); how many nodes it had staged."""
    count = sum(u.staged for u in await unfinished_loads(db) if u.load_id == load_id)
    if count:
        await db.auto_commit(statement("unstage"), {"load": load_id})
    await db.run(statement("bulk_end"), {"load": load_id}, write=True)
    return count


async def bulk_load(
    db: Database,
    parsed: Sequence[ParsedBundle],
    rows: dict[str, list[dict[str, Any]]],
    on_step: Callable[[str, str], None] | None = None,
    on_phase: Phase | None = None,
    load_id: str | None = None,
    batch: int | None = None,
    before_publish: Callable[[], Awaitable[None]] | None = None,
    publish_max: int | None = None,
) -> LoadReport:
    """Validate, stage in batches (`batch` records each, default PEACEGRAPH_BULK_BATCH_ROWS), publish; all or
    nothing. Up to `publish_max` staged records (PEACEGRAPH_BULK_PUBLISH_MAX) publish in one transaction, more in
    batches (see the module docstring). Raises BundleInvalid. `before_publish` runs between staging and publishing
    (tests race a concurrent writer there)."""
    settings = get_settings()
    load_id = load_id or new_load_id()
    batch = batch or settings.bulk_batch_rows
    publish_max = publish_max if publish_max is not None else settings.bulk_publish_max
    name = parsed[0].name if len(parsed) == 1 else f"{len(parsed)} bundles"

    async def check(tx: AsyncManagedTransaction) -> tuple[dict[tuple[str, str], str], list[BundleError]]:
        changes = await plan_changes(tx, rows)
        return changes, await graph_checks(tx, parsed, changes)

    changes, problems = await db.transaction(check, write=False)
    if problems:
        raise BundleInvalid(problems)
    staged: dict[str, set[str]] = {}
    later: dict[str, list[dict[str, Any]]] = {}
    counts = WriteCounts()
    for kind in write_order():
        for row in rows.get(kind, []):
            change = changes.get((kind, row["id"]), "new")
            if change == "new" and creatable(kind):
                staged.setdefault(kind, set()).add(row["id"])
                counts.add(kind, "new")
            elif change == "unchanged":
                counts.add(kind, "unchanged")
            else:
                later.setdefault(kind, []).append(row)
    total = sum(len(ids) for ids in staged.values())
    await db.run(statement("stage_index"), {}, write=True)
    await db.run("CALL db.awaitIndexes(300)", {}, write=True)
    await db.run(statement("bulk_begin"), {"load": load_id, "files": [pb.name for pb in parsed],
                                           "updates": sum(len(r) for r in later.values())}, write=True)
    if on_phase:
        on_phase("staging")
    try:
        await _stage(db, load_id, rows, staged, batch, counts, on_step, name)
        if before_publish is not None:
            await before_publish()
        conflicts = await db.read("staged_conflicts", load=load_id)
        if conflicts:
            raise ConflictingIds([f"{r['kind']} {r['id']!r}" for r in conflicts])
        if total > publish_max:
            await db.run(statement("bulk_staged"), {"load": load_id, "staged": total}, write=True)
    except BaseException as exc:
        await remove_staged(db, load_id)
        raise _explained(exc, parsed, name) from None
    if on_phase:
        on_phase("publishing")
    if total > publish_max:  # too large for one transaction: batches; from here an interruption publishes the rest
        await db.auto_commit(statement("publish_batched"), {"load": load_id})
    try:
        await _publish(db, load_id, later, {} if total > publish_max else staged, counts, on_step, name)
    except BaseException as exc:
        if total <= publish_max:
            await remove_staged(db, load_id)
        raise _explained(exc, parsed, name) from None
    if on_phase:
        on_phase("published")
    return LoadReport(plans(parsed, changes), counts, written=True, bulk=True, load_id=load_id)


class ConflictingIds(RuntimeError):
    """Records this load staged as new exist now: another writer created them while it ran."""


def _explained(exc: BaseException, parsed: Sequence[ParsedBundle], name: str) -> BaseException:
    """A failure of a bulk load as located errors where it is the caller's (BundleInvalid), else as it is."""
    if isinstance(exc, StagingShort):
        return BundleInvalid([BundleError(name, None, "", f"{exc}: deleted while this load ran? nothing of the load "
                                                          "was written")])
    if isinstance(exc, MissingTargets):
        return missing_errors(parsed, exc)
    if isinstance(exc, ClientError) and exc.code == ENTITY_NOT_FOUND:
        return BundleInvalid([BundleError(name, None, "", "a record this load links to was deleted while it ran: "
                                                          "nothing of it was written; load again to see which")])
    if isinstance(exc, ConflictingIds | ConstraintError):
        what = "; ".join(exc.args[0]) if isinstance(exc, ConflictingIds) else exc.message
        return BundleInvalid([BundleError(name, None, "", f"another writer created records this load stages as new "
                                                          f"while it ran ({what}): nothing of it was written; load "
                                                          "again")])
    return exc


async def _stage(db: Database, load_id: str, rows: dict[str, list[dict[str, Any]]], staged: dict[str, set[str]],
                 batch: int, counts: WriteCounts, on_step: Callable[[str, str], None] | None, name: str) -> None:
    later: dict[str, list[dict[str, Any]]] = {}
    for kind in write_order():
        ids = staged.get(kind)
        if not ids:
            continue
        mine = [r for r in rows[kind] if r["id"] in ids]
        later[kind] = []
        for start in range(0, len(mine), batch):  # routed a batch at a time: the loader holds one batch of them
            routed = [_route(r, kind, staged) for r in mine[start:start + batch]]
            later[kind] += [second for _, second in routed if second["wanted"]]
            await _batch(db, f"stage_{kind}", kind, [first for first, _ in routed], load_id, counts)
            counts.nodes_created += len(routed)
        if on_step:
            on_step(name, kind)
    for kind, seconds in later.items():
        for start in range(0, len(seconds), batch):
            await _batch(db, f"stage_links_{kind}", kind, seconds[start:start + batch], load_id, counts)


async def _batch(db: Database, statement_name: str, kind: str, part: list[dict[str, Any]], load_id: str,
                 counts: WriteCounts) -> None:
    """One staging batch in its own transaction; short of relationships means a target is not in the graph."""
    made = await _run(db, statement_name, part, load_id)
    counts.relationships_created += made
    if made != sum(r["wanted"] for r in part):
        missing = await _missing_targets(db, kind, [r for r in part if "props" in r])
        raise StagingShort("links name records that are not in the graph: " + ("; ".join(missing[:10]) or
                                                                                  "staged records removed meanwhile"))


async def _run(db: Database, name: str, rows: list[dict[str, Any]], load_id: str) -> int:
    """One staging batch in its own transaction; the relationships it created."""
    async def work(tx: AsyncManagedTransaction) -> int:
        result = await tx.run(statement(name), rows=rows, load=load_id)
        summary = await result.consume()
        return int(summary.counters.relationships_created)

    return await db.transaction(work)


async def _publish(db: Database, load_id: str, later: dict[str, list[dict[str, Any]]], staged: dict[str, set[str]],
                   counts: WriteCounts, on_step: Callable[[str, str], None] | None, name: str) -> None:
    """One transaction: the staged nodes of `staged` take their real labels (none when they were published in
    batches before), the records that update existing ones are written, and the load's marker goes."""
    expected = {kind: len(ids) for kind, ids in staged.items()}

    async def work(tx: AsyncManagedTransaction) -> WriteCounts:
        if expected:
            result = await tx.run(statement("publish"), load=load_id)
            published = {r["kind"]: r["published"] async for r in result}
            if published != expected:
                raise StagingShort(f"the staged records of load {load_id} changed while it ran "
                                   f"(expected {expected}, found {published})")
        extra = await write_bundle(tx, None, (lambda kind: on_step(name, kind)) if on_step else None, rows=later)
        await tx.run(statement("bulk_end"), load=load_id)
        return extra

    extra = await db.transaction(work)
    for kind, c in extra.per_kind.items():
        for change, n in c.items():
            counts.add(kind, change, n)
    counts.nodes_created += extra.nodes_created
    counts.relationships_created += extra.relationships_created
    counts.relationships_deleted += extra.relationships_deleted
