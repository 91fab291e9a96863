"""Measure a live page in a real headless Chromium: first frame, frames/s, steps/s, control response.

Starts ``streamlit run app.py`` (of this checkout, or of ``--repo``) on a free
port, opens ``--page`` and measures, all in the browser:

* first_frame_s -- seconds from ``page.goto`` until the page's first Plotly
  chart is drawn and a "step" metric is shown, for the server's first visitor
  (cold: the script imports torch and plotly); first_frame_warm_s -- the same
  for a second visitor in a new tab;
* then presses Play; after a second of warm-up, a ``MutationObserver`` in the
  page records every change of the "step" metric's text with
  ``performance.now()`` for ``--seconds``:
  frames_per_s  -- distinct step values shown per second (each one is a new frame),
  steps_per_s   -- Algorithm-1 iterations per second (the step counter's slope),
  plots_per_s   -- plotly.js's redraws of the page's first chart per second
                   (``plotly_afterplot`` events; a playing run's curves and points are
                   drawn on the live view's canvas, mostly without one);
* toggle_ms -- while training runs, clicks the page's first toggle (the D*
  overlay) ``--presses`` times and times each click, in the page's own clock,
  from the click event's ``timeStamp`` (so time the input waits behind a busy
  renderer counts) to the first animation frame after the first chart's
  number of traces changed (median);
* slider_ms -- the same for moving the "k" slider one notch with the keyboard,
  until the page's live-settings line shows the new k (median; absent on a
  page without that line); toggle_max_ms and slider_max_ms are the slowest press;
* blank_share -- the share of polls (every 50 ms) where the chart was missing;
  dimmed_share -- the share of those polls where anything was faded as stale;
* on a page with the streamed live view (``ganviz.ui.live_view``): drawn_per_s
  (figure redraws, the view's own count), draw_ms (browser time per drawn
  frame), and server_train_ms / server_frame_ms: the medians of what each
  frame cost the server's worker in training, and in everything else
  (snapshot, figures, JSON): the server's CPU per shown frame, training excluded;
* browser_cpu_ms / server_cpu_ms: the CPU time (all cores, from /proc) Chromium's
  processes and the server's process used over the recording, per frame shown (the
  server's includes training): unlike the wall times above, a busy machine hardly
  changes them.

The CPU is shared with whatever else runs: run it twice and note ``uptime``.

    .venv/bin/python tools/measure_page.py --page two_d --seconds 10
    .venv/bin/python tools/measure_page.py --page figure1 --repo /tmp/old-checkout   # the same, for another checkout
"""

from __future__ import annotations

import argparse
import json
import re
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import screenshot  # noqa: E402
from screenshot import CHROMIUM, CHROMIUM_ARGS, free_port, start_server, wait_healthy  # noqa: E402

from playwright.sync_api import sync_playwright  # noqa: E402

STEP_JS = """() => {
  const live = document.querySelector('.gz-live');
  if (live && live.dataset.step !== undefined) return Number(live.dataset.step);
  const m = [...document.querySelectorAll('[data-testid="stMetric"]')]
      .find(e => e.querySelector('[data-testid="stMetricLabel"]')?.innerText.trim() === 'step');
  const v = m ? m.querySelector('[data-testid="stMetricValue"]').innerText.replace(/,/g, '') : null;
  return v === null ? null : Number(v);
}"""

DRAWN_JS = """() => {
  const plot = document.querySelector('.gz-fig.js-plotly-plot') || document.querySelector('.js-plotly-plot');
  return !!(plot && plot.querySelector('.main-svg') && plot.getBoundingClientRect().height > 50);
}"""

TRACES_JS = """() => { const p = document.querySelector('.gz-fig.js-plotly-plot') || document.querySelector('.js-plotly-plot');
  return p && p.data ? p.data.length : -1; }"""

SETTINGS_JS = """() => {
  const e = [...document.querySelectorAll('.gz-notes div, [data-testid="stCaptionContainer"]')]
      .find(e => e.innerText.startsWith('training with'));
  const m = e && e.innerText.match(/k = (\\d+)/);
  return m ? Number(m[1]) : null;
}"""

# Records every change of the step metric and every redraw of the first chart, in the page's own clock.
RECORD_JS = """(stepJs) => {
  const readStep = eval(stepJs);
  window.__frames = []; window.__plots = 0;
  let last = readStep();
  new MutationObserver(() => {
    const v = readStep();
    if (v !== null && v !== last) { last = v; window.__frames.push([performance.now(), v]); }
  }).observe(document.body, {subtree: true, childList: true, characterData: true});
  const plot = document.querySelector('.gz-fig.js-plotly-plot') || document.querySelector('.js-plotly-plot');
  if (plot && plot.on) plot.on('plotly_afterplot', () => { window.__plots += 1; });
  const live = document.querySelector('.gz-live');
  window.__live0 = live ? [live.frames ?? 0, live.drawMs ?? 0] : null;
  window.__costs = [];
  window.__costTimer = setInterval(() => { const l = document.querySelector('.gz-live');
    if (l && l.cost) window.__costs.push(l.cost); }, 100);
  window.__t0 = performance.now();
}"""

