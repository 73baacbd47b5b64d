"""Type definitions for the Neo4j GraphQL Library (7.x), generated from peacegraph's domain spec.

The peer of bench/bench_peer.py serves these against the same Neo4j as peacegraph, so they name the stored
labels, relationship types and properties: `valid_from` is the field `validFrom @alias(property: "valid_from")`, a
link is a `@relationship` outwards, a reverse field the same relationship inwards, an `Actor` link the union
`Mission | Organization`, a component (a transition's handovers) a relationship to its own node type, citations a
relationship to `Source` with `locator`/`quote` as relationship properties. Field names are peacegraph's GraphQL
names, so the two schemas differ only in the library's own conventions (`xConnection`, `limit`, `sort` on nodes).
Run: `.venv/bin/python -m bench.peer.typedefs [-o FILE]` (the bench writes it before starting the peer).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path

from peacegraph.graph.domain.meta import Computed
from peacegraph.graph.domain.spec import ACTOR, NODES, ComponentSpec, LinkSpec, NodeSpec, Prop, ReverseSpec

SCALARS = {"string": "String", "date": "Date", "number": "Float", "boolean": "Boolean", "strings": "[String!]"}
EXTRACTION = (("extractionMethod", "extraction_method", "String"),
              ("extractionConfidence", "extraction_confidence", "Float"),
              ("extractionReview", "extraction_review", "String"))
CITES_PROPERTIES = "Citation"


def _alias(graphql: str, stored: str) -> str:
    return "" if graphql == stored else f' @alias(property: "{stored}")'


def _prop(p: Prop) -> str:
    kind = "ID" if p.name == "id" else p.enum.__name__ if p.enum else SCALARS[p.scalar]
    bang = "!" if p.required or p.scalar == "strings" else ""
    return f"  {p.graphql}: {kind}{bang}{_alias(p.graphql, p.name)}"


def _relationship(name: str, target: str, many: bool, rel: str, direction: str, properties: str | None = None) -> str:
    kind = f"[{target}!]!" if many else target
    extra = f', properties: "{properties}"' if properties else ""
    return f'  {name}: {kind} @relationship(type: "{rel}", direction: {direction}{extra})'


def _link(link: LinkSpec) -> str:
    return _relationship(link.graphql, link.target, link.many, link.rel, "OUT")


def _reverse(rev: ReverseSpec) -> str:
    return _relationship(rev.name, rev.source_label, not rev.single, rev.source.rel, "IN")


def _computed(c: Computed) -> str:
    return (f'  {c.name}: {c.graphql_type} @cypher(statement: "RETURN {c.cypher.replace(chr(34), chr(92) + chr(34))}'
            f' AS value", columnName: "value")')


def _component_type(comp: ComponentSpec) -> Iterator[str]:
    yield f"type {comp.label} @node {{"
    yield "  id: ID"
    yield from (_link(link) for link in comp.links)
    yield "}"


def _node_type(spec: NodeSpec) -> Iterator[str]:
    doc = (spec.model.__doc__ or "").strip().splitlines()
    if doc:
        yield f'"""{doc[0]}"""'
    yield f"type {spec.label} @node {{"
    yield from (_prop(p) for p in spec.props)
    if spec.extraction:
        yield from (f"  {name}: {kind}{_alias(name, stored)}" for name, stored, kind in EXTRACTION)
    yield from (_computed(c) for c in spec.computed)
    if spec.cites:
        yield _relationship("sources", "Source", True, "CITES", "OUT", CITES_PROPERTIES)
    yield from (_link(link) for link in spec.links)
    for comp in spec.components:
        yield _relationship(comp.graphql, comp.label, True, comp.rel, "OUT")
    yield from (_reverse(rev) for rev in spec.reverses)
    yield "}"


def _enums() -> Iterator[str]:
    """The model's enums that properties use, stored as their string values (as peacegraph's schema has them)."""
    seen: dict[str, type[StrEnum]] = {}
    for spec in NODES.values():
        for p in spec.props:
            if p.enum is not None:
                seen.setdefault(p.enum.__name__, p.enum)
    for name, enum in sorted(seen.items()):
        yield f"enum {name} {{\n" + "".join(f"  {member.value}\n" for member in enum) + "}"


def type_defs() -> str:
    """The SDL for every kind of the spec, the Actor union, the enums, component types and citation properties."""
    actors = " | ".join(NODES[k].label for k in ("missions", "organizations"))
    blocks = [f"union {ACTOR} = {actors}", *_enums(),
              f"type {CITES_PROPERTIES} @relationshipProperties {{\n  locator: String!\n  quote: String\n}}"]
    blocks += ["\n".join(_node_type(spec)) for spec in NODES.values()]
    blocks += ["\n".join(_component_type(comp)) for spec in NODES.values() for comp in spec.components]
    return "\n\n".join(blocks) + "\n"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", type=Path, help="write here instead of standard output")
    args = parser.parse_args(argv)
    text = type_defs()
    if args.o:
        args.o.parent.mkdir(parents=True, exist_ok=True)
        args.o.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main()
