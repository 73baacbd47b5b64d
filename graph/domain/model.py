"""The domain model: pydantic v2 classes for every kind of fact, and the bundle that carries them.

The one source of truth: each field's `Annotated` metadata (graph/domain/meta.py) says how it is stored and served
(links with their relationship type and target, reverse fields, which fields filter and sort). graph/domain/spec.py
derives from it the labels, the validator's references, the write order, the generated Cypher (cypher/generated/),
the bundle JSON Schema and the GraphQL types, enums and inputs.
Time rule everywhere: `valid_from` is inclusive, `valid_to` is exclusive; a missing bound is open-ended.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from peacegraph.graph.domain.meta import FILTER, SORT, Component, Computed, Link, Reverse

BUNDLE_FORMAT = "peacegraph.bundle/1"

# Characters no id or name may hold: C0 and C1 controls (ANSI escapes, BEL, tab, line breaks), DEL, and the invisible
# formatting characters that make two strings look alike or display in another order than stored (soft hyphen,
# zero-width spaces and joiners, bidirectional marks, embeddings, overrides and isolates, word joiners, the BOM).
# Written as regex escapes that Rust (pydantic-core), Python and ECMAScript (JSON Schema) all read alike.
HIDDEN = r"\x00-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff"
_VISIBLE = rf"[^\s{HIDDEN}]"
ID_PATTERN = rf"^{_VISIBLE}(?:(?:{_VISIBLE}| )*{_VISIBLE})?$"
"""An id: visible characters, single inner spaces allowed ('S/RES/2100 (2013)'); compared after NFKC + case folding."""
NAME_PATTERN = rf"^[^{HIDDEN}]*$"
"""A name, acronym, alias, title or label: no control, zero-width or bidirectional formatting character."""
TEXT_MAX = 5000
"""The longest any text field may be (field types below set tighter limits)."""

Id = Annotated[str, StringConstraints(strip_whitespace=False, min_length=1, max_length=200, pattern=ID_PATTERN)]
Text = Annotated[str, StringConstraints(min_length=1, max_length=2000, pattern=NAME_PATTERN)]
Name = Annotated[str, StringConstraints(max_length=300, pattern=NAME_PATTERN)]
Number = Annotated[float, Field(strict=True, allow_inf_nan=False)]
"""A finite number: no infinity, NaN or overflow (1e400), and no boolean taken for 1 or 0."""


class Status(StrEnum):
    """How sure a fact is: reports mix facts with plans, forecasts, proposals and hypotheticals ("could reinforce").
    Only actual facts count by default; planned and forecast ones when asked; proposed and hypothetical never."""

    actual = "actual"
    planned = "planned"
    forecast = "forecast"
    proposed = "proposed"
    hypothetical = "hypothetical"


class OrgKind(StrEnum):
    intergovernmental = "intergovernmental"
    regional = "regional"
    subregional = "subregional"
    un_entity = "un_entity"
    organ = "organ"
    government = "government"
    ngo = "ngo"
    coalition = "coalition"
    other = "other"


class MissionKind(StrEnum):
    un_peacekeeping = "un_peacekeeping"
    un_political = "un_political"
    au_peace_support = "au_peace_support"
    eu_military = "eu_military"
    eu_civilian = "eu_civilian"
    nato = "nato"
    regional = "regional"
    hybrid = "hybrid"
    ad_hoc_coalition = "ad_hoc_coalition"
    national = "national"
    other = "other"


class PlaceKind(StrEnum):
    country = "country"
    region = "region"
    province = "province"
    district = "district"
    city = "city"
    territory = "territory"
    maritime = "maritime"


class MandateKind(StrEnum):
    unsc_resolution = "unsc_resolution"
    au_psc_communique = "au_psc_communique"
    eu_council_decision = "eu_council_decision"
    nac_decision = "nac_decision"
    regional_decision = "regional_decision"
    agreement = "agreement"
    other = "other"


class TaskGroup(StrEnum):
    ddr = "ddr"
    protection = "protection"
    security_rule_of_law = "security_rule_of_law"
    military = "military"
    governance = "governance"
    elections_politics = "elections_politics"
    peace_process = "peace_process"
    socioeconomic = "socioeconomic"
    partnership = "partnership"


class Precision(StrEnum):
    """How much of a date is known: a month- or year-precise date is written as the first day of that month or year."""

    day = "day"
    month = "month"
    year = "year"


class MandateAction(StrEnum):
    """What a decision does to a mission's mandate."""

    establish = "establish"
    renew = "renew"
    modify = "modify"
    authorise_support = "authorise_support"
    terminate = "terminate"


