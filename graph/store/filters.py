"""Root-list queries: compile a `where` filter and a sort into Cypher from schema identifiers only.

Only property names, labels and relationship patterns from the domain spec reach the Cypher text; every value
from a request becomes a parameter. The template is cypher/list_ids.cypher.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from neo4j import RoutingControl

from peacegraph.graph.domain.spec import BY_LABEL, filter_props, rel_filters, sort_props
from peacegraph.graph.store.catalog import statement
from peacegraph.graph.store.database import Database

STRING_OPS = {"eq": "=", "contains": "CONTAINS", "startsWith": "STARTS WITH", "endsWith": "ENDS WITH"}
ORDER_OPS = {"eq": "=", "lt": "<", "lte": "<=", "gt": ">", "gte": ">="}


class FilterError(ValueError):
    """A filter names something the schema does not have (the API's types prevent this; scripts may not)."""


@dataclass
class Compiler:
    params: dict[str, Any] = field(default_factory=dict)
    counter: int = 0

    def param(self, value: Any) -> str:
        name = f"p{len(self.params)}"
        self.params[name] = value
        return f"${name}"

    def var(self) -> str:
        self.counter += 1
        return f"x{self.counter}"

    def where(self, label: str, node: str, spec: dict[str, Any] | None) -> str:
        """A boolean Cypher expression for `spec` about variable `node` of `label`."""
        if not spec:
            return "true"
        parts = []
        fields = {k: (p.name, p.scalar) for k, p in filter_props(label).items()}
        rels = {k: (f"(n)<-[:{r.rel}]-(x:{r.target})" if r.inward else f"(n)-[:{r.rel}]->(x:{r.target})", r.target)
                for k, r in rel_filters(label).items()}
        for key, value in spec.items():
            if value is None:
                continue
            if key == "AND":
                parts.append("(" + " AND ".join(self.where(label, node, v) for v in value) + ")" if value else "true")
            elif key == "OR":
                parts.append("(" + " OR ".join(self.where(label, node, v) for v in value) + ")" if value else "false")
            elif key == "NOT":
                parts.append(f"NOT ({self.where(label, node, value)})")
            elif key in fields:
                prop, kind = fields[key]
                parts.extend(self.ops(f"{node}.{prop}", kind, value))
            elif key in rels:
                pattern, target = rels[key]
                for quantifier, sub in value.items():
                    if sub is None:
                        continue
                    x = self.var()
                    pat = pattern.replace("(n)", f"({node})").replace("(x:", f"({x}:")
                    inner = f"EXISTS {{ MATCH {pat} WHERE {self.where(target, x, sub)} }}"
                    if quantifier == "some":
                        parts.append(inner)
                    elif quantifier == "none":
                        parts.append(f"NOT {inner}")
                    else:
                        raise FilterError(f"unknown relationship quantifier {quantifier!r} (use some or none)")
            else:
                raise FilterError(f"{label} has no filterable field {key!r}")
        return " AND ".join(parts) if parts else "true"

    def ops(self, prop: str, kind: str, ops: dict[str, Any]) -> list[str]:
        out = []
        for op, value in ops.items():
            if value is None:
                continue
            if op == "in":
                out.append(f"{prop} IN {self.param(list(value))}")
            elif op == "isNull":
                out.append(f"{prop} IS NULL" if value else f"{prop} IS NOT NULL")
            elif kind in ("date", "number") and op in ORDER_OPS:
                out.append(f"{prop} {ORDER_OPS[op]} {self.param(value)}")
            elif kind not in ("date", "number") and op in STRING_OPS:
                out.append(f"{prop} {STRING_OPS[op]} {self.param(value)}")
            else:
                raise FilterError(f"operator {op!r} does not apply to {kind} field {prop}")
        return out


def order_by(label: str, sort: list[tuple[str, str]] | None) -> str:
    """ORDER BY text from (api field, ASC|DESC) pairs; the id breaks ties so cursors are stable."""
    fields = {k: (p.name, p.scalar) for k, p in sort_props(label).items()}
    parts = []
    for key, direction in sort or []:
        if key not in fields or direction not in ("ASC", "DESC"):
            raise FilterError(f"cannot sort {label} by {key!r} {direction!r}")
        parts.append(f"n.{fields[key][0]} {direction}")
    parts.append("n.id ASC")
    return ", ".join(parts)


def compile_list(label: str, where: dict[str, Any] | None, sort: list[tuple[str, str]] | None) -> tuple[str, dict]:
    """The list query for `label` and its parameters (without skip/limit)."""
    if label not in BY_LABEL:
        raise FilterError(f"unknown label {label!r}")
    compiler = Compiler()
    condition = compiler.where(label, "n", where)
    text = (statement("list_ids").replace("{label}", label).replace("{where}", condition)
            .replace("{order}", order_by(label, sort)))
    return text, compiler.params


async def list_ids(graph: Database, label: str, where: dict[str, Any] | None, sort: list[tuple[str, str]] | None,
                   skip: int, limit: int) -> tuple[int, list[str]]:
    """Total matching and one page of ids, in one round trip."""
    text, params = compile_list(label, where, sort)
    graph.round_trips += 1
    records, _, _ = await graph.driver.execute_query(
        text, {**params, "skip": skip, "limit": limit}, database_=graph.database, routing_=RoutingControl.READ)
    row = records[0]
    return row["total"], list(row["page"])
