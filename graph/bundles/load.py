"""Validate bundles against each other and the graph, then write each in its own transaction."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from peacegraph.graph.bundles.parse import BundleError, BundleInvalid, ParsedBundle, loc_path
from peacegraph.graph.bundles.validate import (
    check_duplicates,
    check_references,
    defined_ids,
    merge_known,
    wanted_from_graph,
)
from peacegraph.graph.domain.model import KINDS
from peacegraph.graph.store.database import Graph
from peacegraph.graph.store.writer import WriteCounts, write_bundle


@dataclass
class BundlePlan:
    """What loading one bundle would do: per kind, how many ids are new and how many update existing facts."""

    name: str
    new: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)


@dataclass
class LoadReport:
    plans: list[BundlePlan]
    counts: WriteCounts
    written: bool


async def _existing(graph: Graph, ids: dict[str, list[str]]) -> dict[str, set[str]]:
    if not any(ids.values()):
        return {}
    rows = await graph.read("known_ids", ids=ids)
    return {row["kind"]: set(row["ids"]) for row in rows}


def check_review(pb: ParsedBundle) -> list[BundleError]:
    """Extracted facts must be reviewed before they load: `review: pending` is refused (accepted loads, rejected
    is left out)."""
    errors = []
    for kind in KINDS:
        for i, item in enumerate(getattr(pb.bundle, kind)):
            extraction = getattr(item, "extraction", None)
            if extraction is not None and extraction.review == "pending":
                errors.append(BundleError(
                    pb.name, pb.line_of((kind, i, "extraction", "review")), loc_path((kind, i, "extraction", "review")),
                    "extracted fact still pending review: set review to accepted (or rejected to leave it out), "
                    "or load with --allow-pending",
                ))
    return errors


async def validate_bundles(graph: Graph, parsed: Sequence[ParsedBundle], allow_pending: bool = False
                           ) -> list[BundlePlan]:
    """Check every bundle (duplicates, references) as if loaded in order; raise BundleInvalid with all errors."""
    known: dict[str, set[str]] = {}
    errors: list[BundleError] = []
    plans = []
    for pb in parsed:
        errors.extend(check_duplicates(pb))
        if not allow_pending:
            errors.extend(check_review(pb))
        found = await _existing(graph, wanted_from_graph(pb, known))
        merge_known(known, {k: v for k, v in found.items() if not k.startswith("actors:")})
        merge_known(known, {"actors": found.get("actors:missions", set()) | found.get("actors:organizations", set())})
        errors.extend(check_references(pb, known))
        mine = defined_ids(pb)
        present = await _existing(graph, {k: sorted(v) for k, v in mine.items()})
        errors.extend(_actor_kind_clashes(pb, present))
        plan = BundlePlan(pb.name)
        for kind in KINDS:
            if mine[kind]:
                plan.updated[kind] = len(mine[kind] & present.get(kind, set()))
                plan.new[kind] = len(mine[kind]) - plan.updated[kind]
        plans.append(plan)
        merge_known(known, mine)
    if errors:
        raise BundleInvalid(errors)
    return plans


def _actor_kind_clashes(pb: ParsedBundle, present: dict[str, set[str]]) -> list[BundleError]:
    """A bundle may not define as a mission an id the graph holds as an organisation, or the reverse."""
    errors = []
    for kind, other in (("missions", "actors:organizations"), ("organizations", "actors:missions")):
        for i, item in enumerate(getattr(pb.bundle, kind)):
            if item.id in present.get(other, set()):
                what = other.split(":")[1].rstrip("s")
                errors.append(BundleError(pb.name, pb.line_of((kind, i, "id")), loc_path((kind, i, "id")),
                                          f"id {item.id!r} already names an {what} in the graph"))
    return errors


async def load_bundles(
    graph: Graph,
    parsed: Sequence[ParsedBundle],
    dry_run: bool = False,
    on_step: Callable[[str, str], None] | None = None,
    allow_pending: bool = False,
) -> LoadReport:
    """Validate all bundles first; if any is bad nothing is written. Each bundle then lands in one transaction.

    Extracted facts marked `review: rejected` are not written; `pending` ones are refused unless `allow_pending`.
    """
    plans = await validate_bundles(graph, parsed, allow_pending)
    counts = WriteCounts()
    if dry_run:
        return LoadReport(plans, counts, written=False)
    for pb in parsed:
        async with graph.driver.session(database=graph.database) as session:
            step = (lambda kind, name=pb.name: on_step(name, kind)) if on_step else None
            graph.round_trips += 1
            counts.add(await session.execute_write(write_bundle, pb.bundle, step))
    return LoadReport(plans, counts, written=True)
