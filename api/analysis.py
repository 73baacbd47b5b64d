"""The analyses served over GraphQL: their root fields (AnalysisQuery, merged into Query by api/schema.py) and the
shapes they answer with (who covers, matrix, timeline, drawdown, history, trace)."""

import datetime as dt
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
    Transition,
    or_today,
)
from peacegraph.api.resolve import actor, node, nodes
from peacegraph.graph.analysis import coverage as cov
from peacegraph.graph.analysis import drawdown as dd
from peacegraph.graph.analysis import history as hist
from peacegraph.graph.analysis.facts import CoverageFact, UnknownPlace
from peacegraph.graph.analysis.history import UnknownMission, mission_history
from peacegraph.graph.analysis.trace import UnknownCoverage
from peacegraph.graph.analysis.trace import trace as trace_of


def _citations(fact: CoverageFact) -> list[Citation]:
    return [Citation(locator=s.locator, quote=s.quote, source_id=s.source) for s in fact.sources]


@strawberry.type(description="A funding line that pays for an actor's coverage.")
class Payment:
    pays_for_this_coverage: bool
    funding_line_id: strawberry.ID

    @strawberry.field
    async def funding_line(self, info: Info) -> FundingLine | None:
        return await node(info, "FundingLine", self.funding_line_id)


@strawberry.type(description="Who covers a task in a place: the fact, the mandate in force, who pays, the sources.")
class Covering:
    coverage_id: strawberry.ID
    actor_id: strawberry.ID
    actor_name: str
    role: str | None
    modality: str | None
    status: str
    place_id: strawberry.ID
    place_name: str
    valid_from: dt.date | None
    valid_to: dt.date | None
    sources: list[Citation]
    payments: list[Payment]
    mandate_ids: list[strawberry.ID]
    actor_is_mission: strawberry.Private[bool]

    @strawberry.field
    async def actor(self, info: Info) -> Actor | None:
        return await actor(info, self.actor_id, self.actor_is_mission)

    @strawberry.field
    async def coverage(self, info: Info) -> Coverage | None:
        return await node(info, "Coverage", self.coverage_id)

    @strawberry.field(description="Mandates in force that this coverage rests on (the coverage's own first).")
    async def mandates(self, info: Info) -> list[Mandate]:
        return await nodes(info, "Mandate", list(self.mandate_ids))


def covering(answer: cov.Covering) -> Covering:
    f = answer.coverage
    return Covering(
        coverage_id=f.id, actor_id=f.actor, actor_name=f.actor_name, role=f.role, modality=f.modality,
        status=f.status, place_id=f.place, place_name=f.place_name, valid_from=f.valid_from, valid_to=f.valid_to,
        sources=_citations(f), mandate_ids=list(answer.mandates_in_force),
        payments=[Payment(pays_for_this_coverage=p.pays_for_this, funding_line_id=p.id) for p in answer.funding],
        actor_is_mission=f.actor_kind == "mission",
    )


@strawberry.type(description="One task row of a coverage matrix.")
class MatrixTask:
    task: strawberry.ID
    label: str
    group: str
    demand: list[strawberry.ID] = strawberry.field(description="Mandates in force that assign the task here.")
    actors: list[strawberry.ID]
    organizations: list[strawberry.ID]
    state: str = strawberry.field(description="covered, thin (one actor), overlap (2+ organisations) or gap.")


@strawberry.type(description="One actor column of a coverage matrix.")
class MatrixActor:
    id: strawberry.ID
    name: str
    acronym: str | None
    kind: str
    organizations: list[strawberry.ID]


@strawberry.type(description="One heatmap cell: an actor's coverage of a task.")
class MatrixCell:
    task: strawberry.ID
    actor: strawberry.ID
    coverage_ids: list[strawberry.ID]
    roles: list[str]
    modalities: list[str]
    places: list[strawberry.ID]


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


def matrix(m: cov.Matrix) -> CoverageMatrix:
    return CoverageMatrix(
        place_id=m.place.id, place_name=m.place.name, country=m.place.country, as_of=m.as_of,
        include_planned=m.include_planned,
        tasks=[MatrixTask(task=r.task, label=r.label, group=r.group, demand=list(r.demand), actors=list(r.actors),
                          organizations=list(r.organizations), state=r.state) for r in m.tasks],
        actors=[MatrixActor(id=a.id, name=a.name, acronym=a.acronym, kind=a.kind, organizations=list(a.organizations))
                for a in m.actors],
        cells=[MatrixCell(task=c.task, actor=c.actor, coverage_ids=[f.id for f in c.coverages],
                          roles=sorted({f.role for f in c.coverages if f.role}),
                          modalities=sorted({f.modality for f in c.coverages if f.modality}),
                          places=sorted({f.place for f in c.coverages})) for c in m.cells],
        counts=StateCounts(**m.counts),
    )


