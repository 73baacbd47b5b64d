"""A mission's history: predecessors and successors, its mandates in order with what each does, and the tasks each
step of its own chain adds and drops.

Each mandate is a step with its kind (its recorded action; without one: `renew` when it renews another, `establish`
for the first, `modify` otherwise). The task difference of a step compares the union of the tasks of the mission's
own chain (establishment, renewals, modifications) in force the day before it takes effect with that union once
it does (a renewal replaces the mandate it renews and the modifications of it; a modification only adds; a
termination drops everything). A support authorisation, or a step that assigns no task, adds and drops nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from peacegraph.graph.domain import rules
from peacegraph.graph.store.convert import to_date
from peacegraph.graph.store.database import Database

ONE_DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class MandateStep:
    id: str
    title: str | None
    kind: str
    adopted: dt.date | None
    valid_from: dt.date | None
    valid_to: dt.date | None
    renews: str | None
    supports: tuple[str, ...]
    tasks: tuple[str, ...]
    added: tuple[str, ...]
    dropped: tuple[str, ...]
    in_chain: bool
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


@dataclass(frozen=True)
class _Raw:
    id: str
    title: str | None
    action: str | None
    adopted: dt.date | None
    valid_from: dt.date | None
    valid_to: dt.date | None
    renews: str | None
    supports: tuple[str, ...]
    tasks: frozenset[str]
    sources: tuple[dict[str, Any], ...]

    @property
    def start(self) -> dt.date:
        return self.valid_from or self.adopted or rules.EARLIEST


def step_kind(m: _Raw, first: bool) -> str:
    if m.action:
        return m.action
    if m.renews:
        return "renew"
    return "establish" if first else "modify"


def steps(raw: list[_Raw]) -> list[MandateStep]:
    """The mandates in order, each with its kind and the task difference it makes to the mission's own chain."""
    ordered = sorted(raw, key=lambda m: (m.adopted or m.start, m.start, m.id))
    kinds = {m.id: step_kind(m, i == 0) for i, m in enumerate(ordered)}
    by_id = {m.id: m for m in ordered}
    chain: dict[str, _Raw] = {}  # the own-chain mandates taken into account so far

    def end_of(m: _Raw) -> dt.date | None:
        if m.valid_to is None and kinds[m.id] == "modify" and m.renews in by_id:
            return by_id[m.renews].valid_to
        return m.valid_to

    def union(on: dt.date, held: dict[str, _Raw]) -> set[str]:
        return {t for m in held.values() if rules.in_force(m.valid_from, end_of(m), on) for t in m.tasks}

    out = []
    for m in ordered:
        kind = kinds[m.id]
        in_chain = kind != "authorise_support" and (bool(m.tasks) or kind == "terminate")
        added: set[str] = set()
        dropped: set[str] = set()
        if in_chain:
            day = m.start
            before = union(day - ONE_DAY, chain)
            if kind == "terminate":
                after: set[str] = set()
                chain.clear()
            else:
                if kind == "renew" and m.renews:
                    replaced = {m.renews} | {k for k, x in chain.items() if kinds[k] == "modify" and x.renews == m.renews}
                    for k in replaced:
                        chain.pop(k, None)
                chain[m.id] = m
                after = union(day, chain)
                if kind == "modify":
                    after |= before
            added, dropped = after - before, before - after
        out.append(MandateStep(m.id, m.title, kind, m.adopted, m.valid_from, m.valid_to, m.renews, m.supports,
                               tuple(sorted(m.tasks)), tuple(sorted(added)), tuple(sorted(dropped)), in_chain,
                               m.sources))
    return out


def history_of(row: dict[str, Any]) -> MissionHistory:
    """The history from the row of mission_history.cypher."""
    raw = [_Raw(m["id"], m["title"], m["action"], to_date(m["adopted"]), to_date(m["valid_from"]),
                to_date(m["valid_to"]), m["renews"], tuple(sorted(m["supports"] or ())), frozenset(m["tasks"] or ()),
                tuple(m["sources"]))
           for m in row["mandates"] if (m["status"] or "actual") != "proposed"]
    preds = tuple(Link(p["id"], p["kind"], to_date(p["end"]), p["other"], p["other_name"])
                  for p in row["predecessors"] if p["other"])
    succs = tuple(Link(s["id"], s["kind"], to_date(s["end"]), o["id"], o["name"])
                  for s in row["successors"] for o in s["others"])
    return MissionHistory(
        row["id"], row["name"], row["acronym"], to_date(row["valid_from"]), to_date(row["valid_to"]),
        tuple(sorted(row["led_by"])), tuple(sorted(row["deployed_in"])), tuple(steps(raw)),
        tuple(sorted(preds, key=lambda x: (x.date or rules.EARLIEST, x.transition))),
        tuple(sorted(succs, key=lambda x: (x.date or rules.EARLIEST, x.transition, x.mission))),
    )


async def mission_history(graph: Database, mission: str) -> MissionHistory:
    """One round trip; the steps are computed from its row."""
    rows = await graph.read("mission_history", id=mission)
    if not rows:
        raise UnknownMission(f"no mission with id {mission!r}")
    return history_of(rows[0])
