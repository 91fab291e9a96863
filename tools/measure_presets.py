"""Time every preset of the Figure 1 and 2D pages in a real headless Chromium: from pressing it to its claim's step.

Each preset (``ganviz.lessons.presets``) says in ``shows`` what the class sees and by which iteration (the largest
whole number of 10 or more in that sentence, e.g. "JSD falls ... below 0.1 within 1,500 iterations"; the caption
on the page says the same). For each one this starts ``streamlit run app.py`` once, opens the page in a fresh tab,
opens the Lessons menu, presses the preset and reads the live view's step and state every 0.1 s until the step
reaches that iteration, or the run stops by itself (a diverging preset, "train D to optimality" once D's fit has
ended), or ``--timeout`` seconds pass. Prints one JSON row per preset: its name, the target step, the seconds it
took, where it stopped, and whether that was within a minute (issue 21: every preset shows its claim within 60 s).

The CPU is shared with whatever else runs (the browser too): note ``uptime``, and run it more than once.

    .venv/bin/python tools/measure_presets.py                      # Figure 1 and 2D, 1280x720
    .venv/bin/python tools/measure_presets.py --pages two_d --runs 3
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from screenshot import CHROMIUM, CHROMIUM_ARGS, free_port, start_server, wait_healthy  # noqa: E402

from playwright.sync_api import sync_playwright  # noqa: E402

from ganviz.lessons.presets import presets_for  # noqa: E402

KEYS = {"figure1": "fig1", "two_d": "p2d"}  # page -> the key of its run (its widgets' prefix)
READ_JS = """() => { const live = document.querySelector('.gz-live');
  return live ? [Number(live.dataset.step), live.dataset.state] : [null, null]; }"""


def target_step(shows: str) -> int | None:
    """The iteration a preset's claim is made at: the largest whole number of 10 or more in ``shows``."""
    numbers = [int(n.replace(",", "")) for n in re.findall(r"(?<![\d.])\d{1,3}(?:,\d{3})+(?![\d.])|(?<![\d.])\d+(?![\d.])",
                                                            shows)]
    numbers = [n for n in numbers if n >= 10]
    return max(numbers) if numbers else None


def time_preset(browser, url: str, page_name: str, preset, width: int, height: int, timeout: float) -> dict:
    key = KEYS[page_name]
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.set_default_timeout(60_000)
    try:
        page.goto(f"{url}/{page_name}")
        page.wait_for_selector(".gz-live .gz-fig.js-plotly-plot")
        page.wait_for_timeout(1000)
        page.locator(f".st-key-{key}-lessons button").first.click()
        button = page.locator(f".st-key-{key}-preset-{preset.name} button").first
        button.wait_for(state="visible")
        target = target_step(preset.shows)
        button.click()
        began = time.perf_counter()
        started, step, state = False, None, None
        while time.perf_counter() - began < timeout:
            step, state = page.evaluate(READ_JS)
            started = started or state in ("playing", "fit_d")
            if step is not None and target is not None and step >= target:
                break
            if started and state in ("paused", "diverged"):  # it stopped by itself: diverged, or D's fit ended
                break
            page.wait_for_timeout(100)
        seconds = time.perf_counter() - began
        return {"preset": preset.name, "page": page_name, "target_step": target, "step": step, "state": state,
                "seconds": round(seconds, 1), "within_60_s": seconds <= 60 and (
                    (target is not None and step is not None and step >= target) or state in ("paused", "diverged"))}
    finally:
        context.close()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", nargs="+", default=list(KEYS), choices=list(KEYS))
    ap.add_argument("--runs", type=int, default=1, help="times each preset is pressed (the median is reported)")
    ap.add_argument("--width", type=int, default=1280)
    ap.add_argument("--height", type=int, default=720)
    ap.add_argument("--timeout", type=float, default=120.0, help="seconds to wait for one preset (default: 120)")
    args = ap.parse_args()
    port = free_port()
    server = start_server("app.py", port)
    try:
        wait_healthy(server, port, 180)
        url = f"http://127.0.0.1:{port}"
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for page_name in args.pages:
                for preset in presets_for(page_name):
                    rows = [time_preset(browser, url, page_name, preset, args.width, args.height, args.timeout)
                            for _ in range(args.runs)]
                    row = dict(rows[-1], seconds=statistics.median(r["seconds"] for r in rows),
                               all_seconds=[r["seconds"] for r in rows], load=os.getloadavg()[0])
                    print(json.dumps(row), flush=True)
            browser.close()
    finally:
        server.terminate()
    return 0


if __name__ == "__main__":
    sys.exit(main())
