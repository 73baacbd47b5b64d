"""Time the extraction of the 515 KB forum report (target: under 5 s). Needs a running Neo4j with the dataset.

    .venv/bin/python -m bench.bench_extract [REPORT]

The report defaults to the forum report of the corpus ($PEACEGRAPH_REPORTS_DIR). The time counted is what
`seed extract` spends on one report: the graph reads, loading the language pipeline and the lexicon, reading,
normalising, segmenting, finding mentions and facts, and building the bundle and its review file. The CPU
time of this process is printed beside the wall-clock time: on a machine shared with other work the wall-clock
figure measures the load as much as the extractor.
"""

from __future__ import annotations

import asyncio
import sys
import time
from pathlib import Path

from peacegraph.graph.settings import get_settings
from peacegraph.graph.store.database import Database, driver_for
from peacegraph.seed.extract.context import ExtractContext, load_context
from peacegraph.seed.extract.lexicon import load_lexicon
from peacegraph.seed.extract.nlp import pipeline
from peacegraph.seed.extract.pipeline import extract_file
from peacegraph.seed.extract.taskmatch import matcher_for
from peacegraph.seed.extract.to_bundle import build_review

FORUM = "challenges-forum-2012-cooperation-and-coordination.txt"


async def context() -> ExtractContext:
    settings = get_settings()
    async with driver_for(settings) as driver:
        return await load_context(Database(driver, settings.neo4j_database), settings.reports_dir)


def main() -> None:
    report = Path(sys.argv[1]) if len(sys.argv) > 1 else get_settings().reports_dir / FORUM
    if not report.is_file():
        sys.exit(f"error: {report} not found (give a report, or set PEACEGRAPH_REPORTS_DIR)")
    c0 = time.process_time()
    t0 = time.perf_counter()
    ctx = asyncio.run(context())
    t1 = time.perf_counter()
    matcher_for(load_lexicon())
    pipeline()
    t2 = time.perf_counter()
    doc = extract_file(report, ctx.gaz)
    t3 = time.perf_counter()
    _bundle, _, review = build_review([doc], ctx.gaz, sources=ctx.sources)
    t4 = time.perf_counter()
    cpu = time.process_time() - c0
    size = report.stat().st_size // 1024
    print(f"{report.name} ({size} KB): graph reads {t1 - t0:.2f} s, language pipeline and lexicon {t2 - t1:.2f} s, "
          f"extraction {t3 - t2:.2f} s, bundle and review file {t4 - t3:.2f} s, total {t4 - t0:.2f} s (target < 5 s), "
          f"CPU time of this process {cpu:.2f} s; "
          f"{len(doc.mentions)} mentions, {len(doc.facts)} candidate relations, {len(review.candidates)} candidates, "
          f"{len(review.confirmations)} confirmations, {len(review.dropped)} dropped")


if __name__ == "__main__":
    main()
