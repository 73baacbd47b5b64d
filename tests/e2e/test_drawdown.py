"""Drawdowns a planner can read: grouped by task, each loss once where it is declared (with the areas it affects and
its cause), tied ranks shown as ties, counts of distinct tasks; area-declared transitions in the lists; the leave date
follows the page's date. Each compared with the API's answer."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.async_api import Page

from peacegraph.graph.store.database import Database
from tests.e2e.helpers import data, open_country, screenshot
from tests.fixtures.api import GraphQLClient

pytestmark = pytest.mark.browser

CELL = "task declaredAt cause affects { place } candidates { actor rank }"
DRAWDOWN_FIELDS = f"""lost {{ {CELL} }} thinned {{ {CELL} }} saved {{ task declaredAt savedBy }}
  otherLosses {{ {CELL} }} taskCounts {{ lost thinned saved handedOver otherLosses }} fundingEnding {{ id name }}"""


async def rendered_drawdown(page: Page) -> dict[str, Any]:
    result: dict[str, Any] = await page.evaluate("""() => {
        const rows = (kind) => [...document.querySelectorAll(`#wi-results table.cells-${kind} tr.cell-row`)].map((tr) => ({
            task: tr.dataset.task, place: tr.dataset.place, cause: tr.dataset.cause,
            causeText: tr.querySelector('[data-cause]')?.textContent || '',
            areas: tr.querySelector('td.affects').dataset.areas.split(',').filter(Boolean),
            candidates: [...tr.querySelectorAll('li.candidate')].map((li) => [li.dataset.actor, Number(li.dataset.rank)]),
            tiedGroups: [...tr.querySelectorAll('li.rank-group')].map((g) => [Number(g.dataset.rank), Number(g.dataset.tied),
                                                                              g.querySelector('.rank').textContent])}));
        const pill = (k) => Number((document.querySelector(`#wi-results .pill[data-count="${k}"]`)?.textContent || '').match(/\\d+/)?.[0]);
        return {lost: rows('lost'), thinned: rows('thinned'), other: rows('other'),
                saved: [...document.querySelectorAll('#wi-results table.cells-saved tr.cell-row')].map((tr) => [tr.dataset.task, tr.dataset.place]),
                pills: {lost: pill('lost'), thinned: pill('thinned'), saved: pill('saved')},
                funding: [...document.querySelectorAll('#wi-results table.funding tbody tr')].map((tr) => tr.dataset.funding)};
    }""")
    return result


def assert_drawdown_matches(shown: dict[str, Any], api: dict[str, Any]) -> None:
    for kind, key in (("lost", "lost"), ("thinned", "thinned"), ("other", "otherLosses")):
        rows = shown[kind]
        # one row per task × declared place, never one per area
        assert sorted((r["task"], r["place"]) for r in rows) == sorted((c["task"], c["declaredAt"]) for c in api[key])
        by_cell = {(c["task"], c["declaredAt"]): c for c in api[key]}
        for r in rows:
            c = by_cell[(r["task"], r["place"])]
            assert r["cause"] == c["cause"] and r["causeText"], "each loss says its cause"
            assert sorted(r["areas"]) == sorted(a["place"] for a in c["affects"])
            assert r["candidates"] == [[k["actor"], k["rank"]] for k in c["candidates"]], "the API's ranks, in order"
            for rank, tied, label in r["tiedGroups"]:
                assert tied == sum(1 for k in c["candidates"] if k["rank"] == rank)
                assert ("tied" in label) == (tied > 1)
    assert sorted(map(tuple, shown["saved"])) == sorted((c["task"], c["declaredAt"]) for c in api["saved"])
    counts = api["taskCounts"]
    assert shown["pills"] == {"lost": counts["lost"], "thinned": counts["thinned"], "saved": counts["saved"]}, \
        "the pills count distinct tasks"
    assert sorted(shown["funding"]) == sorted(f["id"] for f in api["fundingEnding"])


async def test_minusma_what_if_shows_each_lost_task_once_with_its_cause(page: Page, app_url: str,
                                                                      dataset_graph: Database,
                                                                      gql: GraphQLClient) -> None:
    await open_country(page, app_url, "MLI", "2023-06-30")
    await page.click("#tab-whatif")
    assert await page.input_value("#wi-date") == "2023-06-30", "the leave date defaults to the page's date"
    await page.check("#wi-actors input[value='minusma']")
    await page.fill("#wi-date", "2024-01-01")
    await page.click("#wi-run")
    await page.wait_for_selector("#wi-results[data-state='ready'][data-run='whatif']")
    api = data(gql, f"""query {{ drawdownWhatIf(input: {{place: "MLI", departures: [{{actor: "minusma", date: "2024-01-01"}}],
        handovers: []}}) {{ {DRAWDOWN_FIELDS} }} }}""")["drawdownWhatIf"]
    assert api["lost"], "MINUSMA's departure leaves tasks uncovered in the bundled dataset"
    shown = await rendered_drawdown(page)
    assert_drawdown_matches(shown, api)
    lost_tasks = [r["task"] for r in shown["lost"]]
    assert len(lost_tasks) == len(set(lost_tasks)) == api["taskCounts"]["lost"], "one row per lost task"
    force = next(r for r in shown["lost"] if r["task"] == "use_of_force")
    assert force["place"] == "MLI" and len(force["areas"]) > 1, "use of force: one row at country level, its areas listed"
    assert any(tied > 1 for r in shown["lost"] for _, tied, _ in r["tiedGroups"]), "tied candidates are shown as ties"
    assert "UN assessed peacekeeping budget" in (await page.text_content("#wi-results") or "")
    await screenshot(page, "what-if")

    # the link reproduces the what-if in a fresh page
    assert "run=whatif" in page.url and "wi=minusma" in page.url and "wid=2024-01-01" in page.url
    fresh = await page.context.new_page()
    await fresh.goto(page.url)
    await fresh.wait_for_selector("#wi-results[data-state='ready'][data-run='whatif']")
    assert_drawdown_matches(await rendered_drawdown(fresh), api)
    await fresh.close()

    # "hand over" on a candidate (keyboard: Enter) passes the handover to the API and re-runs
    task = shown["lost"][0]["task"]
    to = shown["lost"][0]["candidates"][0][0]
    button = page.locator(f"#wi-results table.cells-lost tr.cell-row[data-task='{task}'] li.candidate[data-actor='{to}'] button")
    await button.focus()
    await page.keyboard.press("Enter")
    await page.wait_for_selector(f"#wi-results[data-state='ready'][data-handovers='{task}:{to}']")
    handed = data(gql, f"""query {{ drawdownWhatIf(input: {{place: "MLI", departures: [{{actor: "minusma", date: "2024-01-01"}}],
        handovers: [{{task: "{task}", to: "{to}"}}]}}) {{ {DRAWDOWN_FIELDS} }} }}""")["drawdownWhatIf"]
    assert_drawdown_matches(await rendered_drawdown(page), handed)
    assert f"ho={task}:{to}" in page.url
    assert page.errors == []  # type: ignore[attr-defined]


async def test_area_declared_transition_in_the_lists_and_its_drawdown(page: Page, app_url: str, dataset_graph: Database,
                                                                      gql: GraphQLClient) -> None:
    await page.goto(app_url + "#country=COD&date=2024-06-30&tab=timeline")
    await page.wait_for_selector("#gantt[data-state='ready']")
    listed = await page.eval_on_selector_all("#transition-list li", "els => els.map(e => e.dataset.transition)")
    assert "tr:monuc-monusco" in listed, "the country's own transition"
    assert "tr:monusco-south-kivu" in listed, "MONUSCO's South Kivu exit, declared for the area"
    assert "South Kivu" in (await page.text_content("#transition-list li[data-transition='tr:monusco-south-kivu']") or "")

    await page.click("#tab-whatif")
    assert await page.input_value("#wi-date") == "2024-06-30", "the leave date defaults to the page's date"
    options = await page.eval_on_selector_all("#wi-transition option", "els => els.map(e => e.value)")
    assert {"tr:monuc-monusco", "tr:monusco-south-kivu"} <= set(options)
    await page.select_option("#wi-transition", "tr:monusco-south-kivu")
    await page.click("#wi-open-transition")
    await page.wait_for_selector("#wi-results[data-state='ready'][data-transition='tr:monusco-south-kivu']")
    api = data(gql, f'query {{ drawdown(transition: "tr:monusco-south-kivu") {{ {DRAWDOWN_FIELDS} }} }}')["drawdown"]
    shown = await rendered_drawdown(page)
    assert_drawdown_matches(shown, api)
    assert shown["lost"] and all(r["cause"] == "departure" for r in shown["lost"])
    assert {r["place"] for r in shown["lost"]} == {"COD-south-kivu"}
    await screenshot(page, "drawdown-area")
    assert page.errors == []  # type: ignore[attr-defined]
