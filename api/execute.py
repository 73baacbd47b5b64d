"""Run compiled root fields: from a resolver (any operation), or for a whole read operation at once.

An operation whose root fields all read nodes (lists, by id, `node`, `search`) is answered without graphql-core's
field-by-field execution: each root field is one compiled statement, the values come back shaped like the response,
and only aliases, cursors and union tags are touched in Python. Any other operation (analyses, mutations,
introspection) runs normally; its node fields use the same compiler through their resolvers.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import AsyncIterator
from typing import Any

from graphql import (
    ExecutionResult,
    FieldNode,
    GraphQLError,
    GraphQLResolveInfo,
    GraphQLSchema,
    OperationDefinitionNode,
    OperationType,
)
from graphql.execution.values import get_variable_values
from strawberry.extensions import SchemaExtension
from strawberry.types import Info

from peacegraph.api.compile import CompileError, Compiler, Plan, shape_value
from peacegraph.api.errors import UserError
from peacegraph.graph.domain.spec import NODES
from peacegraph.graph.store.database import Database
from peacegraph.graph.store.filters import literal

ONE_FIELDS: dict[str, str] = {}  # root field -> label, e.g. mission -> Mission
LIST_FIELDS: dict[str, str] = {}  # root field -> label, e.g. missions -> Mission
for _kind, _spec in NODES.items():
    _single = _spec.label[0].lower() + _spec.label[1:]
    ONE_FIELDS[_single] = _spec.label
    _plural = "".join(p.title() if i else p for i, p in enumerate(_kind.split("_")))
    LIST_FIELDS[_plural] = _spec.label
COMPILED_ROOT_FIELDS = frozenset({*ONE_FIELDS, *LIST_FIELDS, "node", "__typename"})


def compiler_for(info: Info | GraphQLResolveInfo, **limits: Any) -> Compiler:
    raw: GraphQLResolveInfo = getattr(info, "_raw_info", info)
    settings = raw.context.settings
    return Compiler(raw.schema, raw.fragments, raw.variable_values, settings.max_page_size,
                    max_list=settings.max_filter_list, today=dt.datetime.now(dt.UTC).date(), **limits)


async def run(db: Database, plan: Plan, tag: bool = True) -> Any:
    """The shaped value of a compiled root field (None when its statement returns no row). `tag` keeps union
    type names for the normal executor; the fast path, which answers directly, leaves them out when unasked."""
    rows = await db.run(literal(plan.text), plan.params)
    return shape_value(rows[0]["value"], plan.shape, tag) if rows else None


async def run_by_ids(db: Database, plan: Plan) -> dict[str, Any]:
    """id -> shaped value, for a compiled by-ids statement (for the normal executor)."""
    rows = await db.run(literal(plan.text), plan.params)
    return {r["id"]: shape_value(r["value"], plan.shape, True) for r in rows}


def compile_root(compiler: Compiler, name: str, nodes: list[FieldNode], args: dict[str, Any]) -> Plan:
    """The plan of one compiled root field."""
    if name in LIST_FIELDS:
        return compiler.root_list(LIST_FIELDS[name], nodes)
    if name in ONE_FIELDS:
        return compiler.root_one(ONE_FIELDS[name], str(args["id"]), nodes)
    if name == "node":
        return compiler.root_node(str(args["id"]), nodes)
    raise CompileError(f"{name} is not a compiled field")


def check_cost(compiler: Compiler, budget: int) -> None:
    if compiler.cost > budget:
        raise CompileError(f"this query's estimated cost is {compiler.cost}, over the budget of {budget}: ask for "
                           "fewer items per page (first/last) or fewer nested lists", "first")


async def resolve_root(info: Info, **args: Any) -> Any:
    """The resolver of a compiled root field inside a normally executed operation."""
    raw: GraphQLResolveInfo = info._raw_info
    compiler = compiler_for(info)
    try:
        plan = compile_root(compiler, raw.field_name, raw.field_nodes, args)
        check_cost(compiler, info.context.settings.max_cost)
    except CompileError as exc:
        raise UserError(str(exc), argument=exc.argument) from None
    return await run(info.context.graph, plan)


class CompiledOperations(SchemaExtension):
    """Answers read operations made only of compiled root fields in one statement per root field."""

    async def on_execute(self) -> AsyncIterator[None]:
        ctx = self.execution_context
        if ctx.result is None:
            result = await self._try(ctx)
            if result is not None:
                ctx.result = result
        yield

    async def _try(self, ctx: Any) -> ExecutionResult | None:
        operation: OperationDefinitionNode | None = getattr(ctx, "_graphql_operation", None) or _operation(ctx)
        context = ctx.context
        if operation is None or operation.operation != OperationType.QUERY or not _may_read(context):
            return None
        schema: GraphQLSchema = ctx.schema._schema
        coerced = get_variable_values(schema, operation.variable_definitions or (), ctx.variables or {})
        if isinstance(coerced, list):
            return None
        fragments = {d.name.value: d for d in ctx.graphql_document.definitions
                     if d.__class__.__name__ == "FragmentDefinitionNode"}
        settings = context.settings
        compiler = Compiler(schema, fragments, coerced, settings.max_page_size, max_list=settings.max_filter_list,
                            today=dt.datetime.now(dt.UTC).date())
        root = compiler.collect_set(operation.selection_set, "Query")
        if any(nodes[0].name.value not in COMPILED_ROOT_FIELDS for nodes in root.values()):
            return None
        plans: dict[str, Plan | None] = {}
        try:
            for key, nodes in root.items():
                name = nodes[0].name.value
                if name == "__typename":
                    plans[key] = None
                    continue
                plans[key] = compile_root(compiler, name, nodes, compiler.args("Query", nodes[0]))
            check_cost(compiler, settings.max_cost)
        except CompileError:
            return None  # the normal path reports it, located at its field
        keys = [k for k, p in plans.items() if p is not None]
        try:
            values = await asyncio.gather(*(run(context.graph, plans[k], tag=False) for k in keys))
        except Exception as exc:  # masked by MaskInternalErrors (a bug), or turned into 503 (an outage)
            return ExecutionResult(data=None, errors=[GraphQLError(str(exc), original_error=exc)])
        by_key = dict(zip(keys, values, strict=True))
        data = {k: ("Query" if p is None else by_key[k]) for k, p in plans.items()}
        return ExecutionResult(data=data, errors=None)


def _operation(ctx: Any) -> OperationDefinitionNode | None:
    document = ctx.graphql_document
    if document is None:
        return None
    ops = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if ctx.operation_name:
        return next((o for o in ops if o.name and o.name.value == ctx.operation_name), None)
    return ops[0] if len(ops) == 1 else None


def _may_read(context: Any) -> bool:
    """The read permission (as api/schema.py's CanRead grants it), checked before the fast path."""
    if getattr(context, "key_error", None):
        return False
    return context.role is not None or context.settings.anonymous_read

