"""Read the whole graph back as one Bundle: export → wipe → load gives back the same graph."""

from __future__ import annotations

from typing import Any

from neo4j.time import Date, DateTime

from peacegraph.graph.domain.model import BUNDLE_FORMAT, KINDS, Bundle
from peacegraph.graph.store.database import Graph
from peacegraph.graph.store.writer import LINK_FIELDS

# link fields that hold one id (the export query returns a list of at most one)
SINGLE_LINKS = {"part_of", "country", "parent", "issued_by", "renews", "actor", "task", "place", "mandate",
                "recipient", "from_actor"}
DERIVED_PROPS = {"aliases_text"}


def _native(value: Any) -> Any:
    if isinstance(value, Date | DateTime):
        return value.to_native()
    return value


def record_from_row(kind: str, row: dict[str, Any]) -> dict[str, Any]:
    """One exported row (node properties + link ids + citations) as a bundle record."""
    props = {k: _native(v) for k, v in row["props"].items() if k not in DERIVED_PROPS}
    extraction = {k.removeprefix("extraction_"): props.pop(k) for k in list(props) if k.startswith("extraction_")}
    if extraction:
        props["extraction"] = extraction
    for link in LINK_FIELDS.get(kind, set()):
        values = row[link]
        if link in SINGLE_LINKS:
            props[link] = values[0] if values else None
        elif link == "handovers":
            props[link] = sorted(values, key=lambda h: (h["task"], h["to"], h["place"] or ""))
        else:
            props[link] = sorted(values)
    if "cites" in row:
        props["cites"] = sorted(row["cites"], key=lambda c: (c["source"], c["locator"]))
    return props


async def export_bundle(graph: Graph, bundle_id: str = "export") -> Bundle:
    """Every fact in the graph, as a bundle (10 read queries, one per kind)."""
    data: dict[str, Any] = {"format": BUNDLE_FORMAT, "id": bundle_id,
                            "description": "Export of a peacegraph database."}
    for kind in KINDS:
        rows = await graph.read(f"export_{kind}")
        data[kind] = [record_from_row(kind, row) for row in rows]
    return Bundle.model_validate(data)
