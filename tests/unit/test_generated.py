"""Everything derived from the domain spec is current: the generated Cypher files, the GraphQL schema file and the
bundle JSON Schema (run `make generate` after changing graph/domain/model.py)."""

from __future__ import annotations

import json

from peacegraph.graph.domain.model import Bundle
from peacegraph.graph.domain.spec import NODES, write_order
from peacegraph.graph.store import generate
from peacegraph.graph.store.catalog import catalogue
from tests.paths import ROOT


def test_generated_cypher_files_are_current() -> None:
    folder = ROOT / "cypher" / "generated"
    on_disk = {p.stem: p.read_text(encoding="utf-8") for p in folder.glob("*.cypher")}
    wanted = generate.statements()
    assert sorted(on_disk) == sorted(wanted), "cypher/generated/ is stale: run `make generate`"
    stale = [name for name, text in wanted.items() if on_disk[name] != text]
    assert not stale, f"stale generated statements (run `make generate`): {stale}"


def test_no_hand_written_statement_shadows_a_generated_one() -> None:
    hand = {p.stem for p in (ROOT / "cypher").glob("*.cypher")}
    assert not hand & set(generate.statements())
    assert catalogue()["upsert_missions"] == "generated"


def test_schema_graphql_is_current() -> None:
    from peacegraph.api.schema import schema_sdl

    assert (ROOT / "schema.graphql").read_text() == schema_sdl(), "schema.graphql is stale: run `make generate`"


def test_bundle_json_schema_is_current() -> None:
    published = json.loads((ROOT / "docs" / "bundle.schema.json").read_text())
    assert published["properties"] == Bundle.model_json_schema()["properties"], "run `make generate`"


def test_sources_are_written_before_the_facts_that_cite_them() -> None:
    order = write_order()
    assert order[0] == "sources" and set(order) == set(NODES)
