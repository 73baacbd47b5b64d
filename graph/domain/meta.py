"""Markers the domain model carries in `Annotated[...]` metadata: how a field is stored and served.

`graph/domain/spec.py` reads them once and derives everything else (labels, references, write order, Cypher,
GraphQL types and inputs). Pure data: no I/O, nothing of Neo4j or GraphQL is imported here.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Link:
    """A field holding the id(s) of other nodes, stored as a relationship `(this)-[:rel]->(target)`.

    target: a node label, or "Actor" (a Mission or an Organization).
    connection: serve a list as a paginated connection (long lists) instead of a plain list.
    graphql: the GraphQL field name when it is not the camelCase of the Python name.
    filters: names of `where` relationship filters on this link, each with the label it filters on
      ({"ledBy": "Organization"}; an Actor link may split into {"mission": "Mission", "organization": ...}).
    """

    rel: str
    target: str
    connection: bool = False
    graphql: str | None = None
    filters: dict[str, str] = field(default_factory=dict)
    doc: str | None = None


@dataclass(frozen=True)
class Reverse:
    """A field served on the *target* of a link: the nodes whose `field` points here (Organization.missions)."""

    name: str
    kind: str
    field: str
    connection: bool = True
    single: bool = False
    filter: bool = False
    doc: str | None = None


@dataclass(frozen=True)
class Component:
    """A list of sub-records stored as their own nodes (a transition's handovers), `(this)-[:rel]->(:label)`."""

    rel: str
    label: str


@dataclass(frozen=True)
class Computed:
    """A read-only GraphQL field computed in Cypher from `this` (an expression written here, never from requests)."""

    name: str
    graphql_type: str
    cypher: str
    doc: str | None = None


@dataclass(frozen=True)
class Filter:
    """The field can be filtered on in `where` inputs."""


@dataclass(frozen=True)
class Sort:
    """The field can be sorted on in `sort` inputs."""


FILTER = Filter()
SORT = Sort()
