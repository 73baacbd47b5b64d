"""Coverage states, containment, dates, planned status, who-covers and "under which mandate" on small worlds.

The world (worlds.world): country ZZA with areas North and South. Query date D = 2021-06-01.
  civilian_protection  m1 (UN) at ZZA 2020-01-01..2022-01-01, m3 (AU) at North from 2020-01-01 (open)
  human_rights         m1 (UN) at ZZA 2020-01-01..2022-01-01, m2 (UN) at South 2019-01-01..2030-01-01
  electoral_assistance m4 (EU) at South, starting exactly on D
  mine_action          m2 (UN) at ZZA, ending exactly on D (valid_to is exclusive) + m4 planned from 2021-01-01
  child_protection     m2 (UN) at North, 2010-01-01..2011-01-01 (long over)
Demand (mandate R1, since 2000, ZZA, authorising m1): civilian_protection, human_rights, electoral_assistance,
mine_action. Funding: f1 (EU → m3, pays for c2), f2 (UN → m1, no named coverage).
"""

from __future__ import annotations

import datetime as dt

import pytest

from peacegraph.graph.analysis import coverage as cov
from peacegraph.graph.analysis import snapshot as snapshot_module
from peacegraph.graph.analysis.snapshot import Snapshot
from tests.unit.analysis.memory import snapshot_of
from tests.unit.analysis.worlds import SRC, world

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
FUNDING = [("f1", "eu", "m3", ["c2"]), ("f2", "un", "m1", [])]


def zedland() -> Snapshot:
    return snapshot_of(world(MISSIONS, COVERAGE, DEMAND, funding=FUNDING), "ZZA")


def states(m: cov.Matrix) -> dict[str, tuple[str, tuple[str, ...]]]:
    return {r.task: (r.state, r.actors) for r in m.tasks}


def test_matrix_of_the_country_has_every_state() -> None:
    m = cov.matrix(zedland(), "ZZA", D)
    assert states(m) == {
        "civilian_protection": ("overlap", ("m1", "m3")),
        "human_rights": ("covered", ("m1", "m2")),
        "electoral_assistance": ("thin", ("m4",)),
        "mine_action": ("gap", ()),
    }
    assert m.counts == {"gap": 1, "thin": 1, "overlap": 1, "covered": 1}
    assert {a.id for a in m.actors} == {"m1", "m2", "m3", "m4"}
    cell = next(c for c in m.cells if c.task == "civilian_protection" and c.actor == "m3")
    assert [f.id for f in cell.coverages] == ["c2"] and not cell.inherited
    assert next(r for r in m.tasks if r.task == "mine_action").demand == ("R1",)


def test_area_includes_country_level_coverage_but_not_sibling_areas() -> None:
    snap = zedland()
    north = cov.matrix(snap, "ZZA-north", D)
    assert states(north) == {
        "civilian_protection": ("overlap", ("m1", "m3")),
        "human_rights": ("thin", ("m1",)),
        "electoral_assistance": ("gap", ()),
        "mine_action": ("gap", ()),
    }
    inherited = {(c.task, c.actor): c.inherited for c in north.cells}
    assert inherited == {("civilian_protection", "m1"): True, ("civilian_protection", "m3"): False,
                         ("human_rights", "m1"): True}
    south = states(cov.matrix(snap, "ZZA-south", D))
    assert south["human_rights"] == ("covered", ("m1", "m2"))
    assert south["electoral_assistance"] == ("thin", ("m4",))
    assert south["civilian_protection"] == ("thin", ("m1",))


def test_dates_open_ended_and_boundaries() -> None:
    snap = zedland()
    day_before = states(cov.matrix(snap, "ZZA", D - dt.timedelta(days=1)))
    assert day_before["mine_action"] == ("thin", ("m2",)), "c6 still in force the day before it ends"
    assert day_before["electoral_assistance"] == ("gap", ())
    later = states(cov.matrix(snap, "ZZA", dt.date(2040, 1, 1)))
    assert later["civilian_protection"] == ("thin", ("m3",)), "open-ended coverage still counts"
    past = states(cov.matrix(snap, "ZZA", dt.date(2010, 6, 1)))
    assert past == {"child_protection": ("thin", ("m2",)), **{t: ("gap", ()) for t in DEMAND}}


def test_a_cell_holds_only_the_facts_of_its_run_in_force_and_is_inherited_by_them() -> None:
    # m1's civilian protection: at the country 2020-2022, in North 2022-2024 and again at the country from 2024
    runs = [("r1", "m1", "civilian_protection", "ZZA", "2020-01-01", "2022-01-01"),
            ("r2", "m1", "civilian_protection", "ZZA-north", "2022-01-01", "2024-01-01"),
            ("r3", "m1", "civilian_protection", "ZZA", "2023-06-01", None)]
    snap = snapshot_of(world({"m1": "un"}, runs, ["civilian_protection"]), "ZZA")

    def cell(place: str, on: dt.date) -> tuple[list[str], bool]:
        m = cov.matrix(snap, place, on)
        (c,) = [c for c in m.cells if c.actor == "m1"]
        return [f.id for f in c.coverages], c.inherited

    assert cell("ZZA-north", dt.date(2021, 1, 1)) == (["r1"], True), "only the country's fact: inherited"
    assert cell("ZZA-north", dt.date(2022, 6, 1)) == (["r2"], False)
    assert cell("ZZA-north", dt.date(2023, 7, 1)) == (["r2", "r3"], False), "one fact declared in North itself"
    assert cell("ZZA-north", dt.date(2025, 1, 1)) == (["r3"], True)
    assert cov.matrix(snap, "ZZA-north", dt.date(2019, 1, 1)).cells == ()


