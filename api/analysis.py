"""The analyses served over GraphQL: their root fields (AnalysisQuery, merged into Query by api/schema.py) and the
shapes they answer with (who covers, matrix, timeline, drawdown, history, trace, portfolio, coverage diff).

Each resolver checks its arguments (dates in range, every id known — else an error naming the argument), reads
the snapshot it needs without blocking (graph/analysis/load.py) and computes in a worker thread.
"""

import datetime as dt
import difflib
from dataclasses import replace
from typing import Annotated, Any

import strawberry
from strawberry.types import Info

from peacegraph.api.errors import UserError
from peacegraph.api.nodes import (
    Actor,
    Citation,
    Coverage,
    FundingLine,
    Mandate,
    Mission,
    Place,
    Transition,
    or_today,
)
from peacegraph.api.resolve import actor, node, nodes
from peacegraph.graph.analysis import coverage as cov
from peacegraph.graph.analysis import diff as df
from peacegraph.graph.analysis import drawdown as dd
from peacegraph.graph.analysis import history as hist
from peacegraph.graph.analysis import portfolio as pf
from peacegraph.graph.analysis import trace as tr
from peacegraph.graph.analysis.ids import Unknown, UnknownIds, Wanted, suggestions
from peacegraph.graph.analysis.load import STORE
from peacegraph.graph.domain import rules

MAX_TIMELINE_YEARS = 40
MAX_HORIZON_MONTHS = 120


# -- argument checks ------------------------------------------------------------------------------------------------
def checked_date(value: dt.date | None, argument: str) -> dt.date:
    """The date (today when not given), refused with the argument named when outside the supported range."""
    day = or_today(value)
    if not rules.in_range(day):
        raise UserError(f"`{argument}` {day.isoformat()} is outside the supported range "
                        f"{rules.EARLIEST.isoformat()}..{rules.LATEST.isoformat()}", argument=argument)
    return day


def not_found(exc: UnknownIds) -> UserError:
    return UserError(str(exc), code="NOT_FOUND", argument=exc.unknown[0].wanted.argument,
                     unknown=[{"argument": u.wanted.argument, "id": u.wanted.id, "suggestions": list(u.suggestions)}
                              for u in exc.unknown])


async def one_not_found(info: Info, kind: str, value: str, argument: str) -> UserError:
    wanted = Wanted(kind, value, argument)
    return not_found(UnknownIds([Unknown(wanted, await suggestions(info.context.graph, wanted))]))


def stale_years(info: Info) -> int:
    settings = getattr(info.context, "settings", None)
    return int(getattr(settings, "stale_after_years", rules.STALE_AFTER_YEARS))


# -- shared shapes --------------------------------------------------------------------------------------------------
@strawberry.type(description="How current a fact or an actor is on the date asked about.")
class Currency:
    verified_on: dt.date | None = strawberry.field(
        description="The latest date a source confirmed it: its own verified_on, its mission's, or its mandates' "
                    "adoption.")
    end_unknown: bool = strawberry.field(description="No end is recorded.")
    stale: bool = strawberry.field(description="Open-ended and last confirmed more than the setting's years "
                                               "(PEACEGRAPH_STALE_AFTER_YEARS, default 3) before the date asked about.")
    mandate_lapsed: bool = strawberry.field(description="The actor's latest mandate has ended and no termination "
                                                        "or end is recorded.")


def currency(c: rules.Currency) -> Currency:
    return Currency(verified_on=c.verified_on, end_unknown=c.end_unknown, stale=c.stale,
                    mandate_lapsed=c.mandate_lapsed)


@strawberry.type(description="A funding line that pays for an actor's coverage.")
class Payment:
    pays_for_this_coverage: bool
    funding_line_id: strawberry.ID

    @strawberry.field
    async def funding_line(self, info: Info) -> FundingLine | None:
        return await node(info, "FundingLine", self.funding_line_id)


@strawberry.type(description="Who covers a task in a place: the fact, the mandates it rests on, who pays, how "
                             "current it is, the sources.")
