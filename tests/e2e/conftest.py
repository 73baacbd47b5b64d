"""Browser fixtures: Debian's headless Chromium driven by Playwright (async API) against the live API server.

The browser must be /usr/bin/chromium (`make browser` installs it); tests fail, never skip, when it is missing.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio
from playwright.async_api import Browser, Page, ViewportSize, async_playwright

from tests.e2e.helpers import TIMINGS
from tests.fixtures.api import LiveServer
from tests.paths import ROOT as PROJECT_ROOT

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
DIST = PROJECT_ROOT / "api" / "web" / "dist"
VIEWPORT: ViewportSize = {"width": 1280, "height": 800}


@pytest.fixture(scope="session")
def chromium() -> Path:
    if not CHROMIUM.exists():
        pytest.fail(f"Chromium is missing at {CHROMIUM}: run `make browser` (apt-get install -y chromium) "
                    "before the browser tests", pytrace=False)
    return CHROMIUM


@pytest_asyncio.fixture(scope="session")
async def browser(chromium: Path) -> AsyncIterator[Browser]:
    async with async_playwright() as p:
        b = await p.chromium.launch(executable_path=str(chromium), args=CHROMIUM_ARGS)
        yield b
        await b.close()


@pytest.fixture(scope="session")
def app_url(api_server: LiveServer) -> str:
    """The page's URL on the live server (it serves api/web/dist, built by `make web`)."""
    if not (DIST / "index.html").exists():
        pytest.fail(f"{DIST}/index.html is missing: run `make web` to build the page", pytrace=False)
    return f"{api_server.url}/app/"


class PageErrors(list[str]):
    """JavaScript errors seen by a page (uncaught exceptions and console errors)."""


@pytest_asyncio.fixture
async def page(browser: Browser) -> AsyncIterator[Page]:
    context = await browser.new_context(viewport=VIEWPORT, accept_downloads=True)
    pg = await context.new_page()
    errors = PageErrors()
    pg.on("pageerror", lambda exc: errors.append(f"pageerror: {exc}"))
    pg.on("console", lambda msg: errors.append(f"console: {msg.text}") if msg.type == "error" else None)
    pg.errors = errors  # type: ignore[attr-defined]
    pg.set_default_timeout(20_000)
    yield pg
    await context.close()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Print each view's time to interactive measured by the browser tests (performance marks of the page)."""
    if not TIMINGS:
        return
    terminalreporter.section("planners' page: time to interactive per view (bundled dataset, 1280x800)")
    for view, t in TIMINGS.items():
        terminalreporter.write_line(f"  {view:<22} {t['fromNavigation']:7.0f} ms from navigation start, "
                                    f"{t['afterLoad']:7.0f} ms after the load event")
