"""Compile a GraphQL selection into one Cypher statement, the way the Neo4j GraphQL Library does.

Each root field becomes one statement returning one value already shaped like the response: nested relationships
become COLLECT/COUNT subqueries with their `where`, `sort`, cursor and `asOf` pushed into Cypher; only selected
properties are returned; `totalCount` and `pageInfo` are computed only when selected. Labels, relationship types,
property names and map keys come from the domain spec (aliases get generated keys, renamed afterwards); every value
is a parameter. A `Shape` says what little Python must still do to the value (aliases, cursors, union tags).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLIncludeDirective,
    GraphQLSchema,
    GraphQLSkipDirective,
    InlineFragmentNode,
    SelectionSetNode,
    is_abstract_type,
)
from graphql.execution.values import VariableValues, get_argument_values, get_directive_values

from peacegraph.api.inputs import as_plain
from peacegraph.api.pagination import CursorError, decode_cursor, encode_cursor
from peacegraph.graph.domain.rules import counted_statuses
from peacegraph.graph.domain.spec import ACTOR, BY_LABEL, NODES, ComponentSpec, LinkSpec, NodeSpec, ReverseSpec
from peacegraph.graph.store.filters import (
    FilterError,
    Params,
    cursor_condition,
    cursor_values,
    in_force,
    order_by,
    sort_keys,
    where,
)

FieldMap = dict[str, list[FieldNode]]
MIN_DATE, MAX_DATE = dt.date(1, 1, 2), dt.date(9999, 12, 30)


class CompileError(ValueError):
    """A caller error found while compiling (bad argument, page size, cursor, filter, cost): BAD_USER_INPUT."""

    def __init__(self, message: str, argument: str | None = None) -> None:
        super().__init__(message)
        self.argument = argument


@dataclass
class Shape:
    """How to turn a field's Cypher value into its response value.

    A node (or any object) comes back from Cypher as a list of its selected values, in selection order (compact on
    the wire, and the response keeps the order the client asked for); `fields` names them. A union value starts
    with its type name; a connection is a small map {rows, total, prev, next}.
    """

    fields: list[tuple[str, Shape | None]] = field(default_factory=list)
    union: dict[str, Shape] | None = None
    connection: Connection | None = None
    many: bool = False

    def as_list(self) -> Shape:
        """The same shape for a list of such values."""
        return Shape(self.fields, self.union, self.connection, many=True)


@dataclass
class Connection:
    """What to build from a connection's Cypher value {rows, total, prev, next}."""

    size: int
    backward: bool
    node: Shape | None
    edges_key: str | None
    node_key: str | None
    cursor_key: str | None
    page_info_key: str | None
    page_info: list[tuple[str, str]]  # (field, response key)
    total_key: str | None
    has_after: bool
    has_before: bool
    order: list[str] = field(default_factory=list)  # response keys in selection order
    edge_order: list[tuple[str, str]] = field(default_factory=list)  # (field, response key) of an edge
    typename: dict[str, str] = field(default_factory=dict)  # response key -> the connection's type name
    typename_edge: str = ""


def shape_value(value: Any, shape: Shape | None, tag: bool = False) -> Any:
    """Apply a shape to a Cypher value. `tag` keeps a union value's type name under "__typename" even when it was
    not selected (the normal executor resolves union types from it; the fast path leaves it out)."""
    if shape is None or value is None:
        return value
    if shape.many:
        return [_one(v, shape, tag) for v in value]
    return _one(value, shape, tag)


def _one(value: Any, shape: Shape, tag: bool) -> Any:
    if value is None:
        return None
    if shape.connection is not None:
        return _shape_connection(value, shape.connection, tag)
    if shape.union is not None:
        out = _record(value[1:], shape.union[value[0]], tag)
        if tag and "__typename" not in out:
            out["__typename"] = value[0]
        return out
    return _record(value, shape, tag)


