"""Who covers a task in a place, the coverage matrix of a place, and its timeline (domain.md's definitions).

A question about place P on date d reads the facts declared at P, at the places containing P and at the places
inside P (containment both ways), counted on d (graph/domain/rules.py). Demand: a mandate in force assigns the task
for P or a place related to it. States per task: gap, thin, overlap, covered (rules.state_of); a task with neither
demand nor coverage has no state. A task's primary responsibility (host state) is shown beside its row, never
counted. Pure functions of a snapshot; the async functions at the end read it first (graph/analysis/load.py).
"""

from __future__ import annotations

import asyncio
import datetime as dt
from bisect import bisect_left, insort
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from peacegraph.graph.analysis import mandates as md
from peacegraph.graph.analysis.ids import Wanted
from peacegraph.graph.analysis.load import STORE, SnapshotStore
from peacegraph.graph.analysis.snapshot import (
    Actor,
    Cell,
    Fact,
    FundingLine,
    Mandate,
    ScopeGroup,
    Snapshot,
    SourceRef,
    scope_group,
)
from peacegraph.graph.domain import rules
from peacegraph.graph.store.database import Database

STATES = rules.STATES
state_of = rules.state_of


@dataclass(frozen=True)
class TaskRow:
    """One task of a matrix: its demand, who covers it, its state, and the principle shown beside it."""

    task: str
    label: str
    group: str
    demand: tuple[str, ...]
    actors: tuple[str, ...]
    organizations: tuple[str, ...]
    state: str
    primary_responsibility: str | None = None
    host_state: str | None = None


class ActorColumn(NamedTuple):
    id: str
    name: str
    acronym: str | None
    kind: str
    organizations: tuple[str, ...]
    currency: rules.Currency = md.NO_CURRENCY


@dataclass(frozen=True)
class Scope:
    """The place asked about."""

    id: str
    name: str
    kind: str
    country: str


@dataclass(frozen=True)
class Matrix:
    place: Scope
    as_of: dt.date
    include_planned: bool
    tasks: tuple[TaskRow, ...]
    actors: tuple[ActorColumn, ...]
    cells: tuple[Cell, ...]
    counts: dict[str, int] = field(default_factory=dict)
    data_current_to: dt.date | None = None


def scope_of(snap: Snapshot, place: str) -> Scope:
    p = snap.places[place]
    return Scope(p.id, p.name, p.kind, snap.country)


def active_facts(snap: Snapshot, place: str, on: dt.date, include_planned: bool,
                 task: str | None = None) -> list[Fact]:
    """Facts counted on `on` that bear on `place` (declared there, above it or inside it)."""
    return snap.facts_in_scope(place, on, include_planned, task)


def demand_on(snap: Snapshot, place: str, on: dt.date, include_planned: bool) -> dict[str, set[str]]:
    """Per task, the mandates in force on `on` that assign it for `place` or a place related to it."""
    related = set(snap.scope(place))
    top = rules.highest_level(include_planned)
    out: dict[str, set[str]] = {}
    for task, pairs in snap.demand_spans.items():
        found = {m.id for lo, hi, level, m, p in pairs if lo <= on < hi and level <= top and p in related}
        if found:
            out[task] = found
    return out


def rows_for(snap: Snapshot, place: str, on: dt.date, include_planned: bool,
             facts: Iterable[Fact] | None = None) -> list[TaskRow]:
    """Task rows for one place on one date (the matrix's, the portfolio's and the diff's)."""
    active = facts if facts is not None else active_facts(snap, place, on, include_planned)
    actors_by_task: dict[str, set[str]] = defaultdict(set)
    for f in active:
        actors_by_task[f.task].add(f.actor)
    return _task_rows(snap, place, on, include_planned, actors_by_task)


