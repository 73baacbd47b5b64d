"""Small hand-built worlds for the analysis tests: compact tuples in, a validated Bundle out (loaded into Neo4j by
the integration tier, built in memory by the unit tier)."""

from __future__ import annotations

from typing import Any

from peacegraph.graph.bundles.load import load_bundles
from peacegraph.graph.bundles.parse import ParsedBundle
from peacegraph.graph.domain.model import Bundle
from peacegraph.graph.store.database import Database

SRC = [{"source": "test", "locator": "worked example"}]
TASK_GROUPS = {
    "civilian_protection": "protection", "human_rights": "protection", "child_protection": "protection",
    "electoral_assistance": "elections_politics", "mine_action": "military", "use_of_force": "military",
    "logistics_support": "partnership", "financing_support": "partnership",
}


def world(
    missions: dict[str, str],
    coverage: list[tuple[Any, ...]],
    demand: list[str] | None = None,
    agreements: list[tuple[str, str]] | None = None,
    funding: list[tuple[str, str, str, list[str]]] | None = None,
    transitions: list[dict[str, Any]] | None = None,
    mandates: list[dict[str, Any]] | None = None,
    mission_fields: dict[str, dict[str, Any]] | None = None,
    extra: dict[str, list[dict[str, Any]]] | None = None,
) -> Bundle:
    """A country ZZA with areas ZZA-north and ZZA-south, organisations un/au/eu, its government gov-zza.

    Args:
        missions: mission id -> lead organisation id (deployed in ZZA from 2000-01-01, open-ended).
        coverage: (id, actor, task, place, valid_from, valid_to[, status[, mandate]]) tuples.
        demand: task keys a mandate R1 in force since 2000 assigns to ZZA (authorising the first mission).
        agreements: (org, org) pairs with an agreement in force since 2000.
        funding: (id, funder, recipient, [coverage ids paid for]).
        transitions: Transition records.
        mandates: more Mandate records.
        mission_fields: fields to set on a mission (valid_to, verified_on, deployed_in, ...).
        extra: more records per section (places, organizations, missions, ...).
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
             "valid_from": "2000-01-01", "verified_on": "2021-01-01", "cites": SRC, **(mission_fields or {}).get(m, {})}
            for m, org in missions.items()
        ],
        "mandates": list(mandates or []),
        "coverages": [],
        "funding_lines": [],
        "agreements": [],
        "transitions": transitions or [],
    }
    if demand:
        data["mandates"].append({"id": "R1", "kind": "unsc_resolution", "issued_by": "un", "valid_from": "2000-01-01",
                                 "action": "establish", "tasks": demand, "places": ["ZZA"],
                                 "authorizes": sorted(missions)[:1], "cites": SRC})
    for row in coverage:
        cid, actor, task, place, start, end, *rest = row
        record = {"id": cid, "actor": actor, "task": task, "place": place, "valid_from": start, "valid_to": end,
                  "status": rest[0] if rest else "actual", "cites": SRC}
        if len(rest) > 1 and rest[1]:
            record["mandate"] = rest[1]
        data["coverages"].append(record)
    for i, (a, b) in enumerate(agreements or []):
        data["agreements"].append({"id": f"ag{i}", "name": f"{a.upper()}-{b.upper()} framework", "kind": "framework",
                                   "parties": [a, b], "valid_from": "2000-01-01", "cites": SRC})
    for fid, funder, recipient, pays in funding or []:
        data["funding_lines"].append({"id": fid, "name": f"{funder} to {recipient}", "funders": [funder],
                                      "recipient": recipient, "instrument": "bilateral", "amount": 1000000,
                                      "currency": "EUR", "valid_from": "2000-01-01", "pays_for": pays, "cites": SRC})
    for section, records in (extra or {}).items():
        data[section] = data.get(section, []) + records
    return Bundle.model_validate(data)


async def load(graph: Database, bundle: Bundle) -> None:
    await load_bundles(graph, [ParsedBundle("test", bundle, None)])