def _record(values: list[Any], shape: Shape, tag: bool) -> dict[str, Any]:
    return {key: shape_value(v, sub, tag) for (key, sub), v in zip(shape.fields, values, strict=True)}


def _shape_connection(value: dict[str, Any], c: Connection, tag: bool) -> dict[str, Any]:
    rows = value.get("rows") or []
    more = len(rows) > c.size
    rows = rows[:c.size]
    if c.backward:
        rows = list(reversed(rows))
    out: dict[str, Any] = {}
    cursors = [encode_cursor(r[1]) for r in rows] if (c.cursor_key or c.page_info) else []
    if c.edges_key is not None:
        edges = []
        for i, r in enumerate(rows):
            edge: dict[str, Any] = {}
            for name, key in c.edge_order:
                if name == "node":
                    edge[key] = shape_value(r[0], c.node, tag)
                elif name == "cursor":
                    edge[key] = cursors[i]
                elif name == "__typename":
                    edge[key] = c.typename_edge
            edges.append(edge)
        out[c.edges_key] = edges
    if c.page_info_key is not None:
        info: dict[str, Any] = {}
        for name, key in c.page_info:
            if name == "hasNextPage":
                info[key] = (not c.backward and more) or (c.backward and bool(value.get("next")))
            elif name == "hasPreviousPage":
                info[key] = (c.backward and more) or (not c.backward and bool(value.get("prev")))
            elif name == "startCursor":
                info[key] = cursors[0] if cursors else None
            elif name == "endCursor":
                info[key] = cursors[-1] if cursors else None
            elif name == "__typename":
                info[key] = "PageInfo"
        out[c.page_info_key] = info
    if c.total_key is not None:
        out[c.total_key] = value.get("total", 0)
    out.update(c.typename)
    return {key: out[key] for key in c.order if key in out}


@dataclass
class Plan:
    """One compiled root field: its statement, parameters, how to shape the value, and its estimated cost."""

    text: str
    params: dict[str, Any]
    shape: Shape | None
    cost: int


