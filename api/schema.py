"""The GraphQL schema: root lists per type (where/sort/connections), node(id), search, the analyses, and the
mutations scripts use. Limits (depth, aliases, tokens, page size) and error masking are set here.
"""

import json
from enum import Enum
from typing import Annotated, Any

import strawberry
from strawberry.extensions import (
    DisableIntrospection,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    ParserCache,
    QueryDepthLimiter,
    SchemaExtension,
    ValidationCache,
)
from strawberry.permission import BasePermission, PermissionExtension
from strawberry.scalars import JSON
from strawberry.tools import merge_types
from strawberry.types import Info

from peacegraph.api import analysis as an
from peacegraph.api import inputs as inp
from peacegraph.api.errors import MaskInternalErrors, UserError
from peacegraph.api.nodes import (
    NODE_TYPES,
    Agreement,
    Coverage,
    FundingLine,
    Mandate,
    Mission,
    Organization,
    Place,
    Source,
    Task,
    Transition,
    one,
    page_limit,
)
from peacegraph.api.pagination import Connection, PageSizeError, build, window
from peacegraph.graph.bundles.load import load_bundles
from peacegraph.graph.bundles.parse import BundleInvalid, ParsedBundle, parse_bundle_text
from peacegraph.graph.domain.model import KINDS
from peacegraph.graph.settings import Settings
from peacegraph.graph.store.filters import FilterError, list_ids
from peacegraph.graph.store.keys import at_least

AnyNode = Annotated[
    Mission | Organization | Place | Mandate | Coverage | FundingLine | Transition | Agreement | Task | Source,
    strawberry.union("Node"),
]


def to_filter(obj: Any) -> Any:
    """A strawberry input object as a plain dict keyed by GraphQL field names (what graph/query.py expects)."""
    if isinstance(obj, list):
        return [to_filter(x) for x in obj]
    if isinstance(obj, Enum):
        return obj.value
    definition = getattr(obj, "__strawberry_definition__", None)
    if definition is None:
        return obj
    out = {}
    for f in definition.fields:
        value = getattr(obj, f.python_name)
        if value is None or value is strawberry.UNSET:
            continue
        name = f.graphql_name or _camel(f.python_name)
        out[name] = to_filter(value)
    return out


def _camel(name: str) -> str:
    head, *rest = name.rstrip("_").split("_")
    return head + "".join(p.title() for p in rest)


def to_sort(sort: list[Any] | None) -> list[tuple[str, str]]:
    pairs = []
    for item in sort or []:
        for key, direction in to_filter(item).items():
            pairs.append((key, direction))
    return pairs


async def root_connection(info: Info, label: str, where: Any, sort: Any, first: int | None, after: str | None,
                          last: int | None, before: str | None) -> Connection[Any]:
    """A root list: one query for the page of ids and the total, one for the nodes (through the loader)."""
    graph = info.context.graph
    try:
        spec, order = to_filter(where), to_sort(sort)
        total = None
        if last is not None and before is None:
            total, _ = await list_ids(graph, label, spec, order, 0, 0)
        w = window(first, after, last, before, total, page_limit(info))
        total, ids = await list_ids(graph, label, spec, order, w.skip, w.limit)
    except (FilterError, PageSizeError) as exc:
        raise UserError(str(exc)) from None
    rows = await info.context.loaders[label].load_many(ids)
    make = NODE_TYPES[label].from_row
    return build([make(r) for r in rows if r is not None], w.skip, total)


@strawberry.type(description="A hit of the full-text search.")
class SearchHit:
    id: strawberry.ID
    label: str
    name: str
    title: str | None
    score: float

    @strawberry.field
    async def node(self, info: Info) -> AnyNode | None:
        return await one(info, self.label, self.id)


# id -> label of ids seen by node(id): a node's label never changes, and misses are not kept (it may be created).
LABEL_OF: dict[str, str] = {}


