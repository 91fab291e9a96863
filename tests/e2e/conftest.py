"""A real app in a real browser: one ``streamlit run app.py`` and one headless Chromium for the e2e tests.

The server starts once per test session on a free localhost port and is shut
down at the end whatever happens. The browser is Debian's ``/usr/bin/chromium``
driven by Playwright (never ``playwright install``: nothing is downloaded).

Without Chromium or Playwright these tests are skipped with the reason, unless
``GANVIZ_REQUIRE_BROWSER=1`` (set by ``.ci/run``), where a missing browser fails
the run instead: CI must not go green by skipping them.

The server needs no MNIST files: it is given the folder that ``find_data`` finds,
if any, else it looks where the app looks (``$GANVIZ_MNIST_DIR``, then the user
cache), which is where the ``mnist_dir`` fixture downloads them; the MNIST page's
test asks for that fixture, so it skips or fails as the other MNIST tests do.

Each test gets a fresh browser page, i.e. a fresh Streamlit session with its
own trainer. Screenshots go to ``shots/e2e/`` (ignored by git).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from ganviz.mnist.download import find_data
from ganviz.mnist.idx import ENV_VAR

from ..conftest import SHARED

REPO_ROOT = Path(__file__).resolve().parents[2]
SHOTS = REPO_ROOT / "shots" / "e2e"
sys.path.insert(0, str(REPO_ROOT / "tools"))

REQUIRED = os.environ.get("GANVIZ_REQUIRE_BROWSER") == "1"


def _browser_missing() -> str | None:
    try:
        import playwright  # noqa: F401
    except ImportError:
        return "Python Playwright is not installed (pip install -r requirements-dev.txt)"
    from screenshot import CHROMIUM
    if not Path(CHROMIUM).exists():
        return f"{CHROMIUM} is missing (Debian: apt-get install chromium)"
    return None


def _require_browser() -> None:
    """Skip (fail, with GANVIZ_REQUIRE_BROWSER=1) when Playwright or Chromium is missing."""
    missing = _browser_missing()
    if missing:
        if REQUIRED:
            pytest.fail(f"browser tests required (GANVIZ_REQUIRE_BROWSER=1) but {missing}")
        pytest.skip(f"browser tests skipped: {missing}")


@pytest.fixture(scope="session")
def app_url():
    _require_browser()
    from screenshot import free_port, server_log, start_server, wait_healthy

    port = free_port()
    env = dict(os.environ)
    found = find_data(*map(str, SHARED))  # the MNIST page's Figure 2 uses it where there is one (test_browser.py)
    if found is not None:
        env[ENV_VAR] = found
    env["GANVIZ_WORKER_IDLE_S"] = "3"  # a closed tab's worker stops within seconds (test_live_view.py waits for it)
    server = start_server("app.py", port, env=env)
    _running["app"] = server
    try:
        wait_healthy(server, port, timeout=120)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except Exception:  # noqa: BLE001 - whatever happened, the server must go
            server.kill()
            server.wait(timeout=15)
        if server.returncode not in (0, -15):
            print(server_log(server))


_running: dict = {}


@pytest.fixture
def app_log(app_url):
    """A function that returns what the app's server has written to its log so far."""
    from screenshot import server_log

    return lambda: server_log(_running["app"])


@pytest.fixture(scope="session")
def chromium():
    """One headless Chromium for the whole session (Playwright's sync API allows one at a time in a thread)."""
    _require_browser()
    from playwright.sync_api import sync_playwright
    from screenshot import CHROMIUM, CHROMIUM_ARGS

    with sync_playwright() as pw:
        launched = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture(scope="session")
def browser(app_url, chromium):
    """The session's Chromium, once the app's server is up."""
    return chromium


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(60_000)
    try:
        yield page
    finally:
        context.close()


@pytest.fixture(scope="session", autouse=True)
def _shots_folder():
    SHOTS.mkdir(parents=True, exist_ok=True)
