"""The live view in a real browser: the whole figure and the run's buttons on the first screen, frames that
stream without reruns (nothing fades), and a closed tab's worker freed.

Checked at 1280x720 and 1920x1080, in normal and presentation mode, on Figure 1 and 2D. Screenshots go to
``shots/e2e/`` (``live-<page>-<width>-<mode>.png``).
"""

from __future__ import annotations

import pytest

from ganviz.lessons.presets import FIGURE1_HELD

from .conftest import SHOTS
from .driver import click, css_key, exceptions, settle, step, wait_for

PAGES = {"figure1": "fig1", "two_d": "p2d"}
SIZES = [(1280, 720), (1920, 1080)]

BOX_JS = """(sel) => { const e = document.querySelector(sel); if (!e) return null;
  const r = e.getBoundingClientRect(); return {top: r.top, bottom: r.bottom, left: r.left, right: r.right}; }"""

# Counts, from now on, frames drawn by the live view and moments where anything on the page was faded as stale.
WATCH_JS = """() => {
  const root = document.querySelector('.gz-live');
  window.__start = root.frames ?? 0;
  window.__polls = 0; window.__stale = 0;
  window.__timer = setInterval(() => {
    window.__polls += 1;
    if (document.querySelector('[data-stale="true"]')) window.__stale += 1;
  }, 50);
}"""


def _open(page, app_url: str, path: str, presenting: bool) -> None:
    page.goto(f"{app_url}/{path}")
    try:
        page.wait_for_selector(".gz-live .gz-fig.js-plotly-plot")
    except Exception:
        page.screenshot(path=str(SHOTS / f"live-{path}-failed.png"))
        raise
    settle(page)
    if presenting and page.locator(css_key("ganviz.present_exit")).count() == 0:
        page.locator(f"{css_key('ganviz.present')} label").first.click()
        assert wait_for(lambda: page.locator(css_key("ganviz.present_exit")).count() == 1)
        settle(page)
    page.evaluate("() => window.scrollTo(0, 0)")


def _play(page, app_url: str, path: str = "figure1") -> None:
    """Open ``path`` and press Play; back once the run has trained."""
    page.goto(f"{app_url}/{path}")
    page.wait_for_selector(".gz-live .gz-fig.js-plotly-plot")
    settle(page)
    click(page, f"{PAGES[path]}.play")
    assert wait_for(lambda: (step(page) or 0) > 0, timeout=90), "Play trains"


def _inside(box: dict, width: int, height: int) -> bool:
    return box is not None and box["top"] >= 0 and box["left"] >= 0 and box["bottom"] <= height + 0.5 \
        and box["right"] <= width + 0.5


