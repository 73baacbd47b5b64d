"""Cypher and Python apply the same in-force rule: the portfolio's choice of countries (made in Cypher, with the
counted statuses as a parameter) agrees with graph/domain/rules.py on random missions, dates and statuses."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from peacegraph.graph.analysis.load import read_transaction
from peacegraph.graph.analysis.portfolio import operations_present
from peacegraph.graph.domain import rules
from peacegraph.graph.domain.model import Bundle
from peacegraph.graph.store.database import Database
from tests.unit.analysis.memory import snapshot_of
from tests.unit.analysis.worlds import SRC, load

PLACES = ["ZZA", "ZZA-north", "ZZB", "ZZC"]
missions = st.lists(st.tuples(
    st.sampled_from(PLACES),
    st.one_of(st.none(), st.dates(dt.date(2015, 1, 1), dt.date(2022, 12, 31))),
    st.one_of(st.none(), st.integers(1, 2000)),
    st.sampled_from(["actual", "planned", "forecast", "proposed"]),
), min_size=1, max_size=8)


def bundle(rows: list[tuple[Any, ...]]) -> Bundle:
    return Bundle.model_validate({
        "format": "peacegraph.bundle/1",
        "sources": [{"id": "test", "title": "Worked example", "kind": "other"}],
        "organizations": [{"id": "un", "name": "United Nations", "kind": "intergovernmental"}],
        "places": [{"id": "ZZA", "name": "A", "kind": "country"}, {"id": "ZZB", "name": "B", "kind": "country"},
                   {"id": "ZZC", "name": "C", "kind": "country"},
                   {"id": "ZZA-north", "name": "North", "kind": "region", "parent": "ZZA"}],
        "missions": [{"id": f"m{i}", "name": f"M{i}", "kind": "other", "led_by": ["un"], "deployed_in": [place],
                      "valid_from": start, "valid_to": start + dt.timedelta(days=days) if start and days else None,
                      "status": status, "cites": SRC}
                     for i, (place, start, days, status) in enumerate(rows)],
    })


@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
@given(rows=missions, on=st.dates(dt.date(2014, 1, 1), dt.date(2024, 12, 31)), planned=st.booleans())
async def test_cypher_and_python_choose_the_same_countries(graph: Database, rows: list[Any], on: dt.date,
                                                          planned: bool) -> None:
    await graph.wipe()
    b = bundle(rows)
    await load(graph, b)
    (found,), _ = await read_transaction(graph, [("portfolio_countries", {
        "on": on, "statuses": rules.counted_statuses(planned)})])
    expected = [c for c in ("ZZA", "ZZB", "ZZC") if operations_present(snapshot_of(b, c), on, planned)]
    assert [r["country"] for r in found] == expected
