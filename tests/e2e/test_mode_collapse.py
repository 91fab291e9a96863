"""The mode-collapse race in a real browser: figure first (both panels and Play/Pause, Step and Reset on screen
without scrolling at 1280x720 and 1920x1080, normal and presentation mode), the race streamed while it plays (no
page run, nothing faded, both panels at the same step), the presets menu closing on a click, and the replay of a
measured race."""

from __future__ import annotations

import pytest

from ganviz.files.races import recording_path

from .conftest import SHOTS
from .driver import click, css_key, exceptions, metric, open_page, screenshot, settle, wait_for

SIZES = [(1280, 720), (1920, 1080)]
BUTTONS = ["mc_play", "mc_step", "mc_reset"]
PANELS = css_key("mc.race.live") + " .gz-panel"
# The two panels' steps and figures' data, read from the live view (ganviz/ui/live_view.py).
PANEL_STEPS = """(sel) => [...document.querySelectorAll(sel)].map(p =>
    [...p.querySelectorAll('.gz-metric')].find(m => m.dataset.label === 'step')?.querySelector('.gz-value').innerText)"""
# Counts, from now on, the live view's drawn frames, the page's script runs, and looks that found something faded.
WATCH = """() => {
  window.__polls = 0; window.__stale = 0; window.__runs = 0; let running = false;
  setInterval(() => {
    window.__polls += 1;
    if ([...document.querySelectorAll('[data-stale="true"]')].some(e => parseFloat(getComputedStyle(e).opacity) < 0.99))
      window.__stale += 1;
    const now = !!document.querySelector("[data-test-script-state='running']");
    if (now && !running) window.__runs += 1;
    running = now;
  }, 50);
}"""


# From now on, at every animation frame: whether each panel's canvas has D's heatmap (opaque near the plot's four
# corners) and, whenever no tween is in flight, whether each panel shows the last real frame's data as it came
# (the same typed arrays: a tween's are interpolated Float32Arrays).
TWEEN_WATCH = """(sel) => {
  const root = document.querySelector(sel + ' .gz-live');
  const w = window.__tw = {tweens: root.tweens ?? 0, frames: root.frames, looks: 0, blank: 0, real: 0, notReal: []};
  const painted = (div) => {
    const L = div._fullLayout, canvas = div.querySelector('canvas.gz-points');
    if (!L || !canvas) return false;
    const ctx = canvas.getContext('2d'), r = window.devicePixelRatio || 1, xa = L.xaxis, ya = L.yaxis;
    return [[0.03, 0.03], [0.97, 0.03], [0.03, 0.97], [0.97, 0.97]].every(([fx, fy]) =>
      ctx.getImageData(Math.round((xa._offset + fx * xa._length) * r), Math.round((ya._offset + fy * ya._length) * r),
                       1, 1).data[3] > 150);
  };
  const same = (a, b) => !!a && !!b && typeof a.bdata === 'string' && a.bdata === b.bdata;
  const look = () => {
    if (w.stop) return;
    const divs = [...root.querySelectorAll('.gz-panel .gz-fig')];
    w.looks += 1;
    if (!divs.every(painted)) w.blank += 1;
    if (!root.tween && root.real && root.real.status.state === 'playing') {
      w.real += 1;
      divs.forEach((div, i) => {
        const figure = root.real.panels[i].figure;
        for (const c of div.gzClouds ?? []) {
          const sent = figure.data[c.index];
          const ok = c.gzKind === 'heat' ? same(c.z, sent.z) : c.gzKind === 'cloud' ? same(c.x, sent.x) && same(c.y, sent.y) : true;
          if (!ok && w.notReal.length < 5) w.notReal.push([i, c.index, c.gzKind, root.real.status.step]);
        }
      });
    }
    requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
}"""


def boxes(page) -> dict:
    """The bounding box (x, y, width, height, in CSS pixels of the viewport) of each panel's figure and button."""
    found = {key: page.locator(css_key(key)).first.bounding_box() for key in BUTTONS}
    for i in range(2):
        found[f"panel{i}"] = page.locator(PANELS + " .gz-fig").nth(i).bounding_box()
    return found


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
        page.wait_for_selector(PANELS + " .gz-fig.js-plotly-plot")
        settle(page)  # the live view fits its height again once the page above it (and its fonts) has settled
        page.evaluate("() => window.scrollTo(0, 0)")

        def off_screen() -> dict:
            return {key: box for key, box in boxes(page).items() if outside(box, width, height)}

        wait_for(lambda: not off_screen(), timeout=10)
        found = boxes(page)
        mode = "presentation" if present else "normal"
        page.screenshot(path=str(SHOTS / f"mode_collapse-{width}x{height}-{mode}.png"))  # the first screen only
        off = off_screen()
        assert not off, f"off the first screen at {width}x{height} ({mode}): {off}"
        left, right = found["panel0"], found["panel1"]
        assert left["x"] + left["width"] <= right["x"] + 1, "the panels side by side"
        assert exceptions(page) == []
    finally:
        context.close()


