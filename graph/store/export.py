"""Read the whole graph back as one Bundle: export → wipe → load gives back the same graph."""

from __future__ import annotations

from typing import Any

from peacegraph.graph.domain.model import BUNDLE_FORMAT, KINDS, Bundle
from peacegraph.graph.domain.spec import NODES
from peacegraph.graph.store.convert import native
from peacegraph.graph.store.database import Database

DERIVED_PROPS = frozenset({"aliases_text", "_hash", "_lock"})


def record_from_row(kind: str, row: dict[str, Any]) -> dict[str, Any]:
    """One exported row (node properties + link ids + component records + citations) as a bundle record."""
    spec = NODES[kind]
    props = {k: native(v) for k, v in row["props"].items() if k not in DERIVED_PROPS and not k.startswith("_")}
    extraction = {k.removeprefix("extraction_"): props.pop(k) for k in list(props) if k.startswith("extraction_")}
    if extraction:
        props["extraction"] = extraction
    for link in spec.links:
        values = row[link.name]
        props[link.name] = sorted(values) if link.many else (values[0] if values else None)
    for comp in spec.components:
        names = [lk.name for lk in comp.links]
        props[comp.name] = sorted(row[comp.name], key=lambda h: tuple(h[n] or "" for n in names))
    if spec.cites:
        props["cites"] = sorted(row["cites"], key=lambda c: (c["source"], c["locator"]))
    return props


async def export_bundle(db: Database, bundle_id: str = "export") -> Bundle:
    """Every fact in the graph, as a bundle (one read query per kind)."""
    data: dict[str, Any] = {"format": BUNDLE_FORMAT, "id": bundle_id,
                            "description": "Export of a peacegraph database."}
    for kind in KINDS:
        rows = await db.read(f"export_{kind}")
        data[kind] = [record_from_row(kind, row) for row in rows]
    return Bundle.model_validate(data)
