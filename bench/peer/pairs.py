"""The query pairs of the side-by-side benchmark: one question asked of peacegraph and of the Neo4j GraphQL Library.

Each pair is written in each schema's own conventions (ours: root connections named like the kind, `asOf` on
dated nested connections, nested pages in id order; the peer: `xConnection`, `sort: [{node: …}]` on nested
connections, `where` for what our `asOf` means). `canonical` turns either response into the same plain shape, so
the bench can check that both return the same ids and values before it times anything.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

AS_OF = "2015-06-01"
COUNTRY = "S03"


@dataclass(frozen=True)
class Pair:
    """One question: our query, the peer's query, and whether the peer answers with a list where we answer one node."""

    name: str
    ours: str
    peer: str
    peer_single: str | None = None  # the root field that the peer answers as a one-element list


def _in_force(on: str) -> str:
    """A `where` (peer syntax) for facts in force on `on`: valid_from inclusive, valid_to exclusive, open ends."""
    return (f'AND: [{{OR: [{{validFrom: {{eq: null}}}}, {{validFrom: {{lte: "{on}"}}}}]}}, '
            f'{{OR: [{{validTo: {{eq: null}}}}, {{validTo: {{gt: "{on}"}}}}]}}]')


MISSION_FIELDS = "id name acronym kind status validFrom validTo"
COVERAGE_FIELDS = "id role modality status validFrom validTo"
FUNDING_FIELDS = ("id name instrument amount currency purpose validFrom validTo validFromPrecision validToPrecision "
                  "status verifiedOn")
ACTOR = "actor { __typename ... on Mission { id name } ... on Organization { id name } }"

PAIRS: tuple[Pair, ...] = (
    Pair(
        "missions page: filter, sort, 50 items, totalCount",
        '{ missions(where: {deployedIn: {some: {id: {eq: "S05"}}}, validFrom: {lt: "2015-01-01"}}, '
        f'sort: [{{validFrom: DESC}}], first: 50) {{ totalCount edges {{ node {{ {MISSION_FIELDS} '
        "ledBy { id name } } } } }",
        '{ missionsConnection(where: {deployedIn: {some: {id: {eq: "S05"}}}, validFrom: {lt: "2015-01-01"}}, '
        f'sort: [{{validFrom: DESC}}, {{id: ASC}}], first: 50) {{ totalCount edges {{ node {{ {MISSION_FIELDS} '
        "ledBy(sort: [{id: ASC}]) { id name } } } } }",
    ),
    Pair(
        "missions → mandates → tasks (3 levels, 50 missions)",
        '{ missions(where: {kind: {eq: other}}, sort: [{id: ASC}], first: 50) { totalCount edges { node { '
        "id name mandates(asOf: null, first: 10) { totalCount edges { node { id adopted validFrom validTo "
        "tasks(first: 20) { totalCount edges { node { id group label } } } } } } } } } }",
        '{ missionsConnection(where: {kind: {eq: other}}, sort: [{id: ASC}], first: 50) { totalCount edges { '
        "node { id name mandatesConnection(sort: [{node: {id: ASC}}], first: 10) { totalCount edges { node { "
        "id adopted validFrom validTo tasksConnection(sort: [{node: {id: ASC}}], first: 20) { totalCount edges { "
        "node { id group label } } } } } } } } } }",
    ),
    Pair(
        "coverage in one country as of a date, 200",
        f'{{ coverages(where: {{place: {{some: {{OR: [{{id: {{eq: "{COUNTRY}"}}}}, '
        f'{{parent: {{some: {{id: {{eq: "{COUNTRY}"}}}}}}}}]}}}}, validFrom: {{lte: "{AS_OF}"}}, '
        f'OR: [{{validTo: {{isNull: true}}}}, {{validTo: {{gt: "{AS_OF}"}}}}]}}, sort: [{{id: ASC}}], first: 200) '
        f"{{ totalCount edges {{ node {{ {COVERAGE_FIELDS} {ACTOR} task {{ id label }} place {{ id name }} "
        "mandate { id } } } } }",
        f'{{ coveragesConnection(where: {{place: {{OR: [{{id: {{eq: "{COUNTRY}"}}}}, '
        f'{{parent: {{id: {{eq: "{COUNTRY}"}}}}}}]}}, validFrom: {{lte: "{AS_OF}"}}, '
        f'OR: [{{validTo: {{eq: null}}}}, {{validTo: {{gt: "{AS_OF}"}}}}]}}, sort: [{{id: ASC}}], first: 200) '
        f"{{ totalCount edges {{ node {{ {COVERAGE_FIELDS} {ACTOR} task {{ id label }} place {{ id name }} "
        "mandate { id } } } } }",
    ),
    Pair(
        "one place → areas → coverages → actor → ledBy",
        f'{{ place(id: "{COUNTRY}") {{ id name areas(first: 10) {{ totalCount edges {{ node {{ id name '
        f'coverages(asOf: "{AS_OF}", first: 50) {{ totalCount edges {{ node {{ id role status '
        "actor { __typename ... on Mission { id name ledBy { id name } } ... on Organization { id name } } "
        "} } } } } } } }",
        f'{{ place: places(where: {{id: {{eq: "{COUNTRY}"}}}}) {{ id name '
        "areasConnection(sort: [{node: {id: ASC}}], first: 10) { totalCount edges { node { id name "
        f"coveragesConnection(where: {{node: {{{_in_force(AS_OF)}}}}}, sort: [{{node: {{id: ASC}}}}], first: 50) "
        "{ totalCount edges { node { id role status actor { __typename ... on Mission { id name "
        "ledBy(sort: [{id: ASC}]) { id name } } ... on Organization { id name } } } } } } } } } }",
        peer_single="place",
    ),
    Pair(
        "filtered count",
        '{ coverages(where: {status: {eq: actual}, role: {eq: lead}, validFrom: {gte: "2010-01-01"}, '
        'task: {some: {group: {eq: protection}}}}) { totalCount } }',
        '{ coveragesConnection(where: {status: {eq: actual}, role: {eq: lead}, validFrom: {gte: "2010-01-01"}, '
        'task: {group: {eq: protection}}}) { totalCount } }',
    ),
    Pair(
        "200 funding lines, every scalar",
        "{ fundingLines(sort: [{id: ASC}], first: 200) { totalCount edges { node { "
        f"{FUNDING_FIELDS} }} }} }} }}",
        "{ fundingLinesConnection(sort: [{id: ASC}], first: 200) { totalCount edges { node { "
        f"{FUNDING_FIELDS} }} }} }} }}",
    ),
)


