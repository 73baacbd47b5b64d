"""Compile `where` filters, sorts, keyset-cursor conditions and the in-force test into Cypher expressions.

Only labels, relationship types and property names from the domain spec reach the Cypher text; every value from a
request becomes a parameter (`$p0`, `$p1`, …). List sizes in filters are bounded, so a filter sent as variables
obeys the same limits as one written in the document.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, LiteralString, cast

from peacegraph.graph.domain.spec import BY_LABEL, Prop, filter_props, rel_filters, sort_props

STRING_OPS = {"eq": "=", "contains": "CONTAINS", "startsWith": "STARTS WITH", "endsWith": "ENDS WITH"}
ORDER_OPS = {"eq": "=", "lt": "<", "lte": "<=", "gt": ">", "gte": ">="}
ENUM_OPS = {"eq": "="}


class FilterError(ValueError):
    """A filter or sort the schema does not allow, or one over the size limits; the message says which."""


@dataclass
class Params:
    """The parameters of one statement, and fresh variable names for its subqueries."""

    values: dict[str, Any] = field(default_factory=dict)
    counter: int = 0
    max_list: int = 100
    weight: int = 0  # how many conditions filters added (counted into a request's cost)

    def add(self, value: Any) -> str:
        name = f"p{len(self.values)}"
        self.values[name] = value
        return f"${name}"

    def var(self, prefix: str = "x") -> str:
        self.counter += 1
        return f"{prefix}{self.counter}"


def _ops(params: Params, expr: str, prop: Prop, ops: dict[str, Any], where: str) -> list[str]:
    out = []
    kind = prop.scalar
    for op, value in ops.items():
        if value is None:
            continue
        params.weight += 1
        if op == "in":
            if len(value) > params.max_list:
                raise FilterError(f"{where}.in lists {len(value)} values; at most {params.max_list} are allowed")
            values = [str(v) if kind == "date" else v for v in value]
            out.append(f"{expr} IN [v IN {params.add(values)} | date(v)]" if kind == "date"
                       else f"{expr} IN {params.add(values)}")
        elif op == "isNull":
            out.append(f"{expr} IS NULL" if value else f"{expr} IS NOT NULL")
        elif kind in ("date", "number") and op in ORDER_OPS:
            rhs = f"date({params.add(str(value))})" if kind == "date" else params.add(value)
            out.append(f"{expr} {ORDER_OPS[op]} {rhs}")
        elif kind == "enum" and op in ENUM_OPS:
            out.append(f"{expr} = {params.add(value)}")
        elif kind not in ("date", "number", "enum") and op in STRING_OPS:
            out.append(f"{expr} {STRING_OPS[op]} {params.add(value)}")
        else:
            raise FilterError(f"{where}: operator {op!r} does not apply to a {kind} field")
    return out


def where(label: str, var: str, spec: dict[str, Any] | None, params: Params, path: str = "where") -> str:
    """A boolean Cypher expression for the filter `spec` (GraphQL field names) about `var` of `label`."""
    if not spec:
        return "true"
    props, rels = filter_props(label), rel_filters(label)
    parts: list[str] = []
    for key, value in spec.items():
        if value is None:
            continue
        if key in ("AND", "OR"):
            if len(value) > params.max_list:
                raise FilterError(f"{path}.{key} lists {len(value)} filters; at most {params.max_list} are allowed")
            inner = [where(label, var, v, params, f"{path}.{key}[{i}]") for i, v in enumerate(value)]
            joiner = " AND " if key == "AND" else " OR "
            parts.append("(" + joiner.join(inner) + ")" if inner else ("true" if key == "AND" else "false"))
        elif key == "NOT":
            parts.append(f"NOT ({where(label, var, value, params, f'{path}.NOT')})")
        elif key in props:
            prop = props[key]
            parts.extend(_ops(params, f"{var}.{prop.name}", prop, value, f"{path}.{key}"))
        elif key in rels:
            rel = rels[key]
            for quantifier, sub in value.items():
                if sub is None:
                    continue
                if quantifier not in ("some", "none"):
                    raise FilterError(f"{path}.{key}: unknown quantifier {quantifier!r} (use some or none)")
                x = params.var()
                arrow = f"<-[:{rel.rel}]-" if rel.inward else f"-[:{rel.rel}]->"
                cond = where(rel.target, x, sub, params, f"{path}.{key}.{quantifier}")
                exists = f"EXISTS {{ MATCH ({var}){arrow}({x}:{rel.target}) WHERE {cond} }}"
                params.weight += 5
                parts.append(exists if quantifier == "some" else f"NOT {exists}")
        else:
            raise FilterError(f"{path}: {label} has no filterable field {key!r}")
    return " AND ".join(parts) if parts else "true"


@dataclass(frozen=True)
class SortKey:
    """One key of an order: the property, its direction, and its value kind (for cursors)."""

    prop: str
    direction: str
    scalar: str


def sort_keys(label: str, sort: list[tuple[str, str]] | None) -> list[SortKey]:
    """The order for (GraphQL field, ASC|DESC) pairs; the id always ends it, so cursors are unique."""
    props = sort_props(label)
    keys = []
    for name, direction in sort or []:
        if name not in props or direction not in ("ASC", "DESC"):
            raise FilterError(f"sort: cannot sort {label} by {name!r} {direction!r}")
        if name != "id":
            keys.append(SortKey(props[name].name, direction, props[name].scalar))
    keys.append(SortKey("id", next((d for n, d in sort or [] if n == "id"), "ASC"), "string"))
    return keys


def order_by(var: str, keys: list[SortKey], backward: bool = False) -> str:
    """ORDER BY text; `backward` flips every direction (for `last`/`before`)."""
    def flip(d: str) -> str:
        return {"ASC": "DESC", "DESC": "ASC"}[d] if backward else d

    return ", ".join(f"{var}.{k.prop} {flip(k.direction)}" for k in keys)


def cursor_values(var: str, keys: list[SortKey]) -> str:
    """The Cypher list a node's cursor is made of (dates as ISO text)."""
    return "[" + ", ".join(f"toString({var}.{k.prop})" if k.scalar == "date" else f"{var}.{k.prop}"
                           for k in keys) + "]"


