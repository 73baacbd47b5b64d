"""The in-memory world of one country, indexed for the analyses: its places (a tree of any depth), the coverage
facts declared in them, the actors, mandates, funding lines and transitions that bear on them.

Pure data, built once from the rows graph/analysis/load.py reads and then only read (threads may share it). Every
analysis is a function of a snapshot, a date and the counted statuses, linear in the facts it looks at.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict, defaultdict
from collections.abc import Callable, Mapping, Set
from dataclasses import dataclass, field
from functools import cached_property
from itertools import groupby
from operator import itemgetter
from typing import Any, NamedTuple, TypeVar, cast

from peacegraph.graph.domain import rules
from peacegraph.graph.store.convert import to_date

Span = tuple[dt.date, dt.date, int]
"""When a fact or mandate can count: first day, first day after (date.max when open), and its status level
(rules.status_level: it counts when the level is at most rules.highest_level of the question)."""

T = TypeVar("T")
PLACES_KEPT = 8
"""How many places' scope facts, runs and timeline events (each kind apart) a snapshot keeps (Snapshot._keep)."""
ScopeEntry = tuple[dt.date, dt.date, int, "Fact"]
"""A fact of a place's scope with its span: first day, first day after, status level, the fact."""
ScopeEvent = tuple[dt.date, int, str | None]
"""A day a fact (its actor) or a mandate (None) starts (+1) or stops (-1) counting for a task."""


class Cell(NamedTuple):
    """The coverage facts of one actor for one task (a heatmap cell); inherited when all are declared above the
    place asked about. (Tuples: a matrix at scale holds thousands.)"""

    task: str
    actor: str
    coverages: tuple[Fact, ...]
    inherited: bool = False


class ScopeGroup(NamedTuple):
    """A run of scope facts of one task and one actor: the bounds of their spans, and what they come to when all
    count (the cell, the latest day one was confirmed, whether one is open-ended)."""

    task: str
    actor: str
    lo: dt.date  # the earliest first day of its facts
    hi: dt.date  # the latest first day after
    level: int  # the lowest status level
    entries: tuple[ScopeEntry, ...]
    cell: Cell
    latest_confirmed: dt.date | None
    any_open: bool


SUPPORT_GROUP = "partnership"
"""The task group of support to another organisation (logistics, financing): never picked up by its beneficiary."""


@dataclass(frozen=True, slots=True)
class Place:
    id: str
    name: str
    kind: str
    parent: str | None


@dataclass(frozen=True, slots=True)
class Task:
    id: str
    label: str
    group: str
    primary_responsibility: str | None = None


@dataclass(frozen=True, slots=True)
class Actor:
    """A Mission or an Organization: its dates and status (missions), its organisations and where it deploys."""

    id: str
    name: str
    acronym: str | None
    kind: str  # "mission" | "organization"
    organizations: tuple[str, ...]  # top-level organisations (a mission's lead organisations' tops)
    led_by: tuple[str, ...] = ()
    org_kind: str | None = None
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    status: str = "actual"
    verified_on: dt.date | None = None
    deployed_in: tuple[str, ...] = ()
    governs: str | None = None

    @property
    def is_mission(self) -> bool:
        return self.kind == "mission"

    def alive(self, on: dt.date, include_planned: bool) -> bool:
        """A mission exists on `on` (its dates and status); an organisation always does."""
        return not self.is_mission or rules.counted_in_force(self.valid_from, self.valid_to, self.status, on,
                                                            include_planned)

    @property
    def label(self) -> str:
        return self.acronym or self.name


@dataclass(frozen=True, slots=True)
class SourceRef:
    """A citation of a coverage fact: the source, its title and kind, where in it, and a short quote."""

    source: str
    title: str | None
    kind: str | None
    locator: str
    quote: str | None


@dataclass(frozen=True, slots=True)
class Fact:
    """One Coverage: actor × task × place × period, under a mandate."""

    id: str
    actor: str
    task: str
    place: str
    valid_from: dt.date | None
    valid_to: dt.date | None
    status: str
    role: str | None
    modality: str | None
    mandate: str | None
    verified_on: dt.date | None = None
    from_precision: str = "day"
    to_precision: str = "day"
    sources: tuple[SourceRef, ...] = ()