class Compiler:
    """Compiles root fields of one operation; holds the operation's fragments, variables and limits."""

    def __init__(self, schema: GraphQLSchema, fragments: dict[str, FragmentDefinitionNode], variables: Any,
                 max_page_size: int, default_page_size: int = 20, today: dt.date | None = None,
                 max_list: int = 100) -> None:
        self.schema = schema
        self.fragments = fragments
        # graphql-core wants its VariableValues; a resolver's info may hold the plain coerced dict instead
        self.variables = VariableValues(sources={}, coerced=variables) if isinstance(variables, dict) else variables
        self.max_page_size = max_page_size
        self.default_page_size = min(default_page_size, max_page_size)
        self.today = today or dt.datetime.now(dt.UTC).date()
        self.max_list = max_list
        self.params = Params(max_list=max_list)
        self.cost = 0
        self._keys = 0

    # -- selection sets ----------------------------------------------------------------------------------------
    def collect_set(self, selection_set: SelectionSetNode, type_name: str) -> FieldMap:
        """The fields of one selection set for `type_name` (an operation's root selection)."""
        out: FieldMap = {}
        self._collect(selection_set, type_name, out, set())
        return out

    def collect(self, nodes: list[FieldNode], type_name: str) -> FieldMap:
        """The sub-fields selected under `nodes` for runtime type `type_name`, by response key (merged)."""
        out: FieldMap = {}
        for node in nodes:
            if node.selection_set is not None:
                self._collect(node.selection_set, type_name, out, set())
        return out

    def _collect(self, selection_set: SelectionSetNode, type_name: str, out: FieldMap, seen: set[str]) -> None:
        for sel in selection_set.selections:
            if not self._included(sel):
                continue
            if isinstance(sel, FieldNode):
                out.setdefault(sel.alias.value if sel.alias else sel.name.value, []).append(sel)
            elif isinstance(sel, InlineFragmentNode):
                cond = sel.type_condition.name.value if sel.type_condition else None
                if self._applies(cond, type_name):
                    self._collect(sel.selection_set, type_name, out, seen)
            elif isinstance(sel, FragmentSpreadNode):
                name = sel.name.value
                frag = self.fragments.get(name)
                if frag is None or name in seen:
                    continue
                if self._applies(frag.type_condition.name.value, type_name):
                    self._collect(frag.selection_set, type_name, out, seen | {name})

    def _applies(self, condition: str | None, type_name: str) -> bool:
        if condition is None or condition == type_name:
            return True
        cond_type = self.schema.get_type(condition)
        if cond_type is not None and is_abstract_type(cond_type):
            return any(t.name == type_name for t in self.schema.get_possible_types(cond_type))
        return False

    def _included(self, node: Any) -> bool:
        skip = get_directive_values(GraphQLSkipDirective, node, self.variables)
        if skip and skip.get("if") is True:
            return False
        include = get_directive_values(GraphQLIncludeDirective, node, self.variables)
        return not (include and include.get("if") is False)

    def args(self, type_name: str, node: FieldNode) -> dict[str, Any]:
        """The coerced arguments of a field (defaults applied), by GraphQL argument name."""
        gql_type: Any = self.schema.get_type(type_name)
        field_def = gql_type.fields[node.name.value]
        values = get_argument_values(field_def, node, self.variables)
        out = {}
        for name, arg in field_def.args.items():
            key = arg.out_name or name
            if key in values:
                out[name] = values[key]
            elif name in values:
                out[name] = values[name]
        return out

    def key(self, response_key: str, field_name: str) -> str:
        """The Cypher map key for a field: its schema name, or a generated one when the field is aliased."""
        if response_key == field_name:
            return field_name
        self._keys += 1
        return f"k{self._keys}"

    # -- node maps ---------------------------------------------------------------------------------------------
    @staticmethod
    def record(parts: list[tuple[str, str, Shape | None]]) -> tuple[str, Shape]:
        """A Cypher list of the given (response key, expression, shape) parts, and its shape."""
        return "[" + ", ".join(expr for _, expr, _ in parts) + "]", Shape(fields=[(k, sh) for k, _, sh in parts])

    def node_map(self, label: str, var: str, fields: FieldMap, weight: int) -> tuple[str, Shape]:
        """The selected fields of a node bound to `var`, as a Cypher list in selection order, and its shape."""
        spec = BY_LABEL[label]
        parts = []
        for rkey, nodes in fields.items():
            expr, sub = self.field_expr(spec, var, nodes[0].name.value, nodes, weight)
            parts.append((rkey, expr, sub))
        return self.record(parts)

    def union_map(self, labels: list[str], var: str, nodes: list[FieldNode], weight: int) -> tuple[str, Shape]:
        """A CASE over the labels of `var`: each branch its type name, then its type's selected fields."""
        branches, shapes = [], {}
        for label in labels:
            text, shape = self.node_map(label, var, self.collect(nodes, label), weight)
            branches.append(f"WHEN {var}:{label} THEN ['{label}'" + (", " + text[1:] if text != "[]" else "]"))
            shapes[label] = shape
        return "CASE " + " ".join(branches) + " END", Shape(union=shapes)

    def target_map(self, target: str, var: str, nodes: list[FieldNode], weight: int) -> tuple[str, Shape]:
        """The value of a related node of `target` (a label, or "Actor" for the Mission | Organization union)."""
        if target == ACTOR:
            return self.union_map(["Mission", "Organization"], var, nodes, weight)
        return self.node_map(target, var, self.collect(nodes, target), weight)

    def field_expr(self, spec: NodeSpec, var: str, name: str, nodes: list[FieldNode], weight: int
                   ) -> tuple[str, Shape | None]:
        """The Cypher expression of one selected field of a node, and its shape (None for scalars)."""
        self.cost += weight
        if name == "__typename":
            return f"'{spec.label}'", None
        for prop in spec.props:
            if prop.graphql == name:
                expr = f"{var}.{prop.name}"
                if prop.scalar == "date":
                    expr = f"toString({expr})"
                elif prop.scalar == "strings":
                    expr = f"coalesce({expr}, [])"
                return expr, None
        for comp in spec.computed:
            if comp.name == name:
                return re.sub(r"\bthis\b", var, comp.cypher), None
        if name == "sources" and spec.cites:
            return self.citations(var, nodes, weight)
        if name == "extraction" and spec.extraction:
            return self.extraction(var, nodes)
        for link in spec.links:
            if link.graphql == name:
                return self.link_expr(var, link, nodes, weight)
        for comp_spec in spec.components:
            if comp_spec.graphql == name:
                return self.component_expr(var, comp_spec, nodes, weight)
        for rev in spec.reverses:
            if rev.name == name:
                return self.reverse_expr(var, rev, nodes, weight)
        raise CompileError(f"{spec.label} has no field {name!r}")

    def citations(self, var: str, nodes: list[FieldNode], weight: int) -> tuple[str, Shape]:
        r, s = self.params.var("r"), self.params.var("s")
        parts: list[tuple[str, str, Shape | None]] = []
        for rkey, sub in self.collect(nodes, "Citation").items():
            name = sub[0].name.value
            if name == "source":
                expr, shape = self.node_map("Source", s, self.collect(sub, "Source"), weight)
                parts.append((rkey, expr, shape))
                continue
            exprs = {"locator": f"{r}.locator", "quote": f"{r}.quote", "sourceId": f"{s}.id",
                     "__typename": "'Citation'"}
            if name not in exprs:
                raise CompileError(f"Citation has no field {name!r}")
            parts.append((rkey, exprs[name], None))
        text, shape = self.record(parts)
        return (f"COLLECT {{ MATCH ({var})-[{r}:CITES]->({s}:Source) WITH {r}, {s} ORDER BY {s}.id, {r}.locator "
                f"RETURN {text} }}"), shape.as_list()

    def extraction(self, var: str, nodes: list[FieldNode]) -> tuple[str, Shape]:
        exprs = {"method": f"{var}.extraction_method", "confidence": f"coalesce({var}.extraction_confidence, 0.0)",
                 "review": f"coalesce({var}.extraction_review, 'pending')", "__typename": "'Extraction'"}
        parts: list[tuple[str, str, Shape | None]] = [
            (rkey, exprs[sub[0].name.value], None) for rkey, sub in self.collect(nodes, "Extraction").items()]
        text, shape = self.record(parts)
        return f"CASE WHEN {var}.extraction_method IS NULL THEN null ELSE {text} END", shape

    def link_expr(self, var: str, link: LinkSpec, nodes: list[FieldNode], weight: int) -> tuple[str, Shape]:
        t = self.params.var("t")
        pattern = f"({var})-[:{link.rel}]->({t}:{link.target})"
        if link.many and link.connection:
            target = NODES[link.target_kinds[0]]
            return self.connection(target.label, t, pattern, nodes, weight, owner=NODES[link.kind].label,
                                   field_name=link.graphql)
        text, shape = self.target_map(link.target, t, nodes, weight * (10 if link.many else 1))
        if link.many:
            return f"COLLECT {{ MATCH {pattern} WITH {t} ORDER BY {t}.id RETURN {text} }}", shape.as_list()
        return f"head(COLLECT {{ MATCH {pattern} WITH {t} ORDER BY {t}.id LIMIT 1 RETURN {text} }})", shape

    def reverse_expr(self, var: str, rev: ReverseSpec, nodes: list[FieldNode], weight: int) -> tuple[str, Shape]:
        t = self.params.var("t")
        label = rev.source_label
        pattern = f"({var})<-[:{rev.source.rel}]-({t}:{label})"
        if rev.connection and not rev.single:
            return self.connection(label, t, pattern, nodes, weight, owner=NODES[rev.owner].label,
                                   field_name=rev.name)
        text, shape = self.node_map(label, t, self.collect(nodes, label), weight * (1 if rev.single else 10))
        if rev.single:
            return f"head(COLLECT {{ MATCH {pattern} WITH {t} ORDER BY {t}.id LIMIT 1 RETURN {text} }})", shape
        return f"COLLECT {{ MATCH {pattern} WITH {t} ORDER BY {t}.id RETURN {text} }}", shape.as_list()

    def component_expr(self, var: str, comp: ComponentSpec, nodes: list[FieldNode], weight: int
                       ) -> tuple[str, Shape]:
        h = self.params.var("h")
        order = [f"head([({h})-[:{lk.rel}]->(o:{lk.target}) | o.id])" for lk in comp.links]
        parts: list[tuple[str, str, Shape | None]] = []
        for rkey, sub in self.collect(nodes, comp.label).items():
            name = sub[0].name.value
            if name == "__typename":
                parts.append((rkey, f"'{comp.label}'", None))
                continue
            link = next((lk for lk in comp.links if name in (lk.graphql, f"{lk.graphql}Id")), None)
            if link is None:
                raise CompileError(f"{comp.label} has no field {name!r}")
            t = self.params.var("t")
            if name == f"{link.graphql}Id":
                parts.append((rkey, f"head([({h})-[:{link.rel}]->({t}:{link.target}) | {t}.id])", None))
            else:
                text, shape = self.target_map(link.target, t, sub, weight)
                parts.append((rkey, f"head(COLLECT {{ MATCH ({h})-[:{link.rel}]->({t}:{link.target}) "
                                    f"RETURN {text} }})", shape))
        text, shape = self.record(parts)
        return (f"COLLECT {{ MATCH ({var})-[:{comp.rel}]->({h}:{comp.label}) WITH {h} ORDER BY {', '.join(order)} "
                f"RETURN {text} }}"), shape.as_list()

    # -- connections -------------------------------------------------------------------------------------------
    def page_size(self, value: int | None, argument: str) -> int:
        if value is None:
            return self.default_page_size
        if not 0 <= value <= self.max_page_size:
            raise CompileError(f"`{argument}` must be between 0 and {self.max_page_size} (got {value})", argument)
        return value

    def as_of(self, args: dict[str, Any], owner: str, field_name: str) -> dt.date | None:
        """A nested dated list's date: the one given, today when not given, None (all time) when null."""
        if "asOf" not in args:
            return self.today
        value = args["asOf"]
        if value is not None and not MIN_DATE <= value <= MAX_DATE:
            raise CompileError(f"`asOf` of {owner}.{field_name} must lie between {MIN_DATE} and {MAX_DATE}", "asOf")
        return value

    def connection(self, label: str, var: str, pattern: str, nodes: list[FieldNode], weight: int,
                   owner: str | None = None, field_name: str = "", root: bool = False) -> tuple[str, Shape]:
        """The value of a connection over nodes of `label` matched by `pattern` (binding `var`)."""
        node = nodes[0]
        type_name = "Query" if root else (owner or "")
        args = self.args(type_name, node) if (root or owner) else {}
        where_spec = as_plain(args.get("where"))
        sort_pairs = [(k, v) for item in as_plain(args.get("sort") or []) for k, v in item.items()]
        try:
            keys = sort_keys(label, sort_pairs)
            conds = [where(label, var, where_spec, self.params)]
        except FilterError as exc:
            raise CompileError(str(exc), "where") from None
        spec = BY_LABEL[label]
        if spec.dated and not root:
            on = self.as_of(args, owner or label, field_name)
            if on is not None:
                conds.append(in_force(var, f"date({self.params.add(on.isoformat())})",
                                      self.params.add(counted_statuses())))
        first, last = args.get("first"), args.get("last")
        after, before = args.get("after"), args.get("before")
        if first is not None and last is not None:
            raise CompileError("give `first` or `last`, not both", "last")
        backward = last is not None or (before is not None and first is None)
        size = self.page_size(last if backward else first, "last" if backward else "first")
        kinds = [k.scalar if k.scalar in ("number", "date") else "string" for k in keys]
        cursor_conds = []
        for name, cursor, is_after in (("after", after, True), ("before", before, False)):
            if cursor is not None:
                try:
                    values = decode_cursor(cursor, kinds, name)
                except CursorError as exc:
                    raise CompileError(str(exc), name) from None
                cursor_conds.append((is_after, cursor_condition(var, keys, values, self.params, after=is_after),
                                     values))
        fields = self.collect(nodes, f"{label}Connection")
        conn = Connection(size=size, backward=backward, node=None, edges_key=None, node_key=None, cursor_key=None,
                          page_info_key=None, page_info=[], total_key=None, has_after=after is not None,
                          has_before=before is not None)
        node_text = "null"
        want_rows = False
        fanout = max(size, 1)
        for rkey, sub in fields.items():
            name = sub[0].name.value
            if name == "edges":
                conn.edges_key = rkey
                want_rows = True
                conn.typename_edge = f"{label}Edge"
                for ekey, esub in self.collect(sub, f"{label}Edge").items():
                    ename = esub[0].name.value
                    conn.edge_order.append((ename, ekey))
                    if ename == "node":
                        conn.node_key = ekey
                        node_text, conn.node = self.node_map(label, var, self.collect(esub, label),
                                                             weight * fanout)
                    elif ename == "cursor":
                        conn.cursor_key = ekey
            elif name == "pageInfo":
                conn.page_info_key = rkey
                want_rows = True
                conn.page_info = [(p[0].name.value, pkey) for pkey, p in self.collect(sub, "PageInfo").items()]
            elif name == "totalCount":
                conn.total_key = rkey
            elif name == "__typename":
                conn.typename[rkey] = f"{label}Connection"
        conn.order = list(fields)
        self.cost += weight
        base = " AND ".join(conds)
        parts = []
        asked = {p for p, _ in conn.page_info}
        page_filter = " AND ".join(c for _, c, _ in cursor_conds) or "true"
        limit = self.params.add(size + 1)
        page = (f"WITH {var} WHERE {page_filter} WITH {var} ORDER BY {order_by(var, keys, backward)} LIMIT {limit} "
                f"RETURN [{node_text}, {cursor_values(var, keys)}]")
        edge_checks = [(is_after, cond) for is_after, cond, _ in cursor_conds
                       if (is_after and not backward and "hasPreviousPage" in asked)
                       or (not is_after and backward and "hasNextPage" in asked)]
        if want_rows and conn.total_key is not None:
            # match once, then count, page and check the other side of the cursor over the matched nodes
            m = self.params.var("m")
            parts.append(f"total: size({m})")
            parts.append(f"rows: COLLECT {{ UNWIND {m} AS {var} {page} }}")
            for is_after, cond in edge_checks:
                parts.append(f"{'prev' if is_after else 'next'}: "
                             f"size([{var} IN {m} WHERE NOT {cond}]) > 0")
            # bound by a WITH inside a subquery, not a list comprehension: Neo4j 5.26 fails on three levels of
            # comprehension variables used inside COLLECT subqueries (internal error, "VirtualNodeValue.id()")
            return (f"head(COLLECT {{ WITH COLLECT {{ MATCH {pattern} WHERE {base} RETURN {var} }} AS {m} "
                    f"RETURN {{{', '.join(parts)}}} }})"), Shape(connection=conn)
        if want_rows:
            parts.append(f"rows: COLLECT {{ MATCH {pattern} WHERE {base} {page} }}")
            for is_after, cond in edge_checks:
                parts.append(f"{'prev' if is_after else 'next'}: EXISTS {{ MATCH {pattern} WHERE {base} AND NOT {cond} }}")
        if conn.total_key is not None:
            parts.append(f"total: COUNT {{ MATCH {pattern} WHERE {base} }}")
        return "{" + ", ".join(parts) + "}", Shape(connection=conn)

    # -- root fields -------------------------------------------------------------------------------------------
    def root_list(self, label: str, nodes: list[FieldNode]) -> Plan:
        var = "this"
        text, shape = self.connection(label, var, f"({var}:{label})", nodes, 1, root=True)
        return self._plan(f"RETURN {text} AS value", shape)

    def root_one(self, label: str, node_id: str, nodes: list[FieldNode]) -> Plan:
        var = "this"
        text, shape = self.node_map(label, var, self.collect(nodes, label), 1)
        return self._plan(f"OPTIONAL MATCH ({var}:{label} {{id: {self.params.add(node_id)}}})\n"
                          f"RETURN CASE WHEN {var} IS NULL THEN null ELSE {text} END AS value", shape)

    def root_node(self, node_id: str, nodes: list[FieldNode]) -> Plan:
        """`node(id)`: the most specific kind that has this id (a resolution is a Mandate before a Source)."""
        var = "this"
        order = ["Mission", "Organization", "Place", "Mandate", "Coverage", "FundingLine", "Transition",
                 "Agreement", "Task", "Source"]
        p = self.params.add(node_id)
        lookups = "\n  UNION ALL\n".join(f"  MATCH ({var}:{label} {{id: {p}}}) RETURN {var}, {i} AS rank"
                                         for i, label in enumerate(order))
        text, shape = self.union_map(order, var, nodes, 1)
        return self._plan(f"CALL () {{\n{lookups}\n}}\nWITH {var} ORDER BY rank LIMIT 1\nRETURN {text} AS value",
                          shape)

    def root_by_ids(self, label: str, ids: list[str], nodes: list[FieldNode]) -> Plan:
        """Nodes of `label` by id, in the given order (missing ids left out): for fields that hold ids."""
        var = "this"
        shape: Shape | None
        if label == ACTOR:
            text, shape = self.union_map(["Mission", "Organization"], var, nodes, 1)
            match = f"MATCH ({var}:Actor {{id: id}})"
        else:
            text, shape = self.node_map(label, var, self.collect(nodes, label), 1)
            match = f"MATCH ({var}:{label} {{id: id}})"
        return self._plan(f"UNWIND {self.params.add(ids)} AS id\n{match}\nRETURN id, {text} AS value", shape)

    def root_search(self, query: str, limit: int, nodes: list[FieldNode]) -> Plan:
        """`search(text, first)`: full-text hits with the selected fields of each hit and its node."""
        var = "this"
        labels = ["Organization", "Mission", "Place", "Mandate", "Source", "Task", "Agreement"]
        hit_exprs = {
            "id": f"{var}.id", "score": "score", "__typename": "'SearchHit'",
            "label": f"[l IN labels({var}) WHERE l IN [{', '.join(repr(x) for x in labels)}]][0]",
            "name": f"coalesce({var}.acronym, {var}.name, {var}.title, {var}.label, {var}.id)",
            "title": f"coalesce({var}.name, {var}.title, {var}.label)",
        }
        parts: list[tuple[str, str, Shape | None]] = []
        for rkey, sub in self.collect(nodes, "SearchHit").items():
            name = sub[0].name.value
            if name == "node":
                expr, shape = self.union_map(labels, var, sub, 1)
                parts.append((rkey, expr, shape))
            elif name in hit_exprs:
                parts.append((rkey, hit_exprs[name], None))
            else:
                raise CompileError(f"SearchHit has no field {name!r}")
        text, shape = self.record(parts)
        condition = " OR ".join(f"{var}:{label}" for label in labels)
        return self._plan(
            f"CALL db.index.fulltext.queryNodes('entity_names', {self.params.add(query)}) YIELD node AS {var}, score\n"
            f"WITH {var}, score WHERE {condition}\nWITH {var}, score ORDER BY score DESC, {var}.id "
            f"LIMIT {self.params.add(limit)}\nRETURN collect({text}) AS value", shape.as_list())

    def _plan(self, text: str, shape: Shape | None) -> Plan:
        return Plan(text, dict(self.params.values), shape, self.cost)

