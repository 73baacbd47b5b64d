"""Helpers for the browser tests: screenshots, reading the page's rendered state, clicking chart items."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from playwright.async_api import Page

from tests.paths import ROOT as PROJECT_ROOT

SCREENSHOTS = PROJECT_ROOT / "docs" / "screenshots"


async def screenshot(page: Page, name: str, **kwargs: Any) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    await page.screenshot(path=str(path), **kwargs)
    return path


async def open_country(page: Page, app_url: str, country: str = "MLI", date: str | None = None) -> None:
    """Load the page, choose the country in its selector (and a date), wait for the matrix."""
    await page.goto(app_url)
    await page.wait_for_selector(f"#country option[value='{country}']", state="attached")
    await page.select_option("#country", country)
    await page.wait_for_selector("#heatmap[data-state='ready'], #heatmap[data-state='empty']")
    if date:
        await page.fill("#date", date)
        await page.wait_for_selector(f"#heatmap[data-as-of='{date}']:is([data-state='ready'], [data-state='empty'])")


async def rendered_matrix(page: Page) -> dict[str, Any]:
    """The matrix as the page shows it (the table mirror of the heatmap): task → state and actor → roles."""
    result: dict[str, Any] = await page.evaluate("""() => {
        const table = document.querySelector('#matrix-table');
        const tasks = {};
        for (const tr of table.querySelectorAll('tbody tr[data-task]')) {
            const cells = {};
            for (const td of tr.querySelectorAll('td[data-actor][data-covered="1"]')) {
                cells[td.dataset.actor] = {roles: td.dataset.roles ? td.dataset.roles.split(',') : [],
                                           modalities: td.dataset.modalities ? td.dataset.modalities.split(',') : [],
                                           text: td.textContent.trim()};
            }
            tasks[tr.dataset.task] = {state: tr.dataset.state, group: tr.dataset.group, cells};
        }
        const actors = [...table.querySelectorAll('thead th[data-actor]')].map((th) => th.dataset.actor);
        return {place: table.dataset.place, asOf: table.dataset.asOf, tasks, actors};
    }""")
    return result


async def click_heatmap(page: Page, x_category: str, y_category: str) -> None:
    """Click the heatmap (canvas) at the cell of these axis categories, like a user would."""
    xy = await page.evaluate("([x, y]) => window.__peacegraph.heatmap().convertToPixel({gridIndex: 0}, [x, y])",
                             [x_category, y_category])
    box = await page.locator("#heatmap").bounding_box()
    assert box is not None
    await page.mouse.click(box["x"] + xy[0], box["y"] + xy[1])