class Covering:
    coverage_id: strawberry.ID
    task: strawberry.ID
    task_label: str
    actor_id: strawberry.ID
    actor_name: str
    role: str | None
    modality: str | None
    status: str
    place_id: strawberry.ID = strawberry.field(description="Where the fact is declared.")
    place_name: str
    valid_from: dt.date | None
    valid_to: dt.date | None
    valid_from_precision: str
    valid_to_precision: str
    sources: list[Citation]
    payments: list[Payment]
    mandate_ids: list[strawberry.ID] = strawberry.field(
        description="The mandates in force on the date that assign this task to this actor for this place (or one "
                    "containing it), newest first.")
    currency: Currency
    actor_is_mission: strawberry.Private[bool]

    @strawberry.field
    async def actor(self, info: Info) -> Actor | None:
        return await actor(info, self.actor_id, self.actor_is_mission)

    @strawberry.field
    async def coverage(self, info: Info) -> Coverage | None:
        return await node(info, "Coverage", self.coverage_id)

    @strawberry.field(description="The mandates in force on the date that assign this task to this actor for this "
                                  "place (or one containing it), newest first.")
    async def mandates(self, info: Info) -> list[Mandate]:
        return await nodes(info, "Mandate", list(self.mandate_ids))


def covering(answer: cov.Covering) -> Covering:
    f = answer.coverage
    return Covering(
        coverage_id=f.id, task=f.task, task_label=answer.task_label, actor_id=f.actor,
        actor_name=answer.actor.name, role=f.role, modality=f.modality, status=f.status, place_id=f.place,
        place_name=answer.place_name, valid_from=f.valid_from, valid_to=f.valid_to,
        valid_from_precision=f.from_precision, valid_to_precision=f.to_precision,
        sources=[Citation(locator=s.locator, quote=s.quote, source_id=s.source) for s in answer.sources],
        mandate_ids=list(answer.mandates_in_force),
        payments=[Payment(pays_for_this_coverage=p.pays_for_this, funding_line_id=p.id) for p in answer.funding],
        currency=currency(answer.currency), actor_is_mission=answer.actor.is_mission,
    )


# -- matrix -----------------------------------------------------------------------------------------------------------
@strawberry.type(description="One task row of a coverage matrix.")
class MatrixTask:
    task: strawberry.ID
    label: str
    group: str
    demand: list[strawberry.ID] = strawberry.field(description="Mandates in force that assign the task here.")
    actors: list[strawberry.ID]
    organizations: list[strawberry.ID]
    state: str = strawberry.field(description="covered, thin (one actor), overlap (2+ organisations) or gap.")
    primary_responsibility: str | None = strawberry.field(
        description="Who holds primary responsibility for the task as a principle (host_state): shown beside the "
                    "row, never counted as coverage.")
    host_state: strawberry.ID | None = strawberry.field(
        description="The government holding that responsibility here, when the task has one.")


@strawberry.type(description="One actor column of a coverage matrix.")
class MatrixActor:
    id: strawberry.ID
    name: str
    acronym: str | None
    kind: str
    organizations: list[strawberry.ID]
    currency: Currency


@strawberry.type(description="One heatmap cell: an actor's coverage of a task.")
class MatrixCell:
    task: strawberry.ID
    actor: strawberry.ID
    coverage_ids: list[strawberry.ID]
    roles: list[str]
    modalities: list[str]
    places: list[strawberry.ID]
    inherited: bool = strawberry.field(description="Every fact of the cell is declared for a place containing the "
                                                   "one asked about (e.g. country-wide facts in an area view).")


@strawberry.type
class StateCounts:
    covered: int
    thin: int
    overlap: int
    gap: int


@strawberry.type(description="Tasks × actors for a place on a date.")
class CoverageMatrix:
    place_id: strawberry.ID
    place_name: str
    country: strawberry.ID
    as_of: dt.date
    include_planned: bool
    tasks: list[MatrixTask]
    actors: list[MatrixActor]
    cells: list[MatrixCell]
    counts: StateCounts
    data_current_to: dt.date | None = strawberry.field(
        description="The latest date a source confirmed any fact in force here.")


