"""Run every benchmark in turn (`make bench`): analysis, API over HTTP, report extraction."""

import asyncio

from bench import bench_analysis, bench_api, bench_extract

asyncio.run(bench_analysis.main())
asyncio.run(bench_api.main(100, 2))
bench_extract.main()
