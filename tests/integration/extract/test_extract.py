"""Extraction against a real Neo4j: the gazetteer comes from the graph, bundles pass the loader's dry run, a file
already in the graph keeps its Source, a Council text becomes a Mandate record. (Quality against the gold files of
the shared reports is `make eval`, not a test: the tests need nothing outside the project.)"""

from __future__ import annotations

import hashlib
from pathlib import Path

from peacegraph.cli.extract import bundle_yaml
from peacegraph.graph.bundles.load import load_bundles
from peacegraph.graph.bundles.parse import parse_bundle_text
from peacegraph.graph.store.database import Database
from peacegraph.seed.extract.context import load_context
from peacegraph.seed.extract.council.reader import read_council_text
from peacegraph.seed.extract.gazetteer import Gazetteer
from peacegraph.seed.extract.pipeline import extract_file, extract_raw
from peacegraph.seed.extract.reading import RawReport
from peacegraph.seed.extract.to_bundle import build_bundle, build_review

SAMPLE = """Report on peace operations in the Sahel

1. The United Nations Multidimensional Integrated Stabilization Mission in Mali (MINUSMA) was established by
resolution 2100 (2013) to support the protection of civilians and the restoration of state authority.
2. The European Union plans to fund the African Union Mission in Somalia (AMISOM) with €2 billion through the
African Peace Facility.
3. The African Union Zembla Support Mission in Somalia (AUZSM) was deployed.
4. Cooperation between the African Union and the European Union was strengthened in 2012.
5. MINSUMA troops were seen, and UNMIZ, a new mission, was deployed in Somalia.
"""


def sample(text: str = SAMPLE) -> RawReport:
    return RawReport(Path("sample-report.txt"), text, "text")


async def test_gazetteer_is_read_from_the_graph(dataset_graph: Database) -> None:
    gaz = await Gazetteer.from_graph(dataset_graph)
    assert gaz.get("organization", "un") is not None
    assert gaz.get("task", "civilian_protection") is not None
    assert ("task" not in {k[0] for keys in gaz.names.values() for k in keys})
    assert any(k[0] == "organization" for k in gaz.exact.get("UN", set()))
    mali = gaz.get("place", "MLI")
    assert mali is not None and "Malian" in mali.adjectives


async def test_entities_loaded_later_are_found(graph: Database) -> None:
    text = "The Zemblan Observer Corps (ZOC) and the Observer Corps of Zembla met the UN."
    before = extract_raw(sample(text), await Gazetteer.from_graph(graph))
    assert not any(m.id == "zoc-test" for m in before.mentions)
    bundle = """format: peacegraph.bundle/1
sources: [{id: s, title: test, kind: other}]
organizations:
- {id: zoc-test, name: Zemblan Observer Corps, acronym: ZOC, aliases: [Observer Corps of Zembla], kind: other,
   cites: [{source: s, locator: x}]}
"""
    await load_bundles(graph, [parse_bundle_text(bundle, "t.yaml")])
    after = extract_raw(sample(text), await Gazetteer.from_graph(graph))
    found = [m for m in after.mentions if m.id == "zoc-test"]
    assert {m.text for m in found} == {"Zemblan Observer Corps", "ZOC", "Observer Corps of Zembla"}


async def test_sample_mentions_relations_and_bundle(dataset_graph: Database) -> None:
    gaz = await Gazetteer.from_graph(dataset_graph)
    doc = extract_raw(sample(), gaz, calibrate=False)  # the rules' own confidence, not the fitted model's
    ids = {(m.kind, m.id) for m in doc.mentions}
    assert ("mission", "minusma") in ids and ("mission", "amisom") in ids
    assert ("symbol", "S/RES/2100 (2013)") in ids
    assert ("task", "civilian_protection") in ids
    assert ("place", "SOM") in ids
    # a misspelling resolves to the known mission; an unknown mission-like acronym is proposed
    assert any(m.text == "MINSUMA" and m.id == "minusma" for m in doc.mentions)
    assert ("mission", "unmiz") in doc.new_entities
    auzsm = doc.new_entities[("mission", "auzsm")]
    assert auzsm.name == "African Union Zembla Support Mission in Somalia"
    facts = {(f.subject, f.relation, f.object): f for f in doc.facts}
    assert ("minusma", "mandated_by", "S/RES/2100 (2013)") in facts
    assert ("minusma", "led_by", "un") in facts and ("minusma", "deployed_in", "MLI") in facts
    assert ("minusma", "performs_task", "civilian_protection") in facts
    funded = facts[("amisom", "funded_by", "eu")]
    assert funded.status == "planned" and funded.data["amount"] == 2e9 and funded.data["currency"] == "EUR"
    assert funded.data["instrument"] == "eu_african_peace_facility"
    assert any(k[1] == "partner_of" and {k[0], k[2]} == {"au", "eu"} for k in facts)

    bundle, summary = build_bundle([doc], gaz, 0.5)
    assert bundle.sources[0].id == "report:sample-report" and bundle.sources[0].kind == "report"
    graph_ids = {e.id for e in gaz.entries.values() if e.in_graph}
    assert not [m.id for m in bundle.missions if m.id in graph_ids], "entities in the graph are never restated"
    assert not [o.id for o in bundle.organizations if o.id in graph_ids]
    cov = [c for c in bundle.coverages if c.actor == "minusma" and c.task == "civilian_protection"]
    assert cov and cov[0].id == "cand:cov:minusma:civilian_protection:MLI:4" and cov[0].place == "MLI"
    assert cov[0].cites[0].locator.startswith("line 4, chars ") and cov[0].extraction is not None  # the span's line
    assert cov[0].extraction.review == "pending"
    fl = [f for f in bundle.funding_lines if f.recipient == "amisom"]
    assert fl and fl[0].amount == 2e9 and fl[0].currency == "EUR" and fl[0].status == "planned"
    assert any(m.id == "auzsm" and m.led_by == ["au"] and m.deployed_in == ["SOM"] for m in bundle.missions)
    assert summary.counts["coverages"] >= 1 and summary.new_entities


