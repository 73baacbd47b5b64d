"""Drawdowns: what departures leave uncovered, what thins, what a handover saves, who could step in, which funding
ends. Pure functions of a snapshot (graph/analysis/snapshot.py); a what-if never writes.

The rules (README.md, "How answers are computed", states them for users):
- Dates: `before` is the day before the earliest departure, `after` the latest departure date (a departure's date
  is the first day the actor is gone). With no departures, before = after = the date given: the baseline.
- A departure removes its actor from a place u when it names no places, or one of its places contains u or lies
  inside u (the actor no longer covers all of u).
- Cells are reported once, where their coverage is declared: one row per task and place of a fact (`declaredAt`).
  A row's units are the smallest places it covers within the scope (its areas without areas, else itself); each
  unit is covered by the facts declared there or above it. A unit is affected by a row when a fact declared at the
  row's place is lost or gained there; the row's outcome is the worst of its affected units'
  (lost > thinned > saved > handed_over > gained > unchanged), `affects` lists them, `leftUncovered` those left
  with nobody.
- Unit outcomes: covered before and not after → lost, unless a handover of that task names an actor present in
  the unit (or a place containing it) on `after`, within the handover's place when it names one → saved; two or
  more actors down to one → thinned; a departing actor replaced by one that was not there → handed_over; nobody
  before, someone after → gained.
- Cause of a row: `departure` when a departing actor's fact (still in force the day before its departure) is lost;
  otherwise `mandate_expired` when the lost fact's actor has no mandate assigning that task there any more, else
  `ended` (the fact's or its actor's own end). Losses not caused by a departure are listed apart.
- Present on a date in a place: a fact in force there (or above it), or a deployment in force there whose record is
  current (an end recorded, or confirmed within the stale window, and its mandate not lapsed), or the government
  of the country. Judged on `after`, after the departures.
- Candidates for a lost or thinned row: actors present in the country (first those covering a task of the same
  group, or the task itself, in a related place), partners under an agreement in force with the leaving actors'
  organisations that are active in the region (or the country), and the host state; never a leaving or ended actor, one still covering
  all of the row's place, or the beneficiary of the lost support (financing, logistics). Ranks are dense by basis:
  ties share a rank.
- Funding ends with a departure: a line whose recipient leaves entirely (every place it deploys in and covers);
  a line paying for named coverage when every fact it pays for that was in force stops everywhere, whoever leaves
  (one of them because of a departure, or its recipient among those leaving). A partial departure keeps its lines.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any

from peacegraph.graph.analysis import mandates as md
from peacegraph.graph.analysis.coverage import Scope, scope_of
from peacegraph.graph.analysis.ids import Wanted
from peacegraph.graph.analysis.load import STORE, SnapshotStore, read_transaction
from peacegraph.graph.analysis.regions import region_countries
from peacegraph.graph.analysis.snapshot import SUPPORT_GROUP, Fact, Partners, Snapshot, Transition
from peacegraph.graph.domain import rules
from peacegraph.graph.store.database import Database

BASES = ("same_place_same_group", "present_in_country", "partner_under_agreement", "host_state")
OUTCOMES = ("lost", "thinned", "saved", "handed_over", "gained", "unchanged")
CAUSES = ("departure", "mandate_expired", "ended")
ONE_DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class Departure:
    """An actor leaves on `date` (the first day it is gone), from `places` (empty: from everywhere)."""

    actor: str
    date: dt.date
    places: tuple[str, ...] = ()


@dataclass(frozen=True)
class HandoverPlan:
    """A task handed to an actor, optionally for one place only."""

    task: str
    to: str
    place: str | None = None


@dataclass(frozen=True)
class Candidate:
    actor: str
    name: str
    basis: str
    rank: int
    reason: str
    currency: rules.Currency = md.NO_CURRENCY


@dataclass(frozen=True)
class UnitChange:
    """One smallest place a row covers, before and after."""

    place: str
    place_name: str
    before: tuple[str, ...]
    after: tuple[str, ...]
    outcome: str
    saved_by: str | None = None
    cause: str | None = None


@dataclass(frozen=True)
class CellChange:
    """One task × declared place, before and after the departures (see the module docstring)."""

    task: str
    task_label: str
    task_group: str
    place: str
    place_name: str
    before: tuple[str, ...]
    after: tuple[str, ...]
    state_before: str | None
    state_after: str | None
    outcome: str
    cause: str | None = None
    saved_by: str | None = None
    candidates: tuple[Candidate, ...] = ()
    affects: tuple[UnitChange, ...] = ()

    @property
    def declared_at(self) -> str:
        return self.place

    @property
    def left_uncovered(self) -> tuple[str, ...]:
        return tuple(u.place for u in self.affects if u.outcome == "lost")


@dataclass(frozen=True)
class EndingFunding:
    id: str
    name: str
    recipient: str
    funders: tuple[str, ...]
    instrument: str
    amount: float | None
    currency: str | None
    tasks: tuple[str, ...]


@dataclass(frozen=True)
class Drawdown:
    scope: Scope
    before: dt.date
    after: dt.date
    departures: tuple[Departure, ...]
    handovers: tuple[HandoverPlan, ...]
    cells: tuple[CellChange, ...]
    funding_ending: tuple[EndingFunding, ...] = field(default=())
    transition: str | None = None

    def outcome(self, name: str) -> list[CellChange]:
        return [c for c in self.cells if c.outcome == name]

    @property
    def lost(self) -> list[CellChange]:
        """Cells the departures leave with nobody."""
        return [c for c in self.cells if c.outcome == "lost" and c.cause == "departure"]

    @property
    def thinned(self) -> list[CellChange]:
        return [c for c in self.cells if c.outcome == "thinned" and c.cause == "departure"]

    @property
    def saved(self) -> list[CellChange]:
        return self.outcome("saved")

    @property
    def handed_over(self) -> list[CellChange]:
        return self.outcome("handed_over")

    @property
    def other_losses(self) -> list[CellChange]:
        """Cells lost or thinned on the same day for another cause (a fact's own end, a mandate lapsing)."""
        return [c for c in self.cells if c.outcome in {"lost", "thinned"} and c.cause != "departure"]


class UnknownTransition(LookupError):
    """No Transition with that id."""


class Evaluation:
    """One drawdown being computed: the snapshot, the dates and the departures, with what is looked up often."""

    def __init__(self, snap: Snapshot, partners: Partners, place: str, departures: Sequence[Departure],
                 handovers: Sequence[HandoverPlan], include_planned: bool, on: dt.date | None,
                 stale_after_years: int) -> None:
        self.snap, self.partners, self.place = snap, partners, place
        self.departures, self.handovers = tuple(departures), tuple(handovers)
        self.planned, self.stale_years = include_planned, stale_after_years
        if self.departures:
            self.after = max(d.date for d in self.departures)
            self.before = min(d.date for d in self.departures) - ONE_DAY
        else:
            assert on is not None, "a drawdown needs a departure, or a date for the baseline"
            self.before = self.after = on
        self.by_actor: dict[str, list[Departure]] = defaultdict(list)
        for d in self.departures:
            if d.date <= self.after:
                self.by_actor[d.actor].append(d)
        self.scope_places = snap.scope(place)
        self._currency: dict[str, rules.Currency] = {}
        self._leaving: dict[tuple[str, str], list[Departure]] = {}
        self._cover: dict[tuple[str, str, str], frozenset[str]] = {}
        self._partners: dict[frozenset[str], list[tuple[str, str]]] = {}
        self._active: dict[str, bool] = {}
        self.everywhere = {d.actor for d in self.departures if not d.places and d.date <= self.after}
        self.top = rules.highest_level(include_planned)
        self.counted: dict[str, tuple[bool, bool]] = {}  # fact id -> (counts before, counts after)
        self.cells: dict[tuple[str, str], list[Fact]] = defaultdict(list)
        before, after, top = self.before, self.after, self.top
        for p in self.scope_places:
            for lo, hi, level, f in snap.placed.get(p, ()):
                if level > top:
                    continue
                was, now = lo <= before < hi, lo <= after < hi
                if was or now:
                    self.counted[f.id] = (was, now)
                    self.cells[(f.task, f.place)].append(f)

    # -- the rules, applied ------------------------------------------------------------------------------------
    def counts(self, f: Fact, on: dt.date) -> bool:
        held = self.counted.get(f.id)
        if held is not None and on in (self.before, self.after):
            return held[0] if on == self.before else held[1]
        return self.snap.fact_counts(f, on, self.planned)

    def leaving(self, actor: str, place: str) -> list[Departure]:
        """The departures that take `actor` from `place` (all of it or a part of it)."""
        deps = self.by_actor.get(actor)
        if not deps:
            return []
        key = (actor, place)
        held = self._leaving.get(key)
        if held is None:
            held = self._leaving[key] = [d for d in deps if not d.places
                                         or any(self.snap.related(place, p) for p in d.places)]
        return held

    def departs(self, actor: str, place: str) -> bool:
        if actor not in self.by_actor:
            return False
        if actor in self.everywhere:
            return True
        return bool(self.leaving(actor, place))

    def holds_after(self, f: Fact, place: str) -> bool:
        """`f` still covers `place` on `after`."""
        return self.counts(f, self.after) and not self.departs(f.actor, place)

    def cover(self, task: str, place: str, when: str) -> set[str]:
        """Who covers all of `place` for `task` before or after (facts declared at `place` or above it)."""
        key = (task, place, when)
        held = self._cover.get(key)
        if held is not None:
            return set(held)
        out: set[str] = set()
        counted = self.counted
        for p in self.snap.covering(place):
            for f in self.cells.get((task, p), ()):
                was, now = counted[f.id]
                if (was if when == "before" else now and not self.departs(f.actor, place)):
                    out.add(f.actor)
        self._cover[key] = frozenset(out)
        return out

    def demanded(self, task: str, place: str, on: dt.date) -> bool:
        related = set(self.snap.scope(place))
        top = self.top
        return any(lo <= on < hi and level <= top and p in related
                   for lo, hi, level, _, p in self.snap.demand_spans.get(task, ()))

    def state(self, actors: Iterable[str], task: str, place: str, on: dt.date) -> str | None:
        names = set(actors)
        org_map = self.snap.org_map
        orgs = {o for a in names for o in org_map.get(a) or (a,)}
        return rules.state_of(names, orgs, self.demanded(task, place, on))

    def units(self, place: str) -> tuple[str, ...]:
        """The smallest places a row declared at `place` covers within the scope."""
        inside = self.place if self.snap.within(self.place, place) else place
        return self.snap.leaves(inside)

    def cause_of(self, f: Fact, place: str) -> str:
        """Why `f` (counted before) no longer covers `place` after."""
        for d in self.leaving(f.actor, place):
            if self.counts(f, d.date - ONE_DAY):
                return "departure"
        if md.actor_assigned(self.snap, f.actor, f.task, f.place, self.before, self.planned, [f.mandate]) and \
                not md.actor_assigned(self.snap, f.actor, f.task, f.place, self.after, self.planned, [f.mandate]):
            return "mandate_expired"
        return "ended"

    # -- presence ------------------------------------------------------------------------------------------------
    @cached_property
    def facts_after(self) -> list[tuple[Fact, tuple[str, ...]]]:
        """Facts anywhere in the country that still hold on `after`, with the places where they hold (their own
        place, or the parts of it the actor has not left)."""
        out: list[tuple[Fact, tuple[str, ...]]] = []
        after, top, spans = self.after, self.top, self.snap.spans
        for f in self.snap.facts:
            lo, hi, level = spans[f.id]
            if not (lo <= after < hi and level <= top):
                continue
            if not self.departs(f.actor, f.place):
                out.append((f, (f.place,)))
            else:
                parts = tuple(u for u in self.snap.leaves(f.place) if u != f.place and not self.departs(f.actor, u))
                if parts:
                    out.append((f, parts))
        return out

    @cached_property
    def facts_after_by_actor(self) -> dict[str, list[Fact]]:
        out: dict[str, list[Fact]] = defaultdict(list)
        for f, _ in self.facts_after:
            out[f.actor].append(f)
        return out

    @cached_property
    def deployed_after(self) -> dict[str, set[str]]:
        """Missions present by a current deployment on `after`: actor -> places of the country it is deployed in."""
        out: dict[str, set[str]] = {}
        for a in self.snap.actors.values():
            if not a.is_mission or not a.alive(self.after, self.planned):
                continue
            places = {p for p in a.deployed_in if p in self.snap.places and not self.departs(a.id, p)}
            if not places:
                continue
            if a.valid_to is None:
                c = md.actor_currency(self.snap, a.id, (), self.after, self.stale_years, self.planned)
                if c.stale or c.mandate_lapsed:
                    continue
            out[a.id] = places
        return out

    @cached_property
    def present_places(self) -> dict[str, set[str]]:
        """Actor -> places of the country where it is present on `after` (governments: the country)."""
        out: dict[str, set[str]] = defaultdict(set)
        for f, held in self.facts_after:
            out[f.actor].update(held)
        for actor, deployed in self.deployed_after.items():
            out[actor] |= deployed
        for g in self.snap.governments:
            out[g].add(self.snap.country)
        return out

    def currency_after(self, actor: str) -> rules.Currency:
        held = self._currency.get(actor)
        if held is None:
            held = md.actor_currency(self.snap, actor, self.facts_after_by_actor.get(actor, ()), self.after,
                                     self.stale_years, self.planned)
            self._currency[actor] = held
        return held

    def present_in(self, actor: str, place: str) -> bool:
        """Present in `place` or a place containing it on `after`."""
        if actor in self.snap.governments:
            return True
        if self.departs(actor, place):
            return False
        covering = set(self.snap.covering(place))
        return bool(self.present_places.get(actor, set()) & covering)

    def saver(self, task: str, place: str) -> str | None:
        for h in self.handovers:
            if h.task == task and (h.place is None or self.snap.within(place, h.place)) and self.present_in(h.to, place):
                return h.to
        return None

    # -- rows ----------------------------------------------------------------------------------------------------
    def rows(self) -> list[CellChange]:
        out = []
        for task, declared in sorted(self.cells):
            if declared not in self.snap.places:
                continue
            out.append(self.row(task, declared))
        return out

    def row(self, task: str, declared: str) -> CellChange:
        snap = self.snap
        info = snap.tasks.get(task)
        own = self.cells[(task, declared)]
        affected: list[UnitChange] = []
        lost_facts: list[tuple[Fact, str]] = []
        counted = self.counted
        moving = [f for f in own if counted[f.id][0] != counted[f.id][1] or f.actor in self.by_actor]
        for u in self.units(declared) if moving else ():
            changed = False
            here: set[str] = set()
            for f in moving:
                was, now = counted[f.id][0], self.holds_after(f, u)
                if was and not now:
                    lost_facts.append((f, u))
                    here.add(self.cause_of(f, u))
                    changed = True
                elif now and not was:
                    changed = True
            if changed:
                affected.append(replace(self.unit(task, u), cause=next((c for c in CAUSES if c in here), None)))
        before = self.cover(task, declared, "before")
        after = self.cover(task, declared, "after")
        after_actors = set(after)
        saved_by = next((u.saved_by for u in affected if u.saved_by), None)
        outcome = min((u.outcome for u in affected), key=OUTCOMES.index, default="unchanged")
        if outcome == "saved" and saved_by and not after_actors:
            after_actors = {saved_by}
        causes = {u.cause for u in affected if u.cause}
        cause = next((c for c in CAUSES if c in causes), None)
        candidates: tuple[Candidate, ...] = ()
        if outcome in {"lost", "thinned"}:
            left = {f.actor for f, _ in lost_facts}
            staying = set(after)
            candidates = self.candidates(task, declared, left, staying, [f for f, _ in lost_facts])
        return CellChange(
            task=task, task_label=info.label if info else task, task_group=info.group if info else "",
            place=declared, place_name=snap.place_name(declared), before=tuple(sorted(before)),
            after=tuple(sorted(after_actors)), state_before=self.state(before, task, declared, self.before),
            state_after=self.state(after_actors, task, declared, self.after), outcome=outcome, cause=cause,
            saved_by=saved_by, candidates=candidates, affects=tuple(affected))

    def unit(self, task: str, u: str) -> UnitChange:
        before = self.cover(task, u, "before")
        after = self.cover(task, u, "after")
        leaving = {a for a in before if self.departs(a, u)}
        saved_by = None
        if before and not after:
            saved_by = self.saver(task, u)
            outcome = "saved" if saved_by else "lost"
            if saved_by:
                after = {saved_by}
        elif len(before) >= 2 and len(after) == 1:
            outcome = "thinned"
        elif leaving and after - before:
            outcome = "handed_over"
        elif not before and after:
            outcome = "gained"
        else:
            outcome = "unchanged"
        return UnitChange(u, self.snap.place_name(u), tuple(sorted(before)), tuple(sorted(after)), outcome, saved_by)

    # -- candidates ---------------------------------------------------------------------------------------------
    @cached_property
    def group_presence(self) -> dict[tuple[str, str], dict[str, set[str]]]:
        """(task group, place) -> actor -> task labels it still covers there on `after`."""
        out: dict[tuple[str, str], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        for f, places in self.facts_after:
            info = self.snap.tasks.get(f.task)
            if info:
                for p in places:
                    out[(info.group, p)][f.actor].add(f.task)
        return out

    @cached_property
    def region(self) -> set[str]:
        return set(region_countries(self.snap.country)) | {self.snap.country}

    def candidates(self, task: str, place: str, left: set[str], staying: set[str],
                   lost: list[Fact]) -> tuple[Candidate, ...]:
        snap = self.snap
        info = snap.tasks.get(task)
        group = info.group if info else ""
        excluded = set(left) | set(staying) | set(self.by_actor)
        if group == SUPPORT_GROUP:
            excluded |= self.beneficiaries(lost)
        found: dict[str, tuple[int, str]] = {}

        def offer(actor: str, basis: str, reason: str) -> None:
            if actor in excluded:
                return
            order = BASES.index(basis)
            if actor not in found or found[actor][0] > order:
                found[actor] = (order, reason)

        for p in snap.scope(place):
            for actor, tasks in self.group_presence.get((group, p), {}).items():
                labels = sorted(snap.tasks[t].label for t in tasks if t in snap.tasks)
                offer(actor, "same_place_same_group",
                      f"covers {', '.join(labels)} in {snap.place_name(p)} (same task group)")
        governments = set(snap.governments)
        for actor in sorted(self.present_places):
            if actor not in governments:
                how = "covering tasks" if actor in self.facts_after_by_actor else "deployed"
                offer(actor, "present_in_country", f"present in {snap.place_name(snap.country)} ({how})")
        for partner, reason in self.partners_of(left):
            offer(partner, "partner_under_agreement", reason)
        for g in governments:
            offer(g, "host_state", f"host state: {snap.actor_name(g)}")
        ranks = {order: i + 1 for i, order in enumerate(sorted({o for o, _ in found.values()}))}
        out = []
        for actor, (order, reason) in found.items():
            out.append(Candidate(actor, self.name_of(actor), BASES[order], ranks[order], reason,
                                 self.currency_after(actor)))
        return tuple(sorted(out, key=lambda c: (c.rank, c.name.lower(), c.actor)))

    def name_of(self, actor: str) -> str:
        if actor in self.snap.actors:
            return self.snap.actors[actor].name
        held = self.partners.names.get(actor)
        return held[0] if held else actor

    def beneficiaries(self, lost: list[Fact]) -> set[str]:
        """Who the lost support served: the forces its mandates support and the recipients of the lines that pay."""
        out: set[str] = set()
        for f in lost:
            for m in [self.snap.mandates.get(f.mandate or ""), *self.snap.mandates_by_actor.get(f.actor, ())]:
                if m is not None:
                    out |= set(m.supports)
            for line in self.snap.funding_by_fact.get(f.id, ()):
                out |= {line.recipient} if line.recipient else set()
            for line in self.snap.funding:
                if f.actor in line.funders and line.recipient and rules.counted_in_force(
                        line.valid_from, line.valid_to, line.status, self.before, self.planned):
                    out.add(line.recipient)
        return out

    def partners_of(self, left: set[str]) -> list[tuple[str, str]]:
        """Partners under an agreement in force with the leaving actors' organisations, active in the region."""
        key = frozenset(left)
        held = self._partners.get(key)
        if held is None:
            held = self._partners[key] = self._partners_of(left)
        return held

    def active(self, party: str) -> bool:
        held = self._active.get(party)
        if held is None:
            held = self._active[party] = (party in self.present_places or self.partners.active_in(
                party, self.region, self.after, self.planned))
        return held

    def _partners_of(self, left: set[str]) -> list[tuple[str, str]]:
        snap, partners = self.snap, self.partners
        orgs: set[str] = set()
        for a in left:
            orgs |= {a, *snap.organizations_of(a)}
            actor = snap.actors.get(a)
            if actor:
                orgs |= set(actor.led_by)
        orgs |= {partners.top_of.get(o, o) for o in orgs}
        out = []
        for ag in partners.agreements:
            if not rules.counted_in_force(ag.valid_from, ag.valid_to, ag.status, self.after, self.planned):
                continue
            mine = [p for p in ag.parties if p in orgs or partners.top_of.get(p, p) in orgs]
            if not mine:
                continue
            for p in ag.parties:
                if p in orgs or partners.top_of.get(p, p) in orgs:
                    continue
                kind = partners.names.get(p, ("", None, None))[2]
                if kind == "government" and p not in snap.governments:
                    continue
                if not self.active(p):
                    continue
                out.append((p, f"partner of {self.name_of(mine[0])} under {ag.name}"))
        return out

    # -- funding ------------------------------------------------------------------------------------------------
    def leaves_entirely(self, actor: str) -> bool:
        deps = self.by_actor.get(actor, ())
        if any(not d.places for d in deps):
            return True
        if not deps:
            return False
        a = self.snap.actors.get(actor)
        where = set(a.deployed_in if a else ()) | {f.place for f in self.snap.facts_by_actor.get(actor, ())
                                                   if self.counts(f, self.before)}
        return bool(where) and all(any(self.snap.within(p, d) for d in {x for dep in deps for x in dep.places})
                                   for p in where)

    def funding(self) -> list[EndingFunding]:
        """Lines in force before that end with the departures (module docstring: whole departures, or all the
        coverage a line names stopping, whoever leaves)."""
        snap = self.snap
        out = []
        for line in snap.funding:
            if not rules.counted_in_force(line.valid_from, line.valid_to, line.status, self.before, self.planned):
                continue
            tasks: list[str] = []
            if line.recipient and self.leaves_entirely(line.recipient):
                paid_before = [f for f in (snap.facts_by_id.get(i) for i in line.pays_for)
                               if f is not None and self.counts(f, self.before)]
                tasks = sorted({f.task for f in paid_before} or {
                    f.task for f in snap.facts_by_actor.get(line.recipient, ())
                    if f.place in self.scope_places and self.counts(f, self.before)})
            elif line.pays_for:
                paid = [snap.facts_by_id.get(fid) for fid in line.pays_for]
                if any(f is None for f in paid):
                    continue  # it also pays for coverage elsewhere
                facts = [f for f in paid if f is not None and self.counts(f, self.before)]
                if not facts or any(self.holds_after(f, f.place) for f in facts):
                    continue
                by_departure = any(self.cause_of(f, f.place) == "departure" for f in facts)
                if not (by_departure or (line.recipient in self.by_actor)):
                    continue
                tasks = sorted({f.task for f in facts})
            else:
                continue
            out.append(EndingFunding(line.id, line.name, line.recipient or "", line.funders, line.instrument or "",
                                     line.amount, line.currency, tuple(tasks)))
        return sorted(out, key=lambda e: e.id)


def evaluate(snap: Snapshot, partners: Partners, place: str, departures: Sequence[Departure],
             handovers: Sequence[HandoverPlan] = (), include_planned: bool = False, on: dt.date | None = None,
             transition: str | None = None, stale_after_years: int = rules.STALE_AFTER_YEARS) -> Drawdown:
    """The drawdown of `departures` in `place` (a country or an area of `snap`)."""
    ev = Evaluation(snap, partners, place, departures, handovers, include_planned, on, stale_after_years)
    return Drawdown(scope_of(snap, place), ev.before, ev.after, ev.departures, ev.handovers, tuple(ev.rows()),
                    tuple(ev.funding()), transition)


def transition_departure(t: Transition) -> tuple[list[Departure], list[HandoverPlan]]:
    """A recorded transition as a what-if: its actor leaves its places on its end date, with its handovers."""
    departures = [Departure(t.from_actor, t.end, t.places)] if t.from_actor else []
    return departures, [HandoverPlan(h.task, h.to, h.place) for h in t.handovers]


def of_transition(snap: Snapshot, partners: Partners, t: Transition, include_planned: bool = False,
                  stale_after_years: int = rules.STALE_AFTER_YEARS) -> Drawdown:
    """Evaluate a recorded transition in its country (rows are declared where their facts are)."""
    departures, handovers = transition_departure(t)
    return evaluate(snap, partners, snap.country, departures, handovers, include_planned, t.end, t.id,
                    stale_after_years)


# -- reading, then computing off the event loop -------------------------------------------------------------------
async def drawdown_what_if(
    graph: Database, place: str, departures: list[Departure], handovers: list[HandoverPlan] | None = None,
    include_planned: bool = False, transition: str | None = None, on: dt.date | None = None,
    stale_after_years: int = rules.STALE_AFTER_YEARS, store: SnapshotStore = STORE,
) -> Drawdown:
    """Evaluate departures in a place (country or area); every actor, task and place named must exist."""
    if not departures and on is None:
        raise ValueError("a drawdown needs at least one departure, or a date `on` for the baseline")
    hands = list(handovers or ())
    wanted = [Wanted("actor", d.actor, f"departures[{i}].actor") for i, d in enumerate(departures)]
    wanted += [Wanted("place", p, f"departures[{i}].places") for i, d in enumerate(departures) for p in d.places]
    wanted += [Wanted("task", h.task, f"handovers[{i}].task") for i, h in enumerate(hands)]
    wanted += [Wanted("actor", h.to, f"handovers[{i}].to") for i, h in enumerate(hands)]
    wanted += [Wanted("place", h.place, f"handovers[{i}].place") for i, h in enumerate(hands) if h.place]
    prepared = await store.prepare(graph, [place], wanted)
    snap = await store.snapshot(graph, prepared.countries[place], prepared.token)
    partners = await store.partners(graph, prepared.token)
    return await asyncio.to_thread(evaluate, snap, partners, place, departures, hands, include_planned, on,
                                   transition, stale_after_years)


async def drawdown_of_transition(graph: Database, transition_id: str, include_planned: bool = False,
                                 stale_after_years: int = rules.STALE_AFTER_YEARS,
                                 store: SnapshotStore = STORE) -> Drawdown:
    """Evaluate a recorded Transition: its actor leaves its places on its end date, with its handovers."""
    (rows,), token = await _transition_places(graph, transition_id)
    if not rows:
        raise UnknownTransition(f"no transition with id {transition_id!r}")
    country = rows[0]["country"]
    snap = await store.snapshot(graph, country, token)
    t = next((x for x in snap.transitions if x.id == transition_id), None)
    if t is None:
        raise UnknownTransition(f"no transition with id {transition_id!r} in {country}")
    partners = await store.partners(graph, token)
    return await asyncio.to_thread(of_transition, snap, partners, t, include_planned, stale_after_years)


async def _transition_places(graph: Database, transition_id: str) -> tuple[list[list[dict[str, Any]]], str]:
    return await read_transaction(graph, [("transition_country", {"id": transition_id})])
