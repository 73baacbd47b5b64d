"""The portfolio: every country with an operation in force on a date, at a glance.

Per country: the states of its tasks (the country's matrix), the operations present (missions in force deployed
there or in one of its places), the mandates in force that expire within the horizon, the transitions (any stage,
not proposed) ending within 12 months with the tasks each would leave uncovered (its drawdown's lost cells), and
how current its data is (dataCurrentTo, stale facts). One read picks the countries (Cypher applies the in-force
rule with the counted statuses), one transaction reads the snapshots that are not current.
"""

from __future__ import annotations

import asyncio
import calendar
import datetime as dt
from dataclasses import dataclass

from peacegraph.graph.analysis import drawdown as dd
from peacegraph.graph.analysis import mandates as md
from peacegraph.graph.analysis.coverage import active_facts, count_states, data_current_to, rows_for
from peacegraph.graph.analysis.load import STORE, SnapshotStore, read_transaction
from peacegraph.graph.analysis.snapshot import Partners, Snapshot
from peacegraph.graph.domain import rules
from peacegraph.graph.store.database import Database

TRANSITION_MONTHS = 12


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later (clamped to the month's last day)."""
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class ExpiringMandate:
    id: str
    title: str | None
    valid_to: dt.date
    missions: tuple[str, ...]
    renewed_by: tuple[str, ...]


@dataclass(frozen=True)
class UpcomingTransition:
    id: str
    kind: str
    from_actor: str | None
    end: dt.date
    stage: str | None
    status: str
    places: tuple[str, ...]
    uncovered_tasks: tuple[str, ...]


@dataclass(frozen=True)
class CountryLine:
    country: str
    name: str
    counts: dict[str, int]
    operations: tuple[str, ...]
    expiring: tuple[ExpiringMandate, ...]
    transitions: tuple[UpcomingTransition, ...]
    data_current_to: dt.date | None
    stale_facts: int
    facts_in_force: int


@dataclass(frozen=True)
class Portfolio:
    as_of: dt.date
    horizon_months: int
    include_planned: bool
    countries: tuple[CountryLine, ...]


def operations_present(snap: Snapshot, on: dt.date, include_planned: bool = False) -> tuple[str, ...]:
    """Missions in force on `on` (dates and status) deployed in the country or one of its places."""
    return tuple(sorted(a.id for a in snap.actors.values()
                        if a.is_mission and a.alive(on, include_planned)
                        and any(p in snap.places for p in a.deployed_in)))


def expiring(snap: Snapshot, on: dt.date, until: dt.date, include_planned: bool) -> tuple[ExpiringMandate, ...]:
    """Mandates in force on `on` bearing on the country whose end falls in (on, until]."""
    out = []
    for m in snap.mandates.values():
        end = snap.effective_to(m)
        if end is None or not (on < end <= until) or not snap.mandate_in_force(m, on, include_planned):
            continue
        here = [a for a in m.authorizes if a in snap.actors and any(p in snap.places for p in snap.actors[a].deployed_in)]
        if not here and not any(p in snap.places for p in snap.demand_places.get(m.id, ())):
            continue
        renewed = tuple(sorted(x.id for x in snap.mandates.values() if x.renews == m.id and x.action != "modify"))
        out.append(ExpiringMandate(m.id, m.title, end, tuple(sorted(here)), renewed))
    return tuple(sorted(out, key=lambda e: (e.valid_to, e.id)))


def upcoming(snap: Snapshot, partners: Partners, on: dt.date, include_planned: bool,
             stale_after_years: int) -> tuple[UpcomingTransition, ...]:
    until = add_months(on, TRANSITION_MONTHS)
    out = []
    for t in snap.transitions:
        if not (on < t.end <= until) or not rules.counts(t.status, include_planned=True):
            continue
        result = dd.of_transition(snap, partners, t, include_planned, stale_after_years)
        tasks = tuple(sorted({c.task for c in result.lost}))
        out.append(UpcomingTransition(t.id, t.kind, t.from_actor, t.end, t.stage, t.status, t.places, tasks))
    return tuple(out)


def country_line(snap: Snapshot, partners: Partners, on: dt.date, horizon_months: int, include_planned: bool = False,
                 stale_after_years: int = rules.STALE_AFTER_YEARS) -> CountryLine | None:
    """The portfolio's line for one country, or None when no operation is in force there on `on`."""
    operations = operations_present(snap, on, include_planned)
    if not operations:
        return None
    facts = active_facts(snap, snap.country, on, include_planned)
    rows = rows_for(snap, snap.country, on, include_planned, facts)
    stale = sum(1 for f in facts if md.fact_currency(snap, f, on, stale_after_years, include_planned).stale)
    return CountryLine(snap.country, snap.place_name(snap.country), count_states(rows), operations,
                       expiring(snap, on, add_months(on, horizon_months), include_planned),
                       upcoming(snap, partners, on, include_planned, stale_after_years),
                       data_current_to(snap, facts), stale, len(facts))


def portfolio_of(snaps: list[Snapshot], partners: Partners, on: dt.date, horizon_months: int,
                 include_planned: bool = False, stale_after_years: int = rules.STALE_AFTER_YEARS) -> Portfolio:
    lines = [country_line(s, partners, on, horizon_months, include_planned, stale_after_years) for s in snaps]
    kept = sorted((x for x in lines if x is not None), key=lambda x: x.name)
    return Portfolio(on, horizon_months, include_planned, tuple(kept))


async def portfolio(graph: Database, as_of: dt.date, horizon_months: int = 6, include_planned: bool = False,
                    stale_after_years: int = rules.STALE_AFTER_YEARS, store: SnapshotStore = STORE) -> Portfolio:
    """The portfolio on `as_of`: a fixed number of reads whatever the number of countries."""
    (rows,), token = await read_transaction(graph, [("portfolio_countries", {
        "on": as_of, "statuses": rules.counted_statuses(include_planned)})])
    countries = [r["country"] for r in rows]
    snaps = await store.snapshots(graph, countries, token)
    partners = await store.partners(graph, token)
    return await asyncio.to_thread(portfolio_of, [snaps[c] for c in countries], partners, as_of, horizon_months,
                                   include_planned, stale_after_years)