REPORT = """Cooperation in the Sahel and Somalia

The United Nations Multidimensional Integrated Stabilization Mission in Mali (MINUSMA) protects civilians in Mali
and supports the restoration of state authority. The European Union funds the African Union Mission in Somalia
(AMISOM) with €50 million through the African Peace Facility. The mission also trains the Somali police.

1 See the report of the Secretary-General on the protection of civilians, 2013.
"""


async def test_report_bundle_passes_the_loader_dry_run(dataset_graph: Database, tmp_path: Path) -> None:
    ctx = await load_context(dataset_graph)
    path = tmp_path / "sahel-report.txt"
    path.write_text(REPORT, encoding="utf-8")
    doc = extract_file(path, ctx.gaz)
    bundle, _, review = build_review([doc], ctx.gaz, 0.5, sources=ctx.sources)
    text = bundle_yaml(bundle)
    parsed = parse_bundle_text(text, "sahel.yaml")
    report = await load_bundles(dataset_graph, [parsed], dry_run=True, allow_pending=True)
    assert not report.written
    plan = report.plans[0]
    assert plan.new.get("sources") == 1
    for kind in ("missions", "organizations", "places"):
        assert plan.updated.get(kind, 0) == 0, f"{kind} already in the graph must not be restated"
    every = [r for k in ("organizations", "missions", "mandates", "coverages", "funding_lines", "transitions",
                         "agreements") for r in getattr(bundle, k)]
    assert every and all(r.extraction and r.extraction.review == "pending" for r in every)
    assert all(c.source == "report:sahel-report" and c.locator.startswith("line ") and c.quote
               for r in every for c in r.cites)
    assert review.confirmations, "MINUSMA led by the UN and deployed in Mali are already in the graph"
    assert not str(bundle.sources[0].path).startswith("/")


async def test_same_file_reuses_the_graph_source(graph: Database, tmp_path: Path) -> None:
    """Matched by the Source's content hash: a copy elsewhere, under another name, is the same Source."""
    digest = hashlib.sha256(REPORT.encode("utf-8")).hexdigest()
    bundle = f"""format: peacegraph.bundle/1
sources: [{{id: known-report, title: A known report, kind: report, path: reports/moved-away.txt,
            content_hash: {digest}}}]
"""
    await load_bundles(graph, [parse_bundle_text(bundle, "t.yaml")])
    ctx = await load_context(graph)
    copy = tmp_path / "copy-of-known.txt"
    copy.write_text(REPORT, encoding="utf-8")
    doc = extract_file(copy, ctx.gaz)
    built, _, _ = build_review([doc], ctx.gaz, 0.5, sources=ctx.sources)
    assert not built.sources, "no second Source for a file already in the graph"
    assert all(c.source == "known-report" for r in built.coverages for c in r.cites)
    other = tmp_path / "other.txt"
    other.write_text(REPORT + "\nOne more line.", encoding="utf-8")
    built2, _, _ = build_review([extract_file(other, ctx.gaz)], ctx.gaz, 0.5, sources=ctx.sources)
    assert [s.content_hash for s in built2.sources] == [
        hashlib.sha256((REPORT + "\nOne more line.").encode("utf-8")).hexdigest()], "a new Source carries its hash"


COUNCIL = """url: https://press.un.org/en/2014/sc77777.doc.htm

Security Council Extends Mandate of Mission in Mali
The Security Council today extended the mandate of the United Nations Multidimensional Integrated Stabilization Mission in Mali (MINUSMA) until 30 June 2015.
Unanimously adopting resolution 2164 (2014), the Council requested that MINUSMA continue to protect civilians."""


async def test_council_text_becomes_a_mandate_record(dataset_graph: Database, tmp_path: Path) -> None:
    ctx = await load_context(dataset_graph)
    path = tmp_path / "press.txt"
    path.write_text(COUNCIL, encoding="utf-8")
    cp = read_council_text(path, COUNCIL, ctx.gaz, ctx.dates)
    bundle, _, review = build_review([], ctx.gaz, 0.5, sources=ctx.sources, council=[cp], mandates=ctx.mandates)
    mandates = {m.id: m for m in bundle.mandates}
    if "S/RES/2164 (2014)" in mandates:  # not in the dataset: a new record
        md = mandates["S/RES/2164 (2014)"]
        assert md.action == "renew" and md.authorizes == ["minusma"] and str(md.valid_to) == "2015-07-01"
        parsed = parse_bundle_text(bundle_yaml(bundle), "council.yaml")
        report = await load_bundles(dataset_graph, [parsed], dry_run=True, allow_pending=True)
        assert report.plans[0].new.get("mandates") == 1
    else:  # the dataset has it: a confirmation, with the fields where the text differs
        assert any(c.id == "S/RES/2164 (2014)" for c in review.confirmations)