@strawberry.type(description="The state of one task in one month (first day of the month).")
class TimelinePoint:
    month: dt.date
    task: strawberry.ID
    state: str
    actors: list[strawberry.ID]


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


@strawberry.input(description="A drawdown what-if: who leaves where and when, and which tasks go to whom.")
class WhatIfInput:
    place: strawberry.ID
    departures: list[DepartureInput]
    handovers: list[HandoverInput] | None = None
    include_planned: bool = False


@strawberry.type
class Candidate:
    actor: strawberry.ID
    name: str
    basis: str = strawberry.field(description="same_place_same_group, present_in_country, partner_under_agreement "
                                              "or host_state")
    rank: int
    reason: str


@strawberry.type(description="One task–place cell before and after the departures.")
class CellChange:
    task: strawberry.ID
    task_label: str
    task_group: str
    place: strawberry.ID
    place_name: str
    before: list[strawberry.ID]
    after: list[strawberry.ID]
    state_before: str | None
    state_after: str | None
    outcome: str = strawberry.field(description="lost, saved, thinned, handed_over, gained or unchanged")
    saved_by: strawberry.ID | None
    candidates: list[Candidate]


@strawberry.type(description="A funding line that ends with a departing actor, and the tasks it paid for.")
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


@strawberry.type(description="What a drawdown leaves behind.")
class Drawdown:
    place_id: strawberry.ID
    place_name: str
    before: dt.date
    after: dt.date
    transition_id: strawberry.ID | None
    departures: list[Departure]
    cells: list[CellChange]
    funding_ending: list[EndingFunding]

    @strawberry.field
    def lost(self) -> list[CellChange]:
        return [c for c in self.cells if c.outcome == "lost"]

    @strawberry.field
    def thinned(self) -> list[CellChange]:
        return [c for c in self.cells if c.outcome == "thinned"]

    @strawberry.field
    def saved(self) -> list[CellChange]:
        return [c for c in self.cells if c.outcome == "saved"]

    @strawberry.field(description="Cells a successor or other new actor now covers.")
    def handed_over(self) -> list[CellChange]:
        return [c for c in self.cells if c.outcome == "handed_over"]

    @strawberry.field
    async def transition(self, info: Info) -> Transition | None:
        return await node(info, "Transition", self.transition_id)


def drawdown(d: dd.Drawdown) -> Drawdown:
    return Drawdown(
        place_id=d.scope.id, place_name=d.scope.name, before=d.before, after=d.after, transition_id=d.transition,
        departures=[Departure(actor=x.actor, date=x.date, places=list(x.places)) for x in d.departures],
        cells=[CellChange(task=c.task, task_label=c.task_label, task_group=c.task_group, place=c.place,
                          place_name=c.place_name, before=list(c.before), after=list(c.after),
                          state_before=c.state_before, state_after=c.state_after, outcome=c.outcome,
                          saved_by=c.saved_by,
                          candidates=[Candidate(actor=k.actor, name=k.name, basis=k.basis, rank=k.rank,
                                                reason=k.reason) for k in c.candidates])
               for c in d.cells],
        funding_ending=[EndingFunding(id=f.id, name=f.name, recipient=f.recipient, funders=list(f.funders),
                                      instrument=f.instrument, amount=f.amount, currency=f.currency,
                                      tasks=list(f.tasks)) for f in d.funding_ending],
    )


@strawberry.type
class MandateStep:
    mandate_id: strawberry.ID
    adopted: dt.date | None
    valid_from: dt.date | None
    valid_to: dt.date | None
    renews: strawberry.ID | None
    tasks: list[strawberry.ID]
    added: list[strawberry.ID]
    dropped: list[strawberry.ID]

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
        mandates=[MandateStep(mandate_id=m.id, adopted=m.adopted, valid_from=m.valid_from, valid_to=m.valid_to,
                              renews=m.renews, tasks=list(m.tasks), added=list(m.added), dropped=list(m.dropped))
                  for m in h.mandates],
        predecessors=[link(p) for p in h.predecessors], successors=[link(s) for s in h.successors],
    )


@strawberry.type(description="One step of a trace, with its sources.")
class TraceStep:
    kind: str
    id: strawberry.ID
    name: str | None
    sources: list[Citation]


@strawberry.type(description="The path behind a coverage fact: mandate → mission → organisation → funding.")
class Trace:
    coverage_id: strawberry.ID
    steps: list[TraceStep]

    @strawberry.field
    async def coverage(self, info: Info) -> Coverage | None:
        return await node(info, "Coverage", self.coverage_id)