def _task_rows(snap: Snapshot, place: str, on: dt.date, include_planned: bool,
               actors_by_task: dict[str, set[str]]) -> list[TaskRow]:
    """Task rows from who covers each task (the actors of its facts in force) and the demand on `on`."""
    demand = demand_on(snap, place, on, include_planned)
    host = snap.governments[0] if snap.governments else None
    org_map = snap.org_map
    rows = []
    for task in set(actors_by_task) | set(demand):
        info = snap.tasks.get(task)
        actors = actors_by_task.get(task, set())
        orgs = set().union(*[org_map.get(a) or (a,) for a in actors])
        state = rules.state_of(actors, orgs, bool(demand.get(task)))
        if state is None:
            continue
        marker = info.primary_responsibility if info else None
        rows.append(TaskRow(task, info.label if info else task, info.group if info else "",
                            tuple(sorted(demand.get(task, ()))), tuple(sorted(actors)), tuple(sorted(orgs)), state,
                            marker, host if marker == "host_state" else None))
    return sorted(rows, key=lambda r: (r.group, r.task))


def count_states(rows: Iterable[TaskRow]) -> dict[str, int]:
    counted = dict.fromkeys(STATES, 0)
    for r in rows:
        counted[r.state] += 1
    return counted


def data_current_to(snap: Snapshot, facts: Iterable[Fact]) -> dt.date | None:
    """The latest date a source confirmed any of these facts (verified_on, mission's, mandates' adoption)."""
    confirmed = snap.fact_confirmed
    dates = [d for d in (confirmed.get(f.id) for f in facts) if d is not None]
    return max(dates) if dates else None


def matrix(snap: Snapshot, place: str, on: dt.date, include_planned: bool = False,
           stale_after_years: int = rules.STALE_AFTER_YEARS) -> Matrix:
    """Tasks × actors for `place` on `on`, with a state per task, each actor's currency and the data's date.

    The place's runs of one task and one actor (Snapshot.scope_groups, in the order the answer lists cells) whose
    facts count on `on`: a run whose facts all count is a cell as it stands (at scale most runs are one fact), a
    run in part is cut to the facts that count; each actor's currency and the data's date come from the same runs."""
    top = rules.highest_level(include_planned)
    groups = snap.scope_groups(place)
    active = [g for g in groups if g.lo <= on < g.hi and g.level <= top]
    if len(groups) < len(snap.scope_facts(place)):  # some run holds more than one fact
        above, confirmed = set(snap.ancestors(place)), snap.fact_confirmed
        cut = (_counted(g, on, top, above, confirmed) for g in active)
        active = [g for g in cut if g is not None]
    actors_by_task: dict[str, set[str]] = defaultdict(set)
    actor_latest: dict[str, dt.date | None] = {}  # per actor: the latest day one of its facts was confirmed
    actor_open: set[str] = set()  # actors with an open-ended fact
    for g in active:
        actor = g.actor
        actors_by_task[g.task].add(actor)
        day = g.latest_confirmed
        if day is not None:
            held = actor_latest.get(actor)
            if held is None or day > held:
                actor_latest[actor] = day
        elif actor not in actor_latest:
            actor_latest[actor] = None
        if g.any_open:
            actor_open.add(actor)
    days = [g.latest_confirmed for g in active if g.latest_confirmed is not None]
    rows = _task_rows(snap, place, on, include_planned, actors_by_task)
    columns = []
    org_map = snap.org_map
    for actor_id, latest in actor_latest.items():
        a = snap.actors.get(actor_id) or Actor(actor_id, actor_id, None, "organization", (actor_id,))
        columns.append(ActorColumn(a.id, a.name, a.acronym, a.kind, org_map.get(actor_id) or (actor_id,),
                                   md.actor_currency_of(snap, actor_id, latest, True, actor_id in actor_open,
                                                        on, stale_after_years, include_planned)))
    return Matrix(
        place=scope_of(snap, place), as_of=on, include_planned=include_planned, tasks=tuple(rows),
        actors=tuple(sorted(columns, key=lambda c: (c.organizations, c.name))), cells=tuple(g.cell for g in active),
        counts=count_states(rows), data_current_to=max(days) if days else None,
    )


def _counted(g: ScopeGroup, on: dt.date, top: int, above: set[str],
             confirmed: dict[str, dt.date | None]) -> ScopeGroup | None:
    """The group cut to its facts that count on `on` (itself when all do, None when none does)."""
    if len(g.entries) == 1:
        return g
    entries = tuple(e for e in g.entries if e[0] <= on < e[1] and e[2] <= top)
    if len(entries) == len(g.entries):
        return g
    return scope_group(g.task, g.actor, entries, above, confirmed) if entries else None


