"""Synthetic graphs with the bundled dataset's shape, for benchmarks: `peacegraph synth --scale N`.

Scale 1 is about the size of the bundled dataset (50 missions and organisations, ~350 coverage facts in
20 countries); scale N has N times the actors, coverage facts, mandates and funding lines, in the same
20 countries (each with 5 areas), as when agencies and NGOs of 3W tables join the missions.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from peacegraph.graph.domain.model import BUNDLE_FORMAT, Bundle

GROUPS = {
    "protection": ["civilian_protection", "human_rights", "child_protection", "sgbv"],
    "ddr": ["disarmament_demobilisation", "reintegration"],
    "security_rule_of_law": ["police_reform", "justice_reform", "capacity_building"],
    "elections_politics": ["electoral_assistance", "public_information"],
    "peace_process": ["ceasefire_monitoring", "peace_process_support", "local_reconciliation"],
    "socioeconomic": ["humanitarian_relief", "refugees_idps"],
    "military": ["mine_action", "counter_terrorism"],
    "partnership": ["logistics_support", "financing_support"],
}
ORGS = ["un", "au", "eu", "nato", "ecowas", "igad"]
COUNTRIES = 20
AREAS = 5


def synth_bundle(scale: int = 1, seed: int = 7) -> Bundle:
    """A synthetic bundle; deterministic for a given (scale, seed)."""
    rng = random.Random(seed)
    cite = [{"source": "synthetic", "locator": "generated"}]
    data: dict[str, Any] = {
        "format": BUNDLE_FORMAT, "id": f"synth-{scale}",
        "description": f"Synthetic graph at scale {scale} (peacegraph synth)",
        "sources": [{"id": "synthetic", "title": "Synthetic benchmark data", "kind": "other"}],
        "tasks": [{"id": t, "group": g, "label": t.replace("_", " ")} for g, ts in GROUPS.items() for t in ts],
        "organizations": [{"id": o, "name": o.upper(), "kind": "intergovernmental"} for o in ORGS],
        "places": [], "missions": [], "mandates": [], "coverages": [], "funding_lines": [], "agreements": [],
    }
    tasks = [t["id"] for t in data["tasks"]]
    countries = [f"S{c:02d}" for c in range(COUNTRIES)]
    for c in countries:
        data["places"].append({"id": c, "name": f"Synthland {c}", "kind": "country"})
        data["organizations"].append({"id": f"gov-{c.lower()}", "name": f"Government of {c}", "kind": "government",
                                      "country": c})
        data["places"] += [{"id": f"{c}-a{a}", "name": f"{c} area {a}", "kind": "region", "parent": c}
                           for a in range(AREAS)]
    data["agreements"] = [{"id": f"ag-{a}-{b}", "name": f"{a}-{b} framework", "kind": "framework",
                           "parties": [a, b], "valid_from": "2000-01-01", "cites": cite}
                          for a, b in (("un", "au"), ("un", "eu"), ("eu", "au"), ("un", "nato"))]
    n_actors = 50 * scale
    for i in range(n_actors):
        country = countries[i % COUNTRIES]
        start = dt.date(rng.randint(1995, 2020), rng.choice([1, 4, 7, 10]), 1)
        end = start.replace(year=start.year + rng.randint(2, 12)) if rng.random() < 0.7 else None
        mid = f"sm{i}"
        data["missions"].append({"id": mid, "name": f"Synthetic mission {i}", "acronym": f"SM{i}",
                                 "kind": "other", "led_by": [rng.choice(ORGS)], "deployed_in": [country],
                                 "valid_from": start, "valid_to": end, "cites": cite})
        mandate = f"SYN/{i}"
        own_tasks = rng.sample(tasks, 7)
        data["mandates"].append({"id": mandate, "kind": "other", "issued_by": "un", "valid_from": start,
                                 "valid_to": end, "authorizes": [mid], "tasks": own_tasks, "places": [country],
                                 "cites": cite})
        covs = []
        for t in own_tasks:
            place = country if rng.random() < 0.6 else f"{country}-a{rng.randrange(AREAS)}"
            cid = f"sc{i}-{t}"
            covs.append(cid)
            data["coverages"].append({"id": cid, "actor": mid, "task": t, "place": place, "valid_from": start,
                                      "valid_to": end, "role": rng.choice(["lead", "support"]),
                                      "mandate": mandate, "cites": cite})
        if i % 2 == 0:
            data["funding_lines"].append({"id": f"sf{i}", "name": f"Funding {i}", "funders": [rng.choice(ORGS)],
                                          "recipient": mid, "instrument": "other",
                                          "amount": rng.randint(1, 900) * 1e6, "currency": "USD",
                                          "valid_from": start, "valid_to": end, "pays_for": covs[:2],
                                          "cites": cite})
    return Bundle.model_validate(data)
