"""Coverage of a place on two dates, task by task: the state and actors on each, what changed, and the events
between that explain each change.

Events are dated in (from, to]: a coverage fact starting (valid_from) or ending (its own or its mission's end), a
mandate adopted, coming into force or lapsing, a transition ending. A task's events are those of the actors that
arrived or left (their facts, the transitions from or to them, the mandates assigning them the task) and of the
mandates whose demand for the task changed.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from peacegraph.graph.analysis import mandates as md
from peacegraph.graph.analysis.coverage import Scope, TaskRow, demand_on, rows_for, scope_of
from peacegraph.graph.analysis.ids import Wanted
from peacegraph.graph.analysis.load import STORE, SnapshotStore
from peacegraph.graph.analysis.snapshot import Fact, Mandate, Snapshot
from peacegraph.graph.domain import rules
from peacegraph.graph.store.database import Database

ONE_DAY = dt.timedelta(days=1)
EVENT_KINDS = ("fact_started", "fact_ended", "mandate_adopted", "mandate_in_force", "mandate_lapsed",
               "transition")


@dataclass(frozen=True)
class Event:
    date: dt.date
    kind: str
    id: str
    label: str
    actor: str | None = None
    place: str | None = None


@dataclass(frozen=True)
class TaskDiff:
    task: str
    label: str
    group: str
    state_from: str | None
    state_to: str | None
    actors_from: tuple[str, ...]
    actors_to: tuple[str, ...]
    added: tuple[str, ...]
    removed: tuple[str, ...]
    demand_from: tuple[str, ...]
    demand_to: tuple[str, ...]
    events: tuple[Event, ...]

    @property
    def changed(self) -> bool:
        """The state or the actors differ (a renewal that keeps the demand is no change)."""
        return self.state_from != self.state_to or bool(self.added or self.removed)


@dataclass(frozen=True)
class CoverageDiff:
    scope: Scope
    from_: dt.date
    to: dt.date
    include_planned: bool
    tasks: tuple[TaskDiff, ...]

    @property
    def changed(self) -> list[TaskDiff]:
        return [t for t in self.tasks if t.changed]


def _between(day: dt.date | None, start: dt.date, end: dt.date) -> dt.date | None:
    """`day` when it falls in (start, end], else None."""
    return day if day is not None and start < day <= end else None


def diff(snap: Snapshot, place: str, start: dt.date, end: dt.date, include_planned: bool = False) -> CoverageDiff:
    """Compare `place` on `start` and on `end` (start <= end)."""
    rows_a = {r.task: r for r in rows_for(snap, place, start, include_planned)}
    rows_b = {r.task: r for r in rows_for(snap, place, end, include_planned)}
    demand_a, demand_b = demand_on(snap, place, start, include_planned), demand_on(snap, place, end, include_planned)
    related = snap.scope(place)
    out = []
    for task in sorted(set(rows_a) | set(rows_b), key=lambda t: (_group(snap, t), t)):
        a, b = rows_a.get(task), rows_b.get(task)
        before, after = set(a.actors if a else ()), set(b.actors if b else ())
        moved = before ^ after
        demand_changed = demand_a.get(task, set()) ^ demand_b.get(task, set())
        events = _events(snap, task, related, start, end, moved, demand_changed, include_planned)
        info = snap.tasks.get(task)
        out.append(TaskDiff(task, info.label if info else task, info.group if info else "", _state(a), _state(b),
                            tuple(sorted(before)), tuple(sorted(after)), tuple(sorted(after - before)),
                            tuple(sorted(before - after)), tuple(sorted(demand_a.get(task, ()))),
                            tuple(sorted(demand_b.get(task, ()))), events))
    return CoverageDiff(scope_of(snap, place), start, end, include_planned, tuple(out))


def _state(row: TaskRow | None) -> str | None:
    return row.state if row else None


def _group(snap: Snapshot, task: str) -> str:
    info = snap.tasks.get(task)
    return info.group if info else ""


def _events(snap: Snapshot, task: str, related: Iterable[str], start: dt.date, end: dt.date, moved: set[str],
            demand_changed: set[str], include_planned: bool) -> tuple[Event, ...]:
    """The events in (start, end] that explain a task's change; a seam (one fact or mandate followed by another of
    the same actor or for the same demand) explains nothing and is left out."""
    places = set(related)
    top = rules.highest_level(include_planned)
    out: list[Event] = []
    spans: dict[str, list[tuple[dt.date, dt.date, Fact]]] = defaultdict(list)
    every = snap.spans
    for f in snap.facts_by_task.get(task, ()):
        if f.actor in moved and f.place in places:
            lo, hi, level = every[f.id]
            if level <= top and lo < hi:
                spans[f.actor].append((lo, hi, f))

    def covered(actor: str, on: dt.date) -> bool:
        return any(lo <= on < hi for lo, hi, _ in spans[actor])

    for actor, held in spans.items():
        name = snap.actor_name(actor)
        for _, _, f in held:
            where = snap.place_name(f.place)
            if (day := _between(f.valid_from, start, end)) is not None and not covered(actor, day - ONE_DAY):
                out.append(Event(day, "fact_started", f.id, f"{name} starts in {where}", actor, f.place))
            if (day := _between(md.effective_end(snap, f), start, end)) is not None and not covered(actor, day):
                out.append(Event(day, "fact_ended", f.id, f"{name} ends in {where}", actor, f.place))
    mandates: dict[str, tuple[dt.date, dt.date, Mandate, str]] = {}
    for lo, hi, level, m, p in snap.demand_spans.get(task, ()):
        if p in places and level <= top and lo < hi:
            mandates.setdefault(m.id, (lo, hi, m, p))
    starts = sorted(lo for lo, _, _, _ in mandates.values())
    ends = sorted(hi for _, hi, _, _ in mandates.values())
    assigned: dict[str, list[tuple[str, dt.date, dt.date]]] = defaultdict(list)
    for m_id, (lo, hi, m, _) in mandates.items():
        for actor in moved & set(m.authorizes):
            assigned[actor].append((m_id, lo, hi))

    def demanded_besides(m_id: str, on: dt.date, actor: str | None) -> bool:
        """Another of these mandates (one assigning `actor`, when given) is in force on `on`."""
        if actor is not None:
            return any(other != m_id and lo <= on < hi for other, lo, hi in assigned[actor])
        lo, hi, _, _ = mandates[m_id]
        return bisect_right(starts, on) - bisect_right(ends, on) - (1 if lo <= on < hi else 0) > 0

    for m_id, (_, hi, m, p) in mandates.items():
        who = sorted(moved & set(m.authorizes))
        for assignee in ([None, *who] if demand_changed else who):
            begins = m.valid_from or m.adopted
            if (day := _between(begins, start, end)) is not None and not demanded_besides(m_id, day - ONE_DAY, assignee):
                if (adopted := _between(m.adopted, start, end)) is not None:
                    out.append(Event(adopted, "mandate_adopted", m.id, m.label, assignee, p))
                if day != m.adopted:
                    out.append(Event(day, "mandate_in_force", m.id, m.label, assignee, p))
            lapse = hi if hi != dt.date.max else None
            if (day := _between(lapse, start, end)) is not None and not demanded_besides(m_id, day, assignee):
                out.append(Event(day, "mandate_lapsed", m.id, m.label, assignee, p))
    for t in snap.transitions:
        if _between(t.end, start, end) is None or not rules.counts(t.status, include_planned):
            continue
        if not any(snap.related(p, q) for p in t.places for q in places):
            continue
        involved = {t.from_actor, *t.to_actors} - {None}
        if involved & moved or any(h.task == task for h in t.handovers):
            out.append(Event(t.end, "transition", t.id, f"{t.kind}: {snap.actor_name(t.from_actor or '')}",
                             t.from_actor, None))
    unique: dict[tuple[dt.date, str, str], Event] = {}
    for e in out:  # one event per fact, mandate or transition and date (its first place and actor stand for all)
        unique.setdefault((e.date, e.kind, e.id), e)
    return tuple(sorted(unique.values(), key=lambda e: (e.date, EVENT_KINDS.index(e.kind), e.id)))


async def coverage_diff(graph: Database, place: str, start: dt.date, end: dt.date, include_planned: bool = False,
                        store: SnapshotStore = STORE) -> CoverageDiff:
    prepared = await store.prepare(graph, [place], [Wanted("place", place, "place")])
    snap = await store.snapshot(graph, prepared.countries[place], prepared.token)
    return await asyncio.to_thread(diff, snap, place, start, end, include_planned)
