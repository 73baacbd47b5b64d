"""Every view, opened fresh from its link: axe-core finds no serious or critical violation, and the view's time to
interactive (its performance marks), on a first visit and on a later one, is printed at the end of the session.
No timing is asserted."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.async_api import Browser, BrowserContext, Error, Page

from peacegraph.graph.store.database import Database
from tests.e2e.conftest import VIEWPORT
from tests.e2e.helpers import axe_violations, screenshot, time_to_interactive

pytestmark = pytest.mark.browser

# view → (link, what says it is drawn, screenshot name or "")
VIEWS = {
    "portfolio": ("#tab=portfolio&date=2024-06-30", "#portfolio-map[data-state='ready']", ""),
    "country": ("#country=SOM&date=2024-06-30&tab=country", "#heatmap[data-state='ready']", "country-somalia"),
    "compare": ("#country=COD&date=2025-06-30&tab=compare&from=2023-06-30", "#diff-results[data-state='ready']", ""),
    "timeline": ("#country=COD&date=2024-06-30&tab=timeline", "#coverage-time[data-state='ready']", "timeline-drc"),
    "whatif": ("#country=COD&date=2024-06-30&tab=whatif&run=transition&tr=tr:monusco-south-kivu",
               "#wi-results[data-state='ready']", ""),
    "graph": ("#country=SOM&date=2024-06-30&tab=graph&focus=mission:atmis", "#network[data-state='ready']", "graph-somalia"),
    "briefing": ("#country=MLI&area=MLI-mopti&date=2020-06-30&tab=briefing", "#briefing-doc[data-state='ready']", ""),
}


async def open_view(context: BrowserContext, app_url: str, view: str, label: str) -> Page:
    link, ready, _ = VIEWS[view]
    page = await context.new_page()
    await page.goto(app_url + link)
    await page.wait_for_selector(ready, timeout=30_000)
    await page.wait_for_function(f"() => performance.getEntriesByName('pg:{view}:ready').length > 0")
    timing = await time_to_interactive(page, view, label)
    assert timing["fromNavigation"] > 0
    return page


async def test_every_view_has_no_serious_axe_violation_and_its_time_to_interactive(
        browser: Browser, app_url: str, dataset_graph: Database) -> None:
    context = await browser.new_context(viewport=VIEWPORT)
    found: dict[str, list[dict[str, Any]]] = {}
    try:
        # first visit: the API reads the graph and prepares each query for the first time
        for view in VIEWS:
            await (await open_view(context, app_url, view, f"{view} (first visit)")).close()
        # again, as a planner moving between views would: the figures of the page itself; then axe-core
        for view, (_, _, shot) in VIEWS.items():
            page = await open_view(context, app_url, view, view)
            errors: list[str] = []

            def failed(exc: Error, errors: list[str] = errors) -> None:
                errors.append(str(exc))

            page.on("pageerror", failed)
            violations = await axe_violations(page)
            if violations:
                found[view] = violations
            if shot:
                await screenshot(page, shot)
            assert errors == [], f"{view}: {errors}"
            await page.close()
    finally:
        await context.close()
    assert found == {}, f"axe-core: serious or critical violations: {found}"