@strawberry.type
class NodeQuery:
    """Root fields that read nodes: by id, lists with where/sort/connections, full-text search."""

    @strawberry.field(description="Any node by id (missions, organisations, places, mandates, coverage, ...).")
    async def node(self, info: Info, id: strawberry.ID) -> AnyNode | None:
        label = LABEL_OF.get(str(id))
        if label is not None:
            found = await one(info, label, str(id))
            if found is not None:
                return found
            LABEL_OF.pop(str(id), None)
        rows = await info.context.graph.read("node_lookup", id=str(id))
        labels = rows[0]["labels"] if rows else []
        if not labels:
            return None
        LABEL_OF[str(id)] = labels[0]
        if len(LABEL_OF) > 50_000:
            LABEL_OF.pop(next(iter(LABEL_OF)))
        return await one(info, labels[0], str(id))

    @strawberry.field(description="Full-text search over names, acronyms, aliases, symbols and titles.")
    async def search(self, info: Info, text: str, first: int = 10) -> list[SearchHit]:
        if not 0 < first <= page_limit(info):
            raise UserError(f"`first` must be between 1 and {page_limit(info)}")
        query = " ".join(f"{t}~" if len(t) > 3 else t for t in _lucene_terms(text))
        if not query:
            return []
        rows = await info.context.graph.read("search", text=query, limit=first)
        return [SearchHit(id=r["id"], label=r["label"], name=r["name"], title=r["title"], score=r["score"])
                for r in rows if r["label"]]

    @strawberry.field
    async def mission(self, info: Info, id: strawberry.ID) -> Mission | None:
        return await one(info, "Mission", str(id))

    @strawberry.field
    async def organization(self, info: Info, id: strawberry.ID) -> Organization | None:
        return await one(info, "Organization", str(id))

    @strawberry.field
    async def place(self, info: Info, id: strawberry.ID) -> Place | None:
        return await one(info, "Place", str(id))

    @strawberry.field
    async def mandate(self, info: Info, id: strawberry.ID) -> Mandate | None:
        return await one(info, "Mandate", str(id))

    @strawberry.field
    async def coverage(self, info: Info, id: strawberry.ID) -> Coverage | None:
        return await one(info, "Coverage", str(id))

    @strawberry.field
    async def transition(self, info: Info, id: strawberry.ID) -> Transition | None:
        return await one(info, "Transition", str(id))

    @strawberry.field
    async def missions(self, info: Info, where: inp.MissionWhere | None = None,
                       sort: list[inp.MissionSort] | None = None, first: int | None = None,  # type: ignore[valid-type]
                       after: str | None = None, last: int | None = None,
                       before: str | None = None) -> Connection[Mission]:
        return await root_connection(info, "Mission", where, sort, first, after, last, before)

    @strawberry.field
    async def organizations(self, info: Info, where: inp.OrganizationWhere | None = None,
                            sort: list[inp.OrganizationSort] | None = None, first: int | None = None,  # type: ignore[valid-type]
                            after: str | None = None, last: int | None = None,
                            before: str | None = None) -> Connection[Organization]:
        return await root_connection(info, "Organization", where, sort, first, after, last, before)

    @strawberry.field
    async def places(self, info: Info, where: inp.PlaceWhere | None = None,
                     sort: list[inp.PlaceSort] | None = None, first: int | None = None,  # type: ignore[valid-type]
                     after: str | None = None, last: int | None = None,
                     before: str | None = None) -> Connection[Place]:
        return await root_connection(info, "Place", where, sort, first, after, last, before)

    @strawberry.field
    async def mandates(self, info: Info, where: inp.MandateWhere | None = None,
                       sort: list[inp.MandateSort] | None = None, first: int | None = None,  # type: ignore[valid-type]
                       after: str | None = None, last: int | None = None,
                       before: str | None = None) -> Connection[Mandate]:
        return await root_connection(info, "Mandate", where, sort, first, after, last, before)

    @strawberry.field
    async def tasks(self, info: Info, where: inp.TaskWhere | None = None,
                    sort: list[inp.TaskSort] | None = None, first: int | None = None,  # type: ignore[valid-type]
                    after: str | None = None, last: int | None = None,
                    before: str | None = None) -> Connection[Task]:
        return await root_connection(info, "Task", where, sort, first, after, last, before)

    @strawberry.field
    async def coverages(self, info: Info, where: inp.CoverageWhere | None = None,
                        sort: list[inp.CoverageSort] | None = None, first: int | None = None,  # type: ignore[valid-type]
                        after: str | None = None, last: int | None = None,
                        before: str | None = None) -> Connection[Coverage]:
        return await root_connection(info, "Coverage", where, sort, first, after, last, before)

    @strawberry.field
    async def funding_lines(self, info: Info, where: inp.FundingLineWhere | None = None,
                            sort: list[inp.FundingLineSort] | None = None, first: int | None = None,  # type: ignore[valid-type]
                            after: str | None = None, last: int | None = None,
                            before: str | None = None) -> Connection[FundingLine]:
        return await root_connection(info, "FundingLine", where, sort, first, after, last, before)

    @strawberry.field
    async def transitions(self, info: Info, where: inp.TransitionWhere | None = None,
                          sort: list[inp.TransitionSort] | None = None, first: int | None = None,  # type: ignore[valid-type]
                          after: str | None = None, last: int | None = None,
                          before: str | None = None) -> Connection[Transition]:
        return await root_connection(info, "Transition", where, sort, first, after, last, before)

    @strawberry.field
    async def agreements(self, info: Info, where: inp.AgreementWhere | None = None,
                         sort: list[inp.AgreementSort] | None = None, first: int | None = None,  # type: ignore[valid-type]
                         after: str | None = None, last: int | None = None,
                         before: str | None = None) -> Connection[Agreement]:
        return await root_connection(info, "Agreement", where, sort, first, after, last, before)

    @strawberry.field
    async def sources(self, info: Info, where: inp.SourceWhere | None = None,
                      sort: list[inp.SourceSort] | None = None, first: int | None = None,  # type: ignore[valid-type]
                      after: str | None = None, last: int | None = None,
                      before: str | None = None) -> Connection[Source]:
        return await root_connection(info, "Source", where, sort, first, after, last, before)



