"""GraphiQL at /graphql works with the network cut off: every file it loads comes from the project."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest
from playwright.async_api import Page, Route

from tests.fixtures.api import LiveServer

pytestmark = [pytest.mark.browser]


async def test_graphiql_runs_a_query_with_every_outside_request_blocked(page: Page, api_server: LiveServer,
                                                                        dataset_graph: object) -> None:
    blocked: list[str] = []
    loaded: list[str] = []

    async def only_loopback(route: Route) -> None:
        host = urlparse(route.request.url).hostname
        if host != "127.0.0.1":
            blocked.append(route.request.url)
            await route.abort()
        else:
            loaded.append(route.request.url)
            await route.continue_()

    await page.route("**/*", only_loopback)
    await page.goto(f"{api_server.url}/graphql", wait_until="networkidle")
    editor = page.locator(".graphiql-query-editor .CodeMirror")
    await editor.wait_for()
    await page.evaluate("""() => document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror
                              .setValue('{ mission(id: "minusma") { acronym name } }')""")
    await page.click(".graphiql-execute-button")
    result = page.locator(".result-window")
    await result.filter(has_text="MINUSMA").wait_for(timeout=15_000)
    text = await result.inner_text()
    assert '"acronym": "MINUSMA"' in text
    assert blocked == [], f"GraphiQL tried to load from outside: {blocked}"
    assert any(u.endswith("/app/vendor/graphiql.min.js") for u in loaded)
    assert [e for e in page.errors if "favicon" not in e] == []  # type: ignore[attr-defined]
