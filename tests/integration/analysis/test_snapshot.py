"""The snapshot statements against a real Neo4j: a bundle loaded and read back gives the snapshot the unit tier
builds in memory; snapshots are reused while the database is unchanged and read again after any write; the
analyses cost a fixed number of round trips and never write."""

from __future__ import annotations

import datetime as dt
import gc
import itertools

from peacegraph.graph.analysis import coverage as cov
from peacegraph.graph.analysis import drawdown as dd
from peacegraph.graph.analysis.load import SnapshotStore
from peacegraph.graph.store.database import Database
from peacegraph.graph.store.export import export_bundle
from tests.unit.analysis.memory import partners_of, snapshot_of
from tests.unit.analysis.test_drawdown import RULES
from tests.unit.analysis.worlds import SRC, load, world

DEEP = ["ZZA-north", "ZZA-n1", "ZZA-n2", "ZZA-n3", "ZZA-n4", "ZZA-n5"]
NESTED = world({"m1": "un"}, [("deep", "m1", "human_rights", "ZZA-n5", "2020-01-01", None)], ["human_rights"],
               extra={"places": [{"id": child, "name": child, "kind": "district", "parent": parent}
                                 for parent, child in itertools.pairwise(DEEP)]})


async def test_a_loaded_bundle_reads_back_as_the_same_snapshot(graph: Database) -> None:
    await load(graph, RULES)
    store = SnapshotStore()
    prepared = await store.prepare(graph, ["ZZA-south"])
    assert prepared.countries == {"ZZA-south": "ZZA"}
    read = await store.snapshot(graph, "ZZA", prepared.token)
    built = snapshot_of(RULES, "ZZA")
    assert read.places == built.places
    assert read.actors == built.actors
    assert sorted(read.facts, key=lambda f: f.id) == sorted(built.facts, key=lambda f: f.id)
    assert read.mandates == built.mandates
    assert sorted(read.funding, key=lambda f: f.id) == sorted(built.funding, key=lambda f: f.id)
    assert read.transitions == built.transitions and read.governments == built.governments == ("gov-zza",)
    assert read.tasks == built.tasks
    partners = await store.partners(graph, prepared.token)
    expected = partners_of(RULES)
    assert partners.agreements == expected.agreements and partners.top_of == expected.top_of
    assert {k: sorted(v, key=str) for k, v in partners.presence.items()} == {
        k: sorted(v, key=str) for k, v in expected.presence.items()}


async def test_a_read_snapshot_is_left_out_of_the_collectors_scans(graph: Database) -> None:
    await load(graph, RULES)
    store = SnapshotStore()
    prepared = await store.prepare(graph, ["ZZA-south"])
    snap = await store.snapshot(graph, "ZZA", prepared.token)
    scanned = {id(o) for o in gc.get_objects()}  # every generation the collector scans (not the frozen one)
    assert gc.get_freeze_count() > 0
    assert id(snap.facts) not in scanned and id(snap.placed) not in scanned and id(snap.mandates) not in scanned


async def test_place_trees_of_any_depth(graph: Database) -> None:
    await load(graph, NESTED)
    store = SnapshotStore()
    prepared = await store.prepare(graph, ["ZZA-n5"])
    assert prepared.countries == {"ZZA-n5": "ZZA"}
    snap = await store.snapshot(graph, "ZZA", prepared.token)
    assert snap.ancestors("ZZA-n5") == ("ZZA-n4", "ZZA-n3", "ZZA-n2", "ZZA-n1", "ZZA-north", "ZZA")
    m = await cov.coverage_matrix(graph, "ZZA", dt.date(2021, 1, 1), store=store)
    assert [(r.task, r.state, r.actors) for r in m.tasks] == [("human_rights", "thin", ("m1",))]


async def test_snapshots_are_reused_until_the_database_changes(graph: Database) -> None:
    await load(graph, RULES)
    store = SnapshotStore()
    on = dt.date(2021, 6, 1)
    first = await cov.coverage_matrix(graph, "ZZA", on, store=store)
    graph.round_trips = 0
    again = await cov.coverage_matrix(graph, "ZZA", on, store=store)
    assert graph.round_trips == 1, "one read (the ids and the country), nothing else"
    assert again == first
    await load(graph, world({"late": "eu"}, [("L", "late", "human_rights", "ZZA-south", "2021-01-01", None)]))
    graph.round_trips = 0
    changed = await cov.coverage_matrix(graph, "ZZA", on, store=store)
    assert graph.round_trips == 1 + 7, "a write in between: the snapshot is read again (tasks + six statements)"
    assert "late" in {a.id for a in changed.actors}


async def test_a_what_if_writes_nothing_and_costs_fixed_round_trips(graph: Database) -> None:
    await load(graph, RULES)
    before = (await export_bundle(graph)).model_dump()
    store = SnapshotStore()
    leave = dt.date(2021, 9, 1)
    await dd.drawdown_what_if(graph, "ZZA", [dd.Departure("a1", leave)], store=store)
    for departures in ([dd.Departure("a1", leave)], [dd.Departure(a, leave) for a in ("a1", "b1", "e1", "e2")]):
        graph.round_trips = 0
        await dd.drawdown_what_if(graph, "ZZA", departures, [dd.HandoverPlan("human_rights", "b1")], store=store)
        assert graph.round_trips == 1
    assert (await export_bundle(graph)).model_dump() == before


async def test_a_recorded_transition_is_read_with_its_country(graph: Database) -> None:
    transition = {"id": "tr:a1", "kind": "withdrawal", "from_actor": "a1", "places": ["ZZA-south"],
                  "end": "2021-09-01", "cites": SRC}
    bundle = RULES.model_copy(update={"transitions": [*RULES.transitions,
                                                      type(RULES).model_validate(
                                                          {"format": "peacegraph.bundle/1",
                                                           "transitions": [transition]}).transitions[0]]})
    await load(graph, bundle)
    r = await dd.drawdown_of_transition(graph, "tr:a1", store=SnapshotStore())
    assert r.scope.id == "ZZA" and r.transition == "tr:a1"
    assert [(c.task, c.place, c.cause) for c in r.lost] == [
        ("civilian_protection", "ZZA", "departure"), ("use_of_force", "ZZA", "departure")]
    assert [(u.place, u.outcome, u.cause) for u in r.lost[0].affects] == [("ZZA-south", "lost", "departure")]
    assert [(u.place, u.outcome, u.cause) for u in r.lost[1].affects] == [
        ("ZZA-north", "lost", "ended"), ("ZZA-south", "lost", "departure")], "B ends that day in the North anyway"
