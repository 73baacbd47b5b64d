"""Who covers a task in a place, the coverage matrix of a place, and its timeline (domain.md's definitions).

States per task in a place on a date:
- gap: demand (a mandate in force assigns the task there) and no actor covers it;
- thin: exactly one actor covers it;
- overlap: actors of two or more organisations cover it;
- covered: two or more actors, all of one organisation.
A task with neither demand nor coverage has no state and is left out.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from peacegraph.graph.analysis.facts import CoverageFact, DemandFact, Scope, load_all, load_coverage, load_scope
from peacegraph.graph.analysis.funding import funding_for_actors, mandates_for_actors
from peacegraph.graph.store.database import Database

STATES = ("gap", "thin", "overlap", "covered")


def state_of(actors: set[str], orgs: set[str], demanded: bool) -> str | None:
    """The state of one task–place cell from who covers it and whether it is demanded."""
    if not actors:
        return "gap" if demanded else None
    if len(actors) == 1:
        return "thin"
    return "overlap" if len(orgs) >= 2 else "covered"


@dataclass(frozen=True)
class TaskRow:
    """One task of a matrix: its demand, who covers it and its state."""

    task: str
    label: str
    group: str
    demand: tuple[str, ...]
    actors: tuple[str, ...]
    organizations: tuple[str, ...]
    state: str


@dataclass(frozen=True)
class ActorColumn:
    id: str
    name: str
    acronym: str | None
    kind: str
    organizations: tuple[str, ...]


@dataclass(frozen=True)
class Cell:
    """The coverage facts of one actor for one task (a heatmap cell)."""

    task: str
    actor: str
    coverages: tuple[CoverageFact, ...]


@dataclass(frozen=True)
class Matrix:
    place: Scope
    as_of: dt.date
    include_planned: bool
    tasks: tuple[TaskRow, ...]
    actors: tuple[ActorColumn, ...]
    cells: tuple[Cell, ...]
    counts: dict[str, int] = field(default_factory=dict)


def relevant(facts: Iterable[CoverageFact], scope: Scope, place: str, on: dt.date,
             include_planned: bool) -> list[CoverageFact]:
    """Coverage in force on `on` that bears on `place` (same place, or one contains the other)."""
    return [f for f in facts if f.active(on, include_planned) and scope.related(f.place, place)]


def build_rows(
    coverage: list[CoverageFact], demand: list[DemandFact], scope: Scope, place: str, on: dt.date,
    include_planned: bool,
) -> list[TaskRow]:
    """Task rows for one place on one date (shared by the matrix, the timeline and drawdown)."""
    active = relevant(coverage, scope, place, on, include_planned)
    wanted = [d for d in demand if d.active(on, include_planned) and scope.related(d.place, place)]
    info: dict[str, tuple[str, str]] = {f.task: (f.task_label, f.task_group) for f in active}
    info.update({d.task: (d.task_label, d.task_group) for d in wanted})
    rows = []
    for task, (label, group) in info.items():
        facts = [f for f in active if f.task == task]
        actors = {f.actor for f in facts}
        orgs = {o for f in facts for o in f.orgs}
        mandates = tuple(sorted({d.mandate for d in wanted if d.task == task}))
        state = state_of(actors, orgs, bool(mandates))
        if state:
            rows.append(TaskRow(task, label, group, mandates, tuple(sorted(actors)), tuple(sorted(orgs)), state))
    return sorted(rows, key=lambda r: (r.group, r.task))


async def coverage_matrix(
    graph: Database, place: str, as_of: dt.date, include_planned: bool = False
) -> Matrix:
    """Tasks × actors for a place on a date, with demand and a state per task. Three round trips."""
    scope, coverage, demand = await load_all(graph, place, as_of, as_of + dt.timedelta(days=1))
    rows = build_rows(coverage, demand, scope, scope.id, as_of, include_planned)
    active = relevant(coverage, scope, scope.id, as_of, include_planned)
    actors: dict[str, ActorColumn] = {}
    cells: dict[tuple[str, str], list[CoverageFact]] = {}
    for f in active:
        actors.setdefault(f.actor, ActorColumn(f.actor, f.actor_name, f.actor_acronym, f.actor_kind, f.orgs))
        cells.setdefault((f.task, f.actor), []).append(f)
    counts = {s: sum(1 for r in rows if r.state == s) for s in STATES}
    return Matrix(
        place=scope, as_of=as_of, include_planned=include_planned, tasks=tuple(rows),
        actors=tuple(sorted(actors.values(), key=lambda a: (a.organizations, a.name))),
        cells=tuple(Cell(t, a, tuple(sorted(fs, key=lambda f: f.id))) for (t, a), fs in sorted(cells.items())),
        counts=counts,
    )


@dataclass(frozen=True)
class FundingRef:
    id: str
    name: str
    funders: tuple[str, ...]
    instrument: str
    amount: float | None
    currency: str | None
    valid_from: dt.date | None
    valid_to: dt.date | None
    pays_for_this: bool


@dataclass(frozen=True)
class Covering:
    """One answer to 'who covers': the coverage fact, the mandate in force and who pays."""

    coverage: CoverageFact
    mandates_in_force: tuple[str, ...]
    funding: tuple[FundingRef, ...]


async def who_covers(
    graph: Database, task: str, place: str, as_of: dt.date, include_planned: bool = False
) -> list[Covering]:
    """The actors covering `task` in `place` (with containment) on `as_of`, each with mandate, funding, sources."""
    scope, found = await asyncio.gather(
        load_scope(graph, place),
        load_coverage(graph, place, as_of, as_of + dt.timedelta(days=1), task=task, with_sources=True))
    facts = relevant(found, scope, scope.id, as_of, include_planned)
    actor_ids = sorted({f.actor for f in facts})
    funding = await funding_for_actors(graph, actor_ids, as_of)
    mandates = await mandates_for_actors(graph, actor_ids, as_of)
    answers = []
    for f in sorted(facts, key=lambda f: (f.role != "lead", f.actor_name, f.id)):
        lines = tuple(
            FundingRef(**{k: v for k, v in line.items() if k not in {"recipient", "pays_for"}},
                       pays_for_this=f.id in line["pays_for"])
            for line in funding.get(f.actor, [])
            if not line["pays_for"] or f.id in line["pays_for"]
        )
        in_force = tuple(dict.fromkeys(([f.mandate] if f.mandate else []) + mandates.get(f.actor, [])))
        answers.append(Covering(f, in_force, lines))
    return answers


@dataclass(frozen=True)
class TimelinePoint:
    month: dt.date
    task: str
    state: str
    actors: tuple[str, ...]


def month_starts(start: dt.date, end: dt.date) -> list[dt.date]:
    """First days of the months from `start`'s month up to and including `end`'s month."""
    months, current = [], start.replace(day=1)
    while current <= end:
        months.append(current)
        current = (current.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return months


async def coverage_timeline(
    graph: Database, place: str, start: dt.date, end: dt.date, include_planned: bool = False
) -> list[TimelinePoint]:
    """The state of each task per month (on the first day of the month) over [start, end]. Three round trips."""
    scope, coverage, demand = await load_all(graph, place, start.replace(day=1), end + dt.timedelta(days=1))
    points = []
    for month in month_starts(start, end):
        for row in build_rows(coverage, demand, scope, scope.id, month, include_planned):
            points.append(TimelinePoint(month, row.task, row.state, row.actors))
    return points
