"""Trace a coverage fact back: mandate → actor → organisation → funding, each step once, with its sources.

The mandate step is the one the fact rests on, named by its symbol and title; the funding steps are the lines
that pay for this fact, or fund its actor without naming other coverage (a proposed line never counts).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from peacegraph.graph.domain import rules
from peacegraph.graph.store.convert import to_date
from peacegraph.graph.store.database import Database


class UnknownCoverage(LookupError):
    """No Coverage with that id."""


@dataclass(frozen=True)
class Step:
    kind: str  # coverage | mandate | mission | organization | funding
    id: str
    name: str | None
    sources: tuple[dict[str, Any], ...]
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None


def steps_of(row: dict[str, Any]) -> list[Step]:
    """The steps of a trace from the row of coverage_trace.cypher, without duplicates."""
    out: list[Step] = [Step("coverage", row["id"], f"{row['task_label'] or row['task']} in "
                                                    f"{row['place_name'] or row['place']}", tuple(row["sources"]),
                            to_date(row["valid_from"]), to_date(row["valid_to"]))]
    m = row["mandate"]
    if m:
        title = m.get("title")
        name = f"{m['id']} — {title}" if title and title != m["id"] else m["id"]
        out.append(Step("mandate", m["id"], name, tuple(m["sources"]), to_date(m["valid_from"]),
                        to_date(m["valid_to"])))
    a = row["actor"]
    out.append(Step(a["kind"], a["id"], a["name"], tuple(a["sources"])))
    out += [Step("organization", o["id"], o["name"], tuple(o["sources"])) for o in row["organizations"]]
    for f in sorted(row["funding"], key=lambda f: (not f["pays_for_this"], f["id"])):
        if rules.counts(f.get("status"), include_planned=True):
            out.append(Step("funding", f["id"], f["name"], tuple(f["sources"]), to_date(f["valid_from"]),
                            to_date(f["valid_to"])))
    seen: set[tuple[str, str]] = set()
    unique = []
    for s in out:
        key = ("actor" if s.kind in {"mission", "organization"} else s.kind, s.id)
        if key not in seen:
            seen.add(key)
            unique.append(s)
    return unique


async def trace(graph: Database, coverage: str) -> list[Step]:
    """The whole chain behind one coverage fact, in one round trip."""
    rows = await graph.read("coverage_trace", id=coverage)
    if not rows:
        raise UnknownCoverage(f"no coverage fact with id {coverage!r}")
    return steps_of(rows[0])