def matrix(m: cov.Matrix) -> CoverageMatrix:
    return CoverageMatrix(
        place_id=m.place.id, place_name=m.place.name, country=m.place.country, as_of=m.as_of,
        include_planned=m.include_planned,
        tasks=[MatrixTask(task=r.task, label=r.label, group=r.group, demand=list(r.demand), actors=list(r.actors),
                          organizations=list(r.organizations), state=r.state,
                          primary_responsibility=r.primary_responsibility, host_state=r.host_state) for r in m.tasks],
        actors=[MatrixActor(id=a.id, name=a.name, acronym=a.acronym, kind=a.kind, organizations=list(a.organizations),
                            currency=currency(a.currency)) for a in m.actors],
        cells=[MatrixCell(task=c.task, actor=c.actor, coverage_ids=[f.id for f in c.coverages],
                          roles=sorted({f.role for f in c.coverages if f.role}),
                          modalities=sorted({f.modality for f in c.coverages if f.modality}),
                          places=sorted({f.place for f in c.coverages}), inherited=c.inherited) for c in m.cells],
        counts=StateCounts(**m.counts), data_current_to=m.data_current_to,
    )


@strawberry.type(description="The state of one task in one month (first day of the month).")
class TimelinePoint:
    month: dt.date
    task: strawberry.ID
    state: str
    actors: list[strawberry.ID]


@strawberry.type(description="Consecutive months in which a task keeps one state and one set of actors.")
class TimelineRun:
    task: strawberry.ID
    state: str
    actors: list[strawberry.ID]
    from_: dt.date = strawberry.field(name="from", description="The first month (its first day).")
    to: dt.date = strawberry.field(description="The last month (its first day), included.")


# -- drawdown ---------------------------------------------------------------------------------------------------------
@strawberry.input(description="An actor leaves on `date` (first day gone), from `places` (default: everywhere).")
class DepartureInput:
    actor: strawberry.ID
    date: dt.date
    places: list[strawberry.ID] | None = None


@strawberry.input(description="A task handed to an actor (optionally for one place).")
class HandoverInput:
    task: strawberry.ID
    to: strawberry.ID
    place: strawberry.ID | None = None


@strawberry.input(description="A drawdown what-if: who leaves where and when, and which tasks go to whom. With no "
                              "departures, `date` gives the baseline (nothing changes).")
class WhatIfInput:
    place: strawberry.ID
    departures: list[DepartureInput] = strawberry.field(default_factory=list)
    handovers: list[HandoverInput] | None = None
    include_planned: bool = False
    date: dt.date | None = strawberry.field(default=None, description="The date of the baseline when no actor "
                                                                      "leaves (ignored otherwise).")


@strawberry.type
class Candidate:
    actor: strawberry.ID
    name: str
    basis: str = strawberry.field(description="same_place_same_group, present_in_country, partner_under_agreement "
                                              "or host_state")
    rank: int = strawberry.field(description="1 = best; candidates on the same basis share a rank.")
    reason: str
    currency: Currency


@strawberry.type(description="One smallest place a drawdown row covers, before and after.")
class AreaChange:
    place: strawberry.ID
    place_name: str
    before: list[strawberry.ID]
    after: list[strawberry.ID]
    outcome: str
    saved_by: strawberry.ID | None
    cause: str | None = strawberry.field(description="Why coverage was lost here: departure, ended or "
                                                     "mandate_expired.")


@strawberry.type(description="One task at the place its coverage is declared, before and after the departures.")
class CellChange:
    task: strawberry.ID
    task_label: str
    task_group: str
    place: strawberry.ID = strawberry.field(description="The place the changed coverage is declared for.")
    place_name: str
    declared_at: strawberry.ID = strawberry.field(description="Where the coverage is declared (= place).")
    before: list[strawberry.ID] = strawberry.field(description="Actors covering all of the place the day before.")
    after: list[strawberry.ID] = strawberry.field(description="Actors covering all of the place after.")
    state_before: str | None
    state_after: str | None
    outcome: str = strawberry.field(description="lost, saved, thinned, handed_over, gained or unchanged (the worst "
                                                "of its areas')")
    cause: str | None = strawberry.field(description="departure, ended (the fact's own end) or mandate_expired; "
                                                     "null when nothing was lost")
    saved_by: strawberry.ID | None
    candidates: list[Candidate]
    affects: list[AreaChange] = strawberry.field(description="The areas (smallest places) where it changes.")
    left_uncovered: list[strawberry.ID] = strawberry.field(description="Areas left with nobody.")


@strawberry.type(description="A funding line that ends with a departure, and the tasks it paid for.")
class EndingFunding:
    id: strawberry.ID
    name: str
    recipient: strawberry.ID
    funders: list[strawberry.ID]
    instrument: str
    amount: float | None
    currency: str | None
    tasks: list[strawberry.ID]


