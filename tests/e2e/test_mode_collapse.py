"""The mode-collapse race in a real browser: figure first (both panels and Play/Pause, Step and Reset on screen
without scrolling at 1280x720 and 1920x1080, normal and presentation mode), the replay of a measured race, and no
dimmed panel or mode strip while it plays."""

from __future__ import annotations

import pytest

from ganviz.files.races import recording_path

from .conftest import SHOTS
from .driver import click, css_key, exceptions, metric, open_page, screenshot, settle, wait_for

SIZES = [(1280, 720), (1920, 1080)]
ON_SCREEN = ["mc.fig0", "mc.fig1", "mc_play", "mc_step", "mc_reset"]


def boxes(page) -> dict:
    """The bounding box (x, y, width, height, in CSS pixels of the viewport) of each element of ``ON_SCREEN``."""
    return {key: page.locator(css_key(key)).first.bounding_box() for key in ON_SCREEN}


def outside(box: dict, width: int, height: int, slack: float = 1.0) -> bool:
    return (box is None or box["x"] < -slack or box["y"] < -slack or box["x"] + box["width"] > width + slack
            or box["y"] + box["height"] > height + slack or box["width"] < 50 or box["height"] < 20)


@pytest.mark.parametrize("width, height", SIZES)
@pytest.mark.parametrize("present", [False, True], ids=["normal", "presentation"])
def test_both_panels_and_the_buttons_are_on_the_first_screen(browser, app_url, width, height, present):
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.set_default_timeout(60_000)
    try:
        open_page(page, app_url, "mode_collapse")
        if present:
            page.locator(f"{css_key('ganviz.present')} label").first.click()
            assert wait_for(lambda: page.locator(css_key("ganviz.present_exit")).count() == 1)
            settle(page)
        page.wait_for_selector(css_key("mc.fig1") + " .js-plotly-plot")
        page.evaluate("() => window.scrollTo(0, 0)")
        found = boxes(page)
        mode = "presentation" if present else "normal"
        page.screenshot(path=str(SHOTS / f"mode_collapse-{width}x{height}-{mode}.png"))  # the first screen only
        off = {key: box for key, box in found.items() if outside(box, width, height)}
        assert not off, f"off the first screen at {width}x{height} ({mode}): {off}"
        left, right = found["mc.fig0"], found["mc.fig1"]
        assert left["x"] + left["width"] <= right["x"] + 1, "the panels side by side"
        assert exceptions(page) == []
    finally:
        context.close()


def test_the_race_plays_undimmed_and_a_recording_replays(page, app_url, app_log):
    open_page(page, app_url, "mode_collapse")
    click(page, "mc_play")
    dimmed = []
    for _ in range(12):
        page.wait_for_timeout(500)
        dimmed.append(page.evaluate("""() => [...document.querySelectorAll('.st-key-mc-race [data-stale="true"]')]
            .some(e => parseFloat(getComputedStyle(e).opacity) < 0.99)"""))
    assert not any(dimmed), "no panel or mode strip is faded while the race plays"
    click(page, "mc_play")
    settle(page)
    if not recording_path("ring8-remedy").exists():
        pytest.skip("ring8-remedy is not recorded (tools/record_races.py)")
    page.locator(css_key("mc-head") + " [data-testid='stPopover'] button").first.click()
    click(page, "mc.replay.ring8")
    # (the presets' captions say "20,000" too: read the panels' step)
    assert wait_for(lambda: metric(page, "step") == "20,000", timeout=90), "the replay reaches step 20,000"
    screenshot(page, "mode_collapse-replayed")
    assert exceptions(page) == [], app_log()[-3000:]
