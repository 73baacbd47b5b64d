"""Drawdown what-ifs and recorded transitions, worked by hand on two small worlds.

Zedland (test_coverage's world, with a UN–EU agreement and transition tr1): m1 (UN) leaves ZZA on 2021-09-01
(compared 2021-08-31 → 2021-09-01). Rows are task × the place the coverage is declared; units are North and South.
  civilian_protection @ZZA (m1's c1): North {m1,m3}→{m3} thinned, South {m1}→{} lost → lost, left uncovered: South
  civilian_protection @North (m3's c2) and human_rights @South (m2's c4): nothing declared there changes → unchanged
  human_rights @ZZA (m1's c3): North {m1}→{} lost, South {m1,m2}→{m2} thinned → lost, left uncovered: North
  electoral_assistance @South unchanged. f2 (UN → m1, no named coverage) ends, paying for both of m1's tasks.
"""

from __future__ import annotations

import datetime as dt

from peacegraph.graph.analysis import drawdown as dd
from peacegraph.graph.analysis.drawdown import Departure, HandoverPlan
from peacegraph.graph.analysis.snapshot import Partners, Snapshot
from tests.unit.analysis.memory import partners_of, snapshot_of
from tests.unit.analysis.test_coverage import COVERAGE, DEMAND, FUNDING, MISSIONS
from tests.unit.analysis.worlds import SRC, world

LEAVE = dt.date(2021, 9, 1)
TRANSITION = {
    "id": "tr1", "kind": "withdrawal", "from_actor": "m1", "places": ["ZZA"], "end": "2021-09-01",
    "handovers": [{"task": "human_rights", "to": "m3", "place": "ZZA-north"}], "cites": SRC,
}
ZEDLAND = world(MISSIONS, COVERAGE, DEMAND, agreements=[("un", "eu")], funding=FUNDING, transitions=[TRANSITION])


def zedland() -> tuple[Snapshot, Partners]:
    return snapshot_of(ZEDLAND, "ZZA"), partners_of(ZEDLAND)


def rows(result: dd.Drawdown, outcome: str | None = None) -> set[tuple[str, str]]:
    return {(c.task, c.place) for c in result.cells if outcome is None or c.outcome == outcome}


def row(result: dd.Drawdown, task: str, place: str) -> dd.CellChange:
    return next(c for c in result.cells if (c.task, c.place) == (task, place))


def test_each_loss_is_reported_once_where_it_is_declared() -> None:
    r = dd.evaluate(*zedland(), "ZZA", [Departure("m1", LEAVE)])
    assert (r.before, r.after) == (dt.date(2021, 8, 31), LEAVE)
    assert rows(r) == {("civilian_protection", "ZZA"), ("civilian_protection", "ZZA-north"),
                       ("human_rights", "ZZA"), ("human_rights", "ZZA-south"), ("electoral_assistance", "ZZA-south")}
    assert {(c.task, c.place) for c in r.lost} == {("civilian_protection", "ZZA"), ("human_rights", "ZZA")}
    assert r.thinned == [] and r.saved == [] and r.other_losses == []
    civ = row(r, "civilian_protection", "ZZA")
    assert (civ.before, civ.after, civ.state_before, civ.state_after, civ.cause) == (
        ("m1",), (), "thin", "gap", "departure")
    assert [(u.place, u.before, u.after, u.outcome) for u in civ.affects] == [
        ("ZZA-north", ("m1", "m3"), ("m3",), "thinned"), ("ZZA-south", ("m1",), (), "lost")]
    assert civ.left_uncovered == ("ZZA-south",)
    assert row(r, "human_rights", "ZZA").left_uncovered == ("ZZA-north",)
    assert row(r, "civilian_protection", "ZZA-north").outcome == "unchanged"
    assert [(f.id, f.tasks) for f in r.funding_ending] == [("f2", ("civilian_protection", "human_rights"))]


def test_candidates_are_ranked_with_ties_and_reasons() -> None:
    r = dd.evaluate(*zedland(), "ZZA", [Departure("m1", LEAVE)])
    hr = row(r, "human_rights", "ZZA")
    assert [(c.actor, c.basis, c.rank) for c in hr.candidates] == [
        ("m2", "same_place_same_group", 1),
        ("m3", "same_place_same_group", 1),
        ("m4", "present_in_country", 2),
        ("eu", "partner_under_agreement", 3),
        ("gov-zza", "host_state", 4),
    ]
    reasons = {c.actor: c.reason for c in hr.candidates}
    assert reasons["m2"] == "covers human rights in South (same task group)"
    assert reasons["m3"] == "covers civilian protection in North (same task group)"
    assert reasons["eu"] == "partner of United Nations under UN-EU framework"
    assert all(c.actor != "m1" for c in hr.candidates), "the departing actor is never a candidate"


