"""Drawdown analysis: what a departure leaves uncovered, what thins, what a handover saves, who could step in.

A drawdown gap is a task–place cell covered the day before the (last) departure date and not covered on it,
unless a handover gives that task to an actor who is present then. Outcomes per cell: lost, saved (by a handover),
thinned (two or more actors down to one), handed_over (a departing actor's cell now covered by an actor that was not
there before, e.g. a successor mission), gained, unchanged. A what-if never writes to the graph.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from peacegraph.graph.analysis.coverage import state_of
from peacegraph.graph.analysis.facts import CoverageFact, Scope, load_all
from peacegraph.graph.analysis.funding import funding_for_actors
from peacegraph.graph.store.convert import to_date
from peacegraph.graph.store.database import Database

BASIS_RANK = {"same_place_same_group": 1, "present_in_country": 2, "partner_under_agreement": 3, "host_state": 4}


@dataclass(frozen=True)
class Departure:
    """An actor leaves on `date` (the first day it is gone), from `places` (empty: from the whole scope)."""

    actor: str
    date: dt.date
    places: tuple[str, ...] = ()


@dataclass(frozen=True)
class HandoverPlan:
    """A task handed to an actor, optionally for one place only."""

    task: str
    to: str
    place: str | None = None


@dataclass(frozen=True)
class Candidate:
    actor: str
    name: str
    basis: str
    rank: int
    reason: str


@dataclass(frozen=True)
class CellChange:
    """One task–place cell before and after the departures."""

    task: str
    task_label: str
    task_group: str
    place: str
    place_name: str
    before: tuple[str, ...]
    after: tuple[str, ...]
    state_before: str | None
    state_after: str | None
    outcome: str
    saved_by: str | None = None
    candidates: tuple[Candidate, ...] = ()


@dataclass(frozen=True)
class EndingFunding:
    id: str
    name: str
    recipient: str
    funders: tuple[str, ...]
    instrument: str
    amount: float | None
    currency: str | None
    tasks: tuple[str, ...]


@dataclass(frozen=True)
class Drawdown:
    scope: Scope
    before: dt.date
    after: dt.date
    departures: tuple[Departure, ...]
    handovers: tuple[HandoverPlan, ...]
    cells: tuple[CellChange, ...]
    funding_ending: tuple[EndingFunding, ...] = field(default=())
    transition: str | None = None

    def outcome(self, name: str) -> list[CellChange]:
        return [c for c in self.cells if c.outcome == name]

    @property
    def lost(self) -> list[CellChange]:
        return self.outcome("lost")

    @property
    def thinned(self) -> list[CellChange]:
        return self.outcome("thinned")

    @property
    def saved(self) -> list[CellChange]:
        return self.outcome("saved")


class UnknownTransition(LookupError):
    """No Transition with that id."""


def _removed(fact: CoverageFact, cell_place: str, departures: tuple[Departure, ...], on: dt.date,
             scope: Scope) -> bool:
    """Whether a departure takes `fact` away from the cell on date `on`."""
    for d in departures:
        if d.actor != fact.actor or d.date > on:
            continue
        if not d.places or any(scope.within(cell_place, p) or scope.within(fact.place, p) for p in d.places):
            return True
    return False


async def drawdown_what_if(
    graph: Database, place: str, departures: list[Departure], handovers: list[HandoverPlan] | None = None,
    include_planned: bool = False, transition: str | None = None, on: dt.date | None = None,
) -> Drawdown:
    """Evaluate departures in a place (country or area). Reads only: six round trips, whatever the size.

    The cells are compared the day before the earliest departure and on the latest one. With no departures,
    `on` gives the date (the baseline: nothing leaves, so nothing changes but what the graph itself ends).
    """
    if not departures and on is None:
        raise ValueError("a drawdown needs at least one departure, or a date `on` for the baseline")
    deps = tuple(departures)
    hands = tuple(handovers or ())
    after = max([d.date for d in deps] or [on or dt.date.today()])
    before = min([d.date for d in deps] or [after]) - dt.timedelta(days=1)
    scope, coverage, demand = await load_all(graph, place, before, after + dt.timedelta(days=1))
    presence = await graph.read("country_presence", country=scope.country, on=after)
    departing = {d.actor for d in deps}
    fully_gone = {d.actor for d in deps if not d.places or scope.id in d.places
                  or any(scope.within(scope.id, p) for p in d.places)}

    def active(on: dt.date, cell_place: str) -> list[CoverageFact]:
        return [f for f in coverage if f.active(on, include_planned) and scope.related(f.place, cell_place)
                and not (on >= after and _removed(f, cell_place, deps, on, scope))]

    after_facts = [f for f in coverage if f.active(after, include_planned)
                   and not _removed(f, f.place, deps, after, scope)]
    present: dict[str, str] = {f.actor: f.actor_name for f in after_facts}
    row: dict[str, Any] = presence[0] if presence else {"missions": [], "governments": [], "name": scope.name}
    for m in row["missions"]:
        if m["id"] not in fully_gone:
            present.setdefault(m["id"], m["name"])
    governments = {g["id"]: g["name"] for g in row["governments"]}
    present.update(governments)
    names = {f.actor: f.actor_name for f in coverage} | present
    departing_orgs = sorted({o for f in coverage if f.actor in departing for o in f.orgs} | departing)
    partners = await graph.read("agreement_partners", orgs=departing_orgs, on=after)

    place_names = {scope.id: scope.name} | {f.place: f.place_name for f in coverage}
    cell_places = [scope.id, *scope.descendants]
    cells: dict[tuple[str, str], tuple[str, str, str, str]] = {}
    for f in coverage:
        if f.active(before, include_planned) or f.active(after, include_planned):
            for p in cell_places:
                cells.setdefault((f.task, p), (f.task_label, f.task_group, place_names.get(p, p), p))

    changes = []
    for (task, cell_place), (label, group, place_name, _) in sorted(cells.items()):
        b = [f for f in active(before, cell_place) if f.task == task]
        a = [f for f in active(after, cell_place) if f.task == task]
        demanded_b = any(d.task == task and d.active(before, include_planned) and scope.related(d.place, cell_place)
                         for d in demand)
        demanded_a = any(d.task == task and d.active(after, include_planned) and scope.related(d.place, cell_place)
                         for d in demand)
        before_actors = {f.actor for f in b}
        after_actors = {f.actor for f in a}
        if not before_actors and not after_actors:
            continue
        state_b = state_of(before_actors, {o for f in b for o in f.orgs}, demanded_b)
        state_a = state_of(after_actors, {o for f in a for o in f.orgs}, demanded_a)
        outcome, saved_by = "unchanged", None
        if before_actors and not after_actors:
            saver = next((h.to for h in hands if h.task == task and h.to in present and h.to not in fully_gone
                          and (h.place is None or scope.related(cell_place, h.place))), None)
            outcome, saved_by = ("saved", saver) if saver else ("lost", None)
            if saver:
                state_a = "thin"
                after_actors = {saver}
        elif len(before_actors) >= 2 and len(after_actors) == 1 and before_actors & departing:
            outcome = "thinned"
        elif before_actors & departing and after_actors - before_actors:
            outcome = "handed_over"
        elif not before_actors and after_actors:
            outcome = "gained"
        candidates: tuple[Candidate, ...] = ()
        if outcome in {"lost", "thinned"}:
            candidates = _candidates(task, group, cell_place, scope, after_facts, present, governments,
                                     partners, departing | after_actors, names)
        changes.append(CellChange(task, label, group, cell_place, place_name, tuple(sorted(before_actors)),
                                  tuple(sorted(after_actors)), state_b, state_a, outcome, saved_by, candidates))

    funding = await funding_for_actors(graph, sorted(departing), before)
    ending = []
    for actor, lines in funding.items():
        actor_tasks = sorted({f.task for f in coverage if f.actor == actor and f.active(before, include_planned)})
        for line in lines:
            paid = sorted({f.task for f in coverage if f.id in line["pays_for"]}) or actor_tasks
            ending.append(EndingFunding(line["id"], line["name"], actor, line["funders"], line["instrument"],
                                        line["amount"], line["currency"], tuple(paid)))
    return Drawdown(scope, before, after, deps, hands, tuple(changes),
                    tuple(sorted(ending, key=lambda e: e.id)), transition)


def _candidates(
    task: str, group: str, cell_place: str, scope: Scope, after_facts: list[CoverageFact], present: dict[str, str],
    governments: dict[str, str], partners: list[dict[str, str]], exclude: set[str], names: dict[str, str],
) -> tuple[Candidate, ...]:
    """Who could pick up a lost or thin cell, best first, each with the reason."""
    found: dict[str, Candidate] = {}

    def offer(actor: str, basis: str, reason: str) -> None:
        if actor in exclude:
            return
        rank = BASIS_RANK[basis]
        if actor not in found or found[actor].rank > rank:
            found[actor] = Candidate(actor, names.get(actor, actor), basis, rank, reason)

    for f in after_facts:
        if f.task_group == group and f.task != task and scope.related(f.place, cell_place):
            offer(f.actor, "same_place_same_group", f"covers {f.task_label} in {f.place_name} (same task group)")
    tasks_by_actor: dict[str, set[str]] = {}
    for f in after_facts:
        tasks_by_actor.setdefault(f.actor, set()).add(f.task)
    for actor in present:
        if actor not in governments:
            n = len(tasks_by_actor.get(actor, ()))
            offer(actor, "present_in_country",
                  f"present in {scope.name}" + (f", covering {n} task(s)" if n else " (deployed)"))
    for p in partners:
        if p["kind"] == "government" and p["id"] not in governments:
            continue
        names.setdefault(p["id"], p["name"])
        offer(p["id"], "partner_under_agreement", f"partner of {p['partner_of']} under {p['agreement_name']}")
    for gov, name in governments.items():
        offer(gov, "host_state", f"host state: {name}")
    ranked = sorted(found.values(), key=lambda c: (c.rank, -len(tasks_by_actor.get(c.actor, ())), c.name))
    return tuple(ranked)


async def drawdown_of_transition(graph: Database, transition_id: str, include_planned: bool = False) -> Drawdown:
    """Evaluate a recorded Transition: its actor leaves its places on its end date, with its handovers."""
    rows = await graph.read("transition_detail", id=transition_id)
    if not rows:
        raise UnknownTransition(f"no transition with id {transition_id!r}")
    t = rows[0]
    end = to_date(t["end"])
    assert end is not None
    places = sorted(t["places"], key=lambda p: p["id"])
    departure = Departure(t["from_actor"], end, tuple(p["id"] for p in places))
    handovers = [HandoverPlan(h["task"], h["to"], h["place"]) for h in t["handovers"]]
    return await drawdown_what_if(graph, transition_scope(places), [departure], handovers, include_planned,
                                  transition_id)


def transition_scope(places: list[dict[str, str]]) -> str:
    """Where to evaluate a transition: the country it names, else its one area, else its areas' country."""
    countries = [p["id"] for p in places if p["kind"] == "country"]
    if countries:
        return countries[0]
    if len(places) == 1:
        return places[0]["id"]
    return places[0]["country"]
