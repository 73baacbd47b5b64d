"""Run every benchmark in turn (`make bench`): analysis, API over HTTP, report extraction, ours beside the peer,
load speed, the planners' page after a Neo4j restart."""

import asyncio

from bench import bench_analysis, bench_api, bench_extract, bench_load, bench_page, bench_peer

asyncio.run(bench_analysis.main())
asyncio.run(bench_api.main(100, 2))
bench_extract.main()
bench_peer.main([])
asyncio.run(bench_load.main([100]))
asyncio.run(bench_page.main())