@dataclass(frozen=True, slots=True)
class Mandate:
    """A decision: what it does (action), to whom (authorizes), what (tasks) and where (places)."""

    id: str
    title: str | None
    kind: str | None
    issued_by: str | None
    adopted: dt.date | None
    valid_from: dt.date | None
    valid_to: dt.date | None
    status: str
    action: str | None
    renews: str | None
    authorizes: tuple[str, ...]
    supports: tuple[str, ...]
    tasks: frozenset[str]
    places: tuple[str, ...]
    verified_on: dt.date | None = None

    @property
    def own_chain(self) -> bool:
        """Establishment, renewal, modification or termination of the authorised missions' own mandate (not a
        support authorisation). A mandate with no recorded action counts as part of the chain."""
        return self.action != "authorise_support"

    @property
    def label(self) -> str:
        return f"{self.id} — {self.title}" if self.title and self.title != self.id else self.id


@dataclass(frozen=True, slots=True)
class FundingLine:
    id: str
    name: str
    funders: tuple[str, ...]
    recipient: str | None
    instrument: str | None
    amount: float | None
    currency: str | None
    valid_from: dt.date | None
    valid_to: dt.date | None
    status: str
    pays_for: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Handover:
    task: str
    to: str
    place: str | None


@dataclass(frozen=True, slots=True)
class Transition:
    id: str
    kind: str
    from_actor: str | None
    to_actors: tuple[str, ...]
    places: tuple[str, ...]
    announced: dt.date | None
    start: dt.date | None
    end: dt.date
    stage: str | None
    status: str
    handovers: tuple[Handover, ...]


@dataclass(frozen=True, slots=True)
class Agreement:
    id: str
    name: str
    parties: tuple[str, ...]
    valid_from: dt.date | None
    valid_to: dt.date | None
    status: str


@dataclass(frozen=True, slots=True)
class Presence:
    """Where an agreement party (or a mission it leads) is, over a period: what 'active in the region' reads."""

    actor: str
    country: str
    valid_from: dt.date | None
    valid_to: dt.date | None
    status: str


@dataclass(frozen=True)
class Partners:
    """Agreements with their parties, and where each party is active (for partner candidates)."""

    agreements: tuple[Agreement, ...]
    names: dict[str, tuple[str, str | None, str | None]]  # id -> (name, acronym, org kind)
    presence: dict[str, tuple[Presence, ...]]
    top_of: dict[str, str]  # organisation -> its top-level organisation

    def active_in(self, actor: str, countries: set[str], on: dt.date, include_planned: bool) -> bool:
        return any(p.country in countries and rules.counted_in_force(p.valid_from, p.valid_to, p.status, on,
                                                                     include_planned)
                   for p in self.presence.get(actor, ()))


EMPTY_PARTNERS = Partners((), {}, {}, {})


