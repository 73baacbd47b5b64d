"""Who pays for whom, and which mandates authorise whom, on a date (batched for many actors at once)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from peacegraph.graph.store.convert import to_date
from peacegraph.graph.store.database import Database


async def funding_for_actors(graph: Database, actors: list[str], on: dt.date) -> dict[str, list[dict[str, Any]]]:
    """Funding lines in force on `on` for each actor: lines that fund it or pay for its coverage. One round trip."""
    if not actors:
        return {}
    out: dict[str, list[dict[str, Any]]] = {}
    for row in await graph.read("funding_for_actors", actors=actors, on=on):
        actor = row.pop("actor")
        row["valid_from"], row["valid_to"] = to_date(row["valid_from"]), to_date(row["valid_to"])
        row["funders"] = tuple(sorted(row["funders"]))
        out.setdefault(actor, []).append(row)
    return out


async def mandates_for_actors(graph: Database, actors: list[str], on: dt.date) -> dict[str, list[str]]:
    """Mandates in force on `on` that authorise each mission, newest first. One round trip."""
    if not actors:
        return {}
    out: dict[str, list[str]] = {}
    for row in await graph.read("mandates_for_actors", actors=actors, on=on):
        out.setdefault(row["actor"], []).append(row["mandate"])
    return out
