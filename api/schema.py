"""The GraphQL schema: root fields that read nodes (generated per kind: by id, lists with where/sort/connections),
`node(id)`, full-text `search`, the analyses (api/analysis.py) and the mutations scripts use; permissions, limits
and error masking.
"""


import asyncio
import datetime as dt
import json
from enum import Enum
from typing import Any

import strawberry
from graphql import (
    DocumentNode,
    ExecutionResult,
    FieldNode,
    GraphQLError,
    GraphQLField,
    GraphQLUnionType,
    Visitor,
    visit,
)
from strawberry.extensions import (
    MaxTokensLimiter,
    ParserCache,
    SchemaExtension,
    ValidationCache,
)
from strawberry.extensions.max_aliases import create_validator as create_alias_validator
from strawberry.extensions.query_depth_limiter import create_validator as create_depth_validator
from strawberry.permission import BasePermission, PermissionExtension
from strawberry.scalars import JSON
from strawberry.schema.config import StrawberryConfig
from strawberry.tools import merge_types
from strawberry.types import Info

from peacegraph.api import analysis as an
from peacegraph.api import inputs as inp
from peacegraph.api.compile import CompileError
from peacegraph.api.errors import MaskInternalErrors, UserError, log_errors
from peacegraph.api.execute import LIST_FIELDS, ONE_FIELDS, CompiledOperations, compiler_for, resolve_root, run
from peacegraph.api.nodes import COMPILED_TYPES, KEEP_RESOLVER, AnyNode, Connection
from peacegraph.graph.bundles.load import load_bundles
from peacegraph.graph.bundles.parse import BundleInvalid, ParsedBundle, parse_bundle_text
from peacegraph.graph.domain.model import BUNDLE_FORMAT, KINDS
from peacegraph.graph.settings import Settings
from peacegraph.graph.store.fulltext import lucene_query
from peacegraph.graph.store.keys import at_least


def _root_one(label: str) -> Any:
    async def resolve(info: Info, id: strawberry.ID) -> Any:
        return await resolve_root(info, id=id)

    resolve.__annotations__["return"] = _node(label) | None
    return strawberry.field(resolver=resolve, description=f"The {label} with this id (null if there is none).")


def _root_list(label: str) -> Any:
    where, sort = inp.where_input(label), inp.sort_input(label)

    async def resolve(info: Info, where: where | None = None, sort: list[sort] | None = None,
                      first: int | None = None, after: str | None = None, last: int | None = None,
                      before: str | None = None) -> Any:
        return await resolve_root(info)

    resolve.__annotations__["return"] = Connection[_node(label)]
    return strawberry.field(resolver=resolve, description=f"{label} nodes: filter, sort, page with cursors.")


def _node(label: str) -> Any:
    from peacegraph.api.nodes import NODE_TYPES

    return NODE_TYPES[label]


@strawberry.type(description="A hit of the full-text search.")
class SearchHit:
    id: strawberry.ID
    label: str
    name: str
    title: str | None
    score: float
    node: AnyNode | None


def _node_query() -> type:
    namespace: dict[str, Any] = {}
    for name, label in ONE_FIELDS.items():
        namespace[name] = _root_one(label)
    for name, label in LIST_FIELDS.items():
        namespace[name] = _root_list(label)

    @strawberry.field(description="Any node by id (missions, organisations, places, mandates, coverage, ...).")
    async def node(self: Any, info: Info, id: strawberry.ID) -> AnyNode | None:
        return await resolve_root(info, id=id)

    @strawberry.field(description="Full-text search over names, acronyms, aliases, phrases, symbols and titles.")
    async def search(self: Any, info: Info, text: str, first: int = 10) -> list[SearchHit]:
        limit = info.context.settings.max_page_size
        if not 0 < first <= limit:
            raise UserError(f"`first` must be between 1 and {limit} (got {first})", argument="first")
        query = lucene_query(text)
        if not query:
            return []
        compiler = compiler_for(info)
        try:
            plan = compiler.root_search(query, first, info._raw_info.field_nodes)
        except CompileError as exc:
            raise UserError(str(exc), argument=exc.argument) from None
        return await run(info.context.graph, plan) or []

    namespace["node"] = node
    namespace["search"] = search
    cls = type("NodeQuery", (), namespace)
    return strawberry.type(cls, description="Root fields that read nodes.")