class Responsibility(StrEnum):
    """Who holds primary responsibility for a task, as a principle (never counted as coverage)."""

    host_state = "host_state"


class Role(StrEnum):
    lead = "lead"
    support = "support"


class Modality(StrEnum):
    monitor = "monitor"
    assist = "assist"
    secure = "secure"


class Instrument(StrEnum):
    un_assessed = "un_assessed"
    un_support_package = "un_support_package"
    au_peace_fund = "au_peace_fund"
    eu_african_peace_facility = "eu_african_peace_facility"
    eu_european_peace_facility = "eu_european_peace_facility"
    trust_fund = "trust_fund"
    bilateral = "bilateral"
    other = "other"


class TransitionKind(StrEnum):
    drawdown = "drawdown"
    withdrawal = "withdrawal"
    closure = "closure"
    handover = "handover"
    rehatting = "rehatting"
    bridging = "bridging"
    reconfiguration = "reconfiguration"
    succession = "succession"


class Stage(StrEnum):
    planned = "planned"
    under_way = "under_way"
    done = "done"


class AgreementKind(StrEnum):
    framework = "framework"
    joint_declaration = "joint_declaration"
    joint_statement = "joint_statement"
    memorandum = "memorandum"
    coordination_mechanism = "coordination_mechanism"
    peace_agreement = "peace_agreement"
    other = "other"


class SourceKind(StrEnum):
    report = "report"
    resolution = "resolution"
    communique = "communique"
    decision = "decision"
    press_release = "press_release"
    statement = "statement"
    news = "news"
    web_page = "web_page"
    agreement_text = "agreement_text"
    dataset = "dataset"
    codebook = "codebook"
    other = "other"


class Strict(BaseModel):
    """Base for bundle records: unknown fields are errors, so typos are caught, not silently dropped."""

    model_config = ConfigDict(extra="forbid", use_enum_values=True, frozen=False, str_max_length=TEXT_MAX)


class Node(Strict):
    """A bundle record stored as a node: the spec reads its reverse and computed fields from these class attributes."""

    reverse: ClassVar[tuple[Reverse, ...]] = ()
    computed: ClassVar[tuple[Computed, ...]] = ()


class Citation(Strict):
    """A pointer from a fact to the source that supports it."""

    source: Id = Field(description="id of a Source in this bundle or in the graph")
    locator: Annotated[str, StringConstraints(min_length=1, max_length=200)] = Field(
        description="where in the source: 'line 128', 'para 16(a)', 'p. 12', 'operative para 4'"
    )
    quote: Annotated[str, StringConstraints(max_length=600)] | None = Field(
        default=None, description="a short quote from the source at that locator"
    )


class Review(StrEnum):
    pending = "pending"
    accepted = "accepted"
    rejected = "rejected"


class Extraction(Strict):
    """How an extracted fact was found, how sure the extractor is, and whether a person has reviewed it."""

    method: str = Field(description="what found it, e.g. 'pattern:mission-name', 'cooccurrence:sentence'")
    confidence: Number = Field(ge=0, le=1)
    review: Review = Review.pending


class Dated(Node):
    """A fact that holds over a period: valid_from inclusive, valid_to exclusive, either may be open."""

    valid_from: Annotated[dt.date | None, FILTER, SORT] = None
    valid_to: Annotated[dt.date | None, FILTER, SORT] = None
    valid_from_precision: Precision = Precision.day
    valid_to_precision: Precision = Precision.day
    status: Annotated[Status, FILTER] = Status.actual
    verified_on: Annotated[dt.date | None, FILTER, SORT] = Field(
        default=None, description="the latest date a source confirmed this fact still held (for open-ended facts)")

    @model_validator(mode="after")
    def _period_in_order(self) -> Dated:
        if self.valid_from and self.valid_to and self.valid_to <= self.valid_from:
            raise ValueError(
                f"valid_to {self.valid_to} is not after valid_from {self.valid_from} (valid_to is exclusive)"
            )
        return self


class Source(Node):
    """A report, resolution, decision, official statement or page, or dataset that supports facts."""

    id: Annotated[Id, FILTER, SORT]
    title: Annotated[Text, FILTER, SORT]
    kind: Annotated[SourceKind, FILTER]
    date: Annotated[dt.date | None, FILTER, SORT] = None
    symbol: Annotated[str | None, FILTER] = None
    publisher: str | None = None
    url: str | None = None
    path: str | None = Field(default=None, description="path of the text within the project, for reports")
    content_hash: Annotated[str | None, StringConstraints(pattern=r"^[0-9a-f]{64}$"), FILTER] = Field(
        default=None, description="SHA-256 of the source's text, so the same file is recognised when read again")

    computed: ClassVar[tuple[Computed, ...]] = (
        Computed("citedByCount", "Int!", "COUNT { (this)<-[:CITES]-() }", "How many facts cite this source."),
    )


