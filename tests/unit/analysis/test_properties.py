"""Properties of the analyses on random small worlds, in memory (hundreds of examples in seconds).

- removing an actor never reduces the set of gaps;
- the matrix and who-covers agree cell by cell; a task's facts read through the task index are the full scan's; the timeline's sweep agrees with the matrix month by month;
  the coverage diff agrees with the matrix on both dates;
- a what-if with no departures changes nothing; a drawdown's units agree with the matrix of each unit;
- a lost row always had a departing actor in it, and its uncovered areas have nobody after;
- a proposed fact never counts anywhere.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from peacegraph.graph.analysis import coverage as cov
from peacegraph.graph.analysis import diff as df
from peacegraph.graph.analysis import drawdown as dd
from peacegraph.graph.analysis.snapshot import Snapshot
from tests.unit.analysis.memory import partners_of, snapshot_of
from tests.unit.analysis.worlds import TASK_GROUPS, world

ACTORS = {"m1": "un", "m2": "un", "m3": "au", "m4": "eu"}
PLACES = ["ZZA", "ZZA-north", "ZZA-south", "ZZA-north-east"]
DEEPER = {"places": [{"id": "ZZA-north-east", "name": "North-East", "kind": "district", "parent": "ZZA-north"}]}
TASKS = sorted(TASK_GROUPS)[:4]
ON = dt.date(2021, 6, 15)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

coverage_rows = st.lists(
    st.tuples(
        st.sampled_from(sorted(ACTORS)), st.sampled_from(TASKS), st.sampled_from(PLACES),
        st.integers(2018, 2022), st.one_of(st.none(), st.integers(1, 4)), st.integers(1, 12),
        st.sampled_from(["actual", "actual", "actual", "planned", "proposed"]),
    ),
    max_size=12,
)
demand_sets = st.lists(st.sampled_from(TASKS), unique=True, max_size=4)


def facts(rows: list[tuple[Any, ...]], without: str | None = None) -> list[tuple[Any, ...]]:
    out = []
    for i, (actor, task, place, start, length, month, status) in enumerate(rows):
        if actor == without:
            continue
        end = f"{start + length}-{month:02d}-01" if length else None
        out.append((f"c{i}", actor, task, place, f"{start}-{month:02d}-01", end, status))
    return out


def snap(rows: list[tuple[Any, ...]], demand: list[str], without: str | None = None) -> Snapshot:
    return snapshot_of(world(ACTORS, facts(rows, without), demand, extra=DEEPER), "ZZA")


def gaps(s: Snapshot, on: dt.date = ON) -> set[tuple[str, str]]:
    return {(p, r.task) for p in PLACES for r in cov.matrix(s, p, on).tasks if r.state == "gap"}


@SETTINGS
@given(rows=coverage_rows, demand=demand_sets, removed=st.sampled_from(sorted(ACTORS)))
def test_removing_an_actor_never_reduces_gaps(rows: list[Any], demand: list[str], removed: str) -> None:
    assert gaps(snap(rows, demand)) <= gaps(snap(rows, demand, without=removed))


@SETTINGS
@given(rows=coverage_rows, demand=demand_sets, planned=st.booleans())
def test_matrix_and_who_covers_agree(rows: list[Any], demand: list[str], planned: bool) -> None:
    s = snap(rows, demand)
    for place in PLACES:
        by_task = {r.task: r for r in cov.matrix(s, place, ON, include_planned=planned).tasks}
        for task in TASKS:
            answer = cov.coverings(s, [task], place, ON, include_planned=planned)
            actors = tuple(sorted({a.coverage.actor for a in answer}))
            assert actors == (by_task[task].actors if task in by_task else ()), (place, task)


@SETTINGS
@given(rows=coverage_rows, demand=demand_sets, planned=st.booleans(), year=st.integers(2017, 2027))
def test_one_tasks_facts_through_the_task_index_are_the_full_scans(rows: list[Any], demand: list[str], planned: bool,
                                                                    year: int) -> None:
    s = snap(rows, demand)
    on = dt.date(year, 6, 15)
    for place in PLACES:
        everything = s.facts_in_scope(place, on, planned)
        for task in [*TASKS, "no_such_task"]:
            assert s.facts_in_scope(place, on, planned, task) == [f for f in everything if f.task == task], (place, task)


@SETTINGS
@given(rows=coverage_rows, demand=demand_sets, planned=st.booleans(), place=st.sampled_from(PLACES))
def test_the_timeline_sweep_agrees_with_the_matrix_every_month(rows: list[Any], demand: list[str], planned: bool,
                                                              place: str) -> None:
    s = snap(rows, demand)
    start, end = dt.date(2017, 11, 1), dt.date(2027, 2, 1)
    points = {(p.month, p.task): (p.state, p.actors) for p in cov.timeline(s, place, start, end, planned)}
    for month in cov.month_starts(start, end)[::7]:
        expected = {(month, r.task): (r.state, r.actors) for r in cov.matrix(s, place, month, planned).tasks}
        assert {k: v for k, v in points.items() if k[0] == month} == expected, month


@SETTINGS
@given(rows=coverage_rows, demand=demand_sets, place=st.sampled_from(PLACES),
       a=st.dates(dt.date(2017, 1, 1), dt.date(2026, 1, 1)), days=st.integers(0, 2000))
def test_the_diff_agrees_with_the_matrix_on_both_dates(rows: list[Any], demand: list[str], place: str,
                                                      a: dt.date, days: int) -> None:
    s = snap(rows, demand)
    b = a + dt.timedelta(days=days)
    d = df.diff(s, place, a, b)
    for day, state, actors in ((a, "state_from", "actors_from"), (b, "state_to", "actors_to")):
        m = {r.task: (r.state, r.actors) for r in cov.matrix(s, place, day).tasks}
        got = {t.task: (getattr(t, state), getattr(t, actors)) for t in d.tasks if getattr(t, state)}
        assert got == m
    for t in d.tasks:
        assert set(t.added) == set(t.actors_to) - set(t.actors_from)
        assert all(a < e.date <= b for e in t.events)


@SETTINGS
@given(rows=coverage_rows, demand=demand_sets)
def test_a_what_if_with_no_departures_changes_nothing(rows: list[Any], demand: list[str]) -> None:
    bundle = world(ACTORS, facts(rows), demand, extra=DEEPER)
    r = dd.evaluate(snapshot_of(bundle, "ZZA"), partners_of(bundle), "ZZA", [], on=ON)
    assert {c.outcome for c in r.cells} <= {"unchanged"}
    assert all(c.before == c.after for c in r.cells)
    assert r.lost == [] and r.funding_ending == ()


@SETTINGS
@given(rows=coverage_rows, demand=demand_sets, leaving=st.sets(st.sampled_from(sorted(ACTORS)), min_size=1),
       area=st.sampled_from([None, "ZZA-north", "ZZA-south"]))
def test_drawdown_units_agree_with_the_matrix(rows: list[Any], demand: list[str], leaving: set[str],
                                              area: str | None) -> None:
    s = snap(rows, demand)
    r = dd.evaluate(s, partners_of(world(ACTORS, [])), "ZZA",
                    [dd.Departure(a, ON, (area,) if area else ()) for a in sorted(leaving)])
    for c in r.cells:
        for u in c.affects:
            before = {x.task: x.actors for x in cov.matrix(s, u.place, r.before).tasks}
            after = {x.task: x.actors for x in cov.matrix(s, u.place, r.after).tasks}
            assert u.before == before.get(c.task, ()), (c.task, u.place)
            gone = {a for a in leaving if area is None or s.related(u.place, area)}
            assert set(u.after) == set(after.get(c.task, ())) - gone, (c.task, u.place)
        if c in r.lost:
            assert any(set(u.before) & leaving for u in c.affects), "a lost row had a departing actor"
            assert all(u.after == () for u in c.affects if u.place in c.left_uncovered)
            assert c.cause == "departure"


@SETTINGS
@given(rows=coverage_rows, demand=demand_sets, planned=st.booleans())
def test_proposed_never_counts(rows: list[Any], demand: list[str], planned: bool) -> None:
    kept = [r for r in rows if r[-1] != "proposed"]
    with_proposed, without = snap(rows, demand), snap(kept, demand)
    for place in PLACES:
        a = cov.matrix(with_proposed, place, ON, planned)
        b = cov.matrix(without, place, ON, planned)
        assert (a.tasks, a.counts, [x.id for x in a.actors]) == (b.tasks, b.counts, [x.id for x in b.actors])
