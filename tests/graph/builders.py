"""Build small graphs for analysis tests: compact tuples in, a loaded bundle out."""

from __future__ import annotations

import datetime as dt
from typing import Any

from peacegraph.graph.bundles.load import load_bundles
from peacegraph.graph.bundles.parse import ParsedBundle
from peacegraph.graph.domain.model import Bundle
from peacegraph.graph.store.database import Database

SRC = [{"source": "test", "locator": "worked example"}]
TASK_GROUPS = {
    "civilian_protection": "protection", "human_rights": "protection", "child_protection": "protection",
    "electoral_assistance": "elections_politics", "mine_action": "military", "logistics_support": "partnership",
}


def d(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def world(
    missions: dict[str, str],
    coverage: list[tuple[Any, ...]],
    demand: list[str] | None = None,
    agreements: list[tuple[str, str]] | None = None,
    funding: list[tuple[str, str, str, list[str]]] | None = None,
    handover_transitions: list[dict[str, Any]] | None = None,
) -> Bundle:
    """A country ZZA with areas ZZA-north and ZZA-south, organisations un/au/eu, its government gov-zza.

    Args:
        missions: mission id -> lead organisation id.
        coverage: (id, actor, task, place, valid_from, valid_to[, status]) tuples.
        demand: task keys a mandate in force since 2000 assigns to ZZA.
        agreements: (org, org) pairs with an agreement in force since 2000.
        funding: (id, funder, recipient, [coverage ids paid for]).
    """
    data: dict[str, Any] = {
        "format": "peacegraph.bundle/1",
        "sources": [{"id": "test", "title": "Worked example", "kind": "other"}],
        "organizations": [
            {"id": "un", "name": "United Nations", "kind": "intergovernmental"},
            {"id": "au", "name": "African Union", "kind": "regional"},
            {"id": "eu", "name": "European Union", "kind": "regional"},
            {"id": "gov-zza", "name": "Government of Zedland", "kind": "government", "country": "ZZA"},
        ],
        "places": [
            {"id": "ZZA", "name": "Zedland", "kind": "country"},
            {"id": "ZZA-north", "name": "North", "kind": "region", "parent": "ZZA"},
            {"id": "ZZA-south", "name": "South", "kind": "region", "parent": "ZZA"},
        ],
        "tasks": [{"id": t, "group": g, "label": t.replace("_", " ")} for t, g in TASK_GROUPS.items()],
        "missions": [
            {"id": m, "name": m.upper(), "kind": "other", "led_by": [org], "deployed_in": ["ZZA"],
             "valid_from": "2000-01-01", "cites": SRC}
            for m, org in missions.items()
        ],
        "mandates": [],
        "coverages": [],
        "funding_lines": [],
        "agreements": [],
        "transitions": handover_transitions or [],
    }
    if demand:
        data["mandates"].append({"id": "R1", "kind": "unsc_resolution", "issued_by": "un", "valid_from": "2000-01-01",
                                 "tasks": demand, "places": ["ZZA"], "authorizes": sorted(missions)[:1],
                                 "cites": SRC})
    for row in coverage:
        cid, actor, task, place, start, end, *rest = row
        data["coverages"].append({"id": cid, "actor": actor, "task": task, "place": place, "valid_from": start,
                                  "valid_to": end, "status": rest[0] if rest else "actual", "cites": SRC})
    for i, (a, b) in enumerate(agreements or []):
        data["agreements"].append({"id": f"ag{i}", "name": f"{a.upper()}-{b.upper()} framework", "kind": "framework",
                                   "parties": [a, b], "valid_from": "2000-01-01", "cites": SRC})
    for fid, funder, recipient, pays in funding or []:
        data["funding_lines"].append({"id": fid, "name": f"{funder} to {recipient}", "funders": [funder],
                                      "recipient": recipient, "instrument": "bilateral", "amount": 1000000,
                                      "currency": "EUR", "valid_from": "2000-01-01", "pays_for": pays, "cites": SRC})
    return Bundle.model_validate(data)


async def load(graph: Database, bundle: Bundle) -> None:
    await load_bundles(graph, [ParsedBundle("test", bundle, None)])
