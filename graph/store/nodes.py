"""Load nodes of one label by id, with their link ids and citations: the batch function behind API loaders."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from peacegraph.graph.domain.spec import KIND_OF_LABEL, date_props
from peacegraph.graph.store.convert import to_date
from peacegraph.graph.store.database import Database

DATE_PROPS = date_props()


def _clean(row: dict[str, Any]) -> dict[str, Any]:
    props = {k: (to_date(v) if k in DATE_PROPS else v) for k, v in row.pop("props").items()}
    return {**props, **row}


async def load_nodes(graph: Database, label: str, ids: Sequence[str]) -> list[dict[str, Any] | None]:
    """Rows for `ids` in the same order (None where no such node). One round trip whatever the count."""
    rows = await graph.read(f"node_{KIND_OF_LABEL[label]}", ids=list(dict.fromkeys(ids)))
    by_id = {r["id"]: _clean(r) for r in rows}
    return [by_id.get(i) for i in ids]
