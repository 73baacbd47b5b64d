"""`where` and `sort` inputs in the style of the Neo4j GraphQL Library, for every root list.

Field names here must match graph/schema.py FILTER_FIELDS and REL_FILTERS (a test checks it).
"""

import datetime as dt
from enum import Enum
from typing import Optional

import strawberry


@strawberry.input(description="String operators.")
class StringFilter:
    eq: str | None = None
    in_: list[str] | None = strawberry.field(default=None, name="in")
    contains: str | None = None
    starts_with: str | None = None
    ends_with: str | None = None
    is_null: bool | None = None


@strawberry.input(description="Date operators.")
class DateFilter:
    eq: dt.date | None = None
    in_: list[dt.date] | None = strawberry.field(default=None, name="in")
    lt: dt.date | None = None
    lte: dt.date | None = None
    gt: dt.date | None = None
    gte: dt.date | None = None
    is_null: bool | None = None


@strawberry.input(description="Number operators.")
class FloatFilter:
    eq: float | None = None
    in_: list[float] | None = strawberry.field(default=None, name="in")
    lt: float | None = None
    lte: float | None = None
    gt: float | None = None
    gte: float | None = None
    is_null: bool | None = None


@strawberry.enum
class SortDirection(Enum):
    ASC = "ASC"
    DESC = "DESC"


@strawberry.input
class SourceWhere:
    id: StringFilter | None = None
    title: StringFilter | None = None
    kind: StringFilter | None = None
    date: DateFilter | None = None
    symbol: StringFilter | None = None
    AND: list["SourceWhere"] | None = None
    OR: list["SourceWhere"] | None = None
    NOT: Optional["SourceWhere"] = None


@strawberry.input
class TaskWhere:
    id: StringFilter | None = None
    group: StringFilter | None = None
    label: StringFilter | None = None
    mandates: Optional["MandateRelation"] = None
    AND: list["TaskWhere"] | None = None
    OR: list["TaskWhere"] | None = None
    NOT: Optional["TaskWhere"] = None


@strawberry.input
class PlaceWhere:
    id: StringFilter | None = None
    name: StringFilter | None = None
    kind: StringFilter | None = None
    iso3: StringFilter | None = None
    missions: Optional["MissionRelation"] = None
    parent: Optional["PlaceRelation"] = None
    AND: list["PlaceWhere"] | None = None
    OR: list["PlaceWhere"] | None = None
    NOT: Optional["PlaceWhere"] = None


@strawberry.input
class OrganizationWhere:
    id: StringFilter | None = None
    name: StringFilter | None = None
    acronym: StringFilter | None = None
    kind: StringFilter | None = None
    missions: Optional["MissionRelation"] = None
    agreements: Optional["AgreementRelation"] = None
    AND: list["OrganizationWhere"] | None = None
    OR: list["OrganizationWhere"] | None = None
    NOT: Optional["OrganizationWhere"] = None


@strawberry.input
class MissionWhere:
    id: StringFilter | None = None
    name: StringFilter | None = None
    acronym: StringFilter | None = None
    kind: StringFilter | None = None
    valid_from: DateFilter | None = None
    valid_to: DateFilter | None = None
    status: StringFilter | None = None
    led_by: Optional["OrganizationRelation"] = None
    deployed_in: Optional["PlaceRelation"] = None
    mandates: Optional["MandateRelation"] = None
    coverages: Optional["CoverageRelation"] = None
    AND: list["MissionWhere"] | None = None
    OR: list["MissionWhere"] | None = None
    NOT: Optional["MissionWhere"] = None


@strawberry.input
class MandateWhere:
    id: StringFilter | None = None
    kind: StringFilter | None = None
    adopted: DateFilter | None = None
    valid_from: DateFilter | None = None
    valid_to: DateFilter | None = None
    status: StringFilter | None = None
    authorizes: Optional["MissionRelation"] = None
    tasks: Optional["TaskRelation"] = None
    places: Optional["PlaceRelation"] = None
    issued_by: Optional["OrganizationRelation"] = None
    AND: list["MandateWhere"] | None = None
    OR: list["MandateWhere"] | None = None
    NOT: Optional["MandateWhere"] = None


