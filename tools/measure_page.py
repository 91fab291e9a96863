"""Measure a live page in a real headless Chromium: frames and training steps per second.

Starts ``streamlit run app.py`` on a free port, opens ``--page``, presses Play
and, every ``--every`` seconds for ``--seconds``, reads the first "step"
metric and whether the page's first Plotly chart is drawn. Reports:

* frames/s   -- distinct step values seen per second (each is a new frame);
* steps/s    -- Algorithm-1 iterations per second (the step counter's slope);
* blank      -- the share of samples where the chart was missing or empty
               (st.plotly_chart replaces the chart's DOM node on new data).

    .venv/bin/python tools/measure_page.py --page two_d --seconds 10
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from screenshot import CHROMIUM, CHROMIUM_ARGS, free_port, start_server, wait_healthy, wait_settled  # noqa: E402

from playwright.sync_api import sync_playwright  # noqa: E402

READ = """() => {
  const m = [...document.querySelectorAll('[data-testid="stMetric"]')]
      .find(e => e.querySelector('[data-testid="stMetricLabel"]')?.innerText.trim() === 'step');
  const v = m ? m.querySelector('[data-testid="stMetricValue"]').innerText.replace(/,/g, '') : null;
  const plot = document.querySelector('.js-plotly-plot');
  const drawn = !!(plot && plot.querySelector('.main-svg') && plot.getBoundingClientRect().height > 50);
  return [v === null ? null : Number(v), drawn];
}"""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--page", default="figure1", help="url path of the page (default: figure1)")
    ap.add_argument("--seconds", type=float, default=10.0, help="how long to sample (default: 10)")
    ap.add_argument("--every", type=float, default=0.05, help="seconds between samples (default: 0.05)")
    ap.add_argument("--play", default="Play", help="label of the button that starts training")
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    args = ap.parse_args()
    port = free_port()
    server = start_server("app.py", port)
    try:
        wait_healthy(server, port)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 1100})
            page.goto(f"http://127.0.0.1:{port}/{args.page}")
            page.wait_for_selector("[data-testid='stApp']")
            wait_settled(page)
            time.sleep(1.0)
            page.get_by_role("button", name=args.play).first.click()
            time.sleep(1.0)  # let the loop start
            samples, start = [], time.perf_counter()
            while time.perf_counter() - start < args.seconds:
                step, drawn = page.evaluate(READ)
                samples.append((time.perf_counter() - start, step, drawn))
                time.sleep(args.every)
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)
    steps = [(t, s) for t, s, _ in samples if s is not None]
    frames = len({s for _, s in steps}) - 1
    span = steps[-1][0] - steps[0][0] if len(steps) > 1 else float("nan")
    result = {
        "page": args.page,
        "seconds": round(span, 2),
        "frames_per_s": round(frames / span, 2),
        "steps_per_s": round((steps[-1][1] - steps[0][1]) / span, 1),
        "blank_share": round(sum(not d for _, _, d in samples) / len(samples), 3),
        "samples": len(samples),
    }
    print(json.dumps(result) if args.json else "  ".join(f"{k}={v}" for k, v in result.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