def _lucene_terms(text: str) -> list[str]:
    """Words of a search text with Lucene's special characters removed (never passed through as syntax)."""
    cleaned = "".join(ch if ch.isalnum() or ch in "-/" else " " for ch in text)
    return [w.lower().replace("/", "\\/").replace("-", "\\-") for w in cleaned.split() if w][:12]


@strawberry.enum(description="A section of a bundle: one kind of fact.")
class FactKind(Enum):
    SOURCES = "sources"
    ORGANIZATIONS = "organizations"
    PLACES = "places"
    TASKS = "tasks"
    MISSIONS = "missions"
    MANDATES = "mandates"
    COVERAGES = "coverages"
    FUNDING_LINES = "funding_lines"
    TRANSITIONS = "transitions"
    AGREEMENTS = "agreements"


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


async def _load(info: Info, parsed: ParsedBundle, dry_run: bool, allow_pending: bool = False) -> LoadResult:
    try:
        report = await load_bundles(info.context.graph, [parsed], dry_run=dry_run, allow_pending=allow_pending)
    except BundleInvalid as exc:
        return LoadResult(ok=False, written=False, errors=[BundleProblem(file=e.file, line=e.line, path=e.path,
                                                                         message=e.message) for e in exc.errors],
                          counts=[], nodes_created=0, relationships_created=0)
    plan = report.plans[0]
    return LoadResult(ok=True, written=report.written, errors=[],
                      counts=[KindCount(kind=k, new=c["new"], updated=c["updated"], unchanged=c["unchanged"])
                              for k, c in plan.counts.items()],
                      nodes_created=report.counts.nodes_created,
                      relationships_created=report.counts.relationships_created)


def _parse(text: str, name: str) -> ParsedBundle | LoadResult:
    try:
        return parse_bundle_text(text, name)
    except BundleInvalid as exc:
        return LoadResult(ok=False, written=False, errors=[BundleProblem(file=e.file, line=e.line, path=e.path,
                                                                         message=e.message) for e in exc.errors],
                          counts=[], nodes_created=0, relationships_created=0)


