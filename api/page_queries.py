"""The planners' page's GraphQL documents, as data: api/web/src/js/queries.js, written to dist/queries.json by
`make web`. The start-up warm-up runs some of them, and a test validates all of them against the schema; the
browser tests and the page bench label requests by their operation name."""

from __future__ import annotations

import datetime as dt
import json
from importlib.resources import files
from pathlib import Path
from typing import Any

from graphql import GraphQLError, OperationDefinitionNode, parse


def web_dist() -> Path | None:
    """The built planners' page, shipped as package data (None until `make web` built it)."""
    dist = Path(str(files("peacegraph.api").joinpath("web", "dist")))
    return dist if dist.is_dir() else None


def operation_name(document: str) -> str | None:
    """The name of a GraphQL document's first operation (`query Matrix(…) {…}` → "Matrix"); None when it is
    anonymous or not GraphQL (what the browser tests and the page bench label requests with)."""
    try:
        ops = [d for d in parse(document).definitions if isinstance(d, OperationDefinitionNode)]
    except GraphQLError:
        return None
    return ops[0].name.value if ops and ops[0].name else None


def page_queries(dist: Path | None = None) -> dict[str, str]:
    """Name → GraphQL document of every request the page sends; empty when the page is not built."""
    dist = dist if dist is not None else web_dist()
    path = dist / "queries.json" if dist is not None else None
    if path is None or not path.is_file():
        return {}
    loaded: dict[str, str] = json.loads(path.read_text(encoding="utf-8"))
    return loaded


def first_visit(country: str, on: dt.date, mission: str | None = None) -> list[tuple[str, dict[str, Any]]]:
    """The requests a planner's first views of a country send (its country, matrix, timeline and compare views, the
    names of organisations and missions the matrix and the portfolio look up, and the graph view centred on one of its
    missions), as (page query name, variables): what the warm-up runs so that Neo4j has planned them before anyone
    asks (a statement is planned once whatever its parameters, so any ids will do for the look-ups)."""
    day = on.isoformat()
    years_ago = lambda n: dt.date(on.year - n, on.month, min(on.day, 28)).isoformat()  # noqa: E731
    return [
        ("bootstrap", {}),
        ("country", {"id": country, "sid": country}),
        ("matrix", {"place": country, "asOf": day, "planned": False}),
        ("timeline", {"place": country, "from": years_ago(5), "to": day, "planned": False}),
        ("diff", {"place": country, "from": years_ago(1), "to": day, "planned": False}),
        ("organizations", {"ids": [country]}),
        *(_mission_views(mission) if mission else []),
    ]


def _mission_views(mission: str) -> list[tuple[str, dict[str, Any]]]:
    return [("missionNames", {"ids": [mission]}), ("mission", {"id": mission})]