def test_a_handover_saves_only_where_its_receiver_is() -> None:
    snap, partners = zedland()
    r = dd.evaluate(snap, partners, "ZZA", [Departure("m1", LEAVE)],
                    [HandoverPlan("human_rights", "m3", "ZZA-north")])
    hr = row(r, "human_rights", "ZZA")
    assert [(u.place, u.after, u.outcome, u.saved_by) for u in hr.affects] == [
        ("ZZA-north", ("m3",), "saved", "m3"), ("ZZA-south", ("m2",), "thinned", None)]
    assert hr.outcome == "thinned" and hr.saved_by == "m3" and hr.left_uncovered == ()
    absent = dd.evaluate(snap, partners, "ZZA", [Departure("m1", LEAVE)], [HandoverPlan("human_rights", "au")])
    assert row(absent, "human_rights", "ZZA").left_uncovered == ("ZZA-north",), "the AU is not present anywhere"
    host = dd.evaluate(snap, partners, "ZZA", [Departure("m1", LEAVE)], [HandoverPlan("civilian_protection",
                                                                                    "gov-zza")])
    civ = row(host, "civilian_protection", "ZZA")
    assert [(u.place, u.outcome) for u in civ.affects] == [("ZZA-north", "thinned"), ("ZZA-south", "saved")]


def test_two_departures_on_the_same_day() -> None:
    r = dd.evaluate(*zedland(), "ZZA", [Departure("m1", LEAVE), Departure("m3", LEAVE)])
    assert {(c.task, c.place) for c in r.lost} == {("civilian_protection", "ZZA"),
                                                   ("civilian_protection", "ZZA-north"), ("human_rights", "ZZA")}
    assert {f.id for f in r.funding_ending} == {"f1", "f2"}


def test_a_departure_from_one_area_keeps_its_funding() -> None:
    r = dd.evaluate(*zedland(), "ZZA", [Departure("m1", LEAVE, ("ZZA-north",))])
    assert [(c.task, c.place, c.left_uncovered) for c in r.lost] == [("human_rights", "ZZA", ("ZZA-north",))]
    assert [(c.task, c.place, [u.place for u in c.affects]) for c in r.thinned] == [
        ("civilian_protection", "ZZA", ["ZZA-north"])]
    assert r.funding_ending == (), "m1 stays in the South: its funding continues"


def test_recorded_transition_uses_its_handovers() -> None:
    snap, partners = zedland()
    r = dd.of_transition(snap, partners, snap.transitions[0])
    assert r.transition == "tr1"
    assert {(c.task, c.place) for c in r.lost} == {("civilian_protection", "ZZA")}
    assert {(c.task, c.place) for c in r.thinned} == {("human_rights", "ZZA")}


def test_the_baseline_changes_nothing() -> None:
    r = dd.evaluate(*zedland(), "ZZA", [], on=LEAVE)
    assert r.before == r.after == LEAVE
    assert {c.outcome for c in r.cells} == {"unchanged"} and r.lost == [] and r.funding_ending == ()


# -- the rules of issue 13, on a world built for them -------------------------------------------------------------
# a1 (UN) leaves ZZA on 2021-09-01. b1 (AU) is deployed in North only. e1 (EU) covers mine action until 2021-09-01
# (its fact ends that day, no mandate); e2 (EU) covers human rights under R2, which lapses on 2021-09-01 (and leaves
# e2 with a lapsed mandate). `old` (UN) ended in 2020; `stale` (AU) is open-ended, last confirmed in 2010. The EU
# finances a1 (fact F, paid by line fl-eu-a1); the UN funds a1 (fl-un-a1). Agreements: UN–EU, UN–ASEAN (ASEAN is
# nowhere), UN–Government of Xland (a foreign government).
RULES = world(
    {"a1": "un", "b1": "au", "e1": "eu", "e2": "eu", "old": "un", "stale": "au"},
    [("A", "a1", "civilian_protection", "ZZA", "2020-01-01", None),
     ("B", "a1", "use_of_force", "ZZA", "2020-01-01", "2021-09-01"),
     ("C", "b1", "civilian_protection", "ZZA-north", "2020-01-01", None),
     ("D", "e1", "mine_action", "ZZA", "2020-01-01", "2021-09-01"),
     ("E", "e2", "human_rights", "ZZA", "2020-01-01", "2021-09-01", "actual", "R2"),
     ("F", "eu", "financing_support", "ZZA", "2020-01-01", None),
     ("G", "old", "civilian_protection", "ZZA", "2015-01-01", "2019-01-01")],
    demand=["civilian_protection", "use_of_force", "mine_action", "human_rights", "financing_support"],
    agreements=[("un", "eu"), ("un", "asean"), ("un", "gov-xla")],
    funding=[("fl-eu-a1", "eu", "a1", ["F"]), ("fl-un-a1", "un", "a1", [])],
    mandates=[{"id": "R2", "kind": "eu_council_decision", "issued_by": "eu", "action": "establish",
               "valid_from": "2020-01-01", "valid_to": "2021-09-01", "tasks": ["human_rights"], "places": ["ZZA"],
               "authorizes": ["e2"], "cites": SRC}],
    mission_fields={"b1": {"deployed_in": ["ZZA-north"]}, "old": {"valid_to": "2020-01-01"},
                    "stale": {"verified_on": "2010-01-01"}},
    extra={"organizations": [{"id": "asean", "name": "ASEAN", "kind": "regional"},
                             {"id": "gov-xla", "name": "Government of Xland", "kind": "government"}]},
)


