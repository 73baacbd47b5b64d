"""Load bundles: validate them all together, then write them in one managed transaction (all or nothing).

References to the graph are checked inside the write transaction, and a link that finds its target gone fails
it, so a concurrent delete can never leave a fact pointing at nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from neo4j import AsyncManagedTransaction

from peacegraph.graph.bundles.parse import BundleError, BundleInvalid, ParsedBundle
from peacegraph.graph.bundles.validate import (
    check_actor_kinds,
    check_duplicates,
    check_references,
    check_review,
    defined_ids,
    wanted_from_graph,
)
from peacegraph.graph.domain.model import BUNDLE_FORMAT, KINDS, Bundle
from peacegraph.graph.domain.spec import write_order
from peacegraph.graph.store.catalog import statement
from peacegraph.graph.store.database import Database
from peacegraph.graph.store.writer import CHANGES, WriteCounts, rows_for, write_bundle


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


async def _changes(tx: AsyncManagedTransaction, bundle: Bundle) -> dict[tuple[str, str], str]:
    """(kind, id) -> new | updated | unchanged, read without writing."""
    out: dict[tuple[str, str], str] = {}
    for kind in write_order():
        rows = [{"id": r["id"], "hash": r["hash"]} for r in rows_for(kind, getattr(bundle, kind))]
        if rows:
            result = await tx.run(statement(f"plan_{kind}"), rows=rows)
            async for record in result:
                out[(kind, record["id"])] = record["change"]
    return out


def _plans(parsed: Sequence[ParsedBundle], changes: dict[tuple[str, str], str]) -> list[BundlePlan]:
    plans = []
    for pb in parsed:
        plan = BundlePlan(pb.name)
        for kind in KINDS:
            ids = {item.id for item in getattr(pb.bundle, kind)}
            if ids:
                plan.counts[kind] = dict.fromkeys(CHANGES, 0)
                for i in ids:
                    if (kind, i) in changes:
                        plan.counts[kind][changes[(kind, i)]] += 1
        plans.append(plan)
    return plans


def check_offline(parsed: Sequence[ParsedBundle], allow_pending: bool = False) -> list[BundleError]:
    """Everything that can be judged without the graph: duplicates and clashes across files, review states."""
    errors = check_duplicates(parsed)
    if not allow_pending:
        errors += check_review(parsed)
    return errors


async def load_bundles(
    db: Database,
    parsed: Sequence[ParsedBundle],
    dry_run: bool = False,
    on_step: Callable[[str, str], None] | None = None,
    allow_pending: bool = False,
) -> LoadReport:
    """Validate all bundles together; if any is bad nothing is written, else all land in one transaction.

    Extracted facts marked `review: rejected` are not written; `pending` ones are refused unless `allow_pending`.
    Raises BundleInvalid with every located error.
    """
    errors = check_offline(parsed, allow_pending)
    if errors:
        raise BundleInvalid(errors)
    bundle = combine(parsed)
    wanted = wanted_from_graph(parsed)
    mine = {k: sorted(v) for k, v in defined_ids(parsed).items() if k in ("missions", "organizations")}

    async def work(tx: AsyncManagedTransaction) -> LoadReport:
        known = await _existing(tx, wanted)
        known["actors"] = known.get("actors:missions", set()) | known.get("actors:organizations", set())
        present = await _existing(tx, {"actors": mine.get("missions", []) + mine.get("organizations", [])})
        problems = check_references(parsed, known) + check_actor_kinds(parsed, present)
        if problems:
            raise BundleInvalid(problems)
        changes = await _changes(tx, bundle)
        counts = WriteCounts()
        if not dry_run:
            name = parsed[0].name if len(parsed) == 1 else f"{len(parsed)} bundles"
            counts = await write_bundle(tx, bundle, (lambda kind: on_step(name, kind)) if on_step else None)
        return LoadReport(_plans(parsed, changes), counts, written=not dry_run)

    return await db.transaction(work, write=not dry_run)
