"""A field and a relationship added in the model alone (Source.content_hash; Organization.contributes_to with its
reverse Mission.contributors) are stored, served, filtered and exported with no other code change."""

from __future__ import annotations

from typing import Any

from peacegraph.graph.bundles.load import load_bundles
from peacegraph.graph.bundles.parse import parse_bundle_text
from peacegraph.graph.store.database import Database
from peacegraph.graph.store.export import export_bundle
from tests.fixtures.api import GraphQLClient

BUNDLE = """
format: peacegraph.bundle/1
sources:
- {id: src, title: A report, kind: report, path: r.txt,
   content_hash: 2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae}
organizations:
- {id: un, name: United Nations, kind: intergovernmental}
- {id: gov-bgd, name: Government of Bangladesh, kind: government, contributes_to: [m1]}
places:
- {id: ZZA, name: Zedland, kind: country}
missions:
- {id: m1, name: Mission One, kind: un_peacekeeping, led_by: [un], deployed_in: [ZZA], verified_on: '2026-01-01',
   cites: [{source: src, locator: line 1}]}
"""


async def test_the_new_field_and_relationship_round_trip(graph: Database, gql: GraphQLClient) -> None:
    await load_bundles(graph, [parse_bundle_text(BUNDLE, "spec-change.yaml")])
    reply: dict[str, Any] = gql('{ mission(id: "m1") { contributors { id } } '
                                '  organizations(where: {contributesTo: {some: {id: {eq: "m1"}}}}) { edges { node {'
                                '    id contributesTo { name } } } } '
                                '  sources(where: {contentHash: {startsWith: "2c26"}}) { edges { node { id } } } }')
    assert "errors" not in reply, reply
    data = reply["data"]
    assert data["mission"]["contributors"] == [{"id": "gov-bgd"}]
    assert data["organizations"]["edges"] == [{"node": {"id": "gov-bgd", "contributesTo": [{"name": "Mission One"}]}}]
    assert data["sources"]["edges"] == [{"node": {"id": "src"}}]
    exported = await export_bundle(graph)
    assert next(o for o in exported.organizations if o.id == "gov-bgd").contributes_to == ["m1"]
    assert exported.sources[0].content_hash and exported.sources[0].content_hash.startswith("2c26")
