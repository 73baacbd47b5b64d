"""Coverage and demand facts as plain records, and the single in-force rule every analysis uses.

Rule: a fact is in force on date d when valid_from <= d (or no valid_from) and d < valid_to (or no valid_to).
Status: `actual` always counts; `planned` and `forecast` count only with include_planned; `proposed` never does.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from peacegraph.graph.store.convert import to_date
from peacegraph.graph.store.database import Database

COUNTED_WHEN_PLANNED = frozenset({"actual", "planned", "forecast"})
FAR_PAST = dt.date(1900, 1, 1)
FAR_FUTURE = dt.date(2200, 1, 1)


def in_force(valid_from: dt.date | None, valid_to: dt.date | None, on: dt.date) -> bool:
    """valid_from inclusive, valid_to exclusive, open ends allowed."""
    return (valid_from is None or valid_from <= on) and (valid_to is None or on < valid_to)


def counts(status: str | None, include_planned: bool) -> bool:
    """Whether a fact of this status counts as coverage or demand."""
    status = status or "actual"
    return status == "actual" or (include_planned and status in COUNTED_WHEN_PLANNED)


@dataclass(frozen=True)
class SourceRef:
    source: str
    title: str | None
    kind: str | None
    locator: str
    quote: str | None


@dataclass(frozen=True)
class CoverageFact:
    """One Coverage node with what the analyses need about it."""

    id: str
    actor: str
    actor_name: str
    actor_acronym: str | None
    actor_kind: str
    orgs: tuple[str, ...]
    task: str
    task_label: str
    task_group: str
    place: str
    place_name: str
    valid_from: dt.date | None
    valid_to: dt.date | None
    status: str
    role: str | None
    modality: str | None
    mandate: str | None
    sources: tuple[SourceRef, ...] = field(default=(), compare=False)

    def active(self, on: dt.date, include_planned: bool = False) -> bool:
        return in_force(self.valid_from, self.valid_to, on) and counts(self.status, include_planned)

    @classmethod
    def from_actor_row(cls, row: dict[str, Any]) -> list[CoverageFact]:
        """The facts of one grouped row of coverage_facts.cypher."""
        orgs = tuple(sorted(set(row["orgs"]))) or (row["actor"],)
        return [
            cls(id=f[0], actor=row["actor"], actor_name=row["actor_name"], actor_acronym=row["actor_acronym"],
                actor_kind=row["actor_kind"], orgs=orgs, task=f[6], task_label=f[7], task_group=f[8],
                place=f[9], place_name=f[10], valid_from=to_date(f[1]), valid_to=to_date(f[2]),
                status=f[3] or "actual", role=f[4], modality=f[5], mandate=f[11],
                sources=tuple(SourceRef(*s) for s in f[12]))
            for f in row["facts"]
        ]


@dataclass(frozen=True)
class DemandFact:
    """A mandate assigning a task to a place over a period."""

    mandate: str
    task: str
    task_label: str
    task_group: str
    place: str
    valid_from: dt.date | None
    valid_to: dt.date | None
    status: str

    def active(self, on: dt.date, include_planned: bool = False) -> bool:
        return in_force(self.valid_from, self.valid_to, on) and counts(self.status, include_planned)


@dataclass(frozen=True)
class Scope:
    """A place with its ancestors and descendants; containment decides which facts bear on which cell."""

    id: str
    name: str
    kind: str
    country: str
    ancestors: tuple[str, ...]
    descendants: tuple[str, ...]
    parent_of: dict[str, str | None] = field(default_factory=dict, compare=False, hash=False)

    @property
    def places(self) -> list[str]:
        return [self.id, *self.ancestors, *self.descendants]

    def related(self, a: str, b: str) -> bool:
        """True when a and b are the same place or one contains the other (within this scope)."""
        return a == b or b in self._chain(a) or a in self._chain(b)

    def within(self, inner: str, outer: str) -> bool:
        """True when `inner` is `outer` or lies inside it."""
        return inner == outer or outer in self._chain(inner)

    def _chain(self, place: str) -> list[str]:
        """The ancestors of `place`, nearest first."""
        chain, seen = [], {place}
        current = self.parent_of.get(place)
        while current and current not in seen:
            chain.append(current)
            seen.add(current)
            current = self.parent_of.get(current)
        return chain


class UnknownPlace(LookupError):
    """The place id names no Place in the graph."""


async def load_all(
    graph: Database, place: str, start: dt.date, end: dt.date, with_demand: bool = True
) -> tuple[Scope, list[CoverageFact], list[DemandFact]]:
    """Scope, coverage and demand of a place over [start, end): three reads sent at once."""
    reads = [load_scope(graph, place), load_coverage(graph, place, start, end)]
    if with_demand:
        reads.append(load_demand(graph, place, start, end))
    results = await asyncio.gather(*reads)
    return results[0], results[1], (results[2] if with_demand else [])  # type: ignore[return-value]


async def load_scope(graph: Database, place: str) -> Scope:
    rows = await graph.read("place_scope", place=place)
    if not rows:
        raise UnknownPlace(f"no place with id {place!r}")
    row = rows[0]
    parent_of: dict[str, str | None] = {d["id"]: d["parent"] for d in row["descendants"]}
    chain = row["ancestors"]
    parent_of[row["id"]] = chain[0] if chain else None
    for nearer, further in zip(chain, [*chain[1:], None], strict=False):
        parent_of[nearer] = further
    return Scope(
        id=row["id"], name=row["name"], kind=row["kind"], country=row["country"],
        ancestors=tuple(chain), descendants=tuple(d["id"] for d in row["descendants"]), parent_of=parent_of,
    )


async def load_coverage(
    graph: Database, place: str, start: dt.date, end: dt.date, task: str | None = None,
    with_sources: bool = False,
) -> list[CoverageFact]:
    """Coverage in the scope of `place` overlapping [start, end); sources only when asked (costly to decode)."""
    rows = await graph.read("coverage_facts", place=place, **{"from": start, "to": end}, task=task,
                            with_sources=with_sources)
    return [fact for row in rows for fact in CoverageFact.from_actor_row(row)]


async def load_demand(graph: Database, place: str, start: dt.date, end: dt.date) -> list[DemandFact]:
    """Mandated (task, place) demand in the scope of `place` overlapping [start, end)."""
    rows = await graph.read("demand_facts", place=place, **{"from": start, "to": end})
    return [
        DemandFact(mandate=a[0], task=r["task"], task_label=r["task_label"], task_group=r["task_group"],
                   place=a[4], valid_from=to_date(a[1]), valid_to=to_date(a[2]), status=a[3] or "actual")
        for r in rows for a in r["assignments"]
    ]