@dataclass(frozen=True)
class Snapshot:
    """One country's tree of places and everything declared in it (see module docstring)."""

    country: str
    places: dict[str, Place]
    tasks: dict[str, Task]
    actors: dict[str, Actor]
    facts: tuple[Fact, ...]
    mandates: dict[str, Mandate]
    funding: tuple[FundingLine, ...] = ()
    transitions: tuple[Transition, ...] = ()
    governments: tuple[str, ...] = ()
    token: str = field(default="", compare=False)

    # -- places -----------------------------------------------------------------------------------------------
    @cached_property
    def _ancestors(self) -> dict[str, tuple[str, ...]]:
        out: dict[str, tuple[str, ...]] = {}
        for pid in self.places:
            chain: list[str] = []
            seen = {pid}
            current = self.places[pid].parent
            while current and current not in seen and current in self.places:
                chain.append(current)
                seen.add(current)
                current = self.places[current].parent
            out[pid] = tuple(chain)
        return out

    @cached_property
    def _descendants(self) -> dict[str, tuple[str, ...]]:
        below: dict[str, list[str]] = defaultdict(list)
        for pid, chain in self._ancestors.items():
            for up in chain:
                below[up].append(pid)
        return {pid: tuple(sorted(below.get(pid, ()))) for pid in self.places}

    def ancestors(self, place: str) -> tuple[str, ...]:
        """The places containing `place`, nearest first (any depth)."""
        return self._ancestors.get(place, ())

    def descendants(self, place: str) -> tuple[str, ...]:
        """The places inside `place` (any depth), sorted by id."""
        return self._descendants.get(place, ())

    def leaves(self, place: str) -> tuple[str, ...]:
        """The smallest places of `place`'s tree: its areas without areas of their own, or itself."""
        below = self.descendants(place)
        leaves = tuple(p for p in below if not self.descendants(p))
        return leaves or (place,)

    def within(self, inner: str, outer: str) -> bool:
        """`inner` is `outer` or lies inside it."""
        return inner == outer or outer in self.ancestors(inner)

    def related(self, a: str, b: str) -> bool:
        """The same place, or one contains the other."""
        return self.within(a, b) or self.within(b, a)

    def scope(self, place: str) -> tuple[str, ...]:
        """`place`, the places containing it and the places inside it: what bears on a question about it."""
        return (place, *self.ancestors(place), *self.descendants(place))

    def covering(self, place: str) -> tuple[str, ...]:
        """`place` and the places containing it: facts declared there cover all of `place`."""
        return (place, *self.ancestors(place))

    def place_name(self, place: str) -> str:
        p = self.places.get(place)
        return p.name if p else place

    # -- indexes ----------------------------------------------------------------------------------------------
    @cached_property
    def facts_by_place(self) -> dict[str, tuple[Fact, ...]]:
        out: dict[str, list[Fact]] = defaultdict(list)
        for f in self.facts:
            out[f.place].append(f)
        return {k: tuple(v) for k, v in out.items()}

    @cached_property
    def facts_by_task(self) -> dict[str, tuple[Fact, ...]]:
        out: dict[str, list[Fact]] = defaultdict(list)
        for f in self.facts:
            out[f.task].append(f)
        return {k: tuple(v) for k, v in out.items()}

    @cached_property
    def facts_by_actor(self) -> dict[str, tuple[Fact, ...]]:
        out: dict[str, list[Fact]] = defaultdict(list)
        for f in self.facts:
            out[f.actor].append(f)
        return {k: tuple(v) for k, v in out.items()}

    @cached_property
    def facts_by_id(self) -> dict[str, Fact]:
        return {f.id: f for f in self.facts}

    @cached_property
    def mandates_by_actor(self) -> dict[str, tuple[Mandate, ...]]:
        out: dict[str, list[Mandate]] = defaultdict(list)
        for m in self.mandates.values():
            for a in m.authorizes:
                out[a].append(m)
        return {k: tuple(sorted(v, key=lambda m: (m.adopted or m.valid_from or rules.EARLIEST, m.id)))
                for k, v in out.items()}

    @cached_property
    def demand_places(self) -> dict[str, tuple[str, ...]]:
        """Per mandate, the places it assigns its tasks for: its own places, else where its missions deploy."""
        out: dict[str, tuple[str, ...]] = {}
        for m in self.mandates.values():
            if m.places:
                out[m.id] = m.places
            else:
                out[m.id] = tuple(sorted({p for a in m.authorizes for p in self._deployed(a)}))
        return out

    @cached_property
    def demand_by_task(self) -> dict[str, tuple[tuple[Mandate, str], ...]]:
        """(mandate, place) assignments per task, for the places of this snapshot (terminations assign nothing)."""
        out: dict[str, list[tuple[Mandate, str]]] = defaultdict(list)
        for m in self.mandates.values():
            if m.action == "terminate":
                continue
            for place in self.demand_places[m.id]:
                if place in self.places:
                    for task in m.tasks:
                        out[task].append((m, place))
        return {k: tuple(v) for k, v in out.items()}

    @cached_property
    def funding_by_recipient(self) -> dict[str, tuple[FundingLine, ...]]:
        out: dict[str, list[FundingLine]] = defaultdict(list)
        for line in self.funding:
            if line.recipient:
                out[line.recipient].append(line)
        return {k: tuple(v) for k, v in out.items()}

    @cached_property
    def funding_by_fact(self) -> dict[str, tuple[FundingLine, ...]]:
        out: dict[str, list[FundingLine]] = defaultdict(list)
        for line in self.funding:
            for fid in line.pays_for:
                out[fid].append(line)
        return {k: tuple(v) for k, v in out.items()}

    @cached_property
    def spans(self) -> dict[str, Span]:
        """Per fact: the days it can count (its own period within its mission's) and its status level."""
        out: dict[str, Span] = {}
        for f in self.facts:
            lo, hi = f.valid_from or dt.date.min, f.valid_to or dt.date.max
            level = rules.status_level(f.status)
            a = self.actors.get(f.actor)
            if a is not None and a.is_mission:
                lo, hi = max(lo, a.valid_from or dt.date.min), min(hi, a.valid_to or dt.date.max)
                level = max(level, rules.status_level(a.status))
            out[f.id] = (lo, hi, level)
        return out

    @cached_property
    def placed(self) -> dict[str, tuple[tuple[dt.date, dt.date, int, Fact], ...]]:
        """Per place, its facts with their spans (what every in-force test on facts reads)."""
        spans = self.spans
        return {p: tuple((*spans[f.id], f) for f in fs) for p, fs in self.facts_by_place.items()}

    @cached_property
    def _kept(self) -> dict[str, OrderedDict[Any, Any]]:
        return {"facts": OrderedDict(), "groups": OrderedDict(), "events": OrderedDict(), "tasks": OrderedDict()}

    @cached_property
    def _kept_lock(self) -> threading.Lock:
        return threading.Lock()

    def _keep(self, kind: str, key: Any, build: Callable[[], T]) -> T:
        """What `build` makes for `key`, built on the first question and kept among the last PLACES_KEPT of its kind
        (a thread that builds it at the same time builds the same value; the lock only guards the cache)."""
        kept = self._kept[kind]
        with self._kept_lock:
            held = kept.get(key)
            if held is not None:
                kept.move_to_end(key)
                return cast(T, held)
        made = build()
        with self._kept_lock:
            kept[key] = made
            while len(kept) > PLACES_KEPT:
                kept.popitem(last=False)
        return made

    def scope_facts(self, place: str) -> tuple[ScopeEntry, ...]:
        """Every fact declared in `place`'s scope with its span, in (task, actor, id) order: what every question
        about a place reads (facts_in_scope), in the order the matrix makes its cells in. Kept (_keep)."""
        def build() -> tuple[ScopeEntry, ...]:
            placed = self.placed
            return tuple(sorted((e for p in self.scope(place) for e in placed.get(p, ())),
                                key=lambda e: (e[3].task, e[3].actor, e[3].id)))
        return self._keep("facts", place, build)

    def scope_task_runs(self, place: str) -> dict[str, tuple[int, int]]:
        """Where each task's facts sit in scope_facts(place) (it is in task order): [start, end) per task, so a
        question about a few tasks reads only their facts. Kept (_keep)."""
        def build() -> dict[str, tuple[int, int]]:
            out: dict[str, tuple[int, int]] = {}
            at = 0
            for task, run in groupby(self.scope_facts(place), key=lambda e: e[3].task):
                n = sum(1 for _ in run)
                out[task] = (at, at + n)
                at += n
            return out
        return self._keep("tasks", place, build)

    def scope_groups(self, place: str) -> tuple[ScopeGroup, ...]:
        """`place`'s scope facts as runs of one task and one actor (scope_facts' order), each with what its facts
        come to when all count (scope_group). At scale a run is mostly one fact, so the matrix takes most as they
        are. Kept (_keep)."""
        def build() -> tuple[ScopeGroup, ...]:
            above, confirmed = set(self.ancestors(place)), self.fact_confirmed
            return tuple(scope_group(task, actor, tuple(run), above, confirmed)
                         for (task, actor), run in groupby(self.scope_facts(place),
                                                           key=lambda e: (e[3].task, e[3].actor)))
        return self._keep("groups", place, build)

    def scope_events(self, place: str, top: int) -> dict[str, tuple[ScopeEvent, ...]]:
        """Per task, in date order, the days its facts in `place`'s scope (status level up to `top`) start (+1) and
        end (-1) with their actor, and the days a mandate assigning it there starts and ends (actor None): what a
        timeline sweeps, whatever its window. Kept (_keep: at scale a country's are tens of thousands of tuples)."""
        def build() -> dict[str, tuple[ScopeEvent, ...]]:
            out: dict[str, list[ScopeEvent]] = defaultdict(list)
            for lo, hi, level, f in self.scope_facts(place):
                if level <= top and lo < hi:
                    out[f.task] += [(lo, 1, f.actor), (hi, -1, f.actor)]
            related = set(self.scope(place))
            for task, pairs in self.demand_spans.items():
                for lo, hi, level, _, p in pairs:
                    if level <= top and p in related and lo < hi:
                        out[task] += [(lo, 1, None), (hi, -1, None)]
            return {task: tuple(sorted(events, key=itemgetter(0))) for task, events in out.items()}
        return self._keep("events", (place, top), build)

    @cached_property
    def mandate_spans(self) -> dict[str, Span]:
        """Per mandate: the days it is in force (a modification's end included) and its status level."""
        return {m.id: (m.valid_from or dt.date.min, self.effective_to(m) or dt.date.max,
                       rules.status_level(m.status))
                for m in self.mandates.values()}

    @cached_property
    def demand_spans(self) -> dict[str, tuple[tuple[dt.date, dt.date, int, Mandate, str], ...]]:
        """Per task, its (mandate, place) assignments with the mandate's span."""
        spans = self.mandate_spans
        return {task: tuple((*spans[m.id], m, p) for m, p in pairs) for task, pairs in self.demand_by_task.items()}

    @cached_property
    def confirmed_by(self) -> dict[tuple[str, str | None], dt.date | None]:
        """(actor, task or None for any) -> the latest date its mission or its (counting) mandates confirm it."""
        out: dict[tuple[str, str | None], dt.date | None] = {}
        for actor_id, actor in self.actors.items():
            base = actor.verified_on
            out[(actor_id, None)] = base
            for m in self.mandates_by_actor.get(actor_id, ()):
                if not rules.counts(m.status, include_planned=True):
                    continue
                best = _latest(m.adopted, m.verified_on)
                out[(actor_id, None)] = _latest(out[(actor_id, None)], best)
                for task in m.tasks:
                    out[(actor_id, task)] = _latest(out.get((actor_id, task), base), best)
        return out

    @cached_property
    def fact_confirmed(self) -> dict[str, dt.date | None]:
        """Per fact: the latest date a source confirms it (its own verified_on, its mission's, its mandates')."""
        out: dict[str, dt.date | None] = {}
        confirmed = self.confirmed_by
        for f in self.facts:
            actor = self.actors.get(f.actor)
            own = confirmed.get((f.actor, f.task), actor.verified_on if actor else None)
            best = _latest(f.verified_on, own)
            m = self.mandates.get(f.mandate or "")
            if m is not None:
                best = _latest(best, m.adopted, m.verified_on)
            out[f.id] = best
        return out

    @cached_property
    def chain_terms(self) -> dict[tuple[str, bool], tuple[rules.MandateTerm, ...]]:
        """(mission, planned counted) -> the terms of its own chain of mandates (what the lapse rule reads)."""
        out: dict[tuple[str, bool], tuple[rules.MandateTerm, ...]] = {}
        for actor, mandates in self.mandates_by_actor.items():
            for planned in (False, True):
                out[(actor, planned)] = tuple(
                    rules.MandateTerm(m.adopted, m.valid_from, self.effective_to(m), m.action)
                    for m in mandates if m.own_chain and rules.counts(m.status, planned))
        return out

    def warm(self) -> None:
        """Build every index now (in the loading thread), so that analyses only read."""
        for name in ("_ancestors", "_descendants", "facts_by_place", "facts_by_task", "facts_by_actor", "facts_by_id",
                     "mandates_by_actor", "demand_places", "demand_by_task", "funding_by_recipient",
                     "funding_by_fact", "spans", "placed", "_kept", "_kept_lock", "mandate_spans", "demand_spans", "confirmed_by",
                     "fact_confirmed", "chain_terms", "org_map"):
            getattr(self, name)

    def _deployed(self, actor: str) -> tuple[str, ...]:
        a = self.actors.get(actor)
        return a.deployed_in if a else ()

    # -- the in-force rule, applied -----------------------------------------------------------------------------
    def effective_to(self, m: Mandate) -> dt.date | None:
        """A mandate's end: its own, or for a modification without one, the end of the mandate it modifies."""
        if m.valid_to is None and m.action == "modify" and m.renews in self.mandates:
            return self.mandates[m.renews].valid_to
        return m.valid_to

    def mandate_in_force(self, m: Mandate, on: dt.date, include_planned: bool) -> bool:
        lo, hi, level = self.mandate_spans[m.id]
        return lo <= on < hi and level <= rules.highest_level(include_planned)

    def fact_counts(self, f: Fact, on: dt.date, include_planned: bool) -> bool:
        """A coverage fact counts on `on`: in force, of a counted status, and its actor exists then."""
        lo, hi, level = self.spans[f.id]
        return lo <= on < hi and level <= rules.highest_level(include_planned)

    def facts_in_scope(self, place: str, on: dt.date, include_planned: bool,
                       task: str | None = None) -> list[Fact]:
        """Counted facts in force on `on` declared in `place`'s scope (optionally of one task), in (task, actor,
        id) order."""
        top = rules.highest_level(include_planned)
        entries = self.scope_facts(place)
        if task is not None:
            a, b = self.scope_task_runs(place).get(task, (0, 0))
            entries = entries[a:b]
        return [f for lo, hi, level, f in entries if lo <= on < hi and level <= top]

    @cached_property
    def org_map(self) -> dict[str, tuple[str, ...]]:
        """Actor -> its top-level organisations (an actor unknown here is its own)."""
        return {aid: (a.organizations or (aid,)) for aid, a in self.actors.items()}

    def organizations_of(self, actor: str) -> tuple[str, ...]:
        return self.org_map.get(actor) or (actor,)

    def actor_name(self, actor: str) -> str:
        a = self.actors.get(actor)
        return a.name if a else actor


