"""Small helpers to drive a Streamlit page in Playwright: open, wait, read, click.

Widgets are found by their Streamlit key (the element gets the CSS class
``st-key-<key>`` with dots turned into dashes), not by their labels, so the
tests hold in every language of the interface.
"""

from __future__ import annotations

import time

from playwright.sync_api import Page
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from .conftest import SHOTS


def css_key(key: str) -> str:
    return ".st-key-" + key.replace(".", "-")


def open_page(page: Page, app_url: str, path: str, ready: str = ".js-plotly-plot") -> None:
    """Go to ``path`` ('' = home), wait until ``ready`` (a CSS selector) is on screen and the run has finished."""
    page.goto(f"{app_url}/{path}")
    page.wait_for_selector("[data-testid='stApp']")
    page.wait_for_selector(ready)
    settle(page)


def settle(page: Page, timeout_ms: int = 30_000) -> None:
    """Wait until the script is not running; a live fragment may keep flipping the state, so this is capped."""
    page.wait_for_timeout(300)
    try:
        page.wait_for_selector("[data-test-script-state='notRunning']", timeout=timeout_ms)
    except PlaywrightTimeout:
        pass


def exceptions(page: Page) -> list[str]:
    """The text of every Streamlit exception box on the page (a traceback shown to the user)."""
    return [e.inner_text() for e in page.locator("[data-testid='stException']").all()]


def screenshot(page: Page, name: str) -> None:
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def click(page: Page, key: str, menu: str | None = None) -> None:
    """Click the button of widget ``key``; ``menu``: the key of the popover it sits in (opened first)."""
    if menu is not None:
        open_menu(page, menu)
    page.locator(f"{css_key(key)} button").first.click()


def open_menu(page: Page, key: str) -> None:
    """Open the popover of key ``key`` (a live page's "Lessons" or "View") unless it is open."""
    if not page.locator("[data-testid='stPopoverBody']").first.is_visible():
        page.locator(f"{css_key(key)} button").first.click()
        page.locator("[data-testid='stPopoverBody']").first.wait_for(state="visible")


def metric(page: Page, label: str) -> str | None:
    """The value shown by the first number labelled ``label``: in a live page's live view
    (``ganviz.ui.live_view``) or an ``st.metric``; None if there is none."""
    return page.evaluate(
        """(label) => {
          const live = [...document.querySelectorAll('.gz-metric')].find(e => e.dataset.label === label);
          if (live) return live.querySelector('.gz-value').innerText;
          const m = [...document.querySelectorAll('[data-testid="stMetric"]')]
              .find(e => e.querySelector('[data-testid="stMetricLabel"]')?.innerText.trim() === label);
          return m ? m.querySelector('[data-testid="stMetricValue"]').innerText : null;
        }""", label)


def step(page: Page, label: str = "step") -> int | None:
    value = metric(page, label)
    return None if value is None else int(value.replace(",", ""))


def plot_state(page: Page, key: str) -> str | None:
    """A fingerprint of the data drawn in the Plotly chart under widget ``key`` (None while none is drawn)."""
    return page.evaluate(
        """(sel) => {
          const plot = document.querySelector(sel + ' .gz-fig.js-plotly-plot') ||
                       document.querySelector(sel + ' .js-plotly-plot');
          if (!plot || !plot.data) return null;
          // a playing run's curves and clouds are drawn on the live view's canvas (ganviz/ui/points_layer.py)
          const canvas = (plot.gzClouds ?? []).map(t => [t.x, t.y]);
          const text = JSON.stringify([plot.data.map(t => [t.x, t.y, t.z]), canvas]);
          let h = 0;
          for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) | 0;
          return text.length + ':' + h;
        }""", css_key(key))


def wait_for(condition, timeout: float = 60.0, every: float = 0.25):
    """Poll ``condition()`` until it returns something truthy; return it, or None after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(every)
    return None
