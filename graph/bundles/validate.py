"""Checks a set of bundles needs beyond field types, taken together: duplicates and clashes across files, review
states, and references to facts in the bundles or the graph. Every error is located (file, line, path)."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Final

from peacegraph.graph.bundles.parse import BundleError, ParsedBundle, loc_path
from peacegraph.graph.domain.model import KINDS
from peacegraph.graph.domain.spec import NODES, references

WHAT: Final[dict[str, str]] = {
    "organizations": "organization", "places": "place", "tasks": "task key", "missions": "mission",
    "mandates": "mandate", "coverages": "coverage", "sources": "source", "actors": "organization or mission",
    "funding_lines": "funding line", "transitions": "transition", "agreements": "agreement",
}


@dataclass(frozen=True)
class Reference:
    """One id a record refers to, and where the reference is written."""

    pb: ParsedBundle
    loc: tuple[str | int, ...]
    target: str
    value: str


def references_of(pb: ParsedBundle) -> Iterator[Reference]:
    """Every id a bundle refers to (links, component links, citations), with where it is."""
    refs = references()
    for kind in KINDS:
        cites = NODES[kind].cites
        for i, item in enumerate(getattr(pb.bundle, kind)):
            for path, target in refs[kind].items():
                yield from _field_refs(pb, kind, i, item, path, target)
            if cites:
                for j, cite in enumerate(item.cites):
                    yield Reference(pb, (kind, i, "cites", j, "source"), "sources", cite.source)


def _field_refs(pb: ParsedBundle, kind: str, i: int, item: Any, path: str, target: str) -> Iterator[Reference]:
    if "." in path:
        outer, inner = path.split(".")
        for j, sub in enumerate(getattr(item, outer)):
            value = getattr(sub, inner)
            if value is not None:
                yield Reference(pb, (kind, i, outer, j, inner), target, value)
        return
    value = getattr(item, path)
    if isinstance(value, list):
        for j, v in enumerate(value):
            yield Reference(pb, (kind, i, path, j), target, v)
    elif value is not None:
        yield Reference(pb, (kind, i, path), target, value)


def defined_ids(parsed: Sequence[ParsedBundle]) -> dict[str, set[str]]:
    """Ids each kind defines in these bundles, plus 'actors' (organisations and missions)."""
    ids: dict[str, set[str]] = {kind: set() for kind in KINDS}
    for pb in parsed:
        for kind in KINDS:
            ids[kind].update(item.id for item in getattr(pb.bundle, kind))
    ids["actors"] = ids["organizations"] | ids["missions"]
    return ids


def _error(pb: ParsedBundle, loc: tuple[str | int, ...], message: str) -> BundleError:
    return BundleError(pb.name, pb.line_of(loc), loc_path(loc), message)


def _norm(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def check_duplicates(parsed: Sequence[ParsedBundle]) -> list[BundleError]:
    """The same id twice (in one file or across files) is fine if both records agree; conflicting fields are an
    error at the second one. An id may not name both an organisation and a mission, nor differ from another id
    of its kind only by Unicode normalisation or case (a look-alike)."""
    errors = []
    folded_actors: dict[str, str] = {}
    for kind in KINDS:
        seen: dict[str, tuple[ParsedBundle, int, Any]] = {}
        folded: dict[str, str] = folded_actors if kind in ("organizations", "missions") else {}
        for pb in parsed:
            for i, item in enumerate(getattr(pb.bundle, kind)):
                first = seen.get(item.id)
                if first is None:
                    seen[item.id] = (pb, i, item)
                    other = folded.setdefault(_norm(item.id), item.id)
                    if other != item.id:
                        errors.append(_error(pb, (kind, i, "id"), f"id {item.id!r} differs from {other!r} only by "
                                             "Unicode normalisation or case: use one spelling"))
                    continue
                first_pb, first_index, first_item = first
                record, first_record = item.model_dump(), first_item.model_dump()
                if first_record != record:
                    fields = sorted(k for k in record if record[k] != first_record.get(k))
                    where = "" if first_pb is pb else f"{first_pb.name} "
                    errors.append(_error(pb, (kind, i, "id"),
                                         f"duplicate id {item.id!r} with conflicting fields {', '.join(fields)} "
                                         f"(first defined at {where}line {first_pb.line_of((kind, first_index))})"))
    orgs = {o.id: pb for pb in parsed for o in pb.bundle.organizations}
    for pb in parsed:
        for i, mission in enumerate(pb.bundle.missions):
            if mission.id in orgs:
                errors.append(_error(pb, ("missions", i, "id"),
                                     f"id {mission.id!r} is used by both an organization ({orgs[mission.id].name}) "
                                     "and a mission; actor ids must be unique"))
    return errors


def check_review(parsed: Sequence[ParsedBundle]) -> list[BundleError]:
    """Extracted facts must be reviewed before they load: `review: pending` is refused (rejected ones are left
    out, accepted ones load)."""
    errors = []
    for pb in parsed:
        for kind in KINDS:
            for i, item in enumerate(getattr(pb.bundle, kind)):
                extraction = getattr(item, "extraction", None)
                if extraction is not None and extraction.review == "pending":
                    errors.append(_error(pb, (kind, i, "extraction", "review"),
                                         "extracted fact still pending review: set review to accepted (or rejected "
                                         "to leave it out), or load with --allow-pending"))
    return errors


def wanted_from_graph(parsed: Sequence[ParsedBundle]) -> dict[str, list[str]]:
    """Ids referenced but not defined in the bundles: they must already be in the graph."""
    local = defined_ids(parsed)
    wanted: dict[str, set[str]] = {}
    for pb in parsed:
        for ref in references_of(pb):
            if ref.value not in local[ref.target]:
                wanted.setdefault(ref.target, set()).add(ref.value)
    return {k: sorted(v) for k, v in wanted.items()}


def check_references(parsed: Sequence[ParsedBundle], known: dict[str, set[str]]) -> list[BundleError]:
    """Every reference must name something in these bundles or in `known` (what the graph holds)."""
    local = defined_ids(parsed)
    errors = []
    for pb in parsed:
        for ref in references_of(pb):
            if ref.value in local[ref.target] or ref.value in known.get(ref.target, set()):
                continue
            errors.append(_error(pb, ref.loc, f"unknown {WHAT[ref.target]} {ref.value!r}: not defined in the "
                                              "bundles being loaded nor in the graph"))
    return errors


def check_actor_kinds(parsed: Sequence[ParsedBundle], present: dict[str, set[str]]) -> list[BundleError]:
    """A bundle may not define as a mission an id the graph holds as an organisation, or the reverse."""
    errors = []
    for pb in parsed:
        for kind, other, what in (("missions", "actors:organizations", "organization"),
                                  ("organizations", "actors:missions", "mission")):
            for i, item in enumerate(getattr(pb.bundle, kind)):
                if item.id in present.get(other, set()):
                    errors.append(_error(pb, (kind, i, "id"), f"id {item.id!r} already names an {what} in the graph"))
    return errors


def self_links() -> dict[str, str]:
    """kind -> the single-valued link field naming a record of the same kind (place parent, organisation part_of,
    mandate renews): chains of these must not close into a cycle."""
    return {kind: lk.name for kind, spec in NODES.items() for lk in spec.links
            if not lk.many and lk.target == spec.label}


CYCLE_WHAT: Final[dict[str, str]] = {
    "places": "a place cannot lie inside itself",
    "organizations": "an organisation cannot be part of itself",
    "mandates": "a mandate cannot renew itself",
}


def chain_roots(parsed: Sequence[ParsedBundle]) -> dict[str, list[str]]:
    """Per kind with a self-link: the ids the bundles' links name that the bundles do not define (the graph holds
    their chains upwards)."""
    local = defined_ids(parsed)
    out: dict[str, set[str]] = {}
    for kind, name in self_links().items():
        for pb in parsed:
            for item in getattr(pb.bundle, kind):
                target = getattr(item, name)
                if target is not None and target not in local[kind]:
                    out.setdefault(kind, set()).add(target)
    return {k: sorted(v) for k, v in out.items()}


def check_cycles(parsed: Sequence[ParsedBundle], graph_edges: dict[str, dict[str, str]] | None = None,
                 ) -> list[BundleError]:
    """No chain of parents, part_of or renews closes into a cycle, counting both the bundles' links and (when
    given, kind -> child -> parent) those the graph holds for records the bundles do not redefine. Each cycle is
    reported once, at the first record of the bundles in it."""
    errors = []
    for kind, name in self_links().items():
        mine: dict[str, tuple[str | None, ParsedBundle, int]] = {}
        for pb in parsed:
            for i, item in enumerate(getattr(pb.bundle, kind)):
                mine.setdefault(item.id, (getattr(item, name), pb, i))
        theirs = (graph_edges or {}).get(kind, {})

        def parent(x: str, mine: dict[str, tuple[str | None, ParsedBundle, int]] = mine,
                   theirs: dict[str, str] = theirs) -> str | None:
            return mine[x][0] if x in mine else theirs.get(x)

        reported: set[frozenset[str]] = set()
        for start, (_, pb, i) in mine.items():
            path, cur = [start], parent(start)
            while cur is not None and cur not in path and len(path) <= len(mine) + len(theirs):
                path.append(cur)
                cur = parent(cur)
            if cur != start:
                continue
            members = frozenset(path)
            if members in reported:
                continue
            reported.add(members)
            chain = " → ".join(repr(x) for x in [*path, start])
            via = "" if all(x in mine for x in path) else " (counting links the graph already holds)"
            errors.append(_error(pb, (kind, i, name), f"{chain} is a cycle{via}: {CYCLE_WHAT.get(kind, 'no cycles')}"))
    return errors


def check_lookalikes_in_graph(parsed: Sequence[ParsedBundle], found: Sequence[tuple[str, str, str]],
                              ) -> list[BundleError]:
    """`found`: (kind, new id, id in the graph) pairs that are equal after NFKC normalisation and case folding."""
    where: dict[tuple[str, str], tuple[ParsedBundle, int]] = {}
    for pb in parsed:
        for kind in KINDS:
            for i, item in enumerate(getattr(pb.bundle, kind)):
                where.setdefault((kind, item.id), (pb, i))
    errors = []
    for kind, new, existing in found:
        if (kind, new) in where:
            pb, i = where[(kind, new)]
            errors.append(_error(pb, (kind, i, "id"), f"id {new!r} looks like {existing!r}, already in the graph: "
                                                      "they differ only by Unicode normalisation or case; use "
                                                      f"{existing!r}"))
    return errors
