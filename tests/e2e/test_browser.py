"""The app in a real headless Chromium: every page renders, the live pages play, pause and reset, controls move.

These tests drive ``streamlit run app.py`` exactly as a teacher's browser does
(see conftest.py). What a test checks is what a student would see: no exception
box, a figure that changes while playing and stands still when paused, a step
counter back at 0 after Reset, and a page that survives every control being
moved. A screenshot of each page is saved under ``shots/e2e/``.
"""

from __future__ import annotations

import pytest

from .driver import click, css_key, exceptions, open_page, plot_state, screenshot, settle, step, wait_for

# url path -> what must be on screen once the page has run (a CSS selector)
PAGES = {
    "": ".katex",  # home: the value function and Theorem 1 in LaTeX
    "figure1": ".js-plotly-plot",
    "two_d": ".js-plotly-plot",
    "mode_collapse": ".js-plotly-plot",
    "theory": ".js-plotly-plot",
    "mnist": "[data-testid='stImage'] img",
}

# live pages: url path -> (play button key, reset button key, key of the figure that must move)
LIVE = {
    "figure1": ("fig1.play", "fig1.reset", "fig1.live"),
    "two_d": ("p2d.play", "p2d.reset", "p2d.live"),
    "mode_collapse": ("mc_play", "mc_reset", "mc.race.live"),
}


@pytest.mark.parametrize("path", list(PAGES), ids=lambda p: p or "home")
def test_page_renders_without_an_exception(page, app_url, path):
    open_page(page, app_url, path, ready=PAGES[path])
    screenshot(page, path or "home")
    assert exceptions(page) == []


@pytest.mark.parametrize("path", list(LIVE))
def test_live_page_plays_pauses_and_resets(page, app_url, path):
    play, reset, figure = LIVE[path]
    open_page(page, app_url, path)
    assert wait_for(lambda: plot_state(page, figure)), "the figure is drawn before training starts"
    assert step(page) == 0
    before = plot_state(page, figure)

    click(page, play)
    moved = wait_for(lambda: (step(page) or 0) > 0 and plot_state(page, figure) != before, timeout=90)
    assert moved, "pressing Play must train and redraw the figure"
    first = plot_state(page, figure)
    assert wait_for(lambda: plot_state(page, figure) not in (before, first), timeout=90), \
        "the figure keeps changing while playing"
    screenshot(page, f"{path}-playing")

    click(page, play)  # the same button reads Pause while playing
    settle(page)
    page.wait_for_timeout(1500)  # a tick already on its way may still land
    paused_step, paused_plot = step(page), plot_state(page, figure)
    page.wait_for_timeout(2500)
    assert step(page) == paused_step and plot_state(page, figure) == paused_plot, "paused: nothing moves"

    click(page, reset)
    assert wait_for(lambda: step(page) == 0, timeout=60), "Reset brings the step counter back to 0"
    assert exceptions(page) == []


def _sidebar_widget_keys(page, prefix: str) -> list[str]:
    classes = page.evaluate(
        """(prefix) => [...document.querySelectorAll('[data-testid="stSidebar"] [class*="st-key-' + prefix + '"]')]
             .map(e => [...e.classList].find(c => c.startsWith('st-key-')))""", prefix.replace(".", "-"))
    return [c[len("st-key-"):] for c in classes]


