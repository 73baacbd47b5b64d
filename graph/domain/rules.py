"""Pure rules every answer uses: when a fact is in force, which statuses count, the state of a cell, how current a
fact is, and which dates an analysis accepts. No I/O; the analyses, the node types and the Cypher parameters all
take their rules from here.

In force on date d: valid_from <= d (or no valid_from) and d < valid_to (or no valid_to).
Status: `actual` always counts; `planned` and `forecast` count only when planned facts are asked for;
`proposed` never counts anywhere. Cypher takes the counted statuses as a parameter (`counted_statuses`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

ACTUAL: Final = frozenset({"actual"})
WITH_PLANNED: Final = frozenset({"actual", "planned", "forecast"})

EARLIEST: Final = dt.date(1900, 1, 1)
LATEST: Final = dt.date(2199, 12, 31)
"""The dates an analysis accepts (asOf, from, to, departure dates): wide enough for every operation since 1945 and
any plan, narrow enough that day and month arithmetic never overflows."""

STATES: Final = ("gap", "thin", "overlap", "covered")
STALE_AFTER_YEARS: Final = 3
"""Default of the setting PEACEGRAPH_STALE_AFTER_YEARS (graph/settings.py)."""


def counted_statuses(include_planned: bool = False) -> list[str]:
    """The statuses that count as coverage or demand (the `$statuses` parameter of every Cypher decision)."""
    return sorted(WITH_PLANNED if include_planned else ACTUAL)


def counts(status: str | None, include_planned: bool = False) -> bool:
    """Whether a fact of this status counts."""
    return (status or "actual") in (WITH_PLANNED if include_planned else ACTUAL)


def status_level(status: str | None) -> int:
    """The status rule as a number, for indexes that test many facts: 0 counts always, 1 only when planned facts
    are asked for, 2 never. A fact counts when its level is at most `highest_level(include_planned)`."""
    if counts(status):
        return 0
    return 1 if counts(status, include_planned=True) else 2


def highest_level(include_planned: bool = False) -> int:
    return 1 if include_planned else 0


def in_force(valid_from: dt.date | None, valid_to: dt.date | None, on: dt.date) -> bool:
    """valid_from inclusive, valid_to exclusive, open ends allowed."""
    return (valid_from is None or valid_from <= on) and (valid_to is None or on < valid_to)


def counted_in_force(valid_from: dt.date | None, valid_to: dt.date | None, status: str | None, on: dt.date,
                     include_planned: bool = False) -> bool:
    """The whole rule: in force on `on` and of a status that counts."""
    return in_force(valid_from, valid_to, on) and counts(status, include_planned)


def in_range(day: dt.date) -> bool:
    """Whether an analysis accepts this date (EARLIEST..LATEST)."""
    return EARLIEST <= day <= LATEST


def state_of(actors: Iterable[str], organizations: Iterable[str], demanded: bool) -> str | None:
    """The state of one task–place cell: gap (demanded, nobody covers), thin (one actor), overlap (actors of two or
    more organisations), covered (several actors of one organisation); None when neither demanded nor covered.
    A principle of primary responsibility is never an actor here."""
    n = len(set(actors))
    if n == 0:
        return "gap" if demanded else None
    if n == 1:
        return "thin"
    return "overlap" if len(set(organizations)) >= 2 else "covered"


def years_before(day: dt.date, years: int) -> dt.date:
    """The same calendar day `years` earlier (29 February becomes 28 February)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


@dataclass(frozen=True, slots=True)
class Currency:
    """How current a fact is on the date asked about."""

    verified_on: dt.date | None
    """The latest date a source confirmed it: its own verified_on, its mission's, or its mandates' adoption."""
    end_unknown: bool
    """No end is recorded (open-ended)."""
    stale: bool
    """Open-ended and last confirmed more than the setting's years before the date asked about (or never)."""
    mandate_lapsed: bool
    """The actor's latest mandate has ended with no termination or end of the actor recorded."""


def currency(valid_to: dt.date | None, confirmed: Iterable[dt.date | None], on: dt.date,
             stale_after_years: int = STALE_AFTER_YEARS, mandate_lapsed: bool = False) -> Currency:
    """The currency of a fact from its end, the dates that confirm it, and the date asked about."""
    dates = [d for d in confirmed if d is not None]
    verified = max(dates) if dates else None
    end_unknown = valid_to is None
    stale = end_unknown and (verified is None or verified < years_before(on, stale_after_years))
    return Currency(verified, end_unknown, stale, mandate_lapsed)


@dataclass(frozen=True, slots=True)
class MandateTerm:
    """What the lapse rule needs of one mandate of an actor's own chain (not a support authorisation)."""

    adopted: dt.date | None
    valid_from: dt.date | None
    valid_to: dt.date | None
    action: str | None


def mandate_lapsed(own_chain: Iterable[MandateTerm], actor_valid_to: dt.date | None, on: dt.date) -> bool:
    """True when an actor's latest mandate (adopted or in force from on or before `on`) has ended by `on`, no
    mandate of its own chain is in force then, the latest is not a termination, and the actor has no recorded end."""
    if actor_valid_to is not None:
        return False
    started = [m for m in own_chain if (m.adopted or m.valid_from or EARLIEST) <= on]
    if not started or any(in_force(m.valid_from, m.valid_to, on) for m in started):
        return False
    latest = max(started, key=lambda m: (m.adopted or m.valid_from or EARLIEST, m.valid_to or LATEST))
    return latest.action != "terminate" and latest.valid_to is not None and latest.valid_to <= on