def rules_world() -> tuple[Snapshot, Partners]:
    return snapshot_of(RULES, "ZZA"), partners_of(RULES)


def test_causes_part_departures_from_facts_ending_and_lapsed_mandates() -> None:
    r = dd.evaluate(*rules_world(), "ZZA", [Departure("a1", LEAVE)], [HandoverPlan("civilian_protection", "b1")])
    assert [(c.task, c.place, c.cause) for c in r.lost] == [
        ("civilian_protection", "ZZA", "departure"), ("use_of_force", "ZZA", "departure")]
    assert [(c.task, c.place, c.outcome, c.cause) for c in r.other_losses] == [
        ("human_rights", "ZZA", "lost", "mandate_expired"), ("mine_action", "ZZA", "lost", "ended")]
    civ = row(r, "civilian_protection", "ZZA")
    assert [(u.place, u.outcome) for u in civ.affects] == [("ZZA-north", "thinned"), ("ZZA-south", "lost")], \
        "b1 is present only in the North: the handover saves nothing in the South"


def test_candidates_are_present_active_and_never_ended_or_stale() -> None:
    r = dd.evaluate(*rules_world(), "ZZA", [Departure("a1", LEAVE)])
    uof = row(r, "use_of_force", "ZZA")
    assert [(c.actor, c.basis, c.rank) for c in uof.candidates] == [
        ("b1", "present_in_country", 1), ("e1", "present_in_country", 1), ("eu", "present_in_country", 1),
        ("gov-zza", "host_state", 2)]
    assert {c.actor: c.reason for c in uof.candidates}["e1"] == "present in Zedland (deployed)"
    civ = row(r, "civilian_protection", "ZZA")
    assert [(c.actor, c.basis, c.rank) for c in civ.candidates] == [
        ("b1", "same_place_same_group", 1), ("e1", "present_in_country", 2), ("eu", "present_in_country", 2),
        ("gov-zza", "host_state", 3)]
    assert {c.actor: c.currency.end_unknown for c in civ.candidates} == {"b1": True, "e1": True, "eu": True,
                                                                        "gov-zza": False}


def test_the_beneficiary_of_lost_support_is_never_its_candidate() -> None:
    r = dd.evaluate(*rules_world(), "ZZA", [Departure("eu", LEAVE)])
    fin = row(r, "financing_support", "ZZA")
    assert (fin.outcome, fin.cause) == ("lost", "departure")
    assert [(c.actor, c.basis, c.rank) for c in fin.candidates] == [
        ("b1", "present_in_country", 1), ("e1", "present_in_country", 1),
        ("un", "partner_under_agreement", 2), ("gov-zza", "host_state", 3)], "a1 is what the EU financed"
    assert [(f.id, f.tasks) for f in r.funding_ending] == [("fl-eu-a1", ("financing_support",))]


def test_funding_ends_only_when_its_recipient_leaves_entirely() -> None:
    snap, partners = rules_world()
    whole = dd.evaluate(snap, partners, "ZZA", [Departure("a1", LEAVE)])
    assert [(f.id, f.tasks) for f in whole.funding_ending] == [
        ("fl-eu-a1", ("financing_support",)), ("fl-un-a1", ("civilian_protection", "use_of_force"))]
    partial = dd.evaluate(snap, partners, "ZZA", [Departure("a1", LEAVE, ("ZZA-north",))])
    assert partial.funding_ending == ()
    assert [(c.task, c.outcome, [u.place for u in c.affects]) for c in partial.cells if c.place == "ZZA"
            and c.task == "civilian_protection"] == [("civilian_protection", "thinned", ["ZZA-north"])]


def test_a_handover_within_its_place_only() -> None:
    snap, partners = rules_world()
    south = dd.evaluate(snap, partners, "ZZA", [Departure("a1", LEAVE)],
                        [HandoverPlan("civilian_protection", "e1", "ZZA-south")])
    civ = row(south, "civilian_protection", "ZZA")
    assert [(u.place, u.outcome, u.saved_by) for u in civ.affects] == [
        ("ZZA-north", "thinned", None), ("ZZA-south", "saved", "e1")]
    north = dd.evaluate(snap, partners, "ZZA", [Departure("a1", LEAVE)],
                        [HandoverPlan("civilian_protection", "e1", "ZZA-north")])
    assert row(north, "civilian_protection", "ZZA").left_uncovered == ("ZZA-south",)


def test_an_area_what_if_reports_country_facts_declared_for_the_country() -> None:
    r = dd.evaluate(*rules_world(), "ZZA-south", [Departure("a1", LEAVE)])
    assert [(c.task, c.place, [u.place for u in c.affects]) for c in r.lost] == [
        ("civilian_protection", "ZZA", ["ZZA-south"]), ("use_of_force", "ZZA", ["ZZA-south"])]