def scope_group(task: str, actor: str, entries: tuple[ScopeEntry, ...], above: Set[str],
                confirmed: Mapping[str, dt.date | None]) -> ScopeGroup:
    """The group of these scope entries (one task, one actor): their cell is inherited when every fact is declared
    at a place in `above` (the places containing the one asked about)."""
    facts = tuple(e[3] for e in entries)
    days = [d for d in (confirmed.get(f.id) for f in facts) if d is not None]
    return ScopeGroup(task, actor, min(e[0] for e in entries), max(e[1] for e in entries),
                      min(e[2] for e in entries), entries,
                      Cell(task, actor, facts, bool(above) and all(f.place in above for f in facts)),
                      max(days) if days else None, any(f.valid_to is None for f in facts))


def _latest(*days: dt.date | None) -> dt.date | None:
    known = [d for d in days if d is not None]
    return max(known) if known else None


# -- building from rows (graph/analysis/load.py reads them) -----------------------------------------------------
def _d(value: Any) -> dt.date | None:
    return to_date(value) if value not in (None, "") else None


def build(country: str, rows: dict[str, list[dict[str, Any]]], tasks: dict[str, Task], token: str = "") -> Snapshot:
    """A snapshot from the rows of the snapshot_* statements for one country."""
    place_rows = rows["places"][0] if rows["places"] else {"places": [], "governments": []}
    places = {p[0]: Place(p[0], p[1], p[2], p[3]) for p in place_rows["places"]}
    actors: dict[str, Actor] = {}
    for r in rows["actors"]:
        actors[r["id"]] = Actor(
            id=r["id"], name=r["name"] or r["id"], acronym=r["acronym"], kind=r["kind"],
            organizations=tuple(sorted(set(r["organizations"] or ()))) or (r["id"],),
            led_by=tuple(r["led_by"] or ()), org_kind=r["org_kind"], valid_from=_d(r["valid_from"]),
            valid_to=_d(r["valid_to"]), status=r["status"] or "actual", verified_on=_d(r["verified_on"]),
            deployed_in=tuple(r["deployed_in"] or ()), governs=r["governs"])
    facts = tuple(
        Fact(id=f[0], actor=r["actor"], task=f[1], place=f[2], valid_from=_d(f[3]), valid_to=_d(f[4]),
             status=f[5] or "actual", role=f[6], modality=f[7], mandate=f[8], verified_on=_d(f[9]),
             from_precision=f[10] or "day", to_precision=f[11] or "day",
             sources=tuple(sorted((SourceRef(*c) for c in f[12]), key=lambda c: (c.source, c.locator))))
        for r in rows["facts"] for f in r["facts"])
    mandates = {
        r["id"]: Mandate(
            id=r["id"], title=r["title"], kind=r["kind"], issued_by=r["issued_by"], adopted=_d(r["adopted"]),
            valid_from=_d(r["valid_from"]), valid_to=_d(r["valid_to"]), status=r["status"] or "actual",
            action=r["action"], renews=r["renews"], authorizes=tuple(sorted(r["authorizes"] or ())),
            supports=tuple(sorted(r["supports"] or ())), tasks=frozenset(r["tasks"] or ()),
            places=tuple(sorted(r["places"] or ())), verified_on=_d(r["verified_on"]))
        for r in rows["mandates"]}
    funding = tuple(
        FundingLine(id=r["id"], name=r["name"] or r["id"], funders=tuple(sorted(r["funders"] or ())),
                    recipient=r["recipient"], instrument=r["instrument"], amount=r["amount"], currency=r["currency"],
                    valid_from=_d(r["valid_from"]), valid_to=_d(r["valid_to"]), status=r["status"] or "actual",
                    pays_for=tuple(sorted(r["pays_for"] or ())))
        for r in rows["funding"])
    transitions = tuple(sorted((
        Transition(id=r["id"], kind=r["kind"], from_actor=r["from_actor"], to_actors=tuple(sorted(r["to_actors"] or ())),
                   places=tuple(sorted(r["places"] or ())), announced=_d(r["announced"]), start=_d(r["start"]),
                   end=_d(r["end"]) or rules.LATEST, stage=r["stage"], status=r["status"] or "actual",
                   handovers=tuple(Handover(h[0], h[1], h[2]) for h in r["handovers"] if h[0] and h[1]))
        for r in rows["transitions"]), key=lambda t: (t.end, t.id)))
    return Snapshot(country=country, places=places, tasks=tasks, actors=actors, facts=facts, mandates=mandates,
                    funding=funding, transitions=transitions, governments=tuple(sorted(place_rows["governments"])),
                    token=token)


def build_partners(rows: list[dict[str, Any]]) -> Partners:
    """Partners from the rows of snapshot_partners.cypher."""
    agreements, names, presence, top_of = [], {}, {}, {}
    for r in rows:
        if r["kind"] == "agreement":
            agreements.append(Agreement(r["id"], r["name"], tuple(sorted(r["parties"])), _d(r["valid_from"]),
                                        _d(r["valid_to"]), r["status"] or "actual"))
        else:
            names[r["id"]] = (r["name"] or r["id"], r["acronym"], r["org_kind"])
            top_of[r["id"]] = r["top"] or r["id"]
            presence[r["id"]] = tuple(Presence(r["id"], p[0], _d(p[1]), _d(p[2]), p[3] or "actual")
                                      for p in r["presence"])
    return Partners(tuple(sorted(agreements, key=lambda a: a.id)), names, presence, top_of)