@dataclass(frozen=True)
class FundingRef:
    line: FundingLine
    pays_for_this: bool

    @property
    def id(self) -> str:
        return self.line.id


@dataclass(frozen=True)
class Covering:
    """One answer to 'who covers': the fact, the mandates it rests on, who pays, how current it is, its sources."""

    coverage: Fact
    actor: Actor
    place_name: str
    mandates: tuple[Mandate, ...]
    funding: tuple[FundingRef, ...]
    currency: rules.Currency
    task_label: str = ""
    sources: tuple[SourceRef, ...] = ()

    @property
    def mandates_in_force(self) -> tuple[str, ...]:
        return tuple(m.id for m in self.mandates)


def funding_of(snap: Snapshot, fact: Fact, on: dt.date, include_planned: bool) -> tuple[FundingRef, ...]:
    """Lines in force on `on` that pay for this fact, or fund its actor without naming other coverage."""
    lines: dict[str, FundingRef] = {}
    for line in snap.funding_by_fact.get(fact.id, ()):
        if rules.counted_in_force(line.valid_from, line.valid_to, line.status, on, include_planned):
            lines[line.id] = FundingRef(line, True)
    for line in snap.funding_by_recipient.get(fact.actor, ()):
        if not line.pays_for and line.id not in lines and rules.counted_in_force(
                line.valid_from, line.valid_to, line.status, on, include_planned):
            lines[line.id] = FundingRef(line, False)
    return tuple(sorted(lines.values(), key=lambda r: (not r.pays_for_this, r.id)))


def coverings(snap: Snapshot, tasks: Sequence[str], place: str, on: dt.date, include_planned: bool = False,
              stale_after_years: int = rules.STALE_AFTER_YEARS) -> list[Covering]:
    """The facts covering any of `tasks` that bear on `place` on `on`, leads first, with mandates and funding."""
    facts = [f for t in sorted(set(tasks)) for f in snap.facts_in_scope(place, on, include_planned, t)]
    answers = []
    for f in facts:
        actor = snap.actors.get(f.actor) or Actor(f.actor, f.actor, None, "organization", (f.actor,))
        info = snap.tasks.get(f.task)
        answers.append(Covering(f, actor, snap.place_name(f.place), md.attributed(snap, f, place, on, include_planned),
                                funding_of(snap, f, on, include_planned),
                                md.fact_currency(snap, f, on, stale_after_years, include_planned),
                                info.label if info else f.task, f.sources))
    return sorted(answers, key=lambda c: (c.coverage.task, c.coverage.role != "lead", c.actor.name, c.coverage.id))


@dataclass(frozen=True)
class TimelinePoint:
    month: dt.date
    task: str
    state: str
    actors: tuple[str, ...]


@dataclass(frozen=True)
class TimelineRun:
    """Consecutive months in which a task keeps one state and one set of actors: `first` to `last` (month starts)."""

    task: str
    state: str
    actors: tuple[str, ...]
    first: dt.date
    last: dt.date


