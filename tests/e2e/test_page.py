"""End-to-end tests of the planners' page in headless Chromium against the real API and the bundled dataset.

Each test compares what the page shows (its DOM mirror of the charts) with what the API answers.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest
from playwright.async_api import Page

from peacegraph.graph.store.database import Database
from tests.fixtures.api import GraphQLClient
from tests.e2e.helpers import click_heatmap, open_country, rendered_matrix, screenshot

pytestmark = pytest.mark.browser

MATRIX = """query($place: ID!, $asOf: Date) { coverageMatrix(place: $place, asOf: $asOf) {
  placeId asOf tasks { task state group } actors { id } cells { task actor roles modalities places coverageIds } } }"""
DRAWDOWN_FIELDS = """lost { task place candidates { actor rank basis } } thinned { task place } saved { task place savedBy }
  fundingEnding { id name }"""


def data(gql: GraphQLClient, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
    reply = gql(query, variables)
    assert not reply.get("errors"), reply
    result: dict[str, Any] = reply["data"]
    return result


def api_matrix(gql: GraphQLClient, place: str, as_of: str) -> dict[str, Any]:
    m = data(gql, MATRIX, {"place": place, "asOf": as_of})["coverageMatrix"]
    return {
        "tasks": {t["task"]: t["state"] for t in m["tasks"]},
        "cells": {(c["task"], c["actor"]): sorted(c["roles"]) for c in m["cells"]},
        "actors": sorted(a["id"] for a in m["actors"]),
        "raw": m,
    }


def page_cells(shown: dict[str, Any]) -> dict[tuple[str, str], list[str]]:
    return {(task, actor): sorted(cell["roles"]) for task, row in shown["tasks"].items()
            for actor, cell in row["cells"].items()}


def assert_matrix_matches(shown: dict[str, Any], api: dict[str, Any]) -> None:
    assert {t: row["state"] for t, row in shown["tasks"].items()} == api["tasks"]
    assert page_cells(shown) == api["cells"]
    assert sorted(shown["actors"]) == api["actors"]


async def test_country_heatmap_follows_the_date(page: Page, app_url: str, dataset_graph: Database,
                                                gql: GraphQLClient) -> None:
    await open_country(page, app_url, "MLI", "2020-06-30")
    assert await page.locator("#heatmap canvas").count() >= 1, "ECharts draws the heatmap on a canvas"
    shown = await rendered_matrix(page)
    assert (shown["place"], shown["asOf"]) == ("MLI", "2020-06-30")
    api = api_matrix(gql, "MLI", "2020-06-30")
    assert api["tasks"], "the bundled dataset covers Mali in 2020"
    assert_matrix_matches(shown, api)
    # the legend names every state with an icon, not by hue alone
    legend = await page.text_content("#legend") or ""
    for word, icon in (("covered", "✓"), ("thin", "◐"), ("overlap", "⊕"), ("gap", "✕")):
        assert word in legend and icon in legend
    await screenshot(page, "country-heatmap")

    # move the year slider with the keyboard: three years back
    await page.focus("#year")
    for _ in range(3):
        await page.keyboard.press("ArrowLeft")
    await page.wait_for_selector("#heatmap[data-state='ready'][data-as-of='2017-06-30']")
    assert await page.input_value("#date") == "2017-06-30"
    assert "date=2017-06-30" in page.url
    shown = await rendered_matrix(page)
    assert_matrix_matches(shown, api_matrix(gql, "MLI", "2017-06-30"))

    # an area narrows the matrix to that area
    await page.select_option("#area", "MLI-mopti")
    await page.wait_for_selector("#heatmap[data-state='ready'][data-place='MLI-mopti']")
    assert_matrix_matches(await rendered_matrix(page), api_matrix(gql, "MLI-mopti", "2017-06-30"))
    assert "area=MLI-mopti" in page.url
    assert page.errors == []  # type: ignore[attr-defined]


async def test_who_covers_shows_mandate_payer_and_sources(page: Page, app_url: str, dataset_graph: Database,
                                                         gql: GraphQLClient) -> None:
    await open_country(page, app_url, "MLI", "2020-06-30")
    await click_heatmap(page, "minusma", "t:civilian_protection")
    await page.wait_for_selector("#who-covers[data-state='ready'][data-task='civilian_protection']")
    api = data(gql, """query { whoCovers(task: "civilian_protection", place: "MLI", asOf: "2020-06-30") {
        coverageId actorId actorName mandates { id } payments { fundingLine { name } }
        sources { locator quote source { title kind } } } }""")["whoCovers"]
    shown = await page.eval_on_selector_all("#who-covers article.covering", "els => els.map(e => e.dataset.coverage)")
    assert sorted(shown) == sorted(c["coverageId"] for c in api)
    first = page.locator("#who-covers article.covering").first
    assert await first.get_attribute("data-actor") == "minusma", "the clicked actor comes first"
    first_id = await first.get_attribute("data-coverage")
    minusma = next(c for c in api if c["coverageId"] == first_id)
    text = await first.text_content() or ""
    for m in minusma["mandates"]:
        assert m["id"] in text
    for p in minusma["payments"]:
        assert p["fundingLine"]["name"] in text

    # open the sources of a covering that has a quote
    quoted = next(c for c in api if any(s["quote"] for s in c["sources"]))
    card = page.locator(f"#who-covers article.covering[data-coverage='{quoted['coverageId']}']")
    details = card.locator("details.sources")
    if await details.get_attribute("open") is None:
        await details.locator("summary").click()
    source = next(s for s in quoted["sources"] if s["quote"])
    item = card.locator(f"li.source[data-locator='{source['locator']}']").first
    await item.wait_for(state="visible")
    item_text = await item.text_content() or ""
    assert source["source"]["title"] in item_text
    assert source["locator"] in item_text
    assert source["quote"] in item_text
    await item.scroll_into_view_if_needed()
    await page.mouse.move(5, 5)  # leave the chart so its tooltip hides
    await page.wait_for_timeout(300)
    await screenshot(page, "who-covers")

    # keyboard: the table view's task buttons open the same panel
    await page.click("#matrix-details summary")
    button = page.locator("#matrix-table tr[data-task='human_rights'] button.task-button")
    await button.focus()
    await page.keyboard.press("Enter")
    await page.wait_for_selector("#who-covers[data-state='ready'][data-task='human_rights']")
    assert "task=human_rights" in page.url
    assert page.errors == []  # type: ignore[attr-defined]


async def test_timeline_shows_missions_and_selects_on_click(page: Page, app_url: str, dataset_graph: Database,
                                                            gql: GraphQLClient) -> None:
    await open_country(page, app_url, "MLI", "2020-06-30")
    await page.click("#tab-timeline")
    await page.wait_for_selector("#gantt[data-state='ready']")
    await page.wait_for_selector("#coverage-time[data-state='ready']")
    missions = data(gql, """query { place(id: "MLI") { missions(asOf: null, first: 100) { edges { node { id } } } } }""")
    expected = sorted(e["node"]["id"] for e in missions["place"]["missions"]["edges"])
    shown = (await page.get_attribute("#gantt", "data-missions") or "").split(",")
    assert sorted(shown) == expected
    # the coverage-state chart spans the data's years month by month
    lo, hi = (await page.text_content("#year-range") or "").split(": ")[1].split("–")
    points = data(gql, "query($f: Date!, $t: Date!) { coverageTimeline(place: \"MLI\", from: $f, to: $t) { month task } }",
                  {"f": f"{lo}-01-01", "t": f"{hi}-12-01"})["coverageTimeline"]
    assert int(await page.get_attribute("#coverage-time", "data-months") or 0) == len({p["month"] for p in points})
    assert int(await page.get_attribute("#coverage-time", "data-tasks") or 0) == len({p["task"] for p in points})

    # click MINUSMA's bar on the chart (mid-2018 on its row)
    xy = await page.evaluate("""() => window.__peacegraph.gantt().convertToPixel({gridIndex: 0},
                                [Date.parse('2018-06-30T00:00:00Z'), 'minusma'])""")
    box = await page.locator("#gantt").bounding_box()
    assert box is not None
    await page.mouse.click(box["x"] + xy[0], box["y"] + xy[1] - 4)
    await page.wait_for_selector("#gantt[data-selected='minusma']")
    assert "mission=minusma" in page.url
    assert "MINUSMA" in (await page.text_content("#timeline-selected") or "")
    await screenshot(page, "timeline")
    assert page.errors == []  # type: ignore[attr-defined]


async def rendered_drawdown(page: Page) -> dict[str, Any]:
    result: dict[str, Any] = await page.evaluate("""() => {
        const rows = (kind) => [...document.querySelectorAll(`#wi-results table.cells-${kind} tbody tr`)].map((tr) => ({
            task: tr.dataset.task, place: tr.dataset.place,
            candidates: [...tr.querySelectorAll('ol.candidates li')].map((li) => li.dataset.actor)}));
        return {lost: rows('lost'), thinned: rows('thinned'), saved: rows('saved'),
                funding: [...document.querySelectorAll('#wi-results table.funding tbody tr')].map((tr) => tr.dataset.funding)};
    }""")
    return result


def assert_drawdown_matches(shown: dict[str, Any], api: dict[str, Any]) -> None:
    assert sorted((c["task"], c["place"]) for c in shown["lost"]) == sorted((c["task"], c["place"]) for c in api["lost"])
    assert sorted((c["task"], c["place"]) for c in shown["thinned"]) == sorted((c["task"], c["place"]) for c in api["thinned"])
    assert sorted((c["task"], c["place"]) for c in shown["saved"]) == sorted((c["task"], c["place"]) for c in api["saved"])
    assert sorted(shown["funding"]) == sorted(f["id"] for f in api["fundingEnding"])
    ranked = {(c["task"], c["place"]): [k["actor"] for k in c["candidates"]] for c in api["lost"]}
    for row in shown["lost"]:
        assert row["candidates"] == ranked[(row["task"], row["place"])], "candidates in the API's ranked order"


async def test_minusma_withdrawal_what_if_and_recorded_transition(page: Page, app_url: str, dataset_graph: Database,
                                                                  gql: GraphQLClient) -> None:
    await open_country(page, app_url, "MLI", "2023-06-30")
    await page.click("#tab-whatif")
    await page.check("#wi-actors input[value='minusma']")
    await page.fill("#wi-date", "2024-01-01")
    await page.click("#wi-run")
    await page.wait_for_selector("#wi-results[data-state='ready'][data-run='whatif']")
    api = data(gql, f"""query {{ drawdownWhatIf(input: {{place: "MLI", departures: [{{actor: "minusma", date: "2024-01-01"}}],
        handovers: []}}) {{ {DRAWDOWN_FIELDS} }} }}""")["drawdownWhatIf"]
    assert api["lost"], "MINUSMA's departure leaves cells uncovered in the bundled dataset"
    shown = await rendered_drawdown(page)
    assert_drawdown_matches(shown, api)
    assert "UN assessed peacekeeping budget" in (await page.text_content("#wi-results") or "")
    await screenshot(page, "what-if")

    # the link reproduces the what-if in a fresh page
    assert "run=whatif" in page.url and "wi=minusma" in page.url and "wid=2024-01-01" in page.url
    link = page.url
    fresh = await page.context.new_page()
    await fresh.goto(link)
    await fresh.wait_for_selector("#wi-results[data-state='ready'][data-run='whatif']")
    assert_drawdown_matches(await rendered_drawdown(fresh), api)
    assert await fresh.get_attribute("#tab-whatif", "aria-selected") == "true"
    await fresh.close()

    # a handover to the host state is passed on to the API
    task = api["lost"][0]["task"]
    await page.click("#wi-add-handover")
    await page.locator("#wi-handovers li").last.locator("select.ho-task").select_option(task)
    await page.locator("#wi-handovers li").last.locator("select.ho-to").select_option("gov-mli")
    await page.click("#wi-run")
    await page.wait_for_selector(f"#wi-results[data-state='ready']:not([data-lost='{len(api['lost'])}'])")
    handed = data(gql, f"""query {{ drawdownWhatIf(input: {{place: "MLI", departures: [{{actor: "minusma", date: "2024-01-01"}}],
        handovers: [{{task: "{task}", to: "gov-mli"}}]}}) {{ {DRAWDOWN_FIELDS} }} }}""")["drawdownWhatIf"]
    assert_drawdown_matches(await rendered_drawdown(page), handed)
    assert f"ho={task}:gov-mli" in page.url

    # the recorded transition whose `from` is MINUSMA
    trs = data(gql, """query { transitions(where: {places: {some: {id: {eq: "MLI"}}}}) {
        edges { node { id from { ... on Mission { id } } } } } }""")["transitions"]["edges"]
    tr = next(e["node"]["id"] for e in trs if (e["node"]["from"] or {}).get("id") == "minusma")
    await page.select_option("#wi-transition", tr)
    await page.click("#wi-open-transition")
    await page.wait_for_selector(f"#wi-results[data-state='ready'][data-run='transition'][data-transition='{tr}']")
    recorded = data(gql, f'query {{ drawdown(transition: "{tr}") {{ {DRAWDOWN_FIELDS} }} }}')["drawdown"]
    assert_drawdown_matches(await rendered_drawdown(page), recorded)
    assert f"tr={tr}" in page.url
    assert page.errors == []  # type: ignore[attr-defined]


async def test_graph_shows_the_neighbourhood(page: Page, app_url: str, dataset_graph: Database, gql: GraphQLClient) -> None:
    await open_country(page, app_url, "MLI", "2020-06-30")
    await page.click("#tab-graph")
    await page.select_option("#graph-focus", "mission:minusma")
    await page.wait_for_selector("#network[data-state='ready'][data-focus='mission:minusma']")
    m = data(gql, """query { mission(id: "minusma") { ledBy { id } transitionsIn { from { ... on Mission { id } } }
        transitionsOut { to { ... on Mission { id } ... on Organization { id } } }
        fundingLines(asOf: null) { edges { node { id funders { id } } } } } }""")["mission"]
    expected = {"minusma", *(o["id"] for o in m["ledBy"]), *(t["from"]["id"] for t in m["transitionsIn"]),
                *(a["id"] for t in m["transitionsOut"] for a in t["to"])}
    for e in m["fundingLines"]["edges"]:
        expected |= {e["node"]["id"], *(f["id"] for f in e["node"]["funders"])}
    nodes = set((await page.get_attribute("#network", "data-nodes") or "").split(","))
    assert expected <= nodes
    assert await page.locator("#network canvas").count() >= 1, "Cytoscape draws on canvases"
    await screenshot(page, "graph")

    # tapping the UN node re-centres the graph on the organisation
    pos = await page.evaluate("() => window.__peacegraph.cy().getElementById('un').renderedPosition()")
    box = await page.locator("#network").bounding_box()
    assert box is not None
    await page.mouse.click(box["x"] + pos["x"], box["y"] + pos["y"])
    await page.wait_for_selector("#network[data-state='ready'][data-focus='org:un']")
    assert "focus=org:un" in page.url
    assert page.errors == []  # type: ignore[attr-defined]


async def test_export_csv_with_hxl_tags_and_images(page: Page, app_url: str, dataset_graph: Database,
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
    assert tags[:9] == ["#org", "#org+id", "#sector", "#activity+code", "#country+code", "#adm1+code",
                        "#indicator+role", "#status", "#date+start"]
    assert all(t.startswith("#") for t in tags) and len(rows[0]) == len(tags)
    col = {t: i for i, t in enumerate(tags)}
    api = api_matrix(gql, "MLI", "2020-06-30")
    body = rows[2:]
    assert {(r[col["#activity+code"]], r[col["#org+id"]]) for r in body if r[col["#org+id"]]} == set(api["cells"])
    # one row per actor × task × place, with the task's state and the place's codes
    expected_rows = sum(len(c["places"]) for c in api["raw"]["cells"])
    expected_rows += sum(1 for t in api["raw"]["tasks"] if t["state"] == "gap")
    assert len(body) == expected_rows
    for r in body:
        assert r[col["#country+code"]] == "MLI"
        assert r[col["#status"]] == api["tasks"][r[col["#activity+code"]]]
        assert r[col["#adm1+code"]] == "" or r[col["#adm1+code"]].startswith("MLI-")
    mopti = [r for r in body if r[col["#adm1+code"]] == "MLI-mopti"]
    assert mopti and all(r[col["#date+start"]] for r in mopti)

    async with page.expect_download() as info:
        await page.click("#export-png")
    png = await (await info.value).path()
    assert Path(png).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    async with page.expect_download() as info:
        await page.click("#export-svg")
    svg = Path(await (await info.value).path()).read_text(encoding="utf-8")
    assert "<svg" in svg and "Protection of civilians" in svg
    assert page.errors == []  # type: ignore[attr-defined]


async def test_loading_and_error_states_say_what_happened(page: Page, app_url: str, dataset_graph: Database) -> None:
    # an empty country
    await open_country(page, app_url, "AUS")
    await page.wait_for_selector("#heatmap[data-state='empty'][data-empty='country']")
    assert "No data for Australia" in (await page.text_content("#matrix-message") or "")
    # no data at that date
    await open_country(page, app_url, "MLI", "2000-06-30")
    await page.wait_for_selector("#heatmap[data-state='empty'][data-empty='date']")
    message = await page.text_content("#matrix-message") or ""
    assert "No data for Mali on 2000-06-30" in message and "move the year slider" in message
    # keyboard navigation of the tabs
    await page.focus("#tab-country")
    await page.keyboard.press("ArrowRight")
    assert await page.get_attribute("#tab-timeline", "aria-selected") == "true"
    assert "tab=timeline" in page.url
    # the API is down
    await page.route("**/graphql", lambda route: route.abort())
    await page.goto(app_url + "#country=MLI")
    await page.reload()
    await page.wait_for_selector("#status[data-kind='error']")
    status = await page.text_content("#status") or ""
    assert "Cannot reach the API" in status
    assert await page.get_attribute("body", "data-api") == "down"
