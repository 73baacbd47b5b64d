"""Write a validated bundle in one transaction: batched UNWIND/MERGE statements, nodes first, then links."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Final

from neo4j import AsyncManagedTransaction

from peacegraph.graph.bundles.validate import REFERENCES
from peacegraph.graph.domain.model import KINDS, Bundle
from peacegraph.graph.store.catalog import statement

# Fields stored as relationships rather than node properties (besides `cites`), per bundle section.
LINK_FIELDS: Final[dict[str, set[str]]] = {
    kind: {f.split(".")[0] for f in fields} for kind, fields in REFERENCES.items()
}
# Write order: what a section links to exists before its links are written.
WRITE_ORDER: Final[tuple[str, ...]] = (
    "sources", "places", "organizations", "tasks", "missions", "mandates",
    "coverages", "funding_lines", "transitions", "agreements",
)
SEARCHABLE: Final[frozenset[str]] = frozenset({"organizations", "places", "missions"})


@dataclass
class WriteCounts:
    """What a write changed, summed over its statements (from Neo4j's result counters)."""

    nodes_created: int = 0
    nodes_deleted: int = 0
    relationships_created: int = 0
    relationships_deleted: int = 0
    properties_set: int = 0
    labels_added: int = 0
    per_kind: dict[str, int] = field(default_factory=dict)

    def add(self, other: WriteCounts) -> None:
        for name in ("nodes_created", "nodes_deleted", "relationships_created", "relationships_deleted",
                     "properties_set", "labels_added"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for kind, n in other.per_kind.items():
            self.per_kind[kind] = self.per_kind.get(kind, 0) + n


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def rows_for(kind: str, items: list[Any]) -> list[dict[str, Any]]:
    """Turn model records into statement rows: {id, props, cites, <link fields as lists>}."""
    links = LINK_FIELDS.get(kind, set())
    rows = []
    seen: set[str] = set()
    for item in items:
        extraction = getattr(item, "extraction", None)
        if item.id in seen or (extraction is not None and extraction.review == "rejected"):
            continue
        seen.add(item.id)
        data = item.model_dump(mode="python")
        props = {k: v for k, v in data.items() if k not in links and k not in {"id", "cites"} and v is not None}
        extraction = props.pop("extraction", None)
        if extraction:
            props.update({f"extraction_{k}": v for k, v in extraction.items()})
        if kind in SEARCHABLE:
            props["aliases_text"] = " | ".join(data.get("aliases", []) + data.get("adjectives", []))
        row: dict[str, Any] = {"id": item.id, "props": props, "cites": data.get("cites", [])}
        for link in links:
            if link == "handovers":
                row["handovers"] = [
                    {**h, "id": f"{item.id}|{h['task']}|{h['to']}|{h.get('place') or ''}", "place": _as_list(h["place"])}
                    for h in data["handovers"]
                ]
            else:
                row[link] = _as_list(data[link])
        rows.append(row)
    return rows


async def _run(tx: AsyncManagedTransaction, name: str, rows: list[dict[str, Any]], counts: WriteCounts) -> None:
    result = await tx.run(statement(name), rows=rows)
    summary = await result.consume()
    c = summary.counters
    counts.nodes_created += c.nodes_created
    counts.nodes_deleted += c.nodes_deleted
    counts.relationships_created += c.relationships_created
    counts.relationships_deleted += c.relationships_deleted
    counts.properties_set += c.properties_set
    counts.labels_added += c.labels_added


async def write_bundle(
    tx: AsyncManagedTransaction, bundle: Bundle, on_step: Callable[[str], None] | None = None, batch: int = 2000
) -> WriteCounts:
    """Write every section of `bundle` inside `tx` (the caller's one transaction). Idempotent, so retry-safe."""
    counts = WriteCounts()
    for kind in WRITE_ORDER:
        rows = rows_for(kind, getattr(bundle, kind))
        if not rows:
            continue
        counts.per_kind[kind] = len(rows)
        for start in range(0, len(rows), batch):
            await _run(tx, f"upsert_{kind}", rows[start:start + batch], counts)
        if on_step:
            on_step(kind)
    for kind in WRITE_ORDER:
        rows = rows_for(kind, getattr(bundle, kind))
        if rows and kind in LINK_FIELDS:
            for start in range(0, len(rows), batch):
                await _run(tx, f"link_{kind}", rows[start:start + batch], counts)
    return counts


assert set(WRITE_ORDER) == set(KINDS)