class Organization(Node):
    """An organisation that acts: UN, AU, EU, NATO, a UN entity, a government, an NGO."""

    id: Annotated[Id, FILTER, SORT]
    name: Annotated[Text, FILTER, SORT]
    acronym: Annotated[Name | None, FILTER, SORT] = None
    aliases: list[Name] = Field(default_factory=list)
    kind: Annotated[OrgKind, FILTER, SORT]
    part_of: Annotated[Id | None, Link("PART_OF", "Organization")] = Field(
        default=None, description="parent organisation (UNDP part_of un)")
    country: Annotated[Id | None, Link("GOVERNS", "Place", doc="For a government: the country it governs.")] = Field(
        default=None, description="for a government: the country it governs")
    contributes_to: Annotated[list[Id], Link("CONTRIBUTES_TO", "Mission", filters={"contributesTo": "Mission"},
                                             doc="Missions this organisation or country sends troops or police to.")
                              ] = Field(default_factory=list, description="missions it contributes troops or police to")
    cites: list[Citation] = Field(default_factory=list)
    extraction: Extraction | None = Field(default=None, description="set on facts extracted from text")

    reverse: ClassVar[tuple[Reverse, ...]] = (
        Reverse("parts", "organizations", "part_of"),
        Reverse("missions", "missions", "led_by", filter=True, doc="Missions this organisation leads."),
        Reverse("coverages", "coverages", "actor", doc="Coverage facts where this organisation itself is the actor."),
        Reverse("funds", "funding_lines", "funders", doc="Funding lines this organisation pays into."),
        Reverse("agreements", "agreements", "parties", filter=True),
    )


class Place(Node):
    """A country (ISO 3166 alpha-3 id) or a sub-national area or maritime zone with a parent."""

    id: Annotated[Id, FILTER, SORT]
    name: Annotated[Text, FILTER, SORT]
    kind: Annotated[PlaceKind, FILTER, SORT]
    parent: Annotated[Id | None, Link("PART_OF", "Place", filters={"parent": "Place"})] = None
    iso3: Annotated[str | None, FILTER] = None
    pcode: str | None = None
    aliases: list[Name] = Field(default_factory=list)
    adjectives: list[str] = Field(default_factory=list)
    cites: list[Citation] = Field(default_factory=list)
    extraction: Extraction | None = Field(default=None, description="set on facts extracted from text")

    reverse: ClassVar[tuple[Reverse, ...]] = (
        Reverse("areas", "places", "parent"),
        Reverse("missions", "missions", "deployed_in", filter=True, doc="Missions deployed here."),
        Reverse("coverages", "coverages", "place", doc="Coverage facts declared for this place itself (not its areas)."),
        Reverse("government", "organizations", "country", single=True,
                doc="The host government (an organisation that governs this country)."),
    )

    @model_validator(mode="after")
    def _country_has_no_parent(self) -> Place:
        if self.kind == PlaceKind.country and self.parent:
            raise ValueError("a country has no parent place")
        if self.kind != PlaceKind.country and not self.parent:
            raise ValueError(f"a {self.kind} needs a parent place (its country)")
        return self


class Task(Node):
    """A mandated activity from the fixed taxonomy; `id` is its key (civilian_protection)."""

    id: Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$"), FILTER, SORT]
    group: Annotated[TaskGroup, FILTER, SORT]
    label: Annotated[Text, FILTER, SORT]
    pema: str | None = Field(default=None, description="the PEMA dataset's task name, where one matches")
    phrases: list[str] = Field(default_factory=list, description="phrases that name the task in report text")
    primary_responsibility: Responsibility | None = Field(
        default=None, description="who holds primary responsibility for the task (a principle, never coverage)")
    cites: list[Citation] = Field(default_factory=list)

    reverse: ClassVar[tuple[Reverse, ...]] = (
        Reverse("mandates", "mandates", "tasks", filter=True),
        Reverse("coverages", "coverages", "task"),
    )


