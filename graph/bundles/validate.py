"""Checks a bundle needs beyond field types: duplicates, references to facts in the bundle or the graph."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Final

from peacegraph.graph.bundles.parse import BundleError, ParsedBundle, loc_path
from peacegraph.graph.domain.model import KINDS

# kind -> field -> what it refers to ("actors" = an organisation or a mission). "a.b" = field b of each item of list a.
REFERENCES: Final[dict[str, dict[str, str]]] = {
    "organizations": {"part_of": "organizations", "country": "places"},
    "places": {"parent": "places"},
    "missions": {"led_by": "organizations", "deployed_in": "places"},
    "mandates": {"issued_by": "organizations", "renews": "mandates", "authorizes": "missions",
                 "tasks": "tasks", "places": "places"},
    "coverages": {"actor": "actors", "task": "tasks", "place": "places", "mandate": "mandates"},
    "funding_lines": {"funders": "organizations", "recipient": "actors", "pays_for": "coverages"},
    "transitions": {"from_actor": "actors", "to_actors": "actors", "places": "places",
                    "handovers.task": "tasks", "handovers.to": "actors", "handovers.place": "places"},
    "agreements": {"parties": "actors"},
}
CITING_KINDS: Final[tuple[str, ...]] = tuple(k for k in KINDS if k != "sources")
WHAT: Final[dict[str, str]] = {
    "organizations": "organization", "places": "place", "tasks": "task key", "missions": "mission",
    "mandates": "mandate", "coverages": "coverage", "sources": "source", "actors": "organization or mission",
}


@dataclass(frozen=True)
class Reference:
    kind: str
    index: int
    loc: tuple[str | int, ...]
    target: str
    value: str


def references(parsed: ParsedBundle) -> Iterator[Reference]:
    """Every id a bundle refers to, with where it is."""
    data = parsed.bundle
    for kind in KINDS:
        for i, item in enumerate(getattr(data, kind)):
            for field_name, target in REFERENCES.get(kind, {}).items():
                yield from _field_refs(kind, i, item, field_name, target)
            if kind in CITING_KINDS:
                for j, cite in enumerate(item.cites):
                    yield Reference(kind, i, (kind, i, "cites", j, "source"), "sources", cite.source)


def _field_refs(kind: str, i: int, item: Any, field_name: str, target: str) -> Iterator[Reference]:
    if "." in field_name:
        outer, inner = field_name.split(".")
        for j, sub in enumerate(getattr(item, outer)):
            value = getattr(sub, inner)
            if value is not None:
                yield Reference(kind, i, (kind, i, outer, j, inner), target, value)
        return
    value = getattr(item, field_name)
    values = value if isinstance(value, list) else [value]
    for j, v in enumerate(values):
        if v is not None:
            loc = (kind, i, field_name, j) if isinstance(value, list) else (kind, i, field_name)
            yield Reference(kind, i, loc, target, v)


def defined_ids(parsed: ParsedBundle) -> dict[str, set[str]]:
    """Ids each kind defines in this bundle, plus 'actors' (organisations and missions)."""
    ids = {kind: {item.id for item in getattr(parsed.bundle, kind)} for kind in KINDS}
    ids["actors"] = ids["organizations"] | ids["missions"]
    return ids


def check_duplicates(parsed: ParsedBundle) -> list[BundleError]:
    """The same id twice is fine if both records agree; conflicting fields are an error at the second one."""
    errors = []
    for kind in KINDS:
        seen: dict[str, tuple[int, dict[str, Any]]] = {}
        for i, item in enumerate(getattr(parsed.bundle, kind)):
            record = item.model_dump()
            if item.id in seen:
                first_index, first = seen[item.id]
                if first != record:
                    fields = sorted(k for k in record if record[k] != first.get(k))
                    first_line = parsed.line_of((kind, first_index))
                    errors.append(BundleError(
                        parsed.name, parsed.line_of((kind, i, "id")), loc_path((kind, i, "id")),
                        f"duplicate id {item.id!r} with conflicting fields {', '.join(fields)} "
                        f"(first defined at line {first_line})",
                    ))
            else:
                seen[item.id] = (i, record)
    org_ids = {o.id for o in parsed.bundle.organizations}
    for i, mission in enumerate(parsed.bundle.missions):
        if mission.id in org_ids:
            errors.append(BundleError(
                parsed.name, parsed.line_of(("missions", i, "id")), loc_path(("missions", i, "id")),
                f"id {mission.id!r} is used by both an organization and a mission; actor ids must be unique",
            ))
    return errors


def wanted_from_graph(parsed: ParsedBundle, known: dict[str, set[str]]) -> dict[str, list[str]]:
    """Ids referenced but neither defined in the bundle nor already known: they must be looked up in the graph."""
    local = defined_ids(parsed)
    wanted: dict[str, set[str]] = {}
    for ref in references(parsed):
        if ref.value not in local[ref.target] and ref.value not in known.get(ref.target, set()):
            wanted.setdefault(ref.target, set()).add(ref.value)
    return {k: sorted(v) for k, v in wanted.items()}


def check_references(parsed: ParsedBundle, known: dict[str, set[str]]) -> list[BundleError]:
    """Every reference must name something in this bundle or in `known` (the graph and earlier bundles)."""
    local = defined_ids(parsed)
    errors = []
    for ref in references(parsed):
        if ref.value in local[ref.target] or ref.value in known.get(ref.target, set()):
            continue
        errors.append(BundleError(
            parsed.name, parsed.line_of(ref.loc), loc_path(ref.loc),
            f"unknown {WHAT[ref.target]} {ref.value!r}: not defined in this bundle nor in the graph",
        ))
    return errors


def merge_known(known: dict[str, set[str]], more: Mapping[str, Iterable[str]]) -> None:
    for kind, ids in more.items():
        known.setdefault(kind, set()).update(ids)