@strawberry.type
class Departure:
    actor: strawberry.ID
    date: dt.date
    places: list[strawberry.ID]


@strawberry.type(description="Counts of distinct task × declared-place cells (or of distinct tasks).")
class DrawdownCounts:
    lost: int
    thinned: int
    saved: int
    handed_over: int
    other_losses: int


@strawberry.type(description="The changed cells of one task.")
class TaskChanges:
    task: strawberry.ID
    task_label: str
    task_group: str
    cells: list[CellChange]


@strawberry.type(description="What a drawdown leaves behind.")
class Drawdown:
    place_id: strawberry.ID
    place_name: str
    before: dt.date
    after: dt.date
    transition_id: strawberry.ID | None
    departures: list[Departure]
    cells: list[CellChange] = strawberry.field(description="Every task × declared place in force before or after.")
    funding_ending: list[EndingFunding]

    @strawberry.field(description="Cells the departures leave with nobody (cause: departure).")
    def lost(self) -> list[CellChange]:
        return [c for c in self.cells if c.outcome == "lost" and c.cause == "departure"]

    @strawberry.field(description="Cells the departures leave with one actor.")
    def thinned(self) -> list[CellChange]:
        return [c for c in self.cells if c.outcome == "thinned" and c.cause == "departure"]

    @strawberry.field(description="Cells a handover keeps covered.")
    def saved(self) -> list[CellChange]:
        return [c for c in self.cells if c.outcome == "saved"]

    @strawberry.field(description="Cells a successor or other new actor now covers.")
    def handed_over(self) -> list[CellChange]:
        return [c for c in self.cells if c.outcome == "handed_over"]

    @strawberry.field(description="Cells lost or thinned the same day for another cause (ended, mandate_expired).")
    def other_losses(self) -> list[CellChange]:
        return [c for c in self.cells if c.outcome in {"lost", "thinned"} and c.cause != "departure"]

    @strawberry.field(description="The changed cells grouped by task.")
    def by_task(self) -> list[TaskChanges]:
        groups: dict[str, list[CellChange]] = {}
        for c in self.cells:
            if c.outcome != "unchanged":
                groups.setdefault(c.task, []).append(c)
        return [TaskChanges(task=t, task_label=cs[0].task_label, task_group=cs[0].task_group, cells=cs)
                for t, cs in sorted(groups.items(), key=lambda kv: (kv[1][0].task_group, kv[0]))]

    @strawberry.field(description="Counts of distinct task × declared-place cells per list.")
    def counts(self) -> DrawdownCounts:
        return self._counts(lambda c: (c.task, c.place))

    @strawberry.field(description="Counts of distinct tasks per list.")
    def task_counts(self) -> DrawdownCounts:
        return self._counts(lambda c: c.task)

    def _counts(self, key: Any) -> DrawdownCounts:
        def n(cells: list[CellChange]) -> int:
            return len({key(c) for c in cells})

        return DrawdownCounts(lost=n(self.lost()), thinned=n(self.thinned()), saved=n(self.saved()),
                              handed_over=n(self.handed_over()), other_losses=n(self.other_losses()))

    @strawberry.field
    async def transition(self, info: Info) -> Transition | None:
        return await node(info, "Transition", self.transition_id)


def cell_change(c: dd.CellChange) -> CellChange:
    return CellChange(
        task=c.task, task_label=c.task_label, task_group=c.task_group, place=c.place, place_name=c.place_name,
        declared_at=c.declared_at, before=list(c.before), after=list(c.after), state_before=c.state_before,
        state_after=c.state_after, outcome=c.outcome, cause=c.cause, saved_by=c.saved_by,
        candidates=[Candidate(actor=k.actor, name=k.name, basis=k.basis, rank=k.rank, reason=k.reason,
                              currency=currency(k.currency)) for k in c.candidates],
        affects=[AreaChange(place=u.place, place_name=u.place_name, before=list(u.before), after=list(u.after),
                            outcome=u.outcome, saved_by=u.saved_by, cause=u.cause) for u in c.affects],
        left_uncovered=list(c.left_uncovered))


