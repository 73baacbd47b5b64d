"""Helpers for the browser tests: screenshots, reading the page's rendered state, clicking chart items, axe-core,
the views' time to interactive (performance marks, gathered in TIMINGS and printed at the end of the session)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from playwright.async_api import Page

from tests.fixtures.api import GraphQLClient
from tests.paths import ROOT as PROJECT_ROOT

# The README's screenshots are refreshed only when asked (`make screenshots`); otherwise they go under .state, so a
# test run leaves the working tree as it was.
SCREENSHOTS = PROJECT_ROOT / ("docs/screenshots" if os.environ.get("PEACEGRAPH_SCREENSHOTS") == "1"
                              else ".state/screenshots")
TIMINGS: dict[str, dict[str, float]] = {}


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
                                           inherited: td.dataset.inherited === '1', text: td.textContent.trim()};
            }
            tasks[tr.dataset.task] = {state: tr.dataset.state, group: tr.dataset.group, primary: tr.dataset.primary, cells};
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
    viewport = page.viewport_size or {"height": 800}
    if not 0 < box["y"] + xy[1] < viewport["height"] - 20:  # scroll the views so that the cell is on screen
        await page.evaluate("(dy) => { document.querySelector('main').scrollTop += dy; }", box["y"] + xy[1] - 400)
        box = await page.locator("#heatmap").bounding_box()
        assert box is not None
    await page.mouse.click(box["x"] + xy[0], box["y"] + xy[1])


AXE = PROJECT_ROOT / "api" / "web" / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = ("serious", "critical")


async def axe_violations(page: Page) -> list[dict[str, Any]]:
    """Run axe-core (from npm, api/web/node_modules) on the page; the serious and critical violations."""
    assert AXE.exists(), f"{AXE} is missing: run `make web` (npm ci installs axe-core)"
    if not await page.evaluate("() => typeof window.axe !== 'undefined'"):
        await page.add_script_tag(path=str(AXE))
    result: list[dict[str, Any]] = await page.evaluate("""async () => {
        const r = await axe.run(document, {resultTypes: ['violations']});
        return r.violations.map((v) => ({id: v.id, impact: v.impact, help: v.help,
                                         nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' '))}));
    }""")
    return [v for v in result if v["impact"] in BLOCKING]


async def time_to_interactive(page: Page, view: str, label: str = "") -> dict[str, float]:
    """The view's performance marks: ms from navigation start to its ready mark, and from the load event to it."""
    result: dict[str, float] = await page.evaluate("""(view) => {
        const ready = performance.getEntriesByName(`pg:${view}:ready`)[0];
        const nav = performance.getEntriesByType('navigation')[0];
        return {fromNavigation: ready.startTime, afterLoad: ready.startTime - nav.loadEventEnd};
    }""", view)
    TIMINGS[label or view] = result
    return result


MATRIX = """query($place: ID!, $asOf: Date) { coverageMatrix(place: $place, asOf: $asOf) {
  placeId asOf tasks { task state group label demand primaryResponsibility } actors { id }
  cells { task actor roles modalities places coverageIds inherited } } }"""


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