@strawberry.input
class CoverageWhere:
    id: StringFilter | None = None
    role: StringFilter | None = None
    modality: StringFilter | None = None
    valid_from: DateFilter | None = None
    valid_to: DateFilter | None = None
    status: StringFilter | None = None
    task: Optional["TaskRelation"] = None
    place: Optional["PlaceRelation"] = None
    mission: Optional["MissionRelation"] = None
    organization: Optional["OrganizationRelation"] = None
    mandate: Optional["MandateRelation"] = None
    AND: list["CoverageWhere"] | None = None
    OR: list["CoverageWhere"] | None = None
    NOT: Optional["CoverageWhere"] = None


@strawberry.input
class FundingLineWhere:
    id: StringFilter | None = None
    name: StringFilter | None = None
    instrument: StringFilter | None = None
    amount: FloatFilter | None = None
    currency: StringFilter | None = None
    valid_from: DateFilter | None = None
    valid_to: DateFilter | None = None
    status: StringFilter | None = None
    funders: Optional["OrganizationRelation"] = None
    recipient_mission: Optional["MissionRelation"] = None
    AND: list["FundingLineWhere"] | None = None
    OR: list["FundingLineWhere"] | None = None
    NOT: Optional["FundingLineWhere"] = None


@strawberry.input
class TransitionWhere:
    id: StringFilter | None = None
    kind: StringFilter | None = None
    stage: StringFilter | None = None
    start: DateFilter | None = None
    end: DateFilter | None = None
    status: StringFilter | None = None
    from_: Optional["MissionRelation"] = strawberry.field(default=None, name="from")
    places: Optional["PlaceRelation"] = None
    AND: list["TransitionWhere"] | None = None
    OR: list["TransitionWhere"] | None = None
    NOT: Optional["TransitionWhere"] = None


@strawberry.input
class AgreementWhere:
    id: StringFilter | None = None
    name: StringFilter | None = None
    kind: StringFilter | None = None
    signed: DateFilter | None = None
    valid_from: DateFilter | None = None
    valid_to: DateFilter | None = None
    status: StringFilter | None = None
    parties: Optional["OrganizationRelation"] = None
    AND: list["AgreementWhere"] | None = None
    OR: list["AgreementWhere"] | None = None
    NOT: Optional["AgreementWhere"] = None


@strawberry.input(description="Relationship filter: some related node matches, or none does.")
class MissionRelation:
    some: MissionWhere | None = None
    none: MissionWhere | None = None


@strawberry.input
class OrganizationRelation:
    some: OrganizationWhere | None = None
    none: OrganizationWhere | None = None


@strawberry.input
class PlaceRelation:
    some: PlaceWhere | None = None
    none: PlaceWhere | None = None


@strawberry.input
class MandateRelation:
    some: MandateWhere | None = None
    none: MandateWhere | None = None


@strawberry.input
class TaskRelation:
    some: TaskWhere | None = None
    none: TaskWhere | None = None


@strawberry.input
class CoverageRelation:
    some: CoverageWhere | None = None
    none: CoverageWhere | None = None


@strawberry.input
class AgreementRelation:
    some: AgreementWhere | None = None
    none: AgreementWhere | None = None


def _sort_input(name: str, fields: list[str]) -> type:
    """A sort input with one optional direction per sortable field (e.g. MissionSort {name: ASC})."""
    annotations = {f: Optional[SortDirection] for f in fields}  # noqa: UP045 (strawberry reads these at runtime)
    cls = type(name, (), {"__annotations__": annotations, **{f: None for f in fields}})
    return strawberry.input(cls, description=f"Sort {name.removesuffix('Sort')} results; the id breaks ties.")


SourceSort = _sort_input("SourceSort", ["id", "title", "date"])
TaskSort = _sort_input("TaskSort", ["id", "group", "label"])
PlaceSort = _sort_input("PlaceSort", ["id", "name", "kind"])
OrganizationSort = _sort_input("OrganizationSort", ["id", "name", "acronym", "kind"])
MissionSort = _sort_input("MissionSort", ["id", "name", "acronym", "kind", "validFrom", "validTo"])
MandateSort = _sort_input("MandateSort", ["id", "adopted", "validFrom", "validTo"])
CoverageSort = _sort_input("CoverageSort", ["id", "validFrom", "validTo", "role"])
FundingLineSort = _sort_input("FundingLineSort", ["id", "name", "amount", "validFrom", "validTo"])
TransitionSort = _sort_input("TransitionSort", ["id", "kind", "start", "end"])
AgreementSort = _sort_input("AgreementSort", ["id", "name", "signed", "validFrom"])
