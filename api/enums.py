"""Real GraphQL enums, one per enum of the domain model (same member names and values as the model's)."""

from __future__ import annotations

from enum import Enum, StrEnum
from typing import Any

import strawberry

from peacegraph.graph.domain.spec import NODES

_MADE: dict[type[StrEnum], Any] = {}


def graphql_enum(model_enum: type[StrEnum]) -> Any:
    """The strawberry enum mirroring a model enum (made once; the model class itself is left untouched)."""
    if model_enum not in _MADE:
        copy = Enum(model_enum.__name__, [(m.name, m.value) for m in model_enum])
        _MADE[model_enum] = strawberry.enum(copy, description=(model_enum.__doc__ or "").strip() or None)
    return _MADE[model_enum]


def model_enums() -> list[type[StrEnum]]:
    """Every enum a node property uses, in spec order."""
    seen: dict[type[StrEnum], None] = {}
    for spec in NODES.values():
        for prop in spec.props:
            if prop.enum is not None:
                seen.setdefault(prop.enum)
    return list(seen)


@strawberry.enum
class SortDirection(Enum):
    ASC = "ASC"
    DESC = "DESC"
