"""Run every benchmark in turn (`make bench`)."""

import asyncio

from bench import bench_analysis

asyncio.run(bench_analysis.main())