@pytest.mark.parametrize("presenting", [False, True], ids=["normal", "presentation"])
@pytest.mark.parametrize("width, height", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
@pytest.mark.parametrize("path", list(PAGES))
def test_the_whole_figure_and_the_run_buttons_are_on_the_first_screen(browser, app_url, path, width, height,
                                                                       presenting):
    key = PAGES[path]
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.set_default_timeout(60_000)
    try:
        _open(page, app_url, path, presenting)
        page.wait_for_timeout(500)  # the figure takes the height the window leaves it
        figure = page.evaluate(BOX_JS, ".gz-fig .main-svg")
        assert _inside(figure, width, height), f"the figure {figure} lies within the {width}x{height} window"
        assert figure["bottom"] - figure["top"] >= 250, f"the figure is tall enough to read ({figure})"
        for button in ("play", "step", "reset", "fit_d", "snap", "lessons", "view"):
            box = page.evaluate(BOX_JS, f"{css_key(f'{key}.{button}')} button")
            assert _inside(box, width, height), f"{button} is on the first screen ({box})"
        page.screenshot(path=str(SHOTS / f"live-{path}-{width}-{'presentation' if presenting else 'normal'}.png"))
        assert exceptions(page) == []
    finally:
        context.close()


@pytest.mark.parametrize("path", list(PAGES))
def test_frames_stream_without_reruns_and_nothing_fades(page, app_url, app_log, path):
    key = PAGES[path]
    _play(page, app_url, path)
    settle(page)
    page.evaluate(WATCH_JS)
    first = step(page)
    page.wait_for_timeout(4000)
    frames, polls, stale = page.evaluate(
        "() => { clearInterval(window.__timer); return [document.querySelector('.gz-live').frames - window.__start,"
        " window.__polls, window.__stale]; }")
    assert step(page) > first, "the step counter moves"
    assert frames >= 4, f"frames arrive over the stream ({frames} in 4 s)"
    assert page.locator("[data-test-script-state='running']").count() == 0, "no script runs while it plays"
    assert stale <= 0.01 * polls, f"nothing fades: {stale} of {polls} looks found a stale element"
    assert page.evaluate("() => document.querySelector('.gz-live').dataset.state") == "playing"

    click(page, f"{key}.play")  # Pause
    assert wait_for(lambda: page.evaluate("() => document.querySelector('.gz-live').dataset.state") == "paused")
    paused = step(page)
    page.wait_for_timeout(1500)
    assert step(page) == paused, "paused: the step stands still"
    assert exceptions(page) == []


def test_a_closed_tab_frees_its_worker(browser, app_url, app_log):
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    page = context.new_page()
    _play(page, app_url)
    before = app_log().count("worker of fig1 stopped: no viewer")
    context.close()  # the tab goes; its run was playing
    assert wait_for(lambda: app_log().count("worker of fig1 stopped: no viewer") > before, timeout=30), \
        "the server's log says the closed tab's worker stopped"


LIVE_JS = """() => { const root = document.querySelector('.gz-live'), fig = root.querySelector('.gz-fig');
  return {pages: root.pageFrames, state: root.dataset.state, notes: root.notes.innerText,
          names: (fig.data || []).map((trace) => trace.name ?? "")}; }"""


def test_a_switch_and_a_live_setting_reach_a_playing_run_without_a_page_run(page, app_url):
    """The View menu's switches and the sidebar's live settings (ganviz.ui.retune) run only their fragment:
    the playing run's next streamed frame shows the change, and the page itself does not run. Paused, a
    switch runs the page, which draws the change."""
    _play(page, app_url)
    settle(page)
    before = page.evaluate(LIVE_JS)
    assert before["state"] == "playing" and any(name.startswith("D*") for name in before["names"])
    k = FIGURE1_HELD.k  # the page's default run
    assert f"k = {k}," in before["notes"]

    click(page, "fig1.view")  # open the View menu, then flip D* off
    page.locator(f"{css_key('fig1.d_star')} label").first.click()
    assert wait_for(lambda: not any(name.startswith("D*") for name in page.evaluate(LIVE_JS)["names"]), timeout=30), \
        "the next frames have no D*"
    page.keyboard.press("Escape")
    slider = page.locator(f"{css_key('fig1.k')} input[type='range']").first
    slider.focus()
    page.keyboard.press("ArrowRight")
    assert wait_for(lambda: f"k = {k + 1}," in page.evaluate(LIVE_JS)["notes"], timeout=30), "the run trains with k + 1"
    after = page.evaluate(LIVE_JS)
    assert after["pages"] == before["pages"], "neither change ran the page"
    assert after["state"] == "playing"
    moving = step(page)
    assert wait_for(lambda: step(page) > moving, timeout=30), "the run trains on"

    click(page, "fig1.play")  # Pause: now a switch runs the page
    assert wait_for(lambda: page.evaluate(LIVE_JS)["state"] == "paused")
    settle(page)
    paused = page.evaluate(LIVE_JS)
    click(page, "fig1.view")
    page.locator(f"{css_key('fig1.d_star')} label").first.click()
    assert wait_for(lambda: any(name.startswith("D*") for name in page.evaluate(LIVE_JS)["names"]), timeout=30)
    assert page.evaluate(LIVE_JS)["pages"] > paused["pages"], "paused, the page ran and drew D* again"
    assert exceptions(page) == []


def test_a_tab_that_misses_its_stream_keeps_its_run_until_it_leaves_the_page(browser, app_url, app_log):
    """A tab starved of CPU (ten tabs and the server on two cores) can miss its stream for longer than the worker's
    idle time (GANVIZ_WORKER_IDLE_S=3 here) while its websocket stays connected: its run goes on. Here the tab's
    new streams are held unanswered, as a starved tab never gets to read them. When the tab then opens another
    page of the app (same session, still connected), the run's worker stops for want of a viewer."""
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    page = context.new_page()
    try:
        _play(page, app_url)
        going = app_log().count("worker of fig1 goes on: no viewer")
        held = []
        page.route("**/ganviz/live/**", lambda route: held.append(route))  # the next stream (renewed every 5 s)
        # is never answered
        assert wait_for(lambda: app_log().count("worker of fig1 goes on: no viewer") > going, timeout=60), \
            "no viewer past the idle time, the tab connected: the worker says it goes on"
        frozen = step(page)
        for route in list(held):
            route.continue_()
        page.unroute("**/ganviz/live/**")  # (a stream asked for since is let through with it)
        assert wait_for(lambda: step(page) > frozen, timeout=30), "the stream comes back, the run went on"
        moved = step(page)
        assert wait_for(lambda: step(page) > moved, timeout=30), "and it still plays"
        stopped = app_log().count("worker of fig1 stopped: no viewer")
        page.locator("[data-testid='stSidebarNav'] a", has_text="2D").first.click()  # in the same session
        page.wait_for_selector(".st-key-p2d-play")
        assert wait_for(lambda: app_log().count("worker of fig1 stopped: no viewer") > stopped, timeout=30), \
            "the tab left the run's page: its worker stops after the idle time"
        assert exceptions(page) == []
    finally:
        context.close()


# Every streamed frame the page receives from now on: when it came (the page's clock) and the last step of its
# history chart (null: the frame carries none). Installed before the page's scripts run.
RECORD_FRAMES = """(() => { const ES = window.EventSource; window.__frames = [];
  function Recorded(url, options) { const es = new ES(url, options);
    es.addEventListener('message', (event) => { try {
      const frame = JSON.parse(event.data), jsd = (frame.history?.data ?? []).find((trace) => trace.name === 'JSD');
      window.__frames.push([performance.now(), jsd ? jsd.x[jsd.x.length - 1] : null]);
    } catch (e) {} }); return es; }
  Recorded.prototype = ES.prototype;
  for (const name of ['CONNECTING', 'OPEN', 'CLOSED']) Recorded[name] = ES[name];
  window.EventSource = Recorded; })();"""

# Each redraw of the history chart from now on (a poll every 20 ms): when, and the last step its JSD line shows
# (on the canvas, or in plotly.js's SVG).
WATCH_HISTORY = """(force) => { const root = document.querySelector('.gz-live');
  root.forceStarved = force; window.__redraws = []; let seen = root.drawnBelow ?? 0;
  clearInterval(window.__historyTimer);
  window.__historyTimer = setInterval(() => {
    if ((root.drawnBelow ?? 0) === seen) return;
    seen = root.drawnBelow;
    const div = root.history, lines = div.gzClouds?.length ? div.gzClouds : (div.data ?? []);
    const jsd = lines.find((trace) => trace.name === 'JSD');
    window.__redraws.push([performance.now(), jsd ? jsd.x[jsd.x.length - 1] : null, !!div.gzClouds?.length,
                           div.layout?.xaxis?.autorange]);
  }, 20); }"""


def test_a_starved_view_redraws_the_history_less_often_and_the_newest(browser, app_url):
    """A view starved of CPU (``root.starved``: its drawings slow, or frames waiting long for them; forced here
    with ``root.forceStarved``) redraws the history chart at most every 2.5 s instead of every frame that carries
    it (about every 0.5 s), with the newest history it has received, its lines on the canvas over axes that hold
    still; the figure is still drawn with every frame. Paused, the history is plotly.js's SVG again."""
    context = browser.new_context(viewport={"width": 1400, "height": 1600})  # the history in view
    context.add_init_script(RECORD_FRAMES)
    page = context.new_page()
    page.set_default_timeout(60_000)
    try:
        _play(page, app_url)
        settle(page)
        page.evaluate(WATCH_HISTORY, False)
        page.wait_for_timeout(5000)
        fed = page.evaluate("() => window.__redraws")
        assert len(fed) >= 5, f"not starved, the history is redrawn about every 0.5 s ({len(fed)} in 5 s)"
        assert not any(canvas for _, _, canvas, _ in fed), "not starved, the history's lines are plotly.js's"

        page.evaluate(WATCH_HISTORY, True)
        frames0 = page.evaluate("() => document.querySelector('.gz-live').frames")
        page.wait_for_timeout(7000)
        redraws, frames, drawn = page.evaluate(
            "() => [window.__redraws, window.__frames, document.querySelector('.gz-live').frames]")
        assert page.evaluate("() => document.querySelector('.gz-live').dataset.starved") == "1"
        assert 1 <= len(redraws) <= 4, f"starved, the history is redrawn every 2.5 s at most ({len(redraws)} in 7 s)"
        assert all(gap >= 2200 for gap in (b[0] - a[0] for a, b in zip(redraws, redraws[1:]))), redraws
        assert drawn - frames0 >= 2 * len(redraws) + 4, "the figure is still drawn with each frame"
        for at, shown, canvas, autorange in redraws:
            assert canvas and autorange is False, "starved, the history's lines are on the canvas over still axes"
            # Every history received up to a second before the redraw (a later frame may still wait for its
            # drawing) is no newer: the redraw is not the history of 2.5 s ago, kept while the charts waited.
            newest = max((last for t, last in frames if t < at - 1000 and last is not None), default=None)
            assert newest is not None and shown >= newest, \
                f"the redraw shows the newest history received (step {shown}, received up to {newest})"

        click(page, "fig1.play")  # Pause: the paused frame's history is drawn in full, as ever
        assert wait_for(lambda: page.evaluate("() => document.querySelector('.gz-live').dataset.state") == "paused")
        page.wait_for_timeout(1000)
        paused = page.evaluate("""() => { const div = document.querySelector('.gz-live').history;
          const jsd = (div.data ?? []).find((trace) => trace.name === 'JSD');
          return [jsd ? jsd.x.length : 0, div.gzClouds?.length ?? 0, div.layout?.xaxis?.autorange]; }""")
        assert paused[0] > 1 and paused[1] == 0 and paused[2] is not False, f"paused, the history is SVG ({paused})"
        assert exceptions(page) == []
    finally:
        context.close()
