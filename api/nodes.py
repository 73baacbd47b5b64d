"""GraphQL types for every node of the model. Scalar fields come from the node row; relationship fields are
paginated connections resolved through per-request DataLoaders (one query per label and level, no N+1).

Time-dependent list fields take `asOf` (default: today; pass `asOf: null` for all time).
"""

import datetime as dt
from typing import Annotated, Any, Optional

import strawberry
from strawberry.types import Info

from peacegraph.api.pagination import Connection, build, window
from peacegraph.graph.analysis.facts import in_force

AsOf = Annotated[
    dt.date | None,
    strawberry.argument(description="Only facts in force on this date (default today; null for all time)."),
]


def or_today(as_of: dt.date | None) -> dt.date:
    """An analysis date: the one given, else today."""
    return as_of or dt.date.today()


def resolve_as_of(as_of: Any) -> dt.date | None:
    """A list field's date: today when not given, None (all time) when given as null."""
    return dt.date.today() if as_of is strawberry.UNSET else as_of


async def load(info: Info, label: str, node_id: str | None) -> dict[str, Any] | None:
    if node_id is None:
        return None
    return await info.context.loaders[label].load(node_id)


async def one(info: Info, label: str, node_id: str | None) -> Any:
    """The node of `label` with this id as its GraphQL type, or None."""
    row = await load(info, label, node_id)
    return NODE_TYPES[label].from_row(row) if row else None


async def load_many(info: Info, label: str, ids: list[str]) -> list[dict[str, Any]]:
    rows = await info.context.loaders[label].load_many(ids)
    return [r for r in rows if r is not None]


def page_limit(info: Info) -> int:
    return info.context.settings.max_page_size


async def connection(
    info: Info, label: str, ids: list[str], make: Any, as_of: dt.date | None = None, dated: bool = False,
    first: int | None = None, after: str | None = None, last: int | None = None, before: str | None = None,
) -> Connection[Any]:
    """A connection over related ids; dated lists are filtered to facts in force on `as_of` first."""
    ids = sorted(dict.fromkeys(ids))
    if dated and as_of is not None:
        rows = await load_many(info, label, ids)
        ids = [r["id"] for r in rows if in_force(r.get("valid_from"), r.get("valid_to"), as_of)]
    w = window(first, after, last, before, len(ids), page_limit(info))
    page = ids[w.skip:w.skip + w.limit]
    rows = await load_many(info, label, page)
    return build([make(r) for r in rows], w.skip, len(ids))


def related(target: str, key: str, dated: bool = False, description: str | None = None) -> Any:
    """A paginated relationship field over the ids in the node row's `key` (dated lists also take `asOf`)."""
    if dated:
        async def resolve_dated(self: Any, info: Info, as_of: AsOf = strawberry.UNSET, first: int | None = None,
                                after: str | None = None, last: int | None = None,
                                before: str | None = None) -> Any:
            return await connection(info, target, self.row[key], NODE_TYPES[target].from_row, resolve_as_of(as_of),
                                    True, first, after, last, before)

        resolver: Any = resolve_dated
    else:
        async def resolve(self: Any, info: Info, first: int | None = None, after: str | None = None,
                          last: int | None = None, before: str | None = None) -> Any:
            return await connection(info, target, self.row[key], NODE_TYPES[target].from_row, None, False, first,
                                    after, last, before)

        resolver = resolve
    resolver.__annotations__["return"] = f"Connection[{target}]"
    return strawberry.field(resolver=resolver, description=description)


def linked(target: str, key: str, description: str | None = None) -> Any:
    """A field holding the one node whose id the row's `key` lists (or null)."""
    async def resolve(self: Any, info: Info) -> Any:
        return await one(info, target, (self.row[key] or [None])[0])

    resolve.__annotations__["return"] = f"Optional[{target}]"
    return strawberry.field(resolver=resolve, description=description)


def linked_list(target: str, key: str, description: str | None = None) -> Any:
    """A plain list field of the nodes whose ids the row's `key` lists (for short lists: no pagination)."""
    async def resolve(self: Any, info: Info) -> Any:
        return [NODE_TYPES[target].from_row(r) for r in await load_many(info, target, sorted(self.row[key]))]

    resolve.__annotations__["return"] = f"list[{target}]"
    return strawberry.field(resolver=resolve, description=description)


