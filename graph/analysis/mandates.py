"""Under which mandate, and how current: the rules that tie a coverage fact to its mandates on a date.

- "Under which mandate" = the mandates in force on the date (status counted) that assign *that* task to *that*
  actor, for a place that equals or contains the more specific of the fact's place and the place asked about. A
  mandate assigns to the missions it authorises (the fact's own mandate also counts for an actor it names when it
  authorises no mission); a termination assigns nothing; a modification assigns only the tasks it adds and, with
  no end of its own, stays in force as long as the mandate it modifies.
- Currency (graph/domain/rules.py) confirms a fact by its own verified_on, its mission's, and the adoption (or
  verified_on) of its mandates: the one it rests on and those of its actor that assign its task.
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


def own_chain_terms(snap: Snapshot, actor: str, include_planned: bool) -> list[rules.MandateTerm]:
    return [rules.MandateTerm(m.adopted, m.valid_from, snap.effective_to(m), m.action)
            for m in snap.mandates_by_actor.get(actor, ()) if m.own_chain and rules.counts(m.status, include_planned)]


def lapsed(snap: Snapshot, actor: str, on: dt.date, include_planned: bool) -> bool:
    """The actor's latest own mandate has ended by `on`, with no termination or end of the actor recorded."""
    a = snap.actors.get(actor)
    if a is None or not a.is_mission:
        return False
    return rules.mandate_lapsed(own_chain_terms(snap, actor, include_planned), a.valid_to, on)


def _confirming(snap: Snapshot, actor: str, task: str | None, own: str | None) -> list[dt.date | None]:
    dates: list[dt.date | None] = []
    a = snap.actors.get(actor)
    if a is not None:
        dates.append(a.verified_on)
    for m in snap.mandates_by_actor.get(actor, ()):
        if (task is None or task in m.tasks) and rules.counts(m.status, include_planned=True):
            dates += [m.adopted, m.verified_on]
    if own and own in snap.mandates:
        dates += [snap.mandates[own].adopted, snap.mandates[own].verified_on]
    return dates


def effective_end(snap: Snapshot, fact: Fact) -> dt.date | None:
    """A fact's end: its own, else its mission's."""
    if fact.valid_to is not None:
        return fact.valid_to
    a = snap.actors.get(fact.actor)
    return a.valid_to if a is not None and a.is_mission else None


def fact_currency(snap: Snapshot, fact: Fact, on: dt.date, stale_after_years: int,
                  include_planned: bool = False) -> rules.Currency:
    return rules.currency(effective_end(snap, fact),
                          [fact.verified_on, *_confirming(snap, fact.actor, fact.task, fact.mandate)], on,
                          stale_after_years, lapsed(snap, fact.actor, on, include_planned))


def actor_currency(snap: Snapshot, actor: str, facts: Iterable[Fact], on: dt.date, stale_after_years: int,
                   include_planned: bool = False) -> rules.Currency:
    """An actor's currency from its facts in force: confirmed by any of them, open-ended if any is."""
    facts = list(facts)
    a = snap.actors.get(actor)
    if not facts and (a is None or not a.is_mission):
        return NO_CURRENCY
    dates = _confirming(snap, actor, None, None) + [f.verified_on for f in facts]
    dates += [snap.mandates[f.mandate].adopted for f in facts if f.mandate in snap.mandates]
    open_end = (any(effective_end(snap, f) is None for f in facts) if facts
                else a is not None and a.valid_to is None)
    return rules.currency(None if open_end else rules.LATEST, dates, on, stale_after_years,
                          lapsed(snap, actor, on, include_planned))