@strawberry.type
class Mutation:
    @strawberry.mutation(description="Load a bundle (JSON object, or YAML/JSON text in `text`): validated like "
                                     "the CLI loader; lands whole or not at all.")
    async def load_bundle(self, info: Info, bundle: JSON | None = None, text: str | None = None,
                          dry_run: bool = False, allow_pending: bool = False) -> LoadResult:
        if (bundle is None) == (text is None):
            raise UserError("give exactly one of `bundle` (a JSON object) or `text` (YAML or JSON)")
        source = text if text is not None else json.dumps(bundle, indent=1, ensure_ascii=False)
        parsed = _parse(source, "request")
        return parsed if isinstance(parsed, LoadResult) else await _load(info, parsed, dry_run, allow_pending)

    @strawberry.mutation(description="Create or update facts of one kind (records in the bundle format).")
    async def upsert(self, info: Info, kind: FactKind, records: list[JSON], dry_run: bool = False) -> LoadResult:
        bundle = {"format": "peacegraph.bundle/1", kind.value: records}
        parsed = _parse(json.dumps(bundle, indent=1, ensure_ascii=False), "request")
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


class CanRead(BasePermission):
    """Reading needs a valid key of any role, unless anonymous read is switched on (the local demo default)."""

    message = "this API needs an API key (Authorization: Bearer <key>)"

    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        ctx = info.context
        self.error_extensions = {"code": "UNAUTHENTICATED"}
        if ctx.key_error:
            self.message = ctx.key_error
        elif ctx.role is not None or ctx.settings.anonymous_read:
            return True
        _status(info, 401)
        return False


class CanWrite(BasePermission):
    """Mutations need an editor or admin key; they run in write transactions."""

    message = "mutations need an API key with the editor or admin role"

    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        ctx = info.context
        if ctx.role is not None and at_least(ctx.role, "editor"):
            return True
        if ctx.key_error:
            self.message = ctx.key_error
        self.error_extensions = {"code": "FORBIDDEN" if ctx.role else "UNAUTHENTICATED"}
        _status(info, 403 if ctx.role else 401)
        return False


def _status(info: Info, code: int) -> None:
    response = getattr(info.context, "response", None)
    if response is not None:
        response.status_code = code


def _guard(root: type, permission: type[BasePermission]) -> None:
    """Put a permission check on every field of a root type."""
    for f in root.__strawberry_definition__.fields:  # type: ignore[attr-defined]
        f.extensions.append(PermissionExtension(permissions=[permission()], use_directives=False))


Query = merge_types("Query", (NodeQuery, an.AnalysisQuery))
_guard(Query, CanRead)
_guard(Mutation, CanWrite)


class RoundTrips(SchemaExtension):
    """Report the Cypher round trips a request cost in the response's `extensions` (no N+1: a small, fixed count)."""

    def get_results(self) -> dict[str, Any]:
        graph = getattr(self.execution_context.context, "graph", None)
        return {"cypherRoundTrips": graph.round_trips if graph is not None else 0}


def make_schema(settings: Settings) -> strawberry.Schema:
    """The schema with the configured limits; introspection can be switched off for production."""
    extensions: list[Any] = [
        lambda: QueryDepthLimiter(max_depth=settings.max_depth),
        lambda: MaxAliasesLimiter(max_alias_count=settings.max_aliases),
        lambda: MaxTokensLimiter(max_token_count=settings.max_tokens),
        MaskInternalErrors,
        RoundTrips,
        lambda: ParserCache(maxsize=512),
        lambda: ValidationCache(maxsize=512),
    ]
    if not settings.introspection:
        extensions.append(DisableIntrospection)
    return strawberry.Schema(query=Query, mutation=Mutation, extensions=extensions)


def schema_sdl() -> str:
    """The schema in SDL, as committed in schema.graphql."""
    return make_schema(Settings()).as_str() + "\n"


assert {k.value for k in FactKind} == set(KINDS)