def canonical(value: Any) -> Any:
    """A response's data in a shape both schemas share: connections as {totalCount, nodes}, `xConnection` keys as
    `x`, cursors and pageInfo dropped (the two libraries encode cursors differently)."""
    if isinstance(value, list):
        return [canonical(v) for v in value]
    if not isinstance(value, dict):
        return value
    out: dict[str, Any] = {}
    for key, item in value.items():
        if key in ("cursor", "pageInfo"):
            continue
        if key == "edges":
            out["nodes"] = [canonical(edge["node"]) for edge in item]
            continue
        out[key.removesuffix("Connection")] = canonical(item)
    return out


def first_difference(a: Any, b: Any, path: str = "data") -> str | None:
    """Where two canonical values first differ, as `path: ours != peer`, or None when they are equal."""
    if isinstance(a, dict) and isinstance(b, dict):
        for key in sorted(set(a) | set(b)):
            if key not in a or key not in b:
                return f"{path}.{key}: present only in {'ours' if key in a else 'the peer'}"
            found = first_difference(a[key], b[key], f"{path}.{key}")
            if found:
                return found
        return None
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return f"{path}: {len(a)} items in ours, {len(b)} in the peer's"
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            found = first_difference(x, y, f"{path}[{i}]")
            if found:
                return found
        return None
    return None if a == b else f"{path}: {a!r} != {b!r}"


def scalars(value: Any) -> list[Any]:
    """Every scalar value a canonical response holds (so that an empty answer on both sides does not pass)."""
    if isinstance(value, dict):
        return [s for v in value.values() for s in scalars(v)]
    if isinstance(value, list):
        return [s for v in value for s in scalars(v)]
    return [value]
