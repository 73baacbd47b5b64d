"""What extraction reads from the graph once: the gazetteer, mission dates, mandates and sources."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from peacegraph.graph.store.database import Database
from peacegraph.seed.extract.council.missions import MissionDates
from peacegraph.seed.extract.council.records import GraphMandate
from peacegraph.seed.extract.gazetteer import Gazetteer
from peacegraph.seed.extract.sources import SourceIndex


def _date(value: Any) -> dt.date | None:
    if value is None:
        return None
    if hasattr(value, "to_native"):
        value = value.to_native()
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


@dataclass
class ExtractContext:
    """The graph's names (gazetteer), when missions were active, its mandates and its sources."""

    gaz: Gazetteer
    dates: dict[str, MissionDates] = field(default_factory=dict)
    mandates: list[GraphMandate] = field(default_factory=list)
    sources: SourceIndex = field(default_factory=lambda: SourceIndex([]))


def context_from_rows(gazetteer: list[dict[str, Any]], missions: list[dict[str, Any]],
                      mandates: list[dict[str, Any]], sources: list[dict[str, Any]],
                      reports_dir: Path | None = None) -> ExtractContext:
    """Build the context from the rows of the four `cypher/` statements (also used by tests without Neo4j)."""
    return ExtractContext(
        Gazetteer.from_rows(gazetteer),
        {r["id"]: MissionDates(_date(r.get("valid_from")), _date(r.get("valid_to"))) for r in missions},
        [GraphMandate(str(r["id"]), _date(r.get("adopted")), _date(r.get("valid_from")), _date(r.get("valid_to")),
                      r.get("action"), tuple(r.get("authorizes") or ())) for r in mandates],
        SourceIndex(sources, reports_dir),
    )


async def load_context(graph: Database, reports_dir: Path | None = None) -> ExtractContext:
    """Read the context from the graph (four reads)."""
    return context_from_rows(await graph.read("gazetteer"), await graph.read("extract_missions"),
                             await graph.read("extract_mandates"), await graph.read("extract_sources"),
                             reports_dir)
