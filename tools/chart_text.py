"""Check the text inside every chart of app pages in a real headless Chromium, and screenshot them.

For each page, window size, mode (normal, presentation) and language, the page is loaded, optional buttons
are clicked, and ``tools/chart_text.js`` measures every text box of every Plotly chart: none may leave the
chart, sit on a plot area (tick labels, axis titles, legends, subplot titles), be crossed by a reference
line, or overlap another. Problems are printed; the screenshots go to ``--out``.

Usage (from the repo root, venv active):
    python tools/chart_text.py --page figure1 --page two_d --click Load --wait 6 --out shots/chart-text
    python tools/chart_text.py --page theory --tabs 5 --lang ko --size 1280x720

A label to click must be in the page's language (``--lang`` once with it). tests/e2e/test_chart_text.py runs the
same check on every chart's figure, without the app.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from screenshot import CHROMIUM, CHROMIUM_ARGS, REPO_ROOT, free_port, start_server, wait_healthy, wait_settled  # noqa: E402

from ganviz.i18n import CATALOGS  # noqa: E402

CHECK = (Path(__file__).resolve().parent / "chart_text.js").read_text()
SIZES = ((1280, 720), (1920, 1080))


def check_page(page, url: str, present: bool, lang: str, clicks: list[str], wait: float, tabs: int = 0,
               shot: Path | None = None) -> list[dict]:
    """Load ``url`` in ``lang``, click ``clicks``, turn presentation mode on if asked, wait, and check the charts;
    with ``tabs``, check them in each of the page's first ``tabs`` tabs (clicked in turn)."""
    page.goto(f"{url}?lang={lang}", wait_until="networkidle")
    page.wait_for_selector("[data-testid='stApp']", timeout=60_000)
    wait_settled(page, 20_000)
    for label in clicks:  # before presentation mode, which hides some buttons
        page.get_by_role("button", name=label).first.click()
        wait_settled(page, 20_000)
    if present:
        page.get_by_text(CATALOGS[lang].STRINGS["app.present"], exact=True).click()
        wait_settled(page, 20_000)
    time.sleep(wait)
    charts = []
    tabs = min(tabs, page.get_by_role("tab").count())  # a page with fewer tabs, or none (checked once)
    for tab in range(max(tabs, 1)):
        if tabs:
            page.get_by_role("tab").nth(tab).click()
            wait_settled(page, 20_000)
            time.sleep(wait)
        try:
            page.wait_for_selector(".js-plotly-plot", timeout=30_000)
        except Exception:  # noqa: BLE001 - a tab without a chart (yet): check what is there
            pass
        time.sleep(1.0)
        found = page.evaluate(CHECK)
        charts += [dict(chart, tab=tab) for chart in found]
        if shot:
            stem = f"{shot.stem}-{tab}" if tabs else shot.stem
            page.screenshot(path=str(shot.with_name(f"{stem}.png")))
            plots = page.locator(".js-plotly-plot")
            for i in range(min(plots.count(), 12)):  # each chart on its own: the page scrolls inside Streamlit
                if plots.nth(i).is_visible():
                    plots.nth(i).screenshot(path=str(shot.with_name(f"{stem}-chart{i}.png")))
    return charts


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--page", action="append", required=True, help="url path of a page (repeatable)")
    ap.add_argument("--click", action="append", default=[], help="a button's label to click (repeatable)")
    ap.add_argument("--wait", type=float, default=3.0, help="seconds to wait after loading and clicking")
    ap.add_argument("--lang", action="append", help="en, ko (repeatable; default both)")
    ap.add_argument("--mode", action="append", choices=("normal", "present"), help="default both")
    ap.add_argument("--size", action="append", help="WIDTHxHEIGHT (repeatable; default 1280x720 and 1920x1080)")
    ap.add_argument("--tabs", type=int, default=0, help="check each of the page's first TABS tabs")
    ap.add_argument("--out", type=Path, default=REPO_ROOT / "shots" / "chart-text")
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    sizes = [tuple(map(int, s.split("x"))) for s in args.size] if args.size else SIZES
    args.out.mkdir(parents=True, exist_ok=True)
    port = free_port()
    server = start_server("app.py", port)
    failures = 0
    try:
        wait_healthy(server, port, timeout=120)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for name in args.page:
                for width, height in sizes:
                    for mode in args.mode or ("normal", "present"):
                        for lang in args.lang or ("en", "ko"):
                            page = browser.new_page(viewport={"width": width, "height": height})
                            shot = args.out / f"{name}-{width}x{height}-{mode}-{lang}.png"
                            charts = check_page(page, f"http://127.0.0.1:{port}/{name}", mode == "present", lang,
                                                args.click, args.wait, args.tabs, shot)
                            page.close()
                            for chart in charts:
                                failures += len(chart["problems"])
                                print(json.dumps(dict(page=name, size=f"{width}x{height}", mode=mode, lang=lang,
                                                      **chart), ensure_ascii=False), flush=True)
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=15)
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