# Whether anything on the page is faded as stale (Streamlit marks an element from an earlier run so while a run is on).
DIMMED_JS = """() => !!document.querySelector('[data-stale="true"]')"""


def wait_for(page, js: str, predicate, timeout: float = 10.0, every: float = 0.01):
    """Poll ``js`` in the page until ``predicate(value)``; returns (seconds waited, value) or (None, value)."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        value = page.evaluate(js)
        if predicate(value):
            return time.perf_counter() - start, value
        time.sleep(every)
    return None, value


def _cpu_seconds(server_pid: int) -> tuple[float, float]:
    """CPU seconds (user + system) used so far by the server's process and by this run's Chromium processes
    (every process named chrom* under this one), from /proc (Linux)."""
    tick = os.sysconf("SC_CLK_TCK")
    parent, cpu, name = {}, {}, {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        head, rest = stat.rsplit(")", 1)
        fields = rest.split()
        pid = int(entry.name)
        name[pid], parent[pid] = head.split("(", 1)[1], int(fields[1])
        cpu[pid] = (int(fields[11]) + int(fields[12])) / tick
    def under_us(pid: int) -> bool:
        while pid > 1:
            if pid == os.getpid():
                return True
            pid = parent.get(pid, 0)
        return False
    browser = sum(cpu[pid] for pid in cpu if name[pid].startswith("chrom") and under_us(pid))
    return cpu.get(server_pid, 0.0), browser


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--page", default="figure1", help="url path of the page (default: figure1)")
    ap.add_argument("--seconds", type=float, default=10.0, help="how long to count frames (default: 10)")
    ap.add_argument("--play", default="Play", help="label of the button that starts training")
    ap.add_argument("--preset", help="start training by loading this preset from the Lessons menu (e.g. figure1_abcd) "
                                     "instead of pressing --play")
    ap.add_argument("--presses", type=int, default=4, help="clicks of the toggle and moves of the slider (default: 4)")
    ap.add_argument("--repo", help="serve the app of this checkout instead (for before/after comparisons)")
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    ap.add_argument("--width", type=int, default=1400, help="window width (default: 1400)")
    ap.add_argument("--height", type=int, default=1100, help="window height (default: 1100)")
    args = ap.parse_args()
    if args.repo:
        screenshot.REPO_ROOT = Path(args.repo).resolve()
    port = free_port()
    server = start_server("app.py", port)
    result = {"page": args.page, **({"preset": args.preset} if args.preset else {})}
    try:
        wait_healthy(server, port)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            url = f"http://127.0.0.1:{port}/{args.page}"
            size = {"width": args.width, "height": args.height}
            page = browser.new_page(viewport=size)
            result["first_frame_s"] = _first_frame(page, url)
            second = browser.new_page(viewport=size)  # the server has imported everything
            result["first_frame_warm_s"] = _first_frame(second, url)
            second.close()
            time.sleep(1.0)
            if args.preset:  # a preset plays once loaded; the menu is closed before measuring
                page.get_by_role("button", name=re.compile(r"\bLessons$")).first.click()
                page.locator(f"[class*='-preset-{args.preset}'] button").first.click()
                time.sleep(1.0)
                page.keyboard.press("Escape")
            else:  # (the whole word at the end of the name: "Presets and replays" must not count as Play)
                page.get_by_role("button", name=re.compile(rf"\b{re.escape(args.play)}$")).first.click()
            time.sleep(1.5)  # let the loop start
            page.evaluate(RECORD_JS, STEP_JS)
            cpu_before = _cpu_seconds(server.pid)
            polls, dimmed, t_end = [], [], time.perf_counter() + args.seconds
            while time.perf_counter() < t_end:
                polls.append(page.evaluate(DRAWN_JS))
                dimmed.append(page.evaluate(DIMMED_JS))
                time.sleep(0.05)
            frames, plots, now, live, costs = page.evaluate(
                "() => { clearInterval(window.__costTimer); const l = document.querySelector('.gz-live');"
                " return [window.__frames, window.__plots, performance.now() - window.__t0,"
                " l && window.__live0 ? [l.frames - window.__live0[0], l.drawMs - window.__live0[1]] : null,"
                " window.__costs]; }")
            cpu_after = _cpu_seconds(server.pid)
            span = now / 1000
            if frames:  # CPU seconds over the recording (all cores), per frame shown: load-proof, unlike wall times
                result.update(browser_cpu_ms=round(1000 * (cpu_after[1] - cpu_before[1]) / len(frames), 1),
                              server_cpu_ms=round(1000 * (cpu_after[0] - cpu_before[0]) / len(frames), 1))
            if live:
                result.update(drawn_per_s=round(live[0] / span, 2),
                              draw_ms=round(live[1] / max(1, live[0]), 1))
            if costs:
                result.update(server_train_ms=round(statistics.median(c[0] for c in costs), 1),
                              server_frame_ms=round(statistics.median(c[1] for c in costs), 1))
            result["dimmed_share"] = round(sum(dimmed) / max(1, len(dimmed)), 3)
            result.update(
                seconds=round(span, 2),
                frames_per_s=round(len(frames) / span, 2),
                steps_per_s=round((frames[-1][1] - frames[0][1]) / ((frames[-1][0] - frames[0][0]) / 1000), 1)
                if len(frames) > 1 else 0.0,
                plots_per_s=round(plots / span, 2),
                blank_share=round(sum(not d for d in polls) / max(1, len(polls)), 3),
            )
            toggles, sliders = _toggle_times(page, args.presses), _slider_times(page, args.presses)
            result.update(toggle_ms=_median_ms(toggles), toggle_max_ms=_max_ms(toggles),
                          slider_ms=_median_ms(sliders), slider_max_ms=_max_ms(sliders))
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)
    print(json.dumps(result) if args.json else "  ".join(f"{k}={v}" for k, v in result.items()))
    return 0


def _first_frame(page, url: str) -> float:
    """Seconds from opening ``url`` until its first chart is drawn and the step metric shows."""
    start = time.perf_counter()
    page.goto(url)
    wait_for(page, DRAWN_JS, bool, timeout=60)
    wait_for(page, STEP_JS, lambda v: v is not None, timeout=60)
    return round(time.perf_counter() - start, 2)


def _toggle_times(page, presses: int) -> list:
    menu = page.locator("[class*='st-key-'][class*='-view'] button").first  # a live page's "View" popover
    if menu.count():
        menu.click()
        page.locator("[data-testid='stPopoverBody']").first.wait_for(state="visible")
        toggle = page.locator("[data-testid='stPopoverBody'] [data-testid='stCheckbox'] label").first
    else:
        toggle = page.locator("[data-testid='stMain'] [data-testid='stCheckbox'] label").first
        if not toggle.count():  # a page without display switches (the Mode collapse race)
            return []
    return [_response_time(page, TRACES_JS, toggle.click) for _ in range(presses)]


def _slider_times(page, presses: int) -> list:
    if page.evaluate(SETTINGS_JS) is None:
        return []
    thumb = page.locator("[data-testid='stSidebar'] [data-testid='stSlider'] input[type='range']").first  # k
    times = []
    for i in range(presses):
        thumb.focus()
        times.append(_response_time(page, SETTINGS_JS, lambda: page.keyboard.press("ArrowRight" if i % 2 == 0 else "ArrowLeft")))
    return times


# Times one input in the page's own clock: from the input event's timeStamp (when the browser took the click or
# the key, so time spent queued behind a busy renderer counts) to the first animation frame after the DOM shows
# a new value of ``readJs``. Playwright's own actionability checks before a click are not counted.
WATCH_JS = """([readJs, before]) => {
  const read = eval(readJs);
  window.__input = null; window.__shown = null;
  const stamp = e => { if (window.__input === null) window.__input = e.timeStamp; };
  document.addEventListener('pointerdown', stamp, {capture: true, once: true});
  document.addEventListener('keydown', stamp, {capture: true, once: true});
  const watcher = new MutationObserver(() => {
    const v = read();
    if (window.__shown === null && v !== null && v !== before) {
      window.__shown = -1; watcher.disconnect();
      requestAnimationFrame(() => { window.__shown = performance.now(); });
    }
  });
  watcher.observe(document.body, {subtree: true, childList: true, characterData: true, attributes: true});
}"""


def _response_time(page, read_js: str, act) -> float | None:
    """Seconds from ``act()``'s input event to the frame that shows a change of ``read_js`` (None: not in 10 s)."""
    page.evaluate(WATCH_JS, [read_js, page.evaluate(read_js)])
    act()
    waited, _ = wait_for(page, "() => window.__shown", lambda v: v is not None and v > 0)
    result = None
    if waited is not None:
        shown, pressed = page.evaluate("() => [window.__shown, window.__input]")
        result = (shown - pressed) / 1000 if pressed is not None else None
    time.sleep(0.5)
    return result


def _median_ms(times: list):
    """The median in ms; a press that never showed its effect within 10 s counts as 10 s."""
    if not times:
        return None
    return round(1000 * statistics.median(10.0 if t is None else t for t in times))


def _max_ms(times: list):
    """The slowest press in ms (10 s for one never seen)."""
    return round(1000 * max(10.0 if t is None else t for t in times)) if times else None


if __name__ == "__main__":
    sys.exit(main())