def _move(page, css: str) -> bool:
    """Move the widget under ``css`` one notch (slider, select box, radio, number box, toggle); True if it moved."""
    box = page.locator(css).first
    slider = box.locator("input[type=range]")
    if slider.count():
        value = slider.first.get_attribute("aria-valuetext")
        slider.first.focus()
        at_max = slider.first.get_attribute("value") == slider.first.get_attribute("max")
        page.keyboard.press("ArrowLeft" if at_max else "ArrowRight")
        return wait_for(lambda: slider.first.get_attribute("aria-valuetext") != value, timeout=10) is not None
    combo = box.locator("input[role=combobox]")
    if combo.count():
        value = combo.first.input_value()
        combo.first.click()
        if not wait_for(lambda: page.locator("[role=listbox] [role=option]").count(), timeout=10):
            combo.first.press("ArrowDown")  # a click that landed during a rerun did not open it
        options = page.locator("[role=listbox] [role=option]")
        options.first.wait_for()
        others = [i for i, t in enumerate(options.all_inner_texts()) if t.strip() != value.strip()]
        options.nth(others[0]).click()
        return wait_for(lambda: combo.first.input_value() != value, timeout=10) is not None
    radios = box.locator("input[type=radio]")
    if radios.count():
        unchecked = [i for i in range(radios.count()) if not radios.nth(i).is_checked()]
        box.locator("[role=radiogroup] label").nth(unchecked[0]).click()
        return wait_for(lambda: radios.nth(unchecked[0]).is_checked(), timeout=10) is not None
    number = box.locator("input[type=number]")
    if number.count():
        value = number.first.input_value()
        number.first.fill(str(int(float(value)) + 1))
        number.first.press("Enter")
        return wait_for(lambda: number.first.input_value() != value, timeout=10) is not None
    toggle = box.locator("input[type=checkbox]")
    if toggle.count():
        checked = toggle.first.is_checked()
        box.locator("label").first.click()
        return wait_for(lambda: toggle.first.is_checked() != checked, timeout=10) is not None
    return False


@pytest.mark.parametrize("path, prefix", [("figure1", "fig1."), ("two_d", "p2d.")])
def test_every_sidebar_control_can_be_moved(page, app_url, path, prefix):
    open_page(page, app_url, path)
    keys = _sidebar_widget_keys(page, prefix)
    assert len(keys) >= 10, f"the sidebar's controls are found ({keys})"
    stuck = []
    for key in keys:
        css = f".st-key-{key}"
        if page.locator(css).count() == 0:  # a control that another one's change removed
            continue
        if not _move(page, css):
            stuck.append(key)
        settle(page)
        assert exceptions(page) == [], f"moving {key} raised"
    assert stuck == [], f"these controls did not move: {stuck}"
    assert wait_for(lambda: plot_state(page, f"{prefix}live"), timeout=60), "the figure is still drawn"
    screenshot(page, f"{path}-controls-moved")


def test_theory_tabs_each_draw(page, app_url):
    open_page(page, app_url, "theory")
    tabs = page.get_by_role("tab")
    assert tabs.count() == 6
    for i in range(6):
        tabs.nth(i).click()
        settle(page)
        panel = page.locator("[role=tabpanel]:not([hidden])").first
        # the VAE tab (the last) trains its VAE on a button; the others draw at once
        panel.locator("[data-testid='stButton']" if i == 5 else ".js-plotly-plot").first.wait_for()
        assert exceptions(page) == []
    screenshot(page, "theory-last-tab")


def _first_image(page) -> str:
    return page.locator("[data-testid='stImage'] img").first.get_attribute("src")


def test_mnist_page_shows_samples_and_new_ones_on_request(mnist_dir, page, app_url):
    """Figure 2's nearest training images need the MNIST files where the server looks (see conftest.py)."""
    open_page(page, app_url, "mnist", ready="[data-testid='stImage'] img")
    size = page.evaluate("""() => { const img = document.querySelector("[data-testid='stImage'] img");
                                    return [img.naturalWidth, img.naturalHeight]; }""")
    assert size[0] > 200 and size[1] > 200, "a grid of digits is drawn"
    before = _first_image(page)
    click(page, "mnist.new")
    assert wait_for(lambda: _first_image(page) != before, timeout=60), "New samples draws other digits"
    assert page.get_by_text("nearest training image", exact=False).count() > 0
    assert exceptions(page) == []
    screenshot(page, "mnist-new-samples")


def test_css_key_matches_streamlit():
    assert css_key("fig1.play") == ".st-key-fig1-play"