class Mission(Dated):
    """A peace operation or force, led by one or more organisations, deployed in one or more places."""

    id: Annotated[Id, FILTER, SORT]
    acronym: Annotated[Name | None, FILTER, SORT] = None
    name: Annotated[Text, FILTER, SORT]
    aliases: list[Name] = Field(default_factory=list)
    kind: Annotated[MissionKind, FILTER, SORT]
    led_by: Annotated[list[Id], Link("LED_BY", "Organization", filters={"ledBy": "Organization"})] = Field(
        min_length=1)
    deployed_in: Annotated[list[Id], Link("DEPLOYED_IN", "Place", filters={"deployedIn": "Place"})] = Field(
        min_length=1)
    cites: list[Citation] = Field(min_length=1)
    extraction: Extraction | None = Field(default=None, description="set on facts extracted from text")

    reverse: ClassVar[tuple[Reverse, ...]] = (
        Reverse("mandates", "mandates", "authorizes", filter=True, doc="Mandates that authorise this mission."),
        Reverse("coverages", "coverages", "actor", filter=True),
        Reverse("fundingLines", "funding_lines", "recipient", doc="Funding lines whose recipient is this mission."),
        Reverse("transitionsOut", "transitions", "from_actor", connection=False,
                doc="Transitions in which this mission leaves or hands over."),
        Reverse("transitionsIn", "transitions", "to_actors", connection=False,
                doc="Transitions that lead into this mission."),
        Reverse("contributors", "organizations", "contributes_to", connection=False, filter=True,
                doc="Organisations and countries that send it troops or police."),
    )


class Mandate(Dated):
    """A decision authorising a mission or tasks; valid_from = in force from, valid_to = expiry."""

    id: Annotated[Id, FILTER, SORT] = Field(description="the symbol, normalised: 'S/RES/2100 (2013)'")
    kind: Annotated[MandateKind, FILTER]
    title: Text | None = None
    issued_by: Annotated[Id, Link("ISSUED_BY", "Organization", filters={"issuedBy": "Organization"})]
    adopted: Annotated[dt.date | None, FILTER, SORT] = None
    action: Annotated[MandateAction | None, FILTER] = Field(default=None,
                                                            description="what the decision does to the mandate")
    renews: Annotated[Id | None, Link("RENEWS", "Mandate", doc="The mandate this one renews.")] = Field(
        default=None, description="the mandate this one renews, modifies or terminates")
    authorizes: Annotated[list[Id], Link("AUTHORIZES", "Mission", filters={"authorizes": "Mission"})] = Field(
        default_factory=list, description="missions it authorises or renews")
    supports: Annotated[list[Id], Link("SUPPORTS", "Actor", doc="For a support authorisation: the force(s) the "
                                                                "authorised missions may support.")] = Field(
        default_factory=list, description="for authorise_support: the other force(s) the missions may support")
    tasks: Annotated[list[Id], Link("ASSIGNS", "Task", connection=True, filters={"tasks": "Task"})] = Field(
        default_factory=list, description="task keys it assigns (demand)")
    places: Annotated[list[Id], Link("APPLIES_TO", "Place", filters={"places": "Place"})] = Field(
        default_factory=list, description="places the tasks are assigned for")
    open_ended: bool = Field(default=False, description="the decision's text sets no end (\"until the Council "
                             "decides otherwise\"): an empty valid_to that is not an end unknown")
    cites: list[Citation] = Field(min_length=1)
    extraction: Extraction | None = Field(default=None, description="set on facts extracted from text")

    reverse: ClassVar[tuple[Reverse, ...]] = (
        Reverse("renewedBy", "mandates", "renews", connection=False, doc="Mandates that renew this one."),
        Reverse("coverages", "coverages", "mandate"),
    )
    computed: ClassVar[tuple[Computed, ...]] = (
        Computed("symbol", "String!", "this.id", "The decision's symbol (the mandate's id)."),
    )

    @model_validator(mode="after")
    def _open_ended_has_no_end(self) -> Mandate:
        if self.open_ended and self.valid_to is not None:
            raise ValueError(f"open_ended: the text sets no end, but valid_to is {self.valid_to}")
        return self


class Coverage(Dated):
    """The core fact: an actor performs a task in a place over a period, under a mandate."""

    id: Annotated[Id, FILTER, SORT]
    actor: Annotated[Id, Link("BY", "Actor", filters={"mission": "Mission", "organization": "Organization"})] = Field(
        description="a Mission or Organization id")
    task: Annotated[Id, Link("OF_TASK", "Task", filters={"task": "Task"})]
    place: Annotated[Id, Link("IN", "Place", filters={"place": "Place"})]
    role: Annotated[Role, FILTER, SORT] = Role.lead
    modality: Annotated[Modality | None, FILTER] = None
    mandate: Annotated[Id | None, Link("UNDER", "Mandate", filters={"mandate": "Mandate"})] = None
    cites: list[Citation] = Field(min_length=1)
    extraction: Extraction | None = Field(default=None, description="set on facts extracted from text")

    reverse: ClassVar[tuple[Reverse, ...]] = (
        Reverse("fundingLines", "funding_lines", "pays_for", connection=False,
                doc="Funding lines that pay for this coverage."),
    )


