"""Under which mandate, and how current: the rules that tie a coverage fact to its mandates on a date.

- "Under which mandate" = the mandates in force on the date (status counted) that assign *that* task to *that*
  actor, for a place that equals or contains the more specific of the fact's place and the place asked about. A
  mandate assigns to the missions it authorises (the fact's own mandate also counts for an actor it names when it
  authorises no mission); a termination assigns nothing; a modification assigns only the tasks it adds and, with
  no end of its own, stays in force as long as the mandate it modifies.
- Currency (graph/domain/rules.py) confirms a fact by its own verified_on, its mission's, and the adoption (or
  verified_on) of its mandates: the one it rests on and those of its actor that assign its task (precomputed per
  fact in the snapshot: `fact_confirmed`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from peacegraph.graph.analysis.snapshot import Fact, Mandate, Snapshot
from peacegraph.graph.domain import rules

NO_CURRENCY = rules.Currency(None, False, False, False)


def mandate_places(snap: Snapshot, m: Mandate, actor: str) -> tuple[str, ...] | None:
    """Where `m` assigns its tasks to `actor`: its places, else where the actor deploys; None when it says nowhere
    (then it holds wherever the actor's fact rests on it)."""
    if m.places:
        return m.places
    a = snap.actors.get(actor)
    if a and a.deployed_in:
        return a.deployed_in
    return None


def assigns(snap: Snapshot, m: Mandate, task: str, actor: str, place: str, on: dt.date, include_planned: bool,
            own_mandate: str | None = None) -> bool:
    """Whether `m`, in force on `on`, assigns `task` to `actor` for `place` (or a place containing it)."""
    if m.action == "terminate" or task not in m.tasks or not snap.mandate_in_force(m, on, include_planned):
        return False
    if actor not in m.authorizes and not (m.id == own_mandate and not m.authorizes):
        return False
    places = mandate_places(snap, m, actor)
    return places is None or any(snap.within(place, p) for p in places)


def candidates_for(snap: Snapshot, actor: str, own_mandate: str | None) -> list[Mandate]:
    found = list(snap.mandates_by_actor.get(actor, ()))
    if own_mandate and own_mandate in snap.mandates and own_mandate not in {m.id for m in found}:
        found.append(snap.mandates[own_mandate])
    return found


def attributed(snap: Snapshot, fact: Fact, place: str, on: dt.date, include_planned: bool) -> tuple[Mandate, ...]:
    """The mandates `fact` rests on for a question about `place` on `on`, newest first."""
    specific = place if snap.within(place, fact.place) else fact.place
    found = [m for m in candidates_for(snap, fact.actor, fact.mandate)
             if assigns(snap, m, fact.task, fact.actor, specific, on, include_planned, fact.mandate)]
    return tuple(sorted(found, key=lambda m: (m.adopted or m.valid_from or rules.EARLIEST, m.id), reverse=True))


def actor_assigned(snap: Snapshot, actor: str, task: str, place: str, on: dt.date, include_planned: bool,
                   own_mandates: Iterable[str | None] = ()) -> bool:
    """Whether any mandate in force on `on` assigns `task` to `actor` for `place` (a mandate's lapse reads this)."""
    owns = [o for o in own_mandates if o]
    pool = {m.id: m for o in [None, *owns] for m in candidates_for(snap, actor, o)}
    return any(assigns(snap, m, task, actor, place, on, include_planned, m.id if m.id in owns else None)
               for m in pool.values())


def lapsed(snap: Snapshot, actor: str, on: dt.date, include_planned: bool) -> bool:
    """The actor's latest own mandate has ended by `on`, with no termination or end of the actor recorded."""
    a = snap.actors.get(actor)
    if a is None or not a.is_mission:
        return False
    return rules.mandate_lapsed(snap.chain_terms.get((actor, include_planned), ()), a.valid_to, on)


def effective_end(snap: Snapshot, fact: Fact) -> dt.date | None:
    """A fact's end: its own, else its mission's."""
    if fact.valid_to is not None:
        return fact.valid_to
    a = snap.actors.get(fact.actor)
    return a.valid_to if a is not None and a.is_mission else None


def fact_currency(snap: Snapshot, fact: Fact, on: dt.date, stale_after_years: int,
                  include_planned: bool = False) -> rules.Currency:
    return rules.currency(effective_end(snap, fact), [snap.fact_confirmed.get(fact.id)], on, stale_after_years,
                          lapsed(snap, fact.actor, on, include_planned))


def actor_currency(snap: Snapshot, actor: str, facts: Iterable[Fact], on: dt.date, stale_after_years: int,
                   include_planned: bool = False) -> rules.Currency:
    """An actor's currency from its facts in force: confirmed by any of them, open-ended if any is."""
    confirmed = snap.fact_confirmed
    latest: dt.date | None = None
    any_fact = any_open = False
    for f in facts:
        any_fact = True
        day = confirmed.get(f.id)
        if day is not None and (latest is None or day > latest):
            latest = day
        any_open = any_open or f.valid_to is None
    return actor_currency_of(snap, actor, latest, any_fact, any_open, on, stale_after_years, include_planned)


def actor_currency_of(snap: Snapshot, actor: str, latest_fact_day: dt.date | None, any_fact: bool, any_open: bool,
                      on: dt.date, stale_after_years: int, include_planned: bool = False) -> rules.Currency:
    """actor_currency from what its facts in force come to (the matrix folds them in its one pass): the latest day
    one was confirmed, whether there is any, whether any is open-ended."""
    a = snap.actors.get(actor)
    mission = a if a is not None and a.is_mission else None
    latest = snap.confirmed_by.get((actor, None))
    if latest_fact_day is not None and (latest is None or latest_fact_day > latest):
        latest = latest_fact_day
    if any_fact:  # open-ended when a fact is and its mission has no end
        open_end = any_open and (mission is None or mission.valid_to is None)
    elif mission is None:
        return NO_CURRENCY
    else:
        open_end = mission.valid_to is None
    return rules.currency(None if open_end else rules.LATEST, [latest], on, stale_after_years,
                          lapsed(snap, actor, on, include_planned))
