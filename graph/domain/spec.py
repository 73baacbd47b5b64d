"""The domain spec, derived once from the model's metadata: what every other layer needs to know about the kinds.

Everything here is computed from graph/domain/model.py (field types and their `Annotated` markers); nothing is
restated. Consumers: the validator (references), the writer (write order, link fields), the Cypher generator
(graph/store/generate.py), the filter compiler, the GraphQL layer (types, enums, where/sort inputs).
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from typing import Any, Final, Literal, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from peacegraph.graph.domain import model as m
from peacegraph.graph.domain.meta import Component, Computed, Filter, Link, Sort

ACTOR: Final = "Actor"
ACTOR_KINDS: Final[tuple[str, ...]] = ("organizations", "missions")
ScalarType = Literal["string", "date", "number", "boolean", "enum", "strings"]


@dataclass(frozen=True)
class Prop:
    """A scalar field stored as a node property."""

    name: str
    graphql: str
    scalar: ScalarType
    enum: type[StrEnum] | None
    required: bool
    filter: bool
    sort: bool
    doc: str | None


@dataclass(frozen=True)
class LinkSpec:
    """A field stored as relationships from the owner to the node(s) it names."""

    kind: str
    name: str
    graphql: str
    rel: str
    target: str  # a label, or "Actor"
    many: bool
    required: bool
    connection: bool
    filters: dict[str, str]
    doc: str | None

    @property
    def target_kinds(self) -> tuple[str, ...]:
        """The sections an id in this field may name ("Actor": organisations and missions)."""
        return ACTOR_KINDS if self.target == ACTOR else (KIND_OF_LABEL[self.target],)


@dataclass(frozen=True)
class ReverseSpec:
    """A field served on the target of a link: the owners whose link names this node."""

    owner: str  # the kind that serves the field
    name: str
    source: LinkSpec
    connection: bool
    single: bool
    filter: bool
    doc: str | None

    @property
    def source_label(self) -> str:
        return LABEL_OF_KIND[self.source.kind]


@dataclass(frozen=True)
class ComponentSpec:
    """Sub-records stored as their own nodes (a transition's handovers), each with links of its own."""

    kind: str
    name: str
    graphql: str
    rel: str
    label: str
    model: type[BaseModel]
    links: tuple[LinkSpec, ...]


@dataclass(frozen=True)
class NodeSpec:
    """One kind of node: its section, label, model, properties, links and served-only fields."""

    kind: str
    label: str
    model: type[m.Node]
    props: tuple[Prop, ...]
    links: tuple[LinkSpec, ...]
    components: tuple[ComponentSpec, ...]
    reverses: tuple[ReverseSpec, ...]
    computed: tuple[Computed, ...]
    dated: bool
    cites: bool
    cites_required: bool
    extraction: bool
    search_text: tuple[str, ...]

    @property
    def extra_labels(self) -> tuple[str, ...]:
        return (ACTOR,) if self.kind in ACTOR_KINDS else ()

    def prop(self, name: str) -> Prop:
        return next(p for p in self.props if p.name == name)

    def link(self, name: str) -> LinkSpec:
        return next(lk for lk in self.links if lk.name == name)


def camel(name: str) -> str:
    """snake_case -> camelCase (the GraphQL spelling of a field)."""
    head, *rest = name.rstrip("_").split("_")
    return head + "".join(p.title() for p in rest)


def _unwrap(annotation: Any) -> tuple[Any, bool]:
    """(base type, optional) of an annotation, without Annotated and `| None`."""
    optional = False
    while True:
        origin = get_origin(annotation)
        if origin is typing.Annotated:
            annotation = get_args(annotation)[0]
        elif origin in (Union, types.UnionType):
            args = [a for a in get_args(annotation) if a is not type(None)]
            optional = optional or len(args) < len(get_args(annotation))
            annotation = args[0]
        else:
            return annotation, optional


def _scalar(annotation: Any) -> tuple[ScalarType, type[StrEnum] | None] | None:
    base, _ = _unwrap(annotation)
    if get_origin(base) is list:
        inner, _ = _unwrap(get_args(base)[0])
        return ("strings", None) if inner is str else None
    if isinstance(base, type) and issubclass(base, StrEnum):
        return "enum", base
    simple: dict[Any, ScalarType] = {str: "string", dt.date: "date", float: "number", bool: "boolean"}
    if base in simple:
        return simple[base], None
    return None


def _marker(info: FieldInfo, cls: type) -> Any:
    return next((x for x in info.metadata if isinstance(x, cls)), None)


def _ordered_fields(model: type[BaseModel]) -> list[str]:
    """The model's own fields in order, then those it inherits (Mission: id, name, … then valid_from, …)."""
    own = [n for n in model.model_fields if n in model.__annotations__]
    return own + [n for n in model.model_fields if n not in own]


def _links(kind: str, model: type[BaseModel]) -> tuple[LinkSpec, ...]:
    out = []
    for name in _ordered_fields(model):
        info = model.model_fields[name]
        link = _marker(info, Link)
        if link is None:
            continue
        base, optional = _unwrap(info.annotation)
        many = get_origin(base) is list
        out.append(LinkSpec(kind, name, link.graphql or camel(name), link.rel, link.target, many,
                            info.is_required() and not optional, link.connection, dict(link.filters),
                            link.doc))
    return tuple(out)


def _node(kind: str, model: type[m.Node]) -> NodeSpec:
    props, components = [], []
    for name in _ordered_fields(model):
        info = model.model_fields[name]
        if name in ("cites", "extraction") or _marker(info, Link):
            continue
        comp = _marker(info, Component)
        if comp is not None:
            sub = get_args(_unwrap(info.annotation)[0])[0]
            components.append(ComponentSpec(kind, name, camel(name), comp.rel, comp.label, sub, _links(kind, sub)))
            continue
        scalar = _scalar(info.annotation)
        if scalar is None:
            raise TypeError(f"{model.__name__}.{name}: no storage rule for {info.annotation!r}")
        _, optional = _unwrap(info.annotation)
        props.append(Prop(name, "id" if name == "id" else camel(name), scalar[0], scalar[1],
                          not optional and scalar[0] != "strings", _marker(info, Filter) is not None,
                          _marker(info, Sort) is not None, info.description))
    cites = model.model_fields.get("cites")
    return NodeSpec(
        kind=kind, label=model.__name__, model=model, props=tuple(props), links=_links(kind, model),
        components=tuple(components), reverses=(), computed=tuple(model.computed), dated=issubclass(model, m.Dated),
        cites=cites is not None, cites_required=bool(cites and cites.is_required()),
        extraction="extraction" in model.model_fields,
        search_text=tuple(n for n in ("aliases", "adjectives", "phrases") if n in model.model_fields),
    )


def _build() -> dict[str, NodeSpec]:
    models = {kind: typing.get_args(m.Bundle.model_fields[kind].annotation)[0] for kind in m.KINDS}
    nodes = {kind: _node(kind, model) for kind, model in models.items()}
    labels = {spec.label: kind for kind, spec in nodes.items()}
    for kind, spec in nodes.items():
        reverses = []
        for rev in spec.model.reverse:
            source = nodes[rev.kind].link(rev.field)
            if source.target not in (spec.label, ACTOR) or (source.target == ACTOR and kind not in ACTOR_KINDS):
                raise TypeError(f"{spec.label}.{rev.name}: {rev.kind}.{rev.field} does not point at {spec.label}")
            reverses.append(ReverseSpec(kind, rev.name, source, rev.connection, rev.single, rev.filter, rev.doc))
        nodes[kind] = NodeSpec(**{**spec.__dict__, "reverses": tuple(reverses)})
    assert set(labels) == {s.label for s in nodes.values()}
    return nodes


NODES: Final[dict[str, NodeSpec]] = _build()
LABEL_OF_KIND: Final[dict[str, str]] = {kind: spec.label for kind, spec in NODES.items()}
KIND_OF_LABEL: Final[dict[str, str]] = {spec.label: kind for kind, spec in NODES.items()}
BY_LABEL: Final[dict[str, NodeSpec]] = {spec.label: spec for spec in NODES.values()}


def all_links(kind: str) -> Iterator[tuple[str, LinkSpec]]:
    """Every link of a kind as (path, link): 'led_by', and for components 'handovers.task'."""
    spec = NODES[kind]
    for link in spec.links:
        yield link.name, link
    for comp in spec.components:
        for link in comp.links:
            yield f"{comp.name}.{link.name}", link


@cache
def references() -> dict[str, dict[str, str]]:
    """kind -> field path -> the section its ids name ("actors" for an organisation or a mission)."""
    return {kind: {path: ("actors" if link.target == ACTOR else KIND_OF_LABEL[link.target])
                   for path, link in all_links(kind)} for kind in NODES}


@cache
def write_order() -> tuple[str, ...]:
    """Kinds in the order their nodes are written: sources first (every other node cites them as it is written).

    Links are written after every node of a load, so kinds may point at each other (missions are led by
    organisations, organisations contribute to missions) and their order among themselves does not matter.
    """
    return ("sources", *(kind for kind in NODES if kind != "sources"))


@cache
def date_props() -> frozenset[str]:
    """Names of every date-valued property (what the store converts from Neo4j dates)."""
    return frozenset(p.name for spec in NODES.values() for p in spec.props if p.scalar == "date")


@dataclass(frozen=True)
class RelFilter:
    """A `where` filter over related nodes: (this)-[:rel]->(x:target), or (this)<-[:rel]-(x:target) when inward."""

    name: str
    rel: str
    target: str
    inward: bool


@cache
def filter_props(label: str) -> dict[str, Prop]:
    """GraphQL name -> property, for the properties `where` inputs may test."""
    return {p.graphql: p for p in BY_LABEL[label].props if p.filter}


@cache
def sort_props(label: str) -> dict[str, Prop]:
    """GraphQL name -> property, for the properties `sort` inputs may order by."""
    return {p.graphql: p for p in BY_LABEL[label].props if p.sort}


@cache
def rel_filters(label: str) -> dict[str, RelFilter]:
    """GraphQL name -> relationship filter, from the links' `filters` and the reverse fields marked `filter`."""
    spec = BY_LABEL[label]
    out: dict[str, RelFilter] = {}
    for link in spec.links:
        for name, target in link.filters.items():
            out[name] = RelFilter(name, link.rel, target, inward=False)
    for rev in spec.reverses:
        if rev.filter:
            out[rev.name] = RelFilter(rev.name, rev.source.rel, rev.source_label, inward=True)
    return out
