"""Mission history, coverage trace and the monthly timeline, on the small sample bundle."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from peacegraph.graph.analysis.coverage import coverage_timeline, month_starts
from peacegraph.graph.analysis.history import UnknownMission, mission_history
from peacegraph.graph.analysis.trace import UnknownCoverage, trace
from peacegraph.graph.bundles.load import load_bundles
from peacegraph.graph.bundles.parse import parse_bundle_text, read_bundle_file
from peacegraph.graph.store.database import Database

SAMPLE = Path(__file__).parents[1] / "integration" / "load" / "samples" / "sample.yaml"
RENEWAL = """
format: peacegraph.bundle/1
mandates:
  - id: "S/RES/2227 (2015)"
    kind: unsc_resolution
    issued_by: unsc
    adopted: 2015-06-29
    valid_from: 2015-07-01
    renews: "S/RES/2164 (2014)"
    authorizes: [minusma]
    tasks: [civilian_protection, financing_support]
    places: [MLI]
    cites: [{source: "S/RES/2100 (2013)", locator: "test renewal"}]
"""


@pytest.fixture
async def sample(graph: Database) -> Database:
    await load_bundles(graph, [read_bundle_file(SAMPLE), parse_bundle_text(RENEWAL, "renewal.yaml")])
    return graph


async def test_history_orders_mandates_and_diffs_tasks(sample: Database) -> None:
    h = await mission_history(sample, "minusma")
    assert [m.id for m in h.mandates] == ["S/RES/2100 (2013)", "S/RES/2164 (2014)", "S/RES/2227 (2015)"]
    first, second, third = h.mandates
    assert first.added == ("civilian_protection", "human_rights") and first.dropped == ()
    assert second.added == () and second.dropped == () and second.renews == "S/RES/2100 (2013)"
    assert third.added == ("financing_support",) and third.dropped == ("human_rights",)
    assert [(p.mission, p.kind, p.date) for p in h.predecessors] == [("afisma", "rehatting", dt.date(2013, 7, 1))]
    assert h.successors == ()
    afisma = await mission_history(sample, "afisma")
    assert [s.mission for s in afisma.successors] == ["minusma"]
    with pytest.raises(UnknownMission):
        await mission_history(sample, "nope")


async def test_trace_follows_mandate_mission_organisation_funding(sample: Database) -> None:
    t = await trace(sample, "cov:eu:financing_support:MLI:2013")
    assert t["actor"]["id"] == "eu" and t["organizations"] == []
    assert [f["id"] for f in t["funding"]] == ["fund:eu-apf-afisma"]
    t = await trace(sample, "cov:minusma:civilian_protection:MLI:2013")
    assert t["mandate"]["id"] == "S/RES/2100 (2013)" and t["mandate"]["issued_by"] == "unsc"
    assert [o["id"] for o in t["organizations"]] == ["un"]
    assert t["sources"][0]["quote"].startswith("To protect")
    assert t["actor"]["sources"][0]["locator"] == "operative para 7"
    with pytest.raises(UnknownCoverage):
        await trace(sample, "nope")


async def test_timeline_gives_monthly_states(sample: Database) -> None:
    points = await coverage_timeline(sample, "MLI", dt.date(2013, 5, 1), dt.date(2013, 8, 31))
    by = {(p.month, p.task): p.state for p in points}
    assert by[(dt.date(2013, 5, 1), "financing_support")] == "thin"
    assert by[(dt.date(2013, 5, 1), "civilian_protection")] == "gap", "mandated from April, MINUSMA from July"
    assert by[(dt.date(2013, 7, 1), "civilian_protection")] == "thin"
    assert (dt.date(2013, 7, 1), "financing_support") not in by, "EU financing ended 2013-07-01, not mandated"
    assert month_starts(dt.date(2013, 11, 15), dt.date(2014, 2, 1)) == [
        dt.date(2013, 11, 1), dt.date(2013, 12, 1), dt.date(2014, 1, 1), dt.date(2014, 2, 1)]
