"""Load bundles: validate them all together, then write them in one managed transaction (all or nothing).

References to the graph, look-alike ids and cycles are checked inside the write transaction, and a link that finds
its target gone fails it, so a concurrent delete can never leave a fact pointing at nothing. Loads with many records
to write go the bulk way (graph/bundles/bulk.py): staged in batches, published in one transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from neo4j import AsyncManagedTransaction
from neo4j.exceptions import ClientError

from peacegraph.graph.bundles.parse import BundleError, BundleInvalid, ParsedBundle, loc_path
from peacegraph.graph.bundles.validate import (
    WHAT,
    chain_roots,
    check_actor_kinds,
    check_cycles,
    check_duplicates,
    check_lookalikes_in_graph,
    check_references,
    check_review,
    defined_ids,
    wanted_from_graph,
)
from peacegraph.graph.domain.model import BUNDLE_FORMAT, KINDS, Bundle
from peacegraph.graph.domain.spec import references, write_order
from peacegraph.graph.settings import get_settings
from peacegraph.graph.store.catalog import statement
from peacegraph.graph.store.database import Database
from peacegraph.graph.store.writer import CHANGES, MissingTargets, WriteCounts, rows_for, write_bundle

ENTITY_NOT_FOUND = "Neo.ClientError.Statement.EntityNotFound"
Phase = Callable[[str], None]
"""Told where a load stands: 'writing', 'committing', 'committed' (bulk: 'staging', 'publishing', 'published')."""


@dataclass
class BundlePlan:
    """What loading one bundle does: per kind, how many of its ids are new, updated or unchanged."""

    name: str
    counts: dict[str, dict[str, int]] = field(default_factory=dict)

    def total(self, change: str) -> int:
        return sum(c.get(change, 0) for c in self.counts.values())

    @property
    def new(self) -> dict[str, int]:
        return {k: c["new"] for k, c in self.counts.items()}

    @property
    def updated(self) -> dict[str, int]:
        return {k: c["updated"] for k, c in self.counts.items()}


@dataclass
class LoadReport:
    plans: list[BundlePlan]
    counts: WriteCounts
    written: bool
    bulk: bool = False
    load_id: str | None = None
    cleaned: int = 0
    """Records an earlier, interrupted bulk load had staged and that this load removed first."""
    initial: bool = False
    """Built with Neo4j's offline importer (a first load into an empty database, graph/bundles/initial.py)."""

    def total(self, change: str) -> int:
        return sum(p.total(change) for p in self.plans)


def combine(parsed: Sequence[ParsedBundle]) -> Bundle:
    """One bundle holding every record of `parsed` (the first of identical duplicates)."""
    sections: dict[str, list[Any]] = {kind: [] for kind in KINDS}
    seen: dict[str, set[str]] = {kind: set() for kind in KINDS}
    for pb in parsed:
        for kind in KINDS:
            for item in getattr(pb.bundle, kind):
                if item.id not in seen[kind]:
                    seen[kind].add(item.id)
                    sections[kind].append(item)
    values: dict[str, Any] = {"format": BUNDLE_FORMAT, "id": None, "description": None, **sections}
    return Bundle.model_construct(**values)


async def _existing(tx: AsyncManagedTransaction, ids: dict[str, list[str]]) -> dict[str, set[str]]:
    if not any(ids.values()):
        return {}
    result = await tx.run(statement("known_ids"), ids=ids)
    return {record["kind"]: set(record["ids"]) async for record in result}


async def plan_changes(tx: AsyncManagedTransaction, rows: dict[str, list[dict[str, Any]]],
                       batch: int = 20_000) -> dict[tuple[str, str], str]:
    """(kind, id) -> new | updated | unchanged, read without writing."""
    out: dict[tuple[str, str], str] = {}
    result = await tx.run(statement("label_counts"))
    held = {r["kind"]: r["n"] async for r in result}
    for kind in write_order():
        kind_rows = [{"id": r["id"], "hash": r["hash"]} for r in rows.get(kind, [])]
        if not held.get(kind):  # the graph holds none of this kind (or its actors): every record is new
            out.update(((kind, r["id"]), "new") for r in kind_rows)
            continue
        for start in range(0, len(kind_rows), batch):
            part = kind_rows[start:start + batch]
            result = await tx.run(statement(f"plan_{kind}"), rows=part)
            record = await result.single(strict=True)
            out.update(((kind, r["id"]), "new") for r in part)
            out.update(((kind, i), "unchanged") for i in record["unchanged"])
            out.update(((kind, i), "updated") for i in record["updated"])
    return out


async def graph_checks(tx: AsyncManagedTransaction, parsed: Sequence[ParsedBundle],
                       changes: dict[tuple[str, str], str]) -> list[BundleError]:
    """What needs the graph: references, actor kinds, cycles through links it holds, look-alikes of new ids."""
    wanted = wanted_from_graph(parsed)
    mine = {k: sorted(v) for k, v in defined_ids(parsed).items() if k in ("missions", "organizations")}
    known = await _existing(tx, wanted)
    known["actors"] = known.get("actors:missions", set()) | known.get("actors:organizations", set())
    present = await _existing(tx, {"actors": mine.get("missions", []) + mine.get("organizations", [])})
    problems = check_references(parsed, known) + check_actor_kinds(parsed, present)
    edges: dict[str, dict[str, str]] = {}
    for kind, roots in chain_roots(parsed).items():
        result = await tx.run(statement(f"ancestors_{kind}"), ids=roots)
        edges[kind] = {r["child"]: r["parent"] async for r in result}
    if edges:
        problems += check_cycles(parsed, edges)
    result = await tx.run(statement("label_counts"))
    held = {r["kind"]: r["n"] async for r in result}
    new: dict[str, list[str]] = {}
    for (kind, i), change in changes.items():
        if change == "new" and held.get(kind):  # look-alikes need something of the kind to look like
            new.setdefault(kind, []).append(i)
    if new:
        result = await tx.run(statement("lookalike_ids"), ids=new)
        found = [(r["kind"], r["id"], r["existing"]) async for r in result]
        problems += check_lookalikes_in_graph(parsed, found)
    return problems