def drawdown(d: dd.Drawdown) -> Drawdown:
    return Drawdown(
        place_id=d.scope.id, place_name=d.scope.name, before=d.before, after=d.after, transition_id=d.transition,
        departures=[Departure(actor=x.actor, date=x.date, places=list(x.places)) for x in d.departures],
        cells=[cell_change(c) for c in d.cells],
        funding_ending=[EndingFunding(id=f.id, name=f.name, recipient=f.recipient, funders=list(f.funders),
                                      instrument=f.instrument, amount=f.amount, currency=f.currency,
                                      tasks=list(f.tasks)) for f in d.funding_ending],
    )


# -- history and trace ------------------------------------------------------------------------------------------------
@strawberry.type
class MandateStep:
    mandate_id: strawberry.ID
    title: str | None
    kind: str = strawberry.field(description="establish, renew, modify, authorise_support or terminate")
    adopted: dt.date | None
    valid_from: dt.date | None
    valid_to: dt.date | None
    renews: strawberry.ID | None
    supports: list[strawberry.ID] = strawberry.field(description="For a support authorisation: the force(s) "
                                                                 "supported.")
    tasks: list[strawberry.ID]
    added: list[strawberry.ID] = strawberry.field(description="Tasks this step adds to the mission's own chain.")
    dropped: list[strawberry.ID] = strawberry.field(description="Tasks this step drops from the mission's own chain.")
    in_chain: bool = strawberry.field(description="Part of the mission's own chain (not a support authorisation, "
                                                  "assigns tasks or terminates).")

    @strawberry.field
    async def mandate(self, info: Info) -> Mandate | None:
        return await node(info, "Mandate", self.mandate_id)


@strawberry.type
class MissionLink:
    transition: strawberry.ID
    kind: str
    date: dt.date | None
    mission: strawberry.ID
    name: str


@strawberry.type(description="Predecessors, successors, mandates in order and the tasks each added or dropped.")
class MissionHistory:
    mission_id: strawberry.ID
    mandates: list[MandateStep]
    predecessors: list[MissionLink]
    successors: list[MissionLink]

    @strawberry.field
    async def mission(self, info: Info) -> Mission | None:
        return await node(info, "Mission", self.mission_id)


def history(h: hist.MissionHistory) -> MissionHistory:
    def link(x: hist.Link) -> MissionLink:
        return MissionLink(transition=x.transition, kind=x.kind, date=x.date, mission=x.mission, name=x.name)

    return MissionHistory(
        mission_id=h.id,
        mandates=[MandateStep(mandate_id=m.id, title=m.title, kind=m.kind, adopted=m.adopted, valid_from=m.valid_from,
                              valid_to=m.valid_to, renews=m.renews, supports=list(m.supports), tasks=list(m.tasks),
                              added=list(m.added), dropped=list(m.dropped), in_chain=m.in_chain)
                  for m in h.mandates],
        predecessors=[link(p) for p in h.predecessors], successors=[link(s) for s in h.successors],
    )


@strawberry.type(description="One step of a trace, with its sources.")
class TraceStep:
    kind: str = strawberry.field(description="coverage, mandate, mission, organization or funding")
    id: strawberry.ID
    name: str | None
    valid_from: dt.date | None
    valid_to: dt.date | None
    sources: list[Citation]


@strawberry.type(description="The path behind a coverage fact: mandate → mission → organisation → funding.")
class Trace:
    coverage_id: strawberry.ID
    steps: list[TraceStep]

    @strawberry.field
    async def coverage(self, info: Info) -> Coverage | None:
        return await node(info, "Coverage", self.coverage_id)


def trace(coverage_id: str, steps: list[tr.Step]) -> Trace:
    def cites(items: tuple[dict[str, Any], ...]) -> list[Citation]:
        return [Citation(locator=c["locator"], quote=c.get("quote"), source_id=c["source"]) for c in items]

    return Trace(coverage_id=coverage_id, steps=[
        TraceStep(kind=s.kind, id=s.id, name=s.name, valid_from=s.valid_from, valid_to=s.valid_to,
                  sources=cites(s.sources)) for s in steps])


# -- portfolio and diff -----------------------------------------------------------------------------------------------
@strawberry.type(description="A mandate in force that ends within the horizon.")
class ExpiringMandate:
    mandate_id: strawberry.ID
    title: str | None
    valid_to: dt.date
    missions: list[strawberry.ID]
    renewed_by: list[strawberry.ID] = strawberry.field(description="Recorded mandates that renew it.")

    @strawberry.field
    async def mandate(self, info: Info) -> Mandate | None:
        return await node(info, "Mandate", self.mandate_id)