def trace(t: dict[str, Any]) -> Trace:
    def cites(items: list[dict[str, Any]]) -> list[Citation]:
        return [Citation(locator=c["locator"], quote=c.get("quote"), source_id=c["source"]) for c in items]

    steps = [TraceStep(kind="coverage", id=t["id"], name=f"{t['task']} in {t['place']}", sources=cites(t["sources"]))]
    if t["mandate"]:
        steps.append(TraceStep(kind="mandate", id=t["mandate"]["id"], name=t["mandate"].get("issued_by"),
                               sources=cites(t["mandate"]["sources"])))
    steps.append(TraceStep(kind=t["actor"]["kind"], id=t["actor"]["id"], name=t["actor"]["name"],
                           sources=cites(t["actor"]["sources"])))
    steps += [TraceStep(kind="organization", id=o["id"], name=o["name"], sources=cites(o["sources"]))
              for o in t["organizations"]]
    steps += [TraceStep(kind="funding", id=f["id"], name=f["name"], sources=cites(f["sources"])) for f in t["funding"]]
    return Trace(coverage_id=t["id"], steps=steps)


@strawberry.type
class AnalysisQuery:
    """Root fields that analyse: who covers, the matrix, the timeline, drawdowns, a mission's history, a trace."""

    @strawberry.field(description="Who covers a task in a place (with containment) on a date: actor, role, mandate, "
                                  "who pays, sources.")
    async def who_covers(self, info: Info, task: strawberry.ID, place: strawberry.ID,
                         as_of: dt.date | None = None, include_planned: bool = False) -> list[Covering]:
        try:
            answers = await cov.who_covers(info.context.graph, str(task), str(place), or_today(as_of), include_planned)
        except UnknownPlace as exc:
            raise UserError(str(exc), code="NOT_FOUND") from None
        return [covering(a) for a in answers]

    @strawberry.field(description="Tasks × actors of a country or area on a date, with a state per task.")
    async def coverage_matrix(self, info: Info, place: strawberry.ID, as_of: dt.date | None = None,
                              include_planned: bool = False) -> CoverageMatrix:
        try:
            m = await cov.coverage_matrix(info.context.graph, str(place), or_today(as_of), include_planned)
        except UnknownPlace as exc:
            raise UserError(str(exc), code="NOT_FOUND") from None
        return matrix(m)

    @strawberry.field(description="The state of each task per month over a period.")
    async def coverage_timeline(self, info: Info, place: strawberry.ID, from_: Annotated[
            dt.date, strawberry.argument(name="from")], to: dt.date,
            include_planned: bool = False) -> list[TimelinePoint]:
        if to < from_:
            raise UserError("`to` is before `from`")
        if (to - from_).days > 366 * 40:
            raise UserError("a timeline covers at most 40 years")
        try:
            points = await cov.coverage_timeline(info.context.graph, str(place), from_, to, include_planned)
        except UnknownPlace as exc:
            raise UserError(str(exc), code="NOT_FOUND") from None
        return [TimelinePoint(month=p.month, task=p.task, state=p.state, actors=list(p.actors)) for p in points]

    @strawberry.field(description="What a recorded transition leaves behind.")
    async def drawdown(self, info: Info, transition: strawberry.ID, include_planned: bool = False) -> Drawdown:
        try:
            result = await dd.drawdown_of_transition(info.context.graph, str(transition), include_planned)
        except (dd.UnknownTransition, UnknownPlace) as exc:
            raise UserError(str(exc), code="NOT_FOUND") from None
        return drawdown(result)

    @strawberry.field(description="What these departures would leave behind (never writes).")
    async def drawdown_what_if(self, info: Info, input: WhatIfInput) -> Drawdown:
        if not input.departures:
            raise UserError("a what-if needs at least one departure")
        departures = [dd.Departure(str(d.actor), d.date, tuple(str(p) for p in d.places or ())) for d in input.departures]
        handovers = [dd.HandoverPlan(str(h.task), str(h.to), str(h.place) if h.place else None)
                     for h in input.handovers or []]
        try:
            result = await dd.drawdown_what_if(info.context.graph, str(input.place), departures, handovers,
                                               input.include_planned)
        except UnknownPlace as exc:
            raise UserError(str(exc), code="NOT_FOUND") from None
        return drawdown(result)

    @strawberry.field(description="Predecessors, successors, mandates and renewals, tasks added and dropped.")
    async def mission_history(self, info: Info, mission: strawberry.ID) -> MissionHistory:
        try:
            return history(await mission_history(info.context.graph, str(mission)))
        except UnknownMission as exc:
            raise UserError(str(exc), code="NOT_FOUND") from None

    @strawberry.field(description="The path behind a coverage fact: mandate → mission → organisation → funding.")
    async def trace(self, info: Info, coverage: strawberry.ID) -> Trace:
        try:
            return trace(await trace_of(info.context.graph, str(coverage)))
        except UnknownCoverage as exc:
            raise UserError(str(exc), code="NOT_FOUND") from None