def cited() -> Any:
    """The `sources` field of a fact: its citations."""
    def resolve(self: Any) -> list["Citation"]:
        return citations(self.row)

    return strawberry.field(resolver=resolve)


def extracted() -> Any:
    """The `extraction` field of a fact: how it was found, if it was extracted from text."""
    def resolve(self: Any) -> Optional["Extraction"]:
        return extraction(self.row)

    return strawberry.field(resolver=resolve)


@strawberry.type(description="Where a fact comes from: a document, the place in it, and a short quote.")
class Citation:
    locator: str
    quote: str | None
    source_id: strawberry.ID

    @strawberry.field
    async def source(self, info: Info) -> Optional["Source"]:
        return await one(info, "Source", self.source_id)


def citations(row: dict[str, Any]) -> list[Citation]:
    return [Citation(locator=c["locator"], quote=c.get("quote"), source_id=c["source"])
            for c in sorted(row.get("cites", []), key=lambda c: (c["source"], c["locator"]))]


@strawberry.type(description="An extracted fact's provenance: what found it, how sure, and its review state.")
class Extraction:
    method: str
    confidence: float
    review: str


def extraction(row: dict[str, Any]) -> Extraction | None:
    if "extraction_method" not in row:
        return None
    return Extraction(method=row["extraction_method"], confidence=row.get("extraction_confidence", 0.0),
                      review=row.get("extraction_review", "pending"))


@strawberry.type(description="A report, resolution, decision or dataset that facts cite.")
class Source:
    id: strawberry.ID
    title: str
    kind: str
    date: dt.date | None
    symbol: str | None
    publisher: str | None
    url: str | None
    path: str | None
    cited_by_count: int

    @classmethod
    def from_row(cls, r: dict[str, Any]) -> "Source":
        return cls(id=r["id"], title=r["title"], kind=r["kind"], date=r.get("date"), symbol=r.get("symbol"),
                   publisher=r.get("publisher"), url=r.get("url"), path=r.get("path"),
                   cited_by_count=r.get("cited_by_count", 0))


@strawberry.type(description="A mandated activity from the task taxonomy.")
class Task:
    id: strawberry.ID
    group: str
    label: str
    pema: str | None
    phrases: list[str]
    row: strawberry.Private[dict[str, Any]]

    @classmethod
    def from_row(cls, r: dict[str, Any]) -> "Task":
        return cls(id=r["id"], group=r["group"], label=r["label"], pema=r.get("pema"),
                   phrases=r.get("phrases", []), row=r)

    mandates = related("Mandate", "mandates", dated=True)

    coverages = related("Coverage", "coverages", dated=True)


@strawberry.type(description="A country (ISO 3166 alpha-3 id) or an area inside one (parent), or a maritime zone.")
class Place:
    id: strawberry.ID
    name: str
    kind: str
    iso3: str | None
    pcode: str | None
    aliases: list[str]
    adjectives: list[str]
    row: strawberry.Private[dict[str, Any]]

    @classmethod
    def from_row(cls, r: dict[str, Any]) -> "Place":
        return cls(id=r["id"], name=r["name"], kind=r["kind"], iso3=r.get("iso3"), pcode=r.get("pcode"),
                   aliases=r.get("aliases", []), adjectives=r.get("adjectives", []), row=r)

    sources = cited()

    parent = linked("Place", "parent")

    areas = related("Place", "areas")

    missions = related("Mission", "missions", dated=True, description="Missions deployed here.")

    coverages = related("Coverage", "coverages", dated=True, description="Coverage facts declared for this place itself (not its areas).")

    government = linked("Organization", "governments", description="The host government (an organisation that governs this country).")


@strawberry.type(description="An organisation that acts: UN, AU, EU, NATO, a UN entity, a government, an NGO.")
class Organization:
    id: strawberry.ID
    name: str
    acronym: str | None
    aliases: list[str]
    kind: str
    row: strawberry.Private[dict[str, Any]]

    @classmethod
    def from_row(cls, r: dict[str, Any]) -> "Organization":
        return cls(id=r["id"], name=r["name"], acronym=r.get("acronym"), aliases=r.get("aliases", []),
                   kind=r["kind"], row=r)

    sources = cited()

    extraction = extracted()

    part_of = linked("Organization", "part_of")

    country = linked("Place", "country", description="For a government: the country it governs.")

    parts = related("Organization", "parts")

    missions = related("Mission", "missions", dated=True, description="Missions this organisation leads.")

    coverages = related("Coverage", "coverages", dated=True, description="Coverage facts where this organisation itself is the actor.")

    funds = related("FundingLine", "funds", dated=True, description="Funding lines this organisation pays into.")

    agreements = related("Agreement", "agreements", dated=True)