def _strictly(expr: str, value_param: str, value: Any, direction: str, after: bool) -> str:
    """`expr` lies strictly after (or before) `value` in this direction; Neo4j sorts nulls last ascending."""
    ascending_after = (direction == "ASC") == after
    if value is None:
        return "false" if ascending_after else f"{expr} IS NOT NULL"
    return f"({expr} > {value_param} OR {expr} IS NULL)" if ascending_after else f"{expr} < {value_param}"


def cursor_condition(var: str, keys: list[SortKey], values: list[Any], params: Params, after: bool) -> str:
    """Nodes strictly after (`after`) or before the cursor's position in the order (lexicographic on the keys)."""
    terms = []
    for i, key in enumerate(keys):
        expr = f"{var}.{key.prop}"
        same = []
        for k, v in zip(keys[:i], values[:i], strict=True):
            e = f"{var}.{k.prop}"
            same.append(f"{e} IS NULL" if v is None else
                        f"{e} = {'date(' + params.add(v) + ')' if k.scalar == 'date' else params.add(v)}")
        value = values[i]
        param = "" if value is None else (f"date({params.add(value)})" if key.scalar == "date" else params.add(value))
        terms.append(" AND ".join([*same, _strictly(expr, param, value, key.direction, after)]))
    return "(" + " OR ".join(f"({t})" for t in terms) + ")"


def in_force(var: str, on_param: str, statuses_param: str) -> str:
    """The one in-force test in Cypher (graph/domain/rules.py states it): dates and counted statuses."""
    return (f"({var}.valid_from IS NULL OR {var}.valid_from <= {on_param}) AND "
            f"({var}.valid_to IS NULL OR {var}.valid_to > {on_param}) AND "
            f"coalesce({var}.status, 'actual') IN {statuses_param}")


def literal(text: str) -> LiteralString:
    """Mark Cypher text built here from spec identifiers and parameter names only as a literal statement."""
    return cast(LiteralString, text)


def known_label(label: str) -> str:
    if label not in BY_LABEL:
        raise FilterError(f"unknown label {label!r}")
    return label
