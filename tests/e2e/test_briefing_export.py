"""Things to hand over: the printed briefing (Chromium's PDF output), the CSV (HXL) and its round trip through
`peacegraph seed import-3w`'s reader, the PNG and SVG with title, date and legend."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import struct
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from playwright.async_api import Page
from pypdf import PdfReader

from peacegraph.cli.seed import actor_lookup
from peacegraph.graph.store.database import Database
from peacegraph.seed.hxl import import_3w
from tests.e2e.helpers import api_matrix, data, open_country, screenshot
from tests.fixtures.api import GraphQLClient

pytestmark = pytest.mark.browser

FACTS = """query($ids: [String!]) { coverages(where: {id: {in: $ids}}, first: 200) { edges { node {
  id validFrom validTo status mandate { id symbol } place { id } actor { ... on Mission { id } ... on Organization { id } }
  task { id } sources { locator source { id title symbol } } } } } }"""


def pdf_text(pdf: bytes) -> str:
    text = " ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages)
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text))  # NFKC: the font's "ﬁ" ligature is "fi"


async def test_printed_briefing_has_title_date_legend_sources_and_the_what_if(page: Page, app_url: str,
                                                                             dataset_graph: Database,
                                                                             gql: GraphQLClient) -> None:
    await page.goto(app_url + "#country=COD&date=2024-06-30&tab=briefing&run=transition&tr=tr:monusco-south-kivu")
    await page.wait_for_selector("#briefing-doc[data-state='ready'][data-whatif='1']")
    await screenshot(page, "briefing")
    pdf = await page.pdf(format="A4", landscape=True, print_background=True)
    text = pdf_text(pdf)
    assert "Briefing — Democratic Republic of the Congo" in text
    assert "2024-06-30" in text and "Legend" in text
    matrix = api_matrix(gql, "COD", "2024-06-30")["raw"]
    facts = data(gql, FACTS, {"ids": [i for c in matrix["cells"] for i in c["coverageIds"]][:200]})["coverages"]["edges"]
    cited = {s["source"]["symbol"] or s["source"]["title"] for e in facts for s in e["node"]["sources"]}
    found = [s for s in cited if s in text]
    assert found, "at least one source behind the cells is printed"
    # the mandates in force, with their symbols and end dates
    monusco = data(gql, """{ mandates(where: {authorizes: {some: {id: {eq: "monusco"}}}}, first: 100) {
        edges { node { symbol validFrom validTo } } } }""")["mandates"]["edges"]
    in_force = [m["node"] for m in monusco if (m["node"]["validFrom"] or "") <= "2024-06-30" < (m["node"]["validTo"] or "9999")]
    assert in_force and all(m["symbol"] in text and (m["validTo"] or "") in text for m in in_force)
    # the what-if: its losses and candidates
    dd = data(gql, """{ drawdown(transition: "tr:monusco-south-kivu") { lost { taskLabel candidates { name } } } }""")["drawdown"]
    assert dd["lost"] and dd["lost"][0]["taskLabel"] in text and dd["lost"][0]["candidates"][0]["name"] in text
    # one clean document: none of the page's controls
    for control in ("Copy link", "Run what-if", "Include planned", "Print briefing"):
        assert control not in text
    assert page.errors == []  # type: ignore[attr-defined]


async def test_portfolio_briefing_prints_the_portfolio(page: Page, app_url: str, dataset_graph: Database) -> None:
    await page.goto(app_url + "#tab=briefing&date=2024-06-30")
    await page.wait_for_selector("#briefing-doc[data-state='ready'][data-kind='portfolio']")
    text = pdf_text(await page.pdf(format="A4", landscape=True))
    assert "Briefing — portfolio" in text and "2024-06-30" in text and "Legend" in text
    assert "Democratic Republic of the Congo" in text and "Mandates expiring within 6 months" in text


def png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", head[16:24])
    return width, height


async def test_csv_round_trip_through_import_3w_and_images_with_title(page: Page, app_url: str, dataset_graph: Database,
                                                                      gql: GraphQLClient, tmp_path: Path) -> None:
    await open_country(page, app_url, "MLI", "2020-06-30")
    async with page.expect_download() as info:
        await page.click("#export-csv")
    download = await info.value
    assert download.suggested_filename == "peacegraph-MLI-2020-06-30.csv"
    path = tmp_path / download.suggested_filename
    await download.save_as(path)
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    tags = rows[1]
    # the tags mean what they mean in `peacegraph export --hxl`; the cell state has its own
    assert tags[:13] == ["#org", "#org+id", "#sector", "#activity+code+v_peacegraph", "#activity+name", "#country+code",
                         "#adm1+code", "#indicator+role", "#status", "#date+start", "#date+end", "#meta+mandate",
                         "#meta+source"]
    assert "#indicator+state" in tags and len(rows[0]) == len(tags)
    col = {t: i for i, t in enumerate(tags)}
    body = rows[2:]
    api = api_matrix(gql, "MLI", "2020-06-30")
    covered = [r for r in body if r[col["#org+id"]]]
    assert {(r[col["#activity+code+v_peacegraph"]], r[col["#org+id"]]) for r in covered} == set(api["cells"])
    assert len(covered) == sum(len(c["places"]) for c in api["raw"]["cells"]), "one row per actor × task × place"
    gaps = [r for r in body if not r[col["#org+id"]]]
    assert sorted(r[col["#activity+code+v_peacegraph"]] for r in gaps) == sorted(
        t for t, s in api["tasks"].items() if s == "gap")
    for r in body:
        assert r[col["#indicator+state"]] == api["tasks"][r[col["#activity+code+v_peacegraph"]]]
        assert r[col["#status"]] in ("actual", "") and r[col["#country+code"]] == "MLI"
    for r in gaps:
        assert r[col["#meta+mandate"]], "a gap row names the mandates that ask for the task"

    # the facts behind the matrix, from the API: their mandates and sources are in the CSV's own columns
    ids = [i for c in api["raw"]["cells"] for i in c["coverageIds"]]
    facts = [e["node"] for e in data(gql, FACTS, {"ids": ids})["coverages"]["edges"]]
    by_cell: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    for f in facts:
        by_cell.setdefault((f["actor"]["id"], f["task"]["id"], f["place"]["id"]), []).append(f)
    for r in covered:
        key = (r[col["#org+id"]], r[col["#activity+code+v_peacegraph"]], r[col["#adm1+code"]] or "MLI")
        here = by_cell[key]
        for f in here:
            if f["mandate"]:
                assert f["mandate"]["symbol"] in r[col["#meta+mandate"]]
            for s in f["sources"]:
                assert f"({s['locator']})" in r[col["#meta+source"]]

    # the round trip: import-3w's reader gives back each row's actor, task, place and period
    actors = await actor_lookup(dataset_graph)
    places = set((await dataset_graph.read("place_ids"))[0]["ids"])
    bundle = import_3w(path, actors, places)
    imported = sorted((c.actor, c.task, c.place, c.valid_from, c.valid_to) for c in bundle.coverages)
    expected = []
    for (actor, task, place), fs in by_cell.items():
        starts = [f["validFrom"] for f in fs if f["validFrom"]]
        ends = [f["validTo"] for f in fs]
        expected.append((actor, task, place, dt.date.fromisoformat(min(starts)) if starts else None,
                         dt.date.fromisoformat(max(ends)) if all(ends) else None))
    assert imported == sorted(expected)
    assert not bundle.places, "every area is one the graph knows"

    # PNG and SVG: the heatmap with a title, the date and the legend
    async with page.expect_download() as info:
        await page.click("#export-png")
    _, height = png_size(Path(await (await info.value).path()))
    chart = await page.locator("#heatmap").bounding_box()
    assert chart is not None and height > 2 * chart["height"], "title and legend are drawn beside the heatmap (×2 pixels)"
    async with page.expect_download() as info:
        await page.click("#export-svg")
    svg = Path(await (await info.value).path()).read_text(encoding="utf-8")
    for text in ("<svg", "Coverage matrix — Mali", "on 2020-06-30", "Legend", "mandated, nobody covers it",
                 "Protection of civilians"):
        assert text in svg
    assert page.errors == []  # type: ignore[attr-defined]