@strawberry.type(description="A peace operation or force.")
class Mission:
    id: strawberry.ID
    acronym: str | None
    name: str
    aliases: list[str]
    kind: str
    valid_from: dt.date | None
    valid_to: dt.date | None
    status: str
    row: strawberry.Private[dict[str, Any]]

    @classmethod
    def from_row(cls, r: dict[str, Any]) -> "Mission":
        return cls(id=r["id"], acronym=r.get("acronym"), name=r["name"], aliases=r.get("aliases", []),
                   kind=r["kind"], valid_from=r.get("valid_from"), valid_to=r.get("valid_to"),
                   status=r.get("status", "actual"), row=r)

    sources = cited()

    extraction = extracted()

    led_by = linked_list("Organization", "led_by")

    deployed_in = linked_list("Place", "deployed_in")

    mandates = related("Mandate", "mandates", dated=True, description="Mandates that authorise this mission.")

    coverages = related("Coverage", "coverages", dated=True)

    funding_lines = related("FundingLine", "funded_by", dated=True, description="Funding lines whose recipient is this mission.")

    transitions_out = linked_list("Transition", "transitions_out", description="Transitions in which this mission leaves or hands over.")

    transitions_in = linked_list("Transition", "transitions_in", description="Transitions that lead into this mission.")


Actor = Annotated[Mission | Organization, strawberry.union("Actor")]


async def load_actor(info: Info, actor_id: str | None, is_mission: bool) -> Actor | None:
    """An actor (a mission or an organisation) by id."""
    return await one(info, "Mission" if is_mission else "Organization", actor_id)


@strawberry.type(description="A decision that authorises a mission or tasks (resolution, communiqué, decision).")
class Mandate:
    id: strawberry.ID
    kind: str
    title: str | None
    adopted: dt.date | None
    valid_from: dt.date | None
    valid_to: dt.date | None
    status: str
    row: strawberry.Private[dict[str, Any]]

    @classmethod
    def from_row(cls, r: dict[str, Any]) -> "Mandate":
        return cls(id=r["id"], kind=r["kind"], title=r.get("title"), adopted=r.get("adopted"),
                   valid_from=r.get("valid_from"), valid_to=r.get("valid_to"), status=r.get("status", "actual"),
                   row=r)

    @strawberry.field
    def symbol(self) -> str:
        return str(self.id)

    sources = cited()

    issued_by = linked("Organization", "issued_by")

    renews = linked("Mandate", "renews", description="The mandate this one renews.")

    renewed_by = linked_list("Mandate", "renewed_by", description="Mandates that renew this one.")

    authorizes = linked_list("Mission", "authorizes")

    tasks = related("Task", "tasks")

    places = linked_list("Place", "places")

    coverages = related("Coverage", "coverages", dated=True)


@strawberry.type(description="The core fact: an actor performs a task in a place over a period, under a mandate.")
class Coverage:
    id: strawberry.ID
    role: str | None
    modality: str | None
    valid_from: dt.date | None
    valid_to: dt.date | None
    status: str
    row: strawberry.Private[dict[str, Any]]

    @classmethod
    def from_row(cls, r: dict[str, Any]) -> "Coverage":
        return cls(id=r["id"], role=r.get("role"), modality=r.get("modality"), valid_from=r.get("valid_from"),
                   valid_to=r.get("valid_to"), status=r.get("status", "actual"), row=r)

    sources = cited()

    extraction = extracted()

    @strawberry.field
    async def actor(self, info: Info) -> Actor | None:
        return await load_actor(info, (self.row["actor"] or [None])[0], bool(self.row["actor_mission"]))

    task = linked("Task", "task")

    place = linked("Place", "place")

    mandate = linked("Mandate", "mandate")

    funding_lines = linked_list("FundingLine", "funding_lines", description="Funding lines that pay for this coverage.")


