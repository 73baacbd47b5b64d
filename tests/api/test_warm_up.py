"""The API's start-up warm-up: every country's snapshot is read (and each analysis statement planned) before the
first planner asks, so the first view answers from the cache; the page's first requests for the busiest country run
without errors."""

from __future__ import annotations

import asyncio
import datetime as dt

from peacegraph.api.app import warm_up
from peacegraph.api.page_queries import first_visit
from peacegraph.api.schema import make_schema
from peacegraph.graph.analysis.load import STORE, SnapshotStore
from peacegraph.graph.domain import rules
from peacegraph.graph.settings import Settings
from peacegraph.graph.store.database import Database
from tests.fixtures.api import LiveServer, api_settings


async def countries_in_force_today(db: Database) -> list[str]:
    rows = await db.read("portfolio_countries", on=dt.date.today(), statuses=rules.counted_statuses(False))
    return [r["country"] for r in rows]


async def test_warm_up_reads_every_countrys_snapshot_so_the_first_view_reads_none(dataset_graph: Database,
                                                                                   neo4j_settings: Settings) -> None:
    store = SnapshotStore()
    settings = api_settings(neo4j_settings)
    answered = await warm_up(dataset_graph, settings, store, schema=make_schema(settings))
    assert answered == len(first_visit("COD", dt.date.today(), "any")), "every first-visit page request ran"
    countries = await countries_in_force_today(dataset_graph)
    assert len(countries) > 20 and {("neo4j", c) for c in countries} == set(store._countries)
    prepared = await store.prepare(dataset_graph, ["COD", "SOM"])
    before = dataset_graph.round_trips
    snaps = await store.snapshots(dataset_graph, sorted(set(prepared.countries.values())), prepared.token)
    assert set(snaps) == {"COD", "SOM"} and dataset_graph.round_trips == before, "answered from the warm cache"


async def test_the_app_warms_up_when_it_starts(dataset_graph: Database, neo4j_settings: Settings) -> None:
    STORE._countries.clear()
    server = LiveServer(api_settings(neo4j_settings, PEACEGRAPH_WARM_UP=True)).start()
    try:
        for _ in range(300):
            if ("neo4j", "COD") in STORE._countries:
                break
            await asyncio.sleep(0.1)
        assert ("neo4j", "COD") in STORE._countries, "the start-up warm-up read the snapshots"
    finally:
        server.stop()
