"""A mission's history: predecessors and successors, mandates and renewals in order, tasks added and dropped."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from peacegraph.graph.analysis.facts import FAR_PAST
from peacegraph.graph.store.convert import to_date
from peacegraph.graph.store.database import Database


@dataclass(frozen=True)
class MandateStep:
    id: str
    adopted: dt.date | None
    valid_from: dt.date | None
    valid_to: dt.date | None
    renews: str | None
    tasks: tuple[str, ...]
    added: tuple[str, ...]
    dropped: tuple[str, ...]
    sources: tuple[dict[str, Any], ...]


@dataclass(frozen=True)
class Link:
    transition: str
    kind: str
    date: dt.date | None
    mission: str
    name: str


@dataclass(frozen=True)
class MissionHistory:
    id: str
    name: str
    acronym: str | None
    valid_from: dt.date | None
    valid_to: dt.date | None
    led_by: tuple[str, ...]
    deployed_in: tuple[str, ...]
    mandates: tuple[MandateStep, ...]
    predecessors: tuple[Link, ...]
    successors: tuple[Link, ...]


class UnknownMission(LookupError):
    """No Mission with that id."""


async def mission_history(graph: Database, mission: str) -> MissionHistory:
    """One round trip; the task differences between consecutive mandates are computed here."""
    rows = await graph.read("mission_history", id=mission)
    if not rows:
        raise UnknownMission(f"no mission with id {mission!r}")
    r = rows[0]
    raw = sorted(r["mandates"], key=lambda m: (to_date(m["adopted"]) or to_date(m["valid_from"]) or FAR_PAST, m["id"]))
    steps: list[MandateStep] = []
    previous: set[str] = set()
    for i, m in enumerate(raw):
        tasks = set(m["tasks"])
        steps.append(MandateStep(
            m["id"], to_date(m["adopted"]), to_date(m["valid_from"]), to_date(m["valid_to"]), m["renews"],
            tuple(sorted(tasks)), tuple(sorted(tasks - previous)) if i else tuple(sorted(tasks)),
            tuple(sorted(previous - tasks)), tuple(m["sources"]),
        ))
        previous = tasks
    preds = tuple(Link(p["id"], p["kind"], to_date(p["end"]), p["other"], p["other_name"]) for p in r["predecessors"])
    succs = tuple(
        Link(s["id"], s["kind"], to_date(s["end"]), o["id"], o["name"]) for s in r["successors"] for o in s["others"]
    )
    return MissionHistory(
        r["id"], r["name"], r["acronym"], to_date(r["valid_from"]), to_date(r["valid_to"]), tuple(r["led_by"]),
        tuple(r["deployed_in"]), tuple(steps), tuple(sorted(preds, key=lambda x: x.date or FAR_PAST)),
        tuple(sorted(succs, key=lambda x: x.date or FAR_PAST)),
    )