@strawberry.type(description="Money from funders to a recipient for a purpose.")
class FundingLine:
    id: strawberry.ID
    name: str
    instrument: str
    amount: float | None
    currency: str | None
    purpose: str | None
    valid_from: dt.date | None
    valid_to: dt.date | None
    status: str
    row: strawberry.Private[dict[str, Any]]

    @classmethod
    def from_row(cls, r: dict[str, Any]) -> "FundingLine":
        return cls(id=r["id"], name=r["name"], instrument=r["instrument"], amount=r.get("amount"),
                   currency=r.get("currency"), purpose=r.get("purpose"), valid_from=r.get("valid_from"),
                   valid_to=r.get("valid_to"), status=r.get("status", "actual"), row=r)

    sources = cited()

    funders = linked_list("Organization", "funders")

    @strawberry.field
    async def recipient(self, info: Info) -> Actor | None:
        return await load_actor(info, (self.row["recipient"] or [None])[0], bool(self.row["recipient_mission"]))

    pays_for = linked_list("Coverage", "pays_for")


@strawberry.type(description="A task handed to another actor by a transition.")
class Handover:
    task_id: strawberry.ID
    to_id: strawberry.ID
    place_id: strawberry.ID | None
    to_is_mission: strawberry.Private[bool]

    @strawberry.field
    async def task(self, info: Info) -> Task | None:
        return await one(info, "Task", self.task_id)

    @strawberry.field
    async def to(self, info: Info) -> Actor | None:
        return await load_actor(info, self.to_id, self.to_is_mission)


@strawberry.type(description="A dated change: drawdown, withdrawal, closure, handover, re-hatting, reconfiguration.")
class Transition:
    id: strawberry.ID
    kind: str
    announced: dt.date | None
    start: dt.date | None
    end: dt.date
    stage: str
    status: str
    handovers: list[Handover]
    row: strawberry.Private[dict[str, Any]]

    @classmethod
    def from_row(cls, r: dict[str, Any]) -> "Transition":
        hands = [Handover(task_id=h["task"], to_id=h["to"], place_id=h.get("place"), to_is_mission=h["to_is_mission"])
                 for h in sorted(r["handovers"], key=lambda h: (h["task"], h["to"]))]
        return cls(id=r["id"], kind=r["kind"], announced=r.get("announced"), start=r.get("start"), end=r["end"],
                   stage=r.get("stage", "done"), status=r.get("status", "actual"), handovers=hands, row=r)

    sources = cited()

    @strawberry.field(name="from")
    async def from_actor(self, info: Info) -> Actor | None:
        return await load_actor(info, (self.row["from_actor"] or [None])[0], bool(self.row["from_mission"]))

    @strawberry.field
    async def to(self, info: Info) -> list[Actor]:
        missions = set(self.row["to_missions"])
        actors = [await load_actor(info, a, a in missions) for a in sorted(self.row["to_actors"])]
        return [a for a in actors if a is not None]

    places = linked_list("Place", "places")


@strawberry.type(description="A partnership framework or coordination mechanism between organisations.")
class Agreement:
    id: strawberry.ID
    name: str
    kind: str
    signed: dt.date | None
    valid_from: dt.date | None
    valid_to: dt.date | None
    status: str
    row: strawberry.Private[dict[str, Any]]

    @classmethod
    def from_row(cls, r: dict[str, Any]) -> "Agreement":
        return cls(id=r["id"], name=r["name"], kind=r["kind"], signed=r.get("signed"), valid_from=r.get("valid_from"),
                   valid_to=r.get("valid_to"), status=r.get("status", "actual"), row=r)

    sources = cited()

    @strawberry.field
    async def parties(self, info: Info) -> list[Actor]:
        missions = set(self.row["mission_parties"])
        actors = [await load_actor(info, a, a in missions) for a in sorted(self.row["parties"])]
        return [a for a in actors if a is not None]


NODE_TYPES: dict[str, Any] = {
    "Source": Source, "Organization": Organization, "Place": Place, "Task": Task, "Mission": Mission,
    "Mandate": Mandate, "Coverage": Coverage, "FundingLine": FundingLine, "Transition": Transition,
    "Agreement": Agreement,
}
