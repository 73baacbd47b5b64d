"""The domain model: pydantic v2 classes for every kind of fact, and the bundle that carries them.

One source of truth: the bundle JSON Schema, the loader's validation and the GraphQL enums derive from here.
Time rule everywhere: `valid_from` is inclusive, `valid_to` is exclusive; a missing bound is open-ended.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

BUNDLE_FORMAT = "peacegraph.bundle/1"

Id = Annotated[str, StringConstraints(strip_whitespace=False, min_length=1, max_length=200, pattern=r"^\S(.*\S)?$")]
Text = Annotated[str, StringConstraints(min_length=1, max_length=2000)]


class Status(StrEnum):
    """How sure a fact is: reports mix facts with plans, forecasts and proposals."""

    actual = "actual"
    planned = "planned"
    forecast = "forecast"
    proposed = "proposed"


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

    model_config = ConfigDict(extra="forbid", use_enum_values=True, frozen=False)


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
    confidence: float = Field(ge=0, le=1)
    review: Review = Review.pending


class Dated(Strict):
    """A fact that holds over a period: valid_from inclusive, valid_to exclusive, either may be open."""

    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    valid_from_precision: Precision = Precision.day
    valid_to_precision: Precision = Precision.day
    status: Status = Status.actual

    @model_validator(mode="after")
    def _period_in_order(self) -> Dated:
        if self.valid_from and self.valid_to and self.valid_to <= self.valid_from:
            raise ValueError(
                f"valid_to {self.valid_to} is not after valid_from {self.valid_from} (valid_to is exclusive)"
            )
        return self


class Source(Strict):
    """A report, resolution, decision or dataset that supports facts."""

    id: Id
    title: Text
    kind: SourceKind
    date: dt.date | None = None
    symbol: str | None = None
    publisher: str | None = None
    url: str | None = None
    path: str | None = Field(default=None, description="path of the text within the project, for reports")


class Organization(Strict):
    """An organisation that acts: UN, AU, EU, NATO, a UN entity, a government, an NGO."""

    id: Id
    name: Text
    acronym: str | None = None
    aliases: list[str] = Field(default_factory=list)
    kind: OrgKind
    part_of: Id | None = Field(default=None, description="parent organisation (UNDP part_of un)")
    country: Id | None = Field(default=None, description="for a government: the country it governs")
    cites: list[Citation] = Field(default_factory=list)
    extraction: Extraction | None = Field(default=None, description="set on facts extracted from text")


class Place(Strict):
    """A country (ISO 3166 alpha-3 id) or a sub-national area or maritime zone with a parent."""

    id: Id
    name: Text
    kind: PlaceKind
    parent: Id | None = None
    iso3: str | None = None
    pcode: str | None = None
    aliases: list[str] = Field(default_factory=list)
    adjectives: list[str] = Field(default_factory=list)
    cites: list[Citation] = Field(default_factory=list)
    extraction: Extraction | None = Field(default=None, description="set on facts extracted from text")

    @model_validator(mode="after")
    def _country_has_no_parent(self) -> Place:
        if self.kind == PlaceKind.country and self.parent:
            raise ValueError("a country has no parent place")
        if self.kind != PlaceKind.country and not self.parent:
            raise ValueError(f"a {self.kind} needs a parent place (its country)")
        return self


class Task(Strict):
    """A mandated activity from the fixed taxonomy; `id` is its key (civilian_protection)."""

    id: Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")]
    group: TaskGroup
    label: Text
    pema: str | None = Field(default=None, description="the PEMA dataset's task name, where one matches")
    primary_responsibility: Responsibility | None = Field(
        default=None, description="who holds primary responsibility for the task (a principle, never coverage)")
    phrases: list[str] = Field(default_factory=list, description="phrases that name the task in report text")
    cites: list[Citation] = Field(default_factory=list)


class Mission(Dated):
    """A peace operation or force, led by one or more organisations, deployed in one or more places."""

    id: Id
    acronym: str | None = None
    name: Text
    aliases: list[str] = Field(default_factory=list)
    kind: MissionKind
    led_by: list[Id] = Field(min_length=1)
    deployed_in: list[Id] = Field(min_length=1)
    cites: list[Citation] = Field(min_length=1)
    extraction: Extraction | None = Field(default=None, description="set on facts extracted from text")


class Mandate(Dated):
    """A decision authorising a mission or tasks; valid_from = in force from, valid_to = expiry."""

    id: Id = Field(description="the symbol, normalised: 'S/RES/2100 (2013)'")
    kind: MandateKind
    title: str | None = None
    issued_by: Id
    adopted: dt.date | None = None
    action: MandateAction | None = Field(default=None, description="what the decision does to the mandate")
    renews: Id | None = Field(default=None, description="the mandate this one renews, modifies or terminates")
    authorizes: list[Id] = Field(default_factory=list, description="missions it authorises or renews")
    tasks: list[Id] = Field(default_factory=list, description="task keys it assigns (demand)")
    places: list[Id] = Field(default_factory=list, description="places the tasks are assigned for")
    cites: list[Citation] = Field(min_length=1)
    extraction: Extraction | None = Field(default=None, description="set on facts extracted from text")


class Coverage(Dated):
    """The core fact: an actor performs a task in a place over a period, under a mandate."""

    id: Id
    actor: Id = Field(description="a Mission or Organization id")
    task: Id
    place: Id
    role: Role = Role.lead
    modality: Modality | None = None
    mandate: Id | None = None
    cites: list[Citation] = Field(min_length=1)
    extraction: Extraction | None = Field(default=None, description="set on facts extracted from text")


class FundingLine(Dated):
    """Money from funders to a recipient for a purpose; may pay for named coverage facts."""

    id: Id
    name: Text
    funders: list[Id] = Field(min_length=1)
    recipient: Id
    instrument: Instrument
    amount: float | None = Field(default=None, ge=0)
    currency: Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")] | None = None
    purpose: str | None = None
    pays_for: list[Id] = Field(default_factory=list, description="coverage ids this line pays for")
    cites: list[Citation] = Field(min_length=1)
    extraction: Extraction | None = Field(default=None, description="set on facts extracted from text")

    @model_validator(mode="after")
    def _amount_has_currency(self) -> FundingLine:
        if self.amount is not None and self.currency is None:
            raise ValueError("an amount needs a currency (ISO 4217, e.g. USD, EUR)")
        return self


class Handover(Strict):
    """A task a transition hands to another actor, optionally for one place."""

    task: Id
    to: Id
    place: Id | None = None


class Transition(Strict):
    """A dated change: drawdown, withdrawal, closure, handover, re-hatting, bridging, reconfiguration.

    `end` is the first day the departing actor is gone from `places`.
    """

    id: Id
    kind: TransitionKind
    from_actor: Id
    to_actors: list[Id] = Field(default_factory=list)
    places: list[Id] = Field(min_length=1)
    announced: dt.date | None = None
    start: dt.date | None = None
    end: dt.date
    end_precision: Precision = Precision.day
    stage: Stage = Stage.done
    status: Status = Status.actual
    handovers: list[Handover] = Field(default_factory=list)
    cites: list[Citation] = Field(min_length=1)
    extraction: Extraction | None = Field(default=None, description="set on facts extracted from text")

    @model_validator(mode="after")
    def _dates_in_order(self) -> Transition:
        if self.start and self.end < self.start:
            raise ValueError(f"end {self.end} is before start {self.start}")
        return self


class Agreement(Dated):
    """A partnership framework or coordination mechanism between organisations."""

    id: Id
    name: Text
    kind: AgreementKind
    parties: list[Id] = Field(min_length=2)
    signed: dt.date | None = None
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


KINDS: tuple[str, ...] = (
    "sources", "organizations", "places", "tasks", "missions", "mandates",
    "coverages", "funding_lines", "transitions", "agreements",
)
