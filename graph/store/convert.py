"""The one conversion of values coming back from Neo4j into plain Python (dates, nested lists and maps)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from neo4j.time import Date, DateTime


def native(value: Any) -> Any:
    """Neo4j temporal values -> datetime objects, recursively through lists and maps; others unchanged."""
    if isinstance(value, Date | DateTime):
        return value.to_native()
    if isinstance(value, list):
        return [native(v) for v in value]
    if isinstance(value, dict):
        return {k: native(v) for k, v in value.items()}
    return value


def to_date(value: Any) -> dt.date | None:
    """A Neo4j Date, an ISO string or a date as datetime.date (None stays None)."""
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return value
    if isinstance(value, str):
        return dt.date.fromisoformat(value)
    if isinstance(value, Date):
        return value.to_native()
    raise TypeError(f"not a date: {value!r}")
