"""Write a validated bundle inside the caller's transaction: batched UNWIND statements generated from the spec.

Nodes first (in the spec's write order), then their links. A record whose content hash is unchanged is skipped;
a link naming a node that does not exist (deleted meanwhile) raises MissingTargets, so the transaction rolls back
and nothing of the load lands.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from neo4j import AsyncManagedTransaction

from peacegraph.graph.domain.model import Bundle
from peacegraph.graph.domain.spec import NODES, NodeSpec, write_order
from peacegraph.graph.store.catalog import statement

CHANGES = ("new", "updated", "unchanged")


class MissingTargets(RuntimeError):
    """Links name nodes that are not in the graph (they were deleted while the load ran)."""

    def __init__(self, kind: str, missing: dict[str, list[str]]) -> None:
        self.kind = kind
        self.missing = missing
        shown = "; ".join(f"{i}: {', '.join(refs)}" for i, refs in list(missing.items())[:10])
        super().__init__(f"{kind}: links name nodes that are not in the graph (deleted meanwhile?): {shown}")


@dataclass
class WriteCounts:
    """Per kind, how many records were new, updated or unchanged."""

    per_kind: dict[str, dict[str, int]] = field(default_factory=dict)
    nodes_created: int = 0
    relationships_created: int = 0
    relationships_deleted: int = 0

    def count(self, summary: Any) -> None:
        """Add a statement's counters (from its result summary)."""
        c = summary.counters
        self.nodes_created += c.nodes_created
        self.relationships_created += c.relationships_created
        self.relationships_deleted += c.relationships_deleted

    def add(self, kind: str, change: str, n: int = 1) -> None:
        self.per_kind.setdefault(kind, dict.fromkeys(CHANGES, 0))[change] += n

    def total(self, change: str) -> int:
        return sum(c[change] for c in self.per_kind.values())


def content_hash(record: dict[str, Any]) -> str:
    """A stable hash of a record's content (what decides 'unchanged' on a reload)."""
    text = json.dumps(record, sort_keys=True, default=str, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def row_for(spec: NodeSpec, item: Any) -> dict[str, Any]:
    """A model record as a statement row: {id, hash, props, cites, <link>: [ids], <component>: [rows]}."""
    data = item.model_dump(mode="python")
    row: dict[str, Any] = {"id": item.id, "hash": content_hash(data)}  # dates hash as their ISO text, as in JSON
    props = {p.name: data[p.name] for p in spec.props if p.name != "id" and data.get(p.name) is not None}
    if spec.search_text:
        props["aliases_text"] = " | ".join(x for name in spec.search_text for x in data.get(name) or [])
    extraction = data.get("extraction")
    if extraction:
        props.update({f"extraction_{k}": v for k, v in extraction.items()})
    row["props"] = props
    row["cites"] = data.get("cites", [])
    for link in spec.links:
        row[link.name] = _as_list(data[link.name])
    for comp in spec.components:
        subs = []
        for sub in data[comp.name]:
            key = "|".join([item.id, *(str(sub.get(lk.name) or "") for lk in comp.links)])
            subs.append({"id": key, **{lk.name: _as_list(sub.get(lk.name)) for lk in comp.links}})
        row[comp.name] = subs
    return row


def rows_for(kind: str, items: Iterable[Any]) -> list[dict[str, Any]]:
    """Rows of the records to write: the first of duplicate ids, never an extracted fact marked rejected."""
    spec, rows, seen = NODES[kind], [], set()
    for item in items:
        extraction = getattr(item, "extraction", None)
        if item.id in seen or (extraction is not None and extraction.review == "rejected"):
            continue
        seen.add(item.id)
        rows.append(row_for(spec, item))
    return rows


async def write_bundle(
    tx: AsyncManagedTransaction, bundle: Bundle | None, on_step: Callable[[str], None] | None = None, batch: int = 5000,
    rows: dict[str, list[dict[str, Any]]] | None = None, kinds: Iterable[str] | None = None,
) -> WriteCounts:
    """Write every section of `bundle` (or the given `rows` per kind; only `kinds` when given) inside `tx`.
    Idempotent, so the driver may retry it whole."""
    counts = WriteCounts()
    changed: dict[str, list[dict[str, Any]]] = {}
    order = [k for k in write_order() if kinds is None or k in set(kinds)]
    for kind in order:
        rows_of_kind = rows.get(kind, []) if rows is not None else rows_for(kind, getattr(bundle, kind, []))
        if not rows_of_kind:
            continue
        ids: set[str] = set()
        for start in range(0, len(rows_of_kind), batch):
            result = await tx.run(statement(f"upsert_{kind}"), rows=rows_of_kind[start:start + batch])
            async for record in result:
                counts.add(kind, record["change"])
                if record["change"] != "unchanged":
                    ids.add(record["id"])
            counts.count(await result.consume())
        changed[kind] = [r for r in rows_of_kind if r["id"] in ids]
        if on_step:
            on_step(kind)
    for kind in order:
        kind_rows = changed.get(kind, [])
        spec = NODES[kind]
        if not kind_rows or not (spec.links or spec.components):
            continue
        missing: dict[str, list[str]] = {}
        for start in range(0, len(kind_rows), batch):
            result = await tx.run(statement(f"link_{kind}"), rows=kind_rows[start:start + batch])
            async for record in result:
                missing[record["id"]] = list(record["missing"])
            counts.count(await result.consume())
        if missing:
            raise MissingTargets(kind, missing)
    return counts
