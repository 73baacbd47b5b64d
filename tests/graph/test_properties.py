"""Property tests on random small worlds (hypothesis), each loaded into the real Neo4j.

- removing an actor never reduces the set of gaps;
- a what-if with no departures changes nothing;
- the coverage matrix and who-covers agree cell by cell.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from peacegraph.graph.analysis.coverage import coverage_matrix, who_covers
from peacegraph.graph.analysis.drawdown import drawdown_what_if
from peacegraph.graph.store.database import Database
from tests.graph.builders import TASK_GROUPS, load, world

ACTORS = {"m1": "un", "m2": "un", "m3": "au", "m4": "eu"}
PLACES = ["ZZA", "ZZA-north", "ZZA-south"]
TASKS = sorted(TASK_GROUPS)
ON = dt.date(2021, 6, 15)
SETTINGS = settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck))

coverage_rows = st.lists(
    st.tuples(
        st.sampled_from(sorted(ACTORS)), st.sampled_from(TASKS[:4]), st.sampled_from(PLACES),
        st.integers(2018, 2022), st.one_of(st.none(), st.integers(1, 4)),
        st.sampled_from(["actual", "actual", "planned"]),
    ),
    max_size=10,
)
demand_sets = st.lists(st.sampled_from(TASKS[:4]), unique=True, max_size=4)


def build(rows: list[tuple[Any, ...]], without: str | None = None) -> list[tuple[Any, ...]]:
    out = []
    for i, (actor, task, place, start, length, status) in enumerate(rows):
        if actor == without:
            continue
        end = f"{start + length}-01-01" if length else None
        out.append((f"c{i}", actor, task, place, f"{start}-01-01", end, status))
    return out


async def gaps(graph: Database) -> set[tuple[str, str]]:
    found = set()
    for place in PLACES:
        matrix = await coverage_matrix(graph, place, ON)
        found |= {(place, r.task) for r in matrix.tasks if r.state == "gap"}
    return found


@SETTINGS
@given(rows=coverage_rows, demand=demand_sets, removed=st.sampled_from(sorted(ACTORS)))
async def test_removing_an_actor_never_reduces_gaps(graph: Database, rows: list[Any], demand: list[str],
                                                     removed: str) -> None:
    await graph.wipe()
    await load(graph, world(ACTORS, build(rows), demand))
    with_actor = await gaps(graph)
    await graph.wipe()
    await load(graph, world(ACTORS, build(rows, without=removed), demand))
    assert with_actor <= await gaps(graph)


@SETTINGS
@given(rows=coverage_rows, demand=demand_sets)
async def test_what_if_with_no_departures_changes_nothing(graph: Database, rows: list[Any], demand: list[str]) -> None:
    await graph.wipe()
    await load(graph, world(ACTORS, build(rows), demand))
    result = await drawdown_what_if(graph, "ZZA", [], on=ON)
    assert {c.outcome for c in result.cells} <= {"unchanged"}
    assert all(c.before == c.after for c in result.cells)
    assert result.funding_ending == ()


@SETTINGS
@given(rows=coverage_rows, demand=demand_sets, planned=st.booleans())
async def test_matrix_and_who_covers_agree(graph: Database, rows: list[Any], demand: list[str], planned: bool) -> None:
    await graph.wipe()
    await load(graph, world(ACTORS, build(rows), demand))
    for place in PLACES:
        matrix = await coverage_matrix(graph, place, ON, include_planned=planned)
        rows_by_task = {r.task: r for r in matrix.tasks}
        for task in TASKS[:4]:
            answer = await who_covers(graph, task, place, ON, include_planned=planned)
            actors = tuple(sorted({a.coverage.actor for a in answer}))
            expected = rows_by_task[task].actors if task in rows_by_task else ()
            assert actors == expected, (place, task)
