"""A fingerprint of the whole graph (every node and relationship with its labels, type and properties), to show that
a refused or interrupted load changed nothing. API keys are left out: using one may stamp it."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from peacegraph.graph.store.database import Database

NODES = """
MATCH (n) WHERE NOT n:ApiKey
RETURN labels(n) AS labels, properties(n) AS props
"""
RELATIONSHIPS = """
MATCH (a)-[r]->(b) WHERE NOT a:ApiKey AND NOT b:ApiKey
RETURN a.id AS start, labels(a) AS start_labels, type(r) AS type, properties(r) AS props, b.id AS end,
       labels(b) AS end_labels
"""


def _canonical(rows: list[dict[str, Any]]) -> list[str]:
    return sorted(json.dumps(r, sort_keys=True, default=str, ensure_ascii=False) for r in rows)


async def graph_state(db: Database, ignore: frozenset[str] = frozenset()) -> tuple[list[str], list[str]]:
    """Every node and every relationship as canonical text, sorted (node properties in `ignore` left out)."""
    for row in (nodes := [dict(r) for r in await db.run(NODES, {})]):
        row["labels"] = sorted(row["labels"])
        row["props"] = {k: v for k, v in row["props"].items() if k not in ignore}
    rels = [dict(r) for r in await db.run(RELATIONSHIPS, {})]
    for row in rels:
        row["start_labels"], row["end_labels"] = sorted(row["start_labels"]), sorted(row["end_labels"])
    return _canonical(nodes), _canonical(rels)


async def fingerprint(db: Database, ignore: frozenset[str] = frozenset()) -> str:
    """sha256 over every node and relationship with their properties (order-free; node properties in `ignore`
    left out)."""
    nodes, rels = await graph_state(db, ignore)
    digest = hashlib.sha256()
    for line in [*nodes, "--", *rels]:
        digest.update(line.encode())
        digest.update(b"\n")
    return f"{len(nodes)} nodes, {len(rels)} relationships, sha256 {digest.hexdigest()[:16]}"