def next_month(day: dt.date) -> dt.date:
    return (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def runs_of(points: Iterable[TimelinePoint]) -> list[TimelineRun]:
    """The timeline as runs (a few hundred where the points are thousands): a run ends where the state or the
    actors change, or a month has no point for the task. Expanding the runs month by month gives the points back."""
    open_runs: dict[str, TimelineRun] = {}
    out: list[TimelineRun] = []
    for p in sorted(points, key=lambda p: (p.task, p.month)):
        run = open_runs.get(p.task)
        if run and run.state == p.state and run.actors == p.actors and next_month(run.last) == p.month:
            open_runs[p.task] = TimelineRun(run.task, run.state, run.actors, run.first, p.month)
            continue
        if run:
            out.append(run)
        open_runs[p.task] = TimelineRun(p.task, p.state, p.actors, p.month, p.month)
    out.extend(open_runs.values())
    return sorted(out, key=lambda r: (r.first, r.task))


def month_starts(start: dt.date, end: dt.date) -> list[dt.date]:
    """First days of the months from `start`'s month up to and including `end`'s month."""
    months, current = [], start.replace(day=1)
    while current <= end:
        months.append(current)
        current = next_month(current)
    return months


def timeline(snap: Snapshot, place: str, start: dt.date, end: dt.date,
             include_planned: bool = False) -> list[TimelinePoint]:
    """The state of each task on the first day of each month over [start, end]: one sweep per task over the days
    its facts and mandates start and end (Snapshot.scope_events, kept per place), up to the last month asked."""
    months = month_starts(start, end)
    if not months:
        return []
    events = snap.scope_events(place, rules.highest_level(include_planned))
    points: list[TimelinePoint] = []
    for task in sorted(events, key=lambda t: (snap.tasks[t].group if t in snap.tasks else "", t)):
        points += _sweep(snap, task, events[task], months)
    return sorted(points, key=lambda p: p.month)


def _sweep(snap: Snapshot, task: str, events: Sequence[tuple[dt.date, int, str | None]],
           months: list[dt.date]) -> list[TimelinePoint]:
    """One task's months: events in date order update who covers (kept sorted as they come and go, so a month
    that changes copies the names instead of sorting them), their organisations and the demand."""
    actors: dict[str, int] = {}
    names: list[str] = []  # the actors with a fact in force, sorted
    orgs: dict[str, int] = {}
    demanded = 0
    i, out = 0, []
    cached: tuple[tuple[str, ...], str | None] | None = None
    for month in months:
        changed = False
        while i < len(events) and events[i][0] <= month:
            _, delta, actor = events[i]
            i += 1
            changed = True
            if actor is None:
                demanded += delta
                continue
            before = actors.get(actor, 0)
            now = before + delta
            if now:
                actors[actor] = now
            else:
                del actors[actor]
            if (before == 0) != (now == 0):
                if now:
                    insort(names, actor)
                else:
                    del names[bisect_left(names, actor)]
                for o in snap.organizations_of(actor):
                    n = orgs.get(o, 0) + (1 if now else -1)
                    if n:
                        orgs[o] = n
                    else:
                        del orgs[o]
        if cached is None or changed:
            held = tuple(names)
            cached = (held, rules.state_of(held, orgs, demanded > 0))
        if cached[1] is not None:
            out.append(TimelinePoint(month, task, cached[1], cached[0]))
    return out


# -- reading, then computing off the event loop -------------------------------------------------------------------
async def _snapshot_of(graph: Database, place: str, store: SnapshotStore) -> Snapshot:
    prepared = await store.prepare(graph, [place])
    return await store.snapshot(graph, prepared.countries[place], prepared.token)


async def coverage_matrix(graph: Database, place: str, as_of: dt.date, include_planned: bool = False,
                          stale_after_years: int = rules.STALE_AFTER_YEARS, store: SnapshotStore = STORE) -> Matrix:
    """The matrix of `place` on `as_of`: one read when the snapshot is current, two when it must be read."""
    snap = await _snapshot_of(graph, place, store)
    return await asyncio.to_thread(matrix, snap, place, as_of, include_planned, stale_after_years)


async def who_covers(graph: Database, task: str | Sequence[str], place: str, as_of: dt.date,
                     include_planned: bool = False, stale_after_years: int = rules.STALE_AFTER_YEARS,
                     store: SnapshotStore = STORE) -> list[Covering]:
    """Who covers `task` (or any of several tasks) in `place` on `as_of`."""
    tasks = [task] if isinstance(task, str) else list(task)
    prepared = await store.prepare(graph, [place], [Wanted("task", t, "task") for t in tasks])
    snap = await store.snapshot(graph, prepared.countries[place], prepared.token)
    return await asyncio.to_thread(coverings, snap, tasks, place, as_of, include_planned, stale_after_years)


async def coverage_timeline(graph: Database, place: str, start: dt.date, end: dt.date, include_planned: bool = False,
                            store: SnapshotStore = STORE) -> list[TimelinePoint]:
    snap = await _snapshot_of(graph, place, store)
    return await asyncio.to_thread(timeline, snap, place, start, end, include_planned)
