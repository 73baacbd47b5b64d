"""Time the extraction of the 515 KB forum report (target: under 5 s). Needs a running Neo4j with the dataset.

    .venv/bin/python bench/bench_extract.py [REPORT]
"""

from __future__ import annotations

import asyncio
import sys
import time
from pathlib import Path

from bench.paths import ROOT as PROJECT_ROOT
from peacegraph.graph.settings import get_settings
from peacegraph.graph.store.database import Database, driver_for
from peacegraph.seed.extract.gazetteer import Gazetteer
from peacegraph.seed.extract.pipeline import extract_file
from peacegraph.seed.extract.to_bundle import build_bundle

DEFAULT = PROJECT_ROOT.parent / "shared" / "reports" / "challenges-forum-2012-cooperation-and-coordination.txt"


async def gazetteer() -> Gazetteer:
    settings = get_settings()
    async with driver_for(settings) as driver:
        return await Gazetteer.from_graph(Database(driver, settings.neo4j_database))


def main() -> None:
    report = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    t0 = time.perf_counter()
    gaz = asyncio.run(gazetteer())
    t1 = time.perf_counter()
    doc = extract_file(report, gaz)
    bundle, _ = build_bundle([doc], gaz)
    t2 = time.perf_counter()
    size = report.stat().st_size // 1024
    print(f"{report.name} ({size} KB): gazetteer {t1 - t0:.2f} s, extraction + bundle {t2 - t1:.2f} s, "
          f"total {t2 - t0:.2f} s; {len(doc.mentions)} mentions, {len(doc.facts)} candidate relations, "
          f"{sum(len(getattr(bundle, k)) for k in ('coverages', 'mandates', 'funding_lines', 'agreements'))} "
          "fact records")


if __name__ == "__main__":
    main()
