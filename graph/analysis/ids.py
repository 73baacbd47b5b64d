"""Strict identifiers: every id an analysis is given must name something, else an error that names the id and the
argument, with "did you mean" suggestions (full-text index `entity_names`; for transitions and coverage, ids that
look alike). A task group asked for as a task says to use `taskGroup`."""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from peacegraph.graph.store.database import Database
from peacegraph.graph.store.fulltext import lucene_query

if TYPE_CHECKING:
    from peacegraph.graph.analysis.snapshot import Task

LABELS = {"place": {"Place"}, "task": {"Task"}, "actor": {"Mission", "Organization"}, "mission": {"Mission"}}
NOUNS = {"place": "place", "task": "task", "actor": "actor", "mission": "mission", "transition": "transition",
         "coverage": "coverage fact"}


@dataclass(frozen=True)
class Wanted:
    """An id an analysis was given: its kind (place, task, actor, mission, transition, coverage) and argument."""

    kind: str
    id: str
    argument: str


@dataclass(frozen=True)
class Unknown:
    wanted: Wanted
    suggestions: tuple[str, ...] = ()
    hint: str | None = None

    def message(self) -> str:
        w = self.wanted
        text = f"no {NOUNS[w.kind]} with id {w.id!r} (argument `{w.argument}`)"
        if self.hint:
            text += f": {self.hint}"
        if self.suggestions:
            text += "; did you mean " + ", ".join(repr(s) for s in self.suggestions) + "?"
        return text


class UnknownIds(LookupError):
    """One or more ids name nothing: the whole request fails, each unknown id explained."""

    def __init__(self, unknown: Sequence[Unknown]) -> None:
        self.unknown = tuple(unknown)
        super().__init__("; ".join(u.message() for u in self.unknown))

    @classmethod
    async def explain(cls, graph: Database, missing: Sequence[Wanted], tasks: Mapping[str, Task]) -> UnknownIds:
        groups = {t.group for t in tasks.values()}
        unknown = []
        for w in missing:
            hint = None
            if w.kind == "task" and w.id in groups:
                hint = f"{w.id!r} is a task group: ask for it with taskGroup: {w.id!r}"
            unknown.append(Unknown(w, await suggestions(graph, w), hint))
        return cls(unknown)


async def suggestions(graph: Database, wanted: Wanted, limit: int = 3) -> tuple[str, ...]:
    """Up to `limit` ids of the same kind that look like `wanted.id`."""
    labels = LABELS.get(wanted.kind)
    if labels is not None:
        query = lucene_query(wanted.id)
        if query is None:
            return ()
        rows = await graph.read("search", text=query, limit=25)
        return tuple(dict.fromkeys(r["id"] for r in rows if r["label"] in labels))[:limit]
    prefix = ":".join(wanted.id.split(":")[:2])
    rows = await graph.read("similar_ids", kind=wanted.kind, prefix=prefix, limit=5000)
    return tuple(difflib.get_close_matches(wanted.id, [r["id"] for r in rows], n=limit, cutoff=0.6))
