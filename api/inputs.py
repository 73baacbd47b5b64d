"""`where` and `sort` inputs in the style of the Neo4j GraphQL Library, for every root list.

Field names here must match graph/schema.py FILTER_FIELDS and REL_FILTERS (a test checks it).
"""

import datetime as dt
from enum import Enum
from typing import Optional

import strawberry


@strawberry.input(description="String operators.")
class StringFilter:
    eq: Optional[str] = None
    in_: Optional[list[str]] = strawberry.field(default=None, name="in")
    contains: Optional[str] = None
    starts_with: Optional[str] = None
    ends_with: Optional[str] = None
    is_null: Optional[bool] = None


@strawberry.input(description="Date operators.")
class DateFilter:
    eq: Optional[dt.date] = None
    in_: Optional[list[dt.date]] = strawberry.field(default=None, name="in")
    lt: Optional[dt.date] = None
    lte: Optional[dt.date] = None
    gt: Optional[dt.date] = None
    gte: Optional[dt.date] = None
    is_null: Optional[bool] = None


@strawberry.input(description="Number operators.")
class FloatFilter:
    eq: Optional[float] = None
    in_: Optional[list[float]] = strawberry.field(default=None, name="in")
    lt: Optional[float] = None
    lte: Optional[float] = None
    gt: Optional[float] = None
    gte: Optional[float] = None
    is_null: Optional[bool] = None


@strawberry.enum
class SortDirection(Enum):
    ASC = "ASC"
    DESC = "DESC"


@strawberry.input
class SourceWhere:
    id: Optional[StringFilter] = None
    title: Optional[StringFilter] = None
    kind: Optional[StringFilter] = None
    date: Optional[DateFilter] = None
    symbol: Optional[StringFilter] = None
    AND: Optional[list["SourceWhere"]] = None
    OR: Optional[list["SourceWhere"]] = None
    NOT: Optional["SourceWhere"] = None


@strawberry.input
class TaskWhere:
    id: Optional[StringFilter] = None
    group: Optional[StringFilter] = None
    label: Optional[StringFilter] = None
    mandates: Optional["MandateRelation"] = None
    AND: Optional[list["TaskWhere"]] = None
    OR: Optional[list["TaskWhere"]] = None
    NOT: Optional["TaskWhere"] = None


@strawberry.input
class PlaceWhere:
    id: Optional[StringFilter] = None
    name: Optional[StringFilter] = None
    kind: Optional[StringFilter] = None
    iso3: Optional[StringFilter] = None
    missions: Optional["MissionRelation"] = None
    parent: Optional["PlaceRelation"] = None
    AND: Optional[list["PlaceWhere"]] = None
    OR: Optional[list["PlaceWhere"]] = None
    NOT: Optional["PlaceWhere"] = None


@strawberry.input
class OrganizationWhere:
    id: Optional[StringFilter] = None
    name: Optional[StringFilter] = None
    acronym: Optional[StringFilter] = None
    kind: Optional[StringFilter] = None
    missions: Optional["MissionRelation"] = None
    agreements: Optional["AgreementRelation"] = None
    AND: Optional[list["OrganizationWhere"]] = None
    OR: Optional[list["OrganizationWhere"]] = None
    NOT: Optional["OrganizationWhere"] = None


@strawberry.input
class MissionWhere:
    id: Optional[StringFilter] = None
    name: Optional[StringFilter] = None
    acronym: Optional[StringFilter] = None
    kind: Optional[StringFilter] = None
    valid_from: Optional[DateFilter] = None
    valid_to: Optional[DateFilter] = None
    status: Optional[StringFilter] = None
    led_by: Optional["OrganizationRelation"] = None
    deployed_in: Optional["PlaceRelation"] = None
    mandates: Optional["MandateRelation"] = None
    coverages: Optional["CoverageRelation"] = None
    AND: Optional[list["MissionWhere"]] = None
    OR: Optional[list["MissionWhere"]] = None
    NOT: Optional["MissionWhere"] = None


