"""Run every benchmark in turn (`make bench`): analysis, API over HTTP, report extraction, ours beside the peer,
load speed."""

import asyncio

from bench import bench_analysis, bench_api, bench_extract, bench_load, bench_peer

asyncio.run(bench_analysis.main())
asyncio.run(bench_api.main(100, 2))
bench_extract.main()
bench_peer.main([])
asyncio.run(bench_load.main([100]))