@strawberry.type(description="A recorded or planned transition ending within 12 months.")
class UpcomingTransition:
    transition_id: strawberry.ID
    kind: str
    from_actor: strawberry.ID | None
    end: dt.date
    stage: str | None
    status: str
    places: list[strawberry.ID]
    uncovered_tasks: list[strawberry.ID] = strawberry.field(description="Tasks its drawdown leaves with nobody.")
    uncovered_count: int

    @strawberry.field
    async def transition(self, info: Info) -> Transition | None:
        return await node(info, "Transition", self.transition_id)


@strawberry.type(description="One country of the portfolio.")
class PortfolioCountry:
    country: strawberry.ID
    name: str
    counts: StateCounts
    operations: list[strawberry.ID] = strawberry.field(description="Missions in force there on the date.")
    operation_count: int
    expiring_mandates: list[ExpiringMandate]
    transitions: list[UpcomingTransition]
    data_current_to: dt.date | None
    stale_facts: int = strawberry.field(description="Facts in force flagged stale.")
    facts_in_force: int

    @strawberry.field
    async def place(self, info: Info) -> Place | None:
        return await node(info, "Place", self.country)


@strawberry.type(description="Every country with operations in force on a date.")
class Portfolio:
    as_of: dt.date
    horizon_months: int
    include_planned: bool
    countries: list[PortfolioCountry]


def portfolio(p: pf.Portfolio) -> Portfolio:
    return Portfolio(as_of=p.as_of, horizon_months=p.horizon_months, include_planned=p.include_planned, countries=[
        PortfolioCountry(
            country=c.country, name=c.name, counts=StateCounts(**c.counts), operations=list(c.operations),
            operation_count=len(c.operations),
            expiring_mandates=[ExpiringMandate(mandate_id=e.id, title=e.title, valid_to=e.valid_to,
                                               missions=list(e.missions), renewed_by=list(e.renewed_by))
                               for e in c.expiring],
            transitions=[UpcomingTransition(transition_id=t.id, kind=t.kind, from_actor=t.from_actor, end=t.end,
                                            stage=t.stage, status=t.status, places=list(t.places),
                                            uncovered_tasks=list(t.uncovered_tasks),
                                            uncovered_count=len(t.uncovered_tasks)) for t in c.transitions],
            data_current_to=c.data_current_to, stale_facts=c.stale_facts, facts_in_force=c.facts_in_force)
        for c in p.countries])


@strawberry.type(description="Something dated between the two dates that explains a change.")
class DiffEvent:
    date: dt.date
    kind: str = strawberry.field(description="fact_started, fact_ended, mandate_adopted, mandate_in_force, "
                                             "mandate_lapsed or transition")
    id: strawberry.ID = strawberry.field(description="The coverage fact, mandate or transition.")
    label: str
    actor: strawberry.ID | None
    place: strawberry.ID | None


@strawberry.type(description="One task on the two dates.")
class TaskDiff:
    task: strawberry.ID
    label: str
    group: str
    state_from: str | None
    state_to: str | None
    actors_from: list[strawberry.ID]
    actors_to: list[strawberry.ID]
    added: list[strawberry.ID]
    removed: list[strawberry.ID]
    demand_from: list[strawberry.ID]
    demand_to: list[strawberry.ID]
    changed: bool
    events: list[DiffEvent]


@strawberry.type(description="Coverage of a place on two dates, and what happened between.")
class CoverageDiff:
    place_id: strawberry.ID
    place_name: str
    from_: dt.date = strawberry.field(name="from")
    to: dt.date
    include_planned: bool
    tasks: list[TaskDiff]

    @strawberry.field(description="Only the tasks that changed.")
    def changed(self) -> list[TaskDiff]:
        return [t for t in self.tasks if t.changed]


def coverage_diff(d: df.CoverageDiff) -> CoverageDiff:
    return CoverageDiff(place_id=d.scope.id, place_name=d.scope.name, from_=d.from_, to=d.to,
                        include_planned=d.include_planned, tasks=[
        TaskDiff(task=t.task, label=t.label, group=t.group, state_from=t.state_from, state_to=t.state_to,
                 actors_from=list(t.actors_from), actors_to=list(t.actors_to), added=list(t.added),
                 removed=list(t.removed), demand_from=list(t.demand_from), demand_to=list(t.demand_to),
                 changed=t.changed,
                 events=[DiffEvent(date=e.date, kind=e.kind, id=e.id, label=e.label, actor=e.actor, place=e.place)
                         for e in t.events])
        for t in d.tasks])


