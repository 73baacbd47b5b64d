"""`where`, relationship and `sort` inputs for every node type, generated from the domain spec.

The operators follow the Neo4j GraphQL Library: `{name: {contains: "Mali"}}`, `{ledBy: {some: {id: {eq: "un"}}}}`,
`AND`/`OR`/`NOT`. A property's filter type follows its type (string, date, number or one of the model's enums).
"""

from __future__ import annotations

import datetime as dt
import sys
from enum import Enum
from typing import Any

import strawberry

from peacegraph.api.enums import SortDirection, graphql_enum, model_enums
from peacegraph.graph.domain.spec import NODES, Prop, rel_filters


@strawberry.input(description="String operators.")
class StringFilter:
    eq: str | None = None
    in_: list[str] | None = strawberry.field(default=None, name="in")
    contains: str | None = None
    starts_with: str | None = strawberry.field(default=None, name="startsWith")
    ends_with: str | None = strawberry.field(default=None, name="endsWith")
    is_null: bool | None = strawberry.field(default=None, name="isNull")


@strawberry.input(description="Date operators.")
class DateFilter:
    eq: dt.date | None = None
    in_: list[dt.date] | None = strawberry.field(default=None, name="in")
    lt: dt.date | None = None
    lte: dt.date | None = None
    gt: dt.date | None = None
    gte: dt.date | None = None
    is_null: bool | None = strawberry.field(default=None, name="isNull")


@strawberry.input(description="Number operators.")
class FloatFilter:
    eq: float | None = None
    in_: list[float] | None = strawberry.field(default=None, name="in")
    lt: float | None = None
    lte: float | None = None
    gt: float | None = None
    gte: float | None = None
    is_null: bool | None = strawberry.field(default=None, name="isNull")


_MODULE = sys.modules[__name__]


def _register(cls: type) -> Any:
    setattr(_MODULE, cls.__name__, cls)
    return cls


def _enum_filter(enum: Any) -> Any:
    """`<Enum>Filter {eq, in, isNull}` for an enum-valued property."""
    name = f"{enum.__name__}Filter"
    if hasattr(_MODULE, name):
        return getattr(_MODULE, name)
    cls = type(name, (), {
        "__annotations__": {"eq": enum | None, "in_": list[enum] | None, "is_null": bool | None},
        "__module__": __name__,
        "eq": None, "in_": strawberry.field(default=None, name="in"),
        "is_null": strawberry.field(default=None, name="isNull"),
    })
    return _register(strawberry.input(cls, description=f"{enum.__name__} operators."))


def filter_type(prop: Prop) -> Any:
    """The operator input a property is filtered with."""
    if prop.scalar == "enum":
        assert prop.enum is not None
        return _enum_filter(graphql_enum(prop.enum))
    return {"date": DateFilter, "number": FloatFilter}.get(prop.scalar, StringFilter)


def _where(label: str) -> None:
    spec = next(s for s in NODES.values() if s.label == label)
    annotations: dict[str, Any] = {}
    namespace: dict[str, Any] = {"__module__": __name__}
    for prop in spec.props:
        if prop.filter:
            attr = f"p_{prop.name}"
            annotations[attr] = filter_type(prop) | None
            namespace[attr] = strawberry.field(default=None, name=prop.graphql)
    for name, rel in rel_filters(label).items():
        attr = f"r_{name}"
        annotations[attr] = f"{rel.target}Relation | None"
        namespace[attr] = strawberry.field(default=None, name=name)
    for op in ("AND", "OR"):
        annotations[op] = f"list[{label}Where] | None"
        namespace[op] = None
    annotations["NOT"] = f"{label}Where | None"
    namespace["NOT"] = None
    namespace["__annotations__"] = annotations
    _register(strawberry.input(type(f"{label}Where", (), namespace)))


def _relation(label: str) -> None:
    namespace = {"__module__": __name__, "__annotations__": {"some": f"{label}Where | None",
                                                              "none": f"{label}Where | None"},
                 "some": None, "none": None}
    _register(strawberry.input(type(f"{label}Relation", (), namespace),
                               description="Relationship filter: some related node matches, or none does."))


def _sort(label: str) -> None:
    spec = next(s for s in NODES.values() if s.label == label)
    props = [p for p in spec.props if p.sort]
    namespace: dict[str, Any] = {"__module__": __name__,
                                 "__annotations__": {f"p_{p.name}": SortDirection | None for p in props}}
    namespace.update({f"p_{p.name}": strawberry.field(default=None, name=p.graphql) for p in props})
    _register(strawberry.input(type(f"{label}Sort", (), namespace),
                               description=f"Sort {label} results; the id breaks ties."))


for _enum in model_enums():
    _enum_filter(graphql_enum(_enum))
for _spec in NODES.values():
    _where(_spec.label)
    _relation(_spec.label)
    _sort(_spec.label)


def where_input(label: str) -> Any:
    return getattr(_MODULE, f"{label}Where")


def sort_input(label: str) -> Any:
    return getattr(_MODULE, f"{label}Sort")


def as_plain(obj: Any) -> Any:
    """A strawberry input value as plain data keyed by GraphQL field names (enums as their values)."""
    if isinstance(obj, list):
        return [as_plain(x) for x in obj]
    if isinstance(obj, Enum):
        return obj.value
    if isinstance(obj, dict):
        return {k: as_plain(v) for k, v in obj.items() if v is not None and v is not strawberry.UNSET}
    definition = getattr(obj, "__strawberry_definition__", None)
    if definition is None:
        return obj
    out = {}
    for f in definition.fields:
        value = getattr(obj, f.python_name)
        if value is None or value is strawberry.UNSET:
            continue
        out[f.graphql_name or f.python_name] = as_plain(value)
    return out
