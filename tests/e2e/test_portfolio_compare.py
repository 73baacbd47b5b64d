"""The portfolio landing (table and map) and the compare-two-dates view, each against the API's answer."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.async_api import Page

from peacegraph.graph.store.database import Database
from tests.e2e.helpers import data, screenshot
from tests.fixtures.api import GraphQLClient

pytestmark = pytest.mark.browser

PORTFOLIO = """query($asOf: Date, $h: Int!) { portfolio(asOf: $asOf, horizonMonths: $h) { asOf horizonMonths countries {
  country name counts { covered thin overlap gap } operationCount expiringMandates { mandateId }
  transitions { transitionId uncoveredTasks uncoveredCount } } } }"""
DIFF = """query($place: ID!, $from: Date!, $to: Date!) { coverageDiff(place: $place, from: $from, to: $to) {
  tasks { task stateFrom stateTo actorsFrom actorsTo added removed changed events { kind id } } } }"""


def api_portfolio(gql: GraphQLClient, as_of: str, horizon: int = 6) -> dict[str, dict[str, Any]]:
    countries = data(gql, PORTFOLIO, {"asOf": as_of, "h": horizon})["portfolio"]["countries"]
    return {c["country"]: {
        "gap": c["counts"]["gap"], "thin": c["counts"]["thin"], "overlap": c["counts"]["overlap"],
        "operations": c["operationCount"], "expiring": len(c["expiringMandates"]), "transitions": len(c["transitions"]),
        "risk": len({t for tr in c["transitions"] for t in tr["uncoveredTasks"]}),
        "uncovered": sorted((t["transitionId"], t["uncoveredCount"]) for t in c["transitions"]),
    } for c in countries}


async def rendered_portfolio(page: Page) -> dict[str, dict[str, Any]]:
    rows: dict[str, dict[str, Any]] = await page.evaluate("""() => Object.fromEntries(
        [...document.querySelectorAll('#portfolio-table tbody tr')].map((tr) => [tr.dataset.country, {
            gap: +tr.dataset.gap, thin: +tr.dataset.thin, overlap: +tr.dataset.overlap, operations: +tr.dataset.operations,
            expiring: +tr.dataset.expiring, transitions: +tr.dataset.transitions, risk: +tr.dataset.risk,
            uncovered: [...tr.querySelectorAll('li[data-transition]')].map((li) => [li.dataset.transition, +li.dataset.uncovered])
                         .sort()}]))""")
    for row in rows.values():
        row["uncovered"] = sorted(tuple(x) for x in row["uncovered"])
    return rows


async def test_portfolio_counts_equal_the_api_on_two_dates(page: Page, app_url: str, dataset_graph: Database,
                                                           gql: GraphQLClient) -> None:
    await page.goto(app_url + "#tab=portfolio&date=2024-06-30")
    await page.wait_for_selector("#portfolio-table[data-state='ready'][data-as-of='2024-06-30']")
    await page.wait_for_selector("#portfolio-map[data-state='ready']")
    api = api_portfolio(gql, "2024-06-30")
    assert len(api) > 40, "the bundled dataset has operations in force in dozens of countries"
    assert await rendered_portfolio(page) == api
    assert await page.get_attribute("#portfolio-map", "data-countries") == str(len(api))
    # the risk radar: a drawdown within 12 months that leaves tasks uncovered (MONUSCO leaving South Kivu)
    assert "tr:monusco-south-kivu" in [t for t, _ in api["COD"]["uncovered"]] and api["COD"]["risk"] > 0
    await page.check("input[name='pf-colour'][value='risk']")
    await page.wait_for_selector("#portfolio-map[data-state='ready'][data-colour='risk']")
    await screenshot(page, "portfolio")

    # another date (typed in the header's date field) and another horizon
    await page.fill("#date", "2016-06-30")
    await page.wait_for_selector("#portfolio-table[data-state='ready'][data-as-of='2016-06-30']")
    await page.select_option("#pf-horizon", "12")
    await page.wait_for_selector("#portfolio-table[data-state='ready'][data-horizon='12']")
    assert await rendered_portfolio(page) == api_portfolio(gql, "2016-06-30", 12)
    assert "date=2016-06-30" in page.url and "horizon=12" in page.url

    # sort by risk (keyboard: Enter on the header's button), then descending order of the risk column
    await page.focus("#portfolio-table th[data-col='risk'] button")
    await page.keyboard.press("Enter")
    await page.wait_for_selector("#portfolio-table th[data-col='risk'][aria-sort='descending']")
    risks = await page.eval_on_selector_all("#portfolio-table tbody tr", "els => els.map(e => +e.dataset.risk)")
    assert risks == sorted(risks, reverse=True)

    # a country's name (keyboard: Enter) opens its matrix on the portfolio's date
    await page.focus("#portfolio-table tr[data-country='MLI'] button.country-button")
    await page.keyboard.press("Enter")
    await page.wait_for_selector("#heatmap[data-state='ready'][data-place='MLI'][data-as-of='2016-06-30']")
    assert await page.get_attribute("#tab-country", "aria-selected") == "true"
    assert page.errors == []  # type: ignore[attr-defined]


async def test_clicking_a_country_on_the_map_opens_it(page: Page, app_url: str, dataset_graph: Database) -> None:
    await page.goto(app_url + "#tab=portfolio&date=2024-06-30")
    await page.wait_for_selector("#portfolio-map[data-state='ready']")
    xy = await page.evaluate("() => window.__peacegraph.map().convertToPixel({seriesIndex: 0}, [29.0, -3.2])")  # South Kivu, DRC
    box = await page.locator("#portfolio-map").bounding_box()
    assert box is not None
    await page.mouse.click(box["x"] + xy[0], box["y"] + xy[1])
    await page.wait_for_selector("#heatmap[data-state='ready'][data-place='COD']")
    assert "country=COD" in page.url and "tab=country" in page.url
    assert page.errors == []  # type: ignore[attr-defined]


async def rendered_diff(page: Page) -> dict[str, Any]:
    rows: dict[str, Any] = await page.evaluate("""() => Object.fromEntries(
        [...document.querySelectorAll('#diff-table tbody tr[data-task]')].map((tr) => [tr.dataset.task, {
            stateFrom: tr.dataset.stateFrom || null, stateTo: tr.dataset.stateTo || null,
            added: tr.dataset.added.split(',').filter(Boolean), removed: tr.dataset.removed.split(',').filter(Boolean),
            changed: tr.dataset.changed === '1',
            actorsFrom: [...tr.querySelectorAll('td:nth-of-type(2) li[data-actor]')].map((li) => li.dataset.actor),
            actorsTo: [...tr.querySelectorAll('td:nth-of-type(4) li[data-actor]')].map((li) => li.dataset.actor),
            events: [...tr.querySelectorAll('li[data-event]')].map((li) => [li.dataset.event, li.dataset.id])}]))""")
    return rows


def expected_diff(tasks: list[dict[str, Any]]) -> dict[str, Any]:
    return {t["task"]: {"stateFrom": t["stateFrom"], "stateTo": t["stateTo"], "added": t["added"], "removed": t["removed"],
                        "changed": t["changed"], "actorsFrom": t["actorsFrom"], "actorsTo": t["actorsTo"],
                        "events": [[e["kind"], e["id"]] for e in t["events"]]} for t in tasks}


async def test_compare_two_dates_equals_coverage_diff(page: Page, app_url: str, dataset_graph: Database,
                                                      gql: GraphQLClient) -> None:
    await page.goto(app_url + "#country=COD&date=2025-06-30&tab=compare")
    await page.wait_for_selector("#diff-results[data-state='ready']")
    assert await page.input_value("#cmp-to") == "2025-06-30", "the second date is the page's date"
    await page.fill("#cmp-from", "2023-06-30")
    await page.focus("#cmp-to")
    await page.keyboard.press("Enter")  # submits the form
    await page.wait_for_selector("#diff-results[data-state='ready'][data-from='2023-06-30'][data-to='2025-06-30']")
    api = data(gql, DIFF, {"place": "COD", "from": "2023-06-30", "to": "2025-06-30"})["coverageDiff"]["tasks"]
    changed = [t for t in api if t["changed"]]
    assert changed and any(t["events"] for t in changed), "MONUSCO's drawdown changes DRC's coverage with events"
    assert await rendered_diff(page) == expected_diff(changed), "by default only the tasks that changed"
    assert "from=2023-06-30" in page.url and "to=2025-06-30" in page.url
    await screenshot(page, "compare")

    await page.check("#cmp-all")
    await page.wait_for_function("() => document.querySelectorAll('#diff-table tbody tr[data-task]').length > 0 && "
                                 "[...document.querySelectorAll('#diff-table tbody tr[data-task]')].some(tr => tr.dataset.changed === '0')")
    assert await rendered_diff(page) == expected_diff(api)
    assert page.errors == []  # type: ignore[attr-defined]