def plans(parsed: Sequence[ParsedBundle], changes: dict[tuple[str, str], str]) -> list[BundlePlan]:
    """Per bundle, per kind: how many of its records are new, updated or unchanged."""
    out = []
    for pb in parsed:
        plan = BundlePlan(pb.name)
        for kind in KINDS:
            ids = {item.id for item in getattr(pb.bundle, kind)}
            if ids:
                plan.counts[kind] = dict.fromkeys(CHANGES, 0)
                for i in ids:
                    if (kind, i) in changes:
                        plan.counts[kind][changes[(kind, i)]] += 1
        out.append(plan)
    return out


def missing_errors(parsed: Sequence[ParsedBundle], exc: MissingTargets) -> BundleInvalid:
    """Links whose targets were deleted while the load ran, located at the records that name them."""
    refs = references()[exc.kind]
    where = {item.id: (pb, i, item) for pb in parsed for i, item in enumerate(getattr(pb.bundle, exc.kind))}
    errors = []
    for record_id, entries in exc.missing.items():
        for entry in entries:
            name, _, value = entry.partition(" ")
            pb, i, item = where.get(record_id, (parsed[0], None, None))
            loc: tuple[str | int, ...] = (exc.kind, i, name) if i is not None else (exc.kind,)
            target = getattr(item, name, None) if item is not None and "." not in name else None
            if isinstance(target, list) and value in target:
                loc = (*loc, target.index(value))
            what = WHAT.get(refs.get(name, ""), "record")
            errors.append(BundleError(pb.name, pb.line_of(loc) if i is not None else None, loc_path(loc),
                                      f"{what} {value!r} is not in the graph: it was deleted while this load ran "
                                      "(nothing of the load was written)"))
    return BundleInvalid(errors)


def check_offline(parsed: Sequence[ParsedBundle], allow_pending: bool = False) -> list[BundleError]:
    """Everything that can be judged without the graph: duplicates, clashes and look-alikes across files, cycles
    within the bundles, review states."""
    errors = check_duplicates(parsed)
    if not allow_pending:
        errors += check_review(parsed)
    return errors + check_cycles(parsed)


def rows_of(bundle: Bundle) -> dict[str, list[dict[str, Any]]]:
    """Statement rows per kind (rejected extracted facts left out)."""
    return {kind: rows for kind in write_order() if (rows := rows_for(kind, getattr(bundle, kind)))}


async def load_bundles(
    db: Database,
    parsed: Sequence[ParsedBundle],
    dry_run: bool = False,
    on_step: Callable[[str, str], None] | None = None,
    allow_pending: bool = False,
    bulk: bool | None = None,
    on_phase: Phase | None = None,
    load_id: str | None = None,
) -> LoadReport:
    """Validate all bundles together; if any is bad nothing is written, else all land in one transaction.

    `bulk`: None decides by size (at least `PEACEGRAPH_BULK_MIN_RECORDS` records to write); True or False forces it.
    Extracted facts marked `review: rejected` are not written; `pending` ones are refused unless `allow_pending`.
    Raises BundleInvalid with every located error.
    """
    errors = check_offline(parsed, allow_pending)
    if errors:
        raise BundleInvalid(errors)
    bundle = combine(parsed)
    rows = rows_of(bundle)
    size = sum(len(r) for r in rows.values())
    if not dry_run and (bulk or (bulk is None and size >= get_settings().bulk_min_records)):
        from peacegraph.graph.bundles.bulk import bulk_load

        return await bulk_load(db, parsed, rows, on_step=on_step, on_phase=on_phase, load_id=load_id)

    async def work(tx: AsyncManagedTransaction) -> LoadReport:
        if on_phase:
            on_phase("writing")
        changes = await plan_changes(tx, rows)
        problems = await graph_checks(tx, parsed, changes)
        if problems:
            raise BundleInvalid(problems)
        counts = WriteCounts()
        if not dry_run:
            name = parsed[0].name if len(parsed) == 1 else f"{len(parsed)} bundles"
            todo = {kind: [r for r in kind_rows if changes.get((kind, r["id"])) != "unchanged"]
                    for kind, kind_rows in rows.items()}
            try:
                counts = await write_bundle(tx, bundle, (lambda kind: on_step(name, kind)) if on_step else None,
                                            rows=todo, changes=changes)
            except MissingTargets as exc:
                raise missing_errors(parsed, exc) from None
            for kind, kind_rows in rows.items():
                unchanged = len(kind_rows) - len(todo[kind])
                if unchanged:
                    counts.add(kind, "unchanged", unchanged)
            if on_phase:
                on_phase("committing")
        return LoadReport(plans(parsed, changes), counts, written=not dry_run, load_id=load_id)

    for attempt in range(3):
        try:
            report = await db.transaction(work, write=not dry_run)
            break
        except ClientError as exc:
            # A node this load was linking to was deleted under it (after the load had found it): run the load
            # again from the start, so its checks see the graph as it is now and name what is missing.
            if exc.code != ENTITY_NOT_FOUND or attempt == 2:
                raise
    if on_phase and not dry_run:
        on_phase("committed")
    return report