def test_planned_coverage_counts_only_when_asked_and_proposed_never() -> None:
    snap = zedland()
    assert states(cov.matrix(snap, "ZZA", D))["mine_action"] == ("gap", ())
    assert states(cov.matrix(snap, "ZZA", D, include_planned=True))["mine_action"] == ("thin", ("m4",))
    proposed = snapshot_of(world(MISSIONS, [("p1", "m4", "mine_action", "ZZA", "2021-01-01", None, "proposed")],
                                 DEMAND), "ZZA")
    assert states(cov.matrix(proposed, "ZZA", D, include_planned=True))["mine_action"] == ("gap", ())


def test_coverage_of_an_ended_mission_does_not_count() -> None:
    snap = snapshot_of(world({"m1": "un"}, [("c1", "m1", "human_rights", "ZZA", "2010-01-01", None)],
                             mission_fields={"m1": {"valid_to": "2015-01-01"}}), "ZZA")
    assert states(cov.matrix(snap, "ZZA", dt.date(2014, 12, 31))) == {"human_rights": ("thin", ("m1",))}
    assert states(cov.matrix(snap, "ZZA", dt.date(2015, 1, 1))) == {}


def test_who_covers_with_mandate_funding_and_currency() -> None:
    answers = cov.coverings(zedland(), ["civilian_protection"], "ZZA-north", D)
    assert [a.coverage.actor for a in answers] == ["m1", "m3"]
    by_actor = {a.coverage.actor: a for a in answers}
    assert [(f.id, f.pays_for_this) for f in by_actor["m3"].funding] == [("f1", True)]
    assert [(f.id, f.pays_for_this) for f in by_actor["m1"].funding] == [("f2", False)]
    assert by_actor["m1"].mandates_in_force == ("R1",)
    assert by_actor["m3"].mandates_in_force == (), "no mandate authorises m3"
    assert by_actor["m3"].currency.end_unknown and not by_actor["m3"].currency.stale
    assert by_actor["m3"].currency.verified_on == dt.date(2021, 1, 1), "the mission's verified_on"
    assert not by_actor["m1"].currency.end_unknown
    assert cov.coverings(zedland(), ["mine_action"], "ZZA", D) == []


def test_who_covers_a_group_of_tasks() -> None:
    answers = cov.coverings(zedland(), ["civilian_protection", "human_rights"], "ZZA-south", D)
    assert [(a.coverage.task, a.coverage.actor) for a in answers] == [
        ("civilian_protection", "m1"), ("human_rights", "m1"), ("human_rights", "m2")]


# -- under which mandate --------------------------------------------------------------------------------------------
def _mandate(mid: str, action: str, tasks: list[str], places: list[str], authorizes: list[str], **more: object
             ) -> dict[str, object]:
    return {"id": mid, "kind": "unsc_resolution", "issued_by": "un", "action": action, "tasks": tasks,
            "places": places, "authorizes": authorizes, "valid_from": "2010-01-01", "valid_to": "2030-01-01",
            "cites": SRC, **more}


MANDATED = world(
    {"mx": "un", "my": "au"},
    [("n1", "mx", "civilian_protection", "ZZA-north", "2015-01-01", None),
     ("z1", "mx", "civilian_protection", "ZZA", "2015-01-01", None),
     ("l1", "mx", "logistics_support", "ZZA", "2015-01-01", None)],
    mandates=[
        _mandate("E1", "establish", ["civilian_protection", "human_rights"], ["ZZA"], ["mx"]),
        _mandate("S1", "authorise_support", ["logistics_support"], ["ZZA"], ["mx", "my"], supports=["my"]),
        _mandate("MN", "modify", ["civilian_protection"], ["ZZA-north"], ["mx"], renews="E1", valid_to=None),
        _mandate("MS", "modify", ["civilian_protection"], ["ZZA-south"], ["mx"], renews="E1"),
        _mandate("OLD", "establish", ["civilian_protection"], ["ZZA"], ["mx"], valid_to="2014-01-01"),
        _mandate("T1", "terminate", ["civilian_protection"], ["ZZA"], ["mx"], valid_from="2031-01-01",
                 valid_to=None),
        _mandate("P1", "modify", ["civilian_protection"], ["ZZA"], ["mx"], status="proposed"),
    ])