NodeQuery = _node_query()


FactKind: Any = strawberry.enum(Enum("FactKind", [(k.upper(), k) for k in KINDS]),  # type: ignore[call-overload]
                                description="A section of a bundle: one kind of fact.")


@strawberry.type(description="A located problem in submitted facts (same checks as `peacegraph seed load`).")
class BundleProblem:
    file: str
    line: int | None
    path: str
    message: str


@strawberry.type
class KindCount:
    kind: str
    new: int
    updated: int
    unchanged: int


@strawberry.type(description="The result of a load: nothing is written unless ok is true.")
class LoadResult:
    ok: bool
    written: bool
    errors: list[BundleProblem]
    counts: list[KindCount]
    nodes_created: int
    relationships_created: int


@strawberry.type
class DeleteBlock:
    id: strawberry.ID
    referenced_by: list[str]


@strawberry.type(description="The result of a delete: all or nothing; blocked ids are still referenced.")
class DeleteResult:
    deleted: int
    blocked: list[DeleteBlock]
    missing: list[strawberry.ID]


def _problems(exc: BundleInvalid) -> LoadResult:
    return LoadResult(ok=False, written=False, errors=[BundleProblem(file=e.file, line=e.line, path=e.path,
                                                                     message=e.message) for e in exc.errors],
                      counts=[], nodes_created=0, relationships_created=0)


async def _load(info: Info, parsed: ParsedBundle, dry_run: bool, allow_pending: bool = False) -> LoadResult:
    try:
        report = await load_bundles(info.context.graph, [parsed], dry_run=dry_run, allow_pending=allow_pending)
    except BundleInvalid as exc:
        return _problems(exc)
    plan = report.plans[0]
    return LoadResult(ok=True, written=report.written, errors=[],
                      counts=[KindCount(kind=k, new=c["new"], updated=c["updated"], unchanged=c["unchanged"])
                              for k, c in plan.counts.items()],
                      nodes_created=report.counts.nodes_created,
                      relationships_created=report.counts.relationships_created)


async def _parse(text: str, name: str) -> ParsedBundle | LoadResult:
    """Parse and validate off the event loop: a large or hostile bundle never stalls other requests."""
    try:
        return await asyncio.to_thread(parse_bundle_text, text, name)
    except BundleInvalid as exc:
        return _problems(exc)


@strawberry.type
class Mutation:
    @strawberry.mutation(description="Load a bundle (JSON object, or YAML/JSON text in `text`): validated like "
                                     "the CLI loader; lands whole or not at all.")
    async def load_bundle(self, info: Info, bundle: JSON | None = None, text: str | None = None,
                          dry_run: bool = False, allow_pending: bool = False) -> LoadResult:
        if (bundle is None) == (text is None):
            raise UserError("give exactly one of `bundle` (a JSON object) or `text` (YAML or JSON)", argument="text")
        source = text if text is not None else json.dumps(bundle, indent=1, ensure_ascii=False)
        parsed = await _parse(source, "request")
        return parsed if isinstance(parsed, LoadResult) else await _load(info, parsed, dry_run, allow_pending)

    @strawberry.mutation(description="Create or update facts of one kind (records in the bundle format).")
    async def upsert(self, info: Info, kind: FactKind, records: list[JSON], dry_run: bool = False
                     ) -> LoadResult:
        bundle = {"format": BUNDLE_FORMAT, kind.value: records}
        parsed = await _parse(json.dumps(bundle, indent=1, ensure_ascii=False), "request")
        return parsed if isinstance(parsed, LoadResult) else await _load(info, parsed, dry_run)

    @strawberry.mutation(description="Delete facts of one kind by id; refused (nothing deleted) while any is still "
                                     "referenced by another fact.")
    async def delete(self, info: Info, kind: FactKind, ids: list[strawberry.ID]) -> DeleteResult:
        if not ids:
            return DeleteResult(deleted=0, blocked=[], missing=[])
        rows = await info.context.graph.write(f"delete_{kind.value}", ids=[str(i) for i in ids])
        row = rows[0]
        return DeleteResult(deleted=row["deleted"],
                            blocked=[DeleteBlock(id=b["id"], referenced_by=b["refs"]) for b in row["blocked"]],
                            missing=row["missing"])