@strawberry.input
class MandateWhere:
    id: Optional[StringFilter] = None
    kind: Optional[StringFilter] = None
    adopted: Optional[DateFilter] = None
    valid_from: Optional[DateFilter] = None
    valid_to: Optional[DateFilter] = None
    status: Optional[StringFilter] = None
    authorizes: Optional["MissionRelation"] = None
    tasks: Optional["TaskRelation"] = None
    places: Optional["PlaceRelation"] = None
    issued_by: Optional["OrganizationRelation"] = None
    AND: Optional[list["MandateWhere"]] = None
    OR: Optional[list["MandateWhere"]] = None
    NOT: Optional["MandateWhere"] = None


@strawberry.input
class CoverageWhere:
    id: Optional[StringFilter] = None
    role: Optional[StringFilter] = None
    modality: Optional[StringFilter] = None
    valid_from: Optional[DateFilter] = None
    valid_to: Optional[DateFilter] = None
    status: Optional[StringFilter] = None
    task: Optional["TaskRelation"] = None
    place: Optional["PlaceRelation"] = None
    mission: Optional["MissionRelation"] = None
    organization: Optional["OrganizationRelation"] = None
    mandate: Optional["MandateRelation"] = None
    AND: Optional[list["CoverageWhere"]] = None
    OR: Optional[list["CoverageWhere"]] = None
    NOT: Optional["CoverageWhere"] = None


@strawberry.input
class FundingLineWhere:
    id: Optional[StringFilter] = None
    name: Optional[StringFilter] = None
    instrument: Optional[StringFilter] = None
    amount: Optional[FloatFilter] = None
    currency: Optional[StringFilter] = None
    valid_from: Optional[DateFilter] = None
    valid_to: Optional[DateFilter] = None
    status: Optional[StringFilter] = None
    funders: Optional["OrganizationRelation"] = None
    recipient_mission: Optional["MissionRelation"] = None
    AND: Optional[list["FundingLineWhere"]] = None
    OR: Optional[list["FundingLineWhere"]] = None
    NOT: Optional["FundingLineWhere"] = None


@strawberry.input
class TransitionWhere:
    id: Optional[StringFilter] = None
    kind: Optional[StringFilter] = None
    stage: Optional[StringFilter] = None
    start: Optional[DateFilter] = None
    end: Optional[DateFilter] = None
    status: Optional[StringFilter] = None
    from_: Optional["MissionRelation"] = strawberry.field(default=None, name="from")
    places: Optional["PlaceRelation"] = None
    AND: Optional[list["TransitionWhere"]] = None
    OR: Optional[list["TransitionWhere"]] = None
    NOT: Optional["TransitionWhere"] = None


@strawberry.input
class AgreementWhere:
    id: Optional[StringFilter] = None
    name: Optional[StringFilter] = None
    kind: Optional[StringFilter] = None
    signed: Optional[DateFilter] = None
    valid_from: Optional[DateFilter] = None
    valid_to: Optional[DateFilter] = None
    status: Optional[StringFilter] = None
    parties: Optional["OrganizationRelation"] = None
    AND: Optional[list["AgreementWhere"]] = None
    OR: Optional[list["AgreementWhere"]] = None
    NOT: Optional["AgreementWhere"] = None


@strawberry.input(description="Relationship filter: some related node matches, or none does.")
class MissionRelation:
    some: Optional[MissionWhere] = None
    none: Optional[MissionWhere] = None


@strawberry.input
class OrganizationRelation:
    some: Optional[OrganizationWhere] = None
    none: Optional[OrganizationWhere] = None


@strawberry.input
class PlaceRelation:
    some: Optional[PlaceWhere] = None
    none: Optional[PlaceWhere] = None


@strawberry.input
class MandateRelation:
    some: Optional[MandateWhere] = None
    none: Optional[MandateWhere] = None


@strawberry.input
class TaskRelation:
    some: Optional[TaskWhere] = None
    none: Optional[TaskWhere] = None


@strawberry.input
class CoverageRelation:
    some: Optional[CoverageWhere] = None
    none: Optional[CoverageWhere] = None


@strawberry.input
class AgreementRelation:
    some: Optional[AgreementWhere] = None
    none: Optional[AgreementWhere] = None


def _sort_input(name: str, fields: list[str]) -> type:
    """A sort input with one optional direction per sortable field (e.g. MissionSort {name: ASC})."""
    annotations = {f: Optional[SortDirection] for f in fields}
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
