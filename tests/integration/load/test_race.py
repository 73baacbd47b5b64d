"""A coverage upsert racing a delete of its mission, 60 rounds: never both acknowledged, never an orphan.

The upsert goes through `load_bundles` (what `loadBundle`/`upsert` and the CLI call), the delete through the
generated `delete_missions` statement (what the `delete` mutation runs), concurrently on one driver.
"""

from __future__ import annotations

import asyncio
import random
from collections import Counter

from peacegraph.graph.bundles.load import load_bundles
from peacegraph.graph.bundles.parse import BundleInvalid, ParsedBundle, parse_bundle_text
from peacegraph.graph.store.database import Database
from peacegraph.seed.files import read_all
from tests.integration.load.test_load import SAMPLE

ROUNDS = 60
COVERAGE = """format: peacegraph.bundle/1
coverages:
  - {{id: race-cov-{i}, actor: race-{i}, task: human_rights, place: MLI, cites: [{{source: unsc-wg-2016, locator: x}}]}}
"""
ORPHANS = """
MATCH (c:Coverage)
WHERE COUNT { (c)-[:BY]->(:Actor) } <> 1 OR COUNT { (c)-[:OF_TASK]->(:Task) } <> 1 OR COUNT { (c)-[:IN]->(:Place) } <> 1
RETURN c.id AS id
"""


async def test_upsert_racing_a_delete_never_leaves_an_orphan(graph: Database) -> None:
    await load_bundles(graph, read_all([SAMPLE]))
    rng = random.Random(14)
    outcomes: Counter[tuple[str, str]] = Counter()
    for i in range(ROUNDS):
        await graph.run("MATCH (un:Organization {id: 'un'}), (mli:Place {id: 'MLI'}) "
                        "CREATE (m:Mission:Actor {id: $id, name: $id, kind: 'other'}) "
                        "CREATE (m)-[:LED_BY]->(un), (m)-[:DEPLOYED_IN]->(mli)", {"id": f"race-{i}"}, write=True)
        coverage = parse_bundle_text(COVERAGE.format(i=i), f"coverage-{i}.yaml")

        async def upsert(coverage: ParsedBundle = coverage, i: int = i) -> str:
            try:
                await load_bundles(graph, [coverage])
                return "upsert landed"
            except BundleInvalid as exc:  # before the load's checks, or inside its transaction: located either way
                assert str(exc).startswith(f"coverage-{i}.yaml:3: coverages[0].actor: "), str(exc)
                assert f"'race-{i}'" in str(exc), str(exc)
                return "upsert refused"

        async def delete(i: int = i) -> str:
            await asyncio.sleep(rng.uniform(0, 0.05))
            row = (await graph.write("delete_missions", ids=[f"race-{i}"]))[0]
            return "delete done" if row["deleted"] == 1 else "delete blocked"

        pair = tuple(await asyncio.gather(upsert(), delete()))
        outcomes[(pair[0], pair[1])] += 1
        assert pair in (("upsert landed", "delete blocked"), ("upsert refused", "delete done")), (i, pair)
        assert await graph.run(ORPHANS, {}) == [], f"round {i}: orphaned coverage ({pair})"
        exists = await graph.run("MATCH (m:Mission {id: $id}) RETURN count(m) AS n", {"id": f"race-{i}"})
        assert exists[0]["n"] == (1 if pair[0] == "upsert landed" else 0)
    assert sum(outcomes.values()) == ROUNDS, outcomes