def _status(info: Info, code: int) -> None:
    response = getattr(info.context, "response", None)
    if response is not None:
        response.status_code = code


class CanRead(BasePermission):
    """Reading needs a valid key of any role, unless anonymous read is switched on (the local demo default).

    Stateless: the error for a request is raised, never stored on the (shared) permission instance.
    """

    message = "this API needs an API key (Authorization: Bearer <key>)"

    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        ctx = info.context
        if ctx.key_error:
            _status(info, 401)
            raise UserError(ctx.key_error, code="UNAUTHENTICATED")
        if ctx.role is not None or ctx.settings.anonymous_read:
            return True
        _status(info, 401)
        raise UserError(self.message, code="UNAUTHENTICATED")


class CanWrite(BasePermission):
    """Mutations need an editor or admin key; they run in write transactions."""

    message = "mutations need an API key with the editor or admin role"

    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        ctx = info.context
        if ctx.role is not None and at_least(ctx.role, "editor"):
            return True
        if ctx.key_error:
            _status(info, 401)
            raise UserError(ctx.key_error, code="UNAUTHENTICATED")
        _status(info, 403 if ctx.role else 401)
        raise UserError(self.message, code="FORBIDDEN" if ctx.role else "UNAUTHENTICATED")


def _guard(root: type, permission: type[BasePermission]) -> None:
    """Put a permission check on every field of a root type."""
    for f in root.__strawberry_definition__.fields:  # type: ignore[attr-defined]
        f.extensions.append(PermissionExtension(permissions=[permission()], use_directives=False))


Query = merge_types("Query", (NodeQuery, an.AnalysisQuery))
_guard(Query, CanRead)
_guard(Mutation, CanWrite)


class TransactionMetadata(SchemaExtension):
    """Name the operation in every Neo4j transaction of the request (with its request id: `SHOW TRANSACTIONS`)."""

    def on_execute(self) -> Any:
        ctx = self.execution_context
        graph = getattr(ctx.context, "graph", None)
        if graph is not None:
            graph.metadata["operation"] = ctx.operation_name or (ctx.operation_type.value if ctx.operation_type
                                                                 else "query")
        yield


class RoundTrips(SchemaExtension):
    """Report the Cypher round trips a request cost in the response's `extensions` (a small, fixed count)."""

    def get_results(self) -> dict[str, Any]:
        graph = getattr(self.execution_context.context, "graph", None)
        return {"cypherRoundTrips": graph.round_trips if graph is not None else 0}


class IntrospectionGuard(SchemaExtension):
    """The schema is shown only to callers who may read, and never when introspection is switched off."""

    def on_execute(self) -> Any:
        ctx = self.execution_context
        if ctx.result is None and ctx.graphql_document is not None and _introspects(ctx.graphql_document):
            context = ctx.context
            settings: Settings = context.settings
            if not settings.introspection:
                ctx.result = ExecutionResult(data=None, errors=[GraphQLError(
                    "introspection is switched off on this server", extensions={"code": "FORBIDDEN"})])
            elif getattr(context, "key_error", None) or (context.role is None and not settings.anonymous_read):
                _status_of(context, 401)
                ctx.result = ExecutionResult(data=None, errors=[GraphQLError(
                    "introspection needs read access: send an API key (Authorization: Bearer <key>)",
                    extensions={"code": "UNAUTHENTICATED"})])
        yield


def _status_of(context: Any, code: int) -> None:
    response = getattr(context, "response", None)
    if response is not None:
        response.status_code = code