def mandates_of(task: str, place: str, on: dt.date = D) -> dict[str, tuple[str, ...]]:
    return {a.coverage.id: a.mandates_in_force for a in cov.coverings(snapshot_of(MANDATED, "ZZA"), [task], place, on)}


def test_only_mandates_that_assign_the_task_are_listed() -> None:
    assert mandates_of("civilian_protection", "ZZA-north") == {"n1": ("MN", "E1"), "z1": ("MN", "E1")}
    assert mandates_of("logistics_support", "ZZA") == {"l1": ("S1",)}, "the support authorisation assigns logistics"


def test_a_sibling_areas_mandate_is_never_listed() -> None:
    assert mandates_of("civilian_protection", "ZZA-south") == {"z1": ("MS", "E1")}
    assert mandates_of("civilian_protection", "ZZA") == {"n1": ("MN", "E1"), "z1": ("E1",)}


def test_a_modification_without_an_end_stays_in_force_as_long_as_the_mandate_it_modifies() -> None:
    assert mandates_of("civilian_protection", "ZZA-north", dt.date(2029, 12, 31)) == {"n1": ("MN", "E1"),
                                                                                       "z1": ("MN", "E1")}
    assert mandates_of("civilian_protection", "ZZA-north", dt.date(2030, 6, 1)) == {"n1": (), "z1": ()}


def test_timeline_gives_monthly_states() -> None:
    points = cov.timeline(zedland(), "ZZA", dt.date(2020, 11, 15), dt.date(2021, 7, 1))
    by = {(p.month, p.task): (p.state, p.actors) for p in points}
    assert by[(dt.date(2021, 5, 1), "mine_action")] == ("thin", ("m2",))
    assert by[(dt.date(2021, 6, 1), "mine_action")] == ("gap", ()), "c6 ends on 2021-06-01"
    assert by[(dt.date(2021, 6, 1), "electoral_assistance")] == ("thin", ("m4",))
    assert by[(dt.date(2021, 5, 1), "electoral_assistance")] == ("gap", ())
    assert {p.month for p in points} == {dt.date(2020, 11, 1), dt.date(2020, 12, 1), *(
        dt.date(2021, m, 1) for m in range(1, 8))}
    assert cov.month_starts(dt.date(2013, 11, 15), dt.date(2014, 2, 1)) == [
        dt.date(2013, 11, 1), dt.date(2013, 12, 1), dt.date(2014, 1, 1), dt.date(2014, 2, 1)]


def test_a_snapshot_keeps_the_timeline_events_of_its_last_places_only_and_answers_the_same_after(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(snapshot_module, "PLACES_KEPT", 2)
    snap = zedland()
    first = {p: cov.timeline(snap, p, dt.date(2019, 1, 1), dt.date(2022, 1, 1)) for p in ("ZZA", "ZZA-north",
                                                                                          "ZZA-south")}
    assert list(snap._kept["events"]) == [("ZZA-north", 0), ("ZZA-south", 0)], "the oldest place was dropped"
    assert cov.timeline(snap, "ZZA", dt.date(2019, 1, 1), dt.date(2022, 1, 1)) == first["ZZA"]
    assert len(snap._kept["events"]) == 2 and first["ZZA"], "built again, the same months"


def test_timeline_runs_give_back_the_monthly_points_and_break_where_state_actors_or_months_change() -> None:
    points = cov.timeline(zedland(), "ZZA", dt.date(2020, 11, 15), dt.date(2021, 7, 1))
    runs = cov.runs_of(points)
    assert len(runs) < len(points)
    expanded = {(m, r.task, r.state, r.actors) for r in runs
                for m in cov.month_starts(r.first, r.last)}
    assert expanded == {(p.month, p.task, p.state, p.actors) for p in points}
    mine = [(r.state, r.actors, r.first, r.last) for r in runs if r.task == "mine_action"]
    assert any(s == "thin" and a == ("m2",) and last == dt.date(2021, 5, 1) for s, a, _, last in mine), mine
    assert any(s == "gap" and first == dt.date(2021, 6, 1) for s, _, first, _ in mine), "c6 ends on 2021-06-01"
    t = cov.TimelinePoint
    gap = cov.runs_of([t(dt.date(2020, 1, 1), "x", "thin", ("a",)), t(dt.date(2020, 3, 1), "x", "thin", ("a",))])
    assert [(r.first, r.last) for r in gap] == [(dt.date(2020, 1, 1),) * 2, (dt.date(2020, 3, 1),) * 2], \
        "a month with no point ends a run"


def test_host_state_responsibility_is_a_marker_never_coverage() -> None:
    bundle = world({"m1": "un"}, [], ["civilian_protection"])
    bundle.tasks[0].primary_responsibility = "host_state"
    m = cov.matrix(snapshot_of(bundle, "ZZA"), "ZZA", D)
    row = m.tasks[0]
    assert (row.task, row.state, row.actors, row.primary_responsibility, row.host_state) == (
        "civilian_protection", "gap", (), "host_state", "gov-zza")
