"""GraphQL types for every node of the model, generated from the domain spec.

Values of these types are plain dicts shaped like the response (keyed by response key), produced by the selection
compiler (api/compile.py) in one Cypher statement per root field; `api/schema.py` points every field of these
types at a key lookup. Time-dependent list fields take `asOf` (default today; `asOf: null` for all time), and
connections take `where`, `sort` and cursor arguments like root lists.
"""


import datetime as dt
import sys
from typing import Annotated, Any

import strawberry
from strawberry.types import Info

from peacegraph.api import inputs as inp
from peacegraph.api.enums import graphql_enum
from peacegraph.api.pagination import Connection, Edge, PageInfo
from peacegraph.graph.domain.model import Review
from peacegraph.graph.domain.spec import ACTOR, NODES, ComponentSpec, LinkSpec, NodeSpec, Prop, ReverseSpec

AsOf = Annotated[
    dt.date | None,
    strawberry.argument(description="Only facts in force on this date (default today; null for all time)."),
]
_MODULE = sys.modules[__name__]


def today() -> dt.date:
    """Today in UTC: the default date of every time-dependent question."""
    return dt.datetime.now(dt.UTC).date()


def or_today(as_of: dt.date | None) -> dt.date:
    """An analysis date: the one given, else today (UTC)."""
    return as_of or today()


@strawberry.type(description="An extracted fact's provenance: what found it, how sure, and its review state.")
class Extraction:
    method: str
    confidence: float
    review: graphql_enum(Review)


@strawberry.type(description="Where a fact comes from: a document, the place in it, and a short quote.")
class Citation:
    locator: str
    quote: str | None
    source_id: strawberry.ID

    @strawberry.field
    async def source(self, info: Info) -> Annotated["Source", strawberry.lazy("peacegraph.api.nodes")] | None:
        """The cited source (compiled with the citation when it comes from a node; looked up by id otherwise)."""
        if isinstance(self, dict):
            return self.get(info.path.key)
        from peacegraph.api.resolve import node

        return await node(info, "Source", str(self.source_id))


def _scalar_type(prop: Prop) -> Any:
    base: Any = {"string": str, "date": dt.date, "number": float, "boolean": bool, "strings": list[str]}.get(
        prop.scalar)
    if prop.name == "id":
        base = strawberry.ID
    elif prop.scalar == "enum":
        assert prop.enum is not None
        base = graphql_enum(prop.enum)
    return base if prop.required or prop.scalar == "strings" else base | None


def _target(label: str) -> str:
    return "Actor" if label == ACTOR else label


def _connection_field(target: str, dated: bool, name: str, doc: str | None) -> Any:
    """A paginated field with where/sort/cursor arguments (and asOf for dated targets); values come by key."""
    where, sort = inp.where_input(target), inp.sort_input(target)

    def resolve(root: Any, info: Info, where: where | None = None,
                sort: list[sort] | None = None, first: int | None = None,
                after: str | None = None, last: int | None = None, before: str | None = None) -> Any:
        return root[info.path.key]

    def resolve_dated(root: Any, info: Info, as_of: AsOf = strawberry.UNSET, where: where | None = None,
                      sort: list[sort] | None = None, first: int | None = None,
                      after: str | None = None, last: int | None = None, before: str | None = None) -> Any:
        return root[info.path.key]

    resolver: Any = resolve_dated if dated else resolve
    resolver.__annotations__ = {**resolver.__annotations__, "return": f"Connection[{target}]"}
    return strawberry.field(resolver=resolver, name=name, description=doc)


def _single(label: str, name: str, doc: str | None) -> tuple[Any, Any]:
    return f"{_target(label)} | None", strawberry.field(name=name, description=doc, default=None)


def _plain_list(label: str, name: str, doc: str | None) -> tuple[Any, Any]:
    return f"list[{_target(label)}]", strawberry.field(name=name, description=doc, default=None)


def _link_field(link: LinkSpec) -> tuple[Any, Any]:
    if not link.many:
        return _single(link.target, link.graphql, link.doc)
    if link.connection:
        target = NODES[link.target_kinds[0]]
        return None, _connection_field(target.label, target.dated, link.graphql, link.doc)
    return _plain_list(link.target, link.graphql, link.doc)


