"""Strict ids against a real Neo4j: every unknown id fails the request, named with its argument and with
suggestions from the full-text index (or look-alike ids for transitions and coverage facts)."""

from __future__ import annotations

import pytest

from peacegraph.graph.analysis.ids import UnknownIds, Wanted
from peacegraph.graph.analysis.load import SnapshotStore
from peacegraph.graph.store.database import Database
from tests.unit.analysis.test_drawdown import RULES
from tests.unit.analysis.worlds import SRC, load


@pytest.fixture
async def ruled(graph: Database) -> Database:
    transition = {"id": "tr:a1-withdrawal", "kind": "withdrawal", "from_actor": "a1", "places": ["ZZA"],
                  "end": "2021-09-01", "cites": SRC}
    await load(graph, RULES.model_validate({**RULES.model_dump(), "transitions": [transition]}))
    return graph


async def test_every_unknown_id_is_named_with_its_argument_and_suggestions(ruled: Database) -> None:
    with pytest.raises(UnknownIds) as caught:
        await SnapshotStore().prepare(ruled, ["ZZA-sout"], [
            Wanted("task", "civilian_protektion", "task"), Wanted("actor", "a1", "departures[0].actor"),
            Wanted("actor", "eu", "handovers[0].to"), Wanted("transition", "tr:a1-withdrawl", "transition")])
    found = {(u.wanted.argument, u.wanted.id): u.suggestions for u in caught.value.unknown}
    assert set(found) == {("place", "ZZA-sout"), ("task", "civilian_protektion"),
                          ("transition", "tr:a1-withdrawl")}, "known ids (a1, eu) are not errors"
    assert found[("place", "ZZA-sout")][0] == "ZZA-south"
    assert found[("task", "civilian_protektion")][0] == "civilian_protection"
    assert found[("transition", "tr:a1-withdrawl")] == ("tr:a1-withdrawal",)
    assert "no task with id 'civilian_protektion' (argument `task`); did you mean 'civilian_protection'" in str(
        caught.value)


async def test_a_task_group_asked_for_as_a_task_says_so(ruled: Database) -> None:
    with pytest.raises(UnknownIds, match="'protection' is a task group: ask for it with taskGroup"):
        await SnapshotStore().prepare(ruled, ["ZZA"], [Wanted("task", "protection", "task")])
