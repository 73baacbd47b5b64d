"""Pure rules every answer uses: when a fact is in force, and which statuses count.

In force on date d: valid_from <= d (or no valid_from) and d < valid_to (or no valid_to).
Status: `actual` always counts; `planned` and `forecast` count only when planned facts are asked for;
`proposed` never counts anywhere. Cypher takes the counted statuses as a parameter (`counted_statuses`).
"""

from __future__ import annotations

import datetime as dt
from typing import Final

ACTUAL: Final = frozenset({"actual"})
WITH_PLANNED: Final = frozenset({"actual", "planned", "forecast"})


def counted_statuses(include_planned: bool = False) -> list[str]:
    """The statuses that count as coverage or demand (the `$statuses` parameter of every Cypher decision)."""
    return sorted(WITH_PLANNED if include_planned else ACTUAL)


def counts(status: str | None, include_planned: bool = False) -> bool:
    """Whether a fact of this status counts."""
    return (status or "actual") in (WITH_PLANNED if include_planned else ACTUAL)


def in_force(valid_from: dt.date | None, valid_to: dt.date | None, on: dt.date) -> bool:
    """valid_from inclusive, valid_to exclusive, open ends allowed."""
    return (valid_from is None or valid_from <= on) and (valid_to is None or on < valid_to)