def _reverse_field(rev: ReverseSpec) -> tuple[Any, Any]:
    source = NODES[rev.source.kind]
    if rev.single:
        return _single(source.label, rev.name, rev.doc)
    if rev.connection:
        return None, _connection_field(source.label, source.dated, rev.name, rev.doc)
    return _plain_list(source.label, rev.name, rev.doc)


def _component_type(comp: ComponentSpec) -> Any:
    annotations: dict[str, Any] = {}
    namespace: dict[str, Any] = {"__module__": __name__}
    for link in comp.links:
        annotations[f"{link.name}_id"] = strawberry.ID | None if not link.required else strawberry.ID
        namespace[f"{link.name}_id"] = strawberry.field(name=f"{link.graphql}Id", default=None)
        annotations[link.name] = f"{_target(link.target)} | None"
        namespace[link.name] = strawberry.field(name=link.graphql, default=None)
    namespace["__annotations__"] = annotations
    cls = strawberry.type(type(comp.label, (), namespace), description=(comp.model.__doc__ or "").strip() or None)
    setattr(_MODULE, comp.label, cls)
    return cls


def _node_type(spec: NodeSpec) -> Any:
    annotations: dict[str, Any] = {}
    namespace: dict[str, Any] = {"__module__": __name__}

    def add(attr: str, annotation: Any, field: Any) -> None:
        if annotation is not None:
            annotations[attr] = annotation
        namespace[attr] = field

    for prop in spec.props:
        add(f"p_{prop.name}", _scalar_type(prop), strawberry.field(name=prop.graphql, default=None))
    for computed in spec.computed:
        add(f"c_{computed.name}", {"Int!": int, "String!": str}[computed.graphql_type],
            strawberry.field(name=computed.name, description=computed.doc, default=None))
    if spec.cites:
        add("sources", list[Citation], strawberry.field(default=None))
    if spec.extraction:
        add("extraction", Extraction | None, strawberry.field(default=None))
    for link in spec.links:
        add(f"l_{link.name}", *_link_field(link))
    for comp in spec.components:
        add(f"k_{comp.name}", list[_component_type(comp)], strawberry.field(name=comp.graphql, default=None))
    for rev in spec.reverses:
        add(f"r_{rev.name}", *_reverse_field(rev))
    namespace["__annotations__"] = annotations
    cls = strawberry.type(type(spec.label, (), namespace), description=(spec.model.__doc__ or "").strip() or None)
    setattr(_MODULE, spec.label, cls)
    return cls


NODE_TYPES: dict[str, Any] = {spec.label: _node_type(spec) for spec in NODES.values()}
COMPONENT_TYPES: dict[str, Any] = {comp.label: getattr(_MODULE, comp.label)
                                   for spec in NODES.values() for comp in spec.components}
Source = NODE_TYPES["Source"]
Organization = NODE_TYPES["Organization"]
Place = NODE_TYPES["Place"]
Task = NODE_TYPES["Task"]
Mission = NODE_TYPES["Mission"]
Mandate = NODE_TYPES["Mandate"]
Coverage = NODE_TYPES["Coverage"]
FundingLine = NODE_TYPES["FundingLine"]
Transition = NODE_TYPES["Transition"]
Agreement = NODE_TYPES["Agreement"]
Actor = Annotated[Mission | Organization, strawberry.union("Actor", description="A mission or an organisation.")]
AnyNode = Annotated[
    Mission | Organization | Place | Mandate | Coverage | FundingLine | Transition | Agreement | Task | Source,
    strawberry.union("Node", description="Any node of the graph."),
]

# Types whose values the compiler shapes (every field of them is read by response key).
COMPILED_TYPES: tuple[str, ...] = (*NODE_TYPES, *COMPONENT_TYPES, "Citation", "Extraction", "PageInfo")
KEEP_RESOLVER: frozenset[tuple[str, str]] = frozenset({("Citation", "source")})

__all__ = ["COMPILED_TYPES", "NODE_TYPES", "Actor", "AnyNode", "AsOf", "Citation", "Connection", "Edge",
           "Extraction", "PageInfo", "or_today", "today", *NODE_TYPES]
