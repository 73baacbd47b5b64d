"""Test plugins: a real Neo4j for the session, an empty database per test (see tests/fixtures/).

Property tests are repeatable by default, so a red run names a change, not a lucky draw; `HYPOTHESIS_PROFILE=explore`
(as `make explore` sets) draws fresh examples to look for new failures.
"""

import os

from hypothesis import settings

settings.register_profile("repeatable", derandomize=True, print_blob=True)
settings.register_profile("explore", derandomize=False, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))

pytest_plugins = ["tests.fixtures.neo4j", "tests.fixtures.data", "tests.fixtures.api"]