class FundingLine(Dated):
    """Money from funders to a recipient for a purpose; may pay for named coverage facts."""

    id: Annotated[Id, FILTER, SORT]
    name: Annotated[Text, FILTER, SORT]
    funders: Annotated[list[Id], Link("FUNDED_BY", "Organization", filters={"funders": "Organization"})] = Field(
        min_length=1)
    recipient: Annotated[Id, Link("FUNDS", "Actor", filters={"recipientMission": "Mission"})]
    instrument: Annotated[Instrument, FILTER]
    amount: Annotated[Number | None, FILTER, SORT] = Field(default=None, ge=0)
    currency: Annotated[Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")] | None, FILTER] = None
    purpose: str | None = None
    pays_for: Annotated[list[Id], Link("PAYS_FOR", "Coverage")] = Field(
        default_factory=list, description="coverage ids this line pays for")
    cites: list[Citation] = Field(min_length=1)
    extraction: Extraction | None = Field(default=None, description="set on facts extracted from text")

    @model_validator(mode="after")
    def _amount_has_currency(self) -> FundingLine:
        if self.amount is not None and self.currency is None:
            raise ValueError("an amount needs a currency (ISO 4217, e.g. USD, EUR)")
        return self


class Handover(Strict):
    """A task a transition hands to another actor, optionally for one place."""

    task: Annotated[Id, Link("OF_TASK", "Task")]
    to: Annotated[Id, Link("TO", "Actor")]
    place: Annotated[Id | None, Link("IN", "Place")] = None


class Transition(Node):
    """A dated change: drawdown, withdrawal, closure, handover, re-hatting, bridging, reconfiguration.

    `end` is the first day the departing actor is gone from `places`.
    """

    id: Annotated[Id, FILTER, SORT]
    kind: Annotated[TransitionKind, FILTER, SORT]
    from_actor: Annotated[Id, Link("FROM", "Actor", graphql="from", filters={"from": "Mission"})]
    to_actors: Annotated[list[Id], Link("TO", "Actor", graphql="to")] = Field(default_factory=list)
    places: Annotated[list[Id], Link("IN", "Place", filters={"places": "Place"})] = Field(min_length=1)
    announced: dt.date | None = None
    start: Annotated[dt.date | None, FILTER, SORT] = None
    end: Annotated[dt.date, FILTER, SORT]
    end_precision: Precision = Precision.day
    stage: Annotated[Stage, FILTER] = Stage.done
    status: Annotated[Status, FILTER] = Status.actual
    handovers: Annotated[list[Handover], Component("HANDS_OVER", "Handover")] = Field(default_factory=list)
    cites: list[Citation] = Field(min_length=1)
    extraction: Extraction | None = Field(default=None, description="set on facts extracted from text")

    @model_validator(mode="after")
    def _dates_in_order(self) -> Transition:
        if self.start and self.end < self.start:
            raise ValueError(f"end {self.end} is before start {self.start}")
        return self


class Agreement(Dated):
    """A partnership framework or coordination mechanism between organisations."""

    id: Annotated[Id, FILTER, SORT]
    name: Annotated[Text, FILTER, SORT]
    kind: Annotated[AgreementKind, FILTER]
    parties: Annotated[list[Id], Link("PARTY", "Actor", filters={"parties": "Organization"})] = Field(min_length=2)
    signed: Annotated[dt.date | None, FILTER, SORT] = None
    cites: list[Citation] = Field(min_length=1)
    extraction: Extraction | None = Field(default=None, description="set on facts extracted from text")


class Bundle(Strict):
    """A file of facts that scripts load: sources first, then entities, then the facts that tie them."""

    format: Literal["peacegraph.bundle/1"] = Field(description="marks the file as a peacegraph bundle")
    id: Id | None = Field(default=None, description="a name for the bundle")
    description: str | None = None
    sources: list[Source] = Field(default_factory=list)
    organizations: list[Organization] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    tasks: list[Task] = Field(default_factory=list)
    missions: list[Mission] = Field(default_factory=list)
    mandates: list[Mandate] = Field(default_factory=list)
    coverages: list[Coverage] = Field(default_factory=list)
    funding_lines: list[FundingLine] = Field(default_factory=list)
    transitions: list[Transition] = Field(default_factory=list)
    agreements: list[Agreement] = Field(default_factory=list)


KINDS: tuple[str, ...] = tuple(name for name in Bundle.model_fields if name not in ("format", "id", "description"))
"""The bundle sections, one per kind of node, in the order a bundle lists them."""
