"""Drawdown what-ifs and recorded transitions on the hand-built world of test_coverage.

m1 (UN) leaves ZZA on 2021-09-01 (evaluated 2021-08-31 → 2021-09-01). Worked by hand:
  civilian_protection: m1 at ZZA (country-wide) + m3 (AU) at North
    ZZA {m1,m3}→{m3} thinned; North {m1,m3}→{m3} thinned; South {m1}→{} lost
  human_rights: m1 at ZZA + m2 (UN) at South
    ZZA {m1,m2}→{m2} thinned; South {m1,m2}→{m2} thinned; North {m1}→{} lost
  electoral_assistance (m4 at South) unchanged. Funding f2 (UN → m1) ends, paying for both tasks.
"""

from __future__ import annotations

import datetime as dt

import pytest

from peacegraph.graph.analysis.drawdown import Departure, HandoverPlan, drawdown_of_transition, drawdown_what_if
from peacegraph.graph.store.database import Database
from peacegraph.graph.store.export import export_bundle
from tests.graph.builders import load, world
from tests.graph.test_coverage import COVERAGE, DEMAND, MISSIONS

LEAVE = dt.date(2021, 9, 1)
TRANSITION = {
    "id": "tr1", "kind": "withdrawal", "from_actor": "m1", "places": ["ZZA"], "end": "2021-09-01",
    "handovers": [{"task": "human_rights", "to": "m3", "place": "ZZA-north"}],
    "cites": [{"source": "test", "locator": "worked example"}],
}


@pytest.fixture
async def zedland(graph: Database) -> Database:
    await load(graph, world(MISSIONS, COVERAGE, DEMAND, agreements=[("un", "eu")],
                            funding=[("f1", "eu", "m3", ["c2"]), ("f2", "un", "m1", [])],
                            handover_transitions=[TRANSITION]))
    return graph


def cells(result, outcome: str) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return {(c.task, c.place) for c in result.outcome(outcome)}


async def test_departure_loses_and_thins_cells(zedland: Database) -> None:
    r = await drawdown_what_if(zedland, "ZZA", [Departure("m1", LEAVE)])
    assert r.before == dt.date(2021, 8, 31) and r.after == LEAVE
    assert cells(r, "lost") == {("civilian_protection", "ZZA-south"), ("human_rights", "ZZA-north")}
    assert cells(r, "thinned") == {("civilian_protection", "ZZA"), ("civilian_protection", "ZZA-north"),
                                   ("human_rights", "ZZA"), ("human_rights", "ZZA-south")}
    assert cells(r, "saved") == set()
    assert ("electoral_assistance", "ZZA-south") in cells(r, "unchanged")
    lost = next(c for c in r.lost if c.place == "ZZA-north")
    assert (lost.state_before, lost.state_after) == ("thin", "gap")
    assert [f.id for f in r.funding_ending] == ["f2"]
    assert r.funding_ending[0].tasks == ("civilian_protection", "human_rights")


async def test_candidates_are_ranked_with_reasons(zedland: Database) -> None:
    r = await drawdown_what_if(zedland, "ZZA", [Departure("m1", LEAVE)])
    lost = next(c for c in r.lost if (c.task, c.place) == ("human_rights", "ZZA-north"))
    ranked = [(c.actor, c.basis) for c in lost.candidates]
    assert ranked == [
        ("m3", "same_place_same_group"),
        ("m2", "present_in_country"),
        ("m4", "present_in_country"),
        ("eu", "partner_under_agreement"),
        ("gov-zza", "host_state"),
    ]
    assert "civilian protection in North" in lost.candidates[0].reason
    assert lost.candidates[3].reason == "partner of un under UN-EU framework"
    assert all(c.actor != "m1" for c in lost.candidates), "the departing actor is never a candidate"


async def test_handover_to_a_present_actor_saves_the_cell(zedland: Database) -> None:
    r = await drawdown_what_if(zedland, "ZZA", [Departure("m1", LEAVE)],
                               [HandoverPlan("human_rights", "m3", "ZZA-north")])
    assert cells(r, "saved") == {("human_rights", "ZZA-north")}
    saved = r.saved[0]
    assert saved.saved_by == "m3" and saved.after == ("m3",)
    assert ("human_rights", "ZZA-north") not in cells(r, "lost")


async def test_handover_to_an_absent_actor_does_not_save(zedland: Database) -> None:
    r = await drawdown_what_if(zedland, "ZZA", [Departure("m1", LEAVE)],
                               [HandoverPlan("human_rights", "au", "ZZA-north")])
    assert cells(r, "saved") == set()
    assert ("human_rights", "ZZA-north") in cells(r, "lost")


async def test_two_departures_on_the_same_day(zedland: Database) -> None:
    r = await drawdown_what_if(zedland, "ZZA", [Departure("m1", LEAVE), Departure("m3", LEAVE)])
    assert {p for t, p in cells(r, "lost") if t == "civilian_protection"} == {"ZZA", "ZZA-north", "ZZA-south"}
    assert {f.id for f in r.funding_ending} == {"f1", "f2"}


async def test_departure_from_one_area_only(zedland: Database) -> None:
    r = await drawdown_what_if(zedland, "ZZA", [Departure("m1", LEAVE, ("ZZA-north",))])
    assert cells(r, "lost") == {("human_rights", "ZZA-north")}
    assert ("civilian_protection", "ZZA-south") in cells(r, "unchanged")


async def test_recorded_transition_uses_its_handovers(zedland: Database) -> None:
    r = await drawdown_of_transition(zedland, "tr1")
    assert r.transition == "tr1"
    assert cells(r, "saved") == {("human_rights", "ZZA-north")}
    assert cells(r, "lost") == {("civilian_protection", "ZZA-south")}


async def test_what_if_writes_nothing_and_costs_fixed_round_trips(zedland: Database) -> None:
    before = (await export_bundle(zedland)).model_dump()
    zedland.round_trips = 0
    await drawdown_what_if(zedland, "ZZA", [Departure("m1", LEAVE), Departure("m2", LEAVE)])
    assert zedland.round_trips == 6
    assert (await export_bundle(zedland)).model_dump() == before
