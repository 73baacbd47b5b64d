"""Fixtures of the extraction unit tests."""

from __future__ import annotations

import pytest

from peacegraph.seed.extract.context import ExtractContext
from tests.unit.extract.council_pages import council_context


@pytest.fixture(scope="module")
def ctx() -> ExtractContext:
    """The Council-page test world (council_pages.py)."""
    return council_context()
