"""Write a validated bundle inside the caller's transaction: batched UNWIND statements generated from the spec.

Nodes first (in the spec's write order), then their links. A record whose content hash is unchanged is skipped;
a link naming a node that does not exist (deleted meanwhile) raises MissingTargets, so the transaction rolls back
and nothing of the load lands.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import orjson
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
    """A stable hash of a record's content (what decides 'unchanged' on a reload): sha256 of its compact JSON with
    sorted keys and dates as ISO text (orjson writes what `json.dumps(sort_keys=True, separators=(",", ":"),
    ensure_ascii=False)` writes, several times faster)."""
    return hashlib.sha256(orjson.dumps(record, option=orjson.OPT_SORT_KEYS)).hexdigest()[:32]


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def row_for(spec: NodeSpec, item: Any) -> dict[str, Any]:
    """A model record as a statement row: {id, hash, props, cites, <link>: [ids], <component>: [rows]}."""
    data = item.model_dump(mode="python")
    row: dict[str, Any] = {"id": item.id, "hash": content_hash(data)}  # dates hash as their ISO text, as in JSON
    # nothing stored for None or an empty list (readers coalesce lists to []): one form whichever way it is written
    props = {p.name: data[p.name] for p in spec.props if p.name != "id" and data.get(p.name) not in (None, [])}
    if spec.search_text:
        props["aliases_text"] = " | ".join(x for name in spec.search_text for x in data.get(name) or [])
    extraction = data.get("extraction")
    if extraction:
        props.update({f"extraction_{k}": v for k, v in extraction.items()})
    row["props"] = props
    # what the MERGE statements keep of repeats: one link per target, one citation per (source, locator), last quote
    row["cites"] = list({(c["source"], c["locator"]): c for c in data.get("cites", [])}.values())
    for link in spec.links:
        row[link.name] = list(dict.fromkeys(_as_list(data[link.name])))
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


def creatable(kind: str) -> bool:
    """New records of this kind can be created outright (kinds with component records go through MERGE)."""
    return not NODES[kind].components


ORDER: dict[str, int] = {kind: i for i, kind in enumerate(write_order())}


def split_links(row: dict[str, Any], kind: str, new: dict[str, set[str]]) -> tuple[dict[str, Any], dict[str, Any]]:
    """A new record's row for `create_<kind>` (links to records that exist before it is created: in the graph, or
    new in an earlier kind) and for `create_links_<kind>` (links to records new in the same or a later kind).
    Each carries `wanted`: the relationships it asks for."""
    spec = NODES[kind]
    first = {**row, "wanted": len(row["cites"]) if spec.cites else 0}
    second: dict[str, Any] = {"id": row["id"], "wanted": 0}
    for lk in spec.links:
        now: list[str] = []
        later: list[str] = []
        for ref in row[lk.name]:
            home = next((k for k in lk.target_kinds if ref in new.get(k, ())), None)
            (later if home is not None and ORDER[home] >= ORDER[kind] else now).append(ref)
        first[lk.name], second[lk.name] = now, later
        first["wanted"] += len(now)
        second["wanted"] += len(later)
    return first, second


async def missing_targets(tx: AsyncManagedTransaction, kind: str, rows: list[dict[str, Any]]) -> dict[str, list[str]]:
    """For rows whose statement created fewer relationships than they asked for: record id -> ['field id', ...]
    naming no node (read inside `tx`, so it sees what the transaction created)."""
    spec = NODES[kind]
    want: dict[str, set[str]] = {}
    for row in rows:
        for lk in spec.links:
            for target in lk.target_kinds:
                want.setdefault(target, set()).update(row.get(lk.name, []))
        want.setdefault("sources", set()).update(c["source"] for c in row.get("cites", []))
    result = await tx.run(statement("known_ids"), ids={k: sorted(v) for k, v in want.items()})
    present = {(r["kind"], i) async for r in result for i in r["ids"]}
    out: dict[str, list[str]] = {}
    for row in rows:
        gone = [f"{lk.name} {ref}" for lk in spec.links for ref in row.get(lk.name, [])
                if not any((t, ref) in present for t in lk.target_kinds)]
        gone += [f"cites {c['source']}" for c in row.get("cites", []) if ("sources", c["source"]) not in present]
        if gone:
            out[row["id"]] = gone
    return out


async def _create(tx: AsyncManagedTransaction, name: str, kind: str, rows: list[dict[str, Any]],
                  counts: WriteCounts) -> None:
    result = await tx.run(statement(name), rows=rows)
    summary = await result.consume()
    counts.count(summary)
    if summary.counters.relationships_created != sum(r["wanted"] for r in rows):
        raise MissingTargets(kind, await missing_targets(tx, kind, rows) or {"?": ["a link target"]})


async def write_bundle(
    tx: AsyncManagedTransaction, bundle: Bundle | None, on_step: Callable[[str], None] | None = None, batch: int = 5000,
    rows: dict[str, list[dict[str, Any]]] | None = None, changes: dict[tuple[str, str], str] | None = None,
) -> WriteCounts:
    """Write every section of `bundle` (or the given `rows` per kind) inside `tx`. Idempotent, so the driver may
    retry it whole.

    With `changes` (the load's plan, read in the same transaction), records it found new are created outright
    (CREATE: no lookup of a node that is not there) and only the others go through MERGE; without it every record
    is merged. Links naming no node raise MissingTargets.
    """
    rows = rows if rows is not None else {k: rows_for(k, getattr(bundle, k, [])) for k in write_order()}
    counts = WriteCounts()
    new = {kind: {r["id"] for r in kind_rows if changes and changes.get((kind, r["id"])) == "new"}
           for kind, kind_rows in rows.items() if creatable(kind)}
    later: dict[str, list[dict[str, Any]]] = {}
    for kind in write_order():
        fresh = [r for r in rows.get(kind, []) if r["id"] in new.get(kind, ())]
        if not fresh:
            continue
        pairs = [split_links(r, kind, new) for r in fresh]
        later[kind] = [second for _, second in pairs if second["wanted"]]
        for start in range(0, len(pairs), batch):
            await _create(tx, f"create_{kind}", kind, [first for first, _ in pairs[start:start + batch]], counts)
        counts.add(kind, "new", len(fresh))
    changed: dict[str, list[dict[str, Any]]] = {}
    for kind in write_order():
        rest = [r for r in rows.get(kind, []) if r["id"] not in new.get(kind, ())]
        if not rest:
            if on_step and kind in new:
                on_step(kind)
            continue
        ids: set[str] = set()
        for start in range(0, len(rest), batch):
            result = await tx.run(statement(f"upsert_{kind}"), rows=rest[start:start + batch])
            async for record in result:
                counts.add(kind, record["change"])
                if record["change"] != "unchanged":
                    ids.add(record["id"])
            counts.count(await result.consume())
        changed[kind] = [r for r in rest if r["id"] in ids]
        if on_step:
            on_step(kind)
    for kind, seconds in later.items():
        for start in range(0, len(seconds), batch):
            await _create(tx, f"create_links_{kind}", kind, seconds[start:start + batch], counts)
    for kind in write_order():
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
