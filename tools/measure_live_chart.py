"""Measure how a live Plotly chart looks in a real browser: live_plotly_chart vs st.plotly_chart.

Starts ``streamlit run tools/live_chart_demo.py`` (a chart redrawn every 0.2 s,
"tick N" in its title) on a free port, opens it in the system Chromium through
Playwright (offline: no ``playwright install``, no CDN), and for ``--seconds``
reads the page every 50 ms:

* fps: distinct ticks seen per second;
* blank: samples where the plot div is missing or shows no rendered traces;
  an in-page requestAnimationFrame watcher counts the same per painted frame;
* node changes: how often the plot div was a different DOM node than before;
* zoom kept: halfway through, a mouse drag zooms the scatter; the share of the
  later samples whose x range is still the zoomed one;
* window.Plotly.version: the plotly.js the page loaded (None: not global);
* server CPU: the streamlit process's CPU time over the window, % of one core;
* external requests: any request not to the local server (must be none).

Usage (from the repo root)::

    .venv/bin/python tools/measure_live_chart.py                 # both variants
    .venv/bin/python tools/measure_live_chart.py --variant live --seconds 5
    .venv/bin/python tools/measure_live_chart.py --columns       # chart inside st.columns
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time

from playwright.sync_api import sync_playwright

from screenshot import CHROMIUM, CHROMIUM_ARGS, REPO_ROOT, free_port, server_log, wait_healthy

DEMO = "tools/live_chart_demo.py"

# One sample of the page: is the chart there and drawn, which tick, same node?
SAMPLE_JS = """() => {
  const div = document.querySelector('.js-plotly-plot');
  if (!div) return {exists: false};
  const box = div.getBoundingClientRect();
  const drawn = box.height > 10 && !!div.querySelector('.main-svg')
    && div.querySelectorAll('.scatterlayer .point').length > 0
    && !!div.querySelector('.heatmaplayer image, .hm image');
  const title = div.querySelector('.gtitle')?.textContent ?? '';
  const same = div.__probe === true;
  div.__probe = true;
  const range = div._fullLayout?.xaxis?.range ?? null;
  return {exists: true, drawn, title, same, range};
}"""

# Per painted frame, in the page: frames, blank frames, node changes.
WATCH_JS = """() => {
  const w = window.__watch = {frames: 0, blank: 0, nodes: 0};
  let last = null;
  (function frame() {
    const div = document.querySelector('.js-plotly-plot');
    w.frames++;
    if (!div || !div.querySelector('.scatterlayer .point')
        || div.getBoundingClientRect().height <= 10) w.blank++;
    if (div && div !== last) { w.nodes++; last = div; }
    requestAnimationFrame(frame);
  })();
}"""


def start_demo(port: int, flags: list[str]) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "streamlit", "run", DEMO,
           "--server.headless", "true", "--server.port", str(port),
           "--server.address", "127.0.0.1", "--server.fileWatcherType", "none",
           "--global.developmentMode", "false", "--browser.gatherUsageStats", "false",
           "--", *flags]
    log = tempfile.TemporaryFile(mode="w+")
    server = subprocess.Popen(cmd, cwd=REPO_ROOT, stdout=log, stderr=subprocess.STDOUT)
    server.log = log
    return server


def cpu_seconds(pid: int) -> float:
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def zoom_scatter(page) -> None:
    """Box-zoom the scatter subplot with a real mouse drag."""
    box = page.locator('.js-plotly-plot .nsewdrag[data-subplot="xy"]').bounding_box()
    x, y, w, h = box["x"], box["y"], box["width"], box["height"]
    page.mouse.move(x + 0.3 * w, y + 0.3 * h)
    page.mouse.down()
    page.mouse.move(x + 0.5 * w, y + 0.5 * h, steps=5)
    page.mouse.move(x + 0.6 * w, y + 0.6 * h, steps=5)
    page.mouse.up()


def measure(variant: str, seconds: float, columns: bool) -> dict:
    flags = (["--plain"] if variant == "plain" else []) + (["--columns"] if columns else [])
    port = free_port()
    server = start_demo(port, flags)
    try:
        wait_healthy(server, port)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1200, "height": 900})
            external = []
            page.on("request", lambda r: None if r.url.startswith(
                (f"http://127.0.0.1:{port}", "blob:", "data:")) else external.append(r.url))
            page.goto(f"http://127.0.0.1:{port}/")
            page.wait_for_selector(".js-plotly-plot .scatterlayer .point", timeout=60_000)
            page.evaluate(WATCH_JS)
            samples, zoomed_at = [], None
            cpu0, t0 = cpu_seconds(server.pid), time.time()
            while (now := time.time()) - t0 < seconds:
                if zoomed_at is None and now - t0 > seconds / 2:
                    zoom_scatter(page)
                    zoomed_at = len(samples)
                samples.append(page.evaluate(SAMPLE_JS))
                time.sleep(max(0.0, 0.05 - (time.time() - now)))
            elapsed, cpu = time.time() - t0, cpu_seconds(server.pid) - cpu0
            watch = page.evaluate("() => window.__watch")
            plotly_js = page.evaluate("() => window.Plotly?.version ?? null")
            browser.close()
    finally:
        server.kill()
        server.wait()
    errors = re.findall(r"Traceback.*", server_log(server))
    ticks = {int(m.group(1)) for s in samples if (m := re.search(r"tick (\d+)", s.get("title", "")))}
    after_zoom = samples[zoomed_at + 2:] if zoomed_at is not None else []
    zoom_kept = [s for s in after_zoom if s.get("range") and s["range"][1] - s["range"][0] < 3.5]
    return {
        "variant": variant + (" in st.columns" if columns else ""),
        "samples": len(samples),
        "fps": round(len(ticks) / elapsed, 2),
        "blank samples": sum(not (s["exists"] and s["drawn"]) for s in samples),
        "node changes (samples)": sum(s["exists"] and not s["same"] for s in samples[1:]),
        "painted frames": watch["frames"],
        "blank painted frames": watch["blank"],
        "node changes (frames)": watch["nodes"] - 1,
        "zoom kept": f"{len(zoom_kept)}/{len(after_zoom)} samples",
        "window.Plotly.version": plotly_js,
        "server CPU % of a core": round(100 * cpu / elapsed),
        "external requests": external,
        "server errors": errors,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--variant", choices=["live", "plain", "both"], default="both")
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--columns", action="store_true")
    args = parser.parse_args()
    variants = ["live", "plain"] if args.variant == "both" else [args.variant]
    for variant in variants:
        result = measure(variant, args.seconds, args.columns)
        print("\n".join(f"{k:>24}: {v}" for k, v in result.items()), end="\n\n", flush=True)


if __name__ == "__main__":
    main()