def _introspects(document: DocumentNode) -> bool:
    """Whether any field in the document is __schema or __type."""
    found: list[str] = []

    class Finder(Visitor):
        def enter_field(self, node: FieldNode, *_: Any) -> None:
            if node.name.value in ("__schema", "__type"):
                found.append(node.name.value)

    visit(document, Finder())
    return bool(found)


class PeacegraphSchema(strawberry.Schema):
    """Logs caller errors in one line and bugs with their traceback (never every expected error in full)."""

    def process_errors(self, errors: list[GraphQLError], execution_context: Any = None) -> None:
        request_id = getattr(getattr(execution_context, "context", None), "request_id", "")
        log_errors(errors, request_id)


_PYTHON_NAMES: dict[type, dict[str, str]] = {}


def _python_name(cls: type, graphql_name: str) -> str:
    names = _PYTHON_NAMES.get(cls)
    if names is None:
        definition = getattr(cls, "__strawberry_definition__", None)
        names = {}
        for f in definition.fields if definition else []:
            head, *rest = f.python_name.split("_")
            names[f.graphql_name or head + "".join(p.title() for p in rest)] = f.python_name
        _PYTHON_NAMES[cls] = names
    return names.get(graphql_name, graphql_name)


def by_key(root: Any, info: Any, **_: Any) -> Any:
    """A compiled value's field by response key (a strawberry object's by its attribute)."""
    if isinstance(root, dict):
        return root.get(info.path.key)
    return getattr(root, _python_name(type(root), info.field_name), None)


def _dict_fields(schema: strawberry.Schema) -> None:
    """Every field of a compiled type reads its value by response key; unions resolve by the value's __typename."""
    gql = schema._schema
    for name in (*COMPILED_TYPES, "SearchHit"):
        gql_type: Any = gql.type_map.get(name)
        fields: dict[str, GraphQLField] = gql_type.fields
        for fname, f in fields.items():
            if (name, fname) not in KEEP_RESOLVER:
                f.resolve = by_key
    for name, gql_type in gql.type_map.items():
        if name.endswith(("Connection", "Edge")) and hasattr(gql_type, "fields"):
            for f in gql_type.fields.values():
                f.resolve = by_key
        if isinstance(gql_type, GraphQLUnionType) and name in ("Actor", "Node"):
            gql_type.resolve_type = _union_type


def _union_type(value: Any, info: Any, abstract: Any) -> str | None:
    return value.get("__typename") if isinstance(value, dict) else type(value).__name__


DateScalar = strawberry.scalar(
    name="Date", description="Date (isoformat)",
    serialize=lambda v: v if isinstance(v, str) else v.isoformat(),
    parse_value=lambda v: dt.date.fromisoformat(v),
)


def limits(settings: Settings) -> type[SchemaExtension]:
    """Depth and alias limits as validation rules made once, so validated documents stay in the validation cache
    (strawberry's limiter extensions make new rule classes per request, which defeats the cache)."""
    rules = (create_depth_validator(settings.max_depth, None, None), create_alias_validator(settings.max_aliases))

    class Limits(SchemaExtension):
        def on_validate(self) -> Any:
            self.execution_context.validation_rules = self.execution_context.validation_rules + rules
            yield

    return Limits


def make_schema(settings: Settings) -> strawberry.Schema:
    """The schema with the configured limits; introspection can be switched off for production."""
    extensions: list[Any] = [
        limits(settings),
        lambda: MaxTokensLimiter(max_token_count=settings.max_tokens),
        IntrospectionGuard,
        TransactionMetadata,
        MaskInternalErrors,
        RoundTrips,
        CompiledOperations,
        lambda: ParserCache(maxsize=512),
        lambda: ValidationCache(maxsize=512),
    ]
    schema = PeacegraphSchema(query=Query, mutation=Mutation, extensions=extensions,
                               config=StrawberryConfig(auto_camel_case=True, scalar_map={dt.date: DateScalar}))
    _dict_fields(schema)
    return schema


def schema_sdl() -> str:
    """The schema in SDL, as committed in schema.graphql."""
    return make_schema(Settings()).as_str() + "\n"
