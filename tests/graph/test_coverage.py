"""Coverage states, containment, dates, planned status and who-covers on a small hand-built graph.

The world (see builders.world): country ZZA with areas North and South. Query date D = 2021-06-01.
  civilian_protection  m1 (UN) at ZZA 2020-01-01..2022-01-01, m3 (AU) at North from 2020-01-01 (open)
  human_rights         m1 (UN) at ZZA 2020-01-01..2022-01-01, m2 (UN) at South 2019-01-01..2030-01-01
  electoral_assistance m4 (EU) at South, starting exactly on D
  mine_action          m2 (UN) at ZZA, ending exactly on D (valid_to is exclusive) + m4 planned from 2021-01-01
  child_protection     m2 (UN) at North, 2010-01-01..2011-01-01 (long over)
Demand (mandate R1, since 2000, ZZA): civilian_protection, human_rights, electoral_assistance, mine_action.
"""

from __future__ import annotations

import datetime as dt

import pytest

from peacegraph.graph.analysis.coverage import coverage_matrix, state_of, who_covers
from peacegraph.graph.analysis.facts import UnknownPlace, in_force
from peacegraph.graph.store.database import Database
from tests.graph.builders import load, world

D = dt.date(2021, 6, 1)
MISSIONS = {"m1": "un", "m2": "un", "m3": "au", "m4": "eu"}
COVERAGE = [
    ("c1", "m1", "civilian_protection", "ZZA", "2020-01-01", "2022-01-01"),
    ("c2", "m3", "civilian_protection", "ZZA-north", "2020-01-01", None),
    ("c3", "m1", "human_rights", "ZZA", "2020-01-01", "2022-01-01"),
    ("c4", "m2", "human_rights", "ZZA-south", "2019-01-01", "2030-01-01"),
    ("c5", "m4", "electoral_assistance", "ZZA-south", "2021-06-01", "2022-01-01"),
    ("c6", "m2", "mine_action", "ZZA", "2019-01-01", "2021-06-01"),
    ("c7", "m4", "mine_action", "ZZA", "2021-01-01", None, "planned"),
    ("c8", "m2", "child_protection", "ZZA-north", "2010-01-01", "2011-01-01"),
]
DEMAND = ["civilian_protection", "human_rights", "electoral_assistance", "mine_action"]


@pytest.fixture
async def zedland(graph: Database) -> Database:
    await load(graph, world(MISSIONS, COVERAGE, DEMAND, funding=[("f1", "eu", "m3", ["c2"]), ("f2", "un", "m1", [])]))
    return graph


def states(matrix) -> dict[str, tuple[str, tuple[str, ...]]]:  # type: ignore[no-untyped-def]
    return {r.task: (r.state, r.actors) for r in matrix.tasks}


def test_in_force_rule_is_from_inclusive_to_exclusive() -> None:
    assert in_force(D, None, D)
    assert not in_force(None, D, D)
    assert in_force(None, None, D)
    assert not in_force(D + dt.timedelta(days=1), None, D)


def test_state_of_each_case() -> None:
    assert state_of(set(), set(), demanded=True) == "gap"
    assert state_of(set(), set(), demanded=False) is None
    assert state_of({"a"}, {"un"}, demanded=False) == "thin"
    assert state_of({"a", "b"}, {"un"}, demanded=True) == "covered"
    assert state_of({"a", "b"}, {"un", "au"}, demanded=True) == "overlap"


async def test_matrix_of_the_country_has_every_state(zedland: Database) -> None:
    m = await coverage_matrix(zedland, "ZZA", D)
    assert states(m) == {
        "civilian_protection": ("overlap", ("m1", "m3")),
        "human_rights": ("covered", ("m1", "m2")),
        "electoral_assistance": ("thin", ("m4",)),
        "mine_action": ("gap", ()),
    }
    assert m.counts == {"gap": 1, "thin": 1, "overlap": 1, "covered": 1}
    assert {a.id for a in m.actors} == {"m1", "m2", "m3", "m4"}
    cell = next(c for c in m.cells if c.task == "civilian_protection" and c.actor == "m3")
    assert [f.id for f in cell.coverages] == ["c2"]
    assert next(r for r in m.tasks if r.task == "mine_action").demand == ("R1",)


async def test_area_includes_country_level_coverage_but_not_sibling_areas(zedland: Database) -> None:
    north = states(await coverage_matrix(zedland, "ZZA-north", D))
    assert north == {
        "civilian_protection": ("overlap", ("m1", "m3")),
        "human_rights": ("thin", ("m1",)),
        "electoral_assistance": ("gap", ()),
        "mine_action": ("gap", ()),
    }
    south = states(await coverage_matrix(zedland, "ZZA-south", D))
    assert south["human_rights"] == ("covered", ("m1", "m2"))
    assert south["electoral_assistance"] == ("thin", ("m4",))
    assert south["civilian_protection"] == ("thin", ("m1",))


async def test_dates_open_ended_and_boundaries(zedland: Database) -> None:
    day_before = states(await coverage_matrix(zedland, "ZZA", D - dt.timedelta(days=1)))
    assert day_before["mine_action"] == ("thin", ("m2",)), "c6 still in force the day before it ends"
    assert "electoral_assistance" in day_before and day_before["electoral_assistance"][0] == "gap"
    later = states(await coverage_matrix(zedland, "ZZA", dt.date(2040, 1, 1)))
    assert later["civilian_protection"] == ("thin", ("m3",)), "open-ended coverage still counts"
    past = states(await coverage_matrix(zedland, "ZZA", dt.date(2010, 6, 1)))
    assert past == {"child_protection": ("thin", ("m2",)),
                    **{t: ("gap", ()) for t in DEMAND}}


async def test_planned_coverage_counts_only_when_asked(zedland: Database) -> None:
    assert states(await coverage_matrix(zedland, "ZZA", D))["mine_action"] == ("gap", ())
    planned = await coverage_matrix(zedland, "ZZA", D, include_planned=True)
    assert states(planned)["mine_action"] == ("thin", ("m4",))


async def test_who_covers_with_mandate_funding_and_sources(zedland: Database) -> None:
    answers = await who_covers(zedland, "civilian_protection", "ZZA-north", D)
    assert [a.coverage.actor for a in answers] == ["m1", "m3"]
    by_actor = {a.coverage.actor: a for a in answers}
    assert [f.id for f in by_actor["m3"].funding] == ["f1"]
    assert by_actor["m3"].funding[0].pays_for_this
    assert [f.id for f in by_actor["m1"].funding] == ["f2"]
    assert by_actor["m1"].mandates_in_force == ("R1",)
    assert by_actor["m3"].coverage.sources[0].locator == "worked example"
    assert await who_covers(zedland, "mine_action", "ZZA", D) == []


async def test_unknown_place_is_a_clear_error(zedland: Database) -> None:
    with pytest.raises(UnknownPlace, match="no place with id 'ATL'"):
        await coverage_matrix(zedland, "ATL", D)


async def test_matrix_costs_three_round_trips(zedland: Database) -> None:
    zedland.round_trips = 0
    await coverage_matrix(zedland, "ZZA", D)
    assert zedland.round_trips == 3
