"""End-to-end tests of the planners' page in headless Chromium against the real API and the bundled dataset.

Each test compares what the page shows (its DOM mirror of the charts) with what the API answers.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.async_api import Page

from peacegraph.api.page_queries import operation_name
from peacegraph.graph.store.database import Database
from tests.e2e.helpers import (
    api_matrix,
    assert_matrix_matches,
    axe_violations,
    click_heatmap,
    data,
    open_country,
    page_cells,
    rendered_matrix,
    screenshot,
)
from tests.fixtures.api import GraphQLClient

pytestmark = pytest.mark.browser

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
    # the host state's primary responsibility is a marker beside its row, never a cell or a count
    primary = [t["task"] for t in api["raw"]["tasks"] if t["primaryResponsibility"]]
    assert primary and all(shown["tasks"][t]["primary"] == "host_state" for t in primary)
    assert "host state" in (await page.text_content(f"#matrix-table tr[data-task='{primary[0]}'] th") or "")
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


async def test_a_link_with_a_country_and_a_date_asks_for_the_matrix_without_waiting_for_the_country(
        page: Page, app_url: str, dataset_graph: Database, gql: GraphQLClient) -> None:
    """The heatmap's data are requested with the country's (not after its reply), once, and drawn as the API says."""
    sent: list[tuple[str, float]] = []
    answered: dict[str, float] = {}
    clock = "() => performance.now()"

    def operation(request: Any) -> str | None:
        """The page's name for a GraphQL request (`query Matrix(…)` → Matrix), None for any other request."""
        if not (request.url.endswith("/graphql") and request.method == "POST"):
            return None
        return operation_name(str((request.post_data_json or {}).get("query", "")))

    async def on_request(request: Any) -> None:
        if name := operation(request):
            sent.append((name, await page.evaluate(clock)))

    async def on_finished(request: Any) -> None:
        if name := operation(request):
            answered.setdefault(name, await page.evaluate(clock))

    page.on("request", on_request)
    page.on("requestfinished", on_finished)
    await page.goto(app_url + "#country=SOM&date=2024-06-30&tab=country")
    await page.wait_for_selector("#heatmap[data-state='ready']")
    names = [n for n, _ in sent]
    assert names.count("Matrix") == 1 and names.count("Country") == 1, names
    matrix_sent = next(t for n, t in sent if n == "Matrix")
    assert matrix_sent < answered["Country"], "the matrix request waited for the country's reply"
    shown = await rendered_matrix(page)
    assert (shown["place"], shown["asOf"]) == ("SOM", "2024-06-30")
    assert_matrix_matches(shown, api_matrix(gql, "SOM", "2024-06-30"))


async def test_area_view_marks_declared_cells_apart_and_filters_them(page: Page, app_url: str, dataset_graph: Database,
                                                                   gql: GraphQLClient) -> None:
    await page.goto(app_url + "#country=COD&area=COD-south-kivu&date=2023-06-30&tab=country")
    await page.wait_for_selector("#heatmap[data-state='ready'][data-place='COD-south-kivu']")
    api = api_matrix(gql, "COD-south-kivu", "2023-06-30")
    shown = await rendered_matrix(page)
    assert_matrix_matches(shown, api)
    inherited = {(c["task"], c["actor"]): c["inherited"] for c in api["raw"]["cells"]}
    assert set(inherited.values()) == {True, False}, "South Kivu has both area-declared and inherited cells"
    assert {(t, a): cell["inherited"] for t, row in shown["tasks"].items() for a, cell in row["cells"].items()} == inherited
    legend = await page.text_content("#legend") or ""
    assert "declared for this area" in legend and "inherited from country-wide facts" in legend
    await screenshot(page, "area-view")
    assert await axe_violations(page) == []

    # "area-specific only" (keyboard: Space on the checkbox) keeps the cells declared for the area
    await page.focus("#area-only")
    await page.keyboard.press("Space")
    await page.wait_for_selector("#heatmap[data-state='ready'][data-area-only='1']")
    assert "areaonly=1" in page.url
    filtered = await rendered_matrix(page)
    assert page_cells(filtered) == {k: v for k, v in api["cells"].items() if not inherited[k]}
    assert set(filtered["tasks"]) == {t for (t, _), inh in inherited.items() if not inh}
    assert page.errors == []  # type: ignore[attr-defined]


async def test_who_covers_shows_mandate_payer_and_sources(page: Page, app_url: str, dataset_graph: Database,
                                                         gql: GraphQLClient) -> None:
    await open_country(page, app_url, "MLI", "2020-06-30")
    await click_heatmap(page, "minusma", "t:civilian_protection")
    await page.wait_for_selector("#who-covers[data-state='ready'][data-task='civilian_protection']")
    api = data(gql, """query { whoCovers(task: "civilian_protection", place: "MLI", asOf: "2020-06-30") {
        coverageId actorId actorName mandates { id } payments { fundingLine { name } }
        currency { verifiedOn endUnknown } sources { locator quote source { title kind } } } }""")["whoCovers"]
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
    if minusma["currency"]["verifiedOn"]:
        assert f"last confirmed {minusma['currency']['verifiedOn']}" in text
    # civilian protection: the host state's primary responsibility is said, as a principle
    assert "primary responsibility" in (await page.text_content("#who-covers .primary-note") or "")

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
    assert await axe_violations(page) == []

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
    async with page.expect_download() as info:
        await page.click("#graph-png")
    png = (await info.value)
    assert png.suggested_filename == "peacegraph-mission-minusma.png"
    assert Path(await png.path()).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

    # tapping the UN node re-centres the graph on the organisation
    pos = await page.evaluate("() => window.__peacegraph.cy().getElementById('un').renderedPosition()")
    box = await page.locator("#network").bounding_box()
    assert box is not None
    await page.mouse.click(box["x"] + pos["x"], box["y"] + pos["y"])
    await page.wait_for_selector("#network[data-state='ready'][data-focus='org:un']")
    assert "focus=org:un" in page.url
    assert page.errors == []  # type: ignore[attr-defined]


async def test_loading_and_error_states_say_what_happened(page: Page, app_url: str, dataset_graph: Database) -> None:
    # countries that host nothing are out of the list; a link to one still says it holds no data
    await page.goto(app_url)
    await page.wait_for_selector("#country option[value='MLI']", state="attached")
    assert await page.locator("#country option[value='AUS']").count() == 0
    assert await page.locator("#country option[value='SWE']").count() == 0
    await page.goto(app_url + "#country=AUS&tab=country")
    await page.reload()
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
    assert await page.get_attribute("#tab-compare", "aria-selected") == "true"
    assert "tab=compare" in page.url
    await page.keyboard.press("End")
    assert await page.get_attribute("#tab-briefing", "aria-selected") == "true"
    # the API is down
    await page.route("**/graphql", lambda route: route.abort())
    await page.goto(app_url + "#country=MLI")
    await page.reload()
    await page.wait_for_selector("#status[data-kind='error']")
    status = await page.text_content("#status") or ""
    assert "Cannot reach the API" in status
    assert await page.get_attribute("body", "data-api") == "down"