def test_the_race_streams_undimmed_and_a_recording_replays(page, app_url, app_log):
    open_page(page, app_url, "mode_collapse")
    page.wait_for_selector(PANELS + " .gz-fig.js-plotly-plot")
    click(page, "mc_play")
    assert wait_for(lambda: int((metric(page, "step") or "0").replace(",", "")) > 0, timeout=60), "it plays"
    settle(page)
    page.evaluate(WATCH)
    before = page.evaluate(f"() => document.querySelector('{css_key('mc.race.live')} .gz-live').frames")
    seen = set()
    for _ in range(12):
        page.wait_for_timeout(500)
        steps = page.evaluate(PANEL_STEPS, PANELS)
        assert len(steps) == 2 and steps[0] == steps[1], f"the runs move in lockstep: {steps}"
        seen.add(steps[0])
    frames, polls, stale, runs = page.evaluate(
        f"() => [document.querySelector('{css_key('mc.race.live')} .gz-live').frames - {before}, window.__polls,"
        " window.__stale, window.__runs]")
    assert len(seen) >= 4 and frames >= 4, f"the race streams new frames ({frames} drawn, steps {sorted(seen)})"
    assert runs == 0, f"no script run while the race plays ({runs} runs)"
    assert stale <= 0.01 * polls, f"nothing fades: {stale} of {polls} looks found a faded element"
    click(page, "mc_play")
    settle(page)
    if not recording_path("ring8-remedy").exists():
        pytest.skip("ring8-remedy is not recorded (tools/record_races.py)")
    page.locator(css_key("mc-head") + " [data-testid='stPopover'] button").first.click()
    settle(page)  # opening the menu runs the page (it tracks its state); a person's next click comes after that
    click(page, "mc.replay.ring8")
    assert wait_for(lambda: page.locator(css_key("mc.replay.ring8")).count() == 0
                    or not page.locator(css_key("mc.replay.ring8")).first.is_visible(), timeout=30), \
        "the presets menu closes once a replay is chosen (the race is under it)"
    # (the presets' captions say "20,000" too: read the panels' step)
    assert wait_for(lambda: metric(page, "step") == "20,000", timeout=90), "the replay reaches step 20,000"
    screenshot(page, "mode_collapse-replayed")
    assert exceptions(page) == [], app_log()[-3000:]


def test_a_playing_race_draws_tweens_between_its_real_frames(page, app_url):
    """Between two real frames of the race both panels are drawn interpolated (``root.tweens`` grows, counted in
    ``root.frames`` as measure_page.py reads them, at most 30 a second), D's heatmap is on each panel's canvas in
    every drawing, and whenever no tween is in flight each panel shows the last real frame's own data."""
    open_page(page, app_url, "mode_collapse")
    page.wait_for_selector(PANELS + " .gz-fig.js-plotly-plot")
    click(page, "mc_play")
    assert wait_for(lambda: int((metric(page, "step") or "0").replace(",", "")) > 0, timeout=60), "it plays"
    settle(page)
    live = f"document.querySelector('{css_key('mc.race.live')} .gz-live')"
    started = wait_for(lambda: page.evaluate(f"() => {live}.tweens ?? 0") > 0, timeout=20)
    if not started:
        draw_ms, starved = page.evaluate(f"() => [{live}.recentMs ?? 0, !!{live}.starved]")
        if draw_ms >= 25 or starved:  # TWEEN_MAX_MS, or a starved view: a browser this slow skips the tweens
            pytest.skip(f"the browser takes {draw_ms:.0f} ms a drawing here (starved: {starved}): tweens are off")
    page.evaluate(TWEEN_WATCH, css_key("mc.race.live"))
    page.wait_for_timeout(4000)
    watch, tweens, frames, seconds = page.evaluate(
        f"() => {{ window.__tw.stop = true; const r = {live};"
        " return [window.__tw, (r.tweens ?? 0) - window.__tw.tweens, r.frames - window.__tw.frames, 4]; }")
    assert tweens >= 4, f"tweens between the race's real frames ({tweens} in {seconds} s)"
    assert frames > tweens, "real frames come too"
    assert tweens <= 31 * seconds, f"at most 30 tweens a second ({tweens} in {seconds} s)"
    assert watch["looks"] >= 20 and watch["blank"] == 0, f"D's heatmap on both canvases in every drawing: {watch}"
    assert watch["real"] >= 1 and watch["notReal"] == [], f"the real frame drawn whole between tweens: {watch}"
    assert exceptions(page) == []