# -- root fields ------------------------------------------------------------------------------------------------------

async def _timeline(info: Info, place: strawberry.ID, from_: dt.date, to: dt.date,
                    include_planned: bool) -> list[cov.TimelinePoint]:
    """The checked arguments of a timeline, then its points (an unknown place is an error)."""
    start, end = checked_date(from_, "from"), checked_date(to, "to")
    if end < start:
        raise UserError("`to` is before `from`", argument="to")
    if (end - start).days > 366 * MAX_TIMELINE_YEARS:
        raise UserError(f"a timeline covers at most {MAX_TIMELINE_YEARS} years", argument="to")
    try:
        return await cov.coverage_timeline(info.context.graph, str(place), start, end, include_planned)
    except UnknownIds as exc:
        raise not_found(exc) from None


@strawberry.type
class AnalysisQuery:
    """Root fields that analyse: who covers, the matrix, the timeline, drawdowns, a mission's history, a trace, the
    portfolio and the comparison of two dates."""

    @strawberry.field(description="Who covers a task (or every task of a group) in a place (with containment) on a "
                                  "date: actor, role, the mandates it rests on, who pays, currency, sources.")
    async def who_covers(self, info: Info, place: strawberry.ID, task: strawberry.ID | None = None,
                         task_group: str | None = None, as_of: dt.date | None = None,
                         include_planned: bool = False) -> list[Covering]:
        day = checked_date(as_of, "asOf")
        if (task is None) == (task_group is None):
            raise UserError("give exactly one of `task` and `taskGroup`", argument="task")
        graph = info.context.graph
        tasks = [str(task)] if task is not None else await _group_tasks(info, str(task_group))
        try:
            answers = await cov.who_covers(graph, tasks, str(place), day, include_planned, stale_years(info))
        except UnknownIds as exc:
            raise not_found(exc) from None
        return [covering(a) for a in answers]

    @strawberry.field(description="Tasks × actors of a country or area on a date, with a state per task.")
    async def coverage_matrix(self, info: Info, place: strawberry.ID, as_of: dt.date | None = None,
                              include_planned: bool = False) -> CoverageMatrix:
        day = checked_date(as_of, "asOf")
        try:
            m = await cov.coverage_matrix(info.context.graph, str(place), day, include_planned, stale_years(info))
        except UnknownIds as exc:
            raise not_found(exc) from None
        return matrix(m)

    @strawberry.field(description="The state of each task per month over a period.")
    async def coverage_timeline(self, info: Info, place: strawberry.ID, from_: Annotated[
            dt.date, strawberry.argument(name="from")], to: dt.date,
            include_planned: bool = False) -> list[TimelinePoint]:
        points = await _timeline(info, place, from_, to, include_planned)
        return [TimelinePoint(month=p.month, task=p.task, state=p.state, actors=list(p.actors)) for p in points]

    @strawberry.field(description="The same timeline as runs of months with one state and one set of actors "
                                  "(a few hundred items where coverageTimeline has thousands: what the page draws).")
    async def coverage_timeline_runs(self, info: Info, place: strawberry.ID, from_: Annotated[
            dt.date, strawberry.argument(name="from")], to: dt.date,
            include_planned: bool = False) -> list[TimelineRun]:
        points = await _timeline(info, place, from_, to, include_planned)
        return [TimelineRun(task=r.task, state=r.state, actors=list(r.actors), from_=r.first, to=r.last)
                for r in cov.runs_of(points)]

    @strawberry.field(description="What a recorded transition leaves behind.")
    async def drawdown(self, info: Info, transition: strawberry.ID, include_planned: bool = False) -> Drawdown:
        try:
            result = await dd.drawdown_of_transition(info.context.graph, str(transition), include_planned,
                                                     stale_years(info))
        except dd.UnknownTransition:
            raise await one_not_found(info, "transition", str(transition), "transition") from None
        return drawdown(result)

    @strawberry.field(description="What these departures would leave behind (never writes). With no departures, "
                                  "the baseline on `input.date`.")
    async def drawdown_what_if(self, info: Info, input: WhatIfInput) -> Drawdown:
        departures = []
        for i, d in enumerate(input.departures):
            departures.append(dd.Departure(str(d.actor), checked_date(d.date, f"input.departures[{i}].date"),
                                           tuple(str(p) for p in d.places or ())))
        on = None
        if not departures:
            if input.date is None:
                raise UserError("a what-if needs at least one departure, or `date` for the baseline",
                                argument="input.departures")
            on = checked_date(input.date, "input.date")
        handovers = [dd.HandoverPlan(str(h.task), str(h.to), str(h.place) if h.place else None)
                     for h in input.handovers or []]
        try:
            result = await dd.drawdown_what_if(info.context.graph, str(input.place), departures, handovers,
                                               input.include_planned, on=on, stale_after_years=stale_years(info))
        except UnknownIds as exc:
            raise not_found(_prefixed(exc)) from None
        return drawdown(result)

    @strawberry.field(description="Predecessors, successors, mandates (each with what it does) and the tasks each "
                                  "step of the mission's own chain added or dropped.")
    async def mission_history(self, info: Info, mission: strawberry.ID) -> MissionHistory:
        try:
            return history(await hist.mission_history(info.context.graph, str(mission)))
        except hist.UnknownMission:
            raise await one_not_found(info, "mission", str(mission), "mission") from None

    @strawberry.field(description="The path behind a coverage fact: mandate → mission → organisation → funding.")
    async def trace(self, info: Info, coverage: strawberry.ID) -> Trace:
        try:
            return trace(str(coverage), await tr.trace(info.context.graph, str(coverage)))
        except tr.UnknownCoverage:
            raise await one_not_found(info, "coverage", str(coverage), "coverage") from None

    @strawberry.field(description="Every country with operations in force on a date: task states, operations, "
                                  "mandates expiring within the horizon, transitions within 12 months and what "
                                  "each would leave uncovered, data currency.")
    async def portfolio(self, info: Info, as_of: dt.date | None = None, horizon_months: int = 6,
                        include_planned: bool = False) -> Portfolio:
        day = checked_date(as_of, "asOf")
        if not 0 <= horizon_months <= MAX_HORIZON_MONTHS:
            raise UserError(f"`horizonMonths` must be between 0 and {MAX_HORIZON_MONTHS}", argument="horizonMonths")
        return portfolio(await pf.portfolio(info.context.graph, day, horizon_months, include_planned,
                                            stale_years(info)))

    @strawberry.field(description="Coverage of a place on two dates, per task: states and actors on each, what "
                                  "changed, and the events between that explain it.")
    async def coverage_diff(self, info: Info, place: strawberry.ID,
                            from_: Annotated[dt.date, strawberry.argument(name="from")], to: dt.date,
                            include_planned: bool = False) -> CoverageDiff:
        start, end = checked_date(from_, "from"), checked_date(to, "to")
        if end < start:
            raise UserError("`to` is before `from`", argument="to")
        try:
            return coverage_diff(await df.coverage_diff(info.context.graph, str(place), start, end, include_planned))
        except UnknownIds as exc:
            raise not_found(exc) from None


def _prefixed(exc: UnknownIds) -> UnknownIds:
    """What-if arguments live under `input`."""
    return UnknownIds([replace(u, wanted=replace(u.wanted, argument=u.wanted.argument if u.wanted.argument.startswith(
        "input") else f"input.{u.wanted.argument}")) for u in exc.unknown])


async def _group_tasks(info: Info, group: str) -> list[str]:
    """The tasks of a group, or NOT_FOUND naming the nearest groups."""
    taxonomy = await STORE.tasks(info.context.graph, "")
    tasks = sorted(t.id for t in taxonomy.values() if t.group == group)
    if not tasks:
        groups = sorted({t.group for t in taxonomy.values()})
        near = difflib.get_close_matches(group, groups, n=3)
        hint = f"; did you mean {', '.join(repr(g) for g in near)}?" if near else f"; groups: {', '.join(groups)}"
        raise UserError(f"no task group {group!r} (argument `taskGroup`){hint}", code="NOT_FOUND",
                        argument="taskGroup", unknown=[{"argument": "taskGroup", "id": group, "suggestions": near}])
    return tasks
