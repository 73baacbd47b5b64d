"""Trace a coverage fact back: mandate → mission → organisation → funding, with every source on the way."""

from __future__ import annotations

from typing import Any

from peacegraph.graph.store.convert import to_date
from peacegraph.graph.store.database import Database


class UnknownCoverage(LookupError):
    """No Coverage with that id."""


def _dates(d: dict[str, Any] | None) -> dict[str, Any] | None:
    if d is None:
        return None
    return {k: (to_date(v) if k in {"valid_from", "valid_to", "adopted"} else v) for k, v in d.items()}


async def trace(graph: Database, coverage: str) -> dict[str, Any]:
    """The whole chain behind one coverage fact, in one round trip."""
    rows = await graph.read("coverage_trace", id=coverage)
    if not rows:
        raise UnknownCoverage(f"no coverage fact with id {coverage!r}")
    row = rows[0]
    row["valid_from"], row["valid_to"] = to_date(row["valid_from"]), to_date(row["valid_to"])
    row["mandate"] = _dates(row["mandate"])
    row["funding"] = [_dates(f) for f in row["funding"]]
    return row
